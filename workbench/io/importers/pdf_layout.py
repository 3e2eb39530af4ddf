"""Reading order for PDF pages: columns, notes, running headers and hyphenation, on plain line fragments.

PDF has no paragraphs, only glyphs at positions. :mod:`workbench.io.importers.pdf` turns each page into
:class:`Frag` line fragments (text, box, font size); this module, free of any PDF library so it is cheap to test,
rebuilds what a reader sees: columns found from the gutters in the x-coverage of the lines, read column by column
inside bands separated by full-width lines; small type (footnotes, side notes) moved out of the sentences it
interrupts to the page end; running headers, footers, page numbers and printer's marks repeated in the margins
dropped; line-end hyphens joined when they are soft breaks and kept in true compounds.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

HYPHEN_MARK = "\x00"  # a line-end hyphen whose fate is decided once the whole document's vocabulary is known
_TERMINAL = tuple(".!?:;»”\"')]")
_BARE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:page|p\.|seite|pág\.?)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:/|of|sur|de|von)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)
_BULLET = re.compile("[\u2022\u25e6\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u2023\u2043\u2219\ue000-\uf8ff]\\s")
_NUMBERED = re.compile(r"(?:\d{1,2}|[a-z])[.)]\s")
_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’-](?=[^\W_]))*")
_MARKED = re.compile(r"([^\W_]*)" + HYPHEN_MARK + r"([^\W_]*)")


@dataclass(slots=True)
class Frag:
    """A run of text on one line: box in points from the page's top-left corner, font size, text."""

    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    text: str
    hyphen: bool = False  # ends with a line-end hyphen
    block: bool = False  # a pre-formatted block (a table): never merged with other lines
    aside: bool = False  # a line in another direction (rotated caption, vertical writing): read after the body


@dataclass(slots=True)
class PageText:
    """A laid-out page: body paragraphs in reading order and notes, before cross-page joining."""

    paragraphs: list[str]
    notes: list[str]
    open_start: bool = False  # the first paragraph may continue the previous page's last one
    open_end: bool = False  # the last paragraph has no terminal punctuation (may continue on the next page)


def body_size(frags: list[Frag]) -> float:
    """The font size most of the page's characters are set in."""
    counts: Counter[float] = Counter()
    for frag in frags:
        counts[round(frag.size * 2) / 2] += len(frag.text)
    return counts.most_common(1)[0][0] if counts else 10.0


def margin_key(frag: Frag, width: float, height: float) -> str | None:
    """A key for a fragment lying in the page margins (digits folded), or None if it is in the body area."""
    in_margin = frag.bottom < height * 0.1 or frag.top > height * 0.9 or frag.x1 < width * 0.08
    in_margin = in_margin or frag.x0 > width * 0.92
    if not in_margin:
        return None
    return re.sub(r"\d+", "#", " ".join(frag.text.lower().split()))


def is_bare_number(text: str) -> bool:
    """A page number ("12", "- 12 -", "Page 3 / 20", "xiv")."""
    return bool(_BARE_NUMBER.match(text.strip()))


def repeated_margin_keys(keys_per_page: list[set[str]]) -> set[str]:
    """Margin keys found on enough pages to be running headers, footers or printer's marks."""
    if len(keys_per_page) < 2:
        return set()
    counts: Counter[str] = Counter(key for keys in keys_per_page for key in keys)
    threshold = max(2, int(len(keys_per_page) * 0.3))
    return {key for key, count in counts.items() if count >= threshold}


def _touching(a: Frag, b: Frag, word_gap: float = 0.7) -> bool:
    """Whether ``b`` goes with ``a`` in one block of text: the next line of the same paragraph, or a piece of its line.

    The next line is set in about the same size, starts within one line space under ``a`` and shares most of its
    width; a piece of the line (a footnote mark, a bullet) shares its height within ``word_gap`` font sizes.
    """
    if a.block or b.block or a.aside or b.aside:
        return False
    if a.top > b.top:
        a, b = b, a
    size = max(a.size, b.size, 1.0)
    if _overlap(a, b) > 0.5 * min(a.bottom - a.top, b.bottom - b.top):  # on one line
        return max(b.x0 - a.x1, a.x0 - b.x1) <= word_gap * size
    if abs(a.size - b.size) > 0.15 * size:
        return False
    gap = b.top - a.bottom
    shared = min(a.x1, b.x1) - max(a.x0, b.x0)
    return b.top - a.top > 0.3 * size and gap <= 0.5 * size and shared >= 0.5 * min(a.x1 - a.x0, b.x1 - b.x0)


def held_by_body(frags: list[Frag], keys: list[str | None], repeated: set[str]) -> set[int]:
    """Ids of repeated margin fragments that are lines of a paragraph reaching into the body area.

    A dense note or disclaimer set at the page foot can run into the bottom margin: its last lines are "margin
    lines", and those it repeats on every page look like a running footer. Taken out as furniture, they would leave
    the paragraph's other lines with holes and be read elsewhere. A margin line is held when a chain of lines of one
    block (:func:`_touching`) joins it to a line of the body area (``keys`` None, not a bare number); a running
    footer or header stands apart from the body by more than a line space.
    """
    margin = [f for f, k in zip(frags, keys, strict=True) if k is not None and not is_bare_number(f.text)]
    if not any(keys[i] in repeated for i, f in enumerate(frags) if keys[i] is not None):
        return set()
    # a page number set beside a running header ("Report 2018 first quarter") has no key but is no body line
    body = sorted(
        (f for f, k in zip(frags, keys, strict=True) if k is None and not is_bare_number(f.text)), key=lambda f: f.top
    )
    tops = [f.top for f in body]
    reached: list[Frag] = []
    rest: list[Frag] = []
    for frag in margin:
        reach = 3 * max(frag.size, 1.0)
        lo, hi = bisect.bisect_left(tops, frag.top - reach), bisect.bisect_right(tops, frag.bottom + reach)
        (reached if any(_touching(frag, b) for b in body[lo:hi]) else rest).append(frag)
    frontier = reached
    while frontier and rest:
        found = [f for f in rest if any(_touching(f, r) for r in frontier)]
        rest = [f for f in rest if f not in found]
        reached.extend(found)
        frontier = found
    key_of = {id(f): k for f, k in zip(frags, keys, strict=True)}
    return {id(f) for f in reached if key_of[id(f)] in repeated}


def text_blocks(frags: list[Frag]) -> list[str]:
    """The fragments grouped into blocks of touching lines (:func:`_touching`), each read as one paragraph.

    Running footers often stand side by side at one page foot (an address on the left, a phone number on the right):
    read line by line across the page, their lines would interleave. Pieces of one line stay together across the
    gap a page number left ("Company" [2018] "first quarter report").
    """
    groups: list[list[Frag]] = []
    for frag in sorted(frags, key=lambda f: (f.top, f.x0)):
        joined = [g for g in groups if any(_touching(frag, o, 3.0) for o in g)]
        for g in joined[1:]:
            joined[0].extend(g)
            groups.remove(g)
        if joined:
            joined[0].append(frag)
        else:
            groups.append([frag])
    groups.sort(key=lambda g: (min(f.top for f in g), min(f.x0 for f in g)))
    return [" ".join(" ".join(line.text.split()) for line in _lines(g)) for g in groups]


def _gutters(frags: list[Frag], size: float) -> list[tuple[float, float]]:
    """X intervals that (almost) no line crosses, with enough lines entirely on both sides.

    Full-width lines (a title block, an abstract, a figure caption above two columns) cross the gutter of the
    columns below them; when they are too many for a gutter to show, it is looked for again among the lines no
    wider than a column, each side then needing a fair share of them. The full-width lines are read as lines
    spanning the columns (:func:`layout_page`).
    """
    found = _find_gutters(frags, size, 3)
    if found or len(frags) < 6:
        return found
    lo = min(min(f.x0, f.x1) for f in frags)
    hi = max(max(f.x0, f.x1) for f in frags)
    narrow = [f for f in frags if not f.block and abs(f.x1 - f.x0) < 0.55 * (hi - lo)]
    if len(narrow) < max(6, len(frags) * 0.3):
        return []
    return _find_gutters(narrow, size, max(3, len(narrow) // 5))


def _find_gutters(frags: list[Frag], size: float, min_side: int) -> list[tuple[float, float]]:
    if len(frags) < 6:
        return []
    lo = math.floor(min(min(f.x0, f.x1) for f in frags))
    hi = math.floor(max(max(f.x0, f.x1) for f in frags)) + 1
    diff = [0] * (hi - lo + 2)
    for frag in frags:
        if frag.block:
            continue
        left, right = sorted((frag.x0, frag.x1))  # a right-to-left line may come with its box reversed
        diff[math.floor(left) - lo] += 1
        diff[math.floor(right) + 1 - lo] -= 1
    allowed = max(1, len(frags) // 15)
    min_width = max(6.0, size * 0.8)
    runs: list[tuple[float, float]] = []
    cov = 0
    start = None
    for i in range(hi - lo + 1):
        cov += diff[i]
        if cov <= allowed and 0 < i < hi - lo:
            if start is None:
                start = i
        elif start is not None:
            if i - start >= min_width:
                runs.append((start + lo, i + lo))
            start = None
    # each column must hold real lines
    gutters: list[tuple[float, float]] = []
    edges = [float(lo), *[x for run in runs for x in run], float(hi)]
    for k, run in enumerate(runs):
        left_lo, left_hi = edges[2 * k], run[0]
        right_lo, right_hi = run[1], edges[2 * k + 3]
        on_left = [f for f in frags if f.x0 >= left_lo - 1 and f.x1 <= left_hi + 1]
        on_right = [f for f in frags if f.x0 >= right_lo - 1 and f.x1 <= right_hi + 1]
        # a column of list bullets or item numbers is no text column
        wide = min(left_hi - left_lo, right_hi - right_lo) >= 3 * size
        texty = min(sum(len(f.text) for f in on_left), sum(len(f.text) for f in on_right)) >= 8 * min_side
        if len(on_left) >= min_side and len(on_right) >= min_side and wide and texty:
            gutters.append(run)
    return gutters


def _column_of(frag: Frag, gutters: list[tuple[float, float]]) -> int:
    """Index of the column holding ``frag``, or -1 if it crosses a gutter."""
    col = 0
    for g0, g1 in gutters:
        mid = (g0 + g1) / 2
        if frag.x1 <= mid + 1:
            return col
        if frag.x0 < mid - 1:
            return -1
        col += 1
    return col


def _lines(frags: list[Frag]) -> list[Frag]:
    """Fragments sorted top to bottom, those on the same baseline merged left to right.

    Fragments are first grouped by baseline with a tolerance (a bold or larger run-in head sits a little lower or
    higher than the text it opens), then each group is read left to right.
    """
    rows: list[list[Frag]] = []
    refs: list[Frag] = []  # each row's longest fragment (its main text), which the next ones are compared with
    for frag in sorted(frags, key=lambda f: f.bottom):
        first = refs[-1] if refs else None
        if (
            first is not None
            and not first.block
            and not frag.block
            and (
                abs(frag.bottom - first.bottom) < 0.35 * max(first.size, frag.size)
                or _overlap(frag, first) >= 0.5 * min(frag.bottom - frag.top, first.bottom - first.top)
            )
        ):
            rows[-1].append(frag)
            if len(frag.text) > len(first.text):
                refs[-1] = frag
        else:
            rows.append([frag])
            refs.append(frag)
    rows = _attach_scripts(rows)
    lines: list[Frag] = []
    for row in rows:
        row.sort(key=lambda f: (round(f.x0, 1), f.top))  # stacked scripts (same x): the upper one first
        last: Frag | None = None
        part: Frag | None = None  # the fragment last added to ``last``, which begins at ``last.text[offset:]``
        offset = 0
        for frag in row:
            if last is not None and not last.block and not frag.block and frag.x0 >= last.x1 - 1:
                gap = frag.x0 - last.x1
                glue = "" if gap < 0.12 * frag.size or last.text.endswith(" ") else " "
                # the line takes the height and size of its longer part: a run-in head set in bold or a little
                # larger ("Methods.") must not make its line look like another paragraph's
                main = frag if len(frag.text) > len(last.text) else last
                offset = len(last.text) + len(glue)
                last = Frag(
                    last.x0, main.top, frag.x1, main.bottom, main.size, last.text + glue + frag.text, frag.hyphen
                )
                part = frag
                lines[-1] = last
            elif (
                last is not None
                and part is not None
                and not last.block
                and not frag.block
                and (merged := _overlay(last, part, offset, frag))
            ):
                last = merged
                lines[-1] = last
            else:
                lines.append(frag)
                last = part = frag
                offset = 0
    return lines


def _attach_scripts(rows: list[list[Frag]]) -> list[list[Frag]]:
    """Rows with each sub- or superscript moved into the row of the type it is set beside.

    A script (smaller type, raised or lowered by a part of its height) often shares less than half of its height
    with its base and becomes a row of its own, read before or after the line it belongs to ("−1−1 f(U) … f(U)"
    for "f−1(U) … f−1(U)"). A fragment of a neighbouring row that is set smaller than the fragment it stands next
    to (within a word space, without lying over or under any fragment of that row) and shares part of its height
    goes into that row, where it is read in its place from left to right. Labels stacked over an arrow or a sum
    lie over a fragment of the row and stay a row of their own. "Smaller" is measured against the row's text too:
    a symbol font's box ("⇒", "·", "≠") is far taller than its type and is no base for the letters beside it.
    """
    if len(rows) < 2:
        return rows
    moved = False
    for i, row in enumerate(rows):
        for frag in list(row):
            if frag.block:
                continue
            height = frag.bottom - frag.top
            best: tuple[float, int] | None = None
            for j in (i - 1, i + 1):
                if not 0 <= j < len(rows) or not rows[j]:
                    continue
                other = rows[j]
                if any(o.block or (o.x0 < frag.x1 - 1 and o.x1 > frag.x0 + 1) for o in other):
                    continue
                text_size = max(other, key=lambda o: len(o.text)).size  # a symbol's box is taller than its type
                for o in other:
                    gap = max(o.x0 - frag.x1, frag.x0 - o.x1)
                    share = _overlap(frag, o)
                    base = min(o.size, text_size)
                    script = frag.size < 0.85 * base and -1 <= gap <= 0.7 * base and share > 0.2 * height
                    if script and (best is None or share > best[0]):
                        best = (share, j)
            if best is not None:
                row.remove(frag)
                rows[best[1]].append(frag)
                moved = True
    return [row for row in rows if row] if moved else rows


def _overlay(line: Frag, part: Frag, offset: int, frag: Frag) -> Frag | None:
    """``line`` with ``frag`` drawn over its end inserted where it stands, or None.

    The slash of "≠" is set over "=", an accent over a letter: one or two characters go in where they stand (``part``
    is the fragment last added to ``line``, beginning at ``line.text[offset:]``), the line keeping its box and size;
    or ``part`` itself is that short glyph, drawn over ``frag``.
    """
    short = frag.text.strip()
    if 0 < len(short) <= 2 and frag.x0 >= part.x0 - 1 and frag.x1 <= part.x1 + 1 and len(part.text) >= 1:
        width = max(part.x1 - part.x0, 1e-6)
        cut = offset + min(len(part.text), max(0, round((frag.x0 - part.x0) / width * len(part.text))))
        if _overlap(frag, part) < 0.3 * min(frag.bottom - frag.top, part.bottom - part.top):
            cut = offset + len(part.text)  # stacked under it (a subscript under a superscript): read after it
        text = line.text[:cut] + short + line.text[cut:]
        return Frag(line.x0, line.top, line.x1, line.bottom, line.size, text, line.hyphen)
    short = part.text.strip()
    if (
        0 < len(short) <= 2
        and len(frag.text) > 2
        and part.x0 >= frag.x0 - 1
        and part.x1 <= frag.x1 + 1
        and line.text.endswith(part.text)
    ):  # the short glyph came first (same left edge): put the longer fragment around it
        head = line.text[:offset]
        width = max(frag.x1 - frag.x0, 1e-6)
        cut = min(len(frag.text), max(0, round((part.x0 - frag.x0) / width * len(frag.text))))
        text = head + frag.text[:cut] + short + frag.text[cut:]
        return Frag(line.x0, frag.top, max(line.x1, frag.x1), frag.bottom, frag.size, text, frag.hyphen)
    return None


def _overlap(a: Frag, b: Frag) -> float:
    """How many points of height two fragments share."""
    return min(a.bottom, b.bottom) - max(a.top, b.top)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def join_lines(first: str, second: str, hyphen: bool) -> str:
    """Join two lines of a paragraph; a line-end hyphen before a letter becomes :data:`HYPHEN_MARK`."""
    if (hyphen or first.endswith("-")) and len(first) >= 2 and first[-2].isalnum():
        if second[:1].isalpha():
            return first[:-1] + HYPHEN_MARK + second
        if second[:1].isdigit():  # "zone B-" / "12": a code, never a soft break
            return first + second
    return first + " " + second


def _paragraphs(lines: list[Frag], col_x0: float, col_x1: float) -> list[list[Frag]]:
    """Group consecutive lines of one column into paragraphs (vertical space, indent, short last line, list item)."""
    if not lines:
        return []
    pitches = sorted(b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top)
    pitch = pitches[len(pitches) // 2] if pitches else lines[0].size * 1.2
    width = max(col_x1 - col_x0, 1.0)
    paras: list[list[Frag]] = [[lines[0]]]
    for prev, line in itertools.pairwise(lines):
        step = line.top - prev.top
        brk = prev.block or line.block or step > pitch * 1.35 or step > max(prev.size, line.size) * 2.2
        brk = brk or abs(line.size - prev.size) > 0.15 * prev.size
        # a list item starts a paragraph: after a bullet always, after a number when the line before stops short
        brk = brk or bool(_BULLET.match(line.text))
        brk = brk or (bool(_NUMBERED.match(line.text)) and prev.x1 < col_x1 - width * 0.15)
        if not brk and _ends_sentence(prev.text):
            short = prev.x1 < col_x1 - width * 0.15
            indented = line.x0 > col_x0 + line.size * 0.8
            brk = short or indented
        if brk:
            paras.append([line])
        else:
            paras[-1].append(line)
    return paras


def _join_paragraph(lines: list[Frag]) -> str:
    text = lines[0].text
    for prev, line in itertools.pairwise(lines):
        text = join_lines(text, line.text, prev.hyphen)
    return text


def _inline(small: list[Frag], body: list[Frag]) -> dict[int, bool]:
    """Which small fragments sit inside a body line (sub- and superscripts, footnote calls, inline symbols).

    A small fragment that overlaps a line fragment vertically and stands within a word space of it horizontally is
    part of that line (so is one next to such a fragment: "R" then "2" after "aber"), and so is each line of small
    type set right under an attached one, however many (a caption's or a bracketed note's next lines: stopping after
    a few cut the paragraph, its last lines read among the notes); only the others (footnotes, side notes, captions
    standing apart) are read as notes after the body.
    """
    out: dict[int, bool] = {}
    anchors = [b for b in body if not b.block]
    pending = list(small)
    for rnd in itertools.count():  # each round attaches the line under the last one: a paragraph stays whole
        if not anchors or not pending:
            break
        bands: dict[int, list[Frag]] = {}
        for b in anchors:
            for k in range(int(b.top // 20), int(b.bottom // 20) + 1):
                bands.setdefault(k, []).append(b)
        attached: list[Frag] = []
        rest: list[Frag] = []
        for f in pending:
            # a list bullet ("•", a symbol font's private-use glyph) may stand a tab away, left of its line
            lead = 2.5 if len(f.text) <= 2 and not any(ch.isalnum() for ch in f.text) else 0.7
            near = any(
                f.top < b.bottom and f.bottom > b.top and f.x0 <= b.x1 + 0.7 * b.size and f.x1 >= b.x0 - lead * b.size
                for k in range(int(f.top // 20), int(f.bottom // 20) + 1)
                for b in bands.get(k, ())
            )
            if not near and rnd:  # the next line of small type attached to a line (a caption's second line)
                near = any(
                    -0.2 * f.size <= f.top - b.bottom <= 0.6 * f.size and f.x0 < b.x1 and f.x1 > b.x0
                    for k in range(int(f.top // 20) - 1, int(f.top // 20) + 1)
                    for b in bands.get(k, ())
                )
            (attached if near else rest).append(f)
        for f in attached:
            out[id(f)] = True
        anchors, pending = attached, rest
    return out


def _prose_cell_bands(frags: list[Frag], size: float, page_gutters: int = 0) -> list[list[list[list[Frag]]]]:
    """Table regions whose cells hold several lines of prose, as bands -> row groups -> columns -> fragments.

    Read line by line, such a table interleaves its cells ("reliant En continu* $$$ les secteurs"); read cell by
    cell, each keeps its sentences. A band is a run of rows (fragments sharing a height) none of which spans most of
    the text width, at least two split by a wide gap, with a gutter of its own and a column where lines of several
    words follow each other (a cell of prose). Tables of one-line cells (figures, dates) are left to be read row by
    row. Inside a band, row groups are cut where a blank strip crosses every column; each group is read column by
    column.
    """
    body = sorted((f for f in frags if not f.block and not f.aside), key=lambda f: f.top)
    if len(body) < 6:
        return []
    lo, hi = min(f.x0 for f in body), max(f.x1 for f in body)
    rows: list[list[Frag]] = []
    bottom = -math.inf
    for frag in body:
        if rows and frag.top < bottom - 0.3 * frag.size:
            rows[-1].append(frag)
            bottom = max(bottom, frag.bottom)
        else:
            rows.append([frag])
            bottom = frag.bottom
    runs: list[list[list[Frag]]] = [[]]
    for row in rows:
        if any(f.x1 - f.x0 > 0.6 * (hi - lo) for f in row):
            runs.append([])
        else:
            runs[-1].append(row)
    bands: list[list[list[list[Frag]]]] = []
    for run in runs:
        split = sum(1 for row in run if _split_row(row, size))
        if split < 2:
            continue
        band = [f for row in run for f in row]
        gutters = _find_gutters(band, size, 2)
        if not gutters or not _has_prose_cell(band, gutters, size):
            continue
        groups: list[list[Frag]] = [[]]
        bottom = -math.inf
        for row in run:
            top = min(f.top for f in row)
            if groups[-1] and top - bottom > 0.45 * size:
                groups.append([])
            groups[-1].extend(row)
            bottom = max(bottom, max(f.bottom for f in row))
        if page_gutters and (len(gutters) <= page_gutters or len(groups) < 2):
            continue
        band_cells: list[list[list[Frag]]] = []
        for group in groups:
            cols: list[list[Frag]] = [[] for _ in range(len(gutters) + 1)]
            for frag in group:
                col = _column_of(frag, gutters)
                if col < 0:  # a fragment crossing a gutter goes with the column its middle stands in
                    middle = (frag.x0 + frag.x1) / 2
                    col = sum(1 for g0, g1 in gutters if middle > (g0 + g1) / 2)
                cols[col].append(frag)
            band_cells.append([c for c in cols if c])
        bands.append(band_cells)
    return bands


def _split_row(row: list[Frag], size: float) -> bool:
    """Whether a row's fragments stand apart, as cells do (a gap of two character heights or more)."""
    ordered = sorted(row, key=lambda f: f.x0)
    return any(b.x0 - a.x1 > 2 * max(size, a.size) for a, b in itertools.pairwise(ordered))


def _has_prose_cell(band: list[Frag], gutters: list[tuple[float, float]], size: float) -> bool:
    """Whether some column of the band holds a cell of prose: two lines of several words, one under the other."""
    cols: dict[int, list[Frag]] = {}
    for frag in band:
        cols.setdefault(_column_of(frag, gutters), []).append(frag)
    for col, members in cols.items():
        if col < 0:
            continue
        wordy = sorted((f for f in members if len(f.text.split()) >= 4), key=lambda f: f.top)
        for a, b in itertools.pairwise(wordy):
            if 0 < b.top - a.top < 2 * max(size, a.size) and abs(b.x0 - a.x0) < 2 * size:
                return True
    return False


def layout_page(frags: list[Frag]) -> PageText:
    """Lay out one page's fragments (margin furniture already removed) in reading order."""
    frags = [f for f in frags if f.text.strip()]
    if not frags:
        return PageText([], [])
    asides = [f.text for f in frags if f.aside]
    frags = [f for f in frags if not f.aside]
    size = body_size([f for f in frags if not f.block])
    body = [f for f in frags if f.block or f.size >= size * 0.85]
    small = [f for f in frags if not f.block and f.size < size * 0.85]
    inline = _inline(small, body)
    notes = [f for f in small if not inline.get(id(f))]
    body.extend(f for f in small if inline.get(id(f)))
    gutters = _gutters(body, size)
    # bands of columns separated by lines crossing a gutter
    order: list[tuple[list[Frag], float, float]] = []  # (lines of a column or a spanning line, x0, x1)
    edges = [min(f.x0 for f in body), *[x for g in gutters for x in g], max(f.x1 for f in body)] if body else [0.0, 0.0]
    columns: list[list[Frag]] = [[] for _ in range(len(gutters) + 1)]

    def flush() -> None:
        for k, col in enumerate(columns):
            if col:
                order.append((_lines(col), edges[2 * k], edges[2 * k + 1]))
                columns[k] = []

    cells: set[int] = set()  # entries of ``order`` that are table cells: never continued into the next one
    bands = _prose_cell_bands(body, size, len(gutters))
    in_band = {id(f) for band in bands for group in band for col in group for f in col}
    for frag in sorted(body, key=lambda f: (f.top, f.x0)):
        if id(frag) in in_band:
            if bands and frag is bands[0][0][0][0]:  # the band's first fragment: its cells come here
                flush()
                for group in bands.pop(0):
                    for cell in group:
                        cells.add(len(order))
                        order.append((_lines(cell), min(f.x0 for f in cell), max(f.x1 for f in cell)))
            continue
        col = _column_of(frag, gutters) if gutters else 0
        if col < 0:
            flush()
            order.append(([frag], frag.x0, frag.x1))
        else:
            columns[col].append(frag)
    flush()

    paragraphs: list[list[Frag]] = []
    for index, (lines, x0, x1) in enumerate(order):
        col_x1 = max([x1, *[f.x1 for f in lines]])
        for k, para in enumerate(_paragraphs(lines, x0, col_x1)):
            prev = paragraphs[-1][-1] if paragraphs else None
            if (
                k == 0
                and index not in cells
                and index - 1 not in cells
                and prev is not None
                and not prev.block
                and not para[0].block
                and not _ends_sentence(prev.text)
                and abs(prev.size - para[0].size) <= 0.15 * prev.size
            ):
                paragraphs[-1].extend(para)  # the paragraph goes on in the next column
            else:
                paragraphs.append(para)
    texts = [_join_paragraph(p) for p in paragraphs]
    note_texts = [_join_paragraph(p) for p in _paragraphs(_lines(notes), 0, 1e9)] if notes else []
    note_texts.extend(asides)
    first = paragraphs[0][0] if paragraphs else None
    last = paragraphs[-1][-1] if paragraphs else None
    return PageText(
        texts,
        note_texts,
        open_start=bool(first and not first.block and (first.text[:1].islower() or first.text[:1].isdigit())),
        open_end=bool(last and not last.block and not _ends_sentence(last.text)),
    )


class Hyphenator:
    """Decides, document-wide, whether each line-end hyphen (:data:`HYPHEN_MARK`) is a soft break or a compound.

    The hyphen is kept when the second part starts with a capital, the first part is all capitals or holds digits,
    or the hyphenated form occurs elsewhere in the document while the joined form does not; otherwise it goes.
    """

    def __init__(self, texts: list[str]) -> None:
        self.vocabulary: set[str] = set()
        for text in texts:
            self.vocabulary.update(w.lower() for w in _WORD.findall(text.replace(HYPHEN_MARK, " ")))

    def keep(self, head: str, tail: str) -> bool:
        """Whether ``head-`` at a line end followed by ``tail`` keeps its hyphen."""
        if tail[:1].isupper() or (len(head) >= 2 and head.isupper()) or any(c.isdigit() for c in head):
            return True
        joined, hyphenated = (head + tail).lower(), f"{head}-{tail}".lower()
        return hyphenated in self.vocabulary and joined not in self.vocabulary

    def resolve(self, text: str) -> str:
        """``text`` with every mark replaced by "-" or nothing."""
        if HYPHEN_MARK not in text:
            return text

        def decide(match: re.Match[str]) -> str:
            head, tail = match.group(1), match.group(2)
            return f"{head}-{tail}" if self.keep(head, tail) else head + tail

        return _MARKED.sub(decide, text).replace(HYPHEN_MARK, "-")


_HEAD = re.compile(r"([^\W_]+)-$")
_TAIL = re.compile(r"^([^\W_]+)")


def assemble(pages: list[PageText], hyphenator: Hyphenator | None = None) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Join laid-out pages into one text (paragraphs separated by blank lines) and its page map.

    A paragraph left open at the foot of a page and continued on the next is joined with one space (or by its
    hyphen); that page's notes then go before the open paragraph, so no sentence is cut.
    """
    if hyphenator is None:
        hyphenator = Hyphenator([t for p in pages for t in (*p.paragraphs, *p.notes)])
    chunks: list[str] = []
    page_map: list[tuple[int, int]] = []
    length = 0
    pending_join = False
    for number, page in enumerate(pages, start=1):
        paragraphs = list(page.paragraphs)
        notes = list(page.notes)
        carry_last = (
            page.open_end and number < len(pages) and pages[number].open_start and (len(paragraphs) > 1 or not notes)
        )
        tail = paragraphs.pop() if carry_last else None
        blocks = paragraphs + notes + ([tail] if tail is not None else [])
        if not blocks:
            pending_join = False
            continue
        piece = hyphenator.resolve("\n\n".join(blocks))
        sep = "\n\n" if chunks else ""
        if pending_join and chunks and page.paragraphs:
            sep = " "
            head, rest = _HEAD.search(chunks[-1]), _TAIL.match(piece)
            if head and rest and chunks[-1][-2:-1].isalpha():
                sep = ""
                if not hyphenator.keep(head.group(1), rest.group(1)):
                    chunks[-1] = chunks[-1][:-1]
                    length -= 1
        chunks.append(sep)
        length += len(sep)
        page_map.append((length, number))
        chunks.append(piece)
        length += len(piece)
        pending_join = carry_last
    return "".join(chunks), tuple(page_map)
