"""Position map between two revisions of a text, from a hierarchical diff (lines, then words, then characters).

Re-anchoring thousands of spans one fuzzy search at a time costs seconds per hundred spans. Instead, the old and new
texts are diffed once and every span's offsets are carried through the diff: a span whose characters all sit in an
unchanged block moves by the block's shift and needs no search at all; only spans that touch a changed block are
aligned again, and only inside the new text that block became.

The diff runs on a *folded* copy of both texts (same length as the original: lower case, accents dropped, quotes,
apostrophes, dashes and spaces unified), so that a change touching the whole text (accents dropped, quotes re-typed)
still leaves almost every block equal. ``difflib.SequenceMatcher`` is used at each level: on lines first (cheap, a
few thousand items for a 2 MB article), then on word tokens inside each changed run of lines, then on characters
inside small changed runs of words. What this module does not do: decide whether a span is still the same fact
(see :mod:`workbench.core.drift`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from workbench.core.text import fold

# Characters that differ only by typography: folded to one representative (one character in, one out).
_TYPO = str.maketrans({
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‟": '"', "‹": '"', "›": '"', "＂": '"',
    "‚": "'", "‛": "'", "`": "'", "´": "'",
    "–": "-", "—": "-", "‑": "-", "‐": "-", "−": "-",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ", "\u2003": " ", "\t": " ",
})
_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")  # trailing spaces kept with their word: no popular tokens
SENTENCE_LEVEL_OVER = 20_000  # a changed run of unpaired lines longer than this is diffed sentence by sentence first
CHAR_LEVEL_LIMIT = 400  # a changed run of words shorter than this (each side) is refined character by character


class _NonAsciiTable(dict[int, str]):
    """``str.translate`` table for non-ASCII characters, filled on first sight: one character in, one out."""

    def __missing__(self, code: int) -> str:
        folded = fold(chr(code)).translate(_TYPO)
        self[code] = folded = folded if len(folded) == 1 else chr(code)
        return folded


_NON_ASCII_TABLE = _NonAsciiTable()
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def fold_typography(text: str) -> str:
    """Same-length copy of ``text`` for diffing: :func:`fold` plus quotes, dashes and spaces unified.

    ``str.translate`` over 2 MB costs about 0.3 s, so the text is lower-cased by ``str.lower`` at C speed and each
    distinct non-ASCII character (a few dozen in a French article) is replaced in one ``str.replace`` pass.
    """
    chars = set(text)
    if any(len(ch.lower()) != 1 for ch in chars):  # e.g. "İ": lower() would change the length
        return fold(text).translate(_TYPO)
    low = text.lower()
    if not low.isascii():
        wide = {c.lower() for c in chars if ord(c.lower()) > 127}
        mapping = {ch: _NON_ASCII_TABLE[ord(ch)] for ch in wide}
        if any(m in mapping and mapping[m] != m for ch, m in mapping.items() if m != ch):
            low = _NON_ASCII_RUN.sub(lambda m: m.group().translate(_NON_ASCII_TABLE), low)  # chained: one pass
        else:
            for ch, m in mapping.items():
                if m != ch:
                    low = low.replace(ch, m)
    return low.replace("\t", " ").replace("`", "'")


@dataclass(frozen=True, slots=True)
class Block:
    """One opcode: ``old[a1:a2]`` became ``new[b1:b2]``; ``equal`` blocks are identical once folded."""

    tag: str
    a1: int
    a2: int
    b1: int
    b2: int


class TextMap:
    """Maps code-point offsets of ``old`` to ``new`` through their diff; see the module docstring."""

    def __init__(self, old: str, new: str) -> None:
        """Diff ``old`` against ``new`` (both texts of record)."""
        self.old = old
        self.new = new
        self.old_folded = fold_typography(old)
        self.new_folded = fold_typography(new)
        self.blocks: list[Block] = _merge(self._diff())
        self._starts = [b.a1 for b in self.blocks]
        self._by_length: list[tuple[int, int]] | None = None

    # --- building -------------------------------------------------------------------------------------------
    def _diff(self) -> Iterator[Block]:
        fo, fn = self.old_folded, self.new_folded
        if fo == fn:
            yield Block("equal", 0, len(fo), 0, len(fn))
            return
        old_lines, old_pos = _lines(fo)
        new_lines, new_pos = _lines(fn)
        sm = SequenceMatcher(None, old_lines, new_lines)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            a1, a2, b1, b2 = old_pos[i1], old_pos[i2], new_pos[j1], new_pos[j2]
            if tag == "equal":
                yield Block("equal", a1, a2, b1, b2)
            elif tag == "replace" and i2 - i1 == j2 - j1:
                for k in range(i2 - i1):  # as many lines on each side: refine them pair by pair
                    yield from self._words(old_pos[i1 + k], old_pos[i1 + k + 1], new_pos[j1 + k], new_pos[j1 + k + 1])
            elif max(a2 - a1, b2 - b1) > SENTENCE_LEVEL_OVER:
                yield from self._sentences(a1, a2, b1, b2)
            else:
                yield from self._words(a1, a2, b1, b2)

    def _sentences(self, a1: int, a2: int, b1: int, b2: int) -> Iterator[Block]:
        """A long changed run whose lines do not pair up (text re-wrapped): sentences first, spacing ignored.

        A word-level diff of hundreds of thousands of tokens, many of them frequent, can take minutes in difflib.
        """
        old_s, old_pos = _sentences(self.old_folded, a1, a2)
        new_s, new_pos = _sentences(self.new_folded, b1, b2)
        sm = SequenceMatcher(None, [" ".join(x.split()) for x in old_s], [" ".join(x.split()) for x in new_s])
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                for k in range(i2 - i1):
                    c1, c2 = old_pos[i1 + k], old_pos[i1 + k + 1]
                    d1, d2 = new_pos[j1 + k], new_pos[j1 + k + 1]
                    if old_s[i1 + k] == new_s[j1 + k]:
                        yield Block("equal", c1, c2, d1, d2)
                    else:
                        yield from self._words(c1, c2, d1, d2)
            else:
                yield from self._words(old_pos[i1], old_pos[i2], new_pos[j1], new_pos[j2])

    def _words(self, a1: int, a2: int, b1: int, b2: int) -> Iterator[Block]:
        if a1 == a2 or b1 == b2:
            yield Block("delete" if b1 == b2 else "insert", a1, a2, b1, b2)
            return
        old_tok, old_pos = _tokens(self.old_folded, a1, a2)
        new_tok, new_pos = _tokens(self.new_folded, b1, b2)
        # Compared with their spacing normalised, so that re-wrapped lines ("word\n" / "word ") still align.
        old_key, new_key = [_key(t) for t in old_tok], [_key(t) for t in new_tok]
        sm = SequenceMatcher(None, old_key, new_key, autojunk=len(old_tok) > 2000)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            c1, c2, d1, d2 = old_pos[i1], old_pos[i2], new_pos[j1], new_pos[j2]
            if tag == "equal" and old_tok[i1:i2] == new_tok[j1:j2]:
                yield Block("equal", c1, c2, d1, d2)
            elif tag == "equal":  # same words, other spacing: the words are equal, the spaces replaced
                for k in range(i2 - i1):
                    o, n = old_tok[i1 + k], new_tok[j1 + k]
                    oa, na = old_pos[i1 + k], new_pos[j1 + k]
                    if o == n:
                        yield Block("equal", oa, oa + len(o), na, na + len(n))
                        continue
                    w = len(o.rstrip())
                    if w:
                        yield Block("equal", oa, oa + w, na, na + w)
                    yield Block("replace", oa + w, oa + len(o), na + w, na + len(n))
            elif tag == "replace" and c2 - c1 <= CHAR_LEVEL_LIMIT and d2 - d1 <= CHAR_LEVEL_LIMIT:
                yield from self._chars(c1, c2, d1, d2)
            else:
                yield Block(tag, c1, c2, d1, d2)

    def _chars(self, a1: int, a2: int, b1: int, b2: int) -> Iterator[Block]:
        sm = SequenceMatcher(None, self.old_folded[a1:a2], self.new_folded[b1:b2], autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            yield Block(tag, a1 + i1, a1 + i2, b1 + j1, b1 + j2)

    # --- queries --------------------------------------------------------------------------------------------
    def _index(self, pos: int) -> int:
        """Index of the block holding old character ``pos`` (zero-width blocks are skipped)."""
        i = bisect_right(self._starts, pos) - 1
        while i > 0 and self.blocks[i].a1 == self.blocks[i].a2:
            i -= 1
        while i < len(self.blocks) - 1 and self.blocks[i].a2 <= pos:
            i += 1
        return max(i, 0)

    def unchanged(self, start: int, end: int) -> bool:
        """Whether ``old[start:end]`` lies in one equal block with no insertion strictly inside it."""
        if not self.blocks:
            return False
        b = self.blocks[self._index(start)]
        return b.tag == "equal" and b.a1 <= start and end <= b.a2

    def map_start(self, start: int) -> int:
        """New offset where the old character ``start`` begins (its replacement's start if it changed)."""
        if start >= len(self.old):
            return len(self.new)
        b = self.blocks[self._index(start)]
        return b.b1 + (start - b.a1) if b.tag == "equal" else b.b1

    def map_end(self, end: int) -> int:
        """New offset where the old character ``end - 1`` ends (its replacement's end if it changed)."""
        if end <= 0:
            return 0
        b = self.blocks[self._index(end - 1)]
        return b.b1 + (end - b.a1) if b.tag == "equal" else b.b2

    def changed_new_regions(self, min_len: int = 1, limit: int = 200) -> list[tuple[int, int]]:
        """``(b1, b2)`` of the ``limit`` largest changed blocks whose new side has ``min_len`` characters or more."""
        if self._by_length is None:
            self._by_length = sorted(((b.b1, b.b2) for b in self.blocks if b.tag != "equal" and b.b2 > b.b1),
                                     key=lambda r: r[0] - r[1])
        out: list[tuple[int, int]] = []
        for b1, b2 in self._by_length:
            if b2 - b1 < min_len or len(out) >= limit:
                break
            out.append((b1, b2))
        return out

    def equal_fraction(self) -> float:
        """Share of the old text found unchanged (folded) in the new one."""
        same = sum(b.a2 - b.a1 for b in self.blocks if b.tag == "equal")
        return same / max(1, len(self.old))


def _lines(text: str) -> tuple[list[str], list[int]]:
    """Lines with their newline and the offset of each line start (plus one past the end)."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    pos = [0]
    for line in out:
        pos.append(pos[-1] + len(line))
    return out, pos


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")  # line breaks are only spacing here


def _sentences(text: str, lo: int, hi: int) -> tuple[list[str], list[int]]:
    """Sentences (with their trailing spaces) of ``text[lo:hi]`` and their absolute starts (plus ``hi``)."""
    out: list[str] = []
    pos = [lo]
    for m in _SENTENCE_END.finditer(text, lo, hi):
        out.append(text[pos[-1] : m.end()])
        pos.append(m.end())
    if pos[-1] < hi:
        out.append(text[pos[-1] : hi])
        pos.append(hi)
    return out, pos


def _key(token: str) -> str:
    """A token compared with its trailing spacing reduced to one space (or none)."""
    word = token.rstrip()
    return word + " " if len(word) < len(token) else token


def _tokens(text: str, lo: int, hi: int) -> tuple[list[str], list[int]]:
    """Word, punctuation and space tokens of ``text[lo:hi]`` with their absolute starts (plus ``hi``)."""
    toks: list[str] = []
    pos: list[int] = []
    for m in _TOKEN.finditer(text, lo, hi):
        toks.append(m.group())
        pos.append(m.start())
    pos.append(hi)
    return toks, pos


def _merge(blocks: Iterator[Block]) -> list[Block]:
    """Adjacent blocks of the same tag joined (fewer blocks, same map); empty ones dropped."""
    out: list[Block] = []
    for b in blocks:
        if b.a1 == b.a2 and b.b1 == b.b2:
            continue
        if out and out[-1].tag == b.tag and out[-1].a2 == b.a1 and out[-1].b2 == b.b1:
            p = out[-1]
            out[-1] = Block(b.tag, p.a1, b.a2, p.b1, b.b2)
        else:
            out.append(b)
    return out
