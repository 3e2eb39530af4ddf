"""Counts of the same fact stated in sentences that do not align.

Sentence alignment misses two sources that give the number of evacuees in differently built sentences
(« obligeant les autorités à évacuer 1 200 habitants de Saint-Aubin » against « ce sont 2 100 habitants qui ont été
évacués à Saint-Aubin »). A count is therefore also keyed by what it counts and what happened to it: its head noun
(« habitants ») and the event word nearest to it in its clause, reduced to an event family (évacuer, évacuation,
évacués, « quitter leur logement » are one family). Two counts of different sources with the same key are the same
fact when their sentences also share a named place or entity (capitalised words, sentence-initial ones excepted;
the paragraph's when the sentence names none). A source giving two incompatible values for one key (a toll that
rose during the day) is left out of that key: its figures are not one fact.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.compare.quantities import Quantity, compatible
from workbench.core.compare.textutil import Sentence, fold, word_set

_FAMILIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx))
    for name, rx in (
        (
            "evacuated",
            r"evacu\w*|(?:quitt|fui|fuy)\w* (?:\w+ ){0,2}(?:logements?|domiciles?|maisons?|habitations?|foyers?|"
            r"appartements?|villages?|quartiers?)\b|mis(?:es)? a l'abri|(?:had|forced) to leave|fled\b",
        ),
        (
            "dead",
            r"(?:morts?|mortes?|tue(?:e|s|es)?|deces|decede\w*|peri|perdu la vie|trouve la mort|dead|killed|died)\b",
        ),
        (
            "striking",
            r"(?:en greve|grevistes?|debray\w*|cess\w* le travail|on strike|strik(?:e|ers|ing)|walked out|stopped work|"
            r"joined the (?:strike|walkout)|took part)\b",
        ),
        ("injured", r"bless\w*|injur\w*|wounded"),
        ("hospitalised", r"hospitalis\w*"),
        ("missing", r"disparu\w*"),
        ("rescued", r"secouru\w*|sauve(?:e|s|es)?\b|helitreuill\w*"),
        ("arrested", r"interpell\w*|arrete(?:e|s|es)\b|garde a vue|arrested|detained"),
        ("mobilised", r"mobilis\w*|engage(?:e|s|es)?\b|deploy\w*|deploie\w*"),
        ("sheltered", r"heberg\w*|accueilli\w*"),
        ("cut_off", r"prive(?:e|s|es)? d'(?:electricite|eau|courant)|sans (?:electricite|courant)"),
        ("demonstrated", r"manifest\w*|defil\w*"),
        ("destroyed", r"detrui\w*|endommag\w*|inonde(?:e|s|es)?\b"),
    )
)
_WORD = re.compile(r"[a-z][a-z'-]*")
_BREAK = re.compile(r"[,;:.!?()\"]| - ")
BEFORE_WORDS = 6
"""Event words looked for up to this many words before the figure…"""
AFTER_WORDS = 8
"""…and after its noun, inside the same clause."""
_CAPS = re.compile(r"(?<![\w'-])[A-ZÀ-ÖØ-Þ][\w'-]*")
_NOT_ENTITY = word_set(
    """
    le la les l un une des de du d en dans selon pour par mais et ou il elle ils elles ce cette ces son sa ses
    leur leurs lors apres avant depuis pendant quand alors ainsi aussi a au aux sur sous chez vers avec sans
    comme on nous vous je lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin
    juillet aout septembre octobre novembre decembre madame monsieur mme m mr mrs ms the of and to in for with
    aucun aucune tous toutes qui que quoi ou enfin puis cependant pourtant toutefois mais
    """
)


@dataclass(frozen=True, slots=True)
class EventCount:
    """A count tied to an event: ``key`` is (head noun, event family); ``entities`` the names around it."""

    src: int
    q: Quantity
    key: tuple[str, str]
    entities: frozenset[str]


def event_family(folded: str, q: Quantity, lo: int, hi: int) -> str | None:
    """Event family of the word nearest to count ``q`` in its clause (``[lo, hi)`` its sentence), else ``None``."""
    noun_end = q.end
    after = re.match(r"\s*(?:(?:de|d')\s*)?([a-z][\w-]*)", folded[q.end : hi])
    if after:
        noun_end = q.end + after.end()
        fam = _family_at(after.group(1), 0)  # « 1 200 évacués »: the noun is the event
        if fam is not None:
            return fam
    brk = [b.end() for b in _BREAK.finditer(folded, lo, q.start)]
    left_lo = brk[-1] if brk else lo
    nxt = _BREAK.search(folded, noun_end, hi)
    right_hi = nxt.start() if nxt else hi
    before = list(_WORD.finditer(folded, left_lo, q.start))[-BEFORE_WORDS:]
    after_words = list(_WORD.finditer(folded, noun_end, right_hi))[:AFTER_WORDS]
    cands: list[tuple[int, str]] = []
    for dist, w in enumerate(reversed(before)):
        fam = _family_at(folded[w.start() : right_hi], 0)
        if fam is not None:
            cands.append((dist, fam))
            break
    for dist, w in enumerate(after_words):
        fam = _family_at(folded[w.start() : right_hi], 0)
        if fam is not None:
            cands.append((dist, fam))
            break
    return min(cands)[1] if cands else None


def _family_at(text: str, pos: int) -> str | None:
    """Family of the event expression starting exactly at ``text[pos:]``, else ``None``."""
    word = _WORD.match(text, pos)
    if word is None:
        return None
    start = pos + word.group(0).rfind("'") + 1  # « l'evacuation » -> « evacuation »
    for name, rx in _FAMILIES:
        if rx.match(text, start):
            return name
    return None


def entities(text: str, lo: int, hi: int) -> frozenset[str]:
    """Folded capitalised words of ``text[lo:hi]`` that name something (the first word excepted)."""
    out = set()
    first = True
    for m in _CAPS.finditer(text, lo, hi):
        if first and not text[lo : m.start()].strip(" «“\"'-–—([#*"):
            first = False
            continue
        first = False
        word = fold(m.group(0)).strip("'-")
        if len(word) >= 3 and word not in _NOT_ENTITY:
            out.add(word)
    return frozenset(out)


def event_counts(
    src: int, text: str, folded: str, sentences: Sequence[Sentence], quantities: Sequence[Quantity]
) -> list[EventCount]:
    """The counts of one source that are tied to an event word, with their keys and surrounding entities."""
    starts = [x.start for x in sentences]
    line_entities: dict[int, frozenset[str]] = {}
    out = []
    for q in quantities:
        if q.category != "count" or not q.unit.startswith("n:") or q.unit == "n:?":
            continue
        k = bisect_right(starts, q.start) - 1
        if k < 0 or q.end > sentences[k].end:
            continue
        sent = sentences[k]
        fam = event_family(folded, q, sent.start, sent.end)
        if fam is None:
            continue
        ents = entities(text, sent.start, sent.end)
        if not ents:  # the paragraph's names (the first word of each of its sentences excepted)
            if sent.line not in line_entities:
                line_entities[sent.line] = frozenset().union(
                    *(entities(text, x.start, x.end) for x in sentences if x.line == sent.line)
                )
            ents = line_entities[sent.line]
        if not ents and sentences:  # a one-sentence paragraph after the lead is about the lead's event
            lead = next((e for x in sentences[: k + 1] if (e := entities(text, x.start, x.end))), frozenset())
            ents = lead
        out.append(EventCount(src, q, (q.unit, fam), ents))
    return _consistent(out)


def _consistent(items: list[EventCount]) -> list[EventCount]:
    """Drop the counts the source itself contradicts (same key, a shared entity, incompatible values)."""
    by_key: dict[tuple[str, str], list[EventCount]] = defaultdict(list)
    for it in items:
        by_key[it.key].append(it)
    bad: set[int] = set()
    for its in by_key.values():
        for i, a in enumerate(its):
            for b in its[i + 1 :]:
                if a.entities & b.entities and not compatible(a.q, b.q):
                    bad.update((id(a), id(b)))
    return [it for it in items if id(it) not in bad]


def same_fact_pairs(per_source: Sequence[Sequence[EventCount]]) -> list[tuple[EventCount, EventCount]]:
    """Pairs of event counts to compare: same key, different sources, sentences sharing an entity.

    Within a source, counts of one key are chained (they agree, see :func:`event_counts`) so that every span joins
    the discrepancy; across sources the first comparable pair of each pair of sources is enough.
    """
    by_key: dict[tuple[str, str], dict[int, list[EventCount]]] = defaultdict(lambda: defaultdict(list))
    for items in per_source:
        for it in items:
            by_key[it.key][it.src].append(it)
    out: list[tuple[EventCount, EventCount]] = []
    for key in sorted(by_key):
        per = by_key[key]
        if len(per) < 2:
            continue
        srcs = sorted(per)
        linked: set[int] = set()
        pairs: list[tuple[EventCount, EventCount]] = []
        for i, x in enumerate(srcs):
            for y in srcs[i + 1 :]:
                hit = next(((a, b) for a in per[x] for b in per[y] if a.entities & b.entities), None)
                if hit is not None:
                    pairs.append(hit)
                    linked.update((x, y))
        if not pairs:
            continue
        out.extend(pairs)
        for sid in sorted(linked):
            its = per[sid]
            anchor = next(p for pair in pairs for p in pair if p.src == sid)
            out.extend((anchor, it) for it in its if it is not anchor and it.entities & anchor.entities)
    return out
