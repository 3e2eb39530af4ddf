"""Web Annotations exported from one database re-anchor onto the same sources in another, even moved text."""

from __future__ import annotations

import json

from tests.cli.helpers import run

TEXT = "Titre\n\nLa préfecture annonce 1 200 évacués 🌊. Le maire parle de « 2 100 personnes ».\n"




def test_annotations_round_trip(tmp_path, capsys):
    src = tmp_path / "article.txt"
    src.write_text(TEXT, encoding="utf-8")
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    run(capsys, "--db", a, "import", str(src), "--url", "https://example.org/article")
    cid = run(capsys, "--db", a, "claim", "add", "1", "--quote", "1 200 évacués", "--verdict", "true").strip()
    run(capsys, "--db", a, "claim", "cite", cid, "--stance", "refutes", "--source", "1", "--quote", "2 100 personnes")
    out = tmp_path / "notes.annotations.jsonld"
    run(capsys, "--db", a, "export", "--format", "annotations", "--out", str(out))

    # same text in another database: anchored at the same offsets, verdict restored
    run(capsys, "--db", b, "import", str(src), "--url", "https://example.org/article")
    assert "2 anchored" in run(capsys, "--db", b, "import", str(out))
    original = json.loads(run(capsys, "--db", a, "claims", "--json"))[0]
    restored = json.loads(run(capsys, "--db", b, "claims", "--json"))[0]
    assert restored["verdict"] == "true"
    assert [(x["start"], x["end"], x["exact"]) for x in restored["appearances"]] == \
        [(x["start"], x["end"], x["exact"]) for x in original["appearances"]]
    assert restored["evidence"][0]["exact"] == "2 100 personnes"

    # the article re-published with a new first line: same URL, text moved -> re-anchored, state "moved"
    c = str(tmp_path / "c.sqlite")
    moved = tmp_path / "article-v2.txt"
    moved.write_text("Mise à jour : précisions.\n" + TEXT, encoding="utf-8")
    run(capsys, "--db", c, "import", str(moved), "--url", "https://example.org/article")
    assert "2 moved" in run(capsys, "--db", c, "import", str(out))
    again = json.loads(run(capsys, "--db", c, "claims", "--json"))[0]
    body = run(capsys, "--db", c, "text", "1")
    span = again["appearances"][0]
    assert body[span["start"]:span["end"]] == "1 200 évacués"


def test_unusable_annotations_change_nothing(tmp_path, capsys):
    src = tmp_path / "article.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "a.sqlite")
    run(capsys, "--db", db, "import", str(src))
    cid = run(capsys, "--db", db, "claim", "add", "1", "--quote", "1 200 évacués").strip()
    assert cid
    out = tmp_path / "notes.annotations.jsonld"
    run(capsys, "--db", db, "export", "--format", "annotations", "--out", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    items = doc["first"]["items"] if "first" in doc else doc["items"]
    broken = json.loads(json.dumps(items[0]))
    broken["id"] = "urn:uuid:00000000-0000-4000-8000-000000000000"
    broken["body"] = []
    target = broken["target"][0] if isinstance(broken["target"], list) else broken["target"]
    target["selector"] = [{"type": "TextPositionSelector", "start": 5, "end": 5}]
    items.append(broken)
    out.write_text(json.dumps(doc), encoding="utf-8")
    before = run(capsys, "--db", db, "claims", "--json")
    capsys.readouterr()
    from workbench.cli import main

    code = main(["--db", db, "import", str(out)])
    err = capsys.readouterr().err
    assert code == 0 and "warning:" in err  # the good annotation imports, the broken one is reported and skipped
    after = json.loads(run(capsys, "--db", db, "claims", "--json"))
    assert len(after) == len(json.loads(before)) + 1
