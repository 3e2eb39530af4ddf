"""Word parts python-docx does not show: headers, footers, notes, comments, text boxes, content controls, nested
tables; Strict OOXML; missing and damaged parts; zip bombs."""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile

import pytest

from tests.io import docx_fixtures as D
from workbench.core.errors import ImportFailure
from workbench.io import registry
from workbench.io.importers import docx_package


def _text(data: bytes, name: str = "crue.docx") -> str:
    return registry.read_bytes(name, data).text


@pytest.mark.parametrize("strict", [False, True], ids=["transitional", "strict"])
def test_every_part_once_and_in_its_place(strict: bool) -> None:
    text = _text(D.full_document(strict=strict))
    for piece in (D.HEADER, D.FOOTER, D.BODY, D.BOX, D.FOOTNOTE, D.ENDNOTE, D.COMMENT, D.INLINE_SDT, D.BLOCK_SDT,
                  *D.NESTED):
        assert text.count(piece) == 1, (piece, text)
    # headers before the body, footers after it: running text never interrupts the body
    assert text.index(D.HEADER) < text.index("Crue de la Lerne") < text.index(D.BODY)
    assert text.rindex(D.FOOTER) > text.index("Fin.")
    assert text.strip().endswith(D.FOOTER)
    # the notes follow the paragraph that calls them; the call leaves the sentence as written
    assert f"{D.BODY} Les secours confirment.\n\n[1] {D.FOOTNOTE}\n\n[i] {D.ENDNOTE}\n\n" in text
    # the text box follows its anchor paragraph, read once (the VML Fallback copy is skipped)
    assert f"Voir l’encadré.\n\n{D.BOX}" in text
    assert f"Commune : {D.INLINE_SDT}" in text
    assert f"[Comment (Camille Roy): {D.COMMENT}]" in text
    assert text.index("La digue a tenu.") < text.index(D.COMMENT)
    # the nested table keeps its rows, inside the outer table's row
    assert "Bilan par commune | Quartier | Évacués / Les Prés | 840" in text
    assert "Total | 1 200" in text
    assert "texte supprimé" not in text


def test_core_properties_from_the_package() -> None:
    bundle = registry.read_bytes("crue.docx", D.full_document())
    assert (bundle.title, bundle.author, str(bundle.published)) == ("Crue de la Lerne", "AFP", "2026-03-04")
    assert bundle.warnings == ()


def _sdt(xml: str) -> str:
    return f"<w:sdt><w:sdtPr/><w:sdtContent>{xml}</w:sdtContent></w:sdt>"


def test_form_in_nested_tables_imports() -> None:
    """A form laid out as tables in tables (one filled cell per row) keeps every field, one per line."""
    fields = [f"Champ {i} : valeur {i}" for i in range(163)]
    inner = [D.table(*[[D.p(f)] for f in fields[k:k + 10]]) for k in range(0, 163, 10)]
    outer = D.table(*[[D.table([box])] for box in inner])
    text = _text(D.package(D.document(outer)), "formulaire.docx")
    lines = text.splitlines()
    assert all(f in lines for f in fields)
    assert text.index(fields[0]) < text.index(fields[162])


def test_form_behind_content_controls_at_every_level() -> None:
    """Content controls around the table, a row and a cell (as form templates have them) hide nothing."""
    row_in_sdt = _sdt(f"<w:tr><w:tc>{D.p('Nom')}</w:tc><w:tc>{D.p('Dupont')}</w:tc></w:tr>")
    cell_in_sdt = f"<w:tr><w:tc>{D.p('Prénom')}</w:tc>{_sdt('<w:tc>' + D.p('Jeanne') + '</w:tc>')}</w:tr>"
    form = _sdt(f"<w:tbl><w:tblPr/>{row_in_sdt}{cell_in_sdt}</w:tbl>")
    assert _text(D.package(D.document(form))) == "Nom | Dupont\nPrénom | Jeanne\n"


def test_missing_image_part_keeps_the_text() -> None:
    doc = D.document(D.picture_paragraph("Photo prise à Saint-Aubin.") + D.p("Deuxième paragraphe."))
    data = D.package(doc, rels=[("rIdImg", "image", "media/image1.png")])
    bundle = registry.read_bytes("photo.docx", data)
    assert "Photo prise à Saint-Aubin.\n\nDeuxième paragraphe." in bundle.text


def test_missing_or_damaged_header_is_a_warning_not_a_refusal() -> None:
    sect = '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/><w:footerReference r:id="rIdF"/></w:sectPr>'
    data = D.package(
        D.document(D.p("Le texte reste."), sect),
        {"word/footer1.xml": "<w:ftr><w:p>not xml"},
        [("rIdH", "header", "header1.xml"), ("rIdF", "footer", "footer1.xml")],
    )
    bundle = registry.read_bytes("abimé.docx", data)
    assert bundle.text == "Le texte reste.\n"
    assert any("word/header1.xml" in w and "missing" in w for w in bundle.warnings), bundle.warnings
    assert any("word/footer1.xml" in w for w in bundle.warnings), bundle.warnings


def test_main_part_found_through_the_package_relationships() -> None:
    data = D.package(D.document(D.p("Partie principale renommée.")), main="word/blah_blah.xml")
    assert _text(data) == "Partie principale renommée.\n"


def test_header_target_written_relative_to_the_package() -> None:
    sect = '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>'
    data = D.package(D.document(D.p("Corps."), sect), {"word/header1.xml": D.part("hdr", D.p("En-tête."))},
                     [("rIdH", "header", "word/header1.xml")])  # should be "header1.xml"; Word reads it anyway
    assert _text(data) == "En-tête.\n\nCorps.\n"


def test_unreferenced_note_is_kept_at_the_end() -> None:
    notes = D.part("footnotes", D.SEPARATORS["footnote"] + D.note("footnote", 7, "Note orpheline."))
    rels = [("rIdFn", "footnotes", "footnotes.xml")]
    data = D.package(D.document(D.p("Corps.")), {"word/footnotes.xml": notes}, rels)
    assert _text(data) == "Corps.\n\n[1] Note orpheline.\n"


def test_list_markers_follow_the_level_text() -> None:
    numbering = D.part(
        "numbering",
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>',
    )

    def item(text: str, level: int) -> str:
        return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr></w:pPr>'
                f"<w:r><w:t>{text}</w:t></w:r></w:p>")

    body = item("Premier", 0) + item("Détail", 1) + item("Autre détail", 1) + D.p("") + item("Second", 0)
    data = D.package(D.document(body), {"word/numbering.xml": numbering}, [("rIdN", "numbering", "numbering.xml")])
    assert _text(data) == "I. Premier\n  I.a) Détail\n  I.b) Autre détail\nII. Second\n"


def test_picture_only_document_says_so() -> None:
    data = D.package(D.document(D.picture_paragraph("")), rels=[("rIdImg", "image", "media/image1.png")])
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("image.docx", data)
    assert info.value.reason == "the document holds no text, only pictures"


def test_opendocument_file_is_named() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("note.docx", buf.getvalue())
    assert info.value.reason.startswith("an OpenDocument file (.odt)")


def test_legacy_word_file_is_named() -> None:
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("ancien.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000))
    assert "old Word (.doc)" in info.value.reason


# --- zip bombs ---------------------------------------------------------------------------------------------------


def _set_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size a zip declares for ``member`` (central directory and local header)."""
    out = bytearray(data)
    name = member.encode()
    central = out.find(b"PK\x01\x02")
    while central != -1:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46:central + 46 + name_len]) == name:
            struct.pack_into("<I", out, central + 24, size)
            local = struct.unpack_from("<I", out, central + 42)[0]
            struct.pack_into("<I", out, local + 22, size)
            return bytes(out)
        central = out.find(b"PK\x01\x02", central + 4)
    raise AssertionError(f"{member} not in the zip")


def test_declared_gigabytes_are_refused_before_decompressing() -> None:
    """A 5 KB file whose document part says it expands to 1.5 GB: refused at once, with little memory."""
    data = D.package(D.document(D.p("x" * 20_000)))
    bomb = _set_declared_size(data, "word/document.xml", 1_500_000_000)
    assert len(bomb) < 5_000
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("bombe.docx", bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "zip bomb" in info.value.reason
    assert elapsed < 2.0
    assert peak < 20 * 1024 * 1024


def test_real_expansion_past_the_budget_is_stopped_while_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sizes are counted as bytes come out, and all parts share one budget."""
    monkeypatch.setattr(docx_package, "MAX_UNPACKED_BYTES", 4 * 1024 * 1024)
    header = D.part("hdr", D.p("en-tête " * 400_000))  # about 3.6 MB, expanding from a few KB
    sect = '<w:sectPr><w:headerReference r:id="rIdH1"/><w:headerReference r:id="rIdH2"/></w:sectPr>'
    data = D.package(D.document(D.p("Corps."), sect), {"word/header1.xml": header, "word/header2.xml": header},
                     [("rIdH1", "header", "header1.xml"), ("rIdH2", "header", "header2.xml")])
    assert len(data) < 100_000
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("bombe.docx", data)
    assert "more than 4 MiB" in info.value.reason


def test_a_size_that_lies_low_never_reads_past_it() -> None:
    data = D.package(D.document(D.p("y" * 5_000_000)))
    liar = _set_declared_size(data, "word/document.xml", 1_000)
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("menteur.docx", liar)
    assert "main document part cannot be read" in info.value.reason


def test_shared_data_bomb_refused_from_the_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many members declaring far more than deflate can produce from the file: refused before reading any."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", D.document(D.p("z")))
        for i in range(30):
            zf.writestr(f"word/media/filler{i}.xml", "")
    data = buf.getvalue()
    for i in range(30):
        data = _set_declared_size(data, f"word/media/filler{i}.xml", 100_000_000)
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("bombe.docx", data)
    assert "zip bomb" in info.value.reason


def test_bzip2_member_is_not_decompressed() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", D.document(D.p("Texte.")), compress_type=zipfile.ZIP_BZIP2)
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("bz.docx", buf.getvalue())
    assert "compression" in info.value.reason


def test_damaged_bytes_give_a_refusal_or_text_never_an_exception() -> None:
    """Random damage anywhere in the package (central directory included): an ImportFailure or a text, nothing else."""
    import random

    data = D.full_document()
    rng = random.Random(12)
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 30)):
            at = rng.randrange(len(damaged)) if rng.random() < 0.5 else len(damaged) - 1 - rng.randrange(600)
            damaged[at] = rng.randrange(256)
        try:
            registry.read_bytes("abîmé.docx", bytes(damaged))
        except ImportFailure as exc:
            assert "\n" not in str(exc)
