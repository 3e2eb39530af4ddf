"""Input and result values of the source comparison engine.

The engine runs in a worker thread and its result crosses into the services and the UI; every value here is a frozen
dataclass that can be hashed, compared and printed as JSON (``to_json``) with the field names the CLI shows.
All offsets are code points into the text of record of the source they name, end exclusive, and every span keeps the
invariant ``text[start:end] == exact``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

KINDS = ("number", "count", "date", "participant", "quote_wording", "other")
"""Discrepancy kinds, in the order the UI lists them."""

FLAG_RECYCLED = "recycled"
FLAG_RELAY = "relay"
FLAG_BOILERPLATE = "boilerplate"
VERDICT_OUT_OF_CONTEXT = "out-of-context"
REUSE_COPY = "copy"
REUSE_TRANSLATION = "translation"
REUSE_COMMON = "common-source"


@dataclass(frozen=True, slots=True)
class CompareInput:
    """One source of the dossier: its text of record and what is known of its publication."""

    source_id: int
    text: str
    published: dt.date | None
    title: str = ""
    outlet: str = ""
    language: str = ""
    """``fr``, ``en``... as recorded; empty to let the engine detect it."""


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one source's text."""

    source_id: int
    start: int
    end: int
    exact: str

    def to_json(self) -> dict[str, Any]:
        """Plain-dict form."""
        return {"source_id": self.source_id, "start": self.start, "end": self.end, "exact": self.exact}


@dataclass(frozen=True, slots=True)
class ValueSpan:
    """A span carrying the value it states, normalised (a number in base units, an ISO date, a name, a quote).

    Attributes:
        value: the normalised value: ``float``/``int`` for numbers and counts (amounts in units of ``unit``,
            durations in minutes), an ISO date string (``2026-02-03``, ``2026-02`` or ``2026``) for dates, the
            canonical name for participants, the normalised quotation for quote wording.
        unit: what the value counts (``USD``, ``EUR``, ``%``, ``min``, ``days``, ``n:emploi``, ``ord:convers``...);
            empty where it means nothing.
    """

    source_id: int
    start: int
    end: int
    exact: str
    value: float | int | str
    unit: str = ""

    def to_json(self) -> dict[str, Any]:
        """Plain-dict form."""
        return {
            "source_id": self.source_id,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "value": self.value,
            "unit": self.unit,
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two passages (sentences or clauses) of two different sources that report the same fact.

    Attributes:
        score: similarity in [0, 1].
        relation: ``same-event``, or ``recycled`` when one side is a recycled source (an earlier event told in
            the same words: not the same event).
        anchors: what the two passages share that verified the pair (numbers, months, names, quoted words).
    """

    a: Span
    b: Span
    score: float
    relation: str = "same-event"
    anchors: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Plain-dict form."""
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "score": round(self.score, 4),
            "relation": self.relation,
            "anchors": list(self.anchors),
        }


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Sources that disagree on one fact: every span states its value (agreeing spans included)."""

    kind: str
    spans: tuple[ValueSpan, ...]
    note: str

    def to_json(self) -> dict[str, Any]:
        """Plain-dict form."""
        return {"kind": self.kind, "spans": [s.to_json() for s in self.spans], "note": self.note}


@dataclass(frozen=True, slots=True)
class FlagEvidence:
    """The spans that justify one flag of a source."""

    flag: str
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class SourceReport:
    """What the comparison says about one source as a whole.

    Attributes:
        flags: among ``recycled``, ``relay``, ``boilerplate``; a flag is only raised with evidence spans.
        evidence: one entry per flag, same order as ``flags``.
        boilerplate: the line spans judged boilerplate (navigation, captions, share buttons, comments...).
        proposed_verdict: ``out-of-context`` when the source is recycled, else ``None``.
        note: one human line explaining the flags (empty without flags).
    """

    source_id: int
    published: dt.date | None
    reported_event_date: dt.date | None
    flags: tuple[str, ...] = ()
    evidence: tuple[FlagEvidence, ...] = ()
    boilerplate: tuple[Span, ...] = ()
    proposed_verdict: str | None = None
    note: str = ""

    def evidence_for(self, flag: str) -> tuple[Span, ...]:
        """Evidence spans of ``flag`` (empty if the flag is not raised)."""
        for item in self.evidence:
            if item.flag == flag:
                return item.spans
        return ()

    def to_json(self) -> dict[str, Any]:
        """Plain-dict form."""
        return {
            "source_id": self.source_id,
            "published": self.published.isoformat() if self.published else None,
            "reported_event_date": self.reported_event_date.isoformat() if self.reported_event_date else None,
            "flags": list(self.flags),
            "evidence": {e.flag: [s.to_json() for s in e.spans] for e in self.evidence},
            "boilerplate": [s.to_json() for s in self.boilerplate],
            "proposed_verdict": self.proposed_verdict,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class Reuse:
    """A passage of ``b`` that repeats ``a`` near-verbatim or translates it; ``a`` is the earlier when dates tell.

    Attributes:
        chars: length of the repeated passage in ``b`` (code points).
        oriented: whether publication dates (or, inside one source, the languages) decided which side came first.
        relation: ``copy`` (same words, same language), ``translation`` (an original and its version in another
            language) or ``common-source`` (the same wording of a quotation: a shared translation or wire).
        first: source id of the side that came first, ``None`` when nothing tells.
        evidence: one human line saying why ``first`` came first (the dates, or the page's language).
    """

    a: Span
    b: Span
    chars: int
    oriented: bool = True
    relation: str = REUSE_COPY
    first: int | None = None
    evidence: str = ""

    def to_json(self) -> dict[str, Any]:
        """Plain-dict form."""
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "chars": self.chars,
            "oriented": self.oriented,
            "relation": self.relation,
            "first": self.first,
            "evidence": self.evidence,
        }


def independent_sources(source_ids: set[int], reuse: tuple[Reuse, ...] | list[Reuse]) -> list[set[int]]:
    """``source_ids`` grouped so that sources linked by reuse (copy, translation, common source) are one group.

    The number of groups is the number of independent sources behind a claim those sources state.
    """
    parent = {s: s for s in source_ids}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in reuse:
        a, b = r.a.source_id, r.b.source_id
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups: dict[int, set[int]] = {}
    for s in source_ids:
        groups.setdefault(root(s), set()).add(s)
    return sorted(groups.values(), key=min)


@dataclass(frozen=True, slots=True)
class CompareResult:
    """Everything the comparison of one dossier found."""

    event_date: dt.date | None
    alignments: tuple[Alignment, ...]
    discrepancies: tuple[Discrepancy, ...]
    sources: tuple[SourceReport, ...]
    reuse: tuple[Reuse, ...]

    def to_json(self) -> dict[str, Any]:
        """Plain dicts and lists, ready for ``json.dumps``."""
        return {
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "alignments": [a.to_json() for a in self.alignments],
            "discrepancies": [d.to_json() for d in self.discrepancies],
            "sources": [s.to_json() for s in self.sources],
            "reuse": [r.to_json() for r in self.reuse],
        }
