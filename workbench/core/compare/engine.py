"""The comparison of one dossier's sources, from texts of record to a :class:`CompareResult`.

This module only orchestrates: it prepares every source once (lines, boilerplate, sentences, dates, figures,
quotes, persons), infers the event date, flags recycled sources, aligns sentences, compares aligned values, finds
reused passages and assembles the per-source reports. Progress is reported in thousandths and ``cancel`` is checked
between every few units of work.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from workbench.core.compare import tuning
from workbench.core.compare.align import Pair, SentRef, align, is_headline, split_clauses
from workbench.core.compare.boilerplate import find_boilerplate, is_caption_sentence
from workbench.core.compare.bridges import both_ways, two_hops
from workbench.core.compare.dates import DateMention, find_dates
from workbench.core.compare.discrepancies import (
    Edge,
    date_edges,
    figure_edge,
    group_edges,
    mspan,
    participant_edges,
    quantity_edges,
)
from workbench.core.compare.events import (
    FAR_DAYS,
    Recycled,
    dossier_event_date,
    header_dates,
    recycled,
    reported_event_date,
)
from workbench.core.compare.facts import event_counts, same_fact_pairs
from workbench.core.compare.interactions import (
    SourceInteractions,
    interaction_edges,
    near_event,
    sentence_interactions,
)
from workbench.core.compare.lang import language_of, line_language
from workbench.core.compare.model import (
    FLAG_BOILERPLATE,
    FLAG_RECYCLED,
    FLAG_RELAY,
    REUSE_COMMON,
    REUSE_COPY,
    REUSE_TRANSLATION,
    VERDICT_OUT_OF_CONTEXT,
    Alignment,
    CompareInput,
    CompareResult,
    Discrepancy,
    FlagEvidence,
    Reuse,
    SourceReport,
    Span,
    ValueSpan,
)
from workbench.core.compare.negation import Claim, english_claims, negation_edges, sentence_claims
from workbench.core.compare.notes import engine_line, for_reader
from workbench.core.compare.persons import Mention, PersonIndex
from workbench.core.compare.quantities import Quantity, find_quantities
from workbench.core.compare.quotes import (
    COMMON_MIN_CHARS,
    Quote,
    QuoteMatch,
    find_quotes,
    match_paraphrases,
    match_quotes,
    quote_value,
    trivial,
)
from workbench.core.compare.reuse import Passage, find_reuse
from workbench.core.compare.speakers import attributed, learn_roles, new_roles
from workbench.core.compare.textutil import Line, Sentence, Ticker, fold, split_lines, split_sentences
from workbench.core.compare.translation import Translated, find_translations, piece
from workbench.core.compare.wording import rank_edges, rank_mentions, reported_edges
from workbench.core.errors import ValidationError

_DATELINE = re.compile(r"\s*[A-ZÀ-Þ][A-ZÀ-Þ' -]{2,}(?:\s*\([^)\n]*\))?,\s*$")
"""A dateline (« VALDOR, 4 février – ») dates the dispatch, not the event: kept as evidence, not compared."""
Roles = dict[str, Counter[str]]
_EN_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
"""English thousands separator (« 2,100 »): read as the French thin space, same length so offsets hold."""
_PRONOUN_SPEECH = re.compile(r"-t-(il|elle)\b|\b(selon (lui|elle)|a-t-(il|elle)|il a|elle a|he said|she said)\b")


@dataclass(slots=True)
class _Source:
    """Everything computed once per source."""

    index: int
    inp: CompareInput
    folded: str
    lines: list[Line]
    boiler: dict[int, str]
    ranges: list[tuple[int, int]]
    sentences: list[Sentence]
    dates_all: list[DateMention]
    dates: list[DateMention]
    quantities: list[Quantity]
    quotes: list[Quote]
    lang: str = "fr"
    published: dt.date | None = None
    published_span: DateMention | None = None
    mentions: list[Mention] = field(default_factory=list)
    by_q: _Sorted | None = None
    by_d: _Sorted | None = None
    by_m: _Sorted | None = None

    @property
    def text(self) -> str:
        return self.inp.text

    @property
    def sid(self) -> int:
        return self.inp.source_id


def compare(
    inputs: Sequence[CompareInput],
    *,
    event_date: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    language: str = "en",
) -> CompareResult:
    """Compare the sources of one dossier.

    Args:
        inputs: the sources (texts of record); source ids must be unique.
        event_date: the dossier's event date if known; otherwise inferred from the sources.
        language: the report's language (``en`` or ``fr``): discrepancy notes are written in it.
        progress: called with ``(done, total)`` as work advances.
        cancel: polled often; when it returns true the comparison stops.

    Returns:
        Alignments, discrepancies, per-source reports and reused passages.

    Raises:
        Cancelled: if ``cancel()`` returned true.
        ValidationError: if two inputs share a source id.
    """
    ids = [i.source_id for i in inputs]
    if len(set(ids)) != len(ids):
        raise ValidationError("two sources of the comparison have the same id")
    ticker = Ticker(progress, cancel)
    ticker.stage(100, len(inputs))
    sources = []
    for k, inp in enumerate(inputs):
        sources.append(_prepare(k, inp))
        ticker.step()
    persons = PersonIndex()
    for s in sources:
        persons.learn(s.text, s.folded, s.ranges)
    for s in sources:
        s.mentions = [m for lo, hi in s.ranges for m in persons.mentions(s.text, s.folded, lo, hi)]
        s.by_q, s.by_d, s.by_m = _Sorted(s.quantities), _Sorted(s.dates), _Sorted(s.mentions)
    roles = new_roles()
    for s in sources:
        learn_roles(s.folded, s.mentions, roles)
    ticker.check()

    reported = [reported_event_date(s.dates, s.published, _lead_start(s)) for s in sources]
    event = event_date or dossier_event_date(reported)
    reported = [_own_event(s, rep, event) for s, rep in zip(sources, reported, strict=True)]
    recycled_of: dict[int, Recycled] = {}
    if event is not None:
        for s, rep in zip(sources, reported, strict=True):
            found = recycled(event, rep, s.published, s.dates_all, s.dates)
            if found is not None:
                recycled_of[s.index] = found

    sents = _units(sources)
    pairs = align(
        sents, [s.text for s in sources], [s.folded for s in sources], ticker,
        _same_event(sents, sources, [rep or event for rep in reported], recycled_of),
        [s.quantities for s in sources],
        [s.dates for s in sources],
    )
    alignments = tuple(
        Alignment(
            _span(sources[sents[p.i].src], sents[p.i]),
            _span(sources[sents[p.j].src], sents[p.j]),
            p.score,
            "recycled" if sents[p.i].src in recycled_of or sents[p.j].src in recycled_of else "same-event",
            p.anchors,
        )
        for p in sorted(pairs, key=lambda p: (sents[p.i].src, sents[p.i].start, sents[p.j].src))
    )

    ticker.stage(150, len(pairs) + 1)
    edges: list[Edge] = []
    for n, p in enumerate(pairs):
        if n % 32 == 0:
            ticker.step(32)
        a, b = sents[p.i], sents[p.j]
        same_figure = any(x.startswith("#") for x in p.anchors)
        if a.src in recycled_of or b.src in recycled_of:
            continue
        if p.score < tuning.EDGE_MIN and not same_figure:
            edges.extend(_event_day_edges(sources[a.src], a, reported[a.src], sources[b.src], b, reported[b.src]))
            if any(x.startswith("u:") for x in p.anchors):
                edges.extend(_lone_amount_edges(sources[a.src], a, sources[b.src], b))
            if any(x.startswith("%:") for x in p.anchors):
                edges.extend(_lone_amount_edges(sources[a.src], a, sources[b.src], b, unit="%"))
            continue
        edges.extend(_pair_edges(sources[a.src], a, sources[b.src], b, p, people=p.score >= tuning.EDGE_MIN))
    edges.extend(_fact_edges(sources, recycled_of))
    dated = {sid for e in edges if e.kind == "date" for sid in (e.a.source_id, e.b.source_id)}
    edges.extend(_lead_day_edges(sources, reported, recycled_of, dated))
    alignments = _with_event_days(alignments, sources, reported, recycled_of, dated)
    matched = match_quotes([q for s in sources for q in s.quotes], [s.text for s in sources])
    edges.extend(_quote_edges(sources, recycled_of, roles, matched))
    kept = [s for s in sources if s.index not in recycled_of]
    wording = rank_edges([(s.text, rank_mentions(s.sid, s.folded, s.ranges)) for s in kept])
    wording += reported_edges(
        [q for s in kept for q in s.quotes],
        [(s.sid, s.text, s.folded, [(q.start, q.end) for q in s.quotes]) for s in sources],
        [s.lang for s in sources],
    )
    edges.extend(wording)
    alignments = _with_wording_pairs(alignments, sources, wording)
    edges.extend(interaction_edges([_interactions(s, event) for s in sources if s.index not in recycled_of]))
    edges.extend(negation_edges([(s.text, _claims(s, event)) for s in sources if s.index not in recycled_of]))
    texts = {s.sid: s.text for s in sources}
    discrepancies = tuple(for_reader(_dedupe(group_edges(edges)), texts, language))

    passages = find_reuse(
        [s.folded for s in sources],
        [s.ranges for s in sources],
        [[(q.start, q.end) for q in s.quotes] for s in sources],
        ticker,
    )
    reuse, translated = _reuse(sources, passages, matched)
    alignments = _with_translations(alignments, translated, sources, recycled_of)
    old = {sources[k].sid for k in recycled_of}  # repeating last year's article is no relay of this story
    relay: dict[int, list[Span]] = {}
    for r in reuse:
        if r.oriented and r.relation == REUSE_COPY and r.a.source_id != r.b.source_id and r.a.source_id not in old:
            relay.setdefault(r.b.source_id, []).append(r.b)

    reports = tuple(
        replace(r, note=engine_line(r.note, language))
        for r in (_report(s, rep, recycled_of.get(s.index), relay.get(s.sid, []))
                  for s, rep in zip(sources, reported, strict=True))
    )
    reuse = [replace(r, evidence=engine_line(r.evidence, language)) for r in reuse]
    ticker.finish()
    return CompareResult(event, alignments, discrepancies, reports, tuple(reuse))


def _own_event(s: _Source, rep: dt.date | None, event: dt.date | None) -> dt.date | None:
    """The source's event: the dossier's when the source, published soon after it, names that day too.

    A report on today's call that recalls last month's attack names the attack's day twice and the call's once;
    the most frequent day is then another event the source mentions, not the one it reports.
    """
    if event is None or rep is None or rep == event or s.published is None:
        return rep
    if not dt.timedelta(0) <= s.published - event <= dt.timedelta(days=FAR_DAYS):
        return rep
    if abs((rep - event).days) < FAR_DAYS:
        return rep
    if any(d.precision == "day" and d.value == event for d in s.dates):
        return event
    return rep


def _merged(alignments: tuple[Alignment, ...], extra: Sequence[Alignment]) -> tuple[Alignment, ...]:
    """``alignments`` plus ``extra``, in the result's order (source, start, other source)."""
    if not extra:
        return alignments
    return tuple(sorted(alignments + tuple(extra), key=lambda al: (al.a.source_id, al.a.start, al.b.source_id)))


def _partner_pairs(alignments: Sequence[Alignment]) -> list[tuple[Span, Span]]:
    """Each same-event alignment both ways round (passage, partner): the input of the partner's-partner passes."""
    return [
        (x, y) for al in alignments if al.relation == "same-event" for x, y in ((al.a, al.b), (al.b, al.a))
    ]


class _PairIndex:
    """Spans already aligned, per ordered pair of sources (both ways round), to keep added pairs off them."""

    def __init__(self, alignments: Sequence[Alignment]) -> None:
        self._spans: dict[tuple[int, int], list[tuple[int, int, int, int]]] = defaultdict(list)
        for al in alignments:
            self.add(al.a.source_id, al.a.start, al.a.end, al.b.source_id, al.b.start, al.b.end)

    def add(self, ia: int, a0: int, a1: int, ib: int, b0: int, b1: int) -> None:
        """Record ``[a0, a1)`` of source ``ia`` aligned with ``[b0, b1)`` of source ``ib``."""
        self._spans[(ia, ib)].append((a0, a1, b0, b1))
        self._spans[(ib, ia)].append((b0, b1, a0, a1))

    def meets(self, ia: int, a0: int, a1: int, ib: int, b0: int | None = None, b1: int | None = None) -> bool:
        """Whether ``[a0, a1)`` of ``ia`` already meets source ``ib`` (through ``[b0, b1)`` when given)."""
        return any(
            x0 < a1 and a0 < x1 and (b0 is None or b1 is None or (y0 < b1 and b0 < y1))
            for x0, x1, y0, y1 in self._spans.get((ia, ib), ())
        )


def _with_translations(
    alignments: tuple[Alignment, ...],
    translated: list[Translated],
    sources: list[_Source],
    recycled_of: dict[int, Recycled],
) -> tuple[Alignment, ...]:
    """Alignments plus the sentence pairs of translated passages (the same fact in two languages)."""
    taken = _PairIndex(alignments)
    extra = []
    for t in translated:
        if t.a == t.b:
            continue
        sa, sb = sources[t.a], sources[t.b]
        relation = "recycled" if t.a in recycled_of or t.b in recycled_of else "same-event"
        for a0, a1, b0, b1, sc in t.pairs:
            if taken.meets(sa.sid, a0, a1, sb.sid):
                continue
            span_a = Span(sa.sid, a0, a1, sa.text[a0:a1])
            span_b = Span(sb.sid, b0, b1, sb.text[b0:b1])
            extra.append(Alignment(span_a, span_b, min(1.0, sc / 2), relation, ("translation",)))
    extra += _through_translations(alignments + tuple(extra), translated, sources, recycled_of)
    extra += _through_shared_partner(alignments + tuple(extra))
    return _merged(alignments, extra)


def _through_shared_partner(alignments: tuple[Alignment, ...]) -> list[Alignment]:
    """Two passages that are each the only partner, in their source, of one passage of a third source meet.

    « On dénombre 14 blessés » and « … 11 ont dû être soignés » share no word, but each is the wire's « 11 blessés »
    sentence told by another outlet; so are « forced the evacuation of 2,300 residents » and « About 3,200 people had
    to leave ». Both must have met the same unit of the middle passage (a sentence and its clause are two: « … Cuba,
    l'Iran et le Venezuela » met by one source and the whole sentence, met by another for its « janvier », are two
    facts). Not when the pair already aligned, when either already has its cap of partners in the other's
    source, or when each already has a partner there (then the comparison found their link).
    """
    partners: dict[tuple[int, int], dict[int, list[Span]]] = defaultdict(lambda: defaultdict(list))
    hub_end: dict[tuple[int, int, int, int], int] = {}
    for x, y in _partner_pairs(alignments):
        partners[(x.source_id, x.start)][y.source_id].append(y)
        hub_end[(x.source_id, x.start, y.source_id, y.start)] = x.end
    count = _per_passage(alignments)
    extra: list[Alignment] = []
    done: set[tuple[int, int, int, int]] = set()
    # the middle passage's partners that are its only one in their source: each meets the ones after it
    hubs: list[list[Span]] = []
    for (hub_src, hub_start), per in list(partners.items()):
        by_unit: dict[int, list[Span]] = defaultdict(list)
        for spans in per.values():
            if len(spans) == 1:
                by_unit[hub_end[(hub_src, hub_start, spans[0].source_id, spans[0].start)]].append(spans[0])
        hubs.extend(by_unit.values())
    first = (((k, y), only) for only in hubs for k, y in enumerate(only))
    for (k, y), _hub, only in two_hops(first, lambda hub: hub):
        for z in only[k + 1 :]:
            in_z = partners[(y.source_id, y.start)].get(z.source_id, [])
            in_y = partners[(z.source_id, z.start)].get(y.source_id, [])
            if any(w.start == z.start for w in in_z) or max(len(in_z), len(in_y)) >= tuning.MAX_PER_SENTENCE:
                continue
            if in_z and in_y:  # each already met the other's source: nothing to bridge
                continue
            pair = (y.source_id, y.start, z.source_id, z.start)
            if pair in done or not _room(count, y, z):
                continue
            done.add(pair)
            extra.append(Alignment(y, z, tuning.FIGURE_FLOOR, "same-event", ("partner",)))
    return extra


def _through_translations(
    alignments: tuple[Alignment, ...],
    translated: list[Translated],
    sources: list[_Source],
    recycled_of: dict[int, Recycled],
) -> list[Alignment]:
    """A translated sentence meets the partners its original has in third sources (and the other way round).

    A French relay translating the wire shares no words with an English blog: « défaire dix ans de confiance » and
    « undo ten years of trust » meet only through the wire's sentence, which the blog's aligns with. The bridges are
    the translated passage's sentence pairs and the pairs across two languages aligned with a fair score; only a
    partner in another language than the sentence's is added (same-language partners align by their words).
    """
    same_event = [al for al in alignments if al.relation == "same-event"]
    partners: dict[tuple[int, int, int], list[Span]] = {}
    for x, y in _partner_pairs(alignments):
        partners.setdefault((x.source_id, x.start, x.end), []).append(y)
    by_source: dict[int, list[tuple[int, int, int]]] = {}
    for key in partners:
        by_source.setdefault(key[0], []).append(key)
    lang = {s.sid: s.lang for s in sources}
    old = {sources[k].sid for k in recycled_of}
    bridges: list[tuple[int, int, int, int, int, int]] = []
    for t in translated:
        if t.a != t.b and t.a not in recycled_of and t.b not in recycled_of:
            ia, ib = sources[t.a].sid, sources[t.b].sid
            bridges += [(ia, a0, a1, ib, b0, b1) for a0, a1, b0, b1, _sc in t.pairs]
    for al in same_event:
        if lang[al.a.source_id] != lang[al.b.source_id] and al.score >= tuning.VERIFY:
            bridges.append((al.a.source_id, al.a.start, al.a.end, al.b.source_id, al.b.start, al.b.end))
    text = {s.sid: s.text for s in sources}
    count = _per_passage(alignments)
    extra: list[Alignment] = []
    done: set[tuple[int, int, int, int, int]] = set()
    def partners_of(end: tuple[int, int, int]) -> list[Span]:
        sid, lo, hi = end
        return [y for k in by_source.get(sid, ()) if k[1] < hi and lo < k[2] for y in partners[k]]

    ends = [((ia, a0, a1), (ib, b0, b1)) for ia, a0, a1, ib, b0, b1 in bridges if ia not in old and ib not in old]
    for (dest, d0, d1), (orig, _o0, _o1), found in two_hops(((d, o) for o, d in both_ways(ends)), partners_of):
        mine = partners_of((dest, d0, d1))
        for y in found:
            if y.source_id in (orig, dest) or lang[y.source_id] == lang[dest]:
                continue
            if any(z.source_id == y.source_id and z.start < y.end and y.start < z.end for z in mine):
                continue
            if sum(1 for z in mine if z.source_id == y.source_id) >= tuning.MAX_PER_SENTENCE:
                continue
            key5 = (dest, d0, y.source_id, y.start, y.end)
            if key5 in done:
                continue
            done.add(key5)
            mine.append(y)
            span = Span(dest, d0, d1, text[dest][d0:d1])
            if _room(count, span, y):
                extra.append(Alignment(span, y, tuning.TRANSLATION_BRIDGE_SCORE, "same-event", ("translation",)))
    return extra


def _reuse(
    sources: list[_Source], passages: list[Passage], matched: list[QuoteMatch]
) -> tuple[list[Reuse], list[Translated]]:
    """Copies, common sources and translations, each oriented by the publication dates when they differ."""
    reuse: list[Reuse] = []
    for ps in passages:
        sa, sb = sources[ps.a], sources[ps.b]
        span_a = Span(sa.sid, ps.a_start, ps.a_end, sa.text[ps.a_start : ps.a_end])
        span_b = Span(sb.sid, ps.b_start, ps.b_end, sb.text[ps.b_start : ps.b_end])
        reuse.append(_oriented(sa, span_a, sb, span_b, REUSE_COMMON if ps.quoted else REUSE_COPY))
    covered: dict[int, list[tuple[int, int]]] = {}
    for r in reuse:
        for x in (r.a, r.b):
            covered.setdefault(x.source_id, []).append((x.start, x.end))
    for m in matched:
        if min(m.a.end - m.a.start, m.b.end - m.b.start) < COMMON_MIN_CHARS:
            continue
        sa, sb = sources[m.a.src], sources[m.b.src]
        if not trivial(m) or any(lo < m.a.end and m.a.start < hi for lo, hi in covered.get(sa.sid, ())):
            continue
        span_a = Span(sa.sid, m.a.start, m.a.end, sa.text[m.a.start : m.a.end])
        span_b = Span(sb.sid, m.b.start, m.b.end, sb.text[m.b.start : m.b.end])
        reuse.append(_oriented(sa, span_a, sb, span_b, REUSE_COMMON))
    line_langs = [[line_language(s.folded[ln.start : ln.end]) or s.lang for ln in s.lines] for s in sources]
    if len({lang for langs in line_langs for lang in langs} | {s.lang for s in sources}) > 1:
        pieces = [
            [
                piece(s.index, s.text, s.folded, x.start, x.end, langs[ln.index], ln.index in s.boiler)
                for ln in s.lines
                for x in _line_sentences(s, ln)
            ]
            for s, langs in zip(sources, line_langs, strict=True)
        ]
    else:
        pieces = []  # one language throughout: nothing can be a translation
    once = _translations_once(find_translations(pieces), sources)
    for t in _joined(once, sources):
        sa, sb = sources[t.a], sources[t.b]
        span_a = Span(sa.sid, t.a_start, t.a_end, sa.text[t.a_start : t.a_end])
        span_b = Span(sb.sid, t.b_start, t.b_end, sb.text[t.b_start : t.b_end])
        if sa is sb:
            original, version = (span_a, span_b) if t.a_lang != sa.lang else (span_b, span_a)
            lang_o = t.a_lang if original is span_a else t.b_lang
            note = (
                f"the page is in {_LANG_NAMES.get(sa.lang, sa.lang)}; its {_LANG_NAMES.get(lang_o, lang_o)} "
                "passage is the original it was translated from"
            )
            reuse.append(Reuse(original, version, len(version.exact), True, REUSE_TRANSLATION, sa.sid, note))
        else:
            reuse.append(_oriented(sa, span_a, sb, span_b, REUSE_TRANSLATION))
    reuse.sort(key=lambda r: (r.a.source_id, r.a.start, r.b.source_id, r.b.start))
    return reuse, once


_LANG_NAMES = {"fr": "French", "en": "English"}


def _joined(found: list[Translated], sources: list[_Source]) -> list[Translated]:
    """Translated passages of one pair of sources read as one when little text lies between them on both sides.

    The wire's translation loses a sentence or two on the way (a quote left out): that is one translation with a
    gap, not two. The sentence pairs stay as they were (they feed the alignments); only the reuse entry is joined.
    """
    out: list[Translated] = []
    for t in sorted(found, key=lambda t: (t.a, t.b, t.a_start)):
        last = out[-1] if out else None
        if (
            last is not None
            and t.a != t.b
            and (last.a, last.b) == (t.a, t.b)
            and 0 <= t.a_start - last.a_end <= tuning.TRANSLATION_JOIN_GAP
            and 0 <= t.b_start - last.b_end <= tuning.TRANSLATION_JOIN_GAP
        ):
            out[-1] = replace(last, a_end=t.a_end, b_end=t.b_end, sentences=last.sentences + t.sentences)
            continue
        out.append(t)
    return out


def _translations_once(found: list[Translated], sources: list[_Source]) -> list[Translated]:
    """A passage is translated once: of overlapping candidates, the best-sharing pair of sources wins.

    The pair of sources sharing the most translated sentences in all comes first (a translation of the wire also
    matches a relay copying part of it), then the most sentence pairs, then the earliest.
    """
    far = dt.date.max
    per_pair: Counter[tuple[int, int]] = Counter()
    for t in found:
        per_pair[(t.a, t.b)] += t.sentences

    def key(t: Translated) -> tuple[int, int, dt.date]:
        return (-per_pair[(t.a, t.b)], -t.sentences, min(sources[t.a].published or far, sources[t.b].published or far))

    kept: list[Translated] = []
    for t in sorted(found, key=key):
        spans = ((t.a, t.a_start, t.a_end), (t.b, t.b_start, t.b_end))
        if any(
            src == k_src and lo < k_hi and k_lo < hi
            for k in kept
            for k_src, k_lo, k_hi in ((k.a, k.a_start, k.a_end), (k.b, k.b_start, k.b_end))
            for src, lo, hi in spans
        ):
            continue
        kept.append(t)
    return kept


def _line_sentences(s: _Source, ln: Line) -> list[Sentence]:
    return split_sentences(s.text, s.folded, ln) if ln.end > ln.start else []


def _oriented(sa: _Source, span_a: Span, sb: _Source, span_b: Span, relation: str) -> Reuse:
    pa, pb = sa.published, sb.published
    if pa is not None and pb is not None and pa != pb:
        if pb < pa:
            sa, sb, span_a, span_b, pa, pb = sb, sa, span_b, span_a, pb, pa
        note = f"source {sa.sid} published {pa.isoformat()}, source {sb.sid} published {pb.isoformat()}"
        return Reuse(span_a, span_b, len(span_b.exact), True, relation, sa.sid, note)
    if pa is not None and pa == pb:
        note = f"both published {pa.isoformat()}: the dates do not tell which came first"
    else:
        note = "a publication date is missing: which came first is unknown"
    return Reuse(span_a, span_b, len(span_b.exact), False, relation, None, note)


def prepare_sources(inputs: Sequence[CompareInput]) -> list[_Source]:
    """Every source prepared as the comparison reads it (lines, boilerplate, sentences, figures, dates, quotes)."""
    return [_prepare(k, inp) for k, inp in enumerate(inputs)]


def _units(sources: list[_Source]) -> list[SentRef]:
    """Sentences (captions and credits left out) and the clauses of long sentences, as alignment units."""
    units: list[SentRef] = []
    parent = 0
    for s in sources:
        said: set[str] = set()
        for x in s.sentences:
            folded = s.folded[x.start : x.end]
            if is_caption_sentence(folded) or folded in said:
                continue  # a caption, or a sentence the source already said (a caption repeating the lead)
            said.add(folded)
            units.append(SentRef(s.index, x.start, x.end, parent, s.lang))
            for lo, hi in split_clauses(s.text, x.start, x.end):
                units.append(SentRef(s.index, lo, hi, parent, s.lang))
            parent += 1
    return units


def _prepare(k: int, inp: CompareInput) -> _Source:
    text = inp.text
    folded = fold(text)
    lines = split_lines(text)
    boiler = find_boilerplate(text, folded, lines)
    ranges = [(ln.start, ln.end) for ln in lines if ln.index not in boiler and ln.end > ln.start]
    sentences = [s for ln in lines if ln.index not in boiler for s in split_sentences(text, folded, ln)]
    published, pub_mention = inp.published, None
    dates_all = find_dates(folded, published)
    header = header_dates(folded, lines, dates_all)
    if published is None and header:
        pub_mention = header[0]
        published = pub_mention.value
        dates_all = find_dates(folded, published)
    header_starts = {d.start for d in header if d.value == published}
    in_boiler = _in_lines(lines, boiler)
    dates = [
        d for d in dates_all if not in_boiler(d.start) and not _is_dateline(text, d) and d.start not in header_starts
    ]
    masked = _blank_lines(folded, lines, boiler)
    lang = language_of(inp.language, folded)
    if lang == "en":
        masked = _EN_THOUSANDS.sub(" ", masked)
    quantities = find_quantities(masked, [(d.start, d.end) for d in dates_all])
    quotes = find_quotes(k, text, folded, ranges)
    return _Source(
        k,
        inp,
        folded,
        lines,
        boiler,
        ranges,
        sentences,
        dates_all,
        dates,
        quantities,
        quotes,
        lang,
        published,
        pub_mention,
    )


def _is_dateline(text: str, d: DateMention) -> bool:
    return _DATELINE.match(text, text.rfind("\n", 0, d.start) + 1, d.start) is not None


def _in_lines(lines: list[Line], chosen: dict[int, str]) -> Callable[[int], bool]:
    starts = [ln.start for ln in lines]

    def inside(pos: int) -> bool:
        return bisect_right(starts, pos) - 1 in chosen

    return inside


def _blank_lines(folded: str, lines: list[Line], chosen: dict[int, str]) -> str:
    """``folded`` with the chosen lines blanked out (same length, so offsets hold)."""
    if not chosen:
        return folded
    parts = list(folded)
    for ln in lines:
        if ln.index in chosen:
            parts[ln.start : ln.end] = " " * (ln.end - ln.start)
    return "".join(parts)


def _lead_start(s: _Source) -> int:
    return s.ranges[0][0] if s.ranges else 0


def _span(s: _Source, x: SentRef | Sentence) -> Span:
    return Span(s.sid, x.start, x.end, s.text[x.start : x.end])


class _Sorted:
    """Items sorted by start, with their starts for bisection."""

    __slots__ = ("items", "starts")

    def __init__(self, items: Sequence[Quantity | DateMention | Mention]) -> None:
        self.items = sorted(items, key=lambda i: i.start)
        self.starts = [i.start for i in self.items]


def _other_months(s: _Source, u: SentRef, event: dt.date | None) -> frozenset[tuple[int, int]]:
    """Months a unit names that lie ``OTHER_EVENT_MONTHS`` or more from its source's event (another event's)."""
    if event is None:
        return frozenset()
    return frozenset(
        (d.value.year, d.value.month)
        for d in _within(_d(s), u.start, u.end)
        if d.precision == "month"
        and abs((d.value.year - event.year) * 12 + d.value.month - event.month) >= tuning.OTHER_EVENT_MONTHS
    )


def _same_event(
    units: list[SentRef],
    sources: list[_Source],
    reported: list[dt.date | None],
    recycled_of: dict[int, Recycled],
) -> Callable[[int, int], bool]:
    """Whether two units may align: not when one side tells another event.

    « Remember that last December the council passed the 2026 budget by 27 votes to 22 » shares its words with
    this year's vote; a sentence naming a month far from its source's event (« last December », « en mars 2024 »)
    meets only a sentence naming the same month. Recycled sources keep their pairs (shown as recycled).
    """
    months: dict[int, frozenset[tuple[int, int]]] = {}

    def other(k: int) -> frozenset[tuple[int, int]]:
        if k not in months:
            u = units[k]
            months[k] = _other_months(sources[u.src], u, reported[u.src])
        return months[k]

    def keep(i: int, j: int) -> bool:
        if units[i].src in recycled_of or units[j].src in recycled_of:
            return True
        a, b = other(i), other(j)
        return a == b or bool(a & b)

    return keep


def _within(sorted_items: _Sorted, lo: int, hi: int) -> list[Any]:
    """Items lying inside ``[lo, hi)``."""
    items, starts = sorted_items.items, sorted_items.starts
    k = bisect_left(starts, lo)
    out: list[Any] = []
    while k < len(items) and items[k].start < hi:
        if items[k].end <= hi:
            out.append(items[k])
        k += 1
    return out


def _q(s: _Source) -> _Sorted:
    assert s.by_q is not None
    return s.by_q


def _d(s: _Source) -> _Sorted:
    assert s.by_d is not None
    return s.by_d


def _m(s: _Source) -> _Sorted:
    assert s.by_m is not None
    return s.by_m


def _pair_edges(sa: _Source, a: SentRef, sb: _Source, b: SentRef, p: Pair, *, people: bool = True) -> list[Edge]:
    """Value edges of an aligned pair; participants only for a pair that is surely one fact (``people``)."""
    edges = quantity_edges(
        sa.sid, sa.text, _within(_q(sa), a.start, a.end), sb.sid, sb.text, _within(_q(sb), b.start, b.end)
    )
    edges += date_edges(
        sa.sid, sa.text, _within(_d(sa), a.start, a.end), sb.sid, sb.text, _within(_d(sb), b.start, b.end)
    )
    if not people:
        return edges
    edges += participant_edges(
        sa.sid,
        sa.text,
        sa.folded[a.start : a.end],
        _within(_m(sa), a.start, a.end),
        sb.sid,
        sb.text,
        sb.folded[b.start : b.end],
        _within(_m(sb), b.start, b.end),
        p.score,
    )
    return edges


def _lone_amount_edges(sa: _Source, a: SentRef, sb: _Source, b: SentRef, unit: str = "") -> list[Edge]:
    """A weakly aligned pair sharing a counted noun compares its one amount (money) on each side.

    « raise bilateral trade to $80 billion a year by 2030 » / « Their target: $60 billion in yearly trade »: the
    pair shares only « billion », too little for every figure to be compared, but a sum of money stated once in each
    sentence of the same fact is the same sum. With ``unit`` (« % »): the pair shares what its percentages measure
    (« property tax » by « 4.5 per cent » and by « 3.5% »), and the one percentage of each side is compared.
    """
    def kept(q: Quantity) -> bool:
        return q.unit == unit if unit else q.category == "amount"

    qa = [q for q in _within(_q(sa), a.start, a.end) if kept(q)]
    qb = [q for q in _within(_q(sb), b.start, b.end) if kept(q)]
    if len(qa) != 1 or len(qb) != 1 or qa[0].unit != qb[0].unit:
        return []
    return quantity_edges(sa.sid, sa.text, qa, sb.sid, sb.text, qb)


def _event_day_edges(
    sa: _Source, a: SentRef, day_a: dt.date | None, sb: _Source, b: SentRef, day_b: dt.date | None
) -> list[Edge]:
    """The days of a weakly aligned pair, compared when each sentence is where its source dates the event.

    Two paraphrased leads (« s'est échoué mardi soir » / « Lundi 8 juin au soir, … s'est planté ») align on little
    but are each source's account of when it happened: their days are the story's date, stated differently.
    """
    if day_a is None or day_b is None or day_a == day_b:
        return []
    da = [d for d in _within(_d(sa), a.start, a.end) if d.precision == "day" and d.value == day_a]
    db = [d for d in _within(_d(sb), b.start, b.end) if d.precision == "day" and d.value == day_b]
    if not da or not db:
        return []
    return date_edges(sa.sid, sa.text, da, sb.sid, sb.text, db)


def _lead_day(s: _Source, day: dt.date | None) -> DateMention | None:
    """Where the source dates its event: the first mention of its event's day (dates sorted by position)."""
    if day is None:
        return None
    days = [d for d in s.dates if d.precision == "day" and d.value == day]
    return min(days, key=lambda d: d.start) if days else None


def _with_event_days(
    alignments: tuple[Alignment, ...],
    sources: list[_Source],
    reported: list[dt.date | None],
    recycled_of: dict[int, Recycled],
    compared: set[int],
) -> tuple[Alignment, ...]:
    """Alignments plus the sentences where two sources first date their event, when their words did not align.

    Each is its source's account of when it happened: « walked out on Thursday » / « stopped work on Wednesday »,
    « held a video call on Tuesday » / « On Monday, … picked up the phone ». As for the days compared
    (``_lead_day_edges``), one of the two sources must have had no date compared through aligned sentences.
    """
    leads: list[tuple[_Source, Sentence]] = []
    for s, rep in zip(sources, reported, strict=True):
        d = _lead_day(s, rep) if s.index not in recycled_of else None
        if d is None:
            continue
        sent = next((x for x in s.sentences if x.start <= d.start < x.end), None)
        if sent is not None and not is_headline(s.text[sent.start : sent.end]):
            leads.append((s, sent))
    if len(leads) < 2:
        return alignments
    seen = _PairIndex(alignments)
    extra = []
    count = _per_passage(alignments)
    for k, (sa, xa) in enumerate(leads):
        for sb, xb in leads[k + 1 :]:
            if sa.sid in compared and sb.sid in compared:
                continue
            if seen.meets(sa.sid, xa.start, xa.end, sb.sid, xb.start, xb.end):
                continue
            span_a, span_b = _span(sa, xa), _span(sb, xb)
            if _room(count, span_a, span_b):
                extra.append(Alignment(span_a, span_b, tuning.FIGURE_FLOOR, "same-event", ("event-day",)))
    return _merged(alignments, extra)


def _with_wording_pairs(
    alignments: tuple[Alignment, ...], sources: list[_Source], wording: list[Edge]
) -> tuple[Alignment, ...]:
    """Alignments plus the sentences a rank or a quote-vs-reported finding compares, when they did not align.

    « l'une des plus fréquentées de la région » (a clause of a long sentence) and « est la plus fréquentée de la
    région » state one fact differently; so do a quotation and the same words reported: the finding ties them.
    """
    by_sid = {s.sid: s for s in sources}

    def sentence(span: ValueSpan) -> Sentence | None:
        src = by_sid.get(span.source_id)
        if src is None:
            return None
        return next((x for x in src.sentences if x.start <= span.start < x.end), None)

    have = _PairIndex(alignments)
    extra: list[Alignment] = []
    count = _per_passage(alignments)
    for e in wording:
        if e.a.source_id == e.b.source_id:
            continue
        xa, xb = sentence(e.a), sentence(e.b)
        if xa is None or xb is None:
            continue
        ia, ib = e.a.source_id, e.b.source_id
        if have.meets(ia, xa.start, xa.end, ib, xb.start, xb.end):
            continue
        have.add(ia, xa.start, xa.end, ib, xb.start, xb.end)
        anchor = "rank" if e.group.startswith("rank:") else "quote"
        span_a, span_b = _span(by_sid[ia], xa), _span(by_sid[ib], xb)
        if _room(count, span_a, span_b):
            extra.append(Alignment(span_a, span_b, tuning.FIGURE_FLOOR, "same-event", (anchor,)))
    return _merged(alignments, extra)


def _per_passage(alignments: tuple[Alignment, ...]) -> Counter[tuple[int, int]]:
    """Alignments per passage (source id, start): added pairs respect ``tuning.MAX_PER_SENTENCE_TOTAL`` too."""
    count: Counter[tuple[int, int]] = Counter()
    for al in alignments:
        count[(al.a.source_id, al.a.start)] += 1
        count[(al.b.source_id, al.b.start)] += 1
    return count


def _room(count: Counter[tuple[int, int]], a: Span, b: Span) -> bool:
    """Whether two passages may take one more alignment each (and count it when they may)."""
    ka, kb = (a.source_id, a.start), (b.source_id, b.start)
    if count[ka] >= tuning.MAX_PER_SENTENCE_TOTAL or count[kb] >= tuning.MAX_PER_SENTENCE_TOTAL:
        return False
    count[ka] += 1
    count[kb] += 1
    return True


def _lead_day_edges(
    sources: list[_Source], reported: list[dt.date | None], recycled_of: dict[int, Recycled], compared: set[int]
) -> list[Edge]:
    """The event's day as each source first states it, compared across sources whatever their sentences align.

    « walked out on Thursday » / « stopped work on Wednesday », « held a video call on Tuesday » / « On Monday, …
    picked up the phone »: two leads told in different words share no anchor, but each is where its source says
    when the event happened. Days further apart than ``tuning.LEAD_DAY_GAP`` are another event, not a disagreement.
    Only a source none of whose dates was compared through aligned sentences takes part: a story has several days
    (the fire started on Tuesday, the evacuation on Wednesday) and aligned sentences say which is which.
    """
    leads = [
        (s, d) for s, rep in zip(sources, reported, strict=True)
        if s.index not in recycled_of and (d := _lead_day(s, rep)) is not None
    ]
    if len({d.value for _, d in leads}) < 2:
        return []
    edges: list[Edge] = []
    for k, (sa, da) in enumerate(leads):
        for sb, db in leads[k + 1 :]:
            if abs((da.value - db.value).days) > tuning.LEAD_DAY_GAP or (sa.sid in compared and sb.sid in compared):
                continue
            edges.extend(date_edges(sa.sid, sa.text, [da], sb.sid, sb.text, [db]))
    return edges


def _interactions(s: _Source, event: dt.date | None) -> SourceInteractions:
    items = []
    for x in s.sentences:
        mentions = _within(_m(s), x.start, x.end)
        if len(mentions) >= 2 and near_event(_within(_d(s), x.start, x.end), event):
            items += sentence_interactions(s.folded, x.start, x.end, mentions)
    return SourceInteractions(s.sid, s.text, tuple(items))


def _claims(s: _Source, event: dt.date | None) -> list[Claim]:
    near = [near_event(_within(_d(s), x.start, x.end), event) for x in s.sentences]
    read = english_claims if s.lang == "en" else sentence_claims
    return read(s.sid, s.text, s.folded, s.sentences, near)


def _dedupe(found: list[Discrepancy]) -> list[Discrepancy]:
    """Drop a finding that repeats another one.

    A participant discrepancy whose spans all belong to another one is the same fact found twice; a figure whose
    every span lies inside the spans of one quote-wording finding (« ten years » quoted, « twenty years »
    reported) is that wording change told again.
    """
    keys = [frozenset((v.source_id, v.start, v.end) for v in d.spans) for d in found]
    quoted = [d.spans for d in found if d.kind == "quote_wording"]
    out = []
    for k, d in enumerate(found):
        if d.kind == "participant" and any(
            j != k and found[j].kind == "participant" and keys[k] <= keys[j] and (keys[k] < keys[j] or j < k)
            for j in range(len(found))
        ):
            continue
        if d.kind in ("number", "count") and any(
            all(any(v.source_id == w.source_id and w.start <= v.start and v.end <= w.end for w in q) for v in d.spans)
            for q in quoted
        ):
            continue
        out.append(d)
    return out


def _fact_edges(sources: list[_Source], recycled_of: dict[int, Recycled]) -> list[Edge]:
    """Counts of the same noun and event in sentences that did not align (see :mod:`.facts`)."""
    kept = [s for s in sources if s.index not in recycled_of]
    per = [event_counts(s.index, s.text, s.folded, s.sentences, s.quantities) for s in kept]
    edges = []
    for x, y in same_fact_pairs(per):
        sa, sb = sources[x.src], sources[y.src]
        noun, family = x.key
        note = f"{noun[2:]}… {family}: same count stated differently" if sa is not sb else ""
        edges.append(figure_edge(sa.sid, sa.text, x.q, sb.sid, sb.text, y.q, note))
    return edges


def _quote_edges(
    sources: list[_Source], recycled_of: dict[int, Recycled], roles: Roles, all_matched: list[QuoteMatch]
) -> list[Edge]:
    quotes = [q for s in sources if s.index not in recycled_of for q in s.quotes]
    edges: list[Edge] = []
    matched = match_quotes(quotes, [s.text for s in sources]) if recycled_of else all_matched
    known = {frozenset({(m.a.src, m.a.start), (m.b.src, m.b.start)}) for m in matched}
    for qa, qb, _n in match_paraphrases(quotes, known):
        sa, sb = sources[qa.src], sources[qb.src]
        xa, xb = _speaker(sa, qa, roles), _speaker(sb, qb, roles)
        if xa is None or xb is None or xa.name != xb.name:
            continue
        va = ValueSpan(sa.sid, qa.start, qa.end, sa.text[qa.start : qa.end], quote_value(sa.text, qa))
        vb = ValueSpan(sb.sid, qb.start, qb.end, sb.text[qb.start : qb.end], quote_value(sb.text, qb))
        note = f"source {sa.sid} vs source {sb.sid}: {xa.name} quoted in different words (translation or paraphrase)"
        edges.append(Edge("quote_wording", "quote", va, vb, False, note))
    for m in matched:
        sa, sb = sources[m.a.src], sources[m.b.src]
        va = ValueSpan(sa.sid, m.a.start, m.a.end, sa.text[m.a.start : m.a.end], quote_value(sa.text, m.a))
        vb = ValueSpan(sb.sid, m.b.start, m.b.end, sb.text[m.b.start : m.b.end], quote_value(sb.text, m.b))
        same = not m.diff or trivial(m)
        note = f"source {sa.sid} vs source {sb.sid}: {m.diff}" if not same else ""
        edges.append(Edge("quote_wording", "quote", va, vb, same, note))
        edges.extend(_speaker_edges(sa, sb, m, roles))
    return edges


def _speaker_edges(sa: _Source, sb: _Source, m: QuoteMatch, roles: Roles) -> list[Edge]:
    xa, xb = _speaker(sa, m.a, roles), _speaker(sb, m.b, roles)
    if xa is None or xb is None:
        return []
    va, vb = _as_spelled(mspan(sa.sid, sa.text, xa)), _as_spelled(mspan(sb.sid, sb.text, xb))
    words = sa.text[m.a.start : m.a.end].split()
    short = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
    note = f"« {short} » attributed to {va.value} (source {sa.sid}) vs {vb.value} (source {sb.sid})"
    return [Edge("participant", "speaker", va, vb, xa.name == xb.name, note)]


def _as_spelled(v: ValueSpan) -> ValueSpan:
    """The speaker as the source spells a full name (« Oleksandr Petrenko » where another writes « Aleksandr »).

    Who is who is decided on the dossier's one name per person; the value shown is the source's own words when
    they are a full name of that person (capitalised words ending in the same surname).
    """
    own = v.exact.split()
    name = str(v.value).split()
    if len(own) >= 2 and all(w[:1].isupper() for w in own) and name and fold(own[-1]) == fold(name[-1]):
        return replace(v, value=" ".join(own))
    return v


def _speaker(s: _Source, q: Quote, roles: Roles) -> Mention | None:
    """Who a quote is attributed to.

    The person an attribution pattern names (« », a déclaré la préfète X; X a reconnu : « »; selon le maire),
    see :mod:`.speakers`; else the nearest person named in its sentence outside the quote, else (after « a-t-il
    ajouté ») the last person named in the previous sentence.
    """
    starts = [x.start for x in s.sentences]
    k0 = max(0, bisect_right(starts, q.start - 1) - 1)
    k1 = max(0, bisect_right(starts, max(q.start, q.end - 1)) - 1)
    if not s.sentences:
        return None
    lo, hi = s.sentences[k0].start, s.sentences[k1].end
    named = attributed(s.folded, lo, hi, q.start, q.end, _within(_m(s), lo, hi), roles)
    if named is not None:
        return named
    around: list[Mention] = [x for x in _within(_m(s), lo, hi) if x.end <= q.start or x.start >= q.end]
    if around:
        return min(around, key=lambda x: min(abs(q.start - x.end), abs(x.start - q.end)))
    outside = s.folded[lo : max(lo, q.start - 1)] + " " + s.folded[min(hi, q.end + 1) : hi]
    if k0 > 0 and _PRONOUN_SPEECH.search(outside):
        prev = s.sentences[k0 - 1]
        previous: list[Mention] = _within(_m(s), prev.start, prev.end)
        if previous:
            return previous[-1]
    return None


def _report(s: _Source, reported: dt.date | None, rec: Recycled | None, relay_spans: list[Span]) -> SourceReport:
    flags: list[str] = []
    evidence: list[FlagEvidence] = []
    notes: list[str] = []
    verdict = None
    if rec is not None:
        spans = tuple(Span(s.sid, d.start, d.end, s.text[d.start : d.end]) for d in rec.evidence)
        flags.append(FLAG_RECYCLED)
        evidence.append(FlagEvidence(FLAG_RECYCLED, spans))
        notes.append(rec.note)
        verdict = VERDICT_OUT_OF_CONTEXT
    if relay_spans:
        flags.append(FLAG_RELAY)
        evidence.append(FlagEvidence(FLAG_RELAY, tuple(sorted(relay_spans, key=lambda x: x.start))))
        notes.append(f"reuses {sum(len(x.exact) for x in relay_spans)} characters of an earlier source")
    if s.published_span is not None:
        d = s.published_span
        notes.append(f"publication date {s.published} read from the text (« {s.text[d.start : d.end]} »)")
    boiler = tuple(Span(s.sid, ln.start, ln.end, s.text[ln.start : ln.end]) for ln in s.lines if ln.index in s.boiler)
    if boiler:
        flags.append(FLAG_BOILERPLATE)
        evidence.append(FlagEvidence(FLAG_BOILERPLATE, boiler))
        notes.append(f"{len(boiler)} boilerplate line{'s' if len(boiler) > 1 else ''}")
    return SourceReport(s.sid, s.published, reported, tuple(flags), tuple(evidence), boiler, verdict, "; ".join(notes))
