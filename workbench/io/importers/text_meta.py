"""Title, author, outlet and date of a plain-text article, read from the lines around its headline.

Saved articles and wire copy carry their metadata as text: a byline ("Par Larry Johnson, le 6 février 2026",
"By Jane Doe | Reuters"), a dateline ("PARIS, 4 févr (AFP) -", "4 février 2026 21:15", "date 2026-02-04"), a credit
("AFP Agence France-Presse", "Auteur : teleSUR"), a translator's note ("traduction de X pour BLOG"), the site's
domain. The title is the headline: a short line in the head of the text, before the body paragraphs, that is not a
menu, a caption, a date, a byline or a quotation; a crosshead further down never is. Without one, the first sentence
of the lead paragraph (shortened) stands in. French and English; nothing here touches the text of record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Tuning constants (one place): how far the head of an article reaches and what a headline looks like.
HEAD_LINES = 15  # non-empty lines searched for byline, dateline and credit
TAIL_LINES = 15  # non-empty lines at the end searched for "Auteur :" / "Author:" credits
BODY_WORDS = 25  # a line this long is a body paragraph; headlines stop being searched after two of them
HEADLINE_MAX_WORDS = 25
TITLE_MAX_CHARS = 200
LEAD_TITLE_CHARS = 120  # a lead sentence used as title is cut at a word boundary near this length
BYLINE_MAX_WORDS = 14

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "janvier january janv jan",
        "février fevrier february févr fevr fév fev feb",
        "mars march mar",
        "avril april avr apr",
        "mai may",
        "juin june jun",
        "juillet july juil jul",
        "août aout august aug",
        "septembre september sept sep",
        "octobre october oct",
        "novembre november nov",
        "décembre decembre december déc dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = "(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    ("ymd", re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")),
    ("dmy_num", re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")),
    ("dmy", re.compile(rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?\s+({_MONTH})\s+((?:19|20)\d\d)\b", re.I)),
    ("mdy", re.compile(rf"\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)),
)
_AGENCIES = (
    "AFP", "Reuters", "AP", "Associated Press", "dpa", "DPA", "ANSA", "EFE", "Xinhua", "TASS", "Tass", "RIA Novosti",
    "Interfax", "Belga", "ATS", "Keystone-ATS", "Kyodo", "Yonhap", "UPI", "Bloomberg", "PA", "Anadolu", "Sputnik",
    "Europa Press", "APA", "Lusa", "PAP", "CTK", "MTI", "Agence France-Presse", "Agence France Presse",
)
_AGENCY = "(?:" + "|".join(sorted((re.escape(a) for a in _AGENCIES), key=len, reverse=True)) + ")"
_AGENCY_IN = re.compile(rf"(?<![\w-]){_AGENCY}(?![\w-])")
_WIRE_DATELINE = re.compile(
    rf"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þa-zß-ÿ'’ .-]{{1,40}}?)(?:,\s*(?P<when>[^()\n]{{1,30}}?))?\s*\((?P<agency>{_AGENCY})\)"
    r"\s*[-–—]+\s*"
)
_CREDIT = re.compile(rf"^(?:(?:avec|par|by|source\s*:)\s+)?\(?(?P<agency>{_AGENCY})\)?(?:\s+{_AGENCY})?\.?$", re.I)
_NAME_WORD = r"[A-ZÀ-Þ][\w'’.-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:(?:de|du|des|da|van|von|der|den|di|el|al|bin|ibn|le|la)\s+)?{_NAME_WORD}){{0,4}}"
_BYLINE = re.compile(
    rf"^(?i:par|by|écrit par|written by|texte de)\s*:?\s+(?P<name>{_NAME}(?:\s*(?:,|et|and|&)\s*{_NAME})*?)"
    rf"(?=\s*$|\s*[,|•·–—-]|\s+(?i:le|on|publié|published|mis à jour|updated)\b|\s+\d|\s+\(|\s+(?i:{_MONTH})\s)",
)
_NOT_NAMES = frozenset(  # "By Monday, ..." and "Par la suite" open sentences, not bylines
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi", "mercredi",
     "jeudi", "vendredi", "samedi", "dimanche", "the", "this", "that", "then", "la", "le", "les", "un", "une"]
) | frozenset(_MONTHS)
_CREDIT_LINE = re.compile(r"^(?:auteure?|author|écrit par|written by|texte)\s*:\s*(?P<name>[^–—|,;()]{2,80})", re.I)
_TRANSLATED_FOR = re.compile(r"\btraduction\s+(?:de|par)\s+[^()]{2,60}?\s+pour\s+(?P<outlet>[\w.-]{3,60})", re.I)
_TRANSLATED_FOR_EN = re.compile(r"\btranslat(?:ed|ion)\s+by\s+[^()]{2,60}?\s+for\s+(?P<outlet>[\w.-]{3,60})", re.I)
_TLD = "com|fr|org|net|info|news|io|be|ch|ca|eu|de|uk|ru|cn|media|tv"
_DOMAIN = re.compile(rf"\b(?:www\.)?((?:[a-z0-9-]+\.)+(?:{_TLD}))\b", re.I)
_DATE_PREFIX = re.compile(r"^(?:date|publié le|published|mis à jour le|updated)\s*:?\s*", re.I)
_CAPTION = re.compile(
    r"(?:\bphotos?\s*:|©|\bcrédits?\s*:|\bcredits?\s*:|tous droits réservés|all rights reserved|\bAP Photo\b"
    r"|\bGetty Images\b|/AFP\b|/Reuters\b|/Xinhua\b|\bimage\s*:)",
    re.I,
)
_QUOTE_OPEN = tuple("«“”\"'„‹")
_SAID = re.compile(
    r"[»”\"]\s*,?\s*(?:a|ont|avait|aurait)?\s*(?:déclaré|affirmé|dit|indiqué|ajouté|souligné|expliqué|estimé|assuré)"
    r"|[»”\"]\s*,?\s*(?:said|says|told|added|wrote)\b",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[^\s.A-Z][.!?])\s+(?=[«“\"A-ZÀ-Þ])")
_EDITOR_NOTE = re.compile(r"\((?:note|NDLR|NdT|N\.d\.T\.|editor'?s note)[^()]*\)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class TextMeta:
    """What the text says about itself; empty strings and None where it says nothing."""

    title: str = ""
    author: str = ""
    outlet: str = ""
    published: dt.date | None = None


def guess(text: str) -> TextMeta:
    """Title, author, outlet and date of an article saved as plain text (or Markdown)."""
    lines = [line.strip() for line in text.split("\n")]
    nonempty = [line for line in lines if line]
    head = nonempty[:HEAD_LINES]
    tail = nonempty[-TAIL_LINES:]
    author, outlet, published = "", "", None
    byline_date: dt.date | None = None
    dateline_date: dt.date | None = None
    for line in head:
        match = _byline(line)
        if match and not author:
            author = _clean_name(match.group("name"))
            byline_date = byline_date or first_date(line[match.end():])
            agency = _AGENCY_IN.search(line[match.end():])  # "By Jane Doe | Reuters", "Par X (AFP)"
            outlet = outlet or (_agency(agency.group(0)) if agency else "")
        wire = _WIRE_DATELINE.match(line)
        if wire:
            outlet = outlet or _agency(wire.group("agency"))
            when = wire.group("when") or ""
            dateline_date = dateline_date or first_date(when) or _day_month(when, text)
        credit = _CREDIT.match(line)
        if credit:
            outlet = outlet or _agency(credit.group("agency"))
        if dateline_date is None and _is_dateline(line):
            dateline_date = first_date(line)
    for line in head + tail:
        credit_line = _CREDIT_LINE.match(line)
        if credit_line and not author:
            author = _clean_name(credit_line.group("name"))
    for line in nonempty[: HEAD_LINES * 2]:
        translated = _TRANSLATED_FOR.search(line) or _TRANSLATED_FOR_EN.search(line)
        if translated and not outlet:
            outlet = translated.group("outlet").rstrip(".")
    if not outlet:
        outlet = _site(head + tail)
    if not author and outlet in _AGENCIES:
        author = outlet  # wire copy without a personal byline: the agency wrote it
    published = byline_date or dateline_date or _first_date_in(head[:8])
    return TextMeta(title=guess_title(text), author=author[:200], outlet=outlet[:200], published=published)


def guess_title(text: str) -> str:
    """The headline: a short line before the body paragraphs, else the first sentence of the lead, shortened."""
    lines = [raw.strip() for raw in text.split("\n")]
    for raw in text.split("\n")[:40]:
        if raw.startswith("# "):  # a Markdown title
            return raw[2:].strip()[:TITLE_MAX_CHARS]
    body_seen = 0
    leads: list[str] = []
    for line in [line for line in lines if line][: HEAD_LINES * 2]:
        line = _DATE_PREFIX.sub("", line) if _DATE_PREFIX.match(line) and first_date(line) else line
        line = _strip_leading_date(_WIRE_DATELINE.sub("", line))
        if _is_headline(line):
            return line[:TITLE_MAX_CHARS]
        words = len(line.split())
        if words >= BODY_WORDS:
            first = _first_sentence(line)
            if len(first.split()) <= HEADLINE_MAX_WORDS and _is_headline(first.rstrip(".")):
                return first.rstrip(".")[:TITLE_MAX_CHARS]
            if not _is_furniture(line):
                leads.append(line)
            body_seen += 1
            if body_seen >= 2:
                break
    nonempty = [line for line in lines if line]
    marks = [i for i, line in enumerate(nonempty[:HEAD_LINES]) if _is_dateline(line) or _byline(line)]
    if marks:  # the lead is the first paragraph after the dateline or byline
        after = nonempty[marks[0] + 1:]
        leads = [line for line in after if len(line.split()) >= BODY_WORDS and not _is_furniture(line)][:1] or leads
    if leads:
        return _shorten(_first_sentence(_WIRE_DATELINE.sub("", leads[0])))
    first_line = next((line for line in lines if line), "")
    return first_line[:TITLE_MAX_CHARS]


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 3 <= len(words) <= HEADLINE_MAX_WORDS or len(line) > TITLE_MAX_CHARS:
        return False
    lower = sum(1 for w in words[1:] if w[:1].islower())
    if lower < (len(words) - 1) // 3:  # "Newsletter Events Podcasts Vidéos": a menu
        return False
    if line.endswith((":", ".", ",", ";")) and not line.endswith("..."):
        return False
    return not _is_furniture(line) and not line.startswith(_QUOTE_OPEN) and not _SAID.search(line)


def _is_furniture(line: str) -> bool:
    """Dates, bylines, credits, captions, menus, site names and editor's notes: never a title."""
    return bool(
        _is_dateline(line)
        or (_DATE_PREFIX.match(line) and first_date(line) is not None and len(line.split()) <= BYLINE_MAX_WORDS)
        or _byline(line)
        or _CREDIT.match(line)
        or _CREDIT_LINE.match(line)
        or _CAPTION.search(line)
        or _EDITOR_NOTE.search(line)
        or (_DOMAIN.search(line) and len(line.split()) <= 6)
    )


def _byline(line: str) -> re.Match[str] | None:
    """A byline is a short line ("By Monday, the council..." opens a sentence, not a byline)."""
    if len(line.split()) > BYLINE_MAX_WORDS:
        return None
    match = _BYLINE.match(line)
    if match is None or match.group("name").split()[0].lower().rstrip(".") in _NOT_NAMES:
        return None
    return match


def _is_dateline(line: str) -> bool:
    """A line that is mostly a date ("4 février 2026 21:15", "06/02/2026 site.com 8min", "Publié le ...")."""
    date = _date_span(line)
    if date is None:
        return False
    rest = (line[: date[0]] + line[date[1]:]).strip()
    return len(rest.split()) <= 7 and len(rest) <= 60


def _strip_leading_date(line: str) -> str:
    span = _date_span(line)
    if span is not None and span[0] == 0 and len(line.split()) > BODY_WORDS // 2:
        return line[span[1]:].strip()
    return line


def _first_sentence(line: str) -> str:
    return _SENTENCE_END.split(line, maxsplit=1)[0].strip()


def _shorten(sentence: str) -> str:
    if len(sentence) <= LEAD_TITLE_CHARS:
        return sentence.rstrip(".")
    cut = sentence[:LEAD_TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:—– ")
    return cut + "…"


def _clean_name(name: str) -> str:
    return " ".join(name.split()).strip(" ,.;:–—-")


def _agency(name: str) -> str:
    for agency in _AGENCIES:
        if agency.lower() == name.lower():
            return "AFP" if agency.startswith("Agence France") else agency
    return name


def _site(lines: list[str]) -> str:
    for line in lines:
        if len(line.split()) <= 6:
            match = _DOMAIN.search(line)
            if match:
                return match.group(1).lower()
    return ""


def _date_span(line: str) -> tuple[int, int] | None:
    spans = [(m.start(), m.end()) for _kind, pattern in _DATE_PATTERNS for m in pattern.finditer(line)
             if _to_date(_kind, m) is not None]
    return min(spans) if spans else None


def first_date(text: str) -> dt.date | None:
    """The first full date written in ``text`` (ISO, 06/02/2026, 6 février 2026, February 6, 2026), or None."""
    found: list[tuple[int, dt.date]] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            date = _to_date(kind, m)
            if date is not None:
                found.append((m.start(), date))
    return min(found)[1] if found else None


def _first_date_in(lines: list[str]) -> dt.date | None:
    for line in lines:
        date = first_date(line)
        if date is not None:
            return date
    return None


def _to_date(kind: str, m: re.Match[str]) -> dt.date | None:
    try:
        if kind == "ymd":
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        if kind == "dmy_num":
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        if kind == "dmy":
            return dt.date(int(m[3]), _MONTHS[m[2].lower().rstrip(".")], int(m[1]))
        return dt.date(int(m[3]), _MONTHS[m[1].lower().rstrip(".")], int(m[2]))
    except (ValueError, KeyError):
        return None


_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})|\b({_MONTH})\s+(\d{{1,2}})\b", re.I)


def _day_month(when: str, text: str) -> dt.date | None:
    """A wire dateline's "4 févr" / "Feb 4", with the year of the first full date in the text (else none)."""
    m = _DAY_MONTH.search(when)
    year_from = first_date(text)
    if m is None or year_from is None:
        return None
    day, month = (m[1], m[2]) if m[1] else (m[4], m[3])
    try:
        return dt.date(year_from.year, _MONTHS[month.lower().rstrip(".")], int(day))
    except (ValueError, KeyError):
        return None
