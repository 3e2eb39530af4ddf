"""Markdown report (rendered back with markdown-it-py) and CSV table of claims."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest

from tests.io.report_fixture import ParsedHTML, build_model
from workbench.io.exporters import csv_claims, markdown_report
from workbench.io.exporters.markdown_report import md_escape


def _render(md: str) -> ParsedHTML:
    markdown_it = pytest.importorskip("markdown_it")
    return ParsedHTML(markdown_it.MarkdownIt("commonmark").enable("table").render(md))


def test_markdown_has_the_report_content() -> None:
    model = build_model()
    md = markdown_report.export(model).decode("utf-8")
    assert md.startswith(f"# {model.dossier.name}\n")
    html = _render(md)
    text = html.text
    for claim in model.claims:
        assert claim.statement in text
    for heading in ("Summary", "Claims", "Sources", "Discrepancies between sources", "Rating scale — Workbench scale"):
        assert heading in [t for t in text.split("\n")] or heading in text
    assert "Supports the claim (1)" in text and "Refutes the claim (1)" in text
    # the exact span is in bold, inside a blockquote that holds the whole sentence
    span = model.claims[0].appearances[0].span
    strong = [attrs for tag, attrs in html.tags if tag == "strong"]
    assert strong
    assert "Selon la mairie, l’eau de la Seine a respecté les normes de baignade 90 % des jours de l’été 2023." in text
    assert span.exact in text
    hrefs = [a.get("href") for a in html.find("a")]
    assert "https://metrowire.example/news/seine?id=42&lang=en" in hrefs
    assert all(h and h.startswith("https://") for h in hrefs)
    assert len(html.find("table")) >= 4  # summary, history, sources, discrepancy, scale
    for source in model.sources:
        assert source.sha256 in text
    assert "moved the claim from “In review” to “Concluded”" in text


def test_markdown_history_option_and_french() -> None:
    model = dataclasses.replace(build_model(language="fr"), include_history=False)
    md = markdown_report.export(model).decode("utf-8")
    assert "Historique" not in md
    assert "Trompeur" in md and "Synthèse" in md and "3 août 2023" in md


@pytest.mark.parametrize(
    "text",
    [
        "# heading",
        "- item",
        "1. ordered",
        "> quote",
        "*em* _em_ **strong**",
        "`code`",
        "[x](https://e.org)",
        "<b>tag</b> &amp;",
        "a | b",
        "===",
        "    indented",
        "back\\slash",
    ],
)
def test_md_escape_renders_as_the_same_text(text: str) -> None:
    html = _render(f"Value: {md_escape(text)}\n\n{md_escape(text, inline=False)}\n")
    rendered = html.text
    assert rendered.count(text.strip()) == 2, rendered
    assert not {t for t, _ in html.tags} - {"p"}


def _rows() -> list[dict[str, str]]:
    data = csv_claims.export(build_model())
    assert data.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_one_row_per_claim() -> None:
    model = build_model()
    rows = _rows()
    assert list(rows[0]) == list(csv_claims.COLUMNS)
    assert [int(r["id"]) for r in rows] == [c.id for c in model.claims]
    first = rows[0]
    assert first["statement"] == model.claims[0].statement
    assert first["claimant"] == "Mairie de Paris"
    assert first["claim_date"] == "2023-08-03"
    assert first["status"] == "concluded"
    assert (first["verdict"], first["verdict_label"]) == ("misleading", "Misleading")
    assert first["rationale"] == model.claims[0].rationale  # multi-line cell survives
    assert first["tags"] == "water; été 2023"
    assert first["sources"] == (
        "Baignade dans la Seine : la mairie promet une eau « propre » 🏊; "
        "City says river safe for swimming 90% of summer days"
    )
    assert (first["appearances"], first["evidence_supports"], first["evidence_refutes"], first["evidence_context"]) == (
        "2",
        "1",
        "1",
        "1",
    )
    assert rows[3]["verdict"] == "" and rows[3]["verdict_label"] == ""


def test_csv_labels_follow_the_language() -> None:
    data = csv_claims.export(build_model(language="fr")).decode("utf-8-sig")
    assert "Trompeur" in data


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+cmd", "'+cmd"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=x", "'\t=x"),
        ("  =x", "'  =x"),
        ("＝1", "'＝1"),
        ("plain = text", "plain = text"),
        ("", ""),
    ],
)
def test_csv_neutralises_formulas(value: str, expected: str) -> None:
    assert csv_claims.neutralise(value) == expected
