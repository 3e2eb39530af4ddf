"""The sample dossier's files import as a fact-checker would expect (our own text, in resources/sample)."""

from __future__ import annotations

from workbench.io.registry import read_file
from workbench.services.sample import sample_dir


def test_sample_pdf_reads_as_paragraphs_without_page_number():
    bundle = read_file(sample_dir() / "04-communique-prefecture.pdf")
    paragraphs = bundle.text.strip().split("\n\n")
    assert paragraphs[0] == "PRÉFECTURE DE LA LERNE"
    assert "Crue de la Lerne : point de situation à 12 heures" in paragraphs
    assert any(p.startswith("Dans la nuit du lundi 9 au mardi 10 mars 2026") for p in paragraphs)
    assert not bundle.text.rstrip().endswith("\n1")  # the printed page number is page furniture
    assert bundle.kind == "pdf" and bundle.page_map == ((0, 1),)


def test_sample_html_keeps_article_drops_menu_and_caption():
    bundle = read_file(sample_dir() / "02-courrier-lerne.html")
    assert bundle.outlet == "Le Courrier de la Lerne" and bundle.author == "Claire Dubreuil"
    assert bundle.published.isoformat() == "2026-03-11"
    assert "« On a eu vingt minutes pour partir" in bundle.text
    for junk in ("Accepter", "S'abonner", "Les plus lus", "Mentions légales", "Photo Le Courrier"):
        assert junk not in bundle.text
