"""Re-anchoring every span of a source onto its new revision, and saying what changed in each (the drift report).

Order of work for each span, cheapest first (see :class:`workbench.core.textmap.TextMap`):

1. The span lies in an unchanged block of the diff: it moves by the block's shift. Same characters: ``anchored``
   (same offsets) or ``moved``; differing only by accents, case or typography: ``changed`` with that said.
2. The span touches a change: the region the diff maps it to is aligned word by word with the old quote
   (:func:`workbench.core.anchoring.align_words`); the new boundaries come from that alignment, never from the old
   length. Enough words in common: ``changed``, and every difference of figure, date, negation or name is stated.
3. Too little in common (the passage was deleted or rewritten): the exact quote is looked for elsewhere (a moved
   paragraph, ``moved``), then a close match inside the text that was inserted; such a match far from the old place
   must state the same facts (no differing figure, negation or name). Otherwise ``orphaned``: a claim is never moved
   onto another fact.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.core.anchoring import Selector, align_words, context_score, snap_to_words, word_diff
from workbench.core.enums import SpanState
from workbench.core.quote_facts import fact_differences
from workbench.core.textmap import TextMap, fold_typography

SAME_PASSAGE = 0.5  # share of the old quote's words the new passage must keep to be the same passage (changed)
RELOCATED_SCORE = 85.0  # rapidfuzz score a passage found far from the old place needs (and the same facts)

COSMETIC = "only accents, case, spacing or typography differ"
_SPACE_AROUND_PUNCT = re.compile(r"\s*([^\w\s])\s*")


def _same_words(a: str, b: str) -> bool:
    """Whether two passages differ only by accents, case, typography and spacing (line breaks included)."""
    def norm(t: str) -> str:
        return _SPACE_AROUND_PUNCT.sub(r"\1", " ".join(fold_typography(t).split()))

    return norm(a) == norm(b)


@dataclass(frozen=True, slots=True)
class Drift:
    """Where one span landed on the new revision and what changed: ``start == end == 0`` when orphaned."""

    state: SpanState
    start: int
    end: int
    exact: str
    diff: str
    note: str
    cosmetic: bool = False  # only accents, case, spacing or typography differ: no review needed


def reanchor_revision(
    old: str,
    new: str,
    selectors: Sequence[Selector],
    *,
    text_map: TextMap | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Drift]:
    """Re-anchor ``selectors`` made on ``old`` onto ``new``; one :class:`Drift` per selector, in order."""
    tm = text_map or TextMap(old, new)
    out: list[Drift] = []
    for i, sel in enumerate(selectors):
        if progress is not None and i % 500 == 0:
            progress(i, len(selectors))
        out.append(_one(tm, sel))
    return out


def _one(tm: TextMap, sel: Selector) -> Drift:
    old, new = tm.old, tm.new
    start, end = sel.start, sel.end
    if end > len(old) or old[start:end] != sel.exact:  # offsets not of this text: fall back to a search
        return _relocate(tm, sel, tm.map_start(min(start, len(old))))
    if tm.unchanged(start, end):
        ns, ne = tm.map_start(start), tm.map_end(end)
        got = new[ns:ne]
        if got == sel.exact:
            state = SpanState.ANCHORED if ns == start else SpanState.MOVED
            return Drift(state, ns, ne, got, "", "")
        return Drift(SpanState.CHANGED, ns, ne, got, word_diff(sel.exact, got), COSMETIC, cosmetic=True)
    ns, ne = tm.map_start(start), tm.map_end(end)
    if ne > ns:
        aligned = align_words(sel.exact, new, ns, ne, tight=True)
        if aligned is not None and aligned.ratio >= SAME_PASSAGE:
            lo, hi = snap_to_words(new, aligned.start, aligned.end, sel.exact, ns, ne)
            got = new[lo:hi]
            if got == sel.exact:  # e.g. the quote stayed but its context changed
                return Drift(SpanState.ANCHORED if lo == start else SpanState.MOVED, lo, hi, got, "", "")
            if _same_words(sel.exact, got):
                return Drift(SpanState.CHANGED, lo, hi, got, word_diff(sel.exact, got), COSMETIC, cosmetic=True)
            notes = fact_differences(sel.exact, got) or ["wording changed"]
            return Drift(SpanState.CHANGED, lo, hi, got, word_diff(sel.exact, got), "; ".join(notes))
    found = _relocate(tm, sel, ns)
    there = " ".join(new[ns:ne].split())
    if found.state == SpanState.ORPHANED and there:
        there = there if len(there) <= 200 else there[:199] + "…"
        return Drift(SpanState.ORPHANED, 0, 0, "", word_diff(sel.exact, new[ns:ne]),
                     f"passage rewritten; the new revision reads there: “{there}”")
    return found


def _relocate(tm: TextMap, sel: Selector, hint: int) -> Drift:
    """The passage is not where the diff puts it: the exact quote elsewhere, a close one in inserted text, or none."""
    new = tm.new
    hits: list[int] = []
    pos = new.find(sel.exact)
    while pos >= 0 and len(hits) < 1000:
        hits.append(pos)
        pos = new.find(sel.exact, pos + 1)
    if hits:
        best = max(hits, key=lambda p: (round(context_score(new, p, p + len(sel.exact), sel), 2), -abs(p - hint)))
        return Drift(SpanState.MOVED, best, best + len(sel.exact), sel.exact, "", "passage moved")
    needle = fold_typography(sel.exact)
    best_score, best_span = 0.0, (0, 0)
    for b1, b2 in tm.changed_new_regions(max(1, len(needle) // 2)):
        lo, hi = max(0, b1 - len(needle)), min(len(new), b2 + len(needle))
        hit = fuzz.partial_ratio_alignment(needle, tm.new_folded[lo:hi], score_cutoff=RELOCATED_SCORE)
        if hit is not None and hit.score > best_score:
            best_score, best_span = hit.score, (lo + hit.dest_start, lo + hit.dest_end)
    if best_score:
        aligned = align_words(sel.exact, new, max(0, best_span[0] - 20), min(len(new), best_span[1] + 20))
        if aligned is not None and aligned.ratio >= 0.8:
            lo, hi = snap_to_words(new, aligned.start, aligned.end, sel.exact)
            got = new[lo:hi]
            if not fact_differences(sel.exact, got):
                return Drift(SpanState.CHANGED, lo, hi, got, word_diff(sel.exact, got),
                             "passage moved and reworded")
    return Drift(SpanState.ORPHANED, 0, 0, "", word_diff(sel.exact, ""), "passage removed from the new revision")


@dataclass(frozen=True, slots=True)
class SpanRef:
    """A span's offsets (code points into its revision's text) and quote."""

    start: int
    end: int
    exact: str


@dataclass(frozen=True, slots=True)
class DriftRecord:
    """One line of a stored drift report: what became of an appearance or evidence span on a new revision."""

    id: int
    claim_id: int
    role: str
    item_id: int
    old_source_id: int
    new_source_id: int
    state: str
    old: SpanRef
    new: SpanRef | None
    diff: str
    note: str
    review: str
    created_at: dt.datetime
