"""Numbers, amounts, durations, percentages, counts and ordinals, parsed to comparable values.

Two sources give the same figure in many shapes: « 244,8 milliards de dollars » and « 244.8 Md$ », « 1 heure et
25 minutes » and « 1 h 25 », « sixième conversation » and « 6e conversation ». Each mention is parsed to a value in
base units with a comparison key (``USD``, ``min``, ``%``, ``n:<noun>``, ``ord:<noun>``...), a resolution (so that
« 245 milliards » does not contradict « 244,8 milliards ») and a bound (« plus de », « environ »). Matching runs on
folded text; offsets are offsets into the text of record.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from text_to_num import text2num

from workbench.core.compare.lang import PACKS, merged
from workbench.core.compare.textutil import STOPWORDS, stem, word_set

NUMBER_WORDS = merged([p.cardinals for p in PACKS.values()])
_ORDINAL_STEMS = merged([p.ordinals for p in PACKS.values()])
_ADJECTIVES = word_set(
    """
    nouveau nouveaux nouvel nouvelle nouvelles autres autre grands grandes grand grande petits petites petit
    petite principaux principales longs longues long longue courts courtes derniers dernieres bons bonnes gros
    grosses vieux jeunes anciens anciennes hauts hautes importants importantes seuls seules seul seule
    veritables vrais premiers premieres dizaines centaines milliers millions milliards
    """
)
_NOT_ORDINAL_NOUNS = word_set(
    """
    ministre ministres dame secretaire lieu temps plan abord degre rang chef vice adjoint minis ordre
    """
)
_UNIT_WORDS = word_set(
    """
    heure heures h minute minutes min mn seconde secondes sec jour jours semaine semaines mois an ans annee
    annees pour cent pourcent percent point points
    """
)

_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NWSEQ = rf"(?:\b(?:{_NW})\b)(?:(?:-et-|\s+et\s+(?=(?:un|une|onze)\b)|-|\s+)(?:\b(?:{_NW})\b))*"
_NUMD = r"(?<![\w,.])(?:\d{1,3}(?:[ .]\d{3})+(?![\d])|\d+)(?:,\d+|\.\d{1,2}(?!\d))?(?![\w])"
_NT = rf"(?:{_NUMD}|{_NWSEQ})"
_NUMD_TIGHT = r"(?<![\w,.])(?:\d{1,3}(?:[ .]\d{3})+(?![\d])|\d+)(?:,\d+|\.\d{1,2}(?!\d))?(?!\d)"
_NT_TIGHT = rf"(?:{_NUMD_TIGHT}|{_NWSEQ})"
_NWSEQ_RE = re.compile(_NWSEQ)
_NUMD_RE = re.compile(_NUMD)

_TIME = re.compile(r"(?<![\w,])(?P<h>\d{1,2})\s?(?:h|heures?)(?:\s?(?P<m>\d{2}))?(?![\w])")
_TIME_BEFORE = re.compile(r"\b(a|vers|des|jusqu'a|avant|apres|entre|et|depuis|at|around)\s+$")
_DUR_H = re.compile(
    rf"(?P<h>{_NT_TIGHT})\s*(?:heures?|hours?|hrs?|h)(?![a-z])"
    rf"(?:\s*(?:(?:et|and)\s+)?(?P<m>{_NT})\s*(?:minutes?|min|mn)(?![a-z])|\s?(?P<m2>\d{{2}})(?!\d)(?:\s?min\b)?"
    rf"|\s+(?:et|and)\s+(?:a\s+)?(?P<frac>demie|quart|half|quarter))?"
)
_DUR_M = re.compile(
    rf"(?P<m>{_NT_TIGHT})\s*(?:minutes?|min|mn)(?![a-z])(?:\s*(?:et\s+)?(?P<s>{_NT})\s*(?:secondes?|s)\b)?"
)
_DUR_FRAC = re.compile(
    r"\b(?:une\s+demi-heure|half\s+an\s+hour|(?P<q>un|trois)\s+quarts?\s+d'heure|"
    r"(?P<one>an|one)\s+hour(?:\s+and\s+a\s+(?P<frac>half|quarter))?)\b"
)
_DUR_S = re.compile(rf"(?P<s>{_NT})\s*(?:secondes?|sec)\b")
_DUR_LONG = re.compile(rf"(?P<n>{_NT})\s+(?P<u>jours?|semaines?|mois|ans|annees?)\b")
_ORD = re.compile(r"\b(?P<w>[a-z]+(?:-(?:et-)?[a-z]+)*)\b|\b(?P<d>\d+)(?:e|eme|ieme|er|ere|re)\b")
_SCALE = re.compile(
    r"\s*(?P<scale>milliards?|millions?|billions?|mille|mrds?|mds?|bn|k(?=\s?[$€£])|m(?=\s?[$€£]))(?![a-z])"
)
_UNIT = re.compile(
    r"\s*(?:(?:de|d')\s*)?(?P<unit>dollars?(?:\s+americains)?|euros?|livres?\s+sterling|francs?\s+suisses|yuans?|"
    r"roubles?|yens?|us\$|\$|€|£|usd|eur|gbp|%|pour\s?cent|pourcents?|per\s?cent|points?\s+de\s+pourcentage|"
    r"km2|km²|kilometres?\s+carres|km|kilometres?|metres?|cm|mm|millimetres?|kg|kilos?|kilogrammes?|tonnes?|"
    r"litres?|hectares?|ha|degres|°c|°|mw|gw|twh|mwh|kwh|barils?)(?![a-z])"
)
_CUR_BEFORE = re.compile(r"(?P<cur>us\$|\$|€|£)\s?$")
_BOUND_BEFORE = re.compile(
    r"\b(?P<b>plus de|plus d'|au moins|pas moins de|over|more than|at least|moins de|moins d'|pas plus de|"
    r"jusqu'a|under|less than|up to|pres de|pres d'|environ|quelque|autour de|approximativement|presque|around|"
    r"about|nearly|almost|une|un)\s*$"
)
_UNIT_KEYS = {
    "dollar": "USD", "dollars": "USD", "us$": "USD", "$": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "%": "%", "percent": "%", "per cent": "%",
    "km2": "km2", "km²": "km2",
    "km": "km", "cm": "cm", "mm": "mm", "kg": "kg", "ha": "ha", "°c": "°C", "°": "°C", "degres": "°C", "mw": "MW",
    "gw": "GW", "twh": "TWh", "mwh": "MWh", "kwh": "kWh",
}  # fmt: skip
_SCALES = {
    "mille": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "mrds": 1e9,
    "bn": 1e9,
    "k": 1e3,
    "m": 1e6,
}


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure of a text.

    Attributes:
        value: in base units (currency units, minutes for short durations, days for long ones, percent points...).
        unit: comparison key; values are only compared under the same key (or, loosely, the same category).
        category: ``amount``, ``percent``, ``measure``, ``duration``, ``time``, ``count`` or ``ordinal``.
        words: written in words (« deux appels ») or as an ordinal: a disagreement on it is of kind ``count``.
        step: resolution of the written figure (``245 milliards`` -> 1e9): closer values do not disagree.
        bound: ``""`` exact, ``min`` (« plus de »), ``max`` (« moins de ») or ``approx`` (« environ »).
    """

    start: int
    end: int
    value: float
    unit: str
    category: str
    words: bool = False
    step: float = 0.0
    bound: str = ""

    @property
    def kind(self) -> str:
        """Discrepancy kind this figure belongs to."""
        if self.category == "time":
            return "other"
        return "count" if self.words and self.category in ("count", "ordinal") else "number"


def words_to_int(seq: str) -> int | None:
    """Value of a French number written in words (« quatre-vingt-dix », « deux cent mille »), else ``None``."""
    total = current = 0
    for part in re.split(r"-et-|\s+et\s+|-|\s+", seq.strip()):
        if not part:
            continue
        if part in ("mille", "thousand"):
            total += max(current, 1) * 1000
            current = 0
        elif part in ("cent", "cents", "hundred"):
            current = max(current, 1) * 100 if current % 100 == current else current + 100
        elif part in ("vingt", "vingts") and current % 100 == 4:
            current += 76
        elif part in NUMBER_WORDS:
            current += NUMBER_WORDS[part]
        else:
            return _text2num(seq)
    return total + current


def _text2num(seq: str) -> int | None:
    """text2num's reading (« un million », Belgian and Swiss « septante », English « twenty-one »), else ``None``.

    Measured on 23 French number phrases: the hand parser reads 22, text2num 23; the hand parser stays first
    because it reads the folded text (no accents) the detectors match on.
    """
    for lang in ("fr", "en"):
        try:
            value = text2num(seq.strip(), lang)
        except ValueError:
            continue
        if isinstance(value, int):
            return value
    return None


def parse_number(txt: str) -> tuple[float, float]:
    """Value and resolution of a number in digits, French or English style (« 1 200,5 », « 3.5 », « 1.200 »)."""
    txt = txt.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    if "," in txt:
        whole, dec = txt.rsplit(",", 1)
        whole = whole.replace(".", "")
        return float(f"{whole}.{dec}"), 10.0 ** -len(dec)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", txt):
        return float(txt.replace(".", "")), 1.0
    if "." in txt:
        return float(txt), 10.0 ** -len(txt.split(".")[1])
    return float(txt), 1.0


def parse_ordinal(word: str) -> int | None:
    """Value of an ordinal in words (« sixième », « vingt-et-unième », « première »), else ``None``."""
    if word in _ORDINAL_STEMS:
        return _ORDINAL_STEMS[word]
    parts = word.split("-")
    last = parts[-1]
    if last not in _ORDINAL_STEMS or last in ("premier", "premiere", "second", "seconde"):
        return None
    head = "-".join(p for p in parts[:-1] if p != "et")
    base = words_to_int(head) if head else 0
    if base is None:
        return None
    return base + _ORDINAL_STEMS[last]


def _value_of(txt: str) -> tuple[float, float, bool] | None:
    """Value, resolution and whether written in words, of a number token."""
    if txt[0].isdigit():
        value, step = parse_number(txt)
        return value, step, False
    n = words_to_int(txt)
    return (float(n), 1.0, True) if n is not None else None


def _noun_after(folded: str, pos: int) -> tuple[str, int] | None:
    """The noun following a number (adjectives and « de » skipped) and where it ends."""
    for m in re.finditer(r"[a-z][a-z'-]*", folded[pos : pos + 60]):
        between = folded[pos : pos + m.start()]
        if re.search(r"[^\s\w'-]", between):
            return None
        word = m.group(0).split("'")[-1]
        if word in ("de", "d") or word in _ADJECTIVES:
            continue
        if word in STOPWORDS or len(word) < 3:
            return None
        return word, pos + m.end()
    return None


def _bound(folded: str, start: int) -> str:
    m = _BOUND_BEFORE.search(folded, max(0, start - 24), start)
    if not m:
        return ""
    b = m.group("b")
    if b in ("un", "une"):
        return ""
    if b.startswith(("plus", "au moins", "pas moins", "over", "more", "at least")):
        return "min"
    if b.startswith(("moins", "pas plus", "jusqu", "under", "less", "up to")):
        return "max"
    return "approx"


def find_quantities(folded: str, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Every figure in ``folded`` outside the ``skip`` spans (dates)."""
    taken = bytearray(len(folded) + 1)
    for a, b in skip:
        taken[a:b] = b"\x01" * (b - a)
    out: list[Quantity] = []

    def free(s: int, e: int) -> bool:
        return taken.find(1, s, e) < 0

    def add(q: Quantity) -> None:
        taken[q.start : q.end] = b"\x01" * (q.end - q.start)
        out.append(q)

    for m in _TIME.finditer(folded):
        if free(m.start(), m.end()) and _TIME_BEFORE.search(folded[max(0, m.start() - 12) : m.start()]):
            value = int(m.group("h")) * 60 + int(m.group("m") or 0)
            if value < 24 * 60:
                add(Quantity(m.start(), m.end(), float(value), "time", "time", step=1.0))
    _durations(folded, free, add)
    _ordinals(folded, free, add)
    _numbers(folded, free, add)
    out.sort(key=lambda q: q.start)
    return out


def _frac_minutes(m: re.Match[str]) -> float:
    """Minutes of « une demi-heure », « trois quarts d'heure », « an hour and a half »."""
    if m.group("one"):
        return 60.0 + {"half": 30.0, "quarter": 15.0}.get(m.group("frac") or "", 0.0)
    if m.group("q") is None:
        return 30.0
    return 15.0 if m.group("q") == "un" else 45.0


def _durations(folded: str, free: object, add: object) -> None:
    assert callable(free) and callable(add)
    for m in _DUR_FRAC.finditer(folded):
        if free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    _frac_minutes(m),
                    "min",
                    "duration",
                    step=1.0,
                    bound=_bound(folded, m.start()),
                )
            )
    for m in _DUR_H.finditer(folded):
        h = _value_of(m.group("h"))
        if h is None or not free(m.start(), m.end()):
            continue
        minutes = h[0] * 60
        if m.group("m"):
            mm = _value_of(m.group("m"))
            minutes += mm[0] if mm else 0
        elif m.group("m2"):
            minutes += int(m.group("m2"))
        elif m.group("frac"):
            minutes += 30 if m.group("frac") in ("demie", "half") else 15
        add(
            Quantity(
                m.start(), m.end(), minutes, "min", "duration", words=h[2], step=1.0, bound=_bound(folded, m.start())
            )
        )
    for m in _DUR_M.finditer(folded):
        mm = _value_of(m.group("m"))
        if mm is None or not free(m.start(), m.end()):
            continue
        ss = _value_of(m.group("s")) if m.group("s") else None
        add(
            Quantity(
                m.start(),
                m.end(),
                mm[0] + (ss[0] / 60 if ss else 0.0),
                "min",
                "duration",
                words=mm[2],
                step=mm[1],
                bound=_bound(folded, m.start()),
            )
        )
    for m in _DUR_S.finditer(folded):
        ss = _value_of(m.group("s"))
        if ss is not None and free(m.start(), m.end()):
            add(
                Quantity(
                    m.start(),
                    m.end(),
                    ss[0] / 60,
                    "min",
                    "duration",
                    words=ss[2],
                    step=ss[1] / 60,
                    bound=_bound(folded, m.start()),
                )
            )
    for m in _DUR_LONG.finditer(folded):
        nn = _value_of(m.group("n"))
        if nn is None or not free(m.start(), m.end()) or folded[max(0, m.start() - 9) : m.start()].endswith("il y a "):
            continue
        u = m.group("u")
        unit, factor = (
            ("days", 1)
            if u.startswith("jour")
            else ("days", 7)
            if u.startswith("sem")
            else (("months", 1) if u == "mois" else ("years", 1))
        )
        add(
            Quantity(
                m.start(),
                m.end(),
                nn[0] * factor,
                unit,
                "duration",
                words=nn[2],
                step=nn[1] * factor,
                bound=_bound(folded, m.start()),
            )
        )


def _ordinals(folded: str, free: object, add: object) -> None:
    assert callable(free) and callable(add)
    for m in _ORD.finditer(folded):
        if m.group("d"):
            value: int | None = int(m.group("d"))
        else:
            word = m.group("w")
            if not (word.endswith("ieme") or word in _ORDINAL_STEMS):
                continue
            value = parse_ordinal(word)
        if value is None or not free(m.start(), m.end()):
            continue
        noun = _noun_after(folded, m.end())
        if noun is None or noun[0] in _NOT_ORDINAL_NOUNS or noun[0] in _UNIT_WORDS:
            continue
        add(Quantity(m.start(), m.end(), float(value), "ord:" + stem(noun[0]), "ordinal", words=True, step=1.0))


def _numbers(folded: str, free: object, add: object) -> None:
    assert callable(free) and callable(add)
    spots = [(m.start(), m.end(), m.group(0)) for m in _NUMD_RE.finditer(folded)]
    spots += [(m.start(), m.end(), m.group(0)) for m in _NWSEQ_RE.finditer(folded)]
    spots.sort()
    for start, end, txt in spots:
        if not free(start, end):
            continue
        parsed = _value_of(txt)
        if parsed is None:
            continue
        value, step, words = parsed
        pos = end
        scale = 1.0
        sm = _SCALE.match(folded, pos)
        if sm:
            word = sm.group("scale")
            scale = (
                1e12
                if word.startswith("billion") and re.match(r"\s*(de|d')", folded[sm.end() :])
                else (1e9 if word.startswith("billion") else _SCALES[word])
            )
            pos = sm.end()
        unit = ""
        um = _UNIT.match(folded, pos)
        if um:
            unit = _unit_key(um.group("unit"))
            pos = um.end()
        else:
            cm = _CUR_BEFORE.search(folded, max(0, start - 4), start)
            if cm:
                unit = _unit_key(cm.group("cur"))
                start = cm.start()
        if unit:
            category = (
                "amount"
                if unit in ("USD", "EUR", "GBP", "CHF", "CNY", "RUB", "JPY")
                else ("percent" if unit in ("%", "pt") else "measure")
            )
            add(
                Quantity(
                    start,
                    pos,
                    value * scale,
                    unit,
                    category,
                    words=words,
                    step=step * scale,
                    bound=_bound(folded, start),
                )
            )
            continue
        noun = _noun_after(folded, pos)
        lone = txt in ("un", "une", "zero", "one")
        if words and (noun is None or lone or (txt == "neuf" and noun[0][-1] not in "sx")):
            continue
        if noun is not None and noun[0] in _UNIT_WORDS:
            continue
        if not words and sm is None and 1900 <= value <= 2100 and step == 1.0 and txt.isdigit():
            continue  # a bare year
        key = "n:" + stem(noun[0]) if noun else "n:?"
        add(
            Quantity(
                start,
                end if sm is None else sm.end(),
                value * scale,
                key,
                "count",
                words=words,
                step=step * scale,
                bound=_bound(folded, start),
            )
        )


def _unit_key(raw: str) -> str:
    raw = re.sub(r"\s+", " ", raw)
    if raw in _UNIT_KEYS:
        return _UNIT_KEYS[raw]
    first = raw.split(" ")[0]
    if first.startswith("dollar"):
        return "USD"
    if first.startswith("euro"):
        return "EUR"
    if first.startswith("livre"):
        return "GBP"
    if first.startswith("franc"):
        return "CHF"
    if first.startswith("yuan"):
        return "CNY"
    if first.startswith("rouble"):
        return "RUB"
    if first.startswith("yen"):
        return "JPY"
    if first.startswith("pour") or first.startswith("percent"):
        return "%"
    if first.startswith("point"):
        return "pt"
    if first.startswith("kilometre"):
        return "km2" if "carre" in raw else "km"
    if first.startswith(("millimetre",)):
        return "mm"
    if first.startswith("metre"):
        return "m"
    if first.startswith(("kilo", "kilogramme")):
        return "kg"
    if first.startswith("tonne"):
        return "t"
    if first.startswith("litre"):
        return "l"
    if first.startswith("hectare"):
        return "ha"
    if first.startswith("baril"):
        return "bbl"
    return first


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two figures can both be right (equal within resolution, or allowed by « plus de », « environ »)."""
    tol = max(a.step, b.step) / 2 + 1e-9 * max(abs(a.value), abs(b.value), 1.0)
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    return lo_a - tol <= hi_b and lo_b - tol <= hi_a


def _interval(q: Quantity) -> tuple[float, float]:
    if q.bound == "min":
        return q.value, math.inf
    if q.bound == "max":
        return -math.inf, q.value
    if q.bound == "approx":
        return q.value * 0.9, q.value * 1.1
    return q.value, q.value


def format_value(q: Quantity) -> str:
    """Short human form of a value for notes (« 244.8e9 USD », « 85 min », « 6 (ord:conver) »)."""
    v = q.value
    unit = q.unit
    if unit.startswith(("n:", "ord:")):
        unit = ("#" if unit.startswith("ord:") else "") + unit.split(":", 1)[1] + "…"
        if unit in ("?…", "#?…"):
            unit = ""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale and q.category in ("amount", ""):
            return f"{v / scale:g} {word} {unit}".strip()
    txt = str(int(v)) if v == int(v) else f"{v:g}"
    return f"{txt} {unit}".strip()
