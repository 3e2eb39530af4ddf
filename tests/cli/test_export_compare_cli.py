"""`workbench export` in every format and `workbench compare --json`, on the sample dossier, parsed back."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser

import pytest

from tests.cli.helpers import run
from workbench.cli import main


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(db), "init", "--demo"]) == 0
    for key, value in (("organisation", "Les Vérificateurs"), ("organisation-url", "https://verif.example"),
                       ("publication-url", "https://verif.example/fc/{claim}")):
        assert main(["--db", str(db), "setting", key, value]) == 0
    return str(db)




def claims(capsys, db):
    return json.loads(run(capsys, "--db", db, "claims", "--json"))


def test_export_every_format_parses(demo, capsys, tmp_path):
    items = claims(capsys, demo)
    statements = [c["statement"] for c in items]
    for fmt in ("html", "md", "csv", "json", "claimreview", "annotations", "docx", "pdf"):
        out = tmp_path / f"report.{fmt}"
        run(capsys, "--db", demo, "export", "--format", fmt, "--out", str(out), "--language", "fr", "--history")
        data = out.read_bytes()
        if fmt == "html":
            text = data.decode()
            parser = HTMLParser()
            parser.feed(text)
            assert "<script" not in text.lower()
            assert all(s.replace("'", "&#x27;") in text or s in text for s in statements)
        elif fmt == "md":
            assert "Crue de la Lerne" in data.decode()
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
            assert [int(r["id"]) for r in rows] == [c["id"] for c in items]
            assert {r["verdict"] for r in rows} >= {"false", "out-of-context", "mostly-true"}
        elif fmt == "json":
            doc = json.loads(data)
            assert doc["format"] == "workbench-dossier" and len(doc["claims"]) == len(items)
        elif fmt == "claimreview":
            reviews = json.loads(data)
            concluded = [c for c in items if c["status"] == "concluded" and c["verdict"]]
            assert len(reviews) == len(concluded)
            for r in reviews:
                assert r["@type"] == "ClaimReview" and r["claimReviewed"] and r["reviewRating"]["alternateName"]
                assert r["itemReviewed"]["@type"] == "Claim" and r["itemReviewed"]["appearance"]
        elif fmt == "annotations":
            doc = json.loads(data)
            annotations = doc["first"]["items"] if "first" in doc else doc["items"]
            assert len(annotations) == sum(len(c["appearances"]) + sum(1 for e in c["evidence"] if "start" in e)
                                           for c in items)
        elif fmt == "docx":
            import docx

            body = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
            assert statements[0] in body
        elif fmt == "pdf":
            import pdfplumber

            with pdfplumber.open(io.BytesIO(data)) as pdf:
                text = "\n".join(page.extract_text() or "" for page in pdf.pages)
            assert "Saint-Aubin" in text and "1 / " in text


def test_export_filters_and_errors(demo, capsys, tmp_path):
    out = tmp_path / "false.csv"
    run(capsys, "--db", demo, "export", "--format", "csv", "--out", str(out), "--verdict", "false")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["verdict"] for r in rows] == ["false"]
    capsys.readouterr()
    assert main(["--db", demo, "export", "--format", "csv", "--out", str(out), "--verdict", "nope"]) != 0
    assert capsys.readouterr().err.startswith("error: unknown verdict")
    assert main(["--db", demo, "export", "--format", "html", "--out", str(out), "--source", "999"]) != 0
    assert "no source with id 999" in capsys.readouterr().err


def test_compare_json_contract(demo, capsys):
    data = json.loads(run(capsys, "--db", demo, "compare", "--json"))
    assert set(data) >= {"event_date", "alignments", "discrepancies", "sources", "reuse"}
    assert data["event_date"] == "2026-03-10"
    texts = {}

    def text(sid):
        if sid not in texts:
            texts[sid] = run(capsys, "--db", demo, "text", str(sid))
        return texts[sid]

    for d in data["discrepancies"]:
        assert d["kind"] in {"number", "count", "date", "participant", "quote_wording", "other"}
        for s in d["spans"]:
            assert text(s["source_id"])[s["start"]:s["end"]] == s["exact"] and "value" in s
    for a in data["alignments"]:
        for side in ("a", "b"):
            s = a[side]
            assert text(s["source_id"])[s["start"]:s["end"]] == s["exact"]
    flags = {s["source_id"]: s["flags"] for s in data["sources"]}
    recycled = [sid for sid, f in flags.items() if "recycled" in f]
    assert len(recycled) == 1 and "2025" in run(capsys, "--db", demo, "text", str(recycled[0]))
    assert any("relay" in f for f in flags.values())
    assert data["reuse"] and all(r["chars"] > 100 for r in data["reuse"])
    summary = run(capsys, "--db", demo, "compare")
    assert "recycled" in summary and "Discrepancies" in summary


def test_compare_summary_in_french_shows_no_internal_values(demo, capsys):
    """The text summary speaks the asked language: labels from the catalog, no engine keys or internal values."""
    summary = run(capsys, "--db", demo, "compare", "--language", "fr")
    assert "Divergences :" in summary and "Passages alignés :" in summary and "recyclée" in summary
    assert "hors contexte" in summary and "out-of-context" not in summary
    for internal in ("[other]", "[number]", "[date]", "[participant]", "[quote_wording]", "Reuse (", "boilerplate"):
        assert internal not in summary
    assert "= 2026-03-11" in summary  # a date's value is shown: it says more than « Mercredi 11 mars »
    for line in summary.splitlines():  # a value equal to its quote is not repeated
        if " = " in line and "« " in line:
            quote, value = line.split("« ", 1)[1].rsplit(" » = ", 1)
            assert quote.casefold() != value.casefold()
    english = run(capsys, "--db", demo, "compare")
    assert english.count("boilerplate line") == sum(1 for ln in english.splitlines() if ln.startswith("Source")
                                                    and "boilerplate line" in ln)  # counted once per source


def test_reports_show_who_concluded(tmp_path, capsys):
    db = str(tmp_path / "who.sqlite")
    src = tmp_path / "a.txt"
    src.write_text("Le maire affirme que 1 200 habitants ont été évacués.\n", encoding="utf-8")
    run(capsys, "--db", db, "import", str(src))
    run(capsys, "--user", "Alice Martin", "--db", db, "claim", "add", "1", "--quote", "1 200 habitants",
        "--verdict", "true", "--status", "concluded")
    for fmt in ("html", "md"):
        out = tmp_path / f"r.{fmt}"
        run(capsys, "--db", db, "export", "--format", fmt, "--out", str(out))
        text = out.read_text(encoding="utf-8")
        assert "Fact-check by Alice Martin" in text


def test_organisation_signs_claimreview(demo, capsys, tmp_path):
    run(capsys, "--db", demo, "setting", "organisation", "Les Vérificateurs")
    assert run(capsys, "--db", demo, "setting", "organisation").strip() == "Les Vérificateurs"
    out = tmp_path / "cr.json"
    run(capsys, "--db", demo, "export", "--format", "claimreview", "--out", str(out))
    reviews = json.loads(out.read_text(encoding="utf-8"))
    assert {r["author"]["name"] for r in reviews} == {"Les Vérificateurs"}
    assert {r["author"]["url"] for r in reviews} == {"https://verif.example"}
    assert all(r["url"].startswith("https://verif.example/fc/") for r in reviews)


def test_claimreview_refuses_with_one_line_naming_what_is_missing(tmp_path, capsys):
    db = str(tmp_path / "cr.sqlite")
    assert main(["--db", db, "init", "--demo"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "export", "--format", "claimreview", "--out", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ClaimReview not written") and "\n" not in err
    assert "organisation" in err and "publication URL" in err
    assert not (tmp_path / "x.json").exists()
    assert main(["--db", db, "setting", "organisation-url", "ftp://x"]) == 1
    assert "http(s)" in capsys.readouterr().err


def test_settings_round_trip_through_the_cli(tmp_path, capsys):
    db = str(tmp_path / "s.sqlite")
    assert main(["--db", db, "init"]) == 0
    run(capsys, "--db", db, "setting", "publication-url", "https://v.example/{claim}")
    assert run(capsys, "--db", db, "setting", "publication-url").strip() == "https://v.example/{claim}"
    run(capsys, "--db", db, "--user", "mdupont", "setting", "user-name", "Marie Dupont")
    assert run(capsys, "--db", db, "--user", "mdupont", "setting", "user-name").strip() == "Marie Dupont"
    run(capsys, "--db", db, "setting", "paper-size", "Letter")
    assert run(capsys, "--db", db, "setting", "paper-size").strip() == "letter"


def test_workbench_alone_opens_the_window_or_says_why(tmp_path, capsys, monkeypatch):
    """`workbench` with no subcommand is the GUI; without a display it says so in one line."""
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert main(["--db", str(tmp_path / "w.sqlite")]) == 1
    assert capsys.readouterr().err.startswith("error: no display")


def test_gui_screenshot_of_sample(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    db = str(tmp_path / "shot.sqlite")
    out = tmp_path / "shot.png"
    args = ["--db", db, "gui", "--open", "1,3", "--claim", "1", "--screenshot", str(out), "--size", "1280x800"]
    assert main(args) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    capsys.readouterr()
    assert main(["--db", db, "gui", "--open", "99", "--screenshot", str(out)]) == 1
    assert "no source with id 99" in capsys.readouterr().err
