"""Sentence and clause alignment across sources: which passages of two sources report the same fact.

No single score threshold separates the pairs a reader aligns from the rest (they sit in the top 15 % of all
cross-source pairs, mixed with look-alikes), while ranking works: the right partner is almost always among a
sentence's best few in the other source. So alignment runs in two steps:

1. **Candidates.** Every unit (a sentence, and each clause of a long sentence: the shared fact is often one clause
   of a 300-character sentence) meets the units of other sources through an inverted index of lemma stems and
   name keys, scored by TF-IDF cosine and rapidfuzz on the folded text with digits masked. Its best
   :data:`~.tuning.PARTNERS` in each other source are candidates.
2. **Verification.** A candidate is promoted when it is the same fact: a high score alone, or a fair score with
   strong shared anchors (numbers, months, names rarer than the dossier's topic, quoted words) and being each
   other's best match. Names are compared by a folded phonetic key, so Ushakov, Ouchakov, M. Ouchakov and Iouri
   Ouchakov meet (:func:`name_key`).

Units report offsets into the text of record.
"""

from __future__ import annotations

import itertools
import math
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from workbench.core.compare import tuning
from workbench.core.compare.bridges import both_ways, two_hops
from workbench.core.compare.dates import DateMention
from workbench.core.compare.lang import ALL_STOPWORDS, EN, FR, lemma
from workbench.core.compare.quantities import Quantity, find_quantities
from workbench.core.compare.textutil import WORD_RE, Ticker, mask_digits, stem


@dataclass(frozen=True, slots=True)
class SentRef:
    """A unit of the dossier: index of its source, its bounds and the sentence it belongs to (``parent``)."""

    src: int
    start: int
    end: int
    parent: int = -1
    lang: str = "fr"


@dataclass(frozen=True, slots=True)
class Pair:
    """Two aligned units (indices into the unit list, ``i < j``) and why they were promoted."""

    i: int
    j: int
    score: float
    anchors: tuple[str, ...] = ()


_CLAUSE_CUT = re.compile(
    r"(?:;|:\s|\s[-\u2013\u2014]\s|,\s(?=(?:et|mais|qui|que|dont|ou|car|tandis|alors|ainsi|puis|selon|lorsque|"
    r"avant|apres|and|but|which|who|while|where|after|before|when|as)\b))"
)
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'-]*")
_NUMBER = re.compile(r"\d+(?:[\s\u00a0\u202f.,]\d{3})*(?:[.,]\d+)?")
_NOUN_AFTER = re.compile(
    r"\s*(?!(?:per|pour)\s?cent\b|percent\b)"
    r"(?:%|(?:millions?|milliards?|billions?|thousands?|mille|hundred)\s+(?:de\s+|d'|of\s+)?)?([a-z]{3,})"
)
"""The noun a figure counts (« 2 100 travailleurs », « 2,400 workers », « 4 millions de livres »): two reports
of one count share it even when their figures differ."""
_PERCENT = re.compile(r"\d(?:[\d.,]*\d)?\s?(?:%|per\s?cent\b|percent\b|pour\s?cent\b)")
_PERCENT_WORDS = frozenset({"per", "cent", "percent", "pour"})
_PUNCT = re.compile(r"[,;:.!?()\u2013\u2014]")
_CLOCK_MINUTES = re.compile(r"\d\s?h\s?$")
_QUOTED = re.compile(r"[«\"“]\s*([^»\"”]{12,})[»\"”]")
_MONTHS = {m: f"m{k + 1}" for p in (FR, EN) for k, m in enumerate(p.months)}
_WEEKDAYS = {d: f"w{k}" for p in (FR, EN) for k, d in enumerate(p.weekdays)}
_NOT_NAMES = ALL_STOPWORDS | set(FR.weekdays) | set(EN.weekdays) | set(_MONTHS) | {"m", "mme", "mr", "mrs", "dr"}


def name_key(word: str) -> str:
    """Folded phonetic key of a name: transliterations and spellings of one name get one key.

    « Ushakov », « Ouchakov » → ``usakov``; « Yury », « Iouri » → ``uri``; « Poutine », « Putin » → ``putin``;
    « Zelensky », « Zelenskyy », « Zelenski » → ``zelenski``; « Kovalchuk », « Kovaltchouk » → ``kovalsuk``.
    """
    k = word.lower()
    for a, b in (
        ("tch", "ch"), ("ou", "u"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("kh", "h"), ("w", "v"), ("y", "i"),
        ("j", "i"), ("iu", "u"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"),
    ):  # fmt: skip
        k = k.replace(a, b)
    k = re.sub(r"(.)\1+", r"\1", k)
    if len(k) > 4 and k.endswith("e"):
        k = k[:-1]
    return k


@lru_cache(maxsize=200_000)
def _lemma_stem(word: str, lang: str) -> str:
    return stem(lemma(word, lang))


_HOURS = re.compile(r"\b(?:heures?|hours?|demi-heure)\b")


def number_key(written: str) -> str:
    """One key for a figure in either language: « 2,100 », « 2 100 », « 2.100 » → ``2100``; « 2,4 » → ``2.4``."""
    compact = re.sub(r"[\s\u00a0\u202f.,](?=\d{3}(?!\d))", "", written)
    return compact.replace(",", ".").replace(" ", "")


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a long sentence ``text[start:end]`` (empty if it is short or has no clause boundary)."""
    if end - start < tuning.CLAUSE_MIN:
        return []
    cuts = [start] + [m.end() for m in _CLAUSE_CUT.finditer(text, start, end)] + [end]
    pieces: list[tuple[int, int]] = []
    for lo, hi in itertools.pairwise(cuts):
        if pieces and (hi - lo < tuning.CLAUSE_MIN_CHARS or pieces[-1][1] - pieces[-1][0] < tuning.CLAUSE_MIN_CHARS):
            pieces[-1] = (pieces[-1][0], hi)
        else:
            pieces.append((lo, hi))
    if len(pieces) > 1 and pieces[-1][1] - pieces[-1][0] < tuning.CLAUSE_MIN_CHARS:
        last = pieces.pop()
        pieces[-1] = (pieces[-1][0], last[1])
    out = []
    for lo, hi in pieces:
        while lo < hi and (text[lo].isspace() or text[lo] in ",;:-\u2013\u2014"):
            lo += 1
        while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ",;:"):
            hi -= 1
        if hi - lo >= tuning.CLAUSE_MIN_CHARS:
            out.append((lo, hi))
    return out if len(out) > 1 else []


def unit_terms(
    text: str,
    folded: str,
    u: SentRef,
    figures: tuple[Sequence[Quantity], list[int]] | None = None,
    days: Sequence[DateMention] | None = None,
) -> tuple[list[str], set[str]]:
    """Index terms (lemma stems and name keys) and anchors (numbers, months, names, quoted words) of a unit.

    ``figures``: the source's figures (:func:`.quantities.find_quantities`, sorted by start) and their starts, when
    the caller has them; else the unit's durations are read here. ``days``: the source's resolved dates, when the
    caller has them: a weekday they resolve is anchored by its date (``d:2026-02-04``), else by its name.
    """
    terms: list[str] = []
    anchors: set[str] = set()
    for m in WORD_RE.finditer(folded, u.start, u.end):
        w = m.group(0)
        if w.isdigit():
            continue
        raw = text[m.start() : m.end()]
        if w in _MONTHS or w in _WEEKDAYS:
            day = _MONTHS.get(w) or _WEEKDAYS[w]
            if w in _WEEKDAYS and days is not None:
                # the day it names, where the source's dates resolve it: « jeudi 29 janvier » and « jeudi » of
                # a story published on 4 February are two days, « mercredi 4 février » and that story's
                # « mercredi » one
                day = _day_at(days, m.start()) or day
            anchors.add(day)
            terms.append(day)
            continue
        if raw[:1].isupper() and w not in _NOT_NAMES and len(w) > 1 and m.start() > u.start:
            key = name_key(w)
            terms.append("n:" + key)
            anchors.add("n:" + key)
            continue
        if w in ALL_STOPWORDS or len(w) < 2:
            continue
        terms.append(_lemma_stem(raw.lower(), u.lang))
    durations: list[tuple[int, int]] = []
    if _HOURS.search(folded, u.start, u.end):
        # a duration in hours is the same figure as its minutes (« an hour and a half » / « 90 minutes »); the
        # parts of « 1 heure et 25 minutes » are not figures of their own (« 25 » would tie any 25th anniversary)
        for q in _figures_in(folded, u, figures):
            if q.category == "duration" and q.value >= tuning.FIGURE_MIN_VALUE and q.value == int(q.value):
                durations.append((q.start, q.end))
                anchors.add(f"#{int(q.value)}")
                terms.append(f"#{int(q.value)}")
    for m in _NUMBER.finditer(folded, u.start, u.end):
        if _CLOCK_MINUTES.search(folded, max(u.start, m.start() - 6), m.start()):
            continue  # the minutes of « 2 h 30 » are no figure of the story
        figure = "#" + number_key(m.group(0))
        in_duration = any(a <= m.start() < b for a, b in durations)
        if in_duration and figure not in anchors:
            continue  # a part of a duration (its total is the anchor)
        after = WORD_RE.match(folded, m.end() + 1) if m.end() + 1 < u.end else None
        if after is not None and after.group(0) in _MONTHS:
            continue  # the day of « 4 février » is the date's, already a month anchor
        if not in_duration:  # else the duration's total, already counted
            anchors.add(figure)
            terms.append(figure)
        noun = _NOUN_AFTER.match(folded, m.end())
        if noun is not None and noun.group(1) not in _NOT_NAMES:
            counted = "u:" + stem(lemma(noun.group(1), u.lang))
            anchors.add(counted)
            terms.append(counted)
    for m in _PERCENT.finditer(folded, u.start, u.end):
        share = _share_of(text, folded, u, m.start(), m.end())
        anchors.update(share)
        terms.extend(sorted(share))
    for m in _QUOTED.finditer(text, u.start, u.end):
        # pairs of quoted words, names left out: « la Russie et la Chine » in a quote is the dossier's topic
        words = [
            "" if text[w.start()].isupper() and w.start() > m.start(1) else w.group(0)
            for w in WORD_RE.finditer(folded, m.start(1), m.end(1))
            if w.group(0) not in ALL_STOPWORDS and len(w.group(0)) > 3
        ]
        for a, b in itertools.pairwise(words):
            if a and b:
                anchors.add(f"q:{a} {b}")
    return terms, anchors


def _day_at(days: Sequence[DateMention], pos: int) -> str | None:
    """The resolved day of the date mention holding ``pos`` (``d:`` + ISO date), if any."""
    for d in days:
        if d.start <= pos < d.end and d.precision == "day":
            return "d:" + d.value.isoformat()
    return None


def _share_of(text: str, folded: str, u: SentRef, lo: int, hi: int) -> set[str]:
    """Anchors of what a percentage measures: the pairs of content words next to it (``%:`` + two lemma stems).

    « raises the property tax by 4.5 per cent » and « will pay 3.5% more in property tax » report one rise with two
    figures and hardly any other shared word; both keep « property tax » by the percentage. The pair of words is
    the anchor (a single word, or any percentage, ties unrelated shares); a pair does not run across punctuation
    or a name.
    """
    out: set[str] = set()
    prev: tuple[str, int] | None = None
    start, end = max(u.start, lo - tuning.PERCENT_WINDOW), min(u.end, hi + tuning.PERCENT_WINDOW)
    for m in WORD_RE.finditer(folded, start, end):
        w = m.group(0)
        if w.isdigit() or w in ALL_STOPWORDS or w in _PERCENT_WORDS or len(w) < 3:
            continue
        if text[m.start()].isupper():
            prev = None
            continue
        key = _lemma_stem(text[m.start() : m.end()].lower(), u.lang)
        if prev is not None and prev[0] != key and not _PUNCT.search(folded, prev[1], m.start()):
            out.add(f"%:{prev[0]} {key}")
        prev = (key, m.end())
    return out


def _figures_in(folded: str, u: SentRef, figures: tuple[Sequence[Quantity], list[int]] | None) -> list[Quantity]:
    """The figures inside unit ``u``, offsets in the source's text."""
    if figures is None:
        found = find_quantities(folded[u.start : u.end], [])
        return [replace(q, start=u.start + q.start, end=u.start + q.end) for q in found]
    items, starts = figures
    k = bisect_left(starts, u.start)
    out = []
    while k < len(items) and items[k].start < u.end:
        if items[k].end <= u.end:
            out.append(items[k])
        k += 1
    return out


def align(
    units: list[SentRef],
    texts: list[str],
    folded: list[str],
    ticker: Ticker,
    keep: Callable[[int, int], bool] | None = None,
    figures: Sequence[Sequence[Quantity]] | None = None,
    days: Sequence[Sequence[DateMention]] | None = None,
) -> list[Pair]:
    """Verified alignments between units of different sources, best first (see the module docstring).

    Args:
        units: every comparable unit of the dossier (sentences and clauses), grouped by source in input order.
        texts: text of record of each source (indexed by ``SentRef.src``).
        folded: folded text of each source.
        ticker: progress and cancel.
        keep: whether two verified units (indexes into ``units``) may meet; checked before the one-to-few
            selection, so a refused pair leaves its place to the next one.
        figures: each source's figures, sorted by start (the engine has read them already); read here if absent.
        days: each source's resolved dates (weekdays are then anchored by the day they name).
    """
    n = len(units)
    ticker.stage(550, max(1, n))
    if n < 2:
        return []
    terms: list[Counter[str]] = []
    anchors: list[set[str]] = []
    sorted_figures = [(f, [q.start for q in f]) for f in figures] if figures is not None else None
    for u in units:
        found, marks = unit_terms(
            texts[u.src], folded[u.src], u, sorted_figures[u.src] if sorted_figures is not None else None,
            days[u.src] if days is not None else None,
        )
        terms.append(Counter(found))
        anchors.append(marks)
    df: Counter[str] = Counter()
    for c in terms:
        df.update(c.keys())
    strong = _strong_anchors(units, anchors)
    vecs: list[dict[str, float]] = []
    for c in terms:
        vec = {t: (1.0 + math.log(tf)) * math.log(1.0 + n / df[t]) for t, tf in c.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vecs.append({t: w / norm for t, w in vec.items()})
    sources = len({u.src for u in units})
    cap = max(tuning.POSTINGS_CAP, 2 * sources)
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, vec in enumerate(vecs):
        for t, w in vec.items():
            if df[t] <= cap:
                postings[t].append((j, w))
    by_anchor: dict[str, list[int]] = defaultdict(list)
    for j, marks in enumerate(strong):
        for x in marks:
            if _is_tying_figure(x):
                by_anchor[x].append(j)
    read = [_within_budget(vec, postings) for vec in vecs]
    masked = [mask_digits(folded[u.src][u.start : u.end]) for u in units]
    scored: dict[tuple[int, int], float] = {}
    best_of: dict[tuple[int, int], list[tuple[float, int]]] = {}
    for i in range(n):
        if i % 64 == 0:
            ticker.step(64)
        src_i = units[i].src
        acc: dict[int, float] = defaultdict(float)
        for t, w in read[i]:
            for j, wj in postings[t]:
                if units[j].src != src_i:
                    acc[j] += w * wj
        per_src: dict[int, list[tuple[float, int]]] = {}
        for j, cos in acc.items():
            if cos >= tuning.CANDIDATE_COSINE:
                per_src.setdefault(units[j].src, []).append((cos, j))
        if len(per_src) > tuning.MAX_SOURCES_PER_UNIT:
            ranked = sorted(per_src, key=lambda k: -max(c for c, _j in per_src[k]))[: tuning.MAX_SOURCES_PER_UNIT]
            per_src = {k: per_src[k] for k in ranked}
        tying = _sharing_figure(i, strong, by_anchor, units)
        for j in tying:
            src_j = units[j].src
            room = src_j in per_src or len(per_src) < tuning.MAX_SOURCES_PER_UNIT
            if acc.get(j, 0.0) < tuning.CANDIDATE_COSINE and room:
                per_src.setdefault(src_j, []).append((acc.get(j, 0.0), j))
        for src_j, cos_js in _within_scoring_budget(per_src, tying).items():
            top = []
            for cos, j in cos_js:
                key = (i, j) if i < j else (j, i)
                score = scored.get(key)
                if score is None:
                    fz = fuzz.token_sort_ratio(masked[i], masked[j]) / 100.0
                    score = min(1.0, tuning.COSINE_WEIGHT * cos + tuning.WORDING_WEIGHT * fz)
                    scored[key] = score
                top.append((score, j))
            top.sort(reverse=True)
            best_of[(i, src_j)] = top[: tuning.PARTNERS]
    headline = [is_headline(texts[u.src][u.start : u.end]) for u in units]
    holders: dict[tuple[str, int], set[int]] = defaultdict(set)
    for u, marks in zip(units, strong, strict=True):
        for x in marks:
            holders[(x, u.src)].add(u.parent)
    per_source = {k: len(v) for k, v in holders.items()}  # sentences of a source holding an anchor
    promoted: list[Pair] = []
    for (i, _src_j), top in best_of.items():
        for rank, (score, j) in enumerate(top):
            if i > j or score < tuning.FIGURE_FLOOR:
                continue
            back = best_of.get((j, units[i].src), [])
            forward_best, back_best = rank == 0, bool(back) and back[0][1] == i
            shared = tuple(sorted(strong[i] & strong[j]))
            if (headline[i] or headline[j]) and not shared and score < tuning.ACCEPT:
                continue  # a headline shares its topic's words with many sentences; it needs an anchor
            one_each = any(
                _is_tying_figure(x) and per_source[(x, units[i].src)] == 1 == per_source[(x, units[j].src)]
                for x in shared
            )
            if _promote(score, shared, forward_best, back_best) or (
                one_each and (forward_best or back_best) and score >= tuning.FIGURE_FLOOR
            ):
                promoted.append(Pair(i, j, score, shared))
    promoted.extend(_through_copies(promoted, units, scored, strong, masked))
    if keep is not None:
        promoted = [p for p in promoted if keep(p.i, p.j)]
    return _select(promoted, units, masked)


def _within_scoring_budget(
    per_src: dict[int, list[tuple[float, int]]], tying: set[int]
) -> dict[int, list[tuple[float, int]]]:
    """The candidates of a unit that are scored, per other source: its best by cosine plus those sharing a figure.

    At most :data:`~.tuning.SCORED_PER_UNIT` in all, taken rank by rank across the sources (every source's best,
    then every source's second...), so a unit of a 40-source dossier costs what one of a five-source dossier does.
    """
    lists: dict[int, list[tuple[float, int]]] = {}
    for src_j, items in per_src.items():
        items.sort(reverse=True)
        tied = [x for x in items[tuning.PARTNERS + 1 :] if x[1] in tying]
        lists[src_j] = items[: tuning.PARTNERS + 1] + tied[: tuning.FIGURE_PARTNERS]
    if sum(len(v) for v in lists.values()) <= tuning.SCORED_PER_UNIT:
        return lists
    order = sorted(lists, key=lambda k: -lists[k][0][0])
    out: dict[int, list[tuple[float, int]]] = {k: [] for k in order}
    left = tuning.SCORED_PER_UNIT
    for rank in range(tuning.PARTNERS + 1 + tuning.FIGURE_PARTNERS):
        for k in order:
            if left and rank < len(lists[k]):
                out[k].append(lists[k][rank])
                left -= 1
    return out


def _within_budget(vec: dict[str, float], postings: dict[str, list[tuple[int, float]]]) -> list[tuple[str, float]]:
    """The indexed terms of a unit whose postings it reads: its rarest first, until :data:`~.tuning.POSTINGS_BUDGET`.

    The commonest terms of a long unit in a large dossier add only small shares to a cosine the rare ones decide;
    the budget keeps the work per unit the same whatever the number of sources. The terms are returned in the
    vector's order, so a unit within the budget sums its cosines exactly as without it.
    """
    indexed = [(t, w) for t, w in vec.items() if t in postings]
    if sum(len(postings[t]) for t, _w in indexed) <= tuning.POSTINGS_BUDGET:
        return indexed
    kept: set[str] = set()
    budget = tuning.POSTINGS_BUDGET
    for t, _w in sorted(indexed, key=lambda tw: (-tw[1], tw[0])):
        if budget <= 0:
            break
        kept.add(t)
        budget -= len(postings[t])
    return [(t, w) for t, w in indexed if t in kept]


def is_headline(text: str) -> bool:
    """A title line: short and without a sentence's closing punctuation (alignment and event days share it)."""
    body = text.strip()
    return len(body) < tuning.HEADLINE_MAX_CHARS and not body.endswith((".", "!", "?", "»", '"', "”", "…"))


def _strong_anchors(units: list[SentRef], anchors: list[set[str]]) -> list[set[str]]:
    """Each unit's anchors that tie it to one fact rather than to the dossier's topic.

    An anchor is counted once per sentence (a clause and its sentence hold the same figure) and compared with the
    number of sources holding it: a fact is reported about once per source (« 30 tonnes » in three sources is
    three sentences), the topic's names many times in each. The dossier-wide share still caps it.
    """
    in_sentences: dict[str, set[int]] = defaultdict(set)
    in_sources: dict[str, set[int]] = defaultdict(set)
    for u, marks in zip(units, anchors, strict=True):
        for x in marks:
            in_sentences[x].add(u.parent)
            in_sources[x].add(u.src)
    n_sentences = len({u.parent for u in units})
    common = max(3.0, tuning.COMMON_NAME_SHARE * n_sentences)
    limit = {x: max(common, tuning.ANCHOR_PER_SOURCE * len(in_sources[x])) for x in in_sentences}
    return [{x for x in marks if len(in_sentences[x]) <= limit[x]} for marks in anchors]


def _is_tying_figure(anchor: str) -> bool:
    """A figure that ties two reports to one fact by itself: not a small number, not a bare year.

    Or what a percentage measures (``%:``, two words), which ties two reports whose percentages differ.
    """
    if anchor.startswith("%:"):
        return True
    if not anchor.startswith("#"):
        return False
    digits = anchor[1:]
    try:
        value = float(digits)
    except ValueError:
        return False
    if value < tuning.FIGURE_MIN_VALUE:
        return False
    return not (digits.isdigit() and len(digits) == 4 and 1900 <= value <= 2100)


def _sharing_figure(i: int, strong: list[set[str]], by_anchor: dict[str, list[int]], units: list[SentRef]) -> set[int]:
    """Units of other sources holding one of ``i``'s tying figures (candidates whatever their wording)."""
    out: set[int] = set()
    for x in strong[i]:
        for j in by_anchor.get(x, ()):
            if units[j].src != units[i].src:
                out.add(j)
    return out


def _through_copies(
    pairs: list[Pair],
    units: list[SentRef],
    scored: dict[tuple[int, int], float],
    strong: list[set[str]],
    masked: list[str],
) -> list[Pair]:
    """Pairs implied by a near copy: when ``b`` copies ``a`` (with a figure changed, say), ``b`` meets ``a``'s partners.

    A relay that rewrites one figure of the wire is still the same fact as the third source's paraphrase the wire
    was aligned with; the copy itself carries no words the paraphrase lacks, so the pair is otherwise missed.
    """
    have = {(p.i, p.j) for p in pairs}
    partners: dict[int, list[Pair]] = defaultdict(list)
    for p in pairs:
        partners[p.i].append(p)
        partners[p.j].append(p)
    out: list[Pair] = []
    copies = [
        (p.i, p.j)
        for p in pairs  # a near copy: one unit found almost word for word in the other (a dateline aside)
        if p.score >= tuning.COPY_SCORE and fuzz.partial_ratio(masked[p.i], masked[p.j]) >= tuning.COPY_PARTIAL
    ]
    for b, a, met in two_hops(((b, a) for a, b in both_ways(copies)), lambda a: partners[a]):
        for q in met:
            c = q.j if q.i == a else q.i
            if units[c].src in (units[a].src, units[b].src) or units[c].parent == units[b].parent:
                continue
            key = (b, c) if b < c else (c, b)
            if key in have:
                continue
            own = scored.get(key)
            shared = tuple(sorted(strong[b] & strong[c]))
            if not shared and (own is None or own < tuning.FLOOR):
                continue  # the copy must meet the partner on its own words or anchors too
            have.add(key)
            out.append(Pair(key[0], key[1], min(q.score, own if own is not None else q.score), shared or ("copy",)))
    return out


def _promote(score: float, shared: tuple[str, ...], forward_best: bool, back_best: bool) -> bool:
    """Whether a candidate is the same fact (see the module docstring and :mod:`.tuning`)."""
    mutual = forward_best and back_best
    facts = [a for a in shared if not a.startswith("n:")]
    if score >= tuning.ACCEPT or (mutual and score >= tuning.MUTUAL):
        return True
    if score < tuning.FLOOR:
        return bool(mutual and any(_is_tying_figure(a) for a in facts))
    if score >= tuning.VERIFY and shared and (mutual or len(shared) >= 2 or (facts and (forward_best or back_best))):
        return True
    tying = [a for a in facts if _is_tying_figure(a)]
    if tying and mutual and score >= tuning.FIGURE_FLOOR:
        return True
    if score < tuning.ANCHORED or not facts:
        return False
    counted = any(a.startswith("u:") for a in facts)
    return mutual or ((forward_best or back_best) and (len(shared) >= 2 or counted))


def _select(pairs: list[Pair], units: list[SentRef], masked: list[str]) -> list[Pair]:
    """Best-first: one pair per two sentences, at most two per sentence and other source, no clause by its sentence."""
    per_sentence: Counter[tuple[int, int]] = Counter()
    total: Counter[int] = Counter()
    seen: dict[tuple[int, int], list[tuple[SentRef, SentRef]]] = defaultdict(list)
    spans: dict[tuple[int, int, int], list[tuple[int, int]]] = defaultdict(list)
    met: dict[tuple[int, int], list[int]] = defaultdict(list)
    out: list[Pair] = []
    for p in sorted(pairs, key=lambda p: (-p.score, p.i, p.j)):
        ui, uj = units[p.i], units[p.j]
        sentences = (ui.parent, uj.parent)
        if any(_touch(ui, x) or _touch(uj, y) for x, y in seen[sentences]):
            continue  # two sentences meet more than once only through disjoint clauses (two facts)
        if _repeats(p.i, uj.src, p.j, met, masked) or _repeats(p.j, ui.src, p.i, met, masked):
            continue  # the other source says it twice (a headline and its lead): one pair is enough
        sa, sb = (ui.parent, uj.src), (uj.parent, ui.src)
        if per_sentence[sa] >= tuning.MAX_PER_SENTENCE or per_sentence[sb] >= tuning.MAX_PER_SENTENCE:
            continue
        if total[ui.parent] >= tuning.MAX_PER_SENTENCE_TOTAL or total[uj.parent] >= tuning.MAX_PER_SENTENCE_TOTAL:
            continue
        if _overlaps(spans, ui, uj) or _overlaps(spans, uj, ui):
            continue
        spans[(ui.src, uj.src, ui.parent)].append((ui.start, ui.end))
        spans[(uj.src, ui.src, uj.parent)].append((uj.start, uj.end))
        per_sentence[sa] += 1
        per_sentence[sb] += 1
        total[ui.parent] += 1
        total[uj.parent] += 1
        seen[sentences].append((ui, uj))
        met[(p.i, uj.src)].append(p.j)
        met[(p.j, ui.src)].append(p.i)
        out.append(p)
    return out


def _repeats(i: int, src: int, j: int, met: dict[tuple[int, int], list[int]], masked: list[str]) -> bool:
    """Whether ``j`` nearly repeats a unit of its source that ``i`` already met."""
    return any(fuzz.token_set_ratio(masked[j], masked[k]) >= tuning.REPEAT_SET_RATIO for k in met.get((i, src), ()))


def _touch(u: SentRef, v: SentRef) -> bool:
    return u.start < v.end and v.start < u.end


def _overlaps(spans: dict[tuple[int, int, int], list[tuple[int, int]]], u: SentRef, other: SentRef) -> bool:
    """Whether ``u`` holds a clause of its sentence already aligned with ``other``'s source.

    The whole sentence would repeat that pair more loosely. A clause of a sentence aligned whole may still meet
    another sentence: a long sentence carries several facts.
    """
    return any(
        u.start < hi and lo < u.end and (lo, hi) != (u.start, u.end) and not (u.start > lo or u.end < hi)
        for lo, hi in spans.get((u.src, other.src, u.parent), ())
    )
