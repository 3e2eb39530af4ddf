r"""Text of record: normalisation, hashing and quote lookup.

The text of record of a source is NFC, uses ``\\n`` line ends and holds printable characters only (tab and newline
kept). Every offset in Workbench counts code points into that text.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata

from workbench.core.errors import ValidationError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff\ufffe\uffff]")


def normalize_text(text: str) -> str:
    r"""Return ``text`` as a text of record: NFC, ``\\n`` line ends, no control characters, trailing space trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + ("\n" if lines and any(lines) else "")


def sha256_hex(data: bytes | str) -> str:
    """SHA-256 of bytes, or of a string encoded as UTF-8."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def find_nth(text: str, quote: str, nth: int = 1) -> int:
    """Code-point offset of the ``nth`` (1-based) exact occurrence of ``quote`` in ``text``.

    Raises:
        ValidationError: if the quote is empty or does not occur ``nth`` times.
    """
    if not quote.strip():
        raise ValidationError("the quote is empty")
    if nth < 1:
        raise ValidationError(f"--nth must be 1 or more, not {nth}")
    quote = unicodedata.normalize("NFC", quote)
    pos = -1
    for _ in range(nth):
        pos = text.find(quote, pos + 1)
        if pos < 0:
            count = _count_overlapping(text, quote)
            if count == 0:
                raise ValidationError(f"quote not found in the source: {quote[:60]!r}")
            raise ValidationError(f"quote occurs {count} time(s), not {nth}: {quote[:60]!r}")
    return pos


def quote_range(text: str, quote: str, nth: int = 1) -> tuple[int, int]:
    """``(start, end)`` code points of the ``nth`` occurrence of ``quote`` (compared in NFC, as the text is)."""
    start = find_nth(text, quote, nth)
    return start, start + len(unicodedata.normalize("NFC", quote))


def _count_overlapping(text: str, quote: str) -> int:
    """Occurrences of ``quote`` in ``text``, overlapping ones included (as ``--nth`` counts them)."""
    count, pos = 0, text.find(quote)
    while pos >= 0:
        count += 1
        pos = text.find(quote, pos + 1)
    return count


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> tuple[int, int]:
    """Bounds of the sentence(s) containing ``[start, end)``, at most ``limit`` extra characters each side."""
    lo = start
    floor = max(0, start - limit)
    while lo > floor and not (text[lo - 1] == "\n" or (text[lo - 1] == " " and lo >= 2 and text[lo - 2] in ".!?»")):
        lo -= 1
    hi = end
    ceil = min(len(text), end + limit)
    while hi < ceil and text[hi] != "\n" and not (text[hi] in ".!?" and (hi + 1 >= len(text) or text[hi + 1] in " \n")):
        hi += 1
    if hi < ceil and text[hi] in ".!?":
        hi += 1
    return lo, hi


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each character: one character in, one out."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "’‘ʼ":
            folded = "'"
        else:
            base = unicodedata.normalize("NFD", ch)[0].lower()
            folded = base if len(base) == 1 else ch
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case, accent-free copy of ``text`` with the SAME length, so offsets stay valid.

    Typographic apostrophes fold to ``'``. Used for accent-insensitive search.
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


# Scripts whose letters fold to other letters (accents, case): Latin, Greek, Cyrillic, Latin Extended Additional.
_FOLDING_RANGES = ((0x20, 0x250), (0x370, 0x530), (0x1E00, 0x1F00), (0x2018, 0x201B))


@functools.cache
def _variants() -> dict[str, str]:
    """For each folded character, every character of :data:`_FOLDING_RANGES` that folds to it (itself included)."""
    out: dict[str, set[str]] = {}
    for lo, hi in _FOLDING_RANGES:
        for code in range(lo, hi):
            ch = chr(code)
            out.setdefault(fold(ch), {fold(ch)}).add(ch)
    out.setdefault("'", {"'"}).add("ʼ")
    return {k: "".join(sorted(v)) for k, v in out.items()}


@functools.lru_cache(maxsize=256)
def folded_pattern(query: str) -> re.Pattern[str]:
    """A regex matching ``query`` in the original text as :func:`fold` would (any case, any accent).

    ``pattern.finditer(text)`` gives the same ranges as searching ``fold(query)`` in ``fold(text)``, without
    building a folded copy of the whole text (a 1 MB source costs ~100 ms to fold, ~2 ms to scan).
    """
    variants = _variants()
    parts = []
    for ch in fold(query):
        alts = variants.get(ch, ch)
        parts.append(re.escape(ch) if len(alts) == 1 else "[" + "".join(re.escape(a) for a in alts) + "]")
    return re.compile("".join(parts))


def parse_date(value: object, what: str = "date") -> dt.date | None:
    """A date from ``YYYY-MM-DD`` (or a date, or empty/None for no date); ValidationError names ``what``."""
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValidationError(f"bad date {value!r} for the {what}; use YYYY-MM-DD")
    text = value.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(f"bad date {value!r} for the {what}; use YYYY-MM-DD") from None
