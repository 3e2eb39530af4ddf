"""Tables in PDF pages: when a ruled table is likely, and how pdfplumber's tables are kept or rejected.

pdfplumber reads ruled tables well but costs tens of milliseconds a page, and it reads any grid of strokes as a
table: the bars and gridlines of a chart come out as rows of empty cells (" | | |"). So a page is handed to it only
when it holds both several body lines split into separate cells *and* enough straight rules (thin lines or cell
boxes) in the band those lines occupy; running headers and footers (the printer's line at every page foot) are not
counted, being outside the body band. A table pdfplumber returns is kept only when most of its cells hold text.
"""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

from workbench.io.importers.pdf_layout import Frag

MIN_ROWS = 3
"""Body lines split into two or more cells a page needs before its rules are even counted."""
MIN_RULES = 4
"""Straight rules (thin lines or boxes) in the band of those lines that make a ruled table likely."""
MIN_FILLED = 0.6
"""Share of non-empty cells below which a grid found by pdfplumber is a chart or a form, not a table."""
_MAX_OBJECTS = 5000


def cell_rows(frags: list[Frag], height: float) -> list[tuple[float, float]]:
    """(top, bottom) of each body line made of two or more separate short cells."""
    rows: dict[int, list[Frag]] = {}
    for frag in frags:
        if frag.aside or frag.block or frag.top < height * 0.08 or frag.bottom > height * 0.92:
            continue
        rows.setdefault(round(frag.bottom / 2), []).append(frag)
    out: list[tuple[float, float]] = []
    for row in rows.values():
        if len(row) < 2:
            continue
        row.sort(key=lambda f: f.x0)
        gaps = sum(1 for a, b in itertools.pairwise(row) if b.x0 - a.x1 > max(a.size, b.size))
        lengths = sorted(len(f.text) for f in row)
        if gaps >= 1 and lengths[len(lengths) // 2] <= 30:
            out.append((min(f.top for f in row), max(f.bottom for f in row)))
    return out


def ruled_table_likely(frags: list[Frag], page: Any, raw: Any, height: float) -> bool:
    """Whether the page (PDFium page handle, upright) probably holds a ruled table: cheap enough for every page."""
    rows = cell_rows(frags, height)
    if len(rows) < MIN_ROWS:
        return False
    band_top = min(t for t, _ in rows) - 30
    band_bottom = max(b for _, b in rows) + 30
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    rules = 0
    for i in range(min(raw.FPDFPage_CountObjects(page), _MAX_OBJECTS)):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH or not raw.FPDFPageObj_GetBounds(obj, *refs):
            continue
        w, h = right.value - left.value, top.value - bottom.value
        y0, y1 = height - top.value, height - bottom.value
        if y1 < band_top or y0 > band_bottom:
            continue
        if (h <= 3 and w >= 15) or (w <= 3 and h >= 8) or (w >= 15 and h >= 8):
            rules += 1
            if rules >= MIN_RULES:
                return True
    return False


def table_blocks(plumber_page: Any, clean: Any) -> list[Frag]:
    """The tables of one pdfplumber page as pre-formatted blocks ("cell | cell" rows); charts and forms left out."""
    blocks: list[Frag] = []
    for table in plumber_page.find_tables():
        rows = [[" ".join((cell or "").split()) for cell in row] for row in table.extract()]
        rows = [row for row in rows if any(row)]
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        cells = [cell for row in rows for cell in row]
        if sum(1 for c in cells if c) < MIN_FILLED * len(cells):
            continue
        x0, top, x1, bottom = table.bbox
        text = "\n".join(clean(" | ".join(row)).rstrip() for row in rows)
        blocks.append(Frag(x0, top, x1, bottom, 0.0, text, block=True))
    return blocks
