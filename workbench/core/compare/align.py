"""Sentence alignment across sources: which sentences of two sources report the same fact.

Comparing every sentence with every other one is quadratic and far too slow on long sources, so candidates come from
an inverted index of light word stems (six-character prefixes, a cheap stand-in for character n-grams that survives
French inflection): each sentence only meets the sentences of other sources sharing a not-too-common stem, scored by
TF-IDF cosine. The best few candidates per sentence are re-ranked with rapidfuzz on the folded text with digits
masked (so that two sentences differing only by a figure still align), then matched one-to-one per pair of sources.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from workbench.core.compare.textutil import Ticker, content_stems, mask_digits

THRESHOLD = 0.42
"""Minimum combined score (cosine and rapidfuzz, both in [0, 1]) of an alignment."""
TOP_K = 8
"""Candidates per sentence kept for re-ranking."""


@dataclass(frozen=True, slots=True)
class SentRef:
    """A sentence of the dossier: index of its source in the inputs and its bounds."""

    src: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Pair:
    """Two aligned sentences (global indices into the sentence list, ``i < j``)."""

    i: int
    j: int
    score: float


def align(sents: list[SentRef], folded: list[str], ticker: Ticker) -> list[Pair]:
    """One-to-one alignments between sentences of different sources, best first.

    Args:
        sents: every comparable sentence of the dossier, grouped by source in input order.
        folded: folded text of each source (indexed by ``SentRef.src``).
        ticker: progress and cancel.
    """
    n = len(sents)
    ticker.stage(550, max(1, n))
    if n < 2:
        return []
    stems = [Counter(content_stems(folded[s.src], s.start, s.end)) for s in sents]
    df: Counter[str] = Counter()
    for c in stems:
        df.update(c.keys())
    vecs: list[dict[str, float]] = []
    for c in stems:
        vec = {t: (1.0 + math.log(tf)) * math.log(1.0 + n / df[t]) for t, tf in c.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vecs.append({t: w / norm for t, w in vec.items()})
    cap = max(40, int(3 * math.sqrt(n)))
    postings: dict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for j, vec in enumerate(vecs):
        for t, w in vec.items():
            if df[t] <= cap:
                ids, ws = postings[t]
                ids.append(j)
                ws.append(w)
    masked = [mask_digits(folded[s.src][s.start : s.end]) for s in sents]
    cands: list[Pair] = []
    for i, vec in enumerate(vecs):
        if i % 64 == 0:
            ticker.step(64)
        src_i = sents[i].src
        acc: dict[int, float] = defaultdict(float)
        for t, w in vec.items():
            post = postings.get(t)
            if post is None:
                continue
            ids, ws = post
            for k in range(bisect_right(ids, i), len(ids)):
                j = ids[k]
                if sents[j].src != src_i:
                    acc[j] += w * ws[k]
        if not acc:
            continue
        best = sorted(acc.items(), key=lambda kv: -kv[1])[:TOP_K]
        for j, partial in best:
            if partial < 0.08:
                break
            other = vecs[j]
            small, big = (vec, other) if len(vec) <= len(other) else (other, vec)
            cos = sum(w * big.get(t, 0.0) for t, w in small.items())
            fz = fuzz.token_sort_ratio(masked[i], masked[j]) / 100.0
            score = min(1.0, 0.55 * cos + 0.45 * fz)
            if score >= THRESHOLD:
                cands.append(Pair(i, j, score))
    return _one_to_one(cands, sents)


def _one_to_one(cands: list[Pair], sents: list[SentRef]) -> list[Pair]:
    """Greedy best-first matching: a sentence aligns with at most one sentence of each other source."""
    used: set[tuple[int, int]] = set()
    out: list[Pair] = []
    for p in sorted(cands, key=lambda p: (-p.score, p.i, p.j)):
        ka = (p.i, sents[p.j].src)
        kb = (p.j, sents[p.i].src)
        if ka in used or kb in used:
            continue
        used.add(ka)
        used.add(kb)
        out.append(p)
    return out
