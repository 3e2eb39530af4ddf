"""Text of record: normalisation, folding, quote lookup, sentence bounds."""

from __future__ import annotations

import unicodedata

import pytest

from workbench.core.errors import ValidationError
from workbench.core.text import find_nth, fold, normalize_text, sentence_around, sha256_hex


def test_normalize_text_composes_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Les habitants évacués à Noël")
    assert decomposed != "Les habitants évacués à Noël"
    out = normalize_text(decomposed)
    assert out == "Les habitants évacués à Noël\n"
    assert unicodedata.is_normalized("NFC", out)


def test_normalize_text_line_ends() -> None:
    assert normalize_text("un\r\ndeux\rtrois\nquatre") == "un\ndeux\ntrois\nquatre\n"
    assert "\r" not in normalize_text("a\r\n\r\nb\r\n")
    assert normalize_text("a\u2028b") == "a\nb\n"


def test_normalize_text_removes_control_characters_but_keeps_tabs() -> None:
    raw = "a\x00b\x07c\x1bd\x7fe\u200bf\ufeffg\th"
    assert normalize_text(raw) == "abcdefg\th\n"


def test_normalize_text_trims_trailing_space_and_blank_edges() -> None:
    assert normalize_text("\n\nligne   \n  indentée\t\n\n\n") == "ligne\n  indentée\n"
    assert normalize_text("") == ""
    assert normalize_text("\r\n \r\n") == ""


def test_normalize_text_is_idempotent() -> None:
    raw = "Crue 🌊\r\nde la Lerne : e\u0301vacue\u0301s\x0c\r\n"
    once = normalize_text(raw)
    assert normalize_text(once) == once


def test_sha256_hex_of_str_is_of_its_utf8() -> None:
    assert sha256_hex("é") == sha256_hex("é".encode())
    assert sha256_hex(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


@pytest.mark.parametrize(
    "text",
    ["ÉVACUÉS à Saint-Aubin", "Œuvre ÇA ß", "n’a pas cédé ‘ici’ ʼok", "mixed 🌊 emoji É", "plain ASCII Text"],
)
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


def test_fold_removes_accents_and_case() -> None:
    assert fold("ÉVACUÉS à Saint-Aubin") == "evacues a saint-aubin"
    assert fold("Préfète") == "prefete"
    assert fold("ASCII Only") == "ascii only"


def test_fold_typographic_apostrophes() -> None:
    assert fold("n’a l‘eau dʼici") == "n'a l'eau d'ici"


def test_fold_keeps_emoji_and_offsets_valid() -> None:
    text = "Crue 🌊 : évacués"
    folded = fold(text)
    pos = folded.find("evacues")
    assert text[pos : pos + len("evacues")] == "évacués"
    assert "🌊" in folded


def test_find_nth_finds_occurrences() -> None:
    text = "la digue, la digue, la digue"
    assert find_nth(text, "la digue") == 0
    assert find_nth(text, "la digue", 2) == 10
    assert find_nth(text, "la digue", 3) == 20


def test_find_nth_normalises_the_quote() -> None:
    text = normalize_text("les évacués")
    assert find_nth(text, unicodedata.normalize("NFD", "évacués")) == 4


def test_find_nth_empty_quote() -> None:
    with pytest.raises(ValidationError, match="empty"):
        find_nth("abc", "")


def test_find_nth_bad_nth() -> None:
    with pytest.raises(ValidationError, match="nth"):
        find_nth("abc", "a", 0)


def test_find_nth_not_found() -> None:
    with pytest.raises(ValidationError, match="not found"):
        find_nth("abc", "zz")


def test_find_nth_too_large_says_count() -> None:
    with pytest.raises(ValidationError, match=r"2 time\(s\), not 3"):
        find_nth("ab ab", "ab", 3)


def test_sentence_around_finds_the_sentence() -> None:
    text = "Première phrase. Le maire a dit bonjour. Dernière phrase."
    start = text.index("maire")
    lo, hi = sentence_around(text, start, start + len("maire"))
    assert text[lo:hi] == "Le maire a dit bonjour."


def test_sentence_around_stops_at_newlines() -> None:
    text = "Titre sans point\nLe préfet parle ici\nAutre ligne"
    start = text.index("préfet")
    lo, hi = sentence_around(text, start, start + 6)
    assert text[lo:hi] == "Le préfet parle ici"


def test_sentence_around_text_edges_and_guillemets() -> None:
    text = "« Tout va bien. » Le maire ment!"
    start = text.index("maire")
    lo, hi = sentence_around(text, start, start + 5)
    assert text[lo:hi] == "Le maire ment!"
    lo, hi = sentence_around(text, 2, 6)
    assert (lo, text[lo:hi]) == (0, "« Tout va bien.")


def test_sentence_around_respects_limit() -> None:
    text = "x" * 1000 + "CIBLE" + "y" * 1000
    start = 1000
    lo, hi = sentence_around(text, start, start + 5, limit=10)
    assert (lo, hi) == (990, 1015)
