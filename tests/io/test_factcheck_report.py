"""The publishable fact-check: sentence boundaries, drafts, the report's language, DOCX layout, PDF text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import shutil
import subprocess

import pytest
from docx import Document

from tests.io.report_fixture import build_model
from workbench.core.anchoring import make_selector
from workbench.core.values import AppearanceInfo, HistoryEntry, SpanInfo
from workbench.io.exporters import EXPORTERS
from workbench.io.report_text import sentence_bounds

UTC = dt.UTC


@pytest.mark.parametrize(
    ("text", "quote", "expected", "language"),
    [
        ("Il a parlé. « Ce conflit est majeur », a déclaré M. Poutine. Puis il est parti.", "Ce conflit est majeur",
         "« Ce conflit est majeur », a déclaré M. Poutine.", "fr"),
        ("Selon Mme Dupont, le taux est de 3 %. Fin.", "le taux", "Selon Mme Dupont, le taux est de 3 %.", "fr"),
        ("Bonjour. Le Dr. Martin et St. Jean sont venus. Autre.", "Martin", "Le Dr. Martin et St. Jean sont venus.",
         "fr"),
        ("Intro. The U.S. Senate voted on it, Mr. Smith said. Then it ended.", "Senate voted",
         "The U.S. Senate voted on it, Mr. Smith said.", "en"),
        ("Avant. Les taux d’E. coli ont triplé en quelques heures. Après.", "triplé",
         "Les taux d’E. coli ont triplé en quelques heures.", "fr"),
        ("He said no. Then he left. Done.", "Then he left", "Then he left.", "en"),
    ],
)
def test_quotes_are_cut_on_real_sentence_boundaries(text: str, quote: str, expected: str, language: str) -> None:
    start = text.index(quote)
    lo, hi, cut_before, cut_after = sentence_bounds(text, start, start + len(quote), language)
    assert text[lo:hi] == expected
    assert not cut_before and not cut_after


def _poutine_model(language: str = "fr"):  # type: ignore[no-untyped-def]
    model = build_model(language=language)
    text = model.source_texts[1] + "Il a ajouté : « Le partenariat est majeur », a déclaré M. Poutine. Fin du texte.\n"
    quote = "Le partenariat est majeur"
    start = text.index(quote)
    sel = make_selector(text, start, start + len(quote))
    span = SpanInfo(999, 1, start, start + len(quote), sel.exact, sel.prefix, sel.suffix, sel.text_sha256, "anchored")
    claim = dataclasses.replace(model.claims[0], appearances=(AppearanceInfo(998, 1, span),))
    texts = dict(model.source_texts)
    texts[1] = text
    return dataclasses.replace(model, source_texts=texts, claims=(claim, *model.claims[1:]))


def _docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [c.text for row in table.rows for c in row.cells]
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _texts(model) -> dict[str, str]:  # type: ignore[no-untyped-def]
    out = {}
    for fmt in ("html", "md", "docx", "pdf"):
        data = EXPORTERS[fmt].export(model)
        if fmt == "docx":
            out[fmt] = _docx_text(data)
        elif fmt == "pdf":
            out[fmt] = _pdf_text(data)
        else:
            out[fmt] = data.decode("utf-8")
    return out


def test_every_format_keeps_the_speaker_after_m_dot() -> None:
    for fmt, text in _texts(_poutine_model()).items():
        flat = " ".join(text.split())
        assert "a déclaré M. Poutine." in flat, fmt
        assert "a déclaré M.…" not in flat and "déclaré M.\n" not in text, fmt


def test_french_report_has_no_english_or_internal_text() -> None:
    model = build_model(language="fr")
    model = dataclasses.replace(
        model,
        discrepancies=(
            *model.discrepancies,
            {"kind": "quote_wording", "note": "wording differs between source 1 and source 2",
             "spans": [{"source_id": 1, "start": 0, "end": 5, "exact": "Baign", "value": "video"},
                       {"source_id": 2, "start": 0, "end": 4, "exact": "City", "value": "telephone"}]},
            {"kind": "copied text", "chars": 120, "note": "source 2 repeats 120 characters of source 1",
             "spans": [{"source_id": 1, "start": 0, "end": 5, "exact": "Baign"},
                       {"source_id": 2, "start": 0, "end": 4, "exact": "City"}]},
        ),
        people={"camille": "Camille Roux"},
        filters="",
    )
    forbidden = [
        "QUOTE_WORDING", "quote_wording", "copied text", "source 1", "source 2", "source_id", "start:",
        "to-check", "in-review", "→", "— default", "video", "telephone", "Concluded by", "Verdict:",
        "Claim ", "History", "Evidence", "Rating scale", "lucas", "camille ",
    ]
    for fmt, text in _texts(model).items():
        body = re.sub(r"https?://[^\s<>\"()]+", "", text)
        body = body.replace("City says river safe", "").replace("Metro Wire", "")
        for claim in model.claims:  # the fixture's own data may be English: only the report's words are checked
            body = body.replace(claim.statement, "").replace(claim.rationale.split("\n")[0], "")
        for word in forbidden:
            assert word not in body, (fmt, word)
        assert "vidéo" in body and "téléphone" in body, fmt
        assert "Le libellé d’une citation diffère" in body and "Texte copié" in body, fmt
        assert "échelle workbench" in body.casefold() and "notre verdict" in body.casefold(), fmt


def test_a_claim_in_review_never_looks_concluded() -> None:
    model = build_model()
    draft = model.claims[1]
    assert draft.status == "in-review" and draft.verdict == "mostly-true"
    html = EXPORTERS["html"].export(model).decode()
    article = html[html.index(f'id="claim-{draft.id}"') :].split("</article>")[0]
    assert "Draft · In review" in article and "Not concluded yet" in article
    assert "Fact-check by" not in article  # no byline for a draft
    assert 'class="claim draft"' in html
    # not in the chart: the SVG holds the concluded verdicts only
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "Mostly true" not in svg
    with_drafts = EXPORTERS["html"].export(dataclasses.replace(model, include_drafts=True)).decode()
    assert "Mostly true" in with_drafts[with_drafts.index("<svg") : with_drafts.index("</svg>")]
    md = EXPORTERS["md"].export(model).decode()
    assert "Swimming in the Seine will be allowed from 2025 at three sites. — **Draft · In review**" in md


def test_byline_uses_the_names_people_gave_and_updates_follow_history() -> None:
    model = build_model()
    later = HistoryEntry(299, dt.datetime(2024, 3, 10, 8, 0, tzinfo=UTC), "lucas", "claim", 1, 1, "update",
                         "verdict", "misleading", "false")
    history = dict(model.history)
    history[1] = (*history[1], later)
    model = dataclasses.replace(model, history=history, people={"camille": "Camille Roux", "lucas": "Lucas Petit"})
    html = EXPORTERS["html"].export(model).decode()
    assert "Fact-check by Camille Roux · Published 3 March 2024" in html
    assert "Updates and corrections" in html
    assert "Lucas Petit changed the verdict from “Misleading” to “False”." in html
    root = dataclasses.replace(model, people={})
    assert "root" not in EXPORTERS["md"].export(root).decode()
    assert "Fact-check by Vérif’Eau" in EXPORTERS["md"].export(root).decode()


def test_docx_page_size_language_and_headings_kept_with_next() -> None:
    fr = Document(io.BytesIO(EXPORTERS["docx"].export(build_model(language="fr"))))
    section = fr.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert 'w:val="fr-FR"' in fr.styles.element.xml and "en-US" not in fr.styles.element.xml
    assert '<w:themeFontLang w:val="fr-FR"' in fr.settings.element.xml
    assert fr.core_properties.language == "fr-FR"
    en = Document(io.BytesIO(EXPORTERS["docx"].export(build_model(language="en"))))
    assert round(en.sections[0].page_width.mm) == 216  # US Letter
    a4 = Document(io.BytesIO(EXPORTERS["docx"].export(dataclasses.replace(build_model(), paper="a4"))))
    assert round(a4.sections[0].page_width.mm) == 210
    headings = [p for p in fr.paragraphs if p.style.name.startswith("Heading")]
    assert headings
    for p in headings:
        assert p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next


def test_pdf_text_has_plain_letters_for_poppler_and_pdfplumber(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = EXPORTERS["pdf"].export(build_model(language="fr"))
    text = _pdf_text(data)
    assert "vérification" in text.lower()
    assert not re.search("[\ufb00-\ufb06]", text)
    if shutil.which("pdftotext"):
        path = tmp_path / "r.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "vérification" in out.lower() and not re.search("[\ufb00-\ufb06]", out)


def test_comparison_values_are_written_in_the_report_language() -> None:
    from workbench.io.report import format_date
    from workbench.io.report_text import value_words

    assert value_words("3500000", "fr", format_date) == "3\u00a0500\u00a0000"
    assert value_words("3500000", "en", format_date) == "3,500,000"
    assert value_words("12.5", "fr", format_date) == "12,5"
    assert value_words("2026-03-10", "fr", format_date) == "10 mars 2026"
    assert value_words("happened (unconfirmed)", "fr", format_date) == "a eu lieu (non confirmé)"
    assert value_words("did not happen", "fr", format_date) == "n’a pas eu lieu"
    assert value_words("Hélène Castagnet", "fr", format_date) == "Hélène Castagnet"


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\x1f\x4e\x79" * 8 for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_logo_in_html_docx_and_pdf() -> None:
    model = dataclasses.replace(build_model(language="fr"), organisation_logo=_png())
    html = EXPORTERS["html"].export(model).decode()
    assert 'src="data:image/png;base64,' in html
    doc = Document(io.BytesIO(EXPORTERS["docx"].export(model)))
    assert doc.inline_shapes and len(doc.inline_shapes) == 1
    assert EXPORTERS["pdf"].export(model).startswith(b"%PDF")
    hostile = dataclasses.replace(model, organisation_logo=b"<svg onload=alert(1)>")
    assert "data:image" not in EXPORTERS["html"].export(hostile).decode()


def test_comparison_notes_name_the_sources_and_reuse_says_its_relation() -> None:
    """Seen on a real French dossier: the engine's notes ("la source 3 cite…", "(sources 2, 3)") were replaced by a
    generic sentence, rank values stayed English ("one of several"), a quotation's value repeated the passage, and a
    page holding its own English original read "X repeats 463 characters of X: not independent"."""
    model = build_model(language="fr")
    quote_a, quote_b = "l’eau est propre pour la baignade", "l’eau est propre"
    model = dataclasses.replace(model, discrepancies=(
        {"kind": "other", "note_language": "fr",
         "note": "Le rang diffère : « le principal partenaire » (source 1) contre « l’un des partenaires » "
                 "(sources 2, 3)",
         "spans": [{"source_id": 1, "start": 0, "end": 5, "exact": "le principal partenaire", "value": "first"},
                   {"source_id": 2, "start": 0, "end": 4, "exact": "l’un des partenaires",
                    "value": "one of several"}]},
        {"kind": "quote_wording", "note_language": "fr",
         "note": "la source 2 cite, la source 1 rapporte les mêmes mots avec un changement : « pour la baignade » omis",
         "spans": [{"source_id": 1, "start": 0, "end": 5, "exact": quote_b, "value": quote_b},
                   {"source_id": 2, "start": 0, "end": 4, "exact": quote_a, "value": quote_a}]},
        {"kind": "copied text", "chars": 463, "relation": "translation", "note": "source 1 repeats",
         "spans": [{"source_id": 1, "start": 0, "end": 5, "exact": "Swimming"},
                   {"source_id": 1, "start": 9, "end": 14, "exact": "Baignade"}]},
        {"kind": "copied text", "chars": 110, "relation": "common-source", "note": "source 1 repeats",
         "spans": [{"source_id": 3, "start": 0, "end": 5, "exact": "Seine"},
                   {"source_id": 1, "start": 0, "end": 5, "exact": "Seine"}]},
    ))
    def flat_of(text: str) -> str:  # the PDF's text has no emoji (its font has none)
        return " ".join(re.sub("[\x00\U0001F000-\U0001FFFF]", " ", text.replace("**", "")).split())

    one, two, three = (flat_of(f"« {s.title} »") for s in model.sources)
    for fmt, text in _texts(model).items():
        flat = flat_of(text)
        assert f"Le rang diffère : « le principal partenaire » ({one}) contre « l’un des partenaires » ({two} et " \
               f"{three})" in flat, fmt
        assert f"{two} cite, {one} rapporte les mêmes mots avec un changement" in flat, fmt
        assert "one of several" not in flat and "first" not in flat and "au premier rang" in flat, fmt
        assert "un parmi d’autres" in flat, fmt
        assert flat.count(quote_a) == 1, fmt  # the passage, not again as its value
        assert "Texte traduit" in flat and f"{one} donne le même passage (463 caractères) en deux langues" in flat, fmt
        assert "Source commune" in flat and f"{three} et {one} donnent les mêmes 110 caractères mot pour mot" in flat
        assert "reprend 463" not in flat and "source 1" not in flat, fmt


def test_a_wire_signed_by_its_agency_is_cited_once_in_every_format() -> None:
    """Seen on a real AFP dispatch (outlet and author "AFP"): "AFP, AFP, « … »" under each quoted passage."""
    model = build_model(language="fr")
    wire = dataclasses.replace(model.sources[0], outlet="AFP", author="AFP")
    model = dataclasses.replace(model, sources=(wire, *model.sources[1:]))
    for fmt, text in _texts(model).items():
        flat = " ".join(text.split())
        assert "AFP, « Baignade" in flat and "AFP, AFP" not in flat, fmt
