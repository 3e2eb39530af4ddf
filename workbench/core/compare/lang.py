"""Language packs: the words the comparison and the claim triage read, one pack per language (French, English).

Each source carries its language into the comparison (:class:`~workbench.core.compare.model.CompareInput`); when
the source's record has none, :func:`detect` guesses it from function words. A pack holds folded words (lower
case, no accents, see :func:`~workbench.core.compare.textutil.fold`): stop words, months, weekdays, relative
dates, speech verbs, negation, hedges and rank words, superlatives, opinion and speculation markers, roles,
caption words, month abbreviations, and numbers in words (``cardinals`` for the figure parser, ``small_numbers``
for « il y a trois jours », ``ordinals``; text2num reads what the hand parser cannot: measured on 23 English
number phrases, both read 22 — « a hundred » fails in both — so the hand parser, which reads the folded text the
detectors match, stays first as for French). Lemmas come from simplemma (a maintained, offline, dictionary-based
lemmatiser for both languages): they make « entretenu / entretient » or « talks / talked » one word for the
alignment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from workbench.core.compare.textutil import word_set


@dataclass(frozen=True, slots=True)
class LanguagePack:
    """The words of one language, folded."""

    code: str
    stopwords: frozenset[str]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    relative_days: frozenset[str]
    speech_verbs: frozenset[str]
    negation: frozenset[str]
    hedges: frozenset[str]
    superlatives: frozenset[str]
    opinion: frozenset[str]
    speculation: frozenset[str]
    causal: frozenset[str]
    comparison: frozenset[str]
    roles: frozenset[str]
    caption_words: frozenset[str]
    month_abbreviations: dict[str, int] = field(default_factory=dict)
    """Abbreviated months the date reader accepts (« janv », « fevr »), with their number."""
    weekday_qualifiers: frozenset[str] = frozenset()
    """Words after a weekday that move it to the week before or after (« mardi dernier », « next Tuesday »)."""
    small_numbers: dict[str, int] = field(default_factory=dict)
    """Numbers in words the date reader reads in « il y a trois jours »."""
    cardinals: dict[str, int] = field(default_factory=dict)
    """Number words the hand figure parser composes (« deux cent mille »); text2num reads the rest."""
    ordinals: dict[str, int] = field(default_factory=dict)
    """Ordinal words the figure parser reads (« sixième » = 6)."""
    auxiliaries: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    """Singular and plural auxiliaries of compound tenses, read by the negation detector (« a cédé », « ont »)."""
    speaker_roles: tuple[str, ...] = ()
    """Role phrases (folded, regular-expression ready) the speaker detector reads before or after a name."""


FR = LanguagePack(
    code="fr",
    stopwords=word_set(
        """
        a au aux avec ce ces cet cette d de des du elle elles en et eux il ils je l la le les leur leurs lui m ma
        mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes
        toi ton tu un une vos votre vous y c j est sont ete etait etre avait ont sera selon lors dont ainsi aussi
        plus tres tout tous toute toutes cela ca comme si alors apres avant sans sous entre vers chez depuis
        pendant deja encore fait faire avoir dans leur cette celui celle ceux quelle quel quels quelles
        """
    ),
    months=(
        "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
        "novembre", "decembre",
    ),
    weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    relative_days=word_set("hier avant-hier aujourd'hui demain apres-demain veille lendemain"),
    speech_verbs=word_set(
        """
        declare declarer dit dire affirme affirmer assure assurer ajoute ajouter explique expliquer indique
        indiquer estime estimer souligne souligner annonce annoncer precise preciser confie confier rappele
        rappeler qualifie qualifier reconnu reconnaitre insiste insister note noter
        """
    ),
    negation=word_set("ne n pas jamais aucun aucune rien nul nulle personne ni guere plus"),
    hedges=word_set("un une des l'un l'une parmi certains certaines plusieurs environ pres quelque quelques"),
    superlatives=word_set("principal principale principaux principales premier premiere plus meilleur seul unique"),
    opinion=word_set(
        """
        je pense crois estime semble sembler trouve magnifique formidable terrible scandaleux honteux
        pourquoi merveilleux malheureusement heureusement devrait devraient faut
        """
    ),
    speculation=word_set(
        """
        pourrait pourraient serait seraient sans doute peut-etre probablement possible possiblement envisage
        sera seront devrait devraient risque
        """
    ),
    causal=word_set("parce car cause raison grace provoque entraine suite consequence"),
    comparison=word_set("plus moins que davantage superieur inferieur record double triple hausse baisse"),
    roles=word_set(
        """
        president presidente ministre conseiller conseillere porte-parole ambassadeur directeur directrice
        professeur chancelier secretaire maire prefet prefete general chef dirigeant dirigeants
        """
    ),
    caption_words=word_set("photo photos credit illustration image legende afp reuters xinhua tass ap epa getty"),
    month_abbreviations={
        "janv": 1, "fevr": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    weekday_qualifiers=word_set("dernier derniere prochain prochaine"),
    small_numbers={
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30,
    },
    cardinals={
        "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
        "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "septante": 70, "huitante": 80, "octante": 80, "nonante": 90, "cent": 100, "cents": 100, "mille": 1000,
    },
    ordinals={
        "premier": 1, "premiere": 1, "second": 2, "seconde": 2, "unieme": 1, "deuxieme": 2, "troisieme": 3,
        "quatrieme": 4, "cinquieme": 5, "sixieme": 6, "septieme": 7, "huitieme": 8, "neuvieme": 9,
        "dixieme": 10, "onzieme": 11, "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15,
        "seizieme": 16, "vingtieme": 20, "trentieme": 30, "quarantieme": 40, "cinquantieme": 50,
        "soixantieme": 60, "centieme": 100, "millieme": 1000,
    },
    auxiliaries=(
        word_set("a avait aurait aura eut est etait serait sera fut"),
        word_set("ont avaient auraient auront eurent sont etaient seraient seront furent"),
    ),
    speaker_roles=(
        "prefete?", "sous-prefete?", "maire", "adjointe? au maire", "ministre", "president", "presidente",
        "porte-parole", "directeur", "directrice", "procureure?", "commandant", "colonel", "capitaine",
        "lieutenant", "general", "commissaire", "depute", "deputee", "senateur", "senatrice", "gouverneure?",
        "chef", "cheffe", "responsable", "secretaire generale?", "conseillere?", "premier ministre",
        "premiere ministre", "patron", "patronne", "presidente? du conseil departemental", "presidente? de region",
    ),
)  # fmt: skip

EN = LanguagePack(
    code="en",
    stopwords=word_set(
        """
        the of and to in on for with at by from as is was were be been has have had it its this that these those
        an a or but not no he she they we you i his her their our your him them us me my which who whom what
        when where while also after before about into over than then there here so such can could would will
        shall should may might do did does done being are am said says
        """
    ),
    months=(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ),
    weekdays=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    relative_days=word_set("yesterday today tomorrow eve"),
    speech_verbs=word_set(
        """
        said say says told tell stated state declared declare added add explained explain noted note stressed
        stress announced announce called call described describe confirmed confirm insisted insist
        """
    ),
    negation=word_set("not no never none nothing nobody neither nor n't"),
    hedges=word_set("one of among some several about around nearly almost roughly"),
    superlatives=word_set("main principal chief leading largest biggest first best only sole top"),
    opinion=word_set(
        """
        i think believe feel seems seem wonderful terrible shameful outrageous why unfortunately fortunately
        should must
        """
    ),
    speculation=word_set("could might may would perhaps maybe probably possibly likely will expected risk"),
    causal=word_set("because since due cause caused causing led result owing thanks"),
    comparison=word_set("more less than higher lower record double triple rise fall increase decrease"),
    roles=word_set(
        """
        president minister adviser advisor spokesman spokeswoman ambassador director professor chancellor
        secretary mayor general chief leader leaders
        """
    ),
    caption_words=word_set("photo photos credit illustration image caption afp reuters xinhua tass ap epa getty"),
    weekday_qualifiers=word_set("last next"),
    month_abbreviations={
        "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    },
    cardinals={
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    },
)  # fmt: skip

PACKS = {"fr": FR, "en": EN}
ALL_STOPWORDS = FR.stopwords | EN.stopwords


def merged(tables: list[dict[str, int]]) -> dict[str, int]:
    """One word table over every pack (the detectors read folded text of any language)."""
    out: dict[str, int] = {}
    for t in tables:
        out.update(t)
    return out


MONTH_NUMBERS = merged([{m: k + 1 for k, m in enumerate(p.months)} | p.month_abbreviations for p in PACKS.values()])
"""Month words of every pack, full and abbreviated, with their number."""
WEEKDAY_NUMBERS = merged([{d: k for k, d in enumerate(p.weekdays)} for p in PACKS.values()])
"""Weekday words of every pack, Monday = 0."""


def pack(code: str) -> LanguagePack:
    """The pack of a language code (« fr », « fr-FR », « French », « en »...); French when unknown."""
    key = code.strip().lower()[:2]
    return PACKS.get(key, FR)


_WORD = re.compile(r"[a-z']+")


def detect(folded: str) -> str:
    """``fr`` or ``en`` from function words of a folded text (French on a tie: the project's first desk)."""
    fr = en = 0
    for w in _WORD.findall(folded[:20000]):
        fr += w in _FR_CUES
        en += w in _EN_CUES
    return "en" if en > fr else "fr"


_FR_CUES = word_set("le la les des du et est une dans pour que qui sur au aux avec par ont sont ne pas")
_EN_CUES = word_set("the and of to is are was were with for that this from by have has had did what")


def language_of(text_language: str, folded: str) -> str:
    """The language to read a source in: its recorded language when it is one of ours, else a detected one."""
    key = text_language.strip().lower()[:2]
    return key if key in PACKS else detect(folded)


def line_language(folded: str) -> str | None:
    """``fr``/``en`` for a stretch with clear stop-word evidence, else ``None``."""
    fr = en = 0
    for w in _WORD.findall(folded):
        fr += w in _FR_ONLY
        en += w in _EN_ONLY
    if en >= 2 and en > 2 * fr:
        return "en"
    if fr >= 2 and fr > 2 * en:
        return "fr"
    return None


_FR_ONLY = FR.stopwords - EN.stopwords
_EN_ONLY = EN.stopwords - FR.stopwords


@lru_cache(maxsize=200_000)
def lemma(token: str, code: str) -> str:
    """Lemma of a folded token in language ``code`` (simplemma), folded again (its dictionary keeps accents)."""
    out = simplemma.lemmatize(token, lang=code)
    return out.lower().translate(_STRIP)


_STRIP = str.maketrans("àâäéèêëîïôöùûüç", "aaaeeeeiioouuuc")
