"""Anchoring spans to a text of record (W3C Web Annotation selectors, the Hypothesis way).

A span is stored as its exact quote, 32 characters of prefix and suffix, code-point offsets and the SHA-256 of the
text it was made on. Re-anchoring onto a (possibly different) text tries, in order: the stored position if it still
yields the exact quote, the exact quote nearest the old position (best context first), then a fuzzy match scored on
quote, prefix, suffix and position. The result says which of these happened; nothing shifts silently.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.core.enums import SpanState
from workbench.core.errors import ValidationError
from workbench.core.text import sha256_hex

CONTEXT = 32
FUZZY_THRESHOLD = 75.0


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


def _context_score(text: str, pos: int, sel: Selector) -> int:
    """How many characters of prefix and suffix agree at ``pos`` (longest common suffix/prefix)."""
    before = text[max(0, pos - len(sel.prefix)) : pos]
    after = text[pos + len(sel.exact) : pos + len(sel.exact) + len(sel.suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(sel.prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, sel.suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def reanchor(text: str, sel: Selector, text_sha256: str | None = None) -> Anchor:
    """Find ``sel`` in ``text``; see the module docstring for the order of attempts."""
    n = len(sel.exact)
    if text[sel.start : sel.end] == sel.exact:
        digest = text_sha256 or sha256_hex(text)
        same_text = digest == sel.text_sha256
        if same_text or _context_score(text, sel.start, sel) >= min(len(sel.prefix) + len(sel.suffix), 8):
            return Anchor(SpanState.ANCHORED, sel.start, sel.end)
    hits: list[int] = []
    pos = text.find(sel.exact)
    while pos >= 0:
        hits.append(pos)
        pos = text.find(sel.exact, pos + 1)
    if hits:
        best = max(hits, key=lambda p: (_context_score(text, p, sel), -abs(p - sel.start)))
        state = SpanState.ANCHORED if best == sel.start else SpanState.MOVED
        return Anchor(state, best, best + n)
    return _fuzzy(text, sel)


def _fuzzy(text: str, sel: Selector) -> Anchor:
    """Approximate match of prefix+exact+suffix, then of the quote alone inside the best window."""
    if not text or not sel.exact.strip():
        return Anchor(SpanState.ORPHANED, 0, 0)
    needle = sel.prefix + sel.exact + sel.suffix
    window = fuzz.partial_ratio_alignment(needle, text, score_cutoff=FUZZY_THRESHOLD)
    lo, hi = (window.dest_start, window.dest_end) if window else (0, len(text))
    margin = len(sel.exact) // 2 + CONTEXT
    lo, hi = max(0, lo - margin), min(len(text), hi + margin)
    quote = fuzz.partial_ratio_alignment(sel.exact, text[lo:hi], score_cutoff=FUZZY_THRESHOLD)
    if quote is None:
        return Anchor(SpanState.ORPHANED, 0, 0)
    start, end = lo + quote.dest_start, lo + quote.dest_end
    if end <= start:
        return Anchor(SpanState.ORPHANED, 0, 0)
    return Anchor(SpanState.CHANGED, start, end)
