"""DOCX importer: paragraphs, headings, lists and tables in order; core properties."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from docx import Document

from workbench.core.errors import ImportFailure
from workbench.io import registry
from workbench.io.importers import docx as docx_importer

PARAS = [
    "La préfecture a indiqué que « 1 240 demandes ont été traitées en mars », soit 18 % de plus qu’en février.",
    "Le délai moyen d’instruction est passé de 41 à 37 jours, d’après le tableau ci-dessous.",
    "Les associations contestent ces chiffres et demandent l’accès aux données brutes 📊.",
]


def build_docx(path: Path) -> bytes:
    doc = Document()
    doc.core_properties.title = "Bilan des demandes de titres de séjour"
    doc.core_properties.author = "Élodie Marchand"
    doc.core_properties.created = dt.datetime(2024, 4, 5, 9, 30)
    doc.core_properties.language = "fr-FR"
    doc.add_heading("Bilan du premier trimestre", level=1)
    doc.add_paragraph(PARAS[0])
    doc.add_paragraph(PARAS[1])
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate(
        [("Mois", "Demandes", "Délai (jours)"), ("Février", "1 051", "41"), ("Mars", "1 240", "37")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_heading("Points à vérifier", level=2)
    doc.add_paragraph("l’origine des données ;", style="List Bullet")
    doc.add_paragraph("la période couverte.", style="List Bullet")
    doc.add_paragraph("Demander le fichier source.", style="List Number")
    doc.add_paragraph("Comparer avec 2023.", style="List Number")
    doc.add_paragraph(PARAS[2])
    doc.save(path)
    return path.read_bytes()


def test_text_in_order_with_lists_and_table(tmp_path: Path) -> None:
    data = build_docx(tmp_path / "bilan.docx")
    bundle = registry.read_bytes("bilan.docx", data)
    text = bundle.text
    assert bundle.kind == "docx"
    expected_order = [
        "Bilan du premier trimestre",
        PARAS[0],
        PARAS[1],
        "Mois | Demandes | Délai (jours)\nFévrier | 1 051 | 41\nMars | 1 240 | 37",
        "Points à vérifier",
        "• l’origine des données ;\n• la période couverte.",
        "1. Demander le fichier source.\n2. Comparer avec 2023.",
        PARAS[2],
    ]
    positions = [text.find(part) for part in expected_order]
    assert all(p >= 0 for p in positions), (positions, text)
    assert positions == sorted(positions)
    assert f"{PARAS[0]}\n\n{PARAS[1]}" in text


def test_core_properties(tmp_path: Path) -> None:
    path = tmp_path / "bilan.docx"
    build_docx(path)
    bundle = registry.read_file(path)
    assert bundle.name == "bilan.docx"
    assert bundle.title == "Bilan des demandes de titres de séjour"
    assert bundle.author == "Élodie Marchand"
    assert bundle.published == dt.date(2024, 4, 5)
    assert bundle.language == "fr-FR"


def test_english_document_without_language_property(tmp_path: Path) -> None:
    doc = Document()
    doc.core_properties.title = "Memo"
    doc.add_paragraph("The agency’s report didn’t mention the 2019 audit.")
    buf = io.BytesIO()
    doc.save(buf)
    bundle = registry.read_bytes("memo.docx", buf.getvalue())
    assert bundle.text == "The agency’s report didn’t mention the 2019 audit.\n"
    assert bundle.title == "Memo"


def test_corrupt_zip(tmp_path: Path) -> None:
    data = build_docx(tmp_path / "x.docx")
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("cassé.docx", data[: len(data) // 2])
    assert str(info.value) == f"cassé.docx: {docx_importer.NOT_DOCX}"


def test_zip_that_is_not_a_word_document() -> None:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hello")
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("archive.docx", buf.getvalue())
    assert str(info.value).startswith("archive.docx: not a valid Word document")
