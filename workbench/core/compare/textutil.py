"""Matching-only text normalisation, sentence splitting and tokens shared by every detector.

Detectors match on a *folded* copy of the text: lower case, accents stripped, typographic apostrophes and quotes,
no-break and thin spaces and dashes mapped to plain ASCII. Folding maps every code point to exactly one code point,
so an offset in the folded text is the same offset in the text of record and spans never need remapping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from workbench.core.errors import Cancelled

_SPECIAL = {
    "\u2019": "'", "\u2018": "'", "\u201b": "'", "`": "'", "\u00b4": "'", "\u02bc": "'", "\u2032": "'",
    "\u00ab": '"', "\u00bb": '"', "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2039": '"', "\u203a": '"',
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ", "\u200a": " ",
    "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2010": "-", "\u2212": "-",
    "\u2026": ".",
}  # fmt: skip
_FOLD: dict[int, str] = {}


def word_set(text: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of ``text`` (keeps word lists readable)."""
    return frozenset(text.split())


def _fold_char(ch: str) -> str:
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    base = unicodedata.normalize("NFD", ch)[0]
    low = base.lower()
    return low if len(low) == 1 else base


def fold(text: str) -> str:
    """Same-length matching form of ``text`` (see module docstring)."""
    missing = {c for c in set(text) if ord(c) not in _FOLD}
    for ch in missing:
        _FOLD[ord(ch)] = _fold_char(ch)
    return text.translate(_FOLD)


STOPWORDS = word_set(
    """
    a au aux avec ce ces cet cette d de des du elle elles en et eux il ils je l la le les leur leurs lui m ma
    mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses son sur t ta te tes
    toi ton tu un une vos votre vous y c j est sont ete etait etre a avait ont sera selon lors dont ainsi aussi
    plus tres tout tous toute toutes cela ca comme si alors apres avant sans sous entre vers chez depuis pendant
    deja encore fait faire the of and to in on for with at by from as is was were be been has have had it its
    this that these those an or
    """
)

WORD_RE = re.compile(r"\w+")
_ABBREV = word_set(
    """
    m mm mme mmes mlle mlles dr drs pr me st ste av bd no p pp vol cf ex env jr sr gen gal col cie mgr
    """
)
_SENT_END = re.compile(r"[.!?]+(?:\s?\)|[\"'\]])*(?=\s+[\"(\[]?\s?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text: ``[start, end)`` excludes the newline."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence (trimmed) inside one line."""

    start: int
    end: int
    line: int


def split_lines(text: str) -> list[Line]:
    """Lines of ``text`` with their offsets."""
    lines: list[Line] = []
    pos = 0
    for i, chunk in enumerate(text.split("\n")):
        lines.append(Line(i, pos, pos + len(chunk)))
        pos += len(chunk) + 1
    return lines


def split_sentences(text: str, folded: str, line: Line) -> list[Sentence]:
    """Sentences of one line; the folded text finds the ends, upper case in ``text`` confirms them."""
    out: list[Sentence] = []
    seg = folded[line.start : line.end]
    raw = text[line.start : line.end]
    cut = 0
    for m in _SENT_END.finditer(_upper_mask(raw, seg)):
        dot = m.start()
        prev = re.search(r"(\w+)$", seg[cut:dot])
        word = prev.group(1) if prev else ""
        if word in _ABBREV or (len(word) == 1 and raw[dot - 1].isupper()):
            continue
        if word.isdigit() and m.group(0).startswith(".") and dot + 1 < len(seg) and seg[dot + 1].isdigit():
            continue
        _push(out, raw, line, cut, m.end())
        cut = m.end()
    _push(out, raw, line, cut, len(seg))
    return out


def _upper_mask(raw: str, seg: str) -> str:
    """Folded segment where capitals of ``raw`` become ``A`` and opening/closing quotes ``(``/``)``."""
    chars = list(seg)
    for i, ch in enumerate(raw):
        if ch.isupper():
            chars[i] = "A"
        elif ch in "«“":
            chars[i] = "("
        elif ch in "»”":
            chars[i] = ")"
    return "".join(chars)


def _push(out: list[Sentence], raw: str, line: Line, lo: int, hi: int) -> None:
    while lo < hi and raw[lo].isspace():
        lo += 1
    while hi > lo and raw[hi - 1].isspace():
        hi -= 1
    if hi > lo and any(c.isalnum() for c in raw[lo:hi]):
        out.append(Sentence(line.start + lo, line.start + hi, line.index))


def stem(token: str) -> str:
    """Light stem of a folded token: plural dropped, at most six characters."""
    if len(token) > 3 and token[-1] in "sx":
        token = token[:-1]
    return token[:6]


def content_stems(folded: str, start: int, end: int) -> list[str]:
    """Stems of the content words of ``folded[start:end]`` (no stop words, no numbers)."""
    return [
        stem(w) for w in WORD_RE.findall(folded, start, end) if w not in STOPWORDS and not w.isdigit() and len(w) > 1
    ]


def mask_digits(folded: str) -> str:
    """Digits replaced by ``0`` so that sentences differing only by a figure still look alike."""
    return re.sub(r"\d", "0", folded)


class Ticker:
    """Progress and cancel plumbing: checks ``cancel`` often, reports monotonic progress per stage."""

    def __init__(
        self,
        progress: Callable[[int, int], None] | None,
        cancel: Callable[[], bool] | None,
        total: int = 1000,
    ) -> None:
        self._progress = progress
        self._cancel = cancel
        self.total = total
        self._done = 0
        self._base = 0
        self._span = 0
        self._n = 0

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel is not None and self._cancel():
            raise Cancelled("comparison cancelled")

    def stage(self, weight: int, steps: int) -> None:
        """Open the next stage: ``weight`` of the total, spread over ``steps`` calls to :meth:`step`."""
        self._base = self._done
        self._span = weight
        self._n = max(1, steps)
        self._i = 0
        self.check()

    def step(self, count: int = 1) -> None:
        """One more step of the current stage done; checks cancel and reports progress."""
        self.check()
        self._i = min(self._n, self._i + count)
        done = self._base + self._span * self._i // self._n
        if done != self._done:
            self._done = done
            if self._progress is not None:
                self._progress(min(done, self.total), self.total)

    def finish(self) -> None:
        """Report completion."""
        self.check()
        self._done = self.total
        if self._progress is not None:
            self._progress(self.total, self.total)
