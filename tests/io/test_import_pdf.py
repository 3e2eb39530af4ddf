"""PDF importer: reading order on 2- and 3-column pages, notes out of sentences, no running furniture,
hyphenation, tables, page map and metadata. Every PDF is drawn by the tests with Qt."""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import random
import re
import select
import subprocess
import sys
import types
from pathlib import Path

import pytest

from tests.io import pdf_fixtures as F
from workbench.core.errors import ImportFailure
from workbench.io import registry
from workbench.io.importers import pdf as pdf_importer
from workbench.io.importers import pdf_layout, pdf_tables

REPO = Path(__file__).resolve().parents[2]

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
    # titles first, notes after the body, the running header and footer once (after page 1's body), not per page
    assert page1.startswith("Rénovation des écoles : un coût mal maîtrisé\n\n")
    assert page1.find(FOOTNOTE) > max(positions)
    assert SIDENOTE in page1 and page1.find(SIDENOTE) > max(positions)
    for running in (HEADER, FOOTER):
        assert text.count(running) == 1 and page1.find(running) > max(positions), running
    assert page1.find(HEADER) < page1.find(FOOTER)  # the page's head before its foot
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
    assert bundle.text.count("Recueil des actes administratifs") == 1  # the running header once, not per page
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


# ------------------------------------------------------------------------------------------ real-world failure classes


def test_catalog_language_is_read() -> None:
    data = F.handmade_pdf(
        [F.text_ops([(72, 720, "Le conseil municipal a vote le budget primitif de la commune.")])], lang="fr-FR"
    )
    bundle = registry.read_bytes("lang.pdf", data)
    assert bundle.language == "fr-FR"
    assert "Le conseil municipal a vote le budget primitif" in bundle.text


class _FakeLangGetter:
    """FPDFCatalog_GetLanguage as bindings of either pypdfium2 major declare it (strict about the pointer type)."""

    def __init__(self, pointer_type: type) -> None:
        self.argtypes = [ctypes.c_void_p, pointer_type, ctypes.c_ulong]
        self.value = "de-CH".encode("utf-16-le") + b"\0\0"

    def __call__(self, doc: object, buffer: object, size: int) -> int:
        if buffer is None:
            return len(self.value)
        if not isinstance(buffer, self.argtypes[1]):
            raise ctypes.ArgumentError(f"expected {self.argtypes[1].__name__}")
        ctypes.memmove(buffer, self.value, min(size, len(self.value)))
        return len(self.value)


@pytest.mark.parametrize(
    "pointer_type",
    [ctypes.POINTER(ctypes.c_ushort), ctypes.c_char_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char)],
    ids=["pypdfium2-5-wchar", "char-p", "void-p", "char-pointer"],
)
def test_language_reader_accepts_any_declared_buffer_type(pointer_type: type) -> None:
    raw = types.SimpleNamespace(FPDFCatalog_GetLanguage=_FakeLangGetter(pointer_type))
    assert pdf_importer._language(raw, None) == "de-CH"


def test_language_reader_on_installed_pypdfium2() -> None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    data = F.handmade_pdf([F.text_ops([(72, 720, "Hello there, this is a test page.")])], lang="en-GB")
    doc = pdfium.PdfDocument(data)
    try:
        assert pdf_importer._language(raw, doc.raw) == "en-GB"
    finally:
        doc.close()


def test_characters_outside_the_bmp_stay_whole() -> None:
    line = "Soit \x01 la variable et \x02 le symbole du rapport annuel."
    data = F.handmade_pdf([F.text_ops([(72, 720, line)])], to_unicode={1: "𝑥", 2: "😀"})
    bundle = registry.read_bytes("maths.pdf", data)
    assert "Soit 𝑥 la variable et 😀 le symbole du rapport annuel." in bundle.text
    assert not any("\ud800" <= ch <= "\udfff" for ch in bundle.text)


def test_rotated_page_and_rotated_label_read_as_whole_lines() -> None:
    sideways = F.text_ops(
        [(100 + 14 * k, 100, t) for k, t in enumerate(["The sideways page reads upward.", "Its second line follows."])],
        matrix="0 1 -1 0",
    )
    upright = F.text_ops([(72, 760 - 14 * k, f"Line {k} of the upright page holds a few words.") for k in range(5)])
    label = F.text_ops([(40, 500, "Rotated axis label")], matrix="0 1 -1 0")
    down = F.text_ops([(560, 700, "Printed sideways downward")], matrix="0 -1 1 0")
    bundle = registry.read_bytes("sideways.pdf", F.handmade_pdf([sideways, upright + b"\n" + label + b"\n" + down]))
    text = bundle.text
    assert "The sideways page reads upward. Its second line follows." in text
    assert "Line 0 of the upright page holds a few words. Line 1 of the upright" in text
    assert "\n\nRotated axis label" in text and "\n\nPrinted sideways downward" in text
    assert text.index("Line 4 of the upright") < text.index("Rotated axis label")
    assert not re.search(r"(?m)^\S{1,2}$", text), text  # no letter-per-paragraph soup


def test_page_rotated_by_its_rotate_key() -> None:
    sideways = F.text_ops([(100, 100, "A landscape page stored with a Rotate key.")], matrix="0 1 -1 0")
    bundle = registry.read_bytes("landscape.pdf", F.handmade_pdf([sideways], rotate=90))
    assert bundle.text == "A landscape page stored with a Rotate key.\n"


def test_chart_is_not_read_as_a_table() -> None:
    bundle = registry.read_bytes("chart.pdf", F.render_pdf([F.chart_page()]))
    assert " | " not in bundle.text and "||" not in bundle.text.replace(" ", ""), bundle.text
    for label in ("Figure 2", "1 ligne", "3 ligne", "Personnel", "2023", "Source : comptes administratifs"):
        assert label in bundle.text


def _footer_page(number: int) -> F.Page:
    paras = [F.make_sentence(random.Random(number * 10 + k), k) for k in range(6)]
    runs, _ = F.column_runs([" ".join(paras)], 60, 110, 475)
    page = F.Page(runs=runs)
    page.runs.extend(
        [
            F.Run(60, 815, "Imprimerie nationale", 7),
            F.Run(260, 815, "12/03/2024", 7),
            F.Run(450, 815, f"p. {number}", 7),
        ]
    )
    page.rules.append((60, 805, 535, 805))
    page.rules.extend([(60, 100, 535, 100), (60, 96, 535, 96)])
    return page


def test_table_detection_only_where_a_ruled_table_is_likely(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    original = pdf_tables.table_blocks

    def spy(page: object, clean: object) -> list[pdf_layout.Frag]:
        seen.append(len(page.pdf.pages))  # type: ignore[attr-defined]
        return original(page, clean)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_tables, "table_blocks", spy)
    pages = [_footer_page(n) for n in range(1, 5)]
    result = pdf_importer.extract("livre.pdf", F.render_pdf([*pages, _table_page("Tableau 3")]))
    assert seen == [1]  # pdfplumber got a PDF of the table page alone, not the book
    assert "Commune | Habitants | Variation" in result["text"]


def _table_page(caption: str) -> F.Page:
    table = F.Page(runs=[F.Run(60, 100, f"{caption} – Population municipale.")])
    xs, top = [60, 200, 320, 440], 120
    for r, row in enumerate(
        [("Commune", "Habitants", "Variation"), ("Aubagne", "47 208", "+1,2 %"), ("Cassis", "7 265", "−0,4 %")]
    ):
        for c, cell in enumerate(row):
            table.runs.append(F.Run(xs[c] + 5, top + 20 * r + 14, cell))
    table.rules.extend((xs[0], top + 20 * r, xs[-1], top + 20 * r) for r in range(4))
    table.rules.extend((x, top, x, top + 60) for x in xs)
    return table


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the table reader is forked on Linux only")
def test_table_pages_are_read_in_a_second_process_beside_the_text_pass() -> None:
    pages = [_footer_page(1), _table_page("Tableau 1"), _footer_page(3), _footer_page(4), _table_page("Tableau 5")]
    data = F.render_pdf(pages)
    result = pdf_importer.run_isolated("livre.pdf", data, job=F.extract_watching_the_table_reader)
    assert len(result["readers"]) == 1 and result["readers"][0] != result["child"]
    assert result["sent"] == [1, 4]  # only the table pages went to pdfplumber
    assert result["text"].count("Commune | Habitants | Variation") == 2, result["text"]
    assert result["warnings"] == ()
    # the same text as when the pages are read after the pass, in one process
    assert result["text"] == pdf_importer.extract("livre.pdf", data)["text"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the table reader is forked on Linux only")
def test_table_reader_dies_with_the_application(tmp_path: Path) -> None:
    assert _outlives_a_killed_parent(tmp_path, "start_table_reader_and_hang") is False, \
        "the table reader outlived the application"


def _outlives_a_killed_parent(tmp_path: Path, job: str) -> bool:
    """Run ``pdf_fixtures.<job>`` in the PDF child of a parent process (the job prints a pid), kill the parent:
    whether the printed process is still alive 30 s later."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(REPO)!r})\n"
        "from tests.io import pdf_fixtures as F\n"
        "from workbench.io.importers import pdf\n"
        "if __name__ == '__main__':\n"
        f"    pdf.run_isolated('x.pdf', b'%PDF-1.4', job=F.{job}, timeout=600)\n"
    )
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        pid = int(parent.stdout.readline())  # type: ignore[union-attr]
        assert pid > 0, f"{job} started no process"
        handle = os.pidfd_open(pid)
    finally:
        parent.kill()
        parent.wait()
    try:
        ready, _, _ = select.select([handle], [], [], 30)
        return not ready
    finally:
        os.close(handle)


def test_table_page_the_reader_cannot_read_keeps_its_lines_with_a_warning() -> None:
    data = F.render_pdf([_footer_page(1), _table_page("Tableau 2")])
    result = pdf_importer.run_isolated("livre.pdf", data, job=F.extract_with_unreadable_table_pages)
    assert result["warnings"] == (pdf_importer.TABLES_AS_LINES,)
    assert "Commune | Habitants" not in result["text"]
    for cell in ("Commune", "Habitants", "Aubagne", "47 208", "Cassis"):
        assert cell in result["text"]


def test_no_table_reader_outside_the_parse_child() -> None:
    assert pdf_importer._TableReader.start() is None  # extract() called in this process reads tables in process


def test_pages_without_usable_text_are_named_in_a_warning(tmp_path: Path) -> None:
    text_page = F.Page(runs=[F.Run(60, 120, "Compte rendu de la séance du conseil municipal du 3 mars.")])
    data = F.render_pdf([text_page, F.Page(), text_page])
    scan = F.image_only_pdf()
    # page 2 of three holds only an image: splice it in with pypdfium2
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    doc.del_page(1)
    doc.import_pages(pdfium.PdfDocument(scan), [0], index=1)
    path = tmp_path / "mixte.pdf"
    doc.save(str(path))
    doc.close()
    bundle = registry.read_file(path)
    assert [p for _, p in bundle.page_map] == [1, 3]
    assert bundle.warnings == ("page 2 of 3: no usable text (scanned or unmapped fonts)",)
    db = tmp_path / "wb.db"
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "--db", str(db), "import", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 1 and proc.stdout.split("\t")[0].strip().isdigit()
    assert "warning: mixte.pdf: page 2 of 3: no usable text" in proc.stderr


def test_run_in_bold_label_stays_in_its_paragraph() -> None:
    label = "Méthode."
    rest = "Les comptes ont été examinés sur pièces et sur place entre"
    x = 60 + F.text_width(label, 11.8) * 1.1 + 3  # bold is wider than the regular metrics measure
    page = F.Page(
        runs=[
            F.Run(60, 120, "Le rapport précédent datait de 2018 et portait sur la gestion des écoles.", 10),
            F.Run(60, 150, label, 11.8, True),  # a run-in head a little larger than the text it opens
            F.Run(x, 150, rest, 10),
            F.Run(60, 162.5, "janvier et juin 2024, avec l’ordonnateur en fonctions.", 10),
        ]
    )
    bundle = registry.read_bytes("methode.pdf", F.render_pdf([page]))
    assert f"{label} {rest} janvier et juin 2024" in bundle.text, bundle.text


def test_child_dies_with_its_parent(tmp_path: Path) -> None:
    assert _outlives_a_killed_parent(tmp_path, "print_pid_and_hang") is False, "the PDF child outlived its parent"


def test_time_limit_restarts_on_progress() -> None:
    result = pdf_importer.run_isolated("long.pdf", b"%PDF-1.4", job=F.slow_with_progress, timeout=1.0)
    assert result == {"done": True}


def test_two_columns_below_a_full_width_abstract() -> None:
    rng = random.Random(3)
    abstract = " ".join(F.make_sentence(rng, k) for k in range(14)).replace(F.SHY, "")
    left = [" ".join(F.make_sentence(rng, 100 + 10 * p + k) for k in range(3)).replace(F.SHY, "") for p in range(3)]
    right = [" ".join(F.make_sentence(rng, 200 + 10 * p + k) for k in range(3)).replace(F.SHY, "") for p in range(3)]
    page = F.Page(runs=[F.Run(60, 80, "A study of harbour cranes", 16, True)])
    runs, y = F.column_runs([abstract], 60, 110, 475)
    page.runs.extend(runs)
    page.runs.extend(F.column_runs(left, 60, y + 20, 225)[0])
    page.runs.extend(F.column_runs(right, 310, y + 24.5, 225)[0])  # baselines not aligned with the left column's
    bundle = registry.read_bytes("paper.pdf", F.render_pdf([page]))
    expected = [abstract, *left, *right]
    positions = [bundle.text.find(p) for p in expected]
    assert all(p >= 0 for p in positions), bundle.text
    assert positions == sorted(positions)


def test_inline_small_type_and_list_bullets_stay_in_their_lines() -> None:
    first = "Une surface de 12 km"
    x = 60 + F.text_width(first, 10) + 0.5
    page = F.Page(
        runs=[
            F.Run(60, 120, first, 10),
            F.Run(x, 116, "2", 6.5),  # an exponent, set small and raised
            F.Run(x + 4, 120, " a été classée en zone naturelle par la commune en 2019.", 10),
            F.Run(60, 150, "Les objectifs du plan sont les suivants :", 10),
        ]
    )
    items = ["réduire la circulation automobile;", "relier les quartiers entre eux;", "entretenir les sentiers."]
    for k, item in enumerate(items):
        page.runs.append(F.Run(70, 165 + 15 * k, "•", 8))
        page.runs.append(F.Run(88, 165 + 15 * k, item, 10))
    bundle = registry.read_bytes("plan.pdf", F.render_pdf([page]))
    text = bundle.text
    assert "Une surface de 12 km2 a été classée" in text, text
    positions = [text.find(f"• {item}") for item in items]
    assert all(p >= 0 for p in positions) and positions == sorted(positions), text


def test_a_parser_bug_is_refused_in_words_not_by_exception_name() -> None:
    with pytest.raises(ImportFailure) as info:
        pdf_importer.run_isolated("bug.pdf", b"%PDF-1.4", job=F.index_error)
    assert info.value.reason == "damaged PDF (its content could not be read)"
    assert "Error" not in str(info.value)


def test_layout_survives_reversed_boxes() -> None:
    # right-to-left text can come with x0 > x1; the gutter histogram used to index past its end (IndexError)
    frags = [pdf_layout.Frag(60, 100 + 12 * k, 280, 110 + 12 * k, 10, f"ligne {k} de la colonne") for k in range(8)]
    frags += [pdf_layout.Frag(540, 100 + 12 * k, 320, 110 + 12 * k, 10, f"سطر {k} من النص") for k in range(8)]
    page = pdf_layout.layout_page(frags)
    text = "\n".join(page.paragraphs + page.notes)
    for k in range(8):
        assert f"ligne {k} de la colonne" in text and f"سطر {k} من النص" in text


def test_prefetched_parse_is_taken_over_by_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A parse started ahead (the CLI does it before loading the database layer) is reused, not run twice."""
    data = F.handmade_pdf([F.text_ops([(72, 720, "Prefetched while the database opens, read once.")])])
    started: list[str] = []
    real_start = pdf_importer._start

    def counting_start(name: str, payload: bytes, job):  # type: ignore[no-untyped-def]
        started.append(name)
        return real_start(name, payload, job)

    monkeypatch.setattr(pdf_importer, "_start", counting_start)
    monkeypatch.setattr(pdf_importer, "_context", lambda: __import__("multiprocessing").get_context("fork"))
    pdf_importer.prefetch("early.pdf", data)
    assert started == ["early.pdf"]
    bundle = pdf_importer.read("early.pdf", bytes(data))  # equal bytes, another object: still taken over
    assert started == ["early.pdf"]
    assert "Prefetched while the database opens" in bundle.text
    # a file that changed after the prefetch is parsed again, from what is read now
    pdf_importer.prefetch("late.pdf", data)
    other = F.handmade_pdf([F.text_ops([(72, 720, "The file was rewritten in between.")])])
    assert "rewritten" in pdf_importer.read("late.pdf", other).text
    assert started == ["early.pdf", "late.pdf", "late.pdf"]
    assert not pdf_importer._prefetched


def test_prefetch_file_picks_the_first_regular_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    monkeypatch.setattr(pdf_importer, "prefetch", lambda name, data: seen.append(name))
    (tmp_path / "a.txt").write_text("not a pdf")
    (tmp_path / "dir.pdf").mkdir()
    (tmp_path / "b.pdf").write_bytes(F.handmade_pdf([F.text_ops([(72, 720, "One line.")])]))
    (tmp_path / "c.pdf").write_bytes(F.handmade_pdf([F.text_ops([(72, 720, "Another line.")])]))
    os.mkfifo(tmp_path / "pipe.pdf")  # never opened: a FIFO would block
    paths = [str(tmp_path / n) for n in ("a.txt", "pipe.pdf", "dir.pdf", "missing.pdf", "b.pdf", "c.pdf")]
    pdf_importer.prefetch_file(paths)
    assert seen == ["b.pdf"]


def test_glyph_drawn_over_another_stays_in_its_line() -> None:
    """The slash of "≠" set over "=" (a taller glyph of a symbol font, as TeX draws it) is read in its place:
    no paragraph break, no slash moved after the line; also when the slash comes first at the same left edge."""
    frag = pdf_layout.Frag
    page = pdf_layout.layout_page(
        [
            frag(100, 300, 170, 310, 9.4, "heißt hausdorffsch, wenn"),
            frag(172, 300, 190, 310, 9.4, "x ="),
            frag(181, 300, 188, 318.9, 16.3, "6"),
            frag(193, 300, 230, 310, 9.4, "y in X"),
            frag(100, 314, 200, 324, 9.4, "gilt, sodass Ux ∩ Uy leer ist."),
            frag(100, 328, 106, 338, 9.4, "x"),
            frag(109, 328, 116, 346.9, 16.3, "6"),
            frag(109, 328, 126, 338, 9.4, "= y und weiter."),
        ]
    )
    assert page.paragraphs == [
        "heißt hausdorffsch, wenn x 6= y in X gilt, sodass Ux ∩ Uy leer ist.",
        "x 6= y und weiter.",
    ]


def _cell(x: float, top: float, lines: list[str], width: float = 150) -> list[pdf_layout.Frag]:
    return [pdf_layout.Frag(x, top + 14 * k, x + width, top + 14 * k + 10, 10, t) for k, t in enumerate(lines)]


def test_table_cells_of_prose_are_read_cell_by_cell() -> None:
    """A table whose cells hold several lines of prose (an action plan: axis, actions, who): each cell's sentence
    is read whole, not interleaved line by line with its neighbours."""
    frags = [pdf_layout.Frag(40, 40, 500, 52, 12, "Plan d’action du transport actif, tableau des mesures prévues")]
    frags += _cell(40, 80, ["Suivi", "continu du projet"], 100)
    frags += _cell(190, 80, ["• Planifier à court, moyen et long terme", "le développement du transport actif."], 140)
    frags += _cell(345, 80, ["En continu"], 45)  # a column of short entries: no page-wide gutter around it
    frags += _cell(400, 80, ["Responsable du transport actif,", "administration municipale et comité."])
    frags += _cell(40, 130, ["Accessibilité", "pour tous les usagers"], 100)
    frags += _cell(190, 130, ["• Aménager des sentiers sécuritaires reliant", "les secteurs de la Municipalité."], 140)
    frags += _cell(345, 130, ["2021-2022"], 45)
    frags += _cell(400, 130, ["Service de l’urbanisme et travaux", "publics, avec le comité des loisirs."])
    text = "\n\n".join(pdf_layout.layout_page(frags).paragraphs)
    for sentence in (
        "• Planifier à court, moyen et long terme le développement du transport actif.",
        "Responsable du transport actif, administration municipale et comité.",
        "• Aménager des sentiers sécuritaires reliant les secteurs de la Municipalité.",
        "Service de l’urbanisme et travaux publics, avec le comité des loisirs.",
    ):
        assert sentence in " ".join(text.split()), text
    assert text.index("Planifier") < text.index("Aménager")  # rows stay in order


def test_spacing_accent_drawn_over_the_next_letter_follows_it() -> None:
    """TeX draws f̃ as "˜" then "f" at the same place: the text reads f + combining tilde (as poppler has it on this
    very file), not "˜f"; an accent after its letter and centred on it combines too ("X̃"), one beside a letter
    stays a spacing accent where it stands."""
    content = (
        b"BT /F1 11 Tf 72 720 Td (Aus Fix\\() Tj ET\n"
        b"BT /F1 11 Tf 114.6 722 Td (\\230) Tj ET\n"
        b"BT /F1 11 Tf 114.2 720 Td (f\\) folgt, dass der Fixpunkt eindeutig ist.) Tj ET\n"
    )
    text = pdf_importer.read("accent.pdf", F.handmade_pdf([content])).text
    assert "f\u0303)" in text, text
    assert "\u02dc" not in text, text
    boxes = {0: (10.0, 0, 17.0, 10), 1: (11.0, 0, 16.0, 10), 2: (17.0, 0, 20.0, 10), 3: (21.0, 0, 25.0, 10)}
    assert pdf_importer._accents_after("X\u02dc a", 0, lambda i: boxes[i]) == "X\u0303 a"
    boxes[1] = (18.0, 0, 23.0, 10)  # beside the X, not over it
    assert pdf_importer._accents_after("X\u02dc a", 0, lambda i: boxes[i]) == "X\u02dc a"


def test_scripts_are_read_in_their_place_in_the_line() -> None:
    """A superscript sharing under half of its height with its base ("f−1(U)", TeX's raised "−1"), and stacked
    scripts at one x ("R" with "+" over "0"), are read in their place, left to right; a label set over an arrow
    (it lies over a fragment of the line) stays a line of its own, before it."""
    frag = pdf_layout.Frag
    page = pdf_layout.layout_page(
        [
            frag(90, 474.8, 300, 484.5, 8.3, "Dann ist U offen in Y, wie gezeigt wurde, und"),
            frag(112.3, 482.9, 146.2, 490.1, 6.07, "Def. 12.a"),
            frag(110.0, 487.7, 141.3, 498.6, 9.4, "====="),
            frag(137.6, 487.5, 148.5, 506.4, 16.32, "⇒"),
            frag(151.6, 487.7, 157.6, 498.6, 9.4, "f"),
            frag(158.1, 486.0, 168.9, 493.9, 6.49, "−1"),
            frag(169.4, 487.7, 330.8, 498.6, 9.4, "(U) ist offen in X. Dann ist x ∈ f"),
            frag(331.2, 486.0, 342.1, 493.9, 6.49, "−1"),
            frag(342.6, 487.7, 359.7, 498.6, 9.4, "(U)."),
            frag(141.0, 523.1, 275.4, 533.2, 8.3, "eine Menge. Eine Abbildung"),
            frag(279.1, 522.8, 303.2, 533.7, 9.4, "d : X"),
            frag(306.2, 522.5, 314.7, 541.4, 16.32, "×"),
            frag(317.1, 522.8, 326.4, 533.7, 9.4, "X"),
            frag(330.0, 522.5, 341.0, 541.4, 16.32, "→"),
            frag(344.0, 523.5, 351.9, 530.9, 6.44, "R"),
            frag(351.9, 520.4, 358.4, 528.4, 6.87, "+"),
            frag(351.9, 528.1, 356.1, 536.1, 6.87, "0"),
            frag(362.6, 523.4, 480.5, 533.1, 8.36, "heißt Metrik."),
            frag(137.3, 579.8, 166.9, 589.5, 8.3, "Fall 2:"),
            frag(170.6, 579.2, 176.3, 590.1, 9.4, "a"),
            frag(179.4, 579.0, 196.3, 597.9, 16.32, "6= 0"),  # a symbol font's tall box: no base for scripts
            frag(137.3, 593.4, 194.8, 603.1, 8.3, "Nun wird in"),
            frag(198.4, 592.8, 209.8, 603.7, 9.4, "M"),
            frag(213.8, 593.4, 240.6, 603.1, 8.36, "durch A eine 1 erzeugt."),
        ]
    )
    text = " ".join(" ".join(page.paragraphs).split())
    squashed = text.replace(" ", "")
    assert "Def.12.a=====⇒f−1(U)istoffeninX.Dannistx∈f−1(U)." in squashed, text
    assert "Eine Abbildung d : X × X → R+0 heißt Metrik." in text, text
    assert "Nun wird in M durch A eine 1 erzeugt." in text, text



def test_relation_glyphs_drawn_over_each_other_read_as_poppler_has_them() -> None:
    """TeX builds "∉" from "∈" and a slash centred on it, and "≅" from "∼" drawn over "=" of another size. With the
    character boxes PDFium gives for such a line (measured on a TeX script), the slash goes after its symbol and
    the "∼=" pair stays in its line in drawing order (a glyph of another size over the one before it is no jump)."""
    seg = "R /∈ P"
    boxes = {
        0: (322.0, 431.0, 330.3, 441.9),
        1: (336.0, 433.7, 336.0, 433.7),
        2: (336.0, 431.0, 341.4, 441.9),  # "/": starts right of the symbol's left edge
        3: (334.8, 423.2, 342.0, 442.2),  # "∈": a taller glyph of the symbol font
        4: (342.0, 433.7, 342.0, 433.7),
        5: (346.4, 431.0, 354.7, 441.9),
    }
    assert pdf_importer._slash_after(seg, 0, lambda i: boxes[i]) == "R ∈/ P"
    assert pdf_importer._slash_after("x /= y", 0, lambda i: {2: (10, 0, 14, 10), 3: (10, 0, 17, 10)}[i]) == "x /= y"
    seg = "} ∼="
    boxes = {
        0: (375.6, 631.2, 380.0, 653.1),
        1: (380.0, 640.0, 384.1, 640.0),
        2: (384.1, 631.2, 392.6, 650.0),  # "∼" of the symbol font, tall box
        3: (384.1, 635.0, 392.6, 645.9),  # "=" under it, of the text font
    }
    frags = pdf_importer._split_segment(seg, 0, lambda i: boxes[i], False)
    assert [f.text for f in frags][-1].endswith("∼="), frags


def test_second_line_of_small_type_follows_its_first_line() -> None:
    """A caption in small type whose first line stands beside body-size type ("(b)") is read in that line; its
    second line ("ecke", after "Drei-") follows it instead of going to the notes at the page end."""
    frag = pdf_layout.Frag
    body = [frag(90.1, 100 + 14 * k, 500, 110 + 14 * k, 8.3, f"Zeile {k} des Textes und so weiter") for k in range(6)]
    page = pdf_layout.layout_page(
        [
            *body,
            frag(313.6, 248.8, 317.1, 257.7, 7.73, "("),
            frag(317.1, 249.3, 322.3, 257.3, 6.87, "b"),
            frag(322.3, 248.8, 325.8, 257.7, 7.73, ")"),
            frag(328.9, 249.3, 444.7, 257.3, 6.83, "Zwei weitere kongruente Drei-", hyphen=True),
            frag(330.0, 260.3, 346.6, 268.2, 6.83, "ecke"),
            frag(90.1, 316.6, 371.6, 326.3, 8.3, "Der Flächeninhalt eines Dreiecks ist 1/2 · Grundseite · Höhe."),
        ]
    )
    text = pdf_importer.Hyphenator([]).resolve(" ".join(page.paragraphs + page.notes))
    assert "(b) Zwei weitere kongruente Dreiecke" in " ".join(text.split()), text


def test_right_to_left_lines_keep_their_reading_order() -> None:
    """Arabic and Hebrew lines: PDFium's logical order, not the characters sorted left to right (reversed words)."""
    arabic = "قال رئيس البلدية إن الميزانية الجديدة متوازنة"
    hebrew = "מועצת העיר אישרה אתמול את התקציב החדש"
    page = F.Page(runs=[F.Run(60, 100, "Arabic and Hebrew lines:"), F.Run(200, 130, arabic), F.Run(250, 160, hebrew)])
    text = registry.read_bytes("rtl.pdf", F.render_pdf([page])).text
    assert arabic in text
    assert hebrew in text
    assert "ةيدلبلا" not in text  # "البلدية" backwards


def _form_pdf(label: str, value: str) -> bytes:
    """One page whose text is ``label`` and whose text field beside it holds ``value`` (no appearance stream)."""
    content = F.text_ops([(60, 705, label), (60, 650, "Signed and dated by the applicant.")])
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] /NeedAppearances true >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots [5 0 R] "
        b"/Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (" + value.encode("latin-1") + b") "
        b"/Rect [150 700 320 718] /P 3 0 R /F 4 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return F.write_objects(objects)


def test_filled_form_fields_keep_their_values_beside_their_labels() -> None:
    """A filled-in form: the value typed in a field ("Alice") lives in the form, not in the page's text layer."""
    text = registry.read_bytes("form.pdf", _form_pdf("First Name", "Alice Martin")).text
    assert "First Name Alice Martin" in text
    assert "Signed and dated by the applicant." in text


def test_pages_holding_only_the_same_line_are_not_all_furniture() -> None:
    """Every page holds the same one line: dropping it as a running header would leave nothing ("no text to store")."""
    page = F.text_ops([(60, 780, "Potato salad recipe")])
    text = registry.read_bytes("potato.pdf", F.handmade_pdf([page, page, page, page])).text
    assert text.count("Potato salad recipe") == 4


def test_a_running_header_is_kept_once_where_pages_hold_a_body() -> None:
    pages = [F.text_ops([(60, 800, "Potato salad recipe"), (60, 600, f"Step {n}: boil the potatoes for {n} minutes.")])
             for n in range(1, 5)]
    text = registry.read_bytes("steps.pdf", F.handmade_pdf(pages)).text
    assert text.count("Potato salad recipe") == 1  # kept once, not on every page
    assert text.index("Potato salad recipe") > text.index("Step 1: boil the potatoes for 1 minutes.")
    assert "Step 3: boil the potatoes for 3 minutes." in text


def test_a_running_header_kept_once_never_cuts_a_paragraph_that_runs_over_pages() -> None:
    """One paragraph over three pages, the running header and footer on pages 2 and 3 only.

    That is a "different first page" layout. Kept once, they must wait for a page whose text does not run on, and
    never land mid-sentence.
    """
    sentence = ("the regional council reported a budget overrun of twelve million euros in its annual statement "
                "and the audit office confirmed the figure after an internal review of the accounts")
    para = "In short, " + " ".join([sentence] * 70) + " which ends here."  # no capital inside: every page runs on
    lines = F.wrap(para, 470)
    per = int((F.BODY_BOTTOM - F.BODY_TOP) // 12.5)
    chunks = [lines[:per], lines[per : 2 * per], lines[2 * per :]]
    assert chunks[2], "the paragraph must run over three pages"
    pages = [F.Page(runs=[F.Run(F.MARGIN_X, F.BODY_TOP + i * 12.5, ln) for i, ln in enumerate(c)]) for c in chunks]
    for number in (2, 3):
        pages[number - 1].runs.extend(F.header_footer(number, 3, "Harbour Ledger annual report", "Printed on 3 May"))
    text = registry.read_bytes("ledger.pdf", F.render_pdf(pages)).text
    assert " ".join(para.split()) in " ".join(text.split()[:len(para.split())])  # whole, first, in one piece
    assert "\n\n" not in text[: text.index("which ends here.")]
    assert text.count("Harbour Ledger annual report") == 1 and text.count("Printed on 3 May") == 1
    assert text.index("Harbour Ledger annual report") > text.index("which ends here.")


_DISCLAIMER = [
    "Comparison rates for variable rate loans are based on an initial five year period of payments. Rates for fixed",
    "loans are based on an initial period equal in length to the fixed period. During an interest only period,",
    "your payments will not reduce the balance owed. This may mean you pay more interest over the whole loan.",
    "Rates are subject to change without notice. Applications are subject to the usual approval of credit.",
    "Fees and charges are payable on every account. Ask at any branch for the full terms of each product.",
    "Products no longer available for sale to new customers are marked in the table with an asterisk.",
]


def _note(word: str) -> list[str]:
    """The disclaimer as set on one page: its fifth line (in the margin) differs from page to page."""
    return [*_DISCLAIMER[:4], _DISCLAIMER[4].replace("every", f"every {word}"), *_DISCLAIMER[5:]]


def test_a_dense_note_running_into_the_bottom_margin_keeps_its_lines_in_order() -> None:
    """A note set at the page foot whose last lines fall in the margin and repeat on every page, beside a footer.

    Its repeated margin lines are no running footer: taken out, they cut the note and were read elsewhere, glued to
    the footer beside them. The real footers (an address block beside a phone block) stay once, each block whole.
    """
    pages = []
    for word in ("first", "second"):
        lines = [(60, 720, f"The {word} page lists the home loan rates of the bank for this month.")]
        lines += [(40, 100 - 7.5 * k, text) for k, text in enumerate(_note(word))]  # the last 3 in the bottom margin
        lines += [(420, 40, "Harbour Savings Bank Ltd"), (420, 32, "Company number 4471 2290")]
        lines += [(230, 40, "Call us on 0800 55 01,"), (230, 32, "every day of the week.")]
        pages.append(F.text_ops(lines, size=7))
    text = " ".join(registry.read_bytes("rates.pdf", F.handmade_pdf(pages)).text.split())
    for word in ("first", "second"):
        assert " ".join(_note(word)) in text, text
    assert text.count("Harbour Savings Bank Ltd Company number 4471 2290") == 1, text
    assert text.count("Call us on 0800 55 01, every day of the week.") == 1, text


def test_spaces_drawn_over_a_table_cell_do_not_split_its_text() -> None:
    """A writer lays a run of space glyphs over each date cell (its own text object): read in x order, every space
    split the cell ("0 3 / 2 5 / 2 0 16"); poppler gives "03/25/2016", and so must the table's row."""
    rows = [("Notice", "Effective", "Company"), ("06/22/2015", "03/25/2016", "Maxim Integrated"),
            ("06/30/2015", "08/29/2015", "McGraw-Hill Education"), ("07/01/2015", "09/02/2015", "Leidos")]
    xs, top = [60, 180, 300, 480], 760
    cells = [(xs[c] + 5, top - 20 * r - 14, cell) for r, row in enumerate(rows) for c, cell in enumerate(row)]
    pads = [(xs[1] + 3, top - 20 * r - 14, " " * 20) for r in range(1, len(rows))]  # drawn over the dates
    rules = [f"{xs[0]} {top - 20 * r} m {xs[-1]} {top - 20 * r} l S" for r in range(len(rows) + 1)]
    rules += [f"{x} {top} m {x} {top - 20 * len(rows)} l S" for x in xs]
    content = F.text_ops([(60, 790, "Notices received this fortnight, by company."), *cells, *pads], size=10)
    text = registry.read_bytes("warn.pdf", F.handmade_pdf([content + b"\n" + "\n".join(rules).encode()])).text
    for row in rows:
        assert " | ".join(row) in text, text


def test_every_line_of_a_small_type_paragraph_under_a_body_line_stays_in_place() -> None:
    """A note in smaller type set right under a line of the form, five lines long, then more of the form.

    Its lines are attached to the line above one after the other; stopping after three moved the last two to the
    page's notes, after the questions that follow it.
    """
    body = [(60, 760 - 14 * k, f"Question {k + 1}: the agency answered this question in full.") for k in range(8)]
    note = [
        "(Note: reports screened out in this section may list only the date of each report, the screening",
        "decision and whether a referral to services occurred. Reports that do not constitute a reasonable",
        "suspicion of harm are not required to be screened in for an initial assessment, and no further action",
        "is required by the agency. The agency keeps a record of every report it received during the period",
        "under review, whatever the decision taken on it.)",
    ]
    after = [(60, 560 - 14 * k, f"Answer {k + 1}: the review found no issue with the case file.") for k in range(6)]
    content = b"\n".join([
        F.text_ops(body, size=12),
        F.text_ops([(60, 760 - 14 * 7 - 12 - 11 * k, line) for k, line in enumerate(note)], size=10),
        F.text_ops(after, size=12),
    ])
    text = " ".join(registry.read_bytes("form.pdf", F.handmade_pdf([content])).text.split())
    assert " ".join(note) in text, text
    assert text.index("whatever the decision taken on it.)") < text.index("Answer 1:"), text


def test_list_items_without_final_punctuation_are_paragraphs_of_their_own() -> None:
    """Bulleted and numbered items that end without a full stop ran together ("• Liste • Liste 2 • Liste 3")."""
    page = F.Page(runs=[F.Run(60, 100, "Le plan retient les priorités suivantes :", 10)])
    bullets = ["Relier les quartiers entre eux", "Entretenir les sentiers toute l’année", "Publier une carte du réseau"]
    numbered = ["1. Consulter les comités", "2. Chiffrer chaque action", "3. Voter le budget"]
    for k, item in enumerate(bullets):
        page.runs.append(F.Run(70, 115 + 13 * k, "•", 10))
        page.runs.append(F.Run(82, 115 + 13 * k, item, 10))
    for k, item in enumerate(numbered):
        page.runs.append(F.Run(70, 170 + 13 * k, item, 10))
    paragraphs = registry.read_bytes("plan.pdf", F.render_pdf([page])).text.split("\n\n")
    for item in bullets:
        assert f"• {item}" in [p.strip() for p in paragraphs], paragraphs
    for item in numbered:
        assert item in [p.strip() for p in paragraphs], paragraphs


def test_a_number_set_in_a_running_header_goes_with_the_header() -> None:
    """A running header ending in a year set larger ("Harbour Bank annual report" [2018]), on every page.

    The year is a bare number in a line of text, which is kept in the body (an exponent, an index); in a header
    it landed in each page's text, and the header kept once lost it.
    """
    pages = []
    for n in range(1, 4):
        lines = [(60, 700 - 14 * k, f"The council reported overrun {n * 10 + k} in its statement.") for k in range(6)]
        header = F.text_ops([(180, 800, "Harbour Bank annual report"), *lines], size=8)
        pages.append(header + b"\n" + F.text_ops([(282, 799, "2018")], size=11))
    text = registry.read_bytes("harbour.pdf", F.handmade_pdf(pages)).text
    assert text.count("2018") == 1, text
    assert "Harbour Bank annual report 2018" in text, text


def _letter_by_letter(words: list[str], kern: float, y: float = 700) -> str:
    """A line whose letters are placed one by one (TJ with a gap of ``kern`` thousandths of an em between letters)."""
    parts = ["[" + " ".join(f"({ch}) {-kern:.0f}" for ch in word) + "] TJ ( ) Tj" for word in words]
    return f"BT /F1 11 Tf 1 0 0 1 72 {y} Tm " + " ".join(parts) + " ET"


def test_letters_placed_one_by_one_read_as_words() -> None:
    """PDFium reads the gaps between letters placed one by one as spaces ("T h e c o u n c i l"); poppler joins them."""
    sentence = "The council voted the budget on Tuesday."
    content = "\n".join([
        _letter_by_letter(sentence.split(), 180),
        "BT /F1 11 Tf 1 0 0 1 72 660 Tm [(a) -2000 (b) -2000 (c) -4000 (d) -2000 (e)] TJ ET",  # cells of a table
        "BT /F1 11 Tf 1 0 0 1 72 630 Tm (Let x y z w be the unknowns of the system.) Tj ET",
        _letter_by_letter(["The", "mayor", "spoke"], 180, y=600),  # then a second column on the same line: the
        "BT /F1 11 Tf 1 0 0 1 330 600 Tm (Second column here.) Tj ET",  # line goes through the slow split
        "BT /F1 11 Tf 1 0 0 1 72 570 Tm [(1) -150 (2) -150 (3) -150 (4)] TJ ET",  # digits close together
    ])
    bundle = registry.read_bytes("spaced.pdf", F.handmade_pdf([content.encode("latin-1")]))
    assert sentence in bundle.text
    assert "T h e" not in bundle.text
    assert "Let x y z w be the unknowns" in bundle.text  # real spaces between single letters stay
    assert "a b c d e" in bundle.text  # single-letter cells two ems apart stay apart
    assert "The mayor spoke" in bundle.text and "Second column here." in bundle.text
    assert "1 2 3 4" in bundle.text  # digits are not joined: more often cells than a tracked number
