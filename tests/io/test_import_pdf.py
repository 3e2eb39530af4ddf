"""PDF importer: reading order on 2- and 3-column pages, notes out of sentences, no running furniture,
hyphenation, tables, page map and metadata. Every PDF is drawn by the tests with Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.io import pdf_fixtures as F
from workbench.io import registry
from workbench.io.importers import pdf_layout

pytestmark = pytest.mark.usefixtures("pdf_qt")

HEADER = "Rapport d’observations définitives — Chambre régionale des comptes"
FOOTER = "Imprimé le 12/03/2024 · réf. CRC-2024-117"

FR_PARAS = [
    "La commune a engagé en 2021 un programme de rénovation de ses écoles dont le coût total atteint 14,6 millions "
    "d’euros. Le conseil municipal n’a été informé du dépassement qu’en juin 2023, soit dix-huit mois après les "
    "premières alertes du maître d’œuvre.",
    "Selon l’ordonnateur, « les travaux supplémentaires étaient indispensables à la sécurité des élèves ». La chambre "
    "relève toutefois que trois avenants ont été signés sans délibération préalable. L’un d’eux porte à lui seul sur "
    "1,2 million d’euros.",
    "Les marchés de maintenance ont été attribués au même prestataire depuis 2016. Aucune mise en concurrence n’a été "
    "organisée lors de leur renouvellement en 2019 et en 2022. La chambre recommande de lancer une nouvelle "
    "consultation avant la fin de l’exercice.",
]
FOOTNOTE = "1 Source : comptes administratifs 2019 à 2023, annexe IV, état de la dette."
SIDENOTE = "Voir aussi le rapport de 2018."


def sentences(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for para in paragraphs:
        out.extend(s.strip() for s in para.replace(". ", ".\n").split("\n") if s.strip())
    return out


def two_column_doc() -> tuple[bytes, list[str]]:
    pages = []
    for number in (1, 2):
        page = F.Page()
        title = "Rénovation des écoles : un coût mal maîtrisé" if number == 1 else "Maintenance et mise en concurrence"
        page.runs.append(F.Run(60, 95, title, 14, True))
        body = F.split_columns(FR_PARAS if number == 1 else FR_PARAS[::-1], [(60, 225), (310, 225)], 130)
        col1 = [r for r in body if r.x == 60]
        col2 = [r for r in body if r.x == 310]
        page.runs.extend(col1)
        # small type drawn between the two columns in the content stream, at the foot of column 1 / in the margin
        page.runs.append(F.Run(60, 745, FOOTNOTE, 7))
        page.runs.append(F.Run(540, col1[1].y, "Voir aussi le", 7))
        page.runs.append(F.Run(540, col1[1].y + 8, "rapport de 2018.", 7))
        page.runs.extend(col2)
        page.runs.extend(F.header_footer(number, 2, HEADER, FOOTER))
        pages.append(page)
    data = F.render_pdf(
        pages, title="Rapport d’observations définitives", author="Chambre régionale des comptes", created="20240312"
    )
    return data, sentences(FR_PARAS)


def test_two_columns_reading_order_notes_and_furniture() -> None:
    data, expected = two_column_doc()
    bundle = registry.read_bytes("rapport.pdf", data)
    text = bundle.text
    assert bundle.kind == "pdf"
    for sentence in expected:
        assert sentence in text, sentence
    page1 = text[: bundle.page_map[1][0]]
    positions = [page1.find(s) for s in expected]
    assert positions == sorted(positions), positions
    # titles first, notes after the body, furniture gone
    assert page1.startswith("Rénovation des écoles : un coût mal maîtrisé\n\n")
    assert page1.find(FOOTNOTE) > max(positions)
    assert SIDENOTE in page1 and page1.find(SIDENOTE) > max(positions)
    for junk in (HEADER, FOOTER, "CRC-2024"):
        assert junk not in text
    assert "\n1\n" not in text and "\n2\n" not in text and not text.rstrip().endswith("2")


def test_metadata_and_page_map() -> None:
    data, _ = two_column_doc()
    bundle = registry.read_bytes("rapport.pdf", data)
    assert bundle.title == "Rapport d’observations définitives"
    assert bundle.author == "Chambre régionale des comptes"
    assert bundle.published == dt.date(2024, 3, 12)
    assert bundle.page_map[0] == (0, 1)
    assert [p for _, p in bundle.page_map] == [1, 2]
    start2 = bundle.page_map[1][0]
    assert bundle.text[start2:].startswith("Maintenance et mise en concurrence")
    assert bundle.text.find("Maintenance et mise en concurrence") == start2
    assert bundle.extra["pages"] == 2


def test_three_columns() -> None:
    paras = [
        "The harbour board said the new crane “doubled capacity overnight”, but the logs tell another story. "
        "Container moves rose by 9 per cent in the first quarter and fell back in the second.",
        "Dock workers interviewed by the paper described long stoppages while the software was patched. "
        "The supplier confirmed two outages lasting more than a day each.",
        "A board member, who asked not to be named, said the figures had been “rounded generously”. "
        "The annual report is due in September.",
    ]
    page = F.Page(runs=[F.Run(60, 90, "Crane claims under scrutiny", 16, True)])
    page.runs.extend(F.split_columns(paras, [(60, 145), (225, 145), (390, 145)], 125, size=9, leading=11))
    page.runs.extend(F.header_footer(1, 2, "The Harbour Ledger · Port edition"))
    page2 = F.Page(
        runs=[F.Run(60, 125, "Corrections: none.", 9), *F.header_footer(2, 2, "The Harbour Ledger · Port edition")]
    )
    bundle = registry.read_bytes("crane.pdf", F.render_pdf([page, page2], title="Crane claims"))
    expected = sentences(paras)
    positions = [bundle.text.find(s) for s in expected]
    assert all(p >= 0 for p in positions), [s for s in expected if s not in bundle.text]
    assert positions == sorted(positions)
    assert bundle.text.startswith("Crane claims under scrutiny\n\n")


def test_hyphenation_soft_breaks_and_compounds() -> None:
    lines = [
        "Le contrôleur a vérifié que les com-",
        "mandes passées en 2023 respectaient le guide FAA-",
        "approved du constructeur, comme à l’aéroport Soekarno-",
        "Hatta. Le porte-",
        "parole a reconnu que les procé-",
        "dures de la zone B-",
        "12 n’avaient pas été suivies.",
    ]
    page = F.Page(runs=[F.Run(60, 120 + 12.5 * k, line) for k, line in enumerate(lines)])
    page.runs.append(F.Run(60, 260, "Le porte-parole du ministère n’a pas souhaité répondre."))
    bundle = registry.read_bytes("audit.pdf", F.render_pdf([page]))
    text = bundle.text
    assert "les commandes passées en 2023" in text
    assert "le guide FAA-approved du constructeur" in text
    assert "l’aéroport Soekarno-Hatta." in text
    assert "Le porte-parole a reconnu que les procédures de la zone B-12 n’avaient pas été suivies." in text


def test_french_administrative_document_accents_and_apostrophes() -> None:
    paras = [
        "Arrêté préfectoral n° 2024-117 du 12 mars 2024 portant autorisation temporaire d’occupation du domaine "
        "public.",
        "Vu le code général de la propriété des personnes publiques, et notamment son article L. 2122-1 ;",
        "Considérant que l’association « Les Amis du Vieux Port » a sollicité l’occupation du quai d’honneur "
        "du 1er au 15 juillet 2024 ;",
        "Article 1er : L’occupation est autorisée à titre précaire et révocable. Elle ne confère aucun droit réel à "
        "son bénéficiaire.",
    ]
    runs, _ = F.column_runs(paras, 70, 140, 455)
    page1 = F.Page(runs=[F.Run(70, 100, "PRÉFECTURE DES BOUCHES-DU-RHÔNE", 12, True), *runs])
    runs2, _ = F.column_runs(
        ["Article 2 : Le présent arrêté sera publié au recueil des actes administratifs."], 70, 140, 455
    )
    page2 = F.Page(runs=runs2)
    for number, page in enumerate((page1, page2), start=1):
        page.runs.extend(F.header_footer(number, 2, "Recueil des actes administratifs"))
    bundle = registry.read_bytes(
        "arrete.pdf", F.render_pdf([page1, page2], title="Arrêté n° 2024-117", author="Préfecture", created="20240312")
    )
    for para in paras:
        assert para in bundle.text, para
    offset = bundle.text.index("Article 2 :")
    assert max(o for o, p in bundle.page_map if o <= offset) == bundle.page_map[1][0]
    assert "Recueil des actes" not in bundle.text
    assert bundle.title == "Arrêté n° 2024-117"


def test_table_rows_are_readable() -> None:
    rows = [
        ("Commune", "Habitants", "Variation"),
        ("Aubagne", "47 208", "+1,2 %"),
        ("Cassis", "7 265", "−0,4 %"),
        ("La Ciotat", "36 232", "+0,8 %"),
    ]
    page = F.Page(runs=[F.Run(60, 100, "Tableau 3 – Population municipale au 1er janvier 2024.")])
    xs = [60, 200, 320, 440]
    top = 120
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            page.runs.append(F.Run(xs[c] + 5, top + 20 * r + 14, cell))
    for r in range(len(rows) + 1):
        page.rules.append((xs[0], top + 20 * r, xs[-1], top + 20 * r))
    for x in xs:
        page.rules.append((x, top, x, top + 20 * len(rows)))
    page.runs.append(F.Run(60, 240, "Source : Insee, recensement de la population."))
    bundle = registry.read_bytes("population.pdf", F.render_pdf([page]))
    text = bundle.text
    for row in rows:
        assert " | ".join(row) in text, text
    assert text.index("Tableau 3") < text.index("Commune | Habitants") < text.index("Source : Insee")


def test_hyphenator_uses_document_vocabulary() -> None:
    h = pdf_layout.Hyphenator(["Le vice-président a parlé.", "La mise à jour du logiciel."])
    assert h.resolve(f"le vice{pdf_layout.HYPHEN_MARK}président") == "le vice-président"
    assert h.resolve(f"la mi{pdf_layout.HYPHEN_MARK}se") == "la mise"
    assert h.resolve(f"l’ex{pdf_layout.HYPHEN_MARK}Yougoslavie") == "l’ex-Yougoslavie"


def test_bare_numbers() -> None:
    for label in ("12", "- 12 -", "Page 3 / 20", "page 3 of 20", "xiv"):
        assert pdf_layout.is_bare_number(label), label
    assert not pdf_layout.is_bare_number("12 avenues")
