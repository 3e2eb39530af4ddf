"""PDF fixtures drawn with Qt (QPdfWriter + QPainter) so every line sits at a known position.

Used by the PDF importer tests and by ``benchmarks/bench_import.py``. A ``QGuiApplication`` must exist before calling
anything here (pytest-qt's ``qapp`` fixture in tests; the benchmark creates one).

Coordinates are PDF points from the top-left corner of an A4 page (595 x 842); ``y`` is the text baseline.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

PAGE_W = 595.0
PAGE_H = 842.0
MARGIN_X = 60.0
BODY_TOP = 100.0
BODY_BOTTOM = 770.0
FONT = "DejaVu Serif"
SHY = "\u00ad"  # marks where the wrapper may hyphenate a word


@dataclass(frozen=True)
class Run:
    """A piece of text drawn at (x, baseline y) in ``size`` points."""

    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False


@dataclass
class Page:
    """The runs and ruling lines of one page, in drawing (content-stream) order."""

    runs: list[Run] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)


def _font(size: float, bold: bool = False):
    from PySide6.QtGui import QFont

    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


_METRICS: dict[float, object] = {}
_DEVICE: list[object] = []


def text_width(text: str, size: float = 10.0) -> float:
    """Advance width of ``text`` in points at ``size``, measured on a 72-dpi PDF writer."""
    metrics = _METRICS.get(size)
    if metrics is None:
        from PySide6.QtCore import QBuffer
        from PySide6.QtGui import QFontMetricsF, QPdfWriter

        if not _DEVICE:
            buf = QBuffer()
            buf.open(QBuffer.OpenModeFlag.WriteOnly)
            writer = QPdfWriter(buf)
            writer.setResolution(72)
            _DEVICE.extend([buf, writer])
        metrics = _METRICS[size] = QFontMetricsF(_font(size), _DEVICE[1])
    return metrics.horizontalAdvance(text)  # type: ignore[attr-defined]


def wrap(text: str, width: float, size: float = 10.0) -> list[str]:
    """Greedy line breaking; words may break at soft hyphens (drawn as "-") or after a real hyphen."""
    words = text.split(" ")
    lines: list[str] = []
    line = ""
    for word in words:
        candidate = f"{line} {word}" if line else word
        if text_width(candidate.replace(SHY, ""), size) <= width:
            line = candidate
            continue
        # try the longest break point of the word that fits
        breaks = [m.end() for m in re.finditer(f"{SHY}|-(?=[^\\s])", word)]
        placed = False
        for pos in reversed(breaks):
            head, tail = word[:pos], word[pos:]
            shown = head[:-1] + "-" if head.endswith(SHY) else head
            trial = f"{line} {shown}" if line else shown
            if text_width(trial.replace(SHY, ""), size) <= width:
                lines.append(trial.replace(SHY, ""))
                line = tail
                placed = True
                break
        if not placed:
            if line:
                lines.append(line.replace(SHY, ""))
            line = word
    if line:
        lines.append(line.replace(SHY, ""))
    return lines


def column_runs(
    paragraphs: list[str], x: float, top: float, width: float, size: float = 10.0, leading: float = 12.5
) -> tuple[list[Run], float]:
    """Runs of ``paragraphs`` set in a column; returns the runs and the baseline after the last line."""
    runs: list[Run] = []
    y = top
    for para in paragraphs:
        for line in wrap(para, width, size):
            runs.append(Run(x, y, line, size))
            y += leading
        y += leading * 0.6
    return runs, y


def render_pdf(
    pages: list[Page], *, title: str = "", author: str = "", created: str = "", creator: str = "Workbench tests"
) -> bytes:
    """Draw ``pages`` into a PDF and return its bytes; ``created`` ("YYYYMMDD") overrides the creation date."""
    from PySide6.QtCore import QBuffer, QByteArray, QMarginsF, QPointF
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

    array = QByteArray()
    buf = QBuffer(array)
    buf.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
    writer.setTitle(title)
    writer.setCreator(creator)
    if author:
        writer.setAuthor(author)
    painter = QPainter(writer)
    current: tuple[float, bool] | None = None
    for index, page in enumerate(pages):
        if index:
            writer.newPage()
        painter.setPen(QPen())
        for x1, y1, x2, y2 in page.rules:
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
        for run in page.runs:
            if current != (run.size, run.bold):
                painter.setFont(_font(run.size, run.bold))
                current = (run.size, run.bold)
            painter.drawText(QPointF(run.x, run.y), run.text)
    painter.end()
    buf.close()
    data = bytes(array.data())
    if created:
        # same length replacement keeps the cross-reference table valid
        data = re.sub(rb"/CreationDate \(D:(\d{8})", lambda m: b"/CreationDate (D:" + created.encode(), data, count=1)
    return data


def header_footer(page_number: int, total: int, header: str, footer: str = "") -> list[Run]:
    """Running header, footer line and page number (the margin furniture the importer must drop)."""
    runs = [Run(MARGIN_X, 50, header, 8.0)]
    if footer:
        runs.append(Run(MARGIN_X, 805, footer, 7.0))
    label = str(page_number)
    runs.append(Run(PAGE_W / 2 - text_width(label, 9) / 2, 820, label, 9.0))
    return runs


# ----------------------------------------------------------------------------------------------- generated report

_SUBJECTS = [
    "The regional council",
    "The audit office",
    "The health ministry",
    "The port authority",
    "The city treasurer",
    "The statistics bureau",
    "The transport agency",
    "The school board",
    "The water utility",
    "The housing office",
]
_VERBS = [
    "reported",
    "confirmed",
    "estimated",
    "published",
    "disclosed",
    "recorded",
    "announced",
    "certified",
]
_OBJECTS = [
    "a budget overrun of {n} million euros",
    "{n} new inspections in the northern district",
    "a {n} per cent rise in waiting times",
    "{n} complaints about the tender procedure",
    "that {n} contracts were signed without compe\u00adtition",
    "{n} vacant posts in the emer\u00adgency services",
    "an investment programme worth {n} million",
    "{n} kilometres of roads in need of mainte\u00adnance",
]
_TAILS = [
    "in its annual statement",
    "according to the minutes of the meeting",
    "after an internal review",
    "in a letter to the commis\u00adsioners",
    "during the public hearing",
    "in the supple\u00admentary report",
    "for the fiscal year {y}",
    "despite earlier denials",
]


def make_sentence(rng: random.Random, serial: int) -> str:
    """A plausible, unique English sentence (may hold soft hyphens; strip them for the expected text)."""
    obj = rng.choice(_OBJECTS).format(n=rng.randint(2, 980))
    tail = rng.choice(_TAILS).format(y=rng.randint(2015, 2024))
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {obj} {tail} (item {serial})."


def report_pages(n_pages: int, seed: int = 7) -> tuple[list[Page], list[str]]:
    """A long report: one page in three set in two columns; returns the pages and the known sentences."""
    rng = random.Random(seed)
    pages: list[Page] = []
    sentences: list[str] = []
    serial = 0
    for number in range(1, n_pages + 1):
        page = Page(
            runs=header_footer(
                number,
                n_pages,
                "Annual review of public spending — working draft",
                "Printed 12/03/2024 · ref. AR-2024-117",
            )
        )
        two_col = number % 3 == 1
        columns = [(MARGIN_X, 225.0), (MARGIN_X + 250.0, 225.0)] if two_col else [(MARGIN_X, PAGE_W - 2 * MARGIN_X)]
        for x, width in columns:
            y = BODY_TOP
            while True:
                paragraph = []
                for _ in range(rng.randint(2, 4)):
                    serial += 1
                    paragraph.append(make_sentence(rng, serial))
                lines = wrap(" ".join(paragraph), width)
                if y + len(lines) * 12.5 > BODY_BOTTOM:
                    serial -= len(paragraph)
                    break
                for line in lines:
                    page.runs.append(Run(x, y, line))
                    y += 12.5
                y += 7.5
                sentences.extend(s.replace(SHY, "") for s in paragraph)
        pages.append(page)
    return pages, sentences


def hang(name: str, data: bytes) -> dict:
    """A stand-in PDF parser that never returns (for the time-limit test)."""
    import time

    time.sleep(3600)


def split_columns(
    text_paragraphs: list[str],
    columns: list[tuple[float, float]],
    top: float,
    size: float = 10.0,
    leading: float = 12.5,
) -> list[Run]:
    """Set paragraphs flowing from column to column (an equal share of lines each), so sentences cross columns."""
    width = columns[0][1]
    lines: list[tuple[str, bool]] = []  # (line, first line of a paragraph)
    for para in text_paragraphs:
        for k, line in enumerate(wrap(para, width, size)):
            lines.append((line, k == 0))
    per_col = -(-len(lines) // len(columns))
    runs: list[Run] = []
    for c, (x, _) in enumerate(columns):
        y = top
        for line, first in lines[c * per_col : (c + 1) * per_col]:
            if first and y != top:
                y += leading * 0.6
            runs.append(Run(x, y, line, size))
            y += leading
    return runs


def write_objects(objects: list[bytes], *, version: bytes = b"1.7", trailer: bytes = b"") -> bytes:
    """A PDF file of ``objects`` (object 1 the catalog), its cross-reference table and trailer (``trailer``: more
    trailer entries, e.g. ``/Encrypt 5 0 R``)."""
    out = bytearray(b"%PDF-" + version + b"\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R" % (len(objects) + 1) + trailer
    out += b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def encrypted_pdf() -> bytes:
    """A minimal PDF whose /Encrypt dictionary needs a password the reader does not have."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 10 >>\nstream\n0123456789\nendstream",
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <" + b"6f" * 32 + b"> /U <" + b"75" * 32 + b"> >>",
    ]
    ids = b"<0123456789abcdef0123456789abcdef>"
    return write_objects(objects, version=b"1.4", trailer=b" /Encrypt 5 0 R /ID [" + ids + ids + b"]")


def image_only_pdf() -> bytes:
    """A scanned-looking page: the words are pixels of an image, there is no text layer."""
    from PySide6.QtCore import QBuffer, QByteArray, QPointF, QRectF
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    image = QImage(800, 300, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setFont(_font(24))
    p.drawText(QPointF(20, 100), "Compte rendu de la séance du conseil")
    p.end()
    array = QByteArray()
    buf = QBuffer(array)
    buf.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawImage(QRectF(40, 60, 500, 190), image)
    painter.end()
    buf.close()
    return bytes(array.data())


def crash(name: str, data: bytes) -> dict:
    """A stand-in PDF parser that dies (as a segfaulting native library would)."""
    import os

    os.abort()


# ----------------------------------------------------------------------------------------------- hand-written PDFs


def handmade_pdf(
    contents: list[bytes], *, lang: str = "", to_unicode: dict[int, str] | None = None, rotate: int = 0
) -> bytes:
    """A PDF written byte by byte: one page per content stream, text in Helvetica (``/F1``).

    ``lang`` sets the catalog's ``/Lang``; ``to_unicode`` maps single-byte codes to any text (for example a
    character outside the BMP, which PDF writes as a UTF-16 surrogate pair); ``rotate`` sets every page's /Rotate.
    """
    n_pages = len(contents)
    font_obj = 3 + 2 * n_pages
    cmap_obj = font_obj + 1
    catalog = b"<< /Type /Catalog /Pages 2 0 R"
    if lang:
        catalog += b" /Lang (" + lang.encode("ascii") + b")"
    objects: list[bytes] = [catalog + b" >>"]
    kids = b" ".join(b"%d 0 R" % (3 + 2 * k) for k in range(n_pages))
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n_pages)
    for k, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (rotate, 4 + 2 * k, font_obj)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
    if to_unicode:
        font += b" /ToUnicode %d 0 R" % cmap_obj
    objects.append(font + b" >>")
    if to_unicode:
        entries = {code: chr(code) for code in range(0x20, 0x7F)}
        entries.update(to_unicode)
        lines = b"".join(
            b"<%02X> <%s>\n" % (code, text.encode("utf-16-be").hex().upper().encode())
            for code, text in sorted(entries.items())
        )
        cmap = (
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n/CMapName /Test def /CMapType 2 def\n"
            b"1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
            b"%d beginbfchar\n" % len(entries) + lines + b"endbfchar\nendcmap CMapName currentdict /CMap defineresource"
            b" pop end end"
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream")
    return write_objects(objects)


def text_ops(lines: list[tuple[float, float, str]], size: float = 11, matrix: str = "") -> bytes:
    """Content-stream operators drawing each (x, y from the bottom, text) line; ``matrix`` ("a b c d") rotates."""
    out = []
    for x, y, text in lines:
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        place = f"{matrix} {x} {y} Tm" if matrix else f"1 0 0 1 {x} {y} Tm"
        out.append(f"BT /F1 {size} Tf {place} ({safe}) Tj ET")
    return "\n".join(out).encode("latin-1")


def print_pid_and_hang(name: str, data: bytes) -> dict:
    """A stand-in parser that prints its process id on the inherited stdout, then never returns."""
    import os
    import sys
    import time

    print(os.getpid(), flush=True)
    sys.stdout.flush()
    time.sleep(3600)


def slow_with_progress(name: str, data: bytes) -> dict:
    """A stand-in parser that runs longer than the time limit in total but reports progress well within it."""
    import time

    from workbench.io.importers import pdf

    for page in range(1, 7):
        time.sleep(0.25)
        pdf.report_progress(page, 6)
    return {"done": True}


def chart_page() -> Page:
    """A bar chart: gridlines, bar outlines, axis values and three rows of short value labels (no table)."""
    page = Page(runs=[Run(60, 90, "Figure 2 – Dépenses par poste, en millions d’euros.", 10)])
    left, right, base = 100.0, 500.0, 400.0
    for k in range(6):
        y = base - 40 * k
        page.rules.append((left, y, right, y))
        page.runs.append(Run(80, y + 3, str(2 * k), 8))
    page.rules.extend([(left, base, left, base - 200), (right, base, right, base - 200)])  # frame of the plot
    heights = [(60, 130), (130, 170), (170, 60)]  # value labels of equal bars share a baseline
    for col, (h1, h2) in enumerate(heights):
        for j, h in enumerate((h1, h2)):
            x = left + 30 + col * 120 + j * 40
            page.rules.extend(
                [(x, base, x, base - h), (x + 30, base, x + 30, base - h), (x, base - h, x + 30, base - h)]
            )
            page.runs.append(Run(x + 6, base - h - 4, f"{h / 20:.1f}", 7))
        page.runs.append(Run(left + 40 + col * 120, base + 14, f"{col + 1} ligne", 8))
    for k, (series, year) in enumerate([("Personnel", "2021"), ("Achats", "2022"), ("Subventions", "2023")]):
        page.runs.append(Run(left + 10 + 130 * k, base + 32, series, 8))  # legend: short pieces on shared lines
        page.runs.append(Run(left + 10 + 130 * k, base + 44, year, 8))
    page.runs.append(Run(60, 470, "Source : comptes administratifs, retraitement de la chambre.", 10))
    return page


def index_error(name: str, data: bytes) -> dict:
    """A stand-in parser that fails the way a layout bug would."""
    return {"pages": [][0]}


def extract_watching_the_table_reader(name: str, data: bytes) -> dict:
    """:func:`pdf.extract` in the parse child, telling which process read the table pages and which pages it got."""
    import os

    from workbench.io.importers import pdf

    readers: list[int] = []
    sent: list[int] = []
    start, send = pdf._TableReader.start, pdf._TableReader.send

    def watched_start() -> object:
        reader = start()
        if reader is not None:
            readers.append(reader.pid)
        return reader

    def watched_send(self: object, index: int, page: bytes | None) -> None:
        sent.append(index)
        send(self, index, page)  # type: ignore[arg-type]

    pdf._TableReader.start = watched_start  # type: ignore[method-assign,assignment]
    pdf._TableReader.send = watched_send  # type: ignore[method-assign]
    try:
        result = pdf.extract(name, data)
    finally:
        pdf._TableReader.start, pdf._TableReader.send = start, send  # type: ignore[method-assign]
    return {"text": result["text"], "warnings": result["warnings"], "readers": readers, "sent": sent,
            "child": os.getpid()}


def start_table_reader_and_hang(name: str, data: bytes) -> dict:
    """A stand-in parser that forks the table reader, prints the reader's process id, then never returns."""
    import sys
    import time

    from workbench.io.importers import pdf

    reader = pdf._TableReader.start()
    print(reader.pid if reader is not None else -1, flush=True)
    sys.stdout.flush()
    time.sleep(3600)
    return {}


def extract_with_unreadable_table_pages(name: str, data: bytes) -> dict:
    """:func:`pdf.extract` in the parse child when no table page can be copied out for the table reader."""
    from workbench.io.importers import pdf

    make = pdf._table_pdf
    pdf._table_pdf = lambda doc, pages: None  # type: ignore[assignment]
    try:
        return pdf.extract(name, data)
    finally:
        pdf._table_pdf = make
