"""Who talked with whom, and how: interactions stated anywhere in a source, compared across sources.

Sentence alignment misses the sentences that state an interaction in different words (a translated readout, a
blog's paraphrase: « Avant de s'entretenir avec Donald Trump, Vladimir Poutine a participé à une téléconférence
avec Xi Jinping » against « Xi Jinping a tenu un entretien avec Vladimir Poutine juste avant un échange téléphonique
avec Donald Trump »). So interactions are read from every reporting sentence naming at least two persons:

* « X ... avec [titre] Y » next to an interaction word (entretien, conversation, appel, visioconférence...): X is
  the first person of the sentence not introduced by « avec », Y the person after « avec »;
* « X et [titre] Y se sont entretenus / ont tenu ... / ont échangé ... »: X and Y together.

Each interaction also records its channel (video or telephone) when a channel word qualifies it. Across sources,
a person whose counterparts in one source and in another are disjoint is a ``participant`` discrepancy (« who did
Trump speak with: Putin or Xi? »), and a pair of persons that met by video in one source and by telephone in
another is an ``other`` discrepancy. Sentences dated far from the event (another meeting) are left out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.compare.dates import DateMention
from workbench.core.compare.discrepancies import Edge, mspan
from workbench.core.compare.model import ValueSpan
from workbench.core.compare.persons import Mention

_CUE = re.compile(
    r"entretien|entretenu|entretient|entretenir|entretenue|entretiennent|conversation|echange|appel|telephon|"
    r"visio|video|teleconference|reunion|rencontr|discussion|discute|dialogue|parle|spoke|talk|call|met\b|meeting|"
    r"phone"
)
_AVEC = re.compile(
    r"\b(?:avec|with|(?:phone|phoned|spoke|talked|called|speaking|talking)\s+to)\s+"
    r"((?:(?!(?:avec|with|to)\b)[\w'.-]+\s+){0,5})$"
)
"""The word before a counterpart: « avec », « with », or « spoke to » / « picked up the phone to »."""
_TOGETHER = re.compile(
    r"\s*(?:,\s*)?(?:se sont (?:entretenus|parle|rencontres|telephone)|ont (?:tenu|eu|echange|discute|dialogue)|"
    r"(?:have |had )?(?:spoke|talked|met|held))\b"
)
_VIDEO = re.compile(
    r"visio\s?-?conference|video\s?-?conference|reunion (?:virtuelle|video|en ligne)|appel video|rencontre video|"
    r"entretien video|par video|en video|videoconference|video call|video link"
)
_PHONE = re.compile(
    r"telephon|appel telephonique|coup de fil|phone call|by phone|by telephone|on the phone|picked up the phone|phoned"
)
_CLAUSE = re.compile(r"[,;:()]|\b(?:avant|apres|puis|tandis|alors que|before|after)\b")
NEAR_DAYS = 3
"""Sentences with a day-precise date farther than this from the event report another interaction."""


@dataclass(frozen=True, slots=True)
class Interaction:
    """``who`` interacted with ``other`` (mention of the counterpart), by ``channel`` (``video``, ``phone`` or "")."""

    who: str
    other: Mention
    channel: str
    channel_span: tuple[int, int] | None


def _channel(folded: str, lo: int, hi: int) -> tuple[str, tuple[int, int] | None]:
    found: list[tuple[int, int, str]] = []
    for rx, name in ((_VIDEO, "video"), (_PHONE, "phone")):
        for m in rx.finditer(folded, lo, hi):
            found.append((m.start(), m.end(), name))
    if not found or len({f[2] for f in found}) > 1:
        return "", None
    a, b, name = found[-1]
    return name, (a, b)


def _clause_end(folded: str, pos: int, hi: int) -> int:
    m = _CLAUSE.search(folded, pos, hi)
    return m.start() if m else hi


def sentence_interactions(folded: str, lo: int, hi: int, mentions: Sequence[Mention]) -> list[Interaction]:
    """Interactions stated in the sentence ``folded[lo:hi]`` whose person mentions are ``mentions`` (sorted)."""
    if len(mentions) < 2 or not _CUE.search(folded, lo, hi):
        return []
    out: list[Interaction] = []
    partners: list[Mention] = []
    for k, m in enumerate(mentions):
        prev_end = mentions[k - 1].end if k else lo
        before = folded[max(prev_end, m.start - 60) : m.start]
        am = _AVEC.search(before)
        if am is None or "," in am.group(1):
            continue
        avec_at = m.start - len(before) + am.start()
        if _CUE.search(folded, max(lo, avec_at - 70), m.start - len(before) + am.start(1)) is None:
            continue
        partners.append(m)
    subject = next((m for m in mentions if m not in partners), None)
    if subject is not None:
        for m in partners:
            if m.name == subject.name:
                continue
            k = mentions.index(m)
            prev_end = mentions[k - 1].end if k else lo
            channel, cspan = _channel(folded, max(prev_end, m.start - 70), m.start)
            if not channel:
                after_hi = mentions[k + 1].start if k + 1 < len(mentions) else hi
                channel, cspan = _channel(folded, m.end, _clause_end(folded, m.end, min(after_hi, m.end + 50)))
            out.append(Interaction(subject.name, m, channel, cspan))
            out.append(Interaction(m.name, subject, channel, cspan))
    for a, b in itertools.pairwise(mentions):
        gap = folded[a.end : b.start]
        if a.name == b.name or not re.fullmatch(r",?\s+(?:et|and)\s+(?:[\w'.-]+,?\s+){0,4}", gap):
            continue
        if b in partners or a in partners or not _TOGETHER.match(folded, b.end, hi):
            continue
        channel, cspan = _channel(folded, b.end, _clause_end(folded, b.end + 2, min(hi, b.end + 120)))
        out.append(Interaction(a.name, b, channel, cspan))
        out.append(Interaction(b.name, a, channel, cspan))
    return out


def near_event(dates: Sequence[DateMention], event: dt.date | None) -> bool:
    """Whether a sentence's dates (if any) allow it to report the event's interactions."""
    if event is None:
        return True
    for d in dates:
        if d.precision == "day" and abs((d.value - event).days) > NEAR_DAYS:
            return False
        if d.precision == "year" and d.value.year != event.year:
            return False
    return True


@dataclass(frozen=True, slots=True)
class SourceInteractions:
    """The interactions one source states, with its id and text (for value spans)."""

    source_id: int
    text: str
    items: tuple[Interaction, ...]


def interaction_edges(per_source: Sequence[SourceInteractions]) -> list[Edge]:
    """Counterpart and channel disagreements between sources."""
    edges: list[Edge] = []
    partners: dict[str, dict[int, list[Interaction]]] = defaultdict(lambda: defaultdict(list))
    for src in per_source:
        for it in src.items:
            partners[it.who][src.source_id].append(it)
    by_id = {s.source_id: s for s in per_source}
    for who in sorted(partners):
        per = partners[who]
        names = {sid: {it.other.name for it in its} for sid, its in per.items()}
        ids = sorted(per)
        if not any(not (names[x] & names[y]) for i, x in enumerate(ids) for y in ids[i + 1 :]):
            continue
        spans: list[ValueSpan] = []
        for sid in ids:
            seen: set[str] = set()
            for it in per[sid]:
                if it.other.name not in seen:
                    seen.add(it.other.name)
                    spans.append(mspan(sid, by_id[sid].text, it.other))
        note_parts = [f"source {sid}: {', '.join(sorted(names[sid]))}" for sid in ids]
        note = f"{who} interacted with — " + "; ".join(note_parts)
        first = spans[0]
        for other in spans[1:]:
            agree = other.value == first.value or (
                other.source_id != first.source_id
                and bool(names[other.source_id] & names[first.source_id])
                and other.value in names[first.source_id]
            )
            if other.source_id == first.source_id:
                agree = True
            edges.append(Edge("participant", f"with:{who}", first, other, agree, note))
    edges.extend(_channel_edges(per_source))
    return edges


def _channel_edges(per_source: Sequence[SourceInteractions]) -> list[Edge]:
    """A pair of persons that talked by video in one source and by telephone in another."""
    chans: dict[tuple[str, str], dict[int, list[ValueSpan]]] = defaultdict(lambda: defaultdict(list))
    for src in per_source:
        for it in src.items:
            if not it.channel or it.channel_span is None or it.who > it.other.name:
                continue
            a, b = it.channel_span
            value = "video" if it.channel == "video" else "telephone"
            span = ValueSpan(src.source_id, a, b, src.text[a:b], value, "channel")
            lst = chans[(it.who, it.other.name)][src.source_id]
            if all(x.start != a for x in lst):
                lst.append(span)
    edges: list[Edge] = []
    for (x, y), per in sorted(chans.items()):
        kinds = {sid: {s.value for s in spans} for sid, spans in per.items()}
        single = {sid: next(iter(v)) for sid, v in kinds.items() if len(v) == 1}
        if len(set(single.values())) < 2:
            continue
        note = f"how {x} and {y} talked: " + "; ".join(f"source {sid}: {v}" for sid, v in sorted(single.items()))
        spans = [per[sid][0] for sid in sorted(single)]
        first = spans[0]
        edges += [Edge("other", f"channel:{x}|{y}", first, s, s.value == first.value, note) for s in spans[1:]]
    return edges
