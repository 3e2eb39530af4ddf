"""Notes a reader can use: each discrepancy said in plain words, in the report's language (English or French).

Detectors write terse working notes (a noun stem, a unit key); the reader needs the words the sources wrote.
Figures, counts and dates are therefore described again from the spans: the exact text each source uses, grouped
by value, with the sources that say it. Evidence spans are widened to whole words first (« téléphon » is the stem
a detector matched; the reader sees « téléphonique »). The other kinds keep their detector's sentence, rendered
in French from a small table of templates when the report is in French.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from workbench.core.compare.model import Discrepancy, ValueSpan

_PREFIX = {
    "en": {"number": "Figures differ", "count": "Counts differ", "date": "Dates differ", "rank": "Rank differs"},
    "fr": {
        "number": "Les chiffres diffèrent",
        "count": "Les décomptes diffèrent",
        "date": "Les dates diffèrent",
        "rank": "Le rang diffère",
    },
}
_FR_TEMPLATES: tuple[tuple[str, str], ...] = (
    (r"^who (.+?) talked with: ", r"avec qui \1 s'est entretenu : "),
    (r"^how (.+?) and (.+?) talked: ", r"comment \1 et \2 se sont parlé : "),
    (r"^(.+?) interacted with — ", r"avec qui \1 a échangé — "),
    (r"^named as taking part: ", "personnes citées comme participants : "),
    (r"^rank stated differently: ", "rang présenté différemment : "),
    (
        r"(?:^|(?<=\| ))source (\d+) quotes, source (\d+) reports the same words with a change: ",
        r"la source \1 cite, la source \2 rapporte les mêmes mots avec un changement : ",
    ),
    (r"» left out\b", "» omis"),
    (r"» added\b", "» ajouté"),
    (r" attributed to ", " attribuée à "),
    (
        r"quoted in different words \(translation or paraphrase\)",
        "cité en des termes différents (traduction ou paraphrase)",
    ),
    (r"\) or not — ", ") ou non — "),
    (r"» or not — ", "» ou non — "),
    (r": yes \(", " : oui ("),
    (r": no \(", " : non ("),
    (r"conditional: reported as unconfirmed", "au conditionnel : présenté comme non confirmé"),
    (r"\bsources (\d)", r"sources \1"),
    (r"\bsource (\d+) vs source (\d+): ", r"source \1 contre source \2 : "),
    (r"\bsource (\d+): ", r"source \1 : "),
    (r" vs ", " contre "),
    (r"\bvideo\b", "vidéo"),
    (r"\btelephone\b", "téléphone"),
    (r"(?<! ); ", " ; "),  # French typography, last
)


def widen(text: str, s: ValueSpan) -> ValueSpan:
    """The span stretched to whole words (never « téléphon » for « téléphonique »)."""
    lo, hi = s.start, s.end
    while lo > 0 and text[lo - 1].isalnum() and lo < len(text) and text[lo].isalnum():
        lo -= 1
    while 0 < hi < len(text) and text[hi].isalnum() and text[hi - 1].isalnum():
        hi += 1
    if (lo, hi) == (s.start, s.end):
        return s
    return replace(s, start=lo, end=hi, exact=text[lo:hi])


_FR_SOURCE_TEMPLATES: tuple[tuple[str, str], ...] = (
    # The engine's lines about a whole source (recycled, relay, dates read) and about reuse (which came first).
    (r"^reports an event of (\S+), published (\S+): (\d+) days before the dossier's event \((\S+)\)",
     r"rapporte un événement du \1, publié le \2 : \3 jours avant celui du dossier (\4)"),
    (r"^reports an event of (\S+), published (\S+): (\d+) days after the dossier's event \((\S+)\)",
     r"rapporte un événement du \1, publié le \2 : \3 jours après celui du dossier (\4)"),
    (r"^reports an event of (\S+): (\d+) days before the dossier's event \((\S+)\)",
     r"rapporte un événement du \1 : \2 jours avant celui du dossier (\3)"),
    (r"^reports an event of (\S+): (\d+) days after the dossier's event \((\S+)\)",
     r"rapporte un événement du \1 : \2 jours après celui du dossier (\3)"),
    (r"; proposed verdict: out-of-context", "; verdict proposé : hors contexte"),
    (r"reuses (\d+) characters of an earlier source", r"reprend \1 caractères d’une source antérieure"),
    (r"publication date (\S+) read from the text", r"date de publication \1 lue dans le texte"),
    (r"\b(\d+) boilerplate lines?\b", r"\1 ligne(s) de gabarit"),
    (r"^source (\d+) published (\S+), source (\d+) published (\S+)$",
     r"source \1 publiée le \2, source \3 publiée le \4"),
    (r"^both published (\S+): the dates do not tell which came first$",
     r"toutes deux publiées le \1 : les dates ne disent pas laquelle est la première"),
    (r"^the page is in French; its English passage is the original it was translated from$",
     "la page est en français ; son passage en anglais est l’original dont elle est traduite"),
    (r"^the page is in English; its French passage is the original it was translated from$",
     "la page est en anglais ; son passage en français est l’original dont elle est traduite"),
    (r"(?<! ); ", " ; "),  # French typography, last
)


def _render(note: str, templates: tuple[tuple[str, str], ...]) -> str:
    for pattern, repl in templates:
        note = re.sub(pattern, repl, note)
    return note


def engine_line(note: str, lang: str) -> str:
    """A line the engine writes about a source or a reuse pair (English), in ``lang``."""
    return _render(note, _FR_SOURCE_TEMPLATES) if lang.lower().startswith("fr") and note else note


def reader_note(d: Discrepancy, lang: str) -> str:
    """The note of ``d`` for a reader, in ``lang`` (``en`` or ``fr``)."""
    lang = "fr" if lang.lower().startswith("fr") else "en"
    if d.kind in _PREFIX[lang]:
        return _values_note(d, lang, d.kind)
    if d.spans and all(s.unit == "rank" for s in d.spans):
        return _values_note(d, lang, "rank")
    return _render(d.note, _FR_TEMPLATES) if lang == "fr" else d.note


def _values_note(d: Discrepancy, lang: str, about: str) -> str:
    by_value: dict[str, list[int]] = defaultdict(list)
    shown: dict[str, str] = {}
    for s in d.spans:
        key = str(s.value)
        shown.setdefault(key, " ".join(s.exact.split()))
        if s.source_id not in by_value[key]:
            by_value[key].append(s.source_id)
    parts = []
    for key, ids in by_value.items():
        who = f"{'sources' if len(ids) > 1 else 'source'} {', '.join(map(str, ids))}"
        parts.append(f"« {shown[key]} » ({who})")
    sep = " vs " if lang == "en" else " contre "
    colon = ": " if lang == "en" else " : "
    return _PREFIX[lang][about] + colon + sep.join(parts)


def _same_words_only(d: Discrepancy) -> bool:
    """A date « discrepancy » where every source wrote the same word (« mercredi » / « mercredi »).

    A weekday said in two articles published on different days resolves to two dates, yet nobody disagrees: the
    sources repeat one announcement and the resolution, not the reporting, differs.
    """
    return d.kind == "date" and len({" ".join(s.exact.lower().split()) for s in d.spans}) == 1


def for_reader(found: list[Discrepancy], texts: dict[int, str], lang: str) -> list[Discrepancy]:
    """Discrepancies with whole-word evidence and reader notes in ``lang`` (same-word date ones left out)."""
    out = []
    for d in found:
        if _same_words_only(d):
            continue
        spans = tuple(widen(texts[s.source_id], s) for s in d.spans)
        widened = replace(d, spans=spans)
        out.append(replace(widened, note=reader_note(widened, lang)))
    return out
