"""The facts a quoted passage turns on — figures, dates, negations, names — and how two versions differ in them.

A re-anchored span that reads differently is only acceptable as the *same* passage if the difference is stated:
"figure 1,200 → 1,500", "negation removed: not", "date 31 décembre → 30 décembre", "name Dupont → Durand". A match
found away from the old place must not differ in any of them (else it is another fact, and the span is orphaned).
English and French words only; figures and capitalised names are language-neutral.
"""

from __future__ import annotations

import re
from collections import Counter

_NUMBER = re.compile(r"\d+(?:[.,\u202f\u00a0 ]\d{3})*(?:[.,]\d+)?")
_NEGATORS = frozenset((
    "not", "no", "never", "nor", "none", "nobody", "nothing", "cannot", "without",
    "ne", "n", "pas", "jamais", "aucun", "aucune", "rien", "personne", "ni", "sans", "guère", "nullement",
))
_MONTHS = frozenset(re.findall(r"\w+",
    "january february march april may june july august september october november december "
    "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre "
    "monday tuesday wednesday thursday friday saturday sunday "
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
))
_WORD = re.compile(r"\w+")
_MONTH_RE = "|".join(sorted((m for m in _MONTHS if len(m) > 3 and not m.endswith("day") and not m.endswith("di")
                             and m != "dimanche"), key=len, reverse=True))
_DAY_RE = "|".join(sorted((m for m in _MONTHS if m.endswith(("day", "di")) or m == "dimanche"), key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?:{_DAY_RE})\s+)?(?:\d{{1,2}}(?:er|st|nd|rd|th)?\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?"
    rf"|(?:{_MONTH_RE})\s+\d{{1,2}}(?:,?\s+\d{{4}})?|(?:{_MONTH_RE})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
    rf"|\b(?:{_DAY_RE})\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w-]+")
# Capitalised words that start sentences but are no names (a changed one would read as a changed name).
_NOT_NAMES = frozenset((
    "the", "a", "an", "in", "on", "at", "to", "of", "for", "by", "with", "from", "as", "it", "its", "he", "she",
    "they", "we", "you", "i", "this", "that", "these", "those", "there", "but", "and", "or", "so", "if", "when",
    "while", "after", "before", "according", "officials", "his", "her", "their", "our", "my", "no", "not",
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "il", "elle", "ils", "elles", "on",
    "nous", "vous", "je", "ce", "cet", "cette", "ces", "mais", "et", "ou", "donc", "selon", "pour", "dans", "en",
    "par", "avec", "sur", "sous", "si", "quand", "lors", "après", "avant", "depuis", "son", "sa", "ses", "leur",
    "leurs", "notre", "nos", "votre", "vos", "ne", "pas", "qui", "que", "dont", "où",
))


def facts(text: str) -> dict[str, Counter[str]]:
    """Figures, dates, negators and capitalised names of a passage (what a claim turns on).

    A date ("31 décembre", "12 March 2026", "mardi") is one fact; its numbers are not counted again as figures.
    """
    dates = [" ".join(m.group().split()) for m in _DATE.finditer(text)]
    rest = _DATE.sub(" ", text)
    words = [w.lower() for w in _WORD.findall(re.sub(r"n[’']t\b", " not", rest))]
    return {
        "figure": Counter(re.sub(r"[\u202f\u00a0 ]", " ", n) for n in _NUMBER.findall(rest)),
        "date": Counter(dates),
        "negation": Counter(w for w in words if w in _NEGATORS),
        "name": Counter(m.group() for m in _NAME.finditer(rest)
                        if m.group().lower() not in _MONTHS and m.group().lower() not in _NOT_NAMES),
    }


def fact_differences(old: str, new: str) -> list[str]:
    """One phrase per differing fact, e.g. ``figure 1,200 → 1,500`` or ``negation added: not``."""
    a, b = facts(old), facts(new)
    out: list[str] = []
    for kind in ("figure", "date", "negation", "name"):
        gone, added = sorted((a[kind] - b[kind]).elements()), sorted((b[kind] - a[kind]).elements())
        if gone and added:
            out.append(f"{kind} {', '.join(gone)} → {', '.join(added)}")
        elif gone:
            out.append(f"{kind} removed: {', '.join(gone)}")
        elif added:
            out.append(f"{kind} added: {', '.join(added)}")
    return out
