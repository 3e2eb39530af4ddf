"""Direct quotations and how their wording differs from one source to another.

A quotation reported with different words by two outlets is a classic fact-checking finding: it is either a
translation, a correction, or a distortion. Quotes (« … », “ … ”, "…") are extracted per source; quotes of different
sources sharing word trigrams are compared word by word (folded, so accents, case and typographic quotes do not
count). Near-identical quotes with an inner difference give a word-level diff; a quote that is only a shorter
fragment of the other is not a difference.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from workbench.core.compare.textutil import STOPWORDS, WORD_RE, stem, word_set

_QUOTE = re.compile(r"«\s*([^«»\n]+?)\s*»|“\s*([^“”\n]+?)\s*”|\"([^\"\n]+?)\"")
MIN_WORDS = 4
MIN_COVERAGE = 0.7
MAX_CHANGED = 0.4
MAX_CHANGED_LONGER = 0.5


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: bounds of its inner text (marks excluded) and its words (folded, with their bounds)."""

    src: int
    start: int
    end: int
    words: tuple[str, ...]
    bounds: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Two quotes of different sources that are the same quotation (``diff`` empty when worded identically)."""

    a: Quote
    b: Quote
    diff: str
    changed: int


def find_quotes(src: int, text: str, folded: str, ranges: list[tuple[int, int]]) -> list[Quote]:
    """Quotes of at least ``MIN_WORDS`` words inside the given ranges of a source (marks found on ``text``)."""
    out = []
    for lo, hi in ranges:
        for m in _QUOTE.finditer(text, lo, hi):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            start, end = m.start(g), m.end(g)
            toks = [(w.start(), w.end()) for w in WORD_RE.finditer(folded, start, end)]
            if len(toks) >= MIN_WORDS:
                out.append(Quote(src, start, end, tuple(folded[a:b] for a, b in toks), tuple(toks)))
    return out


def match_quotes(quotes: list[Quote], texts: list[str]) -> list[QuoteMatch]:
    """Same quotations across sources, found through shared word trigrams, with a word diff when they differ."""
    # identical wordings are one quotation: chained member to member (linear, not all pairs), and only one of
    # them is compared with the other wordings
    groups: dict[tuple[str, ...], list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[q.words].append(q)
    out: list[QuoteMatch] = []
    reps: list[Quote] = []
    for members in groups.values():
        by_src: dict[int, Quote] = {}
        for q in members:
            by_src.setdefault(q.src, q)
        firsts = list(by_src.values())
        reps.append(firsts[0])
        out.extend(QuoteMatch(a, b, "", 0) for a, b in pairwise(firsts))
    trigrams = [{q.words[i : i + 3] for i in range(len(q.words) - 2)} for q in reps]
    for x, y in sorted(_best_partners(_shared_keys(reps, trigrams), MAX_PARTNERS)):
        match = _compare(reps[x], reps[y], texts)
        if match is not None:
            out.append(match)
    return out


MAX_PARTNERS = 12
"""Other wordings a quotation is compared with (those sharing the most trigrams): linear in the dossier's size."""


def _best_partners(shared: dict[tuple[int, int], int], k: int) -> list[tuple[int, int]]:
    """The pairs among each item's ``k`` best (by shared keys)."""
    per: dict[int, list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    for pair, n in shared.items():
        per[pair[0]].append((n, pair))
        per[pair[1]].append((n, pair))
    keep: set[tuple[int, int]] = set()
    for items in per.values():
        items.sort(key=lambda t: (-t[0], t[1]))
        keep.update(pair for _n, pair in items[:k])
    return list(keep)


def _shared_keys(quotes: list[Quote], keys: Sequence[Iterable[Hashable]]) -> dict[tuple[int, int], int]:
    """Pairs of quotes from different sources and how many keys (trigrams, stems) they share, via an index.

    Keys held by more than 50 quotes say nothing and are skipped (no all-pairs scan).
    """
    index: dict[Hashable, list[int]] = defaultdict(list)
    for k, ks in enumerate(keys):
        for key in ks:
            index[key].append(k)
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for ids in index.values():
        if len(ids) > 50:
            continue
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                if quotes[ids[x]].src != quotes[ids[y]].src:
                    shared[(ids[x], ids[y])] += 1
    return shared


def _compare(a: Quote, b: Quote, texts: list[str]) -> QuoteMatch | None:
    sm = SequenceMatcher(None, a.words, b.words, autojunk=False)
    ops = sm.get_opcodes()
    matched = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag == "equal")
    shorter = min(len(a.words), len(b.words))
    if matched < MIN_COVERAGE * shorter:
        return None
    # a quote that is a fragment of the other: leading and trailing pure insertions or deletions do not count
    while ops and ops[0][0] in ("insert", "delete"):
        ops.pop(0)
    while ops and ops[-1][0] in ("insert", "delete"):
        ops.pop()
    changed_a = sum(i2 - i1 for tag, i1, i2, _j1, _j2 in ops if tag != "equal")
    changed_b = sum(j2 - j1 for tag, _i1, _i2, j1, j2 in ops if tag != "equal")
    changed = max(changed_a, changed_b)
    if changed == 0:
        return QuoteMatch(a, b, "", 0)
    # each side's changed words against that side's length: « grâce à la rapidité des secours » and « grâce aux
    # secours » are one quotation reworded, not two statements; the longer side may lose up to half its words
    len_a, len_b = ops[-1][2] - ops[0][1], ops[-1][4] - ops[0][3]
    (c_short, l_short), (c_long, l_long) = sorted(((changed_a, len_a), (changed_b, len_b)), key=lambda x: x[1])
    if c_short > MAX_CHANGED * l_short or c_long > MAX_CHANGED_LONGER * l_long:
        return None
    ta, tb = texts[a.src], texts[b.src]
    parts = []
    for tag, i1, i2, j1, j2 in ops:
        wa = " ".join(ta[s:e] for s, e in a.bounds[i1:i2])
        wb = " ".join(tb[s:e] for s, e in b.bounds[j1:j2])
        if tag == "equal":
            parts.append(wa)
        else:
            if wa:
                parts.append(f"[-{wa}-]")
            if wb:
                parts.append(f"{{+{wb}+}}")
    return QuoteMatch(a, b, " ".join(parts), changed)


_FUNCTION = word_set("les des le la l un une de du d au aux a et en the an of")
COMMON_MIN_CHARS = 80
"""A quotation this long (characters) worded the same way in two sources is a common source (a shared translation
or wire); shorter ones (« nous venons d'en faire un grand pas ») coincide too easily to say so."""


def trivial(m: QuoteMatch) -> bool:
    """Whether two wordings differ only by articles and prepositions (« sur les » / « sur des »): not a finding."""
    if not m.changed:
        return True
    sm = SequenceMatcher(None, m.a.words, m.b.words, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        if set(m.a.words[i1:i2]) | set(m.b.words[j1:j2]) <= _FUNCTION:
            continue
        edge = i1 == 0 or j1 == 0 or i2 == len(m.a.words) or j2 == len(m.b.words)
        if not (tag in ("insert", "delete") and edge):
            return False
    return True


def quote_value(text: str, q: Quote) -> str:
    """Normalised wording of a quote: whitespace collapsed, typographic apostrophes straightened."""
    return re.sub(r"\s+", " ", text[q.start : q.end].replace("\u2019", "'").replace("\u00a0", " ")).strip()


PARA_MIN_SHARED = 4
PARA_MIN_SHARE = 0.5


def _stems(q: Quote) -> frozenset[str]:
    return frozenset(stem(w) for w in q.words if w not in STOPWORDS and len(w) > 1 and not w.isdigit())


def match_paraphrases(quotes: list[Quote], known: set[frozenset[tuple[int, int]]]) -> list[tuple[Quote, Quote, int]]:
    """Quotes of different sources worded differently but sharing most content words.

    Two translations of one statement: at least ``PARA_MIN_SHARED`` word stems in common, covering
    ``PARA_MIN_SHARE`` of the shorter quote.

    Args:
        quotes: every quote of the dossier.
        known: pairs of quotes (as ``(src, start)`` sets) already matched word for word, left out.

    Returns:
        ``(a, b, shared)`` triples, ``a`` from the earlier source in input order.
    """
    stems = [_stems(q) for q in quotes]
    shared = _shared_keys(quotes, stems)
    out = []
    for (x, y), n in sorted(shared.items()):
        a, b = quotes[x], quotes[y]
        if frozenset({(a.src, a.start), (b.src, b.start)}) in known:
            continue
        if n >= PARA_MIN_SHARED and n >= PARA_MIN_SHARE * min(len(stems[x]), len(stems[y])):
            out.append((a, b, n) if a.src < b.src else (b, a, n))
    return out
