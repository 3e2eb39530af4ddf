"""OCR: a page rendered here at 300 dpi, imported as PNG, TIFF and scanned PDF, comes back as its words.

Tesseract (Debian's tesseract-ocr with fra and eng) is a declared system dependency installed by ``make test``.
"""

from __future__ import annotations

import difflib
import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from workbench.cli import main
from workbench.core.errors import Cancelled, ImportFailure, NeedsOCR
from workbench.io import registry
from workbench.io.importers import ocr
from workbench.io.importers import pdf as pdf_importer
from workbench.services import dossiers, sources
from workbench.services.store import Store

FRENCH = (
    "Le conseil municipal de Saint-Aubin a voté mardi soir un budget de quatre millions d'euros pour réparer la "
    "digue. Selon le maire, les travaux commenceront à l'automne et dureront dix-huit mois. Les habitants du "
    "quartier bas, évacués pendant la crue, demandent une indemnisation rapide."
)
ENGLISH = (
    "The river authority said on Wednesday that the embankment had held during the flood, contradicting earlier "
    "reports. Engineers will inspect the whole length of the wall before the winter rains, according to a "
    "statement published by the county council."
)
DPI = 300
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"


def render(text: str, width_in: float = 6.0, point: float = 11.0) -> Image.Image:
    """``text`` set in a serif at ``point`` pt on a white page ``width_in`` inches wide, at 300 dpi."""
    px = round(point * DPI / 72)
    font = ImageFont.truetype(FONT, px) if Path(FONT).exists() else ImageFont.load_default(px)
    width, margin = round(width_in * DPI), DPI // 2
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if probe.textlength(candidate, font=font) > width - 2 * margin and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    step = round(px * 1.5)
    image = Image.new("L", (width, 2 * margin + step * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((margin, margin + i * step), line, font=font, fill=0)
    return image


def encode(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def word_accuracy(expected: str, got: str) -> float:
    ref, hyp = expected.split(), got.split()
    matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(ref)


@pytest.fixture(scope="module")
def french_png() -> bytes:
    return encode(render(FRENCH), "PNG")


@pytest.fixture(scope="module")
def scanned_pdf() -> bytes:
    """Two scanned pages (French, then English) with no text layer, as a scanner would save them."""
    first, second = render(FRENCH), render(ENGLISH)
    return encode(first, "PDF", resolution=DPI, save_all=True, append_images=[second])


def test_png_round_trip_keeps_words_boxes_and_record(french_png: bytes) -> None:
    bundle = registry.read_bytes("capture.png", french_png)
    assert bundle.kind == "image"
    assert bundle.original == french_png
    assert word_accuracy(FRENCH, bundle.text) >= 0.95, bundle.text
    assert bundle.language == "fr"
    assert bundle.page_map == ((0, 1),)
    record = bundle.ocr
    assert record is not None
    assert record["engine"] == "tesseract" and record["version"][:1].isdigit()
    assert record["languages"].startswith("fra") and record["pages"] == 1
    assert record["mean_confidence"] > 80
    assert bundle.ocr_words is not None
    (page,) = bundle.ocr_words
    image = Image.open(io.BytesIO(french_png))
    assert (page["width"], page["height"]) == image.size
    words = page["words"]
    assert len(words) >= len(FRENCH.split()) * 0.9
    for start, end, x0, y0, x1, y1, _conf in words:  # every box names its word in the text, inside the image
        assert bundle.text[start:end].strip() and " " not in bundle.text[start:end]
        assert 0 <= x0 < x1 <= image.width and 0 <= y0 < y1 <= image.height
    first = next(w for w in words if bundle.text[w[0] : w[1]] == "conseil")
    second = next(w for w in words if bundle.text[w[0] : w[1]] == "municipal")
    assert first[4] < second[2]  # "conseil" left of "municipal" on the same line


def test_scanned_pdf_is_read_by_ocr_with_a_page_map(scanned_pdf: bytes) -> None:
    with pytest.raises(ImportFailure) as info:  # the PDF importer alone still refuses it, typed for routing
        pdf_importer.read("scan.pdf", scanned_pdf)
    assert NeedsOCR.matches(info.value)
    bundle = registry.read_bytes("scan.pdf", scanned_pdf)
    assert bundle.kind == "pdf"
    assert bundle.ocr is not None and bundle.ocr["dpi"] == DPI and bundle.ocr["pages"] == 2
    assert [page for _offset, page in bundle.page_map] == [1, 2]
    second_page = bundle.page_map[1][0]
    assert word_accuracy(FRENCH, bundle.text[:second_page]) >= 0.95
    assert word_accuracy(ENGLISH, bundle.text[second_page:]) >= 0.95
    assert bundle.ocr_words is not None and [p["page"] for p in bundle.ocr_words] == [1, 2]
    assert all(w[0] >= second_page for w in bundle.ocr_words[1]["words"])


def test_language_hint_puts_its_model_first() -> None:
    data = encode(render(ENGLISH), "PNG")
    with ocr.page_hooks(language="en"):
        bundle = registry.read_bytes("note.png", data)
    assert bundle.ocr is not None and bundle.ocr["languages"] == "eng+fra"
    assert bundle.language == "en"
    assert word_accuracy(ENGLISH, bundle.text) >= 0.95


def test_a_language_without_installed_data_is_read_as_french_or_english_with_a_warning(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "_installed_languages", lambda: frozenset({"fra", "eng", "osd"}))
    assert ocr._hinted("de") == ("", "no OCR data for the language 'de' (install tesseract-ocr-deu): "
                                     "read as French/English")
    monkeypatch.setattr(ocr, "_installed_languages", lambda: frozenset({"fra", "eng", "deu"}))
    assert ocr._hinted("DE") == ("de", "") and ocr._langs("de") == "deu+fra+eng"
    assert ocr._hinted("fr") == ("fr", "") and ocr._hinted("xx") == ("", "")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux-only")
def test_tesseract_processes_die_with_the_page_child(monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    import pytesseract.pytesseract as engine

    monkeypatch.setattr(engine, "subprocess_args", engine.subprocess_args)  # restored after the test
    ocr._tesseract_dies_with_us()
    kwargs = engine.subprocess_args()
    assert kwargs["preexec_fn"] is ocr._ask_for_death_signal
    ocr._tesseract_dies_with_us()  # idempotent: wrapped once
    assert engine.subprocess_args()["preexec_fn"] is ocr._ask_for_death_signal
    probe = "import ctypes; v = ctypes.c_int(); ctypes.CDLL(None).prctl(2, ctypes.byref(v)); print(v.value)"
    done = subprocess.run([sys.executable, "-c", probe], **{**kwargs, "stdin": subprocess.DEVNULL}, check=True)
    assert done.stdout.strip() == b"9"  # PR_GET_PDEATHSIG: SIGKILL when its parent dies


def test_an_unexpected_decoder_error_in_a_child_job_is_said_in_words() -> None:
    import struct

    def broken(kind: str, name: str, path: bytes) -> dict[str, object]:
        raise struct.error("unpack requires a buffer of 4 bytes")

    with pytest.raises(ImportFailure) as info:
        ocr._in_words(broken)("image", "x.tiff", b"/tmp/x")
    assert str(info.value) == "x.tiff: damaged image (its content could not be read)"


def test_import_reports_each_page_and_cancel_stops_between_pages(store: Store, tmp_path: Path) -> None:
    dossier = dossiers.create(store, "Scans")
    tiff = tmp_path / "fax.tiff"  # a multi-page TIFF: one page per frame
    render(FRENCH).save(tiff, save_all=True, append_images=[render(ENGLISH)], compression="tiff_lzw")
    seen: list[tuple[int, int, str]] = []
    result = sources.import_files(store, dossier.id, [tiff], progress=lambda *a: seen.append(a))
    assert not result.errors and len(result.added) == 1
    labels = [label for _d, _t, label in seen]
    assert labels.index("fax.tiff (page 1)") < labels.index("fax.tiff (page 2/2)")  # the count comes with page 1
    assert result.added[0].ocr is not None and result.added[0].ocr["pages"] == 2

    other = tmp_path / "fax2.tiff"
    render(ENGLISH).save(other, save_all=True, append_images=[render(FRENCH)])
    pages_read: list[str] = []

    def cancel() -> bool:  # the user presses Cancel while page 1 is read
        return any("(page 1)" in label for label in pages_read)

    with pytest.raises(Cancelled):
        sources.import_files(store, dossier.id, [other], progress=lambda _d, _t, n: pages_read.append(n),
                             cancel=cancel)
    assert not any("page 2/2" in label for label in pages_read)
    assert [s.title for s in sources.list_all(store, dossier.id)] == ["fax"]


def test_sources_json_shows_the_ocr_object(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           french_png: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    db = tmp_path / "cli.sqlite"
    png = tmp_path / "capture.png"
    png.write_bytes(french_png)
    note = tmp_path / "note.txt"
    note.write_text("Une note tapée à la main.\n", encoding="utf-8")
    assert main(["--db", str(db), "import", str(png), str(note)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "sources", "--json"]) == 0
    listed = {s["kind"]: s for s in json.loads(capsys.readouterr().out)}
    assert listed["txt"]["ocr"] is None
    record = listed["image"]["ocr"]
    assert record["engine"] == "tesseract" and record["language"] == "fr" and record["pages"] == 1


@pytest.mark.parametrize(
    ("name", "cut"),
    [("abîmé.png", 0.5), ("photo.jpg", 0.3), ("vide.webp", 0.0)],
)
def test_corrupt_image_gives_one_clear_line(french_png: bytes, name: str, cut: float) -> None:
    image = Image.open(io.BytesIO(french_png))
    data = encode(image, {"png": "PNG", "jpg": "JPEG", "webp": "WEBP"}[name.rsplit(".", 1)[1]])
    data = data[: max(int(len(data) * cut), 16)]
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes(name, data)
    message = str(info.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    assert "image" in info.value.reason and "Traceback" not in message


def test_an_image_bomb_is_refused_before_it_is_decoded() -> None:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 0, 0, 0, 0)  # 3.6 billion grey pixels declared
    bomb = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(
        b"IEND", b"")
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("bombe.png", bomb)
    assert str(info.value) == "bombe.png: the image is too large (more than 150 million pixels)"


def test_bmp_and_gif_are_read_and_heic_is_refused_in_one_line() -> None:
    page = render(ENGLISH)
    for name, fmt in (("shot.bmp", "BMP"), ("meme.gif", "GIF")):
        assert word_accuracy(ENGLISH, registry.read_bytes(name, encode(page, fmt)).text) >= 0.95, name
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(100)
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("IMG_0042.HEIC", heic)
    assert str(info.value) == ("IMG_0042.HEIC: HEIC/HEIF photos cannot be read yet: save the photo as JPEG or PNG "
                               "and import that")
    assert registry.reader_for("sans-nom", heic).__module__ == "workbench.io.importers.image"
    assert registry.reader_for("LISEZMOI", b"BMW et Renault annoncent une alliance.\n" * 3).__module__.endswith("text")


def test_not_an_image_and_an_image_without_text() -> None:
    with pytest.raises(ImportFailure, match=r"^x\.png: not a PNG, JPEG, WebP, TIFF, BMP or GIF image$"):
        registry.read_bytes("x.png", b"%!PS-Adobe-3.0" + bytes(200))
    blank = encode(Image.new("L", (400, 300), 255), "PNG")
    with pytest.raises(ImportFailure, match="no readable text found by OCR in the image"):
        registry.read_bytes("blanc.png", blank)
    assert registry.reader_for("sans-extension", blank).__module__ == "workbench.io.importers.image"


def test_sideways_scan_is_turned_and_read() -> None:
    page = render(ENGLISH).rotate(90, expand=True)  # scanned with the sheet on its side
    bundle = registry.read_bytes("sideways.png", encode(page, "PNG"))
    assert word_accuracy(ENGLISH, bundle.text) >= 0.95
    assert bundle.ocr_words is not None and bundle.ocr_words[0]["rotate"] in (90, 270)
    turned = bundle.ocr_words[0]
    assert abs(turned["width"] / turned["height"] - page.height / page.width) < 0.01  # boxes are on the turned page


def test_a_photo_with_a_shadow_across_the_page_is_read_whole() -> None:
    from PIL import ImageChops, ImageFilter

    page = render(FRENCH)
    shade = Image.linear_gradient("L").rotate(90).resize(page.size).point(lambda v: 60 + v * 0.7)
    paper = page.point(lambda v: 40 + v * 0.8 if v > 128 else v + 30)  # grey paper, grey ink
    photo = ImageChops.multiply(paper, shade).filter(ImageFilter.GaussianBlur(1.0))  # dark on the left
    assert ocr.even_lighting(page) is page  # an evenly lit page is left alone
    bundle = registry.read_bytes("photo.jpg", encode(photo.convert("RGB"), "JPEG", quality=85))
    assert word_accuracy(FRENCH, bundle.text) >= 0.95, bundle.text


def test_a_photo_without_text_is_refused_not_read_as_junk() -> None:
    import random

    rng = random.Random(3)
    photo = Image.new("L", (900, 600))
    photo.putdata([rng.choice((0, 90, 180, 255)) if (x // 40 + y // 30) % 3 else 128
                   for y in range(600) for x in range(900)])
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("rue.jpg", encode(photo.convert("RGB"), "JPEG", quality=70))
    assert info.value.reason.startswith("no readable text found by OCR in the image")


def test_a_script_without_installed_data_is_named_not_read_as_junk() -> None:
    russian = ("Городской совет во вторник утвердил бюджет на ремонт плотины. По словам мэра, работы начнутся осенью "
               "и продлятся восемнадцать месяцев. Жители нижнего квартала требуют быстрой компенсации.")
    data = encode(render(russian), "PNG")
    if "rus" in ocr._installed_languages():  # a machine with Russian data reads it
        assert word_accuracy(russian, registry.read_bytes("ru.png", data).text) >= 0.9
        return
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("ru.png", data)
    assert info.value.reason.startswith("no readable text found by OCR in the image (mean confidence")
    assert "the text looks like Cyrillic script: install tesseract-ocr-rus" in info.value.reason


def test_unreadable_pages_are_left_out_with_a_warning_and_the_others_kept() -> None:
    good = {"width": 50, "height": 50, "words": [["Bonjour", 0, 0, 9, 9, 95.0, 1, 1, 1]], "script": "",
            "languages": "fra+eng"}
    junk = {"width": 50, "height": 50, "words": [["#%iT", 0, 0, 9, 9, 31.0, 1, 1, 1]], "script": "",
            "languages": "fra+eng"}
    han = {**good, "script": "Han"}
    pages = [good, junk, han]
    warnings, reason = ocr._drop_unreadable(pages)
    assert warnings == [
        "page 2: no readable text, left out (mean confidence 31 %)",
        "page 3: no readable text, left out (mean confidence 95 %; the text looks like Han script: install "
        "tesseract-ocr-chi-sim tesseract-ocr-chi-tra)",
    ]
    assert reason.startswith(" (mean confidence 95 %; the text looks like Han")
    text, page_map, _boxes = ocr.assemble(pages)
    assert text == "Bonjour\n" and page_map == ((0, 1),)


def test_assemble_joins_lines_of_a_paragraph_and_soft_hyphens() -> None:
    words = [
        ["Le", 0, 0, 10, 10, 96.0, 1, 1, 1], ["gouverne-", 12, 0, 40, 10, 90.0, 1, 1, 1],
        ["ment", 0, 12, 20, 22, 91.0, 1, 1, 2], ["décide.", 22, 12, 40, 22, 95.0, 1, 1, 2],
        ["Fin.", 0, 30, 10, 40, 97.0, 1, 2, 1],
    ]
    text, page_map, boxes = ocr.assemble([{"width": 50, "height": 50, "words": words}])
    assert text == "Le gouvernement décide.\n\nFin.\n"
    assert page_map == ((0, 1),)
    assert [text[s:e] for s, e, *_ in boxes[0]["words"]] == ["Le", "gouverne", "ment", "décide.", "Fin."]


def test_migration_keeps_spans_and_allows_image_sources(tmp_path: Path) -> None:
    """0003 widens the kind CHECK without copying the table (a copy would cascade-delete every span)."""
    from alembic import command

    from workbench.persistence.engine import alembic_config, make_engine, migrate
    from workbench.services import sample

    path = tmp_path / "old.sqlite"
    store = Store.open(str(path), user="alice")
    sample.load(store)
    store.close()
    raw = sqlite3.connect(path)
    spans = raw.execute("SELECT count(*) FROM span").fetchone()[0]
    raw.close()
    assert spans > 0
    engine = make_engine(str(path))
    cfg = alembic_config(engine)
    cfg.stdout = io.StringIO()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
        migrate(engine)  # up again as Workbench does (foreign keys off while 0008 rebuilds source)
    finally:
        engine.dispose()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT count(*) FROM span").fetchone()[0] == spans
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert {"ocr", "ocr_words"} <= {row[1] for row in raw.execute("PRAGMA table_info(source)")}
        raw.execute("UPDATE source SET kind = 'image' WHERE id = (SELECT min(id) FROM source)")
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute("UPDATE source SET kind = 'gif' WHERE id = (SELECT min(id) FROM source)")
        hits = raw.execute("SELECT count(*) FROM source_fts WHERE source_fts MATCH 'digue'").fetchone()[0]
        assert hits > 0  # the FTS5 triggers and content table are untouched
    finally:
        raw.close()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_reports_say_which_sources_were_read_by_ocr(language: str) -> None:
    import dataclasses

    from docx import Document

    from tests.io.report_fixture import build_model
    from workbench.io.exporters import docx_report, html_report, markdown_report

    model = build_model(language)
    record = {"engine": "tesseract", "version": "5.3.0", "language": "fr", "pages": 2, "mean_confidence": 94.6}
    scanned = dataclasses.replace(model.sources[0], ocr=record)
    model = dataclasses.replace(model, sources=(scanned, *model.sources[1:]))
    expected = {
        "en": f"“{scanned.title}”: text read by OCR (tesseract 5.3.0, French, 2 pages, mean confidence 95 %)",
        "fr": f"« {scanned.title} » : texte lu par OCR (tesseract 5.3.0, français, 2 pages, confiance moyenne 95 %)",
    }[language]
    markdown = markdown_report.render(model)
    assert markdown.count("OCR") == 1 and "5.3.0" in markdown
    html = html_report.export(model).decode("utf-8")
    assert html.count("read by OCR" if language == "en" else "lu par OCR") == 1
    document = Document(io.BytesIO(docx_report.export(model)))
    assert expected in [p.text for p in document.paragraphs]


def test_missing_tesseract_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, french_png: bytes) -> None:
    import pytesseract

    monkeypatch.setattr(ocr, "_VERSION", [])
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    with pytest.raises(ImportFailure) as info:
        registry.read_bytes("capture.png", french_png)
    assert str(info.value) == (
        "capture.png: OCR is needed but Tesseract is not installed "
        "(install it with: apt-get install tesseract-ocr tesseract-ocr-fra tesseract-ocr-eng)"
    )


def test_dossier_json_round_trip_keeps_an_image_source(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        french_png: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    png, first, second = tmp_path / "capture.png", tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    png.write_bytes(french_png)
    out = tmp_path / "dossier.json"
    assert main(["--db", str(first), "import", str(png)]) == 0
    assert main(["--db", str(first), "export", "--format", "json", "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", str(second), "import", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", str(second), "sources", "--json"]) == 0
    (restored,) = json.loads(capsys.readouterr().out)
    assert restored["kind"] == "image"  # the dossier format accepts the new kind


def test_preview_renders_the_page_of_a_scanned_pdf_and_turns_it_as_ocr_did(scanned_pdf: bytes) -> None:
    from workbench.io.importers.image import preview

    png, width, pages = preview(scanned_pdf, "pdf", page=2, dpi=100)
    image = Image.open(io.BytesIO(png))
    assert pages == 2 and image.width == width == round(6.0 * 100)  # 6-inch page at 100 dpi
    _png, turned_width, _pages = preview(scanned_pdf, "pdf", page=2, dpi=100, rotate=90)
    assert turned_width == image.height
    with pytest.raises(ImportFailure, match="cannot show the original"):
        preview(b"%PDF-1.4 broken", "pdf")
