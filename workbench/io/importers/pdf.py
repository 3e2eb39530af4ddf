"""PDF files: the text of record in reading order, with a page map, parsed in a child process under a time limit.

Speed and fidelity both matter: pdfplumber's default text extraction interleaves columns and reads a few pages a
second, while PDFium (pypdfium2) reads hundreds. So PDFium gives the text and the line boxes (one call for a page's
text, a few per line for boxes and sizes), :mod:`workbench.io.importers.pdf_layout` rebuilds the reading order, and
pdfplumber is only opened for pages where :mod:`workbench.io.importers.pdf_tables` finds a ruled table likely, on
a PDF of those pages alone, and in the parse child on Linux by a second process beside the PDFium pass.

PDFium counts characters in UTF-16 units (a character outside the BMP is two), so the page text is kept one unit per
index while boxes are read, and pairs are joined when fragments are cleaned. A page whose text runs in another
direction (a landscape page, a rotated scan of a table) is read in the frame of its main direction; lines in a
minority direction (axis labels, rotated captions) and vertical writing are read whole after the page's body.

A damaged PDF can make a parser loop or crash; parsing therefore runs in a separate process that dies with its
parent (``PR_SET_PDEATHSIG`` on Linux, and a pipe it watches everywhere) and is killed when :data:`TIMEOUT_S`
seconds pass without progress (each page parsed is progress, so a long book on a loaded machine still imports).
The child is forked from a single-threaded process without Qt (the ``workbench`` command) and started by forkserver
or spawn otherwise. As with any forkserver/spawn child, a script that imports PDFs must keep its top-level code
under ``if __name__ == "__main__":`` (the ``workbench`` command does).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import io
import itertools
import math
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
import unicodedata
import warnings as py_warnings
from collections import Counter
from collections.abc import Callable
from typing import Any, NoReturn

from workbench.core.errors import Cancelled, ImportFailure, NeedsOCR
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle
from workbench.io.importers import pdf_tables as tables
from workbench.io.importers.pdf_layout import (
    Frag,
    Hyphenator,
    PageText,
    assemble,
    held_by_body,
    is_bare_number,
    layout_page,
    margin_key,
    repeated_margin_keys,
    text_blocks,
)

TIMEOUT_S = 120.0
"""Seconds the child process may go without finishing or reporting progress (a page) before it is killed."""

NO_TEXT = "no text layer: the PDF needs OCR"
ENCRYPTED = "the PDF is password-protected"
_LINE_BREAKS = re.compile(r"[^\r\n\ufffe\x02]+[\ufffe\x02]?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b\ufeff\ufffe\uffff\u00ad]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_PDF_DATE = re.compile(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?")


# ------------------------------------------------------------------------------------------------ PDFium extraction

# Text direction of a character, from PDFium's clockwise angle (0, 90, 180, 270 degrees), mapped to a frame in which
# that text runs left to right with y growing downwards: (x' from (x, y), y' from (x, y)) in PDF user space.
_FRAMES: dict[int, Callable[[float, float, float, float], tuple[float, float]]] = {
    0: lambda x, y, w, h: (x, h - y),
    90: lambda x, y, w, h: (h - y, w - x),
    180: lambda x, y, w, h: (w - x, y),
    270: lambda x, y, w, h: (y, x),
}


def _direction(raw: Any, textpage: Any, index: int) -> int:
    """The direction of character ``index`` in quarter turns (0, 90, 180, 270), or -1 for any other angle."""
    angle = math.degrees(raw.FPDFText_GetCharAngle(textpage, index)) % 360
    quarter = round(angle / 90) * 90 % 360
    return quarter if abs((angle - quarter + 180) % 360 - 180) < 8 else -1


def _utf16_text(raw: Any, textpage: Any, n: int) -> str:
    """The page's text with exactly one string item per PDFium character index (a UTF-16 unit).

    Characters outside the BMP are two PDFium characters (a surrogate pair); they are kept as two lone surrogates
    here so that indexes stay aligned with the character boxes, and joined again by :func:`_clean`.
    """
    buffer = (ctypes.c_ushort * (n + 1))()
    count = raw.FPDFText_GetText(textpage, 0, n, buffer)
    units = buffer[: max(count - 1, 0)]
    if len(units) != n:  # excluded characters: index the characters one by one
        units = [raw.FPDFText_GetUnicode(textpage, i) or 0xFFFD for i in range(n)]
    return "".join(map(chr, units))


def _page_frags(textpage: Any, raw: Any, user_w: float, user_h: float) -> tuple[list[Frag], float, float]:
    """Line fragments of one page, in the frame of its main text direction (a rotated page is read upright).

    One text call, then boxes of the first and last character of each line. Returns the fragments and the page's
    width and height in that frame (``user_w`` and ``user_h`` are the unrotated page's). Lines in another direction
    (a rotated caption, an axis label) and vertical writing become whole-line *aside* fragments, read after the
    page's body.
    """
    n = raw.FPDFText_CountChars(textpage)
    if n <= 0:
        return [], user_w, user_h
    text = _utf16_text(raw, textpage, n)
    segments: list[tuple[int, int, str, bool, int]] = []
    turns: Counter[int] = Counter()
    for match in _LINE_BREAKS.finditer(text):
        start = match.start()
        seg = match.group()
        hyphen = seg[-1] in "\ufffe\x02"
        if hyphen:
            seg = seg[:-1] + "-"
        stripped = seg.lstrip()
        start += len(seg) - len(stripped)
        seg = stripped.rstrip()
        if not seg:
            continue
        turn = _direction(raw, textpage, start)
        turns[turn] += len(seg)
        segments.append((start, start + len(seg), seg, hyphen, turn))
    main = max((t for t in turns if t >= 0), key=lambda t: turns[t], default=0)
    frame = _FRAMES[main]
    width, height = (user_h, user_w) if main in (90, 270) else (user_w, user_h)
    rect = raw.FS_RECTF()
    ref = ctypes.byref(rect)
    get_box = raw.FPDFText_GetLooseCharBox

    def box(i: int) -> tuple[float, float, float, float]:
        get_box(textpage, i, ref)
        ax, ay = frame(rect.left, rect.top, user_w, user_h)
        bx, by = frame(rect.right, rect.bottom, user_w, user_h)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def upright_box(i: int) -> tuple[float, float, float, float]:  # the common case, without the frame's cost
        get_box(textpage, i, ref)
        return rect.left, user_h - rect.top, rect.right, user_h - rect.bottom

    if main == 0:
        box = upright_box

    frags: list[Frag] = []
    for start, end, seg, hyphen, turn in segments:
        if turn == main and _ACCENT.search(seg):
            seg = _accents_after(seg, start, box)
        if turn == main and _SLASHED.search(seg):
            seg = _slash_after(seg, start, box)
        if turn == main and _SPACED_LETTERS.search(seg):
            seg = _join_spaced_letters(seg, start, box)
        x0, t0, r0, b0 = box(start)
        l1, t1, x1, b1 = box(end - 1)
        if not all(map(math.isfinite, (x0, t0, r0, b0, l1, t1, x1, b1))):
            continue
        if turn != main:  # another direction: one whole line, read after the body
            frags.append(_aside(seg, (x0, t0, r0, b0), (l1, t1, x1, b1)))
            continue
        size0, size1 = (b0 - t0) / 1.16, (b1 - t1) / 1.16
        if len(seg) > 1 and x1 - x0 < 1.5 * max(size0, size1) and t1 - t0 > size0 * 1.5:
            frags.append(_aside(seg, (x0, t0, r0, b0), (l1, t1, x1, b1)))  # vertical writing
            continue
        if _right_to_left(seg):  # PDFium gives Arabic and Hebrew in reading order; their boxes run right to left
            rtl = _rtl_frag(seg, start, box, hyphen)
            if rtl is not None:
                frags.append(rtl)
            continue
        wide = x1 - x0 > len(seg) * size0 * 0.6 + size0 * 2  # a gap inside: a gutter or cells PDFium ran together
        if x1 < x0 or wide or abs(size0 - size1) > 0.1 * max(size0, size1, 1.0) or abs(b0 - b1) > size0 * 0.6:
            frags.extend(_split_segment(seg, start, box, hyphen))
        elif size0 > 0:
            frags.append(Frag(x0, min(t0, t1), x1, max(b0, b1), size0, _clean(seg), hyphen))
    return frags, width, height


_COMBINING = {
    "\u02c6": "\u0302",
    "^": "\u0302",
    "\u02c7": "\u030c",
    "\u02d8": "\u0306",
    "\u02d9": "\u0307",
    "\u02da": "\u030a",
    "\u02dc": "\u0303",
    "~": "\u0303",
    "\u00a8": "\u0308",
    "\u00af": "\u0304",
    "\u00b4": "\u0301",
    "`": "\u0300",
}
_ACCENT = re.compile(
    "[\u02c6\u02c7\u02d8\u02d9\u02da\u02dc\u00a8\u00af\u00b4`^~](?=\\w)"
    "|(?<=\\w)[\u02c6\u02c7\u02d8\u02d9\u02da\u02dc\u00a8\u00af]"
)


def _accents_after(seg: str, start: int, box: Callable[[int], tuple[float, float, float, float]]) -> str:
    """``seg`` with each spacing accent drawn over a letter made a combining accent after that letter.

    TeX sets "˜" then "f" (or "X" then "˜") for f̃ and X̃, one glyph over the other. As poppler does, an accent
    centred on its letter (within 0.3 of the letter's width) becomes the combining accent ("X̃", composed by NFC
    where Unicode has the letter); one that only stands over part of the next letter goes after it as it is
    ("f˜"). An accent beside a letter (not over it) stays where it is.
    """
    chars = list(seg)
    for match in _ACCENT.finditer(seg):
        k = match.start()
        if chars[k] != seg[k]:
            continue
        ax0, _, ax1, _ = box(start + k)
        middle = (ax0 + ax1) / 2
        for letter in (k + 1, k - 1):
            if not 0 <= letter < len(seg) or not seg[letter].isalnum() or chars[letter] != seg[letter]:
                continue
            lx0, _, lx1, _ = box(start + letter)
            if abs(middle - (lx0 + lx1) / 2) <= 0.3 * (lx1 - lx0) + 0.3:
                chars[letter] = seg[letter] + _COMBINING[seg[k]]
                chars[k] = ""
                break
        else:
            if k + 1 < len(seg) and seg[k + 1].isalnum() and chars[k + 1] == seg[k + 1]:
                lx0, _, lx1, _ = box(start + k + 1)
                if lx0 - 0.5 <= middle <= lx1 + 0.5:
                    chars[k], chars[k + 1] = chars[k + 1], chars[k]
    return "".join(chars)


_SLASHED = re.compile("/(?=[\u2208\u220b\u2203\u2282\u2283\u2286\u2287])")


def _slash_after(seg: str, start: int, box: Callable[[int], tuple[float, float, float, float]]) -> str:
    """``seg`` with a slash drawn over the symbol after it ("∉" as TeX sets it: "/" centred on "∈") put after it.

    PDFium gives the slash first; it stands to the right of the symbol's left edge, and poppler and a reader have
    "∈/". A slash that starts where the symbol does (TeX's negation slash before "=") stays first.
    """
    chars = list(seg)
    for match in _SLASHED.finditer(seg):
        k = match.start()
        sx0, _, sx1, _ = box(start + k)
        lx0, _, lx1, _ = box(start + k + 1)
        if lx0 + 0.5 < sx0 and (sx0 + sx1) / 2 <= lx1 + 0.5 and chars[k] == "/":
            chars[k], chars[k + 1] = chars[k + 1], chars[k]
    return "".join(chars)


_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[(«“\"'] )?[^\W\d_](?: [^\W\d_]){3,}(?: [.,;:!?)»”\"'])?(?!\S)")
"""Four or more single letters with spaces between them ("T h e c o u n c i l", letters placed one by one), with
the punctuation that opens or closes them; digits are left out ("1 2 3 4" is more often a row of cells)."""


def _join_spaced_letters(seg: str, start: int, box: Callable[[int], tuple[float, float, float, float]]) -> str:
    """``seg`` with the spaces PDFium put between letters placed one by one taken out, the word gaps kept.

    A PDF that positions each letter (``[(T) -180 (h) -180 (e)] TJ``) leaves gaps PDFium reads as spaces. Within a run
    of single letters, as poppler does, the gaps are split at the middle of the smallest and the largest: the small
    ones are inside words, the large ones between words. A run whose gaps are all alike is one letter-spaced word
    when they are narrower than a space (a quarter of the type size), else single letters ("x y z w") and kept; a gap
    of half the type size or more always stays (single-character cells of a table).
    A removed space becomes a control character that :func:`_clean` drops, so indexes keep matching PDFium's.
    """
    chars = list(seg)
    for run in _SPACED_LETTERS.finditer(seg):
        gaps: list[tuple[int, float]] = []
        size = 0.0
        for k in range(run.start() + 1, run.end(), 2):  # the spaces of the run: every other character
            _, top, right, bottom = box(start + k - 1)
            left, _, _, _ = box(start + k + 1)
            gaps.append((k, left - right))
            size = max(size, (bottom - top) / 1.16)
        if size <= 0:
            continue
        small, large = min(g for _, g in gaps), max(g for _, g in gaps)
        if large - small < 0.07 * size:  # even gaps: one letter-spaced word, or letters meant apart
            cut = small + 1.0 if large < 0.25 * size else -math.inf
        else:
            cut = min((small + large) / 2, 0.5 * size)  # half an em apart is never inside a word (table cells)
        for k, gap in gaps:
            if gap < cut:
                chars[k] = "\x01"
    return "".join(chars)


def _aside(seg: str, first: tuple[float, float, float, float], last: tuple[float, float, float, float]) -> Frag:
    """A line set in another direction than the page's text, kept whole."""
    x0, top = min(first[0], last[0]), min(first[1], last[1])
    x1, bottom = max(first[2], last[2]), max(first[3], last[3])
    size = max(min(first[2] - first[0], first[3] - first[1]) / 1.16, 1.0)
    return Frag(x0, top, x1, bottom, size, _clean(seg), aside=True)


_RTL_LETTER = re.compile("[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def _right_to_left(seg: str) -> bool:
    """A line whose letters are mostly Hebrew or Arabic."""
    rtl = len(_RTL_LETTER.findall(seg))
    return rtl > 0 and rtl * 2 > sum(1 for ch in seg if ch.isalpha())


_FILLED_FIELDS = ("FPDF_FORMFIELD_TEXTFIELD", "FPDF_FORMFIELD_COMBOBOX", "FPDF_FORMFIELD_LISTBOX")


def _form_handle(doc: Any, raw: Any) -> Any:
    """PDFium's form handle when the PDF has an interactive form (filled-in fields), else None."""
    try:
        if raw.FPDF_GetFormType(doc.raw) == raw.FORMTYPE_NONE:
            return None
        doc.init_forms()
        return doc.formenv.raw if doc.formenv is not None else None
    except (AttributeError, RuntimeError, ValueError):  # an older pypdfium2 or a form PDFium will not load
        return None


def _field_values(raw: Any, form: Any, page: Any, height: float, frags: list[Frag]) -> list[Frag]:
    """What was typed in the page's form fields (text fields, combo and list boxes), each where its field sits.

    The page's text layer holds the labels ("First Name") but not the values ("Alice"), which live in the form.
    """
    kinds = {getattr(raw, name) for name in _FILLED_FIELDS if hasattr(raw, name)}
    sizes = sorted(f.size for f in frags)
    size = sizes[len(sizes) // 2] if sizes else 10.0
    rect = raw.FS_RECTF()
    out: list[Frag] = []
    for i in range(raw.FPDFPage_GetAnnotCount(page)):
        annot = raw.FPDFPage_GetAnnot(page, i)
        if not annot:
            continue
        value = ""
        try:
            if raw.FPDFAnnot_GetSubtype(annot) != raw.FPDF_ANNOT_WIDGET:
                continue
            if raw.FPDFAnnot_GetFormFieldType(form, annot) not in kinds:
                continue
            needed = raw.FPDFAnnot_GetFormFieldValue(form, annot, None, 0)
            if needed <= 2 or not raw.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                continue
            buffer = (ctypes.c_ushort * (needed // 2))()
            raw.FPDFAnnot_GetFormFieldValue(form, annot, buffer, needed)
            value = " ".join(_clean(bytes(buffer).decode("utf-16-le", "replace").rstrip("\x00")).split())
        finally:
            raw.FPDFPage_CloseAnnot(annot)
        if value:
            top, bottom = sorted((height - rect.top, height - rect.bottom))
            x0, x1 = sorted((rect.left, rect.right))
            middle = (top + bottom) / 2
            out.append(Frag(x0, middle - size * 0.6, max(x1, x0 + 1), middle + size * 0.6, size, value))
    return out


def _rtl_frag(
    seg: str, start: int, box: Callable[[int], tuple[float, float, float, float]], hyphen: bool
) -> Frag | None:
    """A right-to-left line as one fragment: PDFium's (logical) character order, the box around all its characters.

    Sorting its characters by x, as the left-to-right path does where characters jump back, would reverse the line.
    """
    x0 = top = math.inf
    x1 = bottom = -math.inf
    heights: list[float] = []
    for k, ch in enumerate(seg):
        if ch == " ":
            continue
        left, upper, right, lower = box(start + k)
        if not all(map(math.isfinite, (left, upper, right, lower))) or lower <= upper:
            continue
        x0, top, x1, bottom = min(x0, left), min(top, upper), max(x1, right), max(bottom, lower)
        heights.append(lower - upper)
    text = _clean(seg)
    if not heights or not text:
        return None
    heights.sort()
    return Frag(x0, top, x1, bottom, heights[len(heights) // 2] / 1.16, text, hyphen)


def _split_segment(
    seg: str, start: int, box: Callable[[int], tuple[float, float, float, float]], hyphen: bool
) -> list[Frag]:
    """Slow path: split a PDFium line where characters jump (column gutter, baseline) or change size."""
    out: list[Frag] = []
    cur: list[str] = []
    cur_box = (0.0, 0.0, 0.0, 0.0, 0.0)  # x0, top, x1, bottom, size of the characters in ``cur``
    prev: tuple[float, float, float, float] | None = None
    for k, ch in enumerate(seg):
        if ch in " \x01":  # a space, or one taken out between letters placed one by one (no box of its own)
            if cur:
                cur.append(ch)
            continue
        x0, top, x1, bottom = box(start + k)
        size = (bottom - top) / 1.16
        if size <= 0:
            continue
        if prev is not None and cur:
            p_size = (prev[3] - prev[1]) / 1.16
            jump = x0 - prev[2] > max(size, p_size) * 1.0 or x0 < prev[0] - 1
            jump = jump or abs(bottom - prev[3]) > 0.6 * p_size or abs(size - p_size) > 0.1 * p_size
            # a glyph drawn over the one before it ("=" under the "∼" of "≅") stays with it, in drawing order
            over = min(x1, prev[2]) - max(x0, prev[0]) >= 0.6 * min(x1 - x0, prev[2] - prev[0])
            jump = jump and not (over and x1 > x0 and top < prev[3] and bottom > prev[1])
            if jump:
                out.append(Frag(*cur_box, _clean("".join(cur).strip())))
                cur = []
        if not cur:
            cur_box = (x0, top, x1, bottom, size)
        else:
            cur_box = (cur_box[0], min(cur_box[1], top), x1, max(cur_box[3], bottom), cur_box[4])
        cur.append(ch)
        prev = (x0, top, x1, bottom)
    if cur:
        out.append(Frag(*cur_box, _clean("".join(cur).strip()), hyphen))
    return [f for f in out if f.text]


def _pdf_date(value: str) -> dt.date | None:
    match = _PDF_DATE.match(value.strip()) if value else None
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


def _language(raw: Any, doc: Any) -> str:
    """The catalog's ``/Lang`` (UTF-16LE), read through whatever pointer type the bindings declare.

    pypdfium2 4.x declared the buffer as ``void*``/``char*``, 5.x as ``FPDF_WCHAR*`` (``LP_c_ushort``) and rejects a
    char buffer; casting one byte buffer to the declared type works with both. A language is optional metadata, so
    anything unexpected gives "" rather than failing the import.
    """
    getter = getattr(raw, "FPDFCatalog_GetLanguage", None)
    if getter is None:
        return ""
    try:
        size = int(getter(doc, None, 0))
        if size <= 2:
            return ""
        buffer = ctypes.create_string_buffer(size)
        argtypes = getattr(getter, "argtypes", None)
        pointer = ctypes.cast(buffer, argtypes[1]) if argtypes and len(argtypes) > 1 else buffer
        getter(doc, pointer, size)
    except (ctypes.ArgumentError, TypeError, ValueError):
        return ""
    return buffer.raw[: size - 2].decode("utf-16-le", "ignore").strip()


_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff]")
_VISIBLE = re.compile(r"\S")


def _usable(frags: list[Frag]) -> bool:
    """Whether a page's text is real text, not only unmapped glyphs (private use characters, U+FFFD)."""
    text = "".join(f.text for f in frags)
    bad = len(_UNMAPPED.findall(text))
    good = len(_VISIBLE.findall(text)) - bad
    return good >= 1 and good >= bad


def _no_text(name: str) -> ImportFailure:
    """The refusal of a PDF none of whose pages has usable text (the one place that decides a PDF needs OCR)."""
    return NeedsOCR(name, NO_TEXT)  # routed to OCR by the registry (workbench/io/importers/ocr.py)


def page_ranges(numbers: list[int]) -> str:
    """``[2, 3, 4, 9]`` -> ``"2–4, 9"``."""
    out: list[str] = []
    for _, group in itertools.groupby(enumerate(numbers), lambda p: p[1] - p[0]):
        run = [n for _, n in group]
        out.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
    return ", ".join(out)


def extract(name: str, data: bytes) -> dict[str, Any]:
    """Parse a PDF (in the current process) into the fields of an :class:`ImportBundle`.

    Raises:
        ImportFailure: for damaged, truncated, encrypted or text-less PDFs.
    """
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise ImportFailure(name, "not a PDF file")
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (raw.FPDF_ERR_PASSWORD, raw.FPDF_ERR_SECURITY):
            raise ImportFailure(name, ENCRYPTED) from None
        raise ImportFailure(name, "damaged or truncated PDF (PDFium cannot read it)") from None
    warnings: list[str] = []
    form = _form_handle(doc, raw)
    try:
        # some writers pad the file after %%EOF (NULs, blanks): look at the end of what they wrote
        if b"%%EOF" not in data.rstrip(b"\x00 \t\r\n\f")[-4096:]:
            raise ImportFailure(name, "truncated PDF (the end of the file is missing)")
        meta = doc.get_metadata_dict(skip_empty=True)
        n_pages = len(doc)
        if n_pages == 0:
            raise ImportFailure(name, "the PDF has no pages")
        all_frags: list[list[Frag]] = []
        sizes: list[tuple[float, float]] = []
        table_pages: list[int] = []
        empty_pages: list[int] = []
        reader: _TableReader | None = None  # pdfplumber on the table pages beside this pass (in the parse child)
        for index in range(n_pages):
            page = doc[index]
            width, height = page.get_size()
            if page.get_rotation() in (90, 270):
                width, height = height, width  # character boxes are in the unrotated page's space
            textpage = page.get_textpage()
            try:
                frags, width, height = _page_frags(textpage.raw, raw, width, height)
                if form is not None and (width, height) == page.get_size():
                    frags.extend(_field_values(raw, form, page.raw, height, frags))
                if not _usable(frags):
                    frags = []
                    if raw.FPDFPage_CountObjects(page.raw) > 0:  # a blank page is not worth a warning
                        empty_pages.append(index + 1)
                elif (
                    page.get_rotation() == 0
                    and (width, height) == page.get_size()
                    and tables.ruled_table_likely(frags, page.raw, raw, height)
                ):
                    table_pages.append(index)
                    if reader is None and len(table_pages) == 1:
                        reader = _TableReader.start()
                    if reader is not None:
                        reader.send(index, _table_pdf(doc, [index]))
            finally:
                textpage.close()
                page.close()
            all_frags.append(frags)
            sizes.append((width, height))
            report_progress(index + 1, n_pages)
        language = _language(raw, doc.raw)
        table_pdf = _table_pdf(doc, table_pages) if table_pages and reader is None else None
    except BaseException:
        if reader is not None:
            reader.stop()
        raise
    finally:
        doc.close()
    if not n_pages:
        raise ImportFailure(name, "the PDF has no pages")
    if not any(all_frags):
        raise _no_text(name)
    if empty_pages:
        label = "page" if len(empty_pages) == 1 else "pages"
        warnings.append(f"{label} {page_ranges(empty_pages)} of {n_pages}: no usable text (scanned or unmapped fonts)")
    if reader is not None:
        reader.finish(all_frags, warnings, n_pages)
    elif table_pages:
        _read_tables(table_pdf or data, table_pages, all_frags, warnings, subset=table_pdf is not None)
    pages = _layout(all_frags, sizes, warnings)
    texts = [t for p in pages for t in (*p.paragraphs, *p.notes)]
    text, page_map = assemble(pages, Hyphenator(texts))
    text += "\n"
    if normalize_text(text) != text:  # cannot happen with cleaned fragments; keep the invariant anyway
        text, page_map = normalize_text(text), ()
        warnings.append("page map unavailable")
    return {
        "text": text,
        "page_map": page_map,
        "title": meta.get("Title", "").strip(),
        "author": meta.get("Author", "").strip(),
        "published": _pdf_date(meta.get("CreationDate", "")),
        "language": language,
        "warnings": tuple(warnings),
        "pages": n_pages,
        "peak_rss_kib": _peak_rss_kib(),
    }


def _table_pdf(doc: Any, table_pages: list[int]) -> bytes | None:
    """A PDF of only ``table_pages`` (PDFium copies them with their resources), for pdfplumber; None if that fails.

    pdfplumber (pdfminer) builds every page object of a document when it opens it, resolving the whole page tree
    and object streams: on a long book that costs more than reading its few table pages.
    """
    import pypdfium2 as pdfium

    try:
        part = pdfium.PdfDocument.new()
        try:
            part.import_pages(doc, table_pages)
            if len(part) != len(table_pages):
                return None
            buffer = io.BytesIO()
            part.save(buffer)
        finally:
            part.close()
    except (pdfium.PdfiumError, OSError, ValueError):
        return None
    return buffer.getvalue()


def _read_tables(
    data: bytes, table_pages: list[int], all_frags: list[list[Frag]], warnings: list[str], *, subset: bool = False
) -> None:
    """Replace the lines of each table pdfplumber finds on ``table_pages`` by one pre-formatted block.

    ``data`` is the whole PDF, or with ``subset`` a PDF of only the table pages in that order (:func:`_table_pdf`).
    """
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(data)) as plumber:
            for k, index in enumerate(table_pages):
                number = k if subset else index
                if number >= len(plumber.pages):
                    break
                page = plumber.pages[number]
                blocks = tables.table_blocks(page, _clean)
                page.close()
                _put_blocks(all_frags, index, blocks)
    except Exception:  # pdfplumber/pdfminer are stricter than PDFium: keep the plain text
        warnings.append(TABLES_AS_LINES)


TABLES_AS_LINES = "tables read as plain lines (pdfplumber could not parse the file)"


def _put_blocks(all_frags: list[list[Frag]], index: int, blocks: list[Frag]) -> None:
    """Replace the lines of page ``index`` that fall inside a table block by the blocks."""
    if not blocks:
        return
    keep = [
        f
        for f in all_frags[index]
        if not any(
            b.x0 - 1 <= (f.x0 + f.x1) / 2 <= b.x1 + 1 and b.top - 1 <= (f.top + f.bottom) / 2 <= b.bottom + 1
            for b in blocks
        )
    ]
    all_frags[index] = keep + blocks


def _page_tables(pdf: bytes | None) -> list[Frag] | None:
    """The table blocks of the one-page PDF ``pdf`` (pdfplumber), or None when it cannot be read."""
    if pdf is None:
        return None
    try:
        import pdfplumber

        with pdfplumber.open(io.BytesIO(pdf)) as plumber:
            page = plumber.pages[0]
            blocks = tables.table_blocks(page, _clean)
            page.close()
            return blocks
    except Exception:  # pdfplumber/pdfminer are stricter than PDFium: keep the plain text
        return None


class _TableReader:
    """pdfplumber on the table pages in a second process, while the parse child goes on with PDFium's text.

    Forked by the parse child when it meets its first table page (Linux only; elsewhere, and when :func:`extract`
    runs in the caller's own process, the table pages are read after the text pass, in process). Each table page
    goes to it as a one-page PDF; it answers each with that page's table blocks. It dies with the parse child
    (``PR_SET_PDEATHSIG``, and the end of its request pipe), which dies with the application.
    """

    __slots__ = ("pid", "replies", "requests", "sent")

    def __init__(self, pid: int, requests: Any, replies: Any) -> None:
        self.pid, self.requests, self.replies, self.sent = pid, requests, replies, 0

    @classmethod
    def start(cls) -> _TableReader | None:
        """Fork the reader, or None where it is not wanted (outside the parse child, not Linux) or fork fails."""
        if not PARALLEL_TABLES or not _in_child or not sys.platform.startswith("linux"):
            return None
        from multiprocessing.connection import Connection

        requests_r, requests_w = os.pipe()
        replies_r, replies_w = os.pipe()
        parent = os.getpid()
        try:
            with py_warnings.catch_warnings():  # the child's other thread only waits on a pipe (_die_with_parent)
                py_warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
        except OSError:
            for fd in (requests_r, requests_w, replies_r, replies_w):
                os.close(fd)
            return None
        if pid == 0:  # pragma: no cover - the reader process (its coverage is not collected)
            os.close(requests_w)
            os.close(replies_r)
            _table_worker(parent, requests_r, replies_w)
        os.close(requests_r)
        os.close(replies_w)
        return cls(pid, Connection(requests_w, readable=False), Connection(replies_r, writable=False))

    def send(self, index: int, pdf: bytes | None) -> None:
        """Hand page ``index`` (as a one-page PDF, None if it could not be made) to the reader."""
        with contextlib.suppress(OSError):  # a reader that died: its pages are counted missing in finish
            self.requests.send((index, pdf))
        self.sent += 1

    def finish(self, all_frags: list[list[Frag]], warnings: list[str], total: int) -> None:
        """Put the reader's table blocks in ``all_frags`` as they come; a page it could not read keeps its lines."""
        answered = failed = 0
        try:
            self.requests.send(None)
            while answered < self.sent:
                reply = self.replies.recv()
                answered += 1
                index, blocks = reply
                if blocks is None:
                    failed += 1
                else:
                    _put_blocks(all_frags, index, blocks)
                report_progress(total, total)  # the reader is moving: the time limit starts again
        except (EOFError, OSError):
            failed += self.sent - answered
        finally:
            self.stop(kill=answered < self.sent)
        if failed:
            warnings.append(TABLES_AS_LINES)

    def stop(self, kill: bool = True) -> None:
        """End the reader (killed unless it has answered everything) and reap it."""
        for conn in (self.requests, self.replies):
            conn.close()
        if kill:
            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)


PARALLEL_TABLES = True
"""Whether the parse child reads its table pages in a second process (:class:`_TableReader`): off for diagnosis."""


def _table_worker(parent: int, requests_fd: int, replies_fd: int) -> NoReturn:  # pragma: no cover - reader process
    """The reader process: table blocks of each one-page PDF it is sent, until told to stop or orphaned."""
    import queue
    from multiprocessing.connection import Connection

    code = 0
    try:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parse child ended before the line above
            os._exit(1)
        if _progress_conn is not None:  # the application must see the parse child's pipe close when it dies
            _progress_conn.close()
        requests = Connection(requests_fd, writable=False)
        replies = Connection(replies_fd, readable=False)
        pending: queue.SimpleQueue[Any] = queue.SimpleQueue()

        def drain() -> None:  # read requests at once: the parse child never waits on a full pipe
            try:
                while (item := requests.recv()) is not None:
                    pending.put(item)
            except (EOFError, OSError):
                pass
            pending.put(None)

        threading.Thread(target=drain, name="table-requests", daemon=True).start()
        while (item := pending.get()) is not None:
            index, pdf = item
            replies.send((index, _page_tables(pdf)))
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _layout(all_frags: list[list[Frag]], sizes: list[tuple[float, float]], warnings: list[str]) -> list[PageText]:
    """Drop repeated margin lines and page numbers, then lay out each page (in plain line order if that fails)."""
    keyed: list[list[str | None]] = []
    inline: list[set[int]] = []  # ids of bare numbers set in a line of text (an exponent, an index): never furniture
    for frags, (width, height) in zip(all_frags, sizes, strict=True):
        numbers = {
            id(f)
            for f in frags
            if (f.top > height * 0.85 or f.bottom < height * 0.15 or f.x1 < width * 0.08 or f.x0 > width * 0.92)
            and is_bare_number(f.text)
            and _in_a_line(f, frags)
        }
        inline.append(numbers)
        keyed.append([None if f.block or f.aside or id(f) in numbers else margin_key(f, width, height) for f in frags])
    repeated = repeated_margin_keys([{k for k in keys if k} for keys in keyed])
    for frags, keys, numbers in zip(all_frags, keyed, inline, strict=True):
        held = held_by_body(frags, keys, repeated) if repeated else set()  # a paragraph running into the margin
        keys[:] = [None if id(f) in held else k for f, k in zip(frags, keys, strict=True)]
        if repeated and numbers:  # the year or number set in a running header ("Report 2018 first quarter")
            key_of = {id(f): k for f, k in zip(frags, keys, strict=True)}
            for k, f in enumerate(frags):
                if id(f) not in numbers:
                    continue
                beside = [o for o in frags if o is not f and _beside(f, o)]
                if beside and all(key_of[id(o)] in repeated for o in beside):
                    numbers.discard(id(f))
                    keys[k] = _IN_FURNITURE
    notes: list[str] = []
    furniture: list[list[str]] = []
    pages = _laid_out(all_frags, keyed, inline, sizes, repeated, notes, furniture)
    if repeated and not any(p.paragraphs or p.notes for p in pages):
        # every line is "repeated furniture" (the same short text on every page): it is the text, keep it
        notes, furniture = [], []
        keyed = [[None if k == _IN_FURNITURE else k for k in keys] for keys in keyed]
        pages = _laid_out(all_frags, keyed, inline, sizes, set(), notes, furniture)
    pending: list[str] = []  # once, among the notes of the first page that carries it, where no sentence is cut
    for index, (page, kept) in enumerate(zip(pages, furniture, strict=True)):
        pending.extend(kept)
        # a page whose only paragraph runs on to the next one has no place for notes that does not cut it
        cuts = page.open_end and index + 1 < len(pages) and pages[index + 1].open_start and len(page.paragraphs) <= 1
        if pending and not cuts:
            page.notes.extend(pending)
            pending = []
    if pending:
        pages[-1].notes.extend(pending)
    warnings.extend(notes)
    return pages


def _laid_out(
    all_frags: list[list[Frag]],
    keyed: list[list[str | None]],
    inline: list[set[int]],
    sizes: list[tuple[float, float]],
    repeated: set[str],
    warnings: list[str],
    furniture: list[list[str]],
) -> list[PageText]:
    """Each page laid out without its ``repeated`` margin lines and page numbers.

    The running headers, footers and margin marks themselves are kept once, as the Word importer keeps a document's
    headers and footers: ``furniture`` gets, for each page, the ones first seen there (the page's head, then its
    foot and margins, one paragraph per block of touching lines: a footer's lines together, a footer beside it
    apart). A document's title, edition, copyright or "printed on" line is provenance a
    fact-checker may need; what goes is the copy on every page, which cut the body's sentences at each page turn.
    """
    pages = []
    fallback: list[int] = []
    seen: set[str] = set()
    for number, (frags, keys, (_width, height)) in enumerate(zip(all_frags, keyed, sizes, strict=True), start=1):
        numbers = inline[number - 1]
        body = [
            f
            for f, key in zip(frags, keys, strict=True)
            if (key is None or (key not in repeated and not is_bare_number(f.text)))
            and (id(f) in numbers or not _lone_page_number(f, height))
        ]
        edges: dict[bool, list[Frag]] = {}
        for f, key in zip(frags, keys, strict=True):
            if key is not None and key in repeated and key not in seen and not is_bare_number(f.text):
                seen.add(key)
                edges.setdefault(f.top < height / 2, []).append(f)
        for f, key in zip(frags, keys, strict=True):  # a number set in a running header goes with it
            if key == _IN_FURNITURE and any(_beside(f, o) for o in edges.get(f.top < height / 2, ())):
                edges[f.top < height / 2].append(f)
        furniture.append([block for _top, edge in sorted(edges.items(), reverse=True) for block in text_blocks(edge)])
        try:
            pages.append(layout_page(body))
        except (IndexError, ValueError, ZeroDivisionError, OverflowError):  # a geometry the layout did not foresee
            fallback.append(number)
            pages.append(PageText([f.text for f in sorted(body, key=lambda f: (f.top, f.x0))], []))
    if fallback:
        warnings.append(f"pages {page_ranges(fallback)}: reading order approximate (unusual layout)")
    return pages


_IN_FURNITURE = "\x00number in a running header"
"""The margin key of a bare number set in a line of repeated furniture: never body text, kept with its line."""


def _beside(frag: Frag, other: Frag) -> bool:
    """Whether ``other`` shares ``frag``'s line within a word space of it."""
    gap = max(frag.size, 1.0) * 0.6
    return (
        not other.block
        and other.top < frag.bottom
        and other.bottom > frag.top
        and other.x0 <= frag.x1 + gap
        and other.x1 >= frag.x0 - gap
    )


def _in_a_line(frag: Frag, frags: list[Frag]) -> bool:
    """Whether another fragment shares ``frag``'s line, within a word space of it (so ``frag`` is no page number)."""
    gap = max(frag.size, 1.0) * 0.6
    return any(
        o is not frag
        and not o.block
        and o.top < frag.bottom
        and o.bottom > frag.top
        and o.x0 <= frag.x1 + gap
        and o.x1 >= frag.x0 - gap
        for o in frags
    )


def _lone_page_number(frag: Frag, height: float) -> bool:
    """A bare number near the top or foot of the page: a page number even on a one-page document."""
    return not frag.block and is_bare_number(frag.text) and (frag.top > height * 0.85 or frag.bottom < height * 0.15)


def _clean(text: str) -> str:
    """A fragment's text as text of record: surrogate pairs joined, NFC, no control characters, no line breaks."""
    if _SURROGATE.search(text):  # PDFium counts UTF-16 units: a pair is two characters, a lone one is damage
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return unicodedata.normalize("NFC", _CONTROL.sub("", text))


def _peak_rss_kib() -> int:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


# ------------------------------------------------------------------------------------------------ isolation

_progress_conn: Any = None
_in_child = False
"""Whether this process is the parse child of :func:`run_isolated` (which may fork a :class:`_TableReader`)."""


def report_progress(done: int, total: int) -> None:
    """Tell the parent how far a job running under :func:`run_isolated` has got (a no-op elsewhere).

    Each report restarts the parent's time limit, so a long document that keeps moving is never cut off.
    """
    if _progress_conn is not None:
        _progress_conn.send(("progress", (done, total)))


def _die_with_parent(watch: Any) -> None:
    """End this child when the process that started it goes, however it goes (even ``kill -9``).

    Linux: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``. Everywhere: a thread blocked on a pipe whose other end only the
    parent holds; the read returns when the parent's end closes, which the kernel does when the parent dies.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):  # pragma: no cover - no usable libc
            pass

    def wait() -> None:
        with contextlib.suppress(EOFError, OSError):
            watch.recv()
        os._exit(1)

    threading.Thread(target=wait, name="parent-watch", daemon=True).start()


def _child(job: Callable[[str, bytes], dict[str, Any]], name: str, data: bytes, conn: Any, watch: Any = None) -> None:
    global _progress_conn, _in_child
    if watch is not None:
        _die_with_parent(watch)
    _progress_conn, _in_child = conn, True
    try:
        result: tuple[str, Any] = ("ok", job(name, data))
    except ImportFailure as exc:
        result = ("fail", exc.reason)
    except MemoryError:
        result = ("fail", "the PDF needs more memory than is available")
    except Exception:  # anything a broken file makes a parser throw: say why in words, not with a class name
        result = ("fail", "damaged PDF (its content could not be read)")
    _progress_conn = None
    try:
        conn.send(result)
    finally:
        conn.close()


def _context() -> Any:
    """How to start the child process.

    A plain fork from a single-threaded process without Qt (the ``workbench`` command): a few milliseconds instead
    of a fresh interpreter. Else forkserver (safe with threads), else spawn.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "PySide6" not in sys.modules and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods and sys.platform != "darwin":
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload([__name__])
        return ctx
    return multiprocessing.get_context("spawn")


class _Run:
    """A child process started by :func:`_start`: its process, the pipe it reports on, the pipe it watches."""

    __slots__ = ("keep_alive", "process", "receiver")

    def __init__(self, process: Any, receiver: Any, keep_alive: Any) -> None:
        self.process, self.receiver, self.keep_alive = process, receiver, keep_alive

    def close(self) -> None:
        self.receiver.close()
        self.keep_alive.close()
        self.process.join(5)
        if self.process.is_alive():  # pragma: no cover - a child that ignores its end
            self.process.kill()
            self.process.join()


def _start(name: str, data: bytes, job: Callable[[str, bytes], dict[str, Any]]) -> _Run:
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    watch, keep_alive = ctx.Pipe(duplex=False)  # the child watches ``watch``; only this process holds ``keep_alive``
    process = ctx.Process(target=_child, args=(job, name, data, sender, watch), daemon=True)
    process.start()
    sender.close()
    watch.close()
    return _Run(process, receiver, keep_alive)


def _finish(
    run: _Run,
    name: str,
    limit: float,
    progress: Callable[[int, int], None] | None,
    cancel: Callable[[], bool] | None,
) -> dict[str, Any]:
    process, receiver = run.process, run.receiver
    try:
        while True:
            deadline = time.monotonic() + limit
            message = None
            while message is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    process.kill()
                    raise ImportFailure(name, f"timed out after {limit:g} s")
                if receiver.poll(min(left, 0.25 if cancel is not None else left)):
                    try:
                        message = receiver.recv()
                    except (EOFError, OSError):
                        process.join(5)
                        raise ImportFailure(name, f"the PDF parser crashed (exit code {process.exitcode})") from None
                elif cancel is not None and cancel():
                    process.kill()
                    raise Cancelled("import cancelled")
            status, payload = message
            if status != "progress":
                break
            if progress is not None:
                progress(*payload)
    finally:
        run.close()
    if status != "ok":
        raise ImportFailure(name, payload)
    result: dict[str, Any] = payload
    return result


def run_isolated(
    name: str,
    data: bytes,
    job: Callable[[str, bytes], dict[str, Any]] | None = None,
    timeout: float | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> dict[str, Any]:
    """Run ``job(name, data)`` (default :func:`extract`) in a child process that dies with this one.

    The child is killed when ``timeout`` seconds (default :data:`TIMEOUT_S`) pass without it finishing or calling
    :func:`report_progress`; each report is passed on to ``progress(done, total)``. ``cancel`` is polled a few times
    a second; when it returns true the child is killed and :class:`~workbench.core.errors.Cancelled` raised.

    A parse started ahead by :func:`prefetch` for the same name and bytes (and the default job) is taken over
    instead of starting another child.

    Raises:
        ImportFailure: with the job's reason, "timed out after N s", or a crash report.
        Cancelled: when ``cancel`` asked for it.
    """
    limit = TIMEOUT_S if timeout is None else timeout
    run = _take_prefetched(name, data) if job is None else None
    if run is None:
        run = _start(name, data, job or _job)
    return _finish(run, name, limit, progress, cancel)


_prefetched: dict[str, tuple[bytes, _Run]] = {}


def prefetch(name: str, data: bytes) -> None:
    """Start parsing ``data`` in the child now; :func:`read` of the same name and bytes takes the result over.

    The ``workbench import`` command calls it before it imports the database layer and opens the database, so
    that on a machine with two cores the parse and the command's start-up overlap. Only from a process that can
    fork cheaply (single-threaded, no Qt); elsewhere it does nothing, and a file not read afterwards is simply
    parsed for nothing (the child dies with this process).
    """
    if name in _prefetched or b"%PDF" not in data[:1024] or _context().get_start_method() != "fork":
        return
    _prefetched[name] = (data, _start(name, data, _job))


def prefetch_file(paths: list[str]) -> None:
    """:func:`prefetch` the first of ``paths`` named ``*.pdf`` that is a regular file (as the registry reads it)."""
    from pathlib import Path

    from workbench.io.registry import MAX_BYTES, is_regular_file

    for item in paths:
        path = Path(item)
        if path.suffix.lower() != ".pdf" or not is_regular_file(path):
            continue
        try:
            if path.stat().st_size > MAX_BYTES:
                return
            data = path.read_bytes()
        except OSError:
            return
        prefetch(path.name or str(path), data)
        return


def _take_prefetched(name: str, data: bytes) -> _Run | None:
    entry = _prefetched.pop(name, None)
    if entry is None:
        return None
    if entry[0] is data or entry[0] == data:
        return entry[1]
    entry[1].process.kill()  # the file changed since: parse what is read now
    entry[1].close()
    return None


_job: Callable[[str, bytes], dict[str, Any]] = extract
"""The parsing function run in the child; tests replace it to simulate a parser that hangs."""


def read(name: str, data: bytes) -> ImportBundle:
    """Import a PDF file.

    Raises:
        ImportFailure: if the PDF is damaged, truncated, password-protected, has no text layer or takes longer than
            :data:`TIMEOUT_S` seconds to parse.
    """
    if b"%PDF" not in data[:1024]:
        raise ImportFailure(name, "not a PDF file")
    result = run_isolated(name, data)
    return ImportBundle(
        name=name,
        kind="pdf",
        original=data,
        text=result["text"],
        title=result["title"][:500],
        author=result["author"][:200],
        published=result["published"],
        language=result["language"],
        page_map=result["page_map"],
        warnings=result["warnings"],
        extra={"pages": result["pages"], "worker_peak_rss_kib": result["peak_rss_kib"]},
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m workbench.io.importers.pdf FILE``: print the text of record of a PDF (for diagnosis)."""
    from pathlib import Path

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m workbench.io.importers.pdf FILE.pdf", file=sys.stderr)
        return 2
    path = Path(args[0])
    try:
        bundle = read(path.name, path.read_bytes())
    except ImportFailure as exc:
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.write(bundle.text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
