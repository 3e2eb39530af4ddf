"""Which event a source reports, the dossier's event date, and sources recycled from another event.

A classic out-of-context case is an old article (last year's meeting, flood, speech) circulating as news. Each
source's own dates tell which event it reports: its dateline and its day-precise mentions, relative ones resolved
against its publication date. The dossier's event date is the most common of these; a source whose reported event
lies weeks away from it is flagged ``recycled`` with the date spans that show it, and the flag proposes the
``out-of-context`` verdict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.compare.dates import DateMention
from workbench.core.compare.textutil import Line

FAR_DAYS = 20
"""A reported event this many days or more from the dossier's event is another event."""
LEAD_CHARS = 600
"""Mentions in the first characters of a text (dateline, lead) weigh double."""


@dataclass(frozen=True, slots=True)
class Recycled:
    """Why a source is recycled: the date mentions pointing to the other event, and one human line."""

    evidence: tuple[DateMention, ...]
    note: str


def reported_event_date(dates: Sequence[DateMention], published: dt.date | None, lead_start: int = 0) -> dt.date | None:
    """The day a source reports on: its most frequent past day-precise date mention, lead mentions weighing double.

    Args:
        dates: date mentions of the source's reporting text (boilerplate excluded).
        published: publication date; mentions more than a day after it are announcements, not the event.
        lead_start: offset where the reporting text starts (the lead is the ``LEAD_CHARS`` after it).
    """
    score: Counter[dt.date] = Counter()
    for d in dates:
        if d.precision != "day" or (published is not None and d.value > published + dt.timedelta(days=1)):
            continue
        score[d.value] += 2 if d.start < lead_start + LEAD_CHARS else 1
    if not score:
        return None
    ref = published or max(score)
    return max(score, key=lambda day: (score[day], -abs((ref - day).days)))


def dossier_event_date(reported: Sequence[dt.date | None]) -> dt.date | None:
    """Most common reported event date of the sources (ties: the most recent)."""
    votes = Counter(d for d in reported if d is not None)
    if not votes:
        return None
    return max(votes, key=lambda d: (votes[d], d))


def recycled(
    event: dt.date,
    reported: dt.date | None,
    published: dt.date | None,
    dates: Sequence[DateMention],
    reporting: Sequence[DateMention] = (),
) -> Recycled | None:
    """Whether a source reports another event than ``event``, with the mentions proving it.

    Args:
        event: the dossier's event date.
        reported: the source's reported event date.
        published: its publication date.
        dates: all its date mentions, boilerplate lines included (a "published on" line is evidence too).
        reporting: the mentions of its reporting text only; one naming the event's day (± 1) clears a source
            not published before the event: its most cited date is background, not the event it reports.
    """
    far_reported = reported is not None and abs((reported - event).days) >= FAR_DAYS
    early = published is not None and (event - published).days >= FAR_DAYS
    if not far_reported and not early:
        return None
    if not early and any(d.precision == "day" and abs((d.value - event).days) <= 1 for d in reporting):
        return None  # a current article that also names the event's day: its most cited date is background
    anchor = reported if far_reported else published
    assert anchor is not None
    evidence = []
    for d in dates:
        if d.precision == "day":
            if abs((d.value - event).days) >= FAR_DAYS and abs((d.value - anchor).days) <= 45:
                evidence.append(d)
        elif d.precision == "month":
            if (d.value.year, d.value.month) not in _months_near(event) and (d.value.year, d.value.month) in (
                _months_near(anchor)
            ):
                evidence.append(d)
        elif d.value.year != event.year and d.value.year == anchor.year:
            evidence.append(d)
    if not evidence:
        return None
    days = (event - anchor).days
    when = f"{abs(days)} days {'before' if days > 0 else 'after'}"
    pub = f", published {published.isoformat()}" if published else ""
    note = (
        f"reports an event of {anchor.isoformat()}{pub}: {when} the dossier's event ({event.isoformat()}); "
        "proposed verdict: out-of-context"
    )
    return Recycled(tuple(evidence), note)


def _months_near(day: dt.date) -> set[tuple[int, int]]:
    prev = day - dt.timedelta(days=15)
    nxt = day + dt.timedelta(days=15)
    return {(prev.year, prev.month), (day.year, day.month), (nxt.year, nxt.month)}


_HEADER_LINES = 10
"""Publication dates are looked for in the first non-empty lines only (dateline, byline, « publié le »)."""
_HEADER_CUES = re.compile(r"^\W*(?:(?:date|publie|mis a jour|par|by|posted|published|updated)\b[^0-9]{0,60})?$")


def header_dates(folded: str, lines: Sequence[Line], dates: Sequence[DateMention]) -> list[DateMention]:
    """The publication dates a plain text states in its header, first one first.

    Scraped pages often keep their date as a first line (« 06/02/2026 site.com »), a byline (« Par Jean Dupont,
    le 6 février 2026 », « Par Wang Qi 22 janv. 2025 »), a « date 2026-02-04 » field or a date-only line. Only
    absolute day-precise mentions count, in the first ``_HEADER_LINES`` non-empty lines, and only when the mention
    opens its line (after at most a byline or « publié le »), or its line has at most four words besides it.
    The first one is the publication date of a source whose metadata lack one; those stating the publication date
    date the text, not the event, and are left out of the event's dating.
    """
    out = []
    header = [ln for ln in lines if folded[ln.start : ln.end].strip()][:_HEADER_LINES]
    for ln in header:
        line = folded[ln.start : ln.end]
        for d in dates:
            if d.relative or d.precision != "day" or not ln.start <= d.start < ln.end:
                continue
            before = folded[ln.start : d.start]
            if _HEADER_CUES.match(before) or len(line.split()) - len(folded[d.start : d.end].split()) <= 4:
                out.append(d)
    return out
