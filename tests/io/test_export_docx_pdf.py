"""DOCX (read back with python-docx) and PDF (read back with pdfplumber) reports."""

from __future__ import annotations

import dataclasses
import io
import re

import docx
import pdfplumber
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor

from tests.io.report_fixture import build_model
from workbench.io.exporters import docx_report


def _docx(model=None) -> docx.document.Document:
    return docx.Document(io.BytesIO(docx_report.export(model or build_model())))


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_docx_has_headings_claims_and_tables() -> None:
    model = build_model()
    document = _docx(model)
    text = _all_text(document)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == model.dossier.name
    for name in ("Summary", "Claims", "Sources", "Discrepancies between sources", "Rating scale — Workbench scale"):
        assert name in headings
    for claim in model.claims:  # each claim's headline is a heading
        assert claim.statement in headings
    for claim in model.claims:
        assert claim.statement in text
    assert "Selon la mairie, l’eau de la Seine a respecté les normes de baignade 90 % des jours de l’été 2023." in text
    for source in model.sources:
        assert source.sha256 in text
    assert "moved the claim from “In review” to “Concluded”" in text
    assert "The city and the water agency give different shares of compliant days." in text
    assert len(document.tables) >= 5
    assert document.core_properties.title == f"Verification report — {model.dossier.name}"


def test_docx_verdicts_are_coloured_and_spans_highlighted() -> None:
    model = build_model()
    document = _docx(model)
    runs = [r for p in document.paragraphs for r in p.runs]
    misleading = [r for r in runs if r.text == "Misleading" and r.bold]
    assert misleading and all(r.font.color.rgb == RGBColor(0xE6, 0x91, 0x38) for r in misleading)
    marked = {r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW}
    assert model.claims[0].appearances[0].span.exact in marked
    assert model.claims[0].evidence[0].span.exact in marked


def test_docx_links_are_http_only_and_footer_has_page_numbers() -> None:
    document = _docx()
    targets = [r.target_ref for r in document.part.rels.values() if r.is_external]
    assert "https://quotidien.example/seine-baignade" in targets
    assert all(t.startswith("https://") for t in targets)
    footer_xml = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer_xml and 'w:instr="NUMPAGES"' in footer_xml


def test_docx_history_option_and_french() -> None:
    model = dataclasses.replace(build_model(language="fr"), include_history=False)
    text = _all_text(_docx(model))
    assert "Historique" not in text
    assert "Trompeur" in text and "Synthèse" in text


@pytest.fixture(scope="module")
def pdf_bytes(qapp) -> bytes:  # qapp: pytest-qt's QApplication, so later widget tests find a full QApplication
    from workbench.io.exporters import pdf

    return pdf.export(build_model())


def test_pdf_text_is_selectable_and_complete(pdf_bytes: bytes) -> None:
    assert pdf_bytes.startswith(b"%PDF-")
    model = build_model()
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as document:
        pages = [p.extract_text() or "" for p in document.pages]
        assert document.metadata.get("Title") == f"Verification report — {model.dossier.name}"
    text = re.sub(r"\s+", " ", "\n".join(pages))
    assert len(pages) >= 2
    for claim in model.claims:
        assert claim.statement in text
    for needle in (
        "Misleading",
        "Mairie de Paris",
        "Supports the claim (1)",
        "Refutes the claim (1)",
        "Sources",
        "Rating scale",
    ):
        assert needle in text
    assert "Hélène Dubois" in text and "qualité de l’eau" in text
    for n, page in enumerate(pages, 1):
        assert f"page {n} / {len(pages)}" in page


def test_pdf_in_french_has_french_page_footer(qapp) -> None:
    from workbench.io.exporters import pdf

    data = pdf.export(build_model(language="fr"))
    with pdfplumber.open(io.BytesIO(data)) as document:
        first = document.pages[0].extract_text() or ""
    assert "Rapport de vérification" in first and "Synthèse" in first
    assert re.search(r"page 1 / \d+", first)


def test_pdf_progress_ends_at_total(qapp) -> None:
    from workbench.io.exporters import pdf

    calls: list[tuple[int, int]] = []
    pdf.export(build_model(), lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 4) and calls[-1] == (4, 4)
