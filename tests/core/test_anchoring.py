"""Selectors and re-anchoring: exact position, nearest exact quote by context, fuzzy, orphaned."""

from __future__ import annotations

import unicodedata

import pytest

from workbench.core.anchoring import CONTEXT, Anchor, Selector, make_selector, reanchor
from workbench.core.enums import SpanState
from workbench.core.errors import ValidationError
from workbench.core.text import normalize_text, sha256_hex

TEXT = normalize_text(
    "Crue de la Lerne 🌊 : selon la préfecture, 1 200 habitants ont été évacués à Saint-Aubin.\n"
    "Le maire a déclaré : « la digue n’a pas cédé ». Les secours 🚒 sont arrivés mardi soir.\n"
    "Plus tard, le préfet a répété : « la digue n’a pas cédé », sans autre précision.\n"
)
QUOTE = "1 200 habitants ont été évacués"


def _sel(text: str, quote: str, nth: int = 1) -> Selector:
    pos = -1
    for _ in range(nth):
        pos = text.index(quote, pos + 1)
    return make_selector(text, pos, pos + len(quote))


def test_make_selector_fields() -> None:
    sel = _sel(TEXT, QUOTE)
    assert sel.exact == QUOTE
    assert TEXT[sel.start : sel.end] == QUOTE
    assert sel.prefix == TEXT[sel.start - CONTEXT : sel.start]
    assert len(sel.prefix) == CONTEXT
    assert sel.suffix == TEXT[sel.end : sel.end + CONTEXT]
    assert sel.text_sha256 == sha256_hex(TEXT)


def test_make_selector_at_text_edges_has_short_context() -> None:
    sel = make_selector(TEXT, 0, 4)
    assert (sel.exact, sel.prefix) == ("Crue", "")
    end = len(TEXT)
    sel = make_selector(TEXT, end - 3, end)
    assert sel.suffix == ""


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, 10_000)])
def test_make_selector_refuses_bad_ranges(start: int, end: int) -> None:
    with pytest.raises(ValidationError):
        make_selector(TEXT, start, end)


def test_identical_text_is_anchored() -> None:
    sel = _sel(TEXT, QUOTE)
    assert reanchor(TEXT, sel) == Anchor(SpanState.ANCHORED, sel.start, sel.end)
    anchor = reanchor(TEXT, sel, sha256_hex(TEXT))
    assert anchor.state == SpanState.ANCHORED


def test_accents_nfc_same_text_from_decomposed_input() -> None:
    sel = _sel(TEXT, "été évacués")
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decomposed != TEXT
    again = normalize_text(decomposed)
    anchor = reanchor(again, sel)
    assert anchor.state == SpanState.ANCHORED
    assert again[anchor.start : anchor.end] == "été évacués"


def test_crlf_input_normalised_keeps_offsets() -> None:
    sel = _sel(TEXT, "sont arrivés mardi soir")
    crlf = TEXT.replace("\n", "\r\n")
    again = normalize_text(crlf)
    assert again == TEXT
    anchor = reanchor(again, sel)
    assert (anchor.state, anchor.start, anchor.end) == (SpanState.ANCHORED, sel.start, sel.end)


def test_emoji_offsets_are_code_points() -> None:
    sel = _sel(TEXT, "Les secours 🚒 sont")
    assert sel.end - sel.start == len("Les secours 🚒 sont")
    moved = "🌊🌊 " + TEXT
    anchor = reanchor(moved, sel)
    assert anchor.state == SpanState.MOVED
    assert anchor.start == sel.start + 3
    assert moved[anchor.start : anchor.end] == "Les secours 🚒 sont"


def test_moved_text() -> None:
    sel = _sel(TEXT, QUOTE)
    moved = "Mise à jour du 11 mars : un nouveau bilan a été publié.\n" + TEXT
    anchor = reanchor(moved, sel)
    assert anchor.state == SpanState.MOVED
    assert moved[anchor.start : anchor.end] == QUOTE
    assert anchor.start != sel.start


def test_quote_at_old_offset_with_other_context_moves_to_the_matching_one() -> None:
    orig = "Le maire affirme OUI. Le préfet répond : OUI !"
    sel = make_selector(orig, 41, 44)
    assert (sel.exact, sel.prefix[-9:]) == ("OUI", "répond : ")
    new = "Le préfet répond : OUI ! Maire affirme : OUI."
    assert new[41:44] == "OUI"  # the old offsets still hold the quote, but it is the mayor's
    assert reanchor(new, sel) == Anchor(SpanState.MOVED, 19, 22)


@pytest.mark.parametrize("nth", [1, 2])
def test_repeated_quote_picks_the_occurrence_with_matching_context(nth: int) -> None:
    quote = "« la digue n’a pas cédé »"
    sel = _sel(TEXT, quote, nth)
    # Insert text before both occurrences so the stored offsets are wrong for both.
    edited = "Avertissement : article corrigé.\n" + TEXT.replace("Les secours", "Depuis, les secours")
    anchor = reanchor(edited, sel)
    assert anchor.state == SpanState.MOVED
    expected = -1
    for _ in range(nth):
        expected = edited.index(quote, expected + 1)
    assert anchor.start == expected
    assert edited[anchor.start : anchor.end] == quote


def test_repeated_quote_without_context_picks_the_nearest() -> None:
    text = "X un X deux X trois X"
    sel = Selector(start=12, end=13, exact="X", prefix="", suffix="", text_sha256="0" * 64)
    # Shifted by 3, the X's sit at 3, 8, 15 and 23; offset 12 now holds "u" and the nearest X is at 15.
    shifted = "..." + text
    hits = [i for i, ch in enumerate(shifted) if ch == "X"]
    anchor = reanchor(shifted, sel)
    assert anchor.state == SpanState.MOVED
    assert hits == [3, 8, 15, 23]
    assert anchor == Anchor(SpanState.MOVED, 15, 16)
    far = Selector(start=20, end=21, exact="X", prefix="", suffix="", text_sha256="0" * 64)
    assert reanchor("X" + "-" * 30 + "X", far) == Anchor(SpanState.MOVED, 31, 32)
    near = Selector(start=5, end=6, exact="X", prefix="", suffix="", text_sha256="0" * 64)
    assert reanchor("X" + "-" * 30 + "X", near) == Anchor(SpanState.MOVED, 0, 1)


def test_edited_quote_is_changed_via_fuzzy() -> None:
    sel = _sel(TEXT, QUOTE)
    edited = TEXT.replace(QUOTE, "1 250 habitants ont été évacués")
    anchor = reanchor(edited, sel)
    assert anchor.state == SpanState.CHANGED
    found = edited[anchor.start : anchor.end]
    assert "habitants ont été évacués" in found
    assert abs(len(found) - len(QUOTE)) <= 3
    assert abs(anchor.start - sel.start) <= 3


def test_removed_text_is_orphaned() -> None:
    sel = _sel(TEXT, QUOTE)
    other = normalize_text("Météo du jour : grand soleil sur toute la région, températures en hausse.\n")
    anchor = reanchor(other, sel)
    assert anchor.state == SpanState.ORPHANED
    assert (anchor.start, anchor.end) == (0, 0)


def test_empty_text_is_orphaned() -> None:
    sel = _sel(TEXT, QUOTE)
    assert reanchor("", sel).state == SpanState.ORPHANED


def test_sentence_removed_from_longer_text_is_orphaned() -> None:
    sel = _sel(TEXT, "Les secours 🚒 sont arrivés mardi soir.")
    without = TEXT.replace("Les secours 🚒 sont arrivés mardi soir.", "")
    assert reanchor(without, sel).state == SpanState.ORPHANED


def test_edited_intended_copy_of_three_is_changed_not_moved_to_another_copy() -> None:
    text = ("Le maire : « la digue n’a pas cédé ». Le préfet : « la digue n’a pas cédé ». "
            "L’élu : « la digue n’a pas cédé ».")
    quote = "la digue n’a pas cédé"
    second = text.index(quote, text.index(quote) + 1)
    sel = make_selector(text, second, second + len(quote))
    edited = text[:second] + "la digue a cédé" + text[second + len(quote):]
    anchor = reanchor(edited, sel)
    assert anchor.state == SpanState.CHANGED
    assert (anchor.start, edited[anchor.start : anchor.end]) == (second, "la digue a cédé")


EN = "Officials said that 1,200 people had been evacuated from the valley. Others stayed. 300 people had been moved."


def test_length_changing_edit_takes_the_new_boundaries() -> None:
    start = EN.index("1,200")
    sel = make_selector(EN, start, start + len("1,200 people had been evacuated"))
    for new_figure in ("12,500", "900"):
        edited = EN.replace("1,200", new_figure)
        anchor = reanchor(edited, sel)
        assert anchor.state == SpanState.CHANGED
        assert edited[anchor.start : anchor.end] == f"{new_figure} people had been evacuated"


def test_deleted_sentence_is_not_moved_onto_another_figure() -> None:
    start = EN.index("1,200")
    sel = make_selector(EN, start, start + len("1,200 people had been evacuated"))
    edited = "Officials said that the valley was calm. Others stayed. 300 people had been evacuated from the hills."
    assert reanchor(edited, sel).state == SpanState.ORPHANED
