"""The one place that converts code-point offsets to Qt's UTF-16 positions and back.

Python strings count code points; ``QTextDocument`` counts UTF-16 units, so every character outside the Basic
Multilingual Plane (emoji, some CJK) counts twice in Qt. ``Utf16Map`` is built once per text and converts in
O(log n) using the sorted positions of astral characters.
"""

from __future__ import annotations

import bisect
import re

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class Utf16Map:
    """Offset converter for one text."""

    __slots__ = ("_astral_cp", "_astral_u16")

    def __init__(self, text: str) -> None:
        self._astral_cp: list[int] = []
        if text.isascii():
            self._astral_u16: list[int] = []
            return
        self._astral_cp = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character (its first unit).
        self._astral_u16 = [cp + n for n, cp in enumerate(self._astral_cp)]

    def to_utf16(self, cp: int) -> int:
        """UTF-16 position of code-point offset ``cp``."""
        return cp + bisect.bisect_left(self._astral_cp, cp)

    def to_cp(self, u16: int) -> int:
        """Code-point offset of UTF-16 position ``u16`` (a position inside a surrogate pair rounds down)."""
        # Astral characters that start before u16; one inside a pair rounds down to that character.
        return u16 - bisect.bisect_left(self._astral_u16, u16)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 units."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))
