"""Anchoring spans to a text of record (W3C Web Annotation selectors, the Hypothesis way).

A span is stored as its exact quote, 32 characters of prefix and suffix, code-point offsets and the SHA-256 of the
text it was made on. Re-anchoring onto a (possibly different) text tries, in order: the stored position if the text
is the same, the exact quote with the best context (context is scored by edit-distance similarity, not character by
character from the quote's edge; the old position breaks ties), then an approximate match scored like the Hypothesis
client's ``matchQuote`` (quote 50, prefix 20, suffix 20, position 2) whose boundaries come from a word alignment of
the quote with the text, never from the old length. The result says which of these happened; nothing shifts
silently. Re-anchoring a whole revision at once (diff first) lives in :mod:`workbench.core.drift`.

Deliberate differences from the peers (Apache Annotator, Hypothesis, dom-anchor-text-quote): an empty quote is
refused rather than matched everywhere; context is a preference, not a filter, so a quote whose context no longer
matches is still found (and reported ``moved``), where Annotator's ``textQuoteSelectorMatcher`` returns nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from workbench.core.enums import SpanState
from workbench.core.errors import ValidationError
from workbench.core.quote_facts import fact_differences
from workbench.core.text import fold, sha256_hex
from workbench.core.textmap import fold_typography

CONTEXT = 32
FUZZY_MIN_SIMILARITY = 0.5  # Hypothesis allows min(256, len(quote) / 2) errors: similarity 0.5
QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50.0, 20.0, 20.0, 2.0
MAX_EXACT_HITS = 1000
SAME_PLACE_CONTEXT = 0.6  # an approximate match whose facts differ is the same passage only with its context
_TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Selector:
    """Everything needed to find a span again: TextQuoteSelector + TextPositionSelector + text hash."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    text_sha256: str


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a selector landed on a text, and how."""

    state: SpanState
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """A place where a quote was found, with its score in [0, 1] (1: exact quote, matching context)."""

    start: int
    end: int
    score: float


@dataclass(frozen=True, slots=True)
class Alignment:
    """The part of a text a quote aligns with, word by word, and the share of the quote's tokens kept."""

    start: int
    end: int
    ratio: float


def make_selector(text: str, start: int, end: int, text_sha256: str | None = None) -> Selector:
    """Selector for ``text[start:end]``; offsets are code points, end exclusive."""
    if not 0 <= start < end <= len(text):
        raise ValidationError(f"span [{start}, {end}) is outside the text (length {len(text)}) or empty")
    return Selector(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
        text_sha256=text_sha256 or sha256_hex(text),
    )


def _similarity(a: str, b: str) -> float:
    """Edit-distance similarity in [0, 1] (1 - distance / longer length)."""
    if not a and not b:
        return 1.0
    return float(Levenshtein.normalized_similarity(a, b))


def prefix_similarity(text: str, start: int, prefix: str) -> float:
    """How well the text before ``start`` matches ``prefix`` (1 when there is no prefix to match)."""
    if not prefix:
        return 1.0
    window = text[max(0, start - len(prefix) - _slack(prefix)) : start]
    return _context_similarity(prefix, window, at_end=True)


def suffix_similarity(text: str, end: int, suffix: str) -> float:
    """How well the text after ``end`` matches ``suffix`` (1 when there is no suffix to match)."""
    if not suffix:
        return 1.0
    return _context_similarity(suffix, text[end : end + len(suffix) + _slack(suffix)], at_end=False)


def _slack(context: str) -> int:
    return max(2, len(context) // 4)


def _context_similarity(context: str, window: str, *, at_end: bool) -> float:
    """Best alignment of ``context`` inside ``window`` (a few characters wider), in [0, 1]; 0 for no window.

    Like the Hypothesis client's ``textMatchScore`` (an approximate substring search), so an inserted or deleted
    character near the quote costs about one character, not the whole context. Each character of gap between the
    aligned context and the quote costs as much as one error (``at_end``: the prefix must end at the quote).
    """
    if not window:
        return 0.0
    hit = fuzz.partial_ratio_alignment(context, window)
    if hit is None:
        return 0.0
    gap = len(window) - hit.dest_end if at_end else hit.dest_start
    coverage = min(1.0, len(window) / len(context))  # a text edge cuts the context short: that is not a match
    return max(0.0, hit.score / 100 * coverage - gap / len(context))


def context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """Similarity of the selector's prefix and suffix with the text around ``[start, end)``, weighted by length."""
    lp, ls = len(sel.prefix), len(sel.suffix)
    if lp + ls == 0:
        return 1.0
    sp = prefix_similarity(text, start, sel.prefix)
    ss = suffix_similarity(text, end, sel.suffix)
    return (sp * lp + ss * ls) / (lp + ls)


def reanchor(text: str, sel: Selector, text_sha256: str | None = None) -> Anchor:
    """Find ``sel`` in ``text``; see the module docstring for the order of attempts."""
    if not sel.exact or not text:
        return Anchor(SpanState.ORPHANED, 0, 0)
    at_place = text[sel.start : sel.end] == sel.exact
    if at_place and (text_sha256 or sha256_hex(text)) == sel.text_sha256:
        return Anchor(SpanState.ANCHORED, sel.start, sel.end)
    match = match_quote(text, sel.exact, prefix=sel.prefix, suffix=sel.suffix, hint=sel.start)
    if match is None:
        return Anchor(SpanState.ORPHANED, 0, 0)
    if text[match.start : match.end] == sel.exact:
        return Anchor(SpanState.ANCHORED if match.start == sel.start else SpanState.MOVED, match.start, match.end)
    if fact_differences(sel.exact, text[match.start : match.end]) and (
        (sel.prefix or sel.suffix) and context_score(text, match.start, match.end, sel) < SAME_PLACE_CONTEXT
    ):
        return Anchor(SpanState.ORPHANED, 0, 0)  # another passage with other facts: never move a claim onto it
    return Anchor(SpanState.CHANGED, match.start, match.end)


def match_quote(
    text: str, quote: str, *, prefix: str = "", suffix: str = "", hint: int | None = None
) -> QuoteMatch | None:
    """Best place of ``quote`` in ``text``: exact occurrences first, else approximate ones; None if neither.

    Candidates are scored on quote similarity, prefix and suffix similarity and closeness to ``hint`` (the old
    position); among equal scores the one nearest ``hint`` wins, else the first.
    """
    if not quote or not text:
        return None
    candidates = _exact_hits(text, quote)
    if not candidates:
        candidates = _fuzzy_hits(text, quote)
    elif hint is not None and (prefix or suffix):
        # The copy at the old place may have been edited while other exact copies remain: let an approximate
        # match there, with its context intact, compete with them (scores decide).
        near = align_words(quote, text, max(0, hint - 8), min(len(text), hint + len(quote) + 8))
        if near is not None:
            candidates.append(snap_to_words(text, near.start, near.end, quote))
    best: tuple[float, int, int] | None = None
    best_key: tuple[float, float] | None = None
    for start, end in candidates:
        qs = 1.0 if end - start == len(quote) and text[start:end] == quote else _similarity(text[start:end], quote)
        if qs < FUZZY_MIN_SIMILARITY:
            continue
        ps, ss = prefix_similarity(text, start, prefix), suffix_similarity(text, end, suffix)
        pos = 1.0 - abs(start - hint) / len(text) if hint is not None else 1.0
        score = (QUOTE_WEIGHT * qs + PREFIX_WEIGHT * ps + SUFFIX_WEIGHT * ss + POSITION_WEIGHT * pos) / (
            QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
        )
        key = (round(score, 9), -abs(start - (hint if hint is not None else 0)))
        if best_key is None or key > best_key:
            best_key, best = key, (score, start, end)
    if best is None:
        return None
    return QuoteMatch(best[1], best[2], best[0])


def _exact_hits(text: str, quote: str) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    pos = text.find(quote)
    while pos >= 0 and len(hits) < MAX_EXACT_HITS:
        hits.append((pos, pos + len(quote)))
        pos = text.find(quote, pos + 1)
    return hits


def _fuzzy_hits(text: str, quote: str) -> list[tuple[int, int]]:
    """Approximate occurrences: overlapping chunks pre-filtered by rapidfuzz, then aligned word by word."""
    fq, ft = fold(quote), fold(text)
    n = max(len(fq), 8)
    step = n
    chunks = [(lo, ft[lo : lo + 3 * n]) for lo in range(0, max(1, len(ft) - n + 1), step)]
    found = process.extract(fq, [c for _, c in chunks], scorer=fuzz.partial_ratio,
                            score_cutoff=100 * FUZZY_MIN_SIMILARITY, limit=50)
    out: set[tuple[int, int]] = set()
    for _choice, _score, index in found:
        lo = chunks[index][0]
        hit = fuzz.partial_ratio_alignment(fq, ft[lo : lo + 3 * n])
        if hit is None:
            continue
        a, b = lo + hit.dest_start, lo + hit.dest_end
        aligned = align_words(quote, text, max(0, a - n // 2), min(len(text), b + n // 2))
        if aligned is not None:
            out.add(snap_to_words(text, aligned.start, aligned.end, quote))
    return sorted(out)


# --- word alignment ---------------------------------------------------------------------------------------------
def _tokens(text: str, lo: int = 0, hi: int | None = None) -> tuple[list[str], list[tuple[int, int]]]:
    hi = len(text) if hi is None else hi
    folded = fold_typography(text[lo:hi])
    toks: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(folded):
        tok = m.group()
        if len(tok) == 1 and not tok.isalnum() and unicodedata.category(tok).startswith("P"):
            continue  # punctuation does not anchor an alignment (a lone apostrophe would match anywhere)
        toks.append(tok)
        spans.append((lo + m.start(), lo + m.end()))
    return toks, spans


def align_words(quote: str, text: str, lo: int, hi: int, *, tight: bool = False) -> Alignment | None:
    """Align ``quote`` word by word with ``text[lo:hi]`` (accent- and case-insensitive).

    The result covers the text tokens the quote's tokens align with: equal ones, and replaced ones at the edges
    only as many as the quote has there and of the same kinds (figures for figures, words for words), so an aligned
    region never swallows the neighbouring words of a search window. ``tight``: the window is already the region
    the quote became (from a diff), replaced tokens at its edges all belong to it.
    ``ratio`` is the share of the quote's tokens found unchanged. None when nothing aligns.
    """
    qtok, _ = _tokens(quote)
    ttok, tspan = _tokens(text, lo, hi)
    if not qtok or not ttok:
        return None

    def kind(tok: str) -> str:
        return "digit" if tok[:1].isdigit() else "word" if tok[:1].isalpha() else "other"

    def edge(i1: int, i2: int, j1: int, j2: int, leading: bool) -> tuple[int, int]:
        """The text tokens of an edge replacement that stand for quote tokens i1..i2: as many, of the same kinds."""
        if tight:
            return j1, j2
        kinds = {kind(t) for t in qtok[i1:i2]}
        k = 0
        for j in (range(j2 - 1, j1 - 1, -1) if leading else range(j1, j2)):
            if k >= i2 - i1 or kind(ttok[j]) not in kinds:
                break
            k += 1
        return (j2 - k, j2) if leading else (j1, j1 + k)

    ops = [op for op in SequenceMatcher(None, qtok, ttok, autojunk=False).get_opcodes()]
    involved = [k for k, op in enumerate(ops) if op[2] > op[1]]
    if not involved:
        return None
    first, last = involved[0], involved[-1]
    matched = 0
    picked: list[int] = []
    for k in range(first, last + 1):
        tag, i1, i2, j1, j2 = ops[k]
        if tag == "equal":
            matched += i2 - i1
        if j2 == j1:
            continue
        if tag == "replace" and k == first and k != last:
            j1, j2 = edge(i1, i2, j1, j2, leading=True)
        elif tag == "replace" and k == last and k != first:
            j1, j2 = edge(i1, i2, j1, j2, leading=False)
        picked.extend((j1, j2 - 1))
    if not picked or matched == 0:
        return None
    return Alignment(tspan[min(picked)][0], tspan[max(picked)][1], matched / len(qtok))


def snap_to_words(text: str, start: int, end: int, quote: str, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
    """Widen ``[start, end)`` to whole words, and to the punctuation ``quote`` has at its edges, within [lo, hi)."""
    hi = len(text) if hi is None else hi
    if quote[:1].isalnum():
        while start > lo and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
    else:  # « or " or ( before the first word: take as much punctuation (and space) back, give or take two
        lead = len(quote) - len(quote.lstrip("".join(c for c in quote if not c.isalnum())))
        floor = max(lo, start - lead - 2)
        j = start
        while j > floor and not text[j - 1].isalnum() and text[j - 1] != "\n":
            j -= 1
        if text[j:start].strip():
            start = j
    if quote[-1:].isalnum():
        while end < hi and text[end].isalnum() and text[end - 1].isalnum():
            end += 1
    else:
        trail = len(quote) - len(quote.rstrip("".join(c for c in quote if not c.isalnum())))
        ceil = min(hi, end + trail + 2)
        j = end
        while j < ceil and not text[j].isalnum() and text[j] != "\n":
            j += 1
        if text[end:j].strip():
            end = j
    while start < end and text[start].isspace() and not quote[:1].isspace():
        start += 1
    while end > start and text[end - 1].isspace() and not quote[-1:].isspace():
        end -= 1
    return start, end


def word_diff(old: str, new: str) -> str:
    """Word-level diff in the wdiff style: ``[-1,200-] {+1,500+} people had been evacuated``."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(" ".join(a[i1:i2]))
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)
