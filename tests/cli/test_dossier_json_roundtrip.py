"""`workbench export --format json` then `workbench import dossier.json` into another database: identical."""

from __future__ import annotations

import json

from tests.cli.helpers import run
from workbench.cli import main


def strip_ids(doc: dict) -> dict:
    """The document without what legitimately differs after a restore: generation time and database ids."""
    sources = {s["id"]: i for i, s in enumerate(doc["sources"])}
    claims = {c["id"]: i for i, c in enumerate(doc["claims"])}
    out = json.loads(json.dumps(doc))
    out.pop("generated_at", None)
    out["dossier"].pop("id", None)

    def scrub(value):
        if isinstance(value, dict):
            return {k: scrub(v) for k, v in value.items() if k not in ("id", "span_id")}
        if isinstance(value, list):
            return [scrub(v) for v in value]
        return value

    for key in ("sources", "claims", "spans", "relations", "history"):
        out[key] = scrub(out.get(key, []))
    text = json.dumps(out, sort_keys=True)
    for old, index in sources.items():
        text = text.replace(f'"source_id": {old},', f'"source_id": "s{index}",')
    for old, index in claims.items():
        text = text.replace(f'"claim_id": {old},', f'"claim_id": "c{index}",')
    return json.loads(text)


def test_json_round_trip_is_identical(tmp_path, capsys):
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    run(capsys, "--db", a, "init", "--demo")
    first = tmp_path / "a.json"
    run(capsys, "--db", a, "export", "--format", "json", "--out", str(first))
    line = run(capsys, "--db", b, "import", str(first))
    assert line.split("\t")[1].startswith("Crue de la Lerne")
    assert json.loads(run(capsys, "--db", b, "dossiers", "--json"))[0]["current"] is True
    second = tmp_path / "b.json"
    run(capsys, "--db", b, "export", "--format", "json", "--out", str(second))
    doc_a, doc_b = json.loads(first.read_text()), json.loads(second.read_text())
    assert len(doc_a["claims"]) == len(doc_b["claims"]) == 5
    # texts, hashes, metadata, claims, evidence, history: field by field
    for sa, sb in zip(doc_a["sources"], doc_b["sources"], strict=True):
        for key in ("title", "outlet", "published", "url", "kind", "sha256", "text_sha256", "text"):
            assert sa.get(key) == sb.get(key), key
    for ca, cb in zip(doc_a["claims"], doc_b["claims"], strict=True):
        for key in ("statement", "claimant", "claim_date", "status", "verdict", "rationale", "tags", "version"):
            assert ca.get(key) == cb.get(key), key
    assert [h["action"] for h in doc_a["history"]] == [h["action"] for h in doc_b["history"]][: len(doc_a["history"])]
    # the restored claims point at the same text in the restored sources
    texts = {s["id"]: s["text"] for s in doc_b["sources"]}
    for span in doc_b["spans"]:
        assert texts[span["source_id"]][span["start"]:span["end"]] == span["exact"]


def test_bad_json_is_one_clear_error(tmp_path, capsys):
    bad = tmp_path / "broken.json"
    bad.write_text('{"format": "workbench-dossier", "version": 1, "dossier": 3}', encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "x.sqlite"), "import", str(bad)]) != 0
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: broken.json:") and len(err.splitlines()) == 1


def test_copy_command_between_files(tmp_path, capsys):
    a, b = str(tmp_path / "a.sqlite"), str(tmp_path / "b.sqlite")
    run(capsys, "--db", a, "init", "--demo")
    new_id = run(capsys, "copy", "--from", a, "--to", b).strip()
    assert new_id.isdigit()
    assert run(capsys, "--db", a, "claims") == run(capsys, "--db", b, "--dossier", new_id, "claims")
    capsys.readouterr()
    assert main(["copy", "--from", a, "--to", b, "--dossier", "99"]) != 0
    assert "no dossier with id 99" in capsys.readouterr().err


def test_backup_restores_after_trash_deletion_and_filters(tmp_path, capsys):
    """A JSON export is always a backup Workbench can restore (trashed sources, deleted claims, --claim filter)."""
    from workbench.services import sources
    from workbench.services.store import Store

    a = str(tmp_path / "a.sqlite")
    run(capsys, "--db", a, "init", "--demo")
    run(capsys, "--db", a, "claim", "cite", "5", "--stance", "supports", "--source", "2", "--quote", "Lerne")
    run(capsys, "--db", a, "claim", "relate", "1", "2", "--kind", "contradicts")
    run(capsys, "--db", a, "claim", "relate", "3", "4", "--kind", "supports")
    run(capsys, "--db", a, "claim", "delete", "2")
    store = Store.open(a)
    sources.delete(store, 2)
    store.close()
    for i, extra in enumerate(([], ["--claim", "3"])):
        out = tmp_path / f"backup{i}.json"
        run(capsys, "--db", a, "export", "--format", "json", "--out", str(out), *extra)
        line = run(capsys, "--db", str(tmp_path / f"restored{i}.sqlite"), "import", str(out))
        assert "Crue de la Lerne" in line
    claims = json.loads(run(capsys, "--db", a, "claims", "--json"))
    assert all(e.get("source_id") != 2 for c in claims for e in c["evidence"])  # trashed source: hidden
    assert all(r["to"] != 2 and r["from"] != 2 for c in claims for r in c["relations"])  # deleted claim: no link


def test_hand_edited_json_fails_with_one_line(tmp_path, capsys):
    a = str(tmp_path / "a.sqlite")
    run(capsys, "--db", a, "init", "--demo")
    out = tmp_path / "d.json"
    run(capsys, "--db", a, "export", "--format", "json", "--out", str(out))
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["spans"][0]["end"] = doc["spans"][0]["start"]
    doc["spans"][0]["exact"] = ""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["claims"][0]["tags"] = ["a", "a"]
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(doc), encoding="utf-8")
    for path in (bad, twice):
        capsys.readouterr()
        assert main(["--db", str(tmp_path / "new.sqlite"), "import", str(path)]) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith(f"error: {path.name}:") and len(err.splitlines()) == 1


def test_copy_from_a_missing_file_creates_nothing(tmp_path, capsys):
    missing, dst = tmp_path / "none.sqlite", tmp_path / "b.sqlite"
    assert main(["copy", "--from", str(missing), "--to", str(dst)]) == 1
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists() and not dst.exists()


def test_blank_quote_and_nth_counts(tmp_path, capsys):
    db = str(tmp_path / "q.sqlite")
    src = tmp_path / "a.txt"
    src.write_text("aaaa est un mot.\n", encoding="utf-8")
    run(capsys, "--db", db, "import", str(src))
    capsys.readouterr()
    assert main(["--db", db, "claim", "add", "1", "--quote", " "]) == 1
    assert "the quote is empty" in capsys.readouterr().err
    assert main(["--db", db, "claim", "add", "1", "--quote", "aa", "--nth", "4"]) == 1
    assert "occurs 3 time(s)" in capsys.readouterr().err
