"""Names across transliterations: one folded phonetic key for Ushakov, Ouchakov and Uschakow.

Russian, Ukrainian, Arabic or Chinese names reach European articles through English, French and German
transliteration conventions: ``ш`` is *sh* in English, *ch* in French, *sch* in German; ``у`` is *u* or *ou*; a final
``в`` is *v*, *w* or *ff*. :func:`phonetic_key` maps each such family to one symbol, after the accent-insensitive
:func:`~workbench.core.text.fold`, so that the spellings of one name share a key while ordinary words mostly keep
distinct ones. :func:`spelling_variants` goes the other way (the spellings a name may take), to ask a full-text index
for candidate sources.

Written by hand: the phonetic libraries (Soundex, Metaphone, Beider–Morse) encode English or Germanic pronunciation
of a spelling, not the equivalence of transliteration conventions, and Soundex-like keys are too coarse for a search
that must not flood the results (Soundex gives "Ushakov" and "Ugaki" the same code).
"""

from __future__ import annotations

import itertools
import re

from workbench.core.text import fold

# Families of spellings of one sound across English / French / German transliteration, longest first.
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("X", ("tsch", "tch", "sch", "shch", "sh", "ch", "zh", "j")),  # ш ч щ ж (j: French "j" for ж)
    ("Z", ("tz", "ts", "z")),  # ц
    ("K", ("kh", "ck", "q", "k", "c", "h")),  # х к (and c before a, o, u)
    ("V", ("ff", "w", "v")),  # в
    ("U", ("ou", "oo", "u")),  # у
    ("I", ("ij", "iy", "yi", "y", "i")),  # и й ы
    ("E", ("ye", "je", "ie", "e")),  # е
    ("A", ("ya", "ja", "ia", "a")),  # я
    ("F", ("ph", "f")),
)
_PATTERN = re.compile("|".join(sorted((re.escape(s) for _k, group in _FAMILIES for s in group), key=len,
                                      reverse=True)))
_SYMBOL = {s: k for k, group in _FAMILIES for s in group}
_MIN_LETTERS = 4


def phonetic_key(word: str) -> str:
    """The transliteration-insensitive key of one word ("" for short or non-alphabetic words)."""
    text = fold(word)
    if len(text) < _MIN_LETTERS or not text.isalpha():
        return ""
    key = _PATTERN.sub(lambda m: _SYMBOL[m.group(0)], text)
    return re.sub(r"(.)\1+", r"\1", key)  # doubled letters (Ouchakoff, Jelzinn) count once


def spelling_variants(word: str, limit: int = 400) -> list[str]:
    """Spellings of ``word`` under the other transliteration conventions (itself included), at most ``limit``."""
    text = fold(word)
    if len(text) < _MIN_LETTERS or not text.isalpha():
        return [text] if text else []
    parts: list[tuple[str, ...]] = []
    pos = 0
    for m in _PATTERN.finditer(text):
        if m.start() > pos:
            parts.append((text[pos:m.start()],))
        group = next(g for k, g in _FAMILIES if k == _SYMBOL[m.group(0)])
        parts.append(group if _SYMBOL[m.group(0)] in "XVUZ" else (m.group(0),))  # the families that vary most
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:],))
    out: list[str] = []
    for combo in itertools.product(*parts):
        out.append("".join(combo))
        if len(out) >= limit:
            break
    return list(dict.fromkeys([text, *out]))


def same_name(a: str, b: str) -> bool:
    """Whether two words are spellings of one name (equal non-empty keys)."""
    key = phonetic_key(a)
    return bool(key) and key == phonetic_key(b)
