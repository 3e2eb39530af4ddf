"""Contradiction by negation: one source states that something happened, another that it did not.

« Selon nos informations, la digue du Moulin aurait cédé pendant la nuit » against « La digue du Moulin a été
surveillée toute la nuit ; elle n'a pas cédé ». Such sentences share few values (no figure, no date, no name to
compare), so they are read as predications: a subject, a verb in a compound tense (« a cédé », « aurait cédé »,
« n'a pas cédé », « s'est effondrée », « a été détruite ») and a polarity. Precision comes first:

* the subject is a named noun phrase opening its clause (« la digue du Moulin », « le pont Neuf »), a proper
  name of one to three capitalised words (« Gérard Maucourant ») or « il/elle/ils/elles » resolved to the
  subject of the previous clause (same sentence, else the previous sentence) when gender and number agree;
  anything else before the verb (« que », « si », an object pronoun, « aucune ») and the clause is not read;
* negation is « ne/n' … pas/jamais/plus/point »; « ne … que », « n'a pas seulement/uniquement », a hedging
  adverb (« presque », « failli ») or a modal (« a pu céder ») make the clause unreadable, never a polarity;
* questions, sentences dated far from the dossier's event, and sources stating both polarities themselves (a
  rumour and its denial) are left out;
* two sources disagree when the same subject and the same verb (participle, voice, reflexive) carry opposite
  polarities; the spans are the two clauses, the conditional (« aurait cédé ») is noted as unconfirmed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.compare.discrepancies import Edge
from workbench.core.compare.lang import ALL_STOPWORDS, PACKS, lemma
from workbench.core.compare.model import ValueSpan
from workbench.core.compare.textutil import STOPWORDS, Sentence, fold, word_set

_BOUNDARY = re.compile(r"[,;:()\"?!]|\.(?=\s|$)|\s(?:et|mais|puis|car|or)\s")
"""Clause boundaries inside a sentence (folded text)."""
_AUX_SING = frozenset().union(*(p.auxiliaries[0] for p in PACKS.values()))
_AUX_PLUR = frozenset().union(*(p.auxiliaries[1] for p in PACKS.values()))
_AUX = "|".join(sorted(_AUX_SING | _AUX_PLUR, key=len, reverse=True))
_VERB = re.compile(
    rf"(?P<neg1>\bne\s+|\bn')?(?P<refl>\bs')?\b(?P<aux>{_AUX})\s+"
    r"(?:(?P<neg2>pas|jamais|plus|point)\b\s*)?(?P<adv>(?:[a-z]+ment|encore|bien|enfin)\s+)?"
    r"(?P<ete>ete\s+)?(?P<part>[a-z][a-z-]*)\b"
)
_PARTICIPLE = re.compile(r"[a-z-]{2,}(?:e|i|u|it|is|ert|int|eint|aint|oint)(?:e?s?)$")
_NOT_PARTICIPLE = word_set(
    """
    pu du su voulu fallu failli manque cesse semble paru faillit su presque quasiment pratiquement peut-etre
    seulement uniquement simplement que qu rien personne aucun aucune nulle guere ete eu lieu fait
    """
)
_HEDGE_ADV = word_set("quasiment pratiquement presque partiellement seulement uniquement simplement")
_CONNECTOR = r"(?:(?:mais|et|or|pourtant|heureusement|finalement|cependant|toutefois|enfin|donc)\s+)?"
_NP_WORD = r"[a-z][a-z-]*"
_SUBJECT_NP = re.compile(
    rf"^{_CONNECTOR}(?P<np>(?P<det>le|la|les)\s+{_NP_WORD}|(?P<det2>l')\s*{_NP_WORD})"
    rf"(?P<mods>(?:\s+(?:(?:du|des|de\s+la|de\s+l'|d'|de)\s*{_NP_WORD}|{_NP_WORD})){{0,4}})\s*$"
)
_PRONOUN = re.compile(rf"^{_CONNECTOR}(?P<pro>il|elle|ils|elles)\s*$")
_LEADING_NP = re.compile(
    rf"^{_CONNECTOR}(?P<np>(?P<det>le|la|les)\s+{_NP_WORD}|(?P<det2>l')\s*{_NP_WORD})"
    rf"(?P<mods>(?:\s+(?:du|des|de\s+la|de\s+l'|d'|de)\s*{_NP_WORD}){{0,3}})\s+[a-z]"
)
_QUESTION = re.compile(r"-t-|\best-ce\b|\?")


@dataclass(frozen=True, slots=True)
class Subject:
    """Who or what a clause is about.

    ``key`` is the folded noun phrase without its determiner; ``gender`` is ``m``, ``f`` or "" (« l' »), ``number``
    ``s`` or ``p``.
    """

    key: str
    text: str
    gender: str
    number: str


@dataclass(frozen=True, slots=True)
class Claim:
    """One source's predication: ``subject`` did (``positive``) or did not do ``verb`` in clause ``[start, end)``."""

    source_id: int
    start: int
    end: int
    subject: Subject
    pronoun: str
    verb: str
    verb_text: str
    participle: str
    positive: bool
    conditional: bool


def _clauses(folded: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out = []
    pos = lo
    for m in _BOUNDARY.finditer(folded, lo, hi):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, hi))
    return [(a, b) for a, b in (_trim(folded, a, b) for a, b in out) if b > a]


def _trim(folded: str, a: int, b: int) -> tuple[int, int]:
    while a < b and not folded[a].isalnum():
        a += 1
    while b > a and not folded[b - 1].isalnum():
        b -= 1
    return a, b


def _np_subject(folded: str, text: str, a: int, m: re.Match[str]) -> Subject | None:
    words = re.findall(r"[a-z][a-z-]*", m.group("np") + " " + (m.group("mods") or ""))
    if m.group("det2"):
        words = words[1:]  # « l' » folds to the letter l
    if any(w in STOPWORDS and w not in ("du", "des", "de", "la", "le", "l") for w in words[1:]):
        return None
    if any(w.endswith("ment") for w in words):
        return None
    det = m.group("det") or m.group("det2") or ""
    gender = {"le": "m", "la": "f"}.get(det, "")
    number = "p" if det == "les" else "s"
    s, e = a + m.start("np"), a + max(m.end("np"), m.end("mods"))
    key = " ".join(words[1:]) if det != "l'" else " ".join(words)
    if not key or key.split()[0] in STOPWORDS:
        return None
    return Subject(key, text[s:e], gender, number)


_NAME_WORDS = re.compile(r"^\s*(?:[A-ZÀ-ÖØ-Þ][\w'-]*\s+){0,2}[A-ZÀ-ÖØ-Þ][\w'-]+\s*$")


def _name_subject(text: str, a: int, before: str) -> Subject | None:
    """A proper name opening the clause (« Gérard Maucourant n'a pas assisté »): one to three capitalised words.

    Its key is the last word (the surname, as the persons index keys it); gender unknown, singular.
    """
    raw = text[a : a + len(before)]
    if not _NAME_WORDS.match(raw):
        return None
    words = before.split()
    if any(w in STOPWORDS for w in words):
        return None
    lead = len(before) - len(before.lstrip())
    return Subject(words[-1], raw[lead:].rstrip(), "", "s")


def _agrees(pro: str, ante: Subject) -> bool:
    number = "p" if pro.endswith("s") else "s"
    gender = "f" if pro.startswith("elle") else "m"
    return ante.number == number and ante.gender in ("", gender)


def sentence_claims(
    source_id: int, text: str, folded: str, sentences: Sequence[Sentence], near: Sequence[bool]
) -> list[Claim]:
    """The readable predications of one source's reporting sentences (``near``: sentence not dated far away)."""
    out: list[Claim] = []
    prev_subject: Subject | None = None
    for sent, ok in zip(sentences, near, strict=True):
        if _QUESTION.search(folded, sent.start, sent.end):
            prev_subject = None
            continue
        for a, b in _clauses(folded, sent.start, sent.end):
            claim, subject = _read_clause(source_id, text, folded, a, b, prev_subject)
            prev_subject = subject
            if claim is not None and ok:
                out.append(claim)
    return out


def _read_clause(
    source_id: int, text: str, folded: str, a: int, b: int, prev: Subject | None
) -> tuple[Claim | None, Subject | None]:
    """The claim of clause ``[a, b)`` if readable, and the subject the next clause's pronoun would refer to."""
    seg = folded[a:b]
    lead = _LEADING_NP.match(seg + " x")
    fallback = _np_subject(folded, text, a, lead) if lead is not None else None
    for vm in _VERB.finditer(seg):
        if text[a + vm.start("aux")] == "à":
            continue
        before = seg[: vm.start()]
        subject: Subject | None = None
        pronoun = ""
        pm = _PRONOUN.match(before)
        if pm is not None:
            pronoun = pm.group("pro")
            if prev is None or not _agrees(pronoun, prev):
                return None, None
            if pronoun == "il" and vm.group("ete"):
                return None, None  # « il a été décidé »: impersonal
            subject = prev
            start = a + pm.start("pro")
        else:
            nm = _SUBJECT_NP.match(before)
            if nm is None:
                named = _name_subject(text, a, before)
                if named is None:
                    return None, fallback
                subject, start = named, a + len(before) - len(before.lstrip())
                aux = vm.group("aux")
                if aux in _AUX_PLUR:
                    return None, subject
                return _claim(source_id, text, a, b, start, vm, subject, pronoun), subject
            subject = _np_subject(folded, text, a, nm)
            if subject is None:
                return None, fallback
            start = a + nm.start("np")
        aux = vm.group("aux")
        if (aux in _AUX_PLUR) != (subject.number == "p"):
            return None, subject
        claim = _claim(source_id, text, a, b, start, vm, subject, pronoun)
        return claim, subject
    return None, fallback


def _claim(
    source_id: int, text: str, a: int, b: int, start: int, vm: re.Match[str], subject: Subject, pronoun: str
) -> Claim | None:
    part = vm.group("part")
    adv = (vm.group("adv") or "").strip()
    neg1, neg2 = vm.group("neg1"), vm.group("neg2")
    if part in _NOT_PARTICIPLE or part in STOPWORDS or not _PARTICIPLE.fullmatch(part) or adv in _HEDGE_ADV:
        return None
    if bool(neg1) != bool(neg2):
        return None  # « ne … que », « n'a rien », a stray « pas »
    positive = neg1 is None
    if not positive and adv not in ("", "encore"):
        return None  # « n'a pas complètement cédé » says it partly happened
    voice = ("refl:" if vm.group("refl") else "") + ("pass:" if vm.group("ete") else "")
    return Claim(
        source_id,
        start,
        b,
        subject,
        pronoun,
        voice + _lemma(part),
        text[a + vm.start() : a + vm.end()],
        text[a + vm.start("part") : a + vm.end("part")],
        positive,
        vm.group("aux").endswith(("rait", "raient")),
    )


def _lemma(part: str) -> str:
    """The participle without its agreement (« cédées », « cédé » → « ced »; « détruite » → « detruit »)."""
    if part.endswith("s") and len(part) > 3 and part[-2] in "eu":
        part = part[:-1]
    return part.rstrip("e")


def negation_edges(per_source: Sequence[tuple[str, Sequence[Claim]]]) -> list[Edge]:
    """Opposite polarities of the same subject and verb across sources (``per_source``: text and claims)."""
    by_key: dict[tuple[str, str], dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    texts: dict[int, str] = {}
    for text, claims in per_source:
        for c in claims:
            texts[c.source_id] = text
            by_key[(c.subject.key, c.verb)][c.source_id].append(c)
    edges: list[Edge] = []
    for (key, verb), per in sorted(by_key.items()):
        firsts: list[Claim] = []
        for sid in sorted(per):
            if len({c.positive for c in per[sid]}) == 1:  # a source stating both is reporting a rumour and its denial
                firsts.append(per[sid][0])
        if len(firsts) < 2 or len({c.positive for c in firsts}) < 2:
            continue
        note = _note(firsts)
        spans = [_vspan(texts[c.source_id], c) for c in firsts]
        first = firsts[0]
        edges += [
            Edge("other", f"negation:{key}|{verb}", spans[0], spans[k], c.positive == first.positive, note)
            for k, c in enumerate(firsts[1:], start=1)
        ]
    return edges


def _value(c: Claim) -> str:
    value = "happened" if c.positive else "did not happen"
    return value + (" (unconfirmed)" if c.conditional else "")


def _vspan(text: str, c: Claim) -> ValueSpan:
    return ValueSpan(c.source_id, c.start, c.end, text[c.start : c.end], _value(c), "polarity")


def _note(claims: Sequence[Claim]) -> str:
    subject = claims[0].subject.text
    verb = next(c.participle for c in claims if c.positive)
    parts = []
    for c in claims:
        part = f"source {c.source_id}: {'yes' if c.positive else 'no'} (« {c.verb_text} »"
        if c.pronoun:
            part += f", « {c.pronoun} » = « {c.subject.text} »"
        if c.conditional:
            part += ", conditional: reported as unconfirmed"
        part += ")"
        parts.append(part)
    return f"« {subject} » « {verb} » or not — " + "; ".join(parts)



_EN_BOUNDARY = re.compile(r"[,;:()\"?!]|\.(?=\s|$)|\s(?:and|but|while|although|though)\s")
_EN_NP = re.compile(
    r"(?:(?:but|and|yet|however|finally)\s+)?(?P<np>the\s+[a-z][a-z-]*(?:\s+(?:of\s+the\s+)?"
    r"(?!(?:has|have|had|was|were|did|didn't|never|is|are)\b)[a-z][a-z-]*){0,2})\s+"
)
_EN_NAME = re.compile(r"(?:[A-ZÀ-ÖØ-Þ][\w'-]*\s+){0,2}[A-ZÀ-ÖØ-Þ][\w'-]+\s+")
_EN_PRED = re.compile(
    r"(?:(?P<neg>did\s+not|didn't|never)\s+(?P<base>[a-z]+)|(?P<aux>has|have|had|was|were)\s+"
    r"(?P<not>not\s+|never\s+)?(?:been\s+)?(?P<part>[a-z]+(?:ed|en|wn))|(?P<past>[a-z]{3,}ed))\b"
)
_EN_NP_PRED = re.compile(_EN_NP.pattern + _EN_PRED.pattern)
"""An English predication after its subject: « did not V », « has (not) V-ed », « was (not) V-ed » or a simple
past « V-ed »; a modal (« may have », « could »), an adverb or anything else before the verb is not read."""


def english_claims(
    source_id: int, text: str, folded: str, sentences: Sequence[Sentence], near: Sequence[bool]
) -> list[Claim]:
    """The readable predications of an English source (the French reader's rules, English grammar).

    « Maucourant did not attend the ruling » / « Maucourant attended the ruling », « The roof has not collapsed » /
    « the roof collapsed »: same subject (a determined noun phrase or a proper name opening the clause), same verb
    (lemma and voice), opposite polarity.
    """
    out: list[Claim] = []
    for sent, ok in zip(sentences, near, strict=True):
        if not ok or _QUESTION.search(folded, sent.start, sent.end):
            continue
        pos = sent.start
        cuts = [(m.start(), m.end()) for m in _EN_BOUNDARY.finditer(folded, sent.start, sent.end)]
        for cut0, cut1 in [*cuts, (sent.end, sent.end)]:
            a, b = _trim(folded, pos, cut0)
            pos = cut1
            claim = _english_clause(source_id, text, folded, a, b) if b > a else None
            if claim is not None:
                out.append(claim)
    return out


def _english_clause(source_id: int, text: str, folded: str, a: int, b: int) -> Claim | None:
    named = _EN_NAME.match(text, a)
    if named is not None and named.end() < b and fold(text[a : named.end()]).split()[0] not in STOPWORDS:
        name = text[a : named.end()].strip()
        subject = Subject(fold(name.split()[-1]).lower(), name, "", "s")
        at = named.end()
    else:
        npm = _EN_NP_PRED.match(folded, a, b)
        if npm is None:
            return None
        words = [w for w in npm.group("np").split() if w not in ("the", "of")]
        if not words or any(w in ALL_STOPWORDS for w in words):
            return None
        subject = Subject(" ".join(words), text[npm.start("np") : npm.end("np")], "", "s")
        at = npm.end("np")
    m = _EN_PRED.match(folded, at, b) if at < b and not folded[at].isspace() else _EN_PRED.match(folded, at + 1, b)
    if m is None:
        return None
    verb = m.group("base") or m.group("part") or m.group("past") or ""
    if verb in STOPWORDS:
        return None
    voice = "pass:" if m.group("aux") in ("was", "were") else ""
    return Claim(
        source_id,
        a,
        b,
        subject,
        "",
        voice + lemma(verb, "en"),
        text[m.start() : m.end()],
        verb,
        not (m.group("neg") or m.group("not")),
        False,
    )
