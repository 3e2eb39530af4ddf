"""A sorted interval index for highlights: which spans overlap a range, in O(log n + k).

Spans are kept sorted by start; with the longest span length known, a query for ``[lo, hi)`` only looks at spans
starting in ``[lo - longest, hi)``. Adding or removing one span is a bisect and a list insert.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted range (units are the caller's: the UI uses UTF-16 positions)."""

    start: int
    end: int
    claim_id: int
    role: str  # "appearance" or a stance: "supports", "refutes", "context"
    color: str
    span_id: int = 0


def _key(mark: Mark) -> tuple[int, int]:
    return mark.start, mark.end


class IntervalIndex:
    """Marks sorted by start, with overlap queries."""

    def __init__(self, marks: Iterable[Mark] = ()) -> None:
        self._marks: list[Mark] = sorted(marks, key=_key)
        self._starts: list[int] = [m.start for m in self._marks]
        self._longest = max((m.end - m.start for m in self._marks), default=0)

    def __len__(self) -> int:
        return len(self._marks)

    def __iter__(self) -> Iterator[Mark]:
        return iter(self._marks)

    def add(self, mark: Mark) -> None:
        """Insert one mark."""
        i = bisect.bisect_right(self._starts, mark.start)
        self._marks.insert(i, mark)
        self._starts.insert(i, mark.start)
        self._longest = max(self._longest, mark.end - mark.start)

    def remove_claim(self, claim_id: int) -> list[Mark]:
        """Remove every mark of a claim; return them (their ranges need repainting)."""
        gone = [m for m in self._marks if m.claim_id == claim_id]
        if gone:
            self._marks = [m for m in self._marks if m.claim_id != claim_id]
            self._starts = [m.start for m in self._marks]
        return gone

    def overlapping(self, lo: int, hi: int) -> list[Mark]:
        """Marks that intersect ``[lo, hi)``."""
        first = bisect.bisect_left(self._starts, lo - self._longest)
        last = bisect.bisect_left(self._starts, hi)
        return [m for m in self._marks[first:last] if m.end > lo]

    def at(self, pos: int) -> list[Mark]:
        """Marks containing position ``pos``."""
        return [m for m in self.overlapping(pos, pos + 1) if m.start <= pos < m.end]

    def of_claim(self, claim_id: int) -> list[Mark]:
        """Marks of one claim, in order."""
        return [m for m in self._marks if m.claim_id == claim_id]
