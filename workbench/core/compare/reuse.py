"""Long passages one source shares near-verbatim with another (copy, agency relay, press-release reuse).

Words of the folded text (punctuation, case, accents and typographic quotes ignored) are cut into overlapping
shingles of ``K`` words; shingles found in two sources are chained along the diagonal of the two texts, tolerating
a few changed words, into passages. Passages of at least :data:`~.tuning.REUSE_MIN_WORDS` words with enough
content words count; a passage that is mostly one direct quotation is marked ``quoted``: two outlets giving a long
quotation in the very same words share a translation or a wire (a common source), they did not each hear it. A
passage repeated inside one source (a paragraph pasted twice) counts from ``REUSE_MIN_WORDS_INSIDE`` words.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from workbench.core.compare import tuning
from workbench.core.compare.textutil import STOPWORDS, WORD_RE, Ticker

K = 8
GAP = K + 4
MAX_OCCURRENCES = 6
_NEAR = sorted(range(-GAP, GAP + 1), key=abs)
"""Diagonal shifts tried, closest first: up to 3 words changed anywhere, or up to ``GAP`` words inserted (« , as
flames reached the edge of Hollin Cross ») right where the copy resumes."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A shared passage: ``[a_start, a_end)`` in source ``a`` and ``[b_start, b_end)`` in source ``b``."""

    a: int
    a_start: int
    a_end: int
    b: int
    b_start: int
    b_end: int
    words: int
    quoted: bool = False
    short: bool = False
    """Shorter than a copy (:data:`~.tuning.REUSE_SHORT_MIN_WORDS` to ``REUSE_MIN_WORDS`` words): one sentence two
    outlets give word for word, a shared translation or wire (a common source), not one copying the other."""


@dataclass(slots=True)
class _Run:
    i0: int
    j0: int
    li: int
    lj: int


def find_reuse(
    folded: list[str],
    ranges: list[list[tuple[int, int]]],
    quotes: list[list[tuple[int, int]]],
    ticker: Ticker,
) -> list[Passage]:
    """Shared passages between every two sources.

    Args:
        folded: folded text per source.
        ranges: per source, the ``[start, end)`` ranges to consider (non-boilerplate lines).
        quotes: per source, the bounds of direct quotations.
        ticker: progress and cancel.
    """
    ticker.stage(150, len(folded) + 1)
    words: list[list[tuple[int, int]]] = []
    index: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for s, text in enumerate(folded):
        toks = [(m.start(), m.end()) for lo, hi in ranges[s] for m in WORD_RE.finditer(text, lo, hi)]
        words.append(toks)
        names = [text[a:b] for a, b in toks]
        for p in range(len(names) - K + 1):
            index[hash(tuple(names[p : p + K]))].append((s, p))
        ticker.step()
    by_pair: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for occ in index.values():
        if len(occ) < 2 or len(occ) > MAX_OCCURRENCES:
            continue
        for x in range(len(occ)):
            for y in range(x + 1, len(occ)):
                (sa, pa), (sb, pb) = occ[x], occ[y]
                if sa == sb and abs(pb - pa) >= tuning.REUSE_MIN_WORDS_INSIDE:
                    by_pair[(sa, sa)].append((min(pa, pb), max(pa, pb)))
                elif sa != sb:
                    if sa < sb:
                        by_pair[(sa, sb)].append((pa, pb))
                    else:
                        by_pair[(sb, sa)].append((pb, pa))
    out: list[Passage] = []
    for (sa, sb), matches in sorted(by_pair.items()):
        ticker.check()
        for run in _chain(sorted(matches)):
            n_words = run.li - run.i0 + K
            short = n_words < tuning.REUSE_MIN_WORDS
            if short and (sa == sb or n_words < tuning.REUSE_SHORT_MIN_WORDS):
                continue
            a0, a1 = words[sa][run.i0][0], words[sa][run.li + K - 1][1]
            b0, b1 = words[sb][run.j0][0], words[sb][run.lj + K - 1][1]
            if sa == sb and b0 < a1:
                continue
            share = min(_quoted_share(a0, a1, quotes[sa]), _quoted_share(b0, b1, quotes[sb]))
            quoted = share > tuning.REUSE_QUOTED_SHARE
            if sa == sb and (quoted or n_words < tuning.REUSE_MIN_WORDS_INSIDE):
                continue
            if _content_words(folded[sa], a0, a1) < (
                tuning.REUSE_SHORT_MIN_CONTENT if short else tuning.REUSE_MIN_CONTENT
            ):
                continue
            if short and (
                _edits(folded[sa][a0:a1], folded[sb][b0:b1])
                or not (quoted or _whole_in_one(folded[sa], a0, a1, folded[sb], b0, b1))
            ):
                continue  # a short passage counts only word for word, as a quotation or a sentence given whole
            out.append(Passage(sa, a0, a1, sb, b0, b1, n_words, quoted, short))
    ticker.step()
    return out


def _chain(matches: list[tuple[int, int]]) -> list[_Run]:
    """Chain shingle matches (sorted by position in ``a``) into runs along nearby diagonals."""
    active: dict[int, _Run] = {}
    runs: list[_Run] = []
    for i, j in matches:
        d = j - i
        hit = None
        for dd in _NEAR:
            r = active.get(d + dd)
            near = 0 < i - r.li <= GAP and 0 < j - r.lj <= GAP + abs(dd) if r is not None else False
            if r is not None and near and (abs(dd) <= 3 or i - r.li <= K + 1):
                hit = (d + dd, r)
                break
        if hit is None:
            r = _Run(i, j, i, j)
            runs.append(r)
            active[d] = r
            continue
        dd, r = hit
        r.li, r.lj = i, j
        if dd != d:
            del active[dd]
            active[d] = r
    return runs


def _content_words(folded: str, start: int, end: int) -> int:
    """Content words of a passage: neither stop words nor figures nor one- or two-letter words."""
    return sum(1 for w in WORD_RE.findall(folded, start, end) if w not in STOPWORDS and not w.isdigit() and len(w) > 2)


def _quoted_share(start: int, end: int, quotes: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, qe) - max(start, qs)) for qs, qe in quotes)
    return inside / max(1, end - start)


def _edits(a: str, b: str) -> bool:
    """Whether two folded passages differ in any word."""
    return WORD_RE.findall(a) != WORD_RE.findall(b)


def _bounds(folded: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether ``folded[start:end]`` opens a sentence (or follows a dateline's dash) and whether it ends one."""
    before = folded[max(0, start - 40) : start].rstrip(" \t\u00a0")
    after = folded[end : end + 8].lstrip(' \t\u00a0\u00bb"\u201d')
    opens = not before or before[-1] in '.!?\n\u2013\u2014\u00ab"\u201c' or before.endswith(" -")
    closes = not after or after[0] in ".!?\n\u2026"
    return opens, closes


def _whole_in_one(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> bool:
    """A sentence one source gives whole and the other starts or ends with: the copied sentence of a relay."""
    oa, ca = _bounds(a, a0, a1)
    ob, cb = _bounds(b, b0, b1)
    return (oa and ca and (ob or cb)) or (ob and cb and (oa or ca))
