"""Two-hop inference shared by the alignment passes that meet a passage's partners through another passage.

Three passes add a pair ``x — z`` that no wording joins because ``x`` is tied to some ``m`` that already met
``z``: a near copy meets its original's partners (``align._through_copies``), a translated sentence meets the
partners its original has in third sources (``engine._through_translations``), and two passages that are each the
only partner of one passage of a third source meet (``engine._through_shared_partner``). Each pass decides which
first hops count and which second hops it keeps; the walk itself is here, once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

X = TypeVar("X")
M = TypeVar("M")
Z = TypeVar("Z")


def two_hops(first: Iterable[tuple[X, M]], onward: Callable[[M], Iterable[Z]]) -> Iterator[tuple[X, M, list[Z]]]:
    """For each first hop ``(x, m)``, in order, the partners ``z`` of ``m``: the candidate pairs ``x — z``."""
    for x, m in first:
        yield x, m, list(onward(m))


def both_ways(pairs: Iterable[tuple[X, X]]) -> Iterator[tuple[X, X]]:
    """Each pair as given, then turned round (a bridge is crossed from either end)."""
    for a, b in pairs:
        yield a, b
        yield b, a
