"""Translated passages: an English original beside its French version, in two sources or inside one.

A translation shares almost no words with its original, but it keeps the **anchors**: figures, months, names (by
their phonetic key: Putin / Poutine), and many cognates (« coopération » / « cooperation », « stratégique » /
« strategic »). Sentences in two languages are paired when they share enough anchors and cognate prefixes (the
first four letters of content words) and have comparable lengths; pairs that follow each other in the same order
on both sides are chained into a passage. The measured options (anchors only, anchors and cognates; see
docs/notes/compare.md) chose anchors with cognates. No sentence encoder is used: the two that ship their weights in
their wheels found no more pairs on the real dossier and cost a large download.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.core.compare import tuning
from workbench.core.compare.align import name_key, number_key
from workbench.core.compare.lang import ALL_STOPWORDS, EN, FR, line_language
from workbench.core.compare.textutil import WORD_RE

_MONTHS = {m: f"m{k + 1}" for p in (FR, EN) for k, m in enumerate(p.months)}
_WEEKDAYS = {d: f"w{k}" for p in (FR, EN) for k, d in enumerate(p.weekdays)}
_NUMBER = re.compile(r"\d+(?:[\s.,]\d{3})*(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class Piece:
    """A sentence of a source in a known language, with its anchors and cognate prefixes."""

    src: int
    start: int
    end: int
    lang: str
    anchors: frozenset[str]
    prefixes: frozenset[str]
    extra: bool = False
    """On a boilerplate line: only compared inside its own source (a scraped original), not across sources."""


@dataclass(frozen=True, slots=True)
class Translated:
    """A translated passage: ``[a_start, a_end)`` of source ``a`` and ``[b_start, b_end)`` of source ``b``."""

    a: int
    a_start: int
    a_end: int
    a_lang: str
    b: int
    b_start: int
    b_end: int
    b_lang: str
    sentences: int
    pairs: tuple[tuple[int, int, int, int, float], ...] = ()
    """The translated sentence pairs: ``(a_start, a_end, b_start, b_end, score)``."""


def piece(src: int, text: str, folded: str, start: int, end: int, default: str, extra: bool = False) -> Piece:
    """Anchors and cognate prefixes of one sentence; its language from its words, else ``default``."""
    anchors: set[str] = set()
    prefixes: set[str] = set()
    for m in WORD_RE.finditer(folded, start, end):
        w = m.group(0)
        if w.isdigit():
            continue
        if w in _MONTHS:
            anchors.add(_MONTHS[w])
        elif w in _WEEKDAYS:
            anchors.add(_WEEKDAYS[w])
        elif text[m.start()].isupper() and w not in ALL_STOPWORDS and m.start() > start and len(w) > 1:
            anchors.add("n:" + name_key(w))
        if len(w) >= 4 and w not in ALL_STOPWORDS:
            prefixes.add(w[:4])
    for m in _NUMBER.finditer(folded, start, end):
        anchors.add("#" + number_key(m.group(0)))
    lang = line_language(folded[start:end]) or default
    return Piece(src, start, end, lang, frozenset(anchors), frozenset(prefixes), extra)


def pair_score(x: Piece, y: Piece, *, cognates: bool = True) -> float:
    """How much two sentences in two languages look like a translation of each other (0 when they cannot be)."""
    if x.lang == y.lang:
        return 0.0
    lx, ly = x.end - x.start, y.end - y.start
    if min(lx, ly) / max(lx, ly, 1) < tuning.TRANSLATION_MIN_LENGTH_RATIO:
        return 0.0
    shared = len(x.anchors & y.anchors)
    dice = 2 * len(x.prefixes & y.prefixes) / max(1, len(x.prefixes) + len(y.prefixes)) if cognates else 0.0
    if shared >= tuning.TRANSLATION_MIN_ANCHORS:
        return 1.0 + shared / 10 + dice
    if cognates and shared >= 1 and dice >= tuning.TRANSLATION_DICE_ANCHORED:
        return tuning.TRANSLATION_ONE_ANCHOR + shared / 10 + dice
    if cognates and dice >= tuning.TRANSLATION_DICE_ALONE and min(lx, ly) >= tuning.TRANSLATION_DICE_MIN_CHARS:
        return dice
    return 0.0


def find_translations(pieces: list[list[Piece]], *, cognates: bool = True) -> list[Translated]:
    """Translated passages between every two sources (and inside each source), from their sentences in order.

    Args:
        pieces: per source, its sentences in text order (all lines, boilerplate included: a scraped original is
            often what the page marks as extra).
        cognates: use cognate prefixes besides the anchors (the measured better option).
    """
    df: dict[str, int] = {}
    for ps in pieces:
        for p in ps:
            for anchor in p.anchors:
                df[anchor] = df.get(anchor, 0) + 1
    common = max(6.0, tuning.COMMON_NAME_SHARE * sum(len(ps) for ps in pieces))
    pieces = [[_rare(p, df, common) for p in ps] for ps in pieces]
    out: list[Translated] = []
    n = len(pieces)
    inner = [{p.lang for p in ps} for ps in pieces]
    outer = [{p.lang for p in ps if not p.extra} for ps in pieces]
    for a in range(n):
        if len(inner[a]) > 1:
            out.extend(_between(pieces[a], pieces[a], same=True, cognates=cognates))
        for b in range(a + 1, n):
            if len(outer[a] | outer[b]) > 1:
                out.extend(_between(pieces[a], pieces[b], same=False, cognates=cognates))
    return out


def _rare(p: Piece, df: dict[str, int], common: float) -> Piece:
    """``p`` keeping only the anchors rarer than the dossier's topic (a name in every other sentence)."""
    anchors = frozenset(x for x in p.anchors if df[x] <= common)
    return Piece(p.src, p.start, p.end, p.lang, anchors, p.prefixes, p.extra)


def _between(xs: list[Piece], ys: list[Piece], *, same: bool, cognates: bool) -> list[Translated]:
    if not same:
        xs = [p for p in xs if not p.extra]
        ys = [p for p in ys if not p.extra]
    langs_x = {p.lang for p in xs}
    langs_y = {p.lang for p in ys}
    if len(langs_x | langs_y) < 2:
        return []
    # in one source, only sentences of its minority language can be the other side of a translation
    by_lang: dict[str, list[int]] = {}
    for j, y in enumerate(ys):
        by_lang.setdefault(y.lang, []).append(j)
    matches: list[tuple[int, int, float]] = []
    for i, x in enumerate(xs):
        best = None
        for j in (j for lang, js in by_lang.items() if lang != x.lang for j in js):
            if same and j <= i:
                continue
            y = ys[j]
            s = pair_score(x, y, cognates=cognates)
            if s > 0 and (best is None or s > best[1]):
                best = (j, s)
        if best is not None:
            matches.append((i, best[0], best[1]))
    runs: list[list[tuple[int, int, float]]] = []
    for m in matches:
        if runs and 0 < m[0] - runs[-1][-1][0] <= 3 and 0 < m[1] - runs[-1][-1][1] <= 3:
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:
        strong = sum(1 for _i, _j, s in run if s >= 1.0)
        if len(run) < tuning.TRANSLATION_MIN_SENTENCES and not (strong and len(run) >= 2):
            continue
        x0, x1 = xs[run[0][0]], xs[run[-1][0]]
        y0, y1 = ys[run[0][1]], ys[run[-1][1]]
        if same and y0.start < x1.end:
            continue
        pairs = tuple((xs[i].start, xs[i].end, ys[j].start, ys[j].end, sc) for i, j, sc in _fill_gaps(run, xs, ys))
        out.append(Translated(x0.src, x0.start, x1.end, x0.lang, y0.src, y0.start, y1.end, y0.lang, len(run), pairs))
    return out


def _fill_gaps(run: list[tuple[int, int, float]], xs: list[Piece], ys: list[Piece]) -> list[tuple[int, int, float]]:
    """The run's pairs plus the sentence between two pairs when each side leaves exactly one there.

    A translated quotation rarely keeps three anchors (« ten years » / « dix ans », the names being the topic), but
    between two translated sentences the one left on each side is the same sentence translated.
    """
    out: list[tuple[int, int, float]] = []
    for k, (i, j, sc) in enumerate(run):
        out.append((i, j, sc))
        if k + 1 < len(run):
            i2, j2, _ = run[k + 1]
            if i2 - i == 2 and j2 - j == 2:
                x, y = xs[i + 1], ys[j + 1]
                lx, ly = x.end - x.start, y.end - y.start
                if x.lang != y.lang and min(lx, ly) / max(lx, ly, 1) >= tuning.TRANSLATION_MIN_LENGTH_RATIO:
                    out.append((i + 1, j + 1, tuning.TRANSLATION_GAP_SCORE))
    return out
