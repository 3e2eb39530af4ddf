"""Code-point <-> UTF-16 offsets (Qt counts UTF-16 units)."""

from __future__ import annotations

import pytest

from workbench.core.utf16 import Utf16Map, utf16_len

TEXT = "Crue 🌊 à Saint-Aubin : 1 200 évacués 🚒🚒, préfète « ok » 𝔸 fin"


def _u16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_utf16_len_matches_the_encoding() -> None:
    assert utf16_len(TEXT) == _u16(TEXT)
    assert utf16_len(TEXT) == len(TEXT) + 4  # four astral characters
    assert utf16_len("é") == 1
    assert utf16_len("") == 0


@pytest.mark.parametrize("cp", range(len(TEXT) + 1))
def test_to_utf16_matches_the_encoding(cp: int) -> None:
    assert Utf16Map(TEXT).to_utf16(cp) == _u16(TEXT[:cp])


def test_round_trip_every_offset() -> None:
    m = Utf16Map(TEXT)
    for cp in range(len(TEXT) + 1):
        assert m.to_cp(m.to_utf16(cp)) == cp


def test_position_inside_a_surrogate_pair_rounds_down() -> None:
    m = Utf16Map(TEXT)
    for cp, ch in enumerate(TEXT):
        if ord(ch) <= 0xFFFF:
            continue
        first = m.to_utf16(cp)
        assert m.to_utf16(cp + 1) == first + 2
        assert m.to_cp(first) == cp
        assert m.to_cp(first + 1) == cp  # the low surrogate belongs to the same character
        assert m.to_cp(first + 2) == cp + 1


def test_adjacent_astral_characters() -> None:
    text = "🚒🚒🚒"
    m = Utf16Map(text)
    assert [m.to_utf16(i) for i in range(4)] == [0, 2, 4, 6]
    assert [m.to_cp(u) for u in range(7)] == [0, 0, 1, 1, 2, 2, 3]


def test_ascii_and_bmp_only_text_is_identity() -> None:
    for text in ("plain ascii", "évacués « préfète »"):
        m = Utf16Map(text)
        assert all(m.to_utf16(i) == i and m.to_cp(i) == i for i in range(len(text) + 1))


def test_slice_in_utf16_gives_the_same_characters() -> None:
    m = Utf16Map(TEXT)
    start = TEXT.index("🚒")
    end = TEXT.index(",")
    encoded = TEXT.encode("utf-16-le")
    a, b = m.to_utf16(start), m.to_utf16(end)
    assert encoded[2 * a : 2 * b].decode("utf-16-le") == TEXT[start:end]
