"""Re-anchoring onto a new revision (diff first): hard cases of edits, and the never-misquote invariant."""

from __future__ import annotations

import unicodedata

import pytest

from workbench.core.anchoring import Selector, make_selector
from workbench.core.drift import Drift, reanchor_revision
from workbench.core.enums import SpanState
from workbench.core.quote_facts import fact_differences
from workbench.core.text import normalize_text
from workbench.core.textmap import TextMap

OLD = normalize_text(
    "Flood in the Lerne valley 🌊. Officials said on Monday that 1,200 people had been evacuated from Saint-Aubin. "
    "A second convoy left at noon with 300 people.\n"
    "The mayor, Anne Dupont, said: “the dike has not failed”. The rescue teams 🚒 arrived on Tuesday evening.\n"
    "Later, the prefect said: “the dike has not failed”. The minister repeated: “the dike has not failed”.\n"
    "Rain is expected to stop on 12 March, according to the weather service.\n"
)


def _sel(text: str, quote: str, nth: int = 1) -> Selector:
    pos = -1
    for _ in range(nth):
        pos = text.index(quote, pos + 1)
    return make_selector(text, pos, pos + len(quote))


def _check(new: str, drifts: list[Drift]) -> None:
    """The invariant: every non-orphaned span quotes the new text exactly at its offsets."""
    for d in drifts:
        if d.state == SpanState.ORPHANED:
            assert (d.start, d.end, d.exact) == (0, 0, "")
        else:
            assert new[d.start : d.end] == d.exact and d.end > d.start


def _one(new: str, quote: str, nth: int = 1) -> Drift:
    drift = reanchor_revision(OLD, new, [_sel(OLD, quote, nth)])
    _check(new, drift)
    return drift[0]


def test_identical_revision_is_all_anchored() -> None:
    quotes = ["1,200 people had been evacuated", "the dike has not failed", "Anne Dupont"]
    drifts = reanchor_revision(OLD, OLD, [_sel(OLD, q) for q in quotes])
    assert [d.state for d in drifts] == [SpanState.ANCHORED] * 3


def test_length_changing_figure_edit_quotes_the_new_figure_in_full() -> None:
    new = OLD.replace("1,200 people", "12,500 people")
    d = _one(new, "1,200 people had been evacuated")
    assert d.state == SpanState.CHANGED
    assert d.exact == "12,500 people had been evacuated"
    assert "figure 1,200 → 12,500" in d.note
    assert "[-1,200-]" in d.diff and "{+12,500+}" in d.diff


def test_shorter_figure_never_cuts_the_quote() -> None:
    new = OLD.replace("1,200 people", "900 people")
    d = _one(new, "1,200 people had been evacuated")
    assert (d.state, d.exact) == (SpanState.CHANGED, "900 people had been evacuated")


def test_text_inserted_before_moves_the_span() -> None:
    new = "Update: new figures below.\n" + OLD
    d = _one(new, "1,200 people had been evacuated")
    assert d.state == SpanState.MOVED
    assert d.start == OLD.index("1,200") + len("Update: new figures below.\n")


@pytest.mark.parametrize("nth", [1, 2, 3])
def test_edited_copy_of_a_repeated_quote_is_changed_in_place(nth: int) -> None:
    quote = "the dike has not failed"
    pos = -1
    for _ in range(nth):
        pos = OLD.index(quote, pos + 1)
    new = OLD[:pos] + "the dike has failed" + OLD[pos + len(quote) :]
    d = _one(new, quote, nth)
    assert d.state == SpanState.CHANGED
    assert (d.start, d.exact) == (pos, "the dike has failed")
    assert "negation removed: not" in d.note
    for other in {1, 2, 3} - {nth}:  # the untouched copies stay where they were
        assert _one(new, quote, other).state in (SpanState.ANCHORED, SpanState.MOVED)


def test_deleted_sentence_is_orphaned_not_moved_to_its_neighbour() -> None:
    sentence = "Officials said on Monday that 1,200 people had been evacuated from Saint-Aubin. "
    new = OLD.replace(sentence, "")
    d = _one(new, "1,200 people had been evacuated")
    assert d.state == SpanState.ORPHANED
    assert "removed" in d.note


def test_rewritten_sentence_with_other_facts_is_orphaned() -> None:
    new = OLD.replace("1,200 people had been evacuated from Saint-Aubin", "the school reopened in Saint-Aubin")
    d = _one(new, "1,200 people had been evacuated")
    assert d.state == SpanState.ORPHANED


def test_moved_paragraph_is_found_again() -> None:
    lines = OLD.splitlines(keepends=True)
    new = "".join([lines[0], lines[2], lines[3], lines[1]])
    d = _one(new, "The rescue teams 🚒 arrived on Tuesday evening.")
    assert d.state == SpanState.MOVED
    assert d.start == new.index("The rescue teams")


def test_date_change_is_stated() -> None:
    d = _one(OLD.replace("12 March", "14 March"), "Rain is expected to stop on 12 March")
    assert d.state == SpanState.CHANGED and d.exact == "Rain is expected to stop on 14 March"
    assert "date 12 March → 14 March" in d.note


def test_named_entity_change_is_stated() -> None:
    d = _one(OLD.replace("Anne Dupont", "Anne Durand"), "The mayor, Anne Dupont, said")
    assert d.state == SpanState.CHANGED and d.exact == "The mayor, Anne Durand, said"
    assert "name Dupont → Durand" in d.note


def test_negation_added_is_stated() -> None:
    d = _one(OLD.replace("had been evacuated", "had not been evacuated"), "1,200 people had been evacuated")
    assert d.exact == "1,200 people had not been evacuated"
    assert "negation added: not" in d.note


def test_accents_dropped_and_quotes_retyped_everywhere() -> None:
    accented = normalize_text("Le préfet a déclaré : « la digue n’a pas cédé ». Les secours sont arrivés.\n")
    plain = "".join(c for c in unicodedata.normalize("NFD", accented) if not unicodedata.combining(c))
    plain = plain.replace("« ", '"').replace(" »", '"').replace("’", "'")
    sels = [_sel(accented, "« la digue n’a pas cédé »"), _sel(accented, "Les secours sont arrivés")]
    drifts = reanchor_revision(accented, plain, sels)
    _check(plain, drifts)
    assert [d.exact for d in drifts] == ['"la digue n\'a pas cede"', "Les secours sont arrives"]
    assert all(d.state == SpanState.CHANGED for d in drifts)
    assert "only accents" in drifts[1].note and drifts[1].cosmetic


def test_whitespace_changes() -> None:
    new = OLD.replace("1,200 people had been", "1,200  people had\u00a0been")
    d = _one(new, "1,200 people had been evacuated")
    assert d.exact == "1,200  people had\u00a0been evacuated"
    assert d.state == SpanState.CHANGED


def test_emoji_before_the_span_counts_one_code_point() -> None:
    new = OLD.replace("valley 🌊.", "valley 🌊🌊🌊.")
    d = _one(new, "The rescue teams 🚒 arrived")
    assert d.state == SpanState.MOVED and d.start == OLD.index("The rescue teams") + 2
    d = _one(OLD.replace("teams 🚒 arrived", "teams 🚒🚑 arrived"), "The rescue teams 🚒 arrived on Tuesday")
    assert d.state == SpanState.CHANGED and d.exact == "The rescue teams 🚒🚑 arrived on Tuesday"


def test_context_edited_but_quote_intact_stays_put() -> None:
    new = OLD.replace("Officials said on Monday that", "The prefecture confirmed on Monday that")
    d = _one(new, "1,200 people had been evacuated")
    assert d.state == SpanState.MOVED and d.exact == "1,200 people had been evacuated"


def test_stale_offsets_fall_back_to_search() -> None:
    sel = Selector(0, 5, "1,200", "", "", "0" * 64)
    d = reanchor_revision(OLD, OLD, [sel])[0]
    assert (d.state, d.exact) == (SpanState.MOVED, "1,200")


def test_text_map_maps_offsets_through_edits() -> None:
    old, new = "abc def ghi", "abc XYZ def ghi!"
    tm = TextMap(old, new)
    assert tm.map_start(4) == 8 and tm.map_end(7) == 11
    assert tm.unchanged(8, 11) and not tm.unchanged(2, 6)


def test_fact_differences() -> None:
    assert fact_differences("1 200 habitants", "1 500 habitants") == ["figure 1 200 → 1 500"]
    assert fact_differences("il n'a pas cédé", "il a cédé") == ["negation removed: n, pas"]
    assert fact_differences("le 31 décembre", "le 30 décembre") == ["date 31 décembre → 30 décembre"]
    assert fact_differences("1 200 évacués mardi", "1 500 évacués mercredi") == [
        "figure 1 200 → 1 500", "date mardi → mercredi"]
    assert fact_differences("same words", "same words") == []


def test_many_spans_random_edits_never_misquote() -> None:
    import random

    rng = random.Random(7)
    words = OLD.split(" ")
    new_words = list(words)
    for _ in range(12):
        i = rng.randrange(len(new_words))
        new_words[i] = rng.choice(["", "2,400", "not", "Durand", new_words[i] + "s", "🌧"])
    new = normalize_text(" ".join(new_words))
    sels = []
    for _ in range(200):
        a = rng.randrange(len(OLD) - 20)
        b = a + rng.randrange(1, 60)
        if OLD[a:b].strip():
            sels.append(make_selector(OLD, a, min(b, len(OLD))))
    _check(new, reanchor_revision(OLD, new, sels))


def test_line_breaks_moved_is_only_cosmetic() -> None:
    sel = _sel(OLD, "The mayor, Anne Dupont, said: “the dike has not failed”.")
    new = OLD.replace("Anne Dupont, said:", "Anne Dupont,\nsaid:").replace("“the dike", "« the dike").replace(
        "failed”.", "failed ».")
    d = _one(new, "The mayor, Anne Dupont, said: “the dike has not failed”.")
    assert d.state == SpanState.CHANGED and d.cosmetic and d.exact.startswith("The mayor") and d.exact.endswith("».")
    assert sel.exact != d.exact


@pytest.mark.parametrize("text", ["Élise « ça » — 12\u202f000\t`x`", "İstanbul ﬁn Straße ǅ 🌊", "plain ascii", ""])
def test_fold_typography_keeps_the_length(text: str) -> None:
    from workbench.core.textmap import fold_typography

    folded = fold_typography(text)
    assert len(folded) == len(text)
    assert "«" not in folded and "—" not in folded and "\t" not in folded


def test_long_rewrapped_text_goes_sentence_by_sentence() -> None:
    import textwrap

    from workbench.core.textmap import SENTENCE_LEVEL_OVER

    paragraphs = [f"§{i} " + OLD.replace("\n", " ").replace("1,200", f"{1000 + i}") for i in range(60)]
    old = normalize_text("\n".join(paragraphs))
    assert len(old) > SENTENCE_LEVEL_OVER
    new = normalize_text("\n".join(textwrap.fill(p, 70) for p in old.split("\n")))
    quote = "1030 people had been evacuated from Saint-Aubin."
    sels = [_sel(old, quote), _sel(old, "The minister repeated", 45)]
    drifts = reanchor_revision(old, new, sels)
    _check(new, drifts)
    assert drifts[0].exact.replace("\n", " ") == quote
    assert drifts[0].state != SpanState.CHANGED or drifts[0].cosmetic
    assert drifts[1].state != SpanState.ORPHANED and drifts[1].exact.split() == ["The", "minister", "repeated"]
