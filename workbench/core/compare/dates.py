"""Date mentions in French (and plain English) news text, relative ones resolved against the publication date.

Sources rarely write the full date of what they report: « mardi », « hier », « le 4 février », « l'an dernier ».
To compare them, and to notice an article that reports last year's event, every mention is resolved to a calendar
date (or month, or year) using the source's own publication date. Matching runs on the folded text (see
:mod:`workbench.core.compare.textutil`), so offsets are offsets into the text of record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workbench.core.compare.lang import MONTH_NUMBERS, PACKS, WEEKDAY_NUMBERS, merged

MONTHS = MONTH_NUMBERS
WEEKDAYS = WEEKDAY_NUMBERS
_SMALL = merged([p.small_numbers for p in PACKS.values()])
_QUALIFIERS = "|".join(sorted({w for p in PACKS.values() for w in p.weekday_qualifiers}, key=len, reverse=True))

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_W = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_N = "|".join(sorted(_SMALL, key=len, reverse=True))

_ABSOLUTE = re.compile(
    rf"\b(?:(?P<wd>{_W})\s+)?(?:le\s+)?(?P<day>1er|premier|\d{{1,2}})\s+(?P<month>{_M})\.?"
    rf"(?:\s+(?P<year>\d{{4}})\b)?"
    rf"|\b(?P<month2>{_M})\.?\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year2>\d{{4}}))?\b(?![.,]\d)"
)
_NUMERIC = re.compile(
    r"\b(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})\b|\b(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})\b"
)
_MONTH_YEAR = re.compile(rf"\b(?:en\s+|in\s+)?(?P<month>{_M})\s+(?P<year>\d{{4}})\b")
_YEAR = re.compile(r"\b(?:en|depuis|in|since|de|d')\s*(?P<year>(?:19|20)\d{2})\b(?!\s*[-/])")
_RELATIVE_DAY = re.compile(
    r"\b(?P<word>avant-hier|apres-demain|aujourd'hui|hier|demain|ce matin|ce soir|cette nuit|"
    r"yesterday|today|tomorrow)\b"
)
_WEEKDAY = re.compile(rf"\b(?P<wd>{_W})\b(?:\s+(?P<q>{_QUALIFIERS}))?")
_WEEKDAY_BEFORE = re.compile(r"\b(chaque|tous les|le|les|every)\s+$")
# « dans la nuit de lundi à mardi », « la nuit du lundi 9 au mardi 10 »: the event is on the second day.
_NIGHT_BEFORE = re.compile(r"\b(?:nuit|soiree)\s+(?:de|du)\s+$")
_NIGHT_AFTER = re.compile(rf"(?:\s+\d{{1,2}})?\s+(?:a|au)\s+(?:{_W})\b")
_AGO = re.compile(rf"\bil y a\s+(?P<n>\d+|{_N})\s+(?P<u>jours?|semaines?|mois|ans|annees?)\b")
_REL_YEAR = re.compile(
    r"\b(?P<w>l'an dernier|l'an passe|l'annee derniere|l'annee passee|l'an prochain|l'annee prochaine|"
    r"cette annee|last year|next year|this year)\b"
)
_REL_MONTH = re.compile(r"\b(?P<w>le mois dernier|le mois prochain|ce mois-ci|last month)\b")
_REL_NAMED_MONTH = re.compile(
    rf"\b(?:(?P<q>last|next)\s+(?P<month>{_M})|(?:en\s+)?(?P<month2>{_M})\s+(?P<q2>dernier|prochain))\b"
)
"""« last December », « en mars dernier »: the latest such month before publication (or the next one after)."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in the text, resolved where possible.

    Attributes:
        precision: ``day``, ``month`` or ``year``.
        relative: the mention needed the publication date (« mardi », « hier », « le 4 février »).
    """

    start: int
    end: int
    value: dt.date
    precision: str
    relative: bool

    @property
    def iso(self) -> str:
        """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` depending on precision."""
        if self.precision == "day":
            return self.value.isoformat()
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return f"{self.value.year:04d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, ref: dt.date) -> dt.date | None:
    """The date with that month and day closest to ``ref`` (a reported event lies rather before publication)."""
    best: dt.date | None = None
    best_cost = 10**9
    for year in (ref.year - 1, ref.year, ref.year + 1):
        cand = _safe_date(year, month, day)
        if cand is None:
            continue
        delta = (cand - ref).days
        cost = abs(delta) * (2 if delta > 0 else 1)
        if cost < best_cost:
            best, best_cost = cand, cost
    return best


def find_dates(folded: str, published: dt.date | None) -> list[DateMention]:
    """Every date mention of a folded text; relative mentions need ``published`` and are skipped without it."""
    found: list[DateMention] = []
    taken = bytearray(len(folded) + 1)

    def add(start: int, end: int, value: dt.date | None, precision: str, relative: bool) -> None:
        if value is None or taken.find(1, start, end) >= 0:
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append(DateMention(start, end, value, precision, relative))

    for m in _ABSOLUTE.finditer(folded):
        if m.group("month2"):
            month, day = MONTHS[m.group("month2")], int(m.group("day2"))
            if m.group("year2"):
                add(m.start(), m.end(), _safe_date(int(m.group("year2")), month, day), "day", False)
            elif published is not None and 1 <= day <= 31:
                add(m.start(), m.end(), _nearest_year(month, day, published), "day", True)  # « Dec 8 »
            continue
        day_txt = m.group("day")
        day = 1 if day_txt in ("1er", "premier") else int(day_txt)
        month = MONTHS[m.group("month")]
        start = m.start("wd") if m.group("wd") else m.start("day")
        if m.group("year"):
            add(start, m.end(), _safe_date(int(m.group("year")), month, day), "day", False)
        elif published is not None:
            add(start, m.end(), _nearest_year(month, day, published), "day", True)
    for m in _NUMERIC.finditer(folded):
        if m.group("iy"):
            add(
                m.start(), m.end(), _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id"))), "day", False
            )
        else:
            add(m.start(), m.end(), _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "day", False)
    for m in _MONTH_YEAR.finditer(folded):
        add(m.start("month"), m.end(), _safe_date(int(m.group("year")), MONTHS[m.group("month")], 1), "month", False)
    for m in _YEAR.finditer(folded):
        add(m.start("year"), m.end(), _safe_date(int(m.group("year")), 1, 1), "year", False)
    if published is not None:
        _relative(folded, published, add)
    found.sort(key=lambda d: d.start)
    return found


def _relative(folded: str, pub: dt.date, add: object) -> None:
    """Mentions that only mean something against the publication date."""
    assert callable(add)
    for m in _RELATIVE_DAY.finditer(folded):
        word = m.group("word")
        shift = {"avant-hier": -2, "hier": -1, "yesterday": -1, "demain": 1, "tomorrow": 1, "apres-demain": 2}.get(
            word, 0
        )
        add(m.start(), m.end(), pub + dt.timedelta(days=shift), "day", True)
    for m in _WEEKDAY.finditer(folded):
        before = folded[max(0, m.start() - 12) : m.start()]
        after = folded[m.end() : m.end() + 2]
        if after.startswith("s") or _WEEKDAY_BEFORE.search(before):
            continue
        if _NIGHT_BEFORE.search(before) and _NIGHT_AFTER.match(folded, m.end()):
            continue  # the first night of a « nuit de X à Y »: the day reported is Y
        target = WEEKDAYS[m.group("wd")]
        qual = m.group("q") or ""
        if qual in ("prochain", "prochaine", "next"):
            delta = (target - pub.weekday()) % 7 or 7
            add(m.start(), m.end(), pub + dt.timedelta(days=delta), "day", True)
        else:
            delta = (pub.weekday() - target) % 7
            if qual and delta == 0:
                delta = 7
            add(m.start(), m.end() if qual else m.end("wd"), pub - dt.timedelta(days=delta), "day", True)
    for m in _AGO.finditer(folded):
        n_txt = m.group("n")
        n = int(n_txt) if n_txt.isdigit() else _SMALL[n_txt]
        unit = m.group("u")
        if unit.startswith("jour"):
            add(m.start(), m.end(), pub - dt.timedelta(days=n), "day", True)
        elif unit.startswith("semaine"):
            add(m.start(), m.end(), pub - dt.timedelta(days=7 * n), "day", True)
        elif unit == "mois":
            month_index = pub.year * 12 + pub.month - 1 - n
            add(m.start(), m.end(), dt.date(month_index // 12, month_index % 12 + 1, 1), "month", True)
        else:
            add(m.start(), m.end(), dt.date(pub.year - n, 1, 1), "year", True)
    for m in _REL_YEAR.finditer(folded):
        w = m.group("w")
        past = "dernier" in w or "passe" in w or "last" in w
        shift = -1 if past else (1 if ("prochain" in w or "next" in w) else 0)
        add(m.start(), m.end(), dt.date(pub.year + shift, 1, 1), "year", True)
    for m in _REL_MONTH.finditer(folded):
        w = m.group("w")
        month_index = (
            pub.year * 12 + pub.month - 1 + (-1 if ("dernier" in w or "last" in w) else (1 if "prochain" in w else 0))
        )
        add(m.start(), m.end(), dt.date(month_index // 12, month_index % 12 + 1, 1), "month", True)
    for m in _REL_NAMED_MONTH.finditer(folded):
        month = MONTH_NUMBERS[m.group("month") or m.group("month2")]
        past = (m.group("q") or m.group("q2")) in ("last", "dernier")
        if past:
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = pub.year if month > pub.month else pub.year + 1
        add(m.start(), m.end(), dt.date(year, month, 1), "month", True)


def same_at(a: DateMention, b: DateMention) -> bool | None:
    """Whether two mentions agree at their common precision (``None`` when not comparable)."""
    order = {"year": 0, "month": 1, "day": 2}
    common = min(order[a.precision], order[b.precision])
    if common == 2:
        return a.value == b.value
    if common == 1:
        return (a.value.year, a.value.month) == (b.value.year, b.value.month)
    return a.value.year == b.value.year
