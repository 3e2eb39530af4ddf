"""The words of a published fact-check, in the report's language: sentences, bylines, history, discrepancy notes.

Every exporter (HTML, PDF, Markdown, DOCX) takes its prose from here so the four formats say the same thing and no
raw key (``quote_wording``), record (``source_id: 10, start: 533``), login (``root``) or English value reaches a
French reader. Strings live in :data:`workbench.io.exporters._common.LABELS` (the one report catalogue); this module
assembles them.

It also finds real sentence boundaries for quotes in context: a full stop after a title or an initial (« M. »,
« Mme », "Dr.", "St.", "U.S.", "E. coli") does not end a sentence, so "…a déclaré M. Poutine." keeps the name.
This is not a general sentence splitter: it only decides where the context around one quoted span starts and stops.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from workbench.core.enums import Status
from workbench.core.values import ClaimInfo, HistoryEntry

_FR_ABBREVIATIONS = (
    "m mm mme mmes mlle mlles dr drs pr me mgr st ste sts stes cf av bd boul chap fig hab ibid id env ex éd vol tél "
    "p pp no nº art al apr jc j.-c gén col cdt lt sgt adj mar"
)
_EN_ABBREVIATIONS = (
    "mr mrs ms messrs dr drs prof st sen rep gov gen col lt sgt capt cmdr adm maj jr sr rev hon pres supt insp det "
    "mt ft no nos vs v fig figs vol approx dept est inc ltd co corp bros jan feb mar apr jun jul aug sep sept oct "
    "nov dec e.g i.e u.s u.k u.n u.s.a d.c a.m p.m"
)
_ABBREVIATIONS: dict[str, frozenset[str]] = {
    "fr": frozenset(_FR_ABBREVIATIONS.split(" ")),
    "en": frozenset(_EN_ABBREVIATIONS.split(" ")),
}
_BEFORE_NUMBER = frozenset(["no", "nos", "nº", "p", "pp", "fig", "figs", "vol", "art", "chap"])
_END = re.compile(r"[.!?…]+[»\"”’)\]]*")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")


def _is_boundary(text: str, dot_start: int, dot_end: int, language: str) -> bool:
    """True if the punctuation ``text[dot_start:dot_end]`` ends a sentence."""
    if dot_end < len(text) and not text[dot_end].isspace():
        return False
    punct = text[dot_start:dot_end]
    if punct.rstrip("»\"”’)]") != ".":
        return True  # "!", "?", "…", "..." end a sentence
    match = _WORD_BEFORE.search(text, max(0, dot_start - 30), dot_start)
    word = match.group(1).casefold().strip("’'-") if match else ""
    if not word:
        return True
    abbreviations = _ABBREVIATIONS.get(language, frozenset()) | _ABBREVIATIONS["en"] | _ABBREVIATIONS["fr"]
    rest = text[dot_end : dot_end + 3].lstrip(" \t")
    if word in _BEFORE_NUMBER:
        return not rest[:1].isdigit()  # "no. 5", "p. 12" but "said no. Then"
    if word in abbreviations or re.fullmatch(r"(?:\w\.)+\w", word):
        return False
    if len(word) == 1 and word.isalpha() and match and match.group(1).isupper():
        return False  # an initial: "J. Smith", "E. coli"
    return not (rest[:1].islower())  # "etc. et" goes on


def sentence_bounds(
    text: str, start: int, end: int, language: str = "en", limit: int = 400
) -> tuple[int, int, bool, bool]:
    """The sentence(s) holding ``text[start:end]``: ``(lo, hi, cut_before, cut_after)``.

    ``cut_before``/``cut_after`` are True when ``limit`` characters were reached before a sentence boundary (the
    reader must see an ellipsis there). Line breaks always end a sentence.
    """
    floor = max(0, start - limit)
    lo = floor
    nl = text.rfind("\n", floor, start)
    if nl >= 0:
        lo = nl + 1
    for m in _END.finditer(text, lo, start):
        if m.end() <= start and _is_boundary(text, m.start(), m.end(), language):
            lo = m.end()
    while lo < start and text[lo] in " \t":
        lo += 1
    cut_before = lo == floor and floor > 0 and text[floor - 1] != "\n"
    ceil = min(len(text), end + limit)
    nl = text.find("\n", end, ceil)
    hi = nl if nl >= 0 else ceil
    cut_after = nl < 0 and ceil < len(text)
    for m in _END.finditer(text, end, hi):
        if _is_boundary(text, m.start(), m.end(), language):
            hi, cut_after = m.end(), False
            break
    # a span that itself ends with a full stop ends its sentence there
    if hi == ceil and end > 0 and text[end - 1] in ".!?" and _is_boundary(text, end - 1, end, language):
        hi, cut_after = end, False
    return lo, hi, cut_before, cut_after


# ---------------------------------------------------------------------------------------------------- people, dates


def person(login: str, people: Mapping[str, str], fallback: str) -> str:
    """The name a user gave (setting ``user-name``), else ``fallback`` (the organisation): never a bare login."""
    name = people.get(login, "").strip()
    if name:
        return name
    if " " in login.strip() or (login[:1].isupper() and not login.isupper()):
        return login.strip()  # "Alice Martin" given with --user is a name; "root" or "jdoe" is an account
    return fallback


def concluded_entries(history: tuple[HistoryEntry, ...]) -> list[HistoryEntry]:
    """History entries that concluded the claim (status set to concluded), oldest first."""
    return [h for h in history if h.field == "status" and h.after == Status.CONCLUDED.value]


def concluded_at(claim: ClaimInfo, history: tuple[HistoryEntry, ...]) -> dt.datetime | None:
    """When the claim was first concluded (history), else None; only for a concluded claim."""
    if claim.status != Status.CONCLUDED.value:
        return None
    entries = concluded_entries(history)
    if entries:
        return entries[0].at
    return claim.updated_at


def concluded_by(claim: ClaimInfo, history: tuple[HistoryEntry, ...]) -> list[str]:
    """Logins of the people who concluded the claim (last conclusion first), from the history and the claim."""
    logins: list[str] = []
    for h in reversed(concluded_entries(history)):
        if h.user and h.user not in logins:
            logins.append(h.user)
    if not logins and claim.concluded_by:
        logins.append(claim.concluded_by)
    return logins


# ---------------------------------------------------------------------------------------------------- history prose

_FIELD_KEYS = {
    "statement": "field.statement",
    "claimant": "field.claimant",
    "claim_date": "field.claim_date",
    "rationale": "field.rationale",
    "tags": "field.tags",
    "note": "field.note",
    "stance": "field.stance",
}


def history_sentence(
    entry: HistoryEntry, lang: str, t: Callable[[str], str], who: str, value: Callable[[str, Any], str]
) -> str:
    """One history entry as a sentence in ``lang``.

    Args:
        entry: The record.
        lang: Report language.
        t: ``t(key) -> str`` label lookup in the report language.
        who: The person's display name.
        value: ``value(field, raw) -> str``: a field value in words (status and verdict labels, dates).
    """
    f, a = entry.field, entry.action
    if entry.entity == "claim" and a == "create":
        return t("h.claim_create").format(who=who)
    if entry.entity == "claim" and a in ("delete", "restore"):
        return t(f"h.claim_{a}").format(who=who)
    if entry.entity in ("appearance", "evidence", "relation") and a in ("create", "delete", "restore"):
        return t(f"h.{entry.entity}_{a}").format(who=who)
    if a == "update" and f in ("status", "verdict"):
        before, after = value(f, entry.before), value(f, entry.after)
        if entry.before in (None, ""):
            return t(f"h.set_{f}").format(who=who, after=after)
        if entry.after in (None, ""):
            return t(f"h.clear_{f}").format(who=who, before=before)
        return t(f"h.change_{f}").format(who=who, before=before, after=after)
    if a == "update":
        what = t(_FIELD_KEYS.get(f, "field.other"))
        if entry.entity == "evidence":
            return t("h.evidence_update").format(who=who, what=what)
        return t("h.update").format(who=who, what=what)
    return t("h.other").format(who=who)


CORRECTION_GRACE = dt.timedelta(minutes=10)
"""Changes within this time after the first conclusion are the publication being finished, not corrections."""


def _utc(value: dt.datetime) -> dt.datetime:
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def is_correction(entry: HistoryEntry, first_conclusion: dt.datetime | None) -> bool:
    """True for a change a reader must be told about: verdict, statement, explanation or status after publication."""
    if first_conclusion is None or _utc(entry.at) <= _utc(first_conclusion) + CORRECTION_GRACE:
        return False
    if entry.entity == "claim" and entry.action == "update":
        return entry.field in ("verdict", "statement", "rationale", "status")
    return entry.entity == "evidence" and entry.action in ("create", "delete")


# ---------------------------------------------------------------------------------------------------- discrepancies

VALUE_WORDS: dict[str, dict[str, str]] = {
    "fr": {"video": "vidéo", "telephone": "téléphone", "phone": "téléphone", "in person": "en personne",
           "true": "vrai", "false": "faux", "happened": "a eu lieu", "did not happen": "n’a pas eu lieu",
           "happened (unconfirmed)": "a eu lieu (non confirmé)",
           "did not happen (unconfirmed)": "n’a pas eu lieu (non confirmé)",
           "first": "au premier rang", "one of several": "un parmi d’autres"},
    "en": {"telephone": "telephone", "first": "the first", "one of several": "one among others"},
}
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def value_words(value: str, lang: str, format_date: Callable[[dt.date, str], str] | None = None,
                exact: str = "") -> str:
    """A normalised comparison value in the report language.

    Words are translated ("video" -> "vidéo"), numbers get the language's digit grouping ("3500000" ->
    "3 500 000" with no-break spaces) and ISO dates become dates ("2026-03-10" -> "10 mars 2026"). A value that
    only repeats the quoted passage ``exact`` (the words of a quotation) is "": the table shows the passage already.
    """
    if not value or (exact and " ".join(value.split()) == " ".join(exact.split())):
        return ""
    words = VALUE_WORDS.get(lang, {})
    if value.casefold() in words:
        return words[value.casefold()]
    if _NUMBER.match(value):
        number = float(value)
        whole = number.is_integer()
        text = f"{int(number):,}" if whole else f"{number:,.2f}".rstrip("0").rstrip(".")
        if lang == "fr":
            text = text.replace(",", "\u00a0").replace(".", ",")
        return text
    m = _ISO_DATE.match(value)
    if m and m.group(3) and format_date is not None:
        try:
            return format_date(dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))), lang)
        except ValueError:
            return value
    return value


def discrepancy_kind_key(kind: str) -> str:
    """Label key of a discrepancy kind ("quote_wording" -> "kind.quote_wording")."""
    return "kind." + kind.replace(" ", "_").replace("-", "_").casefold()


_SOURCE_REF = re.compile(
    r"(?P<art>\b(?:[dD]e la|[àÀ] la|[lL]a) )?\b(?P<word>[sS]ources?) (?P<ids>\d+(?:(?:, | et | and )\d+)*)\b")
_PREPOSITION = {"de la ": "de ", "De la ": "De ", "à la ": "à ", "À la ": "À "}


def name_sources(note: str, names: Mapping[int, str], lang: str) -> str:
    """A comparison note with "source 3" / "la source 3" / "sources 2, 3" replaced by the sources' names.

    The engine numbers sources; a reader knows them by outlet or title. French articles go with the number
    (« la source 3 cite » -> « Euronews cite », « de la source 3 » -> « de Euronews »). A number without a name
    is left as it is.
    """
    def sub(m: re.Match[str]) -> str:
        ids = [int(x) for x in re.findall(r"\d+", m.group("ids"))]
        if not all(i in names for i in ids):
            return m.group(0)
        shown = [names[i] for i in ids]
        joiner = " et " if lang == "fr" else " and "
        joined = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + joiner + shown[-1]
        return _PREPOSITION.get(m.group("art") or "", "") + joined

    return _SOURCE_REF.sub(sub, note)
