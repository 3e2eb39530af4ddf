"""Hostile text (script tags, javascript: URLs, event handlers, formulas, Markdown) comes out inert in every format."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pdfplumber
import pytest

from tests.io.report_fixture import HOSTILE, HOSTILE_IMG, ParsedHTML, hostile_model
from workbench.core.errors import ValidationError
from workbench.io.exporters import EXPORTERS, export
from workbench.io.exporters.csv_claims import COLUMNS

CHROMIUM = Path("/usr/bin/chromium")
SAFE_HREF = re.compile(r"^(https?://|#)")
RAW_EVENT_ATTR = re.compile(r"<[a-zA-Z][^<>]*\son\w+\s*=", re.IGNORECASE)
DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "img", "link", "base", "form", "svg:script", "meta:refresh"}


def _assert_inert_html(html: str, *, allow_svg: bool = True) -> ParsedHTML:
    assert "<script" not in html.lower()
    assert not RAW_EVENT_ATTR.search(html)
    doc = ParsedHTML(html)
    tags = {t for t, _ in doc.tags}
    assert not tags & DANGEROUS_TAGS, tags & DANGEROUS_TAGS
    if not allow_svg:
        assert "svg" not in tags
    for tag, attrs in doc.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert "javascript:" not in (value or "").lower(), (tag, name, value)
            if name in ("href", "src", "action", "formaction", "xlink:href"):
                assert SAFE_HREF.match(value or ""), (tag, name, value)
            if name == "style":
                assert "url(" not in (value or "") and "expression" not in (value or ""), value
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            pytest.fail("meta refresh")
    return doc


def test_every_format_is_covered() -> None:
    covered = {"html", "pdf", "md", "docx", "json", "csv", "claimreview", "annotations"}
    assert set(EXPORTERS) == covered


def test_html_is_inert() -> None:
    html = export("html", hostile_model()).decode("utf-8")
    doc = _assert_inert_html(html)
    # the hostile strings are shown as text
    assert HOSTILE in doc.text and HOSTILE_IMG in doc.text
    assert "javascript:alert(1)" in doc.text
    assert "&lt;script&gt;" in html
    # the hostile colour fell back to grey
    assert "#777777" in html and "url(javascript" not in html


def test_pdf_flavour_html_is_inert() -> None:
    from workbench.io.exporters import html_report

    _assert_inert_html(html_report.render(hostile_model(), for_qt=True), allow_svg=False)


def test_markdown_is_escaped() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    md = export("md", hostile_model()).decode("utf-8")
    # every < is escaped, except in the <https://...> destinations the exporter writes itself
    assert not re.search(r"(?<!\\)<(?!https?://)", md)
    assert "](javascript" not in md.replace("\\](javascript", "")
    rendered = markdown_it.MarkdownIt("commonmark", {"html": True, "linkify": False}).enable("table").render(md)
    doc = _assert_inert_html(rendered)
    assert HOSTILE in doc.text
    assert not doc.find("a")  # no http(s) URL in the hostile model, so no link at all


def test_docx_is_text_only() -> None:
    data = export("docx", hostile_model())
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert HOSTILE in text and HOSTILE_IMG in text
    assert all(not r.is_external for r in document.part.rels.values())  # no hyperlink to javascript:
    body = document.element.xml
    assert "w:fldSimple" not in body and "w:instrText" not in body and "altChunk" not in body
    assert "w:object" not in body and "w:hyperlink" not in body
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if "vbaProject" in n or n.endswith((".bin", ".js"))]


def test_pdf_is_text_only(qapp) -> None:
    from workbench.io.exporters import pdf

    data = pdf.export(hostile_model())
    for marker in (b"/JavaScript", b"/JS ", b"/JS(", b"/OpenAction", b"/Launch", b"/AA", b"/SubmitForm"):
        assert marker not in data, marker
    with pdfplumber.open(io.BytesIO(data)) as document:
        text = "".join(p.extract_text() or "" for p in document.pages)
        uris = [a.get("uri") for p in document.pages for a in p.annots]
    assert "<script>document.title='PWNED'" in text and "onerror=" in text
    assert not [u for u in uris if u and not u.startswith(("http://", "https://"))]


def test_csv_neutralises_formulas() -> None:
    data = export("csv", hostile_model()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[0] == list(COLUMNS)
    numeric = {
        COLUMNS.index(c) for c in ("id", "appearances", "evidence_supports", "evidence_refutes", "evidence_context")
    }
    for row in rows[1:]:
        for i, cell in enumerate(row):
            if i not in numeric:
                assert not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r")), cell
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["statement"].startswith("'=1+1")
    assert row["claimant"] == "'@SUM(A1:A9)"
    assert row["tags"].startswith("'-2+3")
    assert row["rationale"].startswith("'+cmd")


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


@pytest.mark.parametrize("fmt", ["json", "claimreview", "annotations"])
def test_json_outputs_cannot_break_out_of_a_script_element(fmt: str) -> None:
    raw = export(fmt, _publishable(hostile_model())).decode("utf-8")
    assert "<" not in raw and ">" not in raw
    assert "\\u003cscript\\u003e" in raw
    assert any(HOSTILE in value for value in _strings(json.loads(raw)))


def _publishable(model):  # type: ignore[no-untyped-def]
    """The hostile model with the publication settings ClaimReview needs (its own URLs stay hostile)."""
    return dataclasses.replace(model, publication_url="https://pub.example/fc", organisation_url="https://pub.example")


def test_claimreview_and_annotations_drop_javascript_urls() -> None:
    with pytest.raises(ValidationError, match="publication URL"):  # a javascript: publication URL is refused
        export("claimreview", hostile_model())
    reviews = json.loads(export("claimreview", _publishable(hostile_model())))
    assert reviews and reviews[0]["url"].startswith("https://pub.example/fc#claim-")
    for work in reviews[0]["itemReviewed"].get("appearance", []):
        assert "url" not in work
    anns = json.loads(export("annotations", hostile_model()))
    for ann in anns["first"]["items"]:
        assert ann["target"]["source"].startswith("urn:sha256:")
    assert not [a for a in anns["first"]["items"] if "state" in a["target"]]  # no URL, so no TimeState either


def _chromium(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)


@pytest.mark.slow
def test_html_report_in_real_chromium_runs_no_script(tmp_path: Path) -> None:
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("/usr/bin/chromium is not installed (the Makefile installs it: apt-get install -y chromium)")
    # Control: the same browser, JavaScript on, does run a plain script (so a clean result below means something).
    control = tmp_path / "control.html"
    control.write_text(
        "<!DOCTYPE html><html><head><title>before</title></head><body>"
        "<script>document.title='RAN';document.body.insertAdjacentHTML('beforeend','<div id=\"pwned\"></div>')"
        "</script></body></html>",
        encoding="utf-8",
    )
    result = _chromium(["--dump-dom", control.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<title>RAN</title>" in result.stdout and 'id="pwned"' in result.stdout

    report = tmp_path / "report.html"
    report.write_bytes(export("html", hostile_model()))
    result = _chromium(["--dump-dom", report.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = ParsedHTML(result.stdout)
    assert dom.title == f"Verification report — Dossier {HOSTILE}"  # the script is the title's text, not run
    assert not [a for _, a in dom.tags if a.get("id") == "pwned"]
    assert not dom.find("script") and not dom.find("img") and not dom.find("iframe")
    assert HOSTILE in dom.text

    shot = tmp_path / "report.png"
    result = _chromium([f"--screenshot={shot}", "--window-size=1200,1600", report.as_uri()], tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
