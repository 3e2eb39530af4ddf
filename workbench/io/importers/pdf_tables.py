"""Tables in PDF pages: when a ruled table is likely, and how pdfplumber's tables are kept or rejected.

pdfplumber reads ruled tables well but costs tens of milliseconds a page, and it reads any grid of strokes as a
table: the bars and gridlines of a chart come out as rows of empty cells (" | | |"). So a page is handed to it only
when it holds both several body lines split into separate cells *and* enough straight rules (thin lines or cell
boxes) in the band those lines occupy; running headers and footers (the printer's line at every page foot) are not
counted, being outside the body band. A table pdfplumber returns is kept only when most of its cells hold text.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
from collections import Counter
from typing import Any

from workbench.io.importers.pdf_layout import Frag

MIN_ROWS = 3
"""Body lines split into two or more cells a page needs before its rules are even counted."""
MIN_FILLED = 0.6
"""Share of non-empty cells below which a grid found by pdfplumber is a chart or a form, not a table."""
MAX_PATHS = 1000
"""A page drawing more paths than this is a figure or a map (pdfplumber would take seconds on it), not a table."""


def cell_rows(frags: list[Frag], height: float) -> list[list[Frag]]:
    """Body lines made of two or more separate short cells, each as its fragments left to right."""
    rows: dict[int, list[Frag]] = {}
    for frag in frags:
        if frag.aside or frag.block or frag.top < height * 0.08 or frag.bottom > height * 0.92:
            continue
        if not any(ch.isalnum() for ch in frag.text):  # a cell holds a word or a number, not "−" or "∈"
            continue
        if len(frag.text) <= 2 and not frag.text.isdigit():  # a variable of a formula ("x", "Bᵣ"), not a cell
            continue
        rows.setdefault(round(frag.bottom / 2), []).append(frag)
    out: list[list[Frag]] = []
    for row in rows.values():
        biggest = max(f.size for f in row)
        row = [f for f in row if f.size >= 0.85 * biggest]  # sub- and superscripts are not cells
        if len(row) < 2:
            continue
        row.sort(key=lambda f: f.x0)
        gaps = sum(1 for a, b in itertools.pairwise(row) if b.x0 - a.x1 > max(a.size, b.size))
        lengths = sorted(len(f.text) for f in row)
        if gaps >= 1 and lengths[-1] >= 2 and lengths[len(lengths) // 2] <= 30:  # "0 1 0": a matrix, not a table
            out.append(row)
    return out


def _rules(
    page: Any, raw: Any, height: float, band: tuple[float, float]
) -> list[tuple[float, float, float, float]] | None:
    """Boxes (x0, top, x1, bottom) of the page's path objects inside the vertical ``band``; None for a drawing."""
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    out: list[tuple[float, float, float, float]] = []
    paths = 0
    for i in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, i)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        paths += 1
        if paths > MAX_PATHS:
            return None
        if not raw.FPDFPageObj_GetBounds(obj, *refs):
            continue
        y0, y1 = height - top.value, height - bottom.value
        if band[0] <= y1 and y0 <= band[1]:
            out.append((left.value, y0, right.value, y1))
    return out


def ruled_table_likely(frags: list[Frag], page: Any, raw: Any, height: float) -> bool:
    """Whether the page (PDFium page handle, upright) probably holds a ruled table: cheap enough for every page.

    Rules must belong to the cell rows: two horizontal rules, each spanning a whole row of cells next to it, that
    enclose two or more cell rows (ruled and booktabs tables), or vertical rules (or cell-box edges) at one x standing
    in the gaps between the cells of :data:`MIN_ROWS` rows. Fraction bars, overlines, plot axes, figure strokes and the
    line above a page foot do neither.
    """
    rows = cell_rows(frags, height)
    if len(rows) < MIN_ROWS or not _aligned(rows):
        return False
    band = (min(f.top for r in rows for f in r) - 30, max(f.bottom for r in rows for f in r) + 30)
    spanning: set[int] = set()
    dividers: Counter[int] = Counter()  # x of a rule standing in a gap between cells -> rows it divides
    boxes = _rules(page, raw, height, band)
    if boxes is None:
        return False
    flat = [(x0, y0, x1) for x0, y0, x1, y1 in boxes if y1 - y0 <= 3 and x1 - x0 >= 5]  # horizontal rules
    crossed: dict[int, bool] = {}
    for row in rows:
        row_top, row_bottom = min(f.top for f in row), max(f.bottom for f in row)
        size = max(f.size for f in row)
        here: set[int] = set()
        for k, (x0, y0, x1, y1) in enumerate(boxes):
            w, h = x1 - x0, y1 - y0
            near = row_top - 1.5 * size <= y0 and y1 <= row_bottom + 1.5 * size
            if h <= 3 and w >= 15 and near and x0 <= row[0].x0 + 5 and x1 >= row[-1].x1 - 5:
                spanning.add(k)
            cell_box = w >= 15 and 8 <= h <= 40  # a cell drawn as a box (a figure's frame is taller)
            if (w <= 3 or cell_box) and h >= 8 and y0 <= row_bottom and y1 >= row_top:
                if w <= 3 and not crossed.setdefault(k, _crossed((x0 + x1) / 2, y0, y1, flat)):
                    continue  # a flowchart's connector, not a column rule
                for x in (x0,) if w <= 3 else (x0, x1):
                    if any(a.x1 - 2 <= x <= b.x0 + 2 for a, b in itertools.pairwise(row)):
                        here.add(round(x / 3))
        dividers.update(here)
    divided = max(dividers.values(), default=0)  # one column boundary shared by that many rows
    # a table's column rule divides most of the cell rows around it, a figure's stroke only a few
    return divided >= max(MIN_ROWS, 0.3 * len(rows)) or _bracketed(rows, [boxes[k] for k in spanning])


def _crossed(x: float, top: float, bottom: float, flat: list[tuple[float, float, float]]) -> bool:
    """Whether horizontal rules run on both sides of the vertical rule at ``x`` at two heights along it.

    A table's column rule meets its top and bottom rules (or row rules) as a cross, whether they are drawn whole or
    cell by cell; a flowchart's connector meets its branches from one side (a T) or not at all.
    """
    heights: set[int] = set()
    left: set[int] = set()
    right: set[int] = set()
    for x0, y, x1 in flat:
        if not top - 3 <= y <= bottom + 3:
            continue
        key = round(y / 2)
        if x0 <= x - 4 and x1 >= x - 3:
            left.add(key)
        if x1 >= x + 4 and x0 <= x + 3:
            right.add(key)
        if key in left and key in right:
            heights.add(key)
            if len(heights) >= 2:
                return True
    return False


def _aligned(rows: list[list[Frag]]) -> bool:
    """Whether cells line up in columns: two cell edges (left or right, past a row's first cell) in three rows."""
    counts: Counter[tuple[str, int]] = Counter()
    for row in rows:
        edges = {("l", round(f.x0 / 3)) for f in row[1:]} | {("r", round(f.x1 / 3)) for f in row[1:]}
        counts.update(edges)
    return sum(1 for n in counts.values() if n >= MIN_ROWS) >= 2


def _bracketed(rows: list[list[Frag]], rules: list[tuple[float, float, float, float]]) -> bool:
    """Whether two horizontal rules of about the same extent enclose two or more cell rows and a third rule."""
    for (ax0, ay0, ax1, _), (bx0, by0, bx1, _) in itertools.combinations(rules, 2):
        overlap = min(ax1, bx1) - max(ax0, bx0)
        if overlap < 0.5 * min(ax1 - ax0, bx1 - bx0):
            continue
        upper, lower = min(ay0, by0), max(ay0, by0)
        inside = sum(1 for row in rows if row[0].top >= upper - 2 and row[-1].bottom <= lower + 2)
        # and a rule between them (a booktabs midrule, a grid line): two lone strokes are an overline and a bar
        between = any(
            upper + 2 < y0 < lower - 2 and x1 > max(ax0, bx0) and x0 < min(ax1, bx1) for x0, y0, x1, _ in rules
        )
        if inside >= 2 and between:
            return True
    return False


def table_blocks(plumber_page: Any, clean: Any) -> list[Frag]:
    """The tables of one pdfplumber page as pre-formatted blocks ("cell | cell" rows); charts and forms left out."""
    blocks: list[Frag] = []
    for table in without_covered_spaces(plumber_page).find_tables():
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


def without_covered_spaces(plumber_page: Any) -> Any:
    """The pdfplumber page without the space glyphs drawn over other glyphs (the page itself when it has none).

    Some writers lay a run of spaces over a cell's text (padding drawn as its own text object): read in x order, each
    space splits the cell ("0 3 / 2 5 / 2 0 16" for "03/25/2016"). As poppler does, a space character that overlaps a
    visible glyph of its line by more than a third of its width is no word break; where words really part, their
    glyphs leave the gap.
    """
    chars = plumber_page.chars
    lines: dict[int, list[tuple[float, float]]] = {}
    for c in chars:
        if not c["text"].isspace():
            lines.setdefault(round(c["bottom"]), []).append((c["x0"], c["x1"]))
    for spans in lines.values():
        spans.sort()
    widest = {key: max(x1 - x0 for x0, x1 in spans) for key, spans in lines.items()}
    covered: set[int] = set()
    for c in chars:
        if not c["text"].isspace():
            continue
        x0, x1 = c["x0"], c["x1"]
        need = (x1 - x0) / 3
        for key in (round(c["bottom"]) + d for d in (-1, 0, 1)):
            row = lines.get(key)
            if not row:
                continue
            k = bisect.bisect_left(row, (x0 - widest[key], -1.0))
            while k < len(row) and row[k][0] < x1:
                if min(x1, row[k][1]) - max(x0, row[k][0]) > need:
                    covered.add(id(c))
                    break
                k += 1
            if id(c) in covered:
                break
    if not covered:
        return plumber_page
    return plumber_page.filter(lambda obj: id(obj) not in covered)
