"""Wording findings beyond quote-vs-quote: rank and hedges, and a quotation against the same words reported.

* **Rank.** « le principal partenaire » and « l'un des principaux partenaires » (« the main partner » / « one of
  the main partners ») state two different facts about the same noun: one source makes it the first, another one
  of several. Rank phrases are rare, so two sources ranking the same head noun differently are compared across the
  dossier, aligned or not.
* **Quote vs reported speech.** One source quotes « ils se sont prononcés en faveur du maintien du niveau atteint
  par nos pays avec La Havane », another reports the same words without quotation marks and with a change. The
  quote's words are looked for in the other sources' unquoted text (shared word trigrams, then a word diff); a
  change of content words is a wording discrepancy. Person shifts of reported speech (nos → leurs, je → il) and
  articles do not count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from workbench.core.compare import tuning
from workbench.core.compare.discrepancies import Edge
from workbench.core.compare.lang import lemma
from workbench.core.compare.model import ValueSpan
from workbench.core.compare.quotes import Quote
from workbench.core.compare.textutil import WORD_RE, stem, word_set

_EN_SUP = (
    r"(?:main|largest|biggest|leading|top|principal|chief|first|only|busiest|oldest|highest|greatest|strongest|"
    r"richest|fastest|longest|deadliest|worst|best|most\s+[a-z]{4,})"
)
_EN_OWNER = r"(?:the|its|their|his|her|[a-z]{3,}'s)"
_TOP = re.compile(
    r"\b(?:(?:le|la|l'|son|sa|leur|notre)\s*(?:principal|principale|premier|premiere|plus grand|plus grande|seul|"
    r"seule)\s+(?P<fr>[a-z]{4,})|(?P<fr2>[a-z]{4,})(?:\s+[a-z]{4,})?\s+(?:primordial|privilegie|numero un)|"
    r"(?:le|la|l'|du|de\s+la)\s*plus\s+(?P<fr3>[a-z]{5,})|"
    rf"{_EN_OWNER}\s+(?P<en>{_EN_SUP})\s+(?:(?P<en2>[a-z]{{4,}})\s+)?(?P<en3>[a-z]{{4,}}))"
)
_ONE_OF = re.compile(
    r"\b(?:(?:l'un|l'une|un|une)\s+des\s+(?:principaux|principales|premiers|premieres|plus grands|plus grandes|"
    r"grands|grandes|majeurs)\s+(?P<fr>[a-z]{4,})|"
    r"(?:l'un|l'une|un|une)\s+(?:des|de\s+nos|de\s+ses|de\s+leurs)\s+(?:[a-z]{3,}\s+)?(?:les\s+)?plus\s+"
    r"(?P<fr3>[a-z]{5,})|"
    rf"one of {_EN_OWNER}\s+(?P<en>{_EN_SUP})\s+(?:(?P<en2>[a-z]{{4,}})\s+)?(?P<en3>[a-z]{{4,}}))"
)
"""Rank phrases. The head a rank is compared on: the noun after « principal » (French), the superlative adjective
(« la plus fréquentée » / « l'une des plus fréquentées »: the noun may be missing), or in English the superlative
with the first word after it (« Norland's largest trading partner » / « one of Norland's largest trading
partners »: head « largest trading »)."""
_NOT_HEAD = word_set("pays etats annee annees fois jours semaines mois heures time times year years day days")


@dataclass(frozen=True, slots=True)
class _Rank:
    source_id: int
    start: int
    end: int
    head: str
    top: bool


def rank_mentions(source_id: int, folded: str, ranges: Sequence[tuple[int, int]]) -> list[_Rank]:
    """Rank phrases of one source (in its non-boilerplate ranges)."""
    out: list[_Rank] = []
    for lo, hi in ranges:
        for pattern, top in ((_ONE_OF, False), (_TOP, True)):
            for m in pattern.finditer(folded, lo, hi):
                groups = m.groupdict()
                if groups.get("en"):
                    words = [groups["en"].split()[-1], groups.get("en2") or groups.get("en3") or ""]
                    if words[1] in _NOT_HEAD:
                        continue
                    head = " ".join(stem(w) for w in words if w)
                else:
                    head = next(g for g in groups.values() if g)
                    if head in _NOT_HEAD:
                        continue
                    head = stem(head)
                if top and any(r.start <= m.start() < r.end for r in out):
                    continue
                out.append(_Rank(source_id, m.start(), m.end(), head, top))
    return out


def rank_edges(per_source: Sequence[tuple[str, list[_Rank]]]) -> list[Edge]:
    """One edge per two sources ranking the same head noun differently (first vs one of several)."""
    by_head: dict[str, list[tuple[str, _Rank]]] = defaultdict(list)
    for text, ranks in per_source:
        for r in ranks:
            by_head[r.head].append((text, r))
    edges = []
    for head, items in sorted(by_head.items()):
        tops = [(t, r) for t, r in items if r.top]
        ones = [(t, r) for t, r in items if not r.top]
        done: set[tuple[int, int]] = set()
        for ta, a in tops:
            for tb, b in ones:
                if a.source_id == b.source_id or (a.source_id, b.source_id) in done:
                    continue
                done.add((a.source_id, b.source_id))
                va = ValueSpan(a.source_id, a.start, a.end, ta[a.start : a.end], "first", "rank")
                vb = ValueSpan(b.source_id, b.start, b.end, tb[b.start : b.end], "one of several", "rank")
                note = (
                    f"rank stated differently: « {va.exact} » (source {a.source_id}) vs « {vb.exact} » "
                    f"(source {b.source_id})"
                )
                edges.append(Edge("other", f"rank:{head}", va, vb, False, note))
    return edges


_PERSON = word_set(
    "nos notre nous leurs leur ils elles je il elle mon ma mes son sa ses our we us their they i he she my his her its"
)
_FUNCTION = word_set(
    "les des le la l un une de du d au aux a et en the an of that que qu had has have was were would avait avaient ont"
)
MIN_QUOTE_WORDS = 8
MIN_SHARED_RUN = 5
MIN_COVERAGE = 0.7


_Source = tuple[int, str, str, list[tuple[int, int]]]
"""One source as the reported-speech comparison reads it: id, text of record, folded text, sentence bounds."""


def _around(q: Quote, toks: list[tuple[str, int, int]], lo: int, hi: int) -> tuple[int, int]:
    """The token window where a quotation's reported version is looked for.

    The candidate words ``lo:hi``, widened by the quote's length before and a little more after.
    """
    return max(0, lo - len(q.words)), min(len(toks), hi + len(q.words) + 3)


def reported_edges(
    quotes: Sequence[Quote],
    sources: Sequence[_Source],
    languages: Sequence[str] | None = None,
) -> list[Edge]:
    """Quotations whose words another source reports without quotation marks, with a changed content word.

    Args:
        quotes: every quotation of the dossier (``Quote.src`` indexes ``sources``).
        sources: per source ``(source_id, text, folded, quoted ranges)``.
        languages: per source, its language code; with it, a short quotation whose reported version shifts every
            verb (« Ce jugement est une erreur et nous ferons appel » / « ce jugement était une injustice et … son
            client ferait appel ») is compared on lemmas when no run of five words is left in common.
    """
    tokens = []
    index: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    for k, (_sid, _text, folded, quoted) in enumerate(sources):
        inside = _inside(sorted(quoted))
        toks = [(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(folded) if not inside(m.start())]
        tokens.append(toks)
        for p in range(len(toks) - 2):
            index[(toks[p][0], toks[p + 1][0], toks[p + 2][0])].append((k, p))
    edges: list[Edge] = []
    for q in quotes:
        if len(q.words) < MIN_QUOTE_WORDS:
            continue
        hits: dict[int, list[int]] = defaultdict(list)
        for i in range(len(q.words) - 2):
            for k, p in index.get((q.words[i], q.words[i + 1], q.words[i + 2]), ()):
                if k != q.src:
                    hits[k].append(p)
        best = sorted(hits, key=lambda k: -len(hits[k]))[: tuning.MAX_SOURCES_PER_UNIT]
        for k in best:
            lo, hi, n = _densest(sorted(hits[k]), len(q.words) + 6)
            if n < MIN_SHARED_RUN - 2:
                if languages is not None and languages[k] == languages[q.src]:
                    edge = _compare_lemmas(q, sources[q.src], sources[k], tokens[k], lo, hi, languages[k])
                    if edge is not None:
                        edges.append(edge)
                continue
            edge = _compare(q, sources[q.src], sources[k], tokens[k], lo, hi)
            if edge is not None:
                edges.append(edge)
    return edges


_LEMMA_SKIP = _PERSON | _FUNCTION | word_set(
    "ce cet cette ces this these those etre avoir be have do will shall que qu that et and se s y en dont"
)
MIN_LEMMAS = 4


@lru_cache(maxsize=1 << 16)
def _lemma(word: str, lang: str) -> str:
    return lemma(word, lang)


def _lemma_keys(
    text: str, bounds: Sequence[tuple[int, int]], folded_words: Sequence[str], lang: str
) -> list[tuple[str, int]]:
    """Content lemmas of the words at ``bounds`` of ``text``, with their word index (tense and person gone)."""
    out = []
    for k, ((a, b), w) in enumerate(zip(bounds, folded_words, strict=True)):
        if w in _LEMMA_SKIP:
            continue
        key = _lemma(text[a:b].lower(), lang)
        if key not in _LEMMA_SKIP:
            out.append((key, k))
    return out


def _compare_lemmas(
    q: Quote,
    src_q: _Source,
    src_r: _Source,
    toks: list[tuple[str, int, int]],
    lo: int,
    hi: int,
    lang: str,
) -> Edge | None:
    """A short quotation and its reported version compared on content lemmas (see :func:`reported_edges`).

    Promoted when at least ``MIN_LEMMAS`` and ``MIN_COVERAGE`` of the quote's content lemmas are found in order
    within about the quote's length, and a content lemma was replaced by another (not only moved, added or left
    out): « erreur » → « injustice ».
    """
    sid_q, text_q, _fq, _ = src_q
    sid_r, text_r, folded_r, _ = src_r
    w0, w1 = _around(q, toks, lo, hi)
    heads = {w[:3] for w in q.words if w not in _LEMMA_SKIP}
    if len(heads & {t[0][:3] for t in toks[w0:w1]}) < MIN_LEMMAS:
        return None  # too few words in common to be worth lemmatising (a shared trigram by chance)
    said = _lemma_keys(text_q, q.bounds, q.words, lang)
    if len(said) < MIN_LEMMAS:
        return None
    window = toks[w0:w1]
    reported = _lemma_keys(text_r, [(t[1], t[2]) for t in window], [t[0] for t in window], lang)
    sm = SequenceMatcher(None, [x for x, _ in said], [x for x, _ in reported], autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    matched = sum(b.size for b in blocks)
    if not blocks or matched < MIN_LEMMAS or matched < MIN_COVERAGE * len(said):
        return None
    r0, r1 = blocks[0].b, blocks[-1].b + blocks[-1].size
    if r1 - r0 > 1.5 * len(said) + 2:
        return None
    changes = []
    for tag, i1, i2, k1, k2 in SequenceMatcher(
        None, [x for x, _ in said], [x for x, _ in reported[r0:r1]], autojunk=False
    ).get_opcodes():
        if tag == "replace":
            changes.append(([said[i][1] for i in range(i1, i2)], [w0 + reported[r0 + k][1] for k in range(k1, k2)]))
    if not changes:
        return None
    first, last = w0 + reported[r0][1], w0 + reported[r1 - 1][1] + 1
    last = _sentence_end(folded_r, toks, first, 0, last - first) + first
    start, end = toks[first][1], toks[last - 1][2]
    said_value = " ".join(text_q[q.start : q.end].split()).rstrip(",;: ")
    va = ValueSpan(sid_q, q.start, q.end, text_q[q.start : q.end], said_value)
    vb = ValueSpan(sid_r, start, end, text_r[start:end], " ".join(text_r[start:end].split()))
    parts = []
    for olds, news in changes:  # word for word: « erreur » → « injustice »; « client » added
        for m in range(max(len(olds), len(news))):
            old = text_q[q.bounds[olds[m]][0] : q.bounds[olds[m]][1]] if m < len(olds) else ""
            new = text_r[toks[news[m]][1] : toks[news[m]][2]] if m < len(news) else ""
            if old and new:
                parts.append(f"« {old} » → « {new} »")
            else:
                parts.append(f"« {new} » added" if new else f"« {old} » left out")
    diff = "; ".join(parts)
    note = f"source {sid_q} quotes, source {sid_r} reports the same words with a change: {diff}"
    return Edge("quote_wording", "quote", va, vb, False, note)


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Membership in sorted ``[start, end)`` spans for increasing positions (one sweep, not a scan per word)."""
    k = 0

    def test(pos: int) -> bool:
        nonlocal k
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        return k < len(spans) and spans[k][0] <= pos

    return test


def _same_verbs(said: Sequence[str], reported: Sequence[str]) -> bool:
    """Reported speech shifts tense and person (« nous laisse » → « leur laissait »): same content stems."""
    a = [w[:4] for w in said if w not in _PERSON and w not in _FUNCTION]
    b = [w[:4] for w in reported if w not in _PERSON and w not in _FUNCTION]
    return a == b


_SENTENCE_GAP = re.compile(r"[.!?»\"]\s|\n")


def _sentence_end(folded: str, toks: list[tuple[str, int, int]], lo: int, j0: int, j1: int) -> int:
    """``j1`` cut before the first token of the next sentence: the reported words stay in their sentence."""
    for j in range(j0 + 1, j1):
        if _SENTENCE_GAP.search(folded, toks[lo + j - 1][2], toks[lo + j][1]):
            return j
    return j1


def _densest(ps: list[int], width: int) -> tuple[int, int, int]:
    """The stretch of at most ``width`` tokens holding the most hits: ``(first, last, hits)``."""
    best = (0, 0, 0)
    j = 0
    for i in range(len(ps)):
        while ps[i] - ps[j] > width:
            j += 1
        if i - j + 1 > best[2]:
            best = (ps[j], ps[i], i - j + 1)
    return best


def _compare(
    q: Quote,
    src_q: _Source,
    src_r: _Source,
    toks: list[tuple[str, int, int]],
    lo: int,
    hi: int,
) -> Edge | None:
    lo, hi = _around(q, toks, lo, hi)
    window = [t[0] for t in toks[lo:hi]]
    sm = SequenceMatcher(None, q.words, window, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return None
    matched = sum(b.size for b in blocks)
    inside = blocks[-1].a + blocks[-1].size - blocks[0].a
    if matched < MIN_COVERAGE * inside or matched < MIN_SHARED_RUN + 1 or max(b.size for b in blocks) < MIN_SHARED_RUN:
        return None
    j0 = blocks[0].b
    j1 = blocks[-1].b + blocks[-1].size
    if j1 - j0 > 1.5 * len(q.words) + 4:
        return None
    # the quote's words after the last shared ones are compared with as many reported words (« de moitié » →
    # « d'un tiers »), not dropped as a longer quotation's tail
    tail = len(q.words) - (blocks[-1].a + blocks[-1].size)
    if 0 < tail <= 4:
        j1 = min(len(window), j1 + tail + 1)
    j1 = _sentence_end(src_r[2], toks, lo, j0, j1)
    changed = []
    removed: Counter[str] = Counter()
    added: Counter[str] = Counter()
    for tag, i1, i2, k1, k2 in SequenceMatcher(None, q.words, window[j0:j1], autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        said_w, reported_w = q.words[i1:i2], window[j0 + k1 : j0 + k2]
        removed.update(w[:4] for w in said_w if w not in _PERSON and w not in _FUNCTION)
        added.update(w[:4] for w in reported_w if w not in _PERSON and w not in _FUNCTION)
        if i1 == 0 or (i2 == len(q.words) and tag != "replace"):
            continue
        if set(said_w) | set(reported_w) <= _PERSON | _FUNCTION or _same_verbs(said_w, reported_w):
            continue
        changed.append((i1, i2, lo + j0 + k1, lo + j0 + k2))
    if not changed or removed == added:
        # the same content words, moved (« Nous ne rouvrirons pas la ligne » → « la ligne ne rouvrirait pas »)
        return None
    sid_q, text_q, _fq, _ = src_q
    sid_r, text_r, _fr, _ = src_r

    def said(i1: int, i2: int) -> str:
        return text_q[q.bounds[i1][0] : q.bounds[i2 - 1][1]] if i2 > i1 else "—"

    def reported(k1: int, k2: int) -> str:
        return text_r[toks[k1][1] : toks[k2 - 1][2]] if k2 > k1 else "—"

    start, end = toks[lo + j0][1], toks[lo + j1 - 1][2]
    said_value = " ".join(text_q[q.start : q.end].split()).rstrip(",;: ")
    va = ValueSpan(sid_q, q.start, q.end, text_q[q.start : q.end], said_value)
    vb = ValueSpan(sid_r, start, end, text_r[start:end], " ".join(text_r[start:end].split()))

    def change(i1: int, i2: int, k1: int, k2: int) -> str:
        if k2 <= k1:
            return f"« {said(i1, i2)} » left out"
        if i2 <= i1:
            return f"« {reported(k1, k2)} » added"
        return f"« {said(i1, i2)} » → « {reported(k1, k2)} »"

    diff = "; ".join(change(*c) for c in changed)
    note = f"source {sid_q} quotes, source {sid_r} reports the same words with a change: {diff}"
    return Edge("quote_wording", "quote", va, vb, False, note)
