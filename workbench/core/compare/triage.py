"""Claim triage: how worth checking each sentence of each source is, with the reasons.

A fact-checker opening five articles first looks for the sentences a reader could verify: figures, comparisons
and rankings, dates, named people or bodies doing or saying something, attributed quotations, causal claims.
Opinion (« je pense »), speculation and predictions (« pourrait », « will »), questions, headlines without a verb
and boilerplate (captions, menus, credits) are not claims. No model is involved: each cue adds or removes a fixed
weight (:data:`WEIGHTS`), every cue found is a reason, and the score is in [0, 1]. The sentences, figures, dates,
quotes and persons are those the comparison engine reads (:func:`~.engine.prepare_sources`), so the triage and the
comparison agree on where a sentence starts and what a figure is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from workbench.core.compare.boilerplate import is_caption_sentence
from workbench.core.compare.lang import pack
from workbench.core.compare.model import CompareInput
from workbench.core.compare.textutil import WORD_RE

WEIGHTS = {
    "number": 2.0,
    "date": 1.0,
    "comparison": 1.0,
    "named entity": 1.0,
    "attributed quote": 1.5,
    "reported speech": 1.0,
    "causal claim": 1.0,
    "opinion": -2.0,
    "speculation": -1.5,
    "prediction": -1.0,
    "question": -3.0,
    "no verb": -1.5,
    "short": -1.0,
}
"""Weight of each cue; the score is the sum squashed into [0, 1] (``raw / (raw + 3)`` for positive sums)."""

REASONS_FR = {
    "number": "chiffre",
    "date": "date",
    "comparison": "comparaison ou classement",
    "named entity": "personne ou organisation nommée",
    "attributed quote": "citation attribuée",
    "reported speech": "propos rapportés",
    "causal claim": "lien de cause",
    "opinion": "opinion",
    "speculation": "hypothèse",
    "prediction": "prévision",
    "question": "question",
    "no verb": "titre sans verbe",
    "short": "trop court",
    "boilerplate": "habillage de page",
    "repeated": "phrase répétée",
}
"""French labels of the reasons (the JSON keeps the English keys: a contract)."""


@dataclass(frozen=True, slots=True)
class TriageItem:
    """One sentence and how check-worthy it is."""

    source_id: int
    start: int
    end: int
    exact: str
    score: float
    reasons: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """Plain-dict form (the keys are the CLI's contract)."""
        return {
            "source_id": self.source_id,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "score": round(self.score, 4),
            "reasons": list(self.reasons),
        }


_FR_VERB = re.compile(
    r"\b(?:a|ont|est|sont|etait|etaient|avait|avaient|sera|seront|fut)\b|"
    r"\b\w{3,}(?:e|ee|es|ees|i|is|ie|u|us|ue|ait|aient|ent|ons|ez|era|eront|ira|iront)\b"
)
_EN_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|did|does)\b|\b\w{3,}(?:ed|es|s)\b")
_FR_CONDITIONAL = re.compile(r"\b\w{3,}(?:rait|raient)\b")
_FR_FUTURE = re.compile(r"\b(?:sera|seront|aura|auront|va|vont)\b|\b\w{3,}(?:era|eront|ira|iront)\b")
_EN_FUTURE = re.compile(r"\b(?:will|shall|going to)\b")
_FR_CAUSE = re.compile(r"\b(?:parce qu|car|en raison d|a cause d|grace a|suite a|ce qui a|entraine|provoque)")
_EN_CAUSE = re.compile(r"\b(?:because|due to|owing to|as a result|caused|led to|thanks to)\b")
_FR_COMPARE = re.compile(
    r"\b(?:plus|moins|davantage)\s+(?:de|d'|que|qu')|\b(?:le|la|les|l'un|l'une)\s+(?:des\s+)?(?:plus|moins|principa\w+|premi\w+|"
    r"seul\w*|meilleur\w*)|\brecord\b|\b(?:hausse|baisse|double|triple)\b|\bpremier\w*\b|\bprincipa\w+\b"
)
_EN_COMPARE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller)\s+than\b|\bthe\s+(?:most|least|largest|biggest|main|first|"
    r"only|leading|top)\b|\brecord\b|\b(?:rise|fall|doubled|tripled|increase|decrease)\b|\w+est\b"
)
_FR_OPINION = re.compile(
    r"\b(?:je|j')\s*(?:pense|crois|trouve|estime|suis)|\bil (?:faut|semble)\b|\bselon moi\b|"
    r"\b(?:doit|doivent|devrait|devraient) (?:agir|repondre|rendre|prendre|intervenir|cesser)\b|"
    r"^c'est (?:une|un) (?:catastrophe|scandale|honte|drame|desastre|erreur)\b"
)
_EN_OPINION = re.compile(
    r"\bi (?:think|believe|feel|guess)\b|\bin my (?:view|opinion)\b|\bit seems\b|"
    r"\b(?:must|should) (?:act|answer|step|resign|stop|intervene)\b|^this is (?:a|an) (?:disaster|scandal|shame)\b"
)
_FR_SPEC = re.compile(r"\b(?:peut-etre|sans doute|probablement|pourrait|pourraient|semble|semblent|risque de)\b")
_EN_SPEC = re.compile(r"\b(?:perhaps|maybe|probably|could|might|may|likely|would)\b")
_QUOTE = re.compile(r"[«\"“]\s*[^»\"”]{8,}[»\"”]")
_FR_SAID = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:\w+\s+)?(?:declare|dit|affirme|assure|ajoute|explique|indique|estime|souligne|"
    r"annonce|precise|confie|rappele|qualifie|reconnu|note|insiste)\b|\bselon\s+(?:[a-z]+\s+)?[A-Z]|\bselon\b"
)
_EN_SAID = re.compile(
    r"\b(?:said|says|told|stated|declared|added|explained|noted|stressed|announced|according to|confirmed)\b"
)
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[\s-][A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)*")


def score_sentence(
    text: str, folded: str, lang: str, *, quoted: bool, figures: int, dates: int
) -> tuple[float, list[str]]:
    """Score and reasons of one sentence (``text`` as written, ``folded`` its folded form).

    Args:
        text: the sentence.
        folded: the same, folded.
        lang: ``fr`` or ``en``.
        quoted: whether it holds a direct quotation.
        figures: figures the engine found in it (dates excluded: « le 3 janvier » is a date, not a figure).
        dates: dates the engine found in it.
    """
    fr = pack(lang).code == "fr"
    reasons: list[str] = []
    words = WORD_RE.findall(folded)
    if figures:
        reasons.append("number")
    if dates:
        reasons.append("date")
    if (_FR_COMPARE if fr else _EN_COMPARE).search(folded):
        reasons.append("comparison")
    has_verb = bool((_FR_VERB if fr else _EN_VERB).search(folded))
    names = [m.group(0) for m in _NAME.finditer(text) if m.start() > 0]
    said = bool((_FR_SAID if fr else _EN_SAID).search(folded))
    if names and has_verb:
        reasons.append("named entity")
    if quoted and (said or names):
        reasons.append("attributed quote")
    elif said and not quoted:
        reasons.append("reported speech")
    if (_FR_CAUSE if fr else _EN_CAUSE).search(folded):
        reasons.append("causal claim")
    if (_FR_OPINION if fr else _EN_OPINION).search(folded):
        reasons.append("opinion")
    speculative = (_FR_SPEC if fr else _EN_SPEC).search(folded) or (fr and _FR_CONDITIONAL.search(folded))
    if speculative and not quoted:
        reasons.append("speculation")
    if (_FR_FUTURE if fr else _EN_FUTURE).search(folded) and not quoted and "date" not in reasons:
        reasons.append("prediction")
    if text.rstrip().endswith("?"):
        reasons.append("question")
    if not has_verb:
        reasons.append("no verb")
    if len(words) < 6:
        reasons.append("short")
    raw = sum(WEIGHTS[r] for r in reasons)
    positive = [r for r in reasons if WEIGHTS[r] > 0]
    if not positive or "question" in reasons or ("opinion" in reasons and "attributed quote" not in reasons):
        return 0.0, reasons  # a question or the writer's own opinion is never a claim to check
    return (raw / (raw + 3.0) if raw > 0 else 0.0), reasons


def triage(inputs: Sequence[CompareInput]) -> list[TriageItem]:
    """Every sentence of every source with its check-worthiness, best first within the whole list.

    Boilerplate lines and caption sentences get score 0 with the reason ``boilerplate``, a sentence the source
    already said word for word (a caption repeating the lead) 0 with ``repeated``.
    """
    from workbench.core.compare.engine import prepare_sources

    out: list[TriageItem] = []
    for s in prepare_sources(inputs):
        # « les deux dirigeants », « one of two sides » are wording, not a figure to check
        qs = [(q.start, q.end) for q in s.quantities if not (q.words and q.value <= 2)]
        ds = [(d.start, d.end) for d in s.dates]
        quotes = [(q.start, q.end) for q in s.quotes]
        for ln in s.lines:
            if ln.index in s.boiler and ln.end > ln.start and s.text[ln.start : ln.end].strip():
                lo, hi = _trim(s.text, ln.start, ln.end)
                out.append(TriageItem(s.sid, lo, hi, s.text[lo:hi], 0.0, ("boilerplate",)))
        said: set[str] = set()
        for x in s.sentences:
            folded = s.folded[x.start : x.end]
            if folded in said:
                out.append(TriageItem(s.sid, x.start, x.end, s.text[x.start : x.end], 0.0, ("repeated",)))
                continue
            said.add(folded)
            if is_caption_sentence(folded):
                out.append(TriageItem(s.sid, x.start, x.end, s.text[x.start : x.end], 0.0, ("boilerplate",)))
                continue
            score, reasons = score_sentence(
                s.text[x.start : x.end],
                folded,
                s.lang,
                quoted=any(a < x.end and x.start < b for a, b in quotes),
                figures=sum(1 for a, b in qs if x.start <= a and b <= x.end),
                dates=sum(1 for a, b in ds if x.start <= a and b <= x.end),
            )
            out.append(TriageItem(s.sid, x.start, x.end, s.text[x.start : x.end], score, tuple(reasons)))
    out.sort(key=lambda t: (-t.score, t.source_id, t.start))
    return out


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi


def top_per_source(items: Sequence[TriageItem], top: int) -> list[TriageItem]:
    """The ``top`` best items of each source (score above 0), best first, sources in order of first appearance."""
    seen: dict[int, int] = {}
    out = []
    for it in items:
        if it.score <= 0:
            continue
        if seen.get(it.source_id, 0) < top:
            seen[it.source_id] = seen.get(it.source_id, 0) + 1
            out.append(it)
    return out
