"""Counts tied to an event compared across unaligned sentences, reworded quotes and speaker attribution."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.compare import CompareInput, compare
from workbench.core.compare.facts import entities, event_family
from workbench.core.compare.quantities import find_quantities
from workbench.core.compare.textutil import fold

WED = dt.date(2026, 3, 11)


def run(*texts: str):
    return compare([CompareInput(k + 1, t, WED) for k, t in enumerate(texts)])


def kinds(*texts: str) -> list[tuple[str, list]]:
    return [(d.kind, sorted((s.source_id, s.value) for s in d.spans)) for d in run(*texts).discrepancies]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("Les pompiers ont dû évacuer 1 200 habitants du quartier.", "evacuated"),
        ("La crue a entraîné l'évacuation préventive de 1 200 habitants.", "evacuated"),
        ("Ce sont 1 200 habitants qui ont été évacués hier.", "evacuated"),
        ("En une heure, 1 200 habitants ont dû quitter leur logement.", "evacuated"),
        ("En une heure, 1 200 habitants ont été mis à l'abri.", "evacuated"),
        ("Le bilan fait état de 1 200 évacués.", "evacuated"),
        ("Trois pompiers ont été légèrement blessés.", "injured"),
        ("Au total, 240 pompiers ont été engagés sur le feu.", "mobilised"),
        ("La commune compte 1 200 habitants.", None),
        ("Les pompiers ont évacué la rue, 1 200 habitants regardaient.", None),  # another clause
    ],
)
def test_event_family(text: str, family: str | None) -> None:
    folded = fold(text)
    q = next(q for q in find_quantities(folded, []) if q.category == "count")
    assert event_family(folded, q, 0, len(text)) == family


def test_spaced_thousands_are_not_years() -> None:
    folded = fold("Ce sont 2 100 habitants qui ont été évacués, pas 2100.")
    assert [(q.value, q.unit) for q in find_quantities(folded, [])] == [(2100.0, "n:habita")]


def test_entities_skip_the_first_word_and_common_words() -> None:
    text = "Mercredi, la Lerne est sortie de son lit à Saint-Aubin-sur-Lerne, selon la Préfecture."
    assert entities(text, 0, len(text)) == {"lerne", "saint-aubin-sur-lerne", "prefecture"}


EVAC_A = "Dans la nuit, la crue a obligé les autorités à évacuer 1 200 habitants des quartiers bas de Saint-Aubin."
EVAC_B = "Mercredi, la rivière est sortie de son lit et ce sont 2 100 habitants qui ont été évacués à Saint-Aubin."


def test_event_count_discrepancy_across_unaligned_sentences() -> None:
    assert kinds(EVAC_A, EVAC_B) == [("number", [(1, 1200), (2, 2100)])]


def test_event_counts_agreeing_or_bounded_are_not_discrepancies() -> None:
    assert kinds(EVAC_A, EVAC_B.replace("2 100", "1 200")) == []
    assert kinds(EVAC_A, EVAC_B.replace("ce sont 2 100", "plus de 1 000")) == []


def test_event_counts_need_a_shared_place_and_the_same_noun_and_event() -> None:
    assert kinds(EVAC_A, EVAC_B.replace("Saint-Aubin", "Villeneuve")) == []
    assert kinds(EVAC_A, EVAC_B.replace("habitants", "touristes")) == []
    assert kinds(EVAC_A, EVAC_B.replace("évacués", "recensés")) == []


def test_a_source_contradicting_itself_is_left_out() -> None:
    rising = EVAC_B + " Le soir, 2 600 habitants avaient été évacués à Saint-Aubin."
    assert kinds(EVAC_A, rising) == []


def test_counts_in_words_are_of_kind_count() -> None:
    got = kinds(
        "Selon la préfecture, trois pompiers ont été légèrement blessés dans le massif de la Serre.",
        "Dans la soirée, le service départemental faisait état de deux pompiers blessés dans la Serre.",
    )
    assert got == [("count", [(1, 3), (2, 2)])]


QUOTE_1 = (
    "« Nous avons évité le pire grâce à la rapidité des secours », a déclaré la préfète de la Lerne, Hélène Castagnet."
)
QUOTE_2 = "Le maire Jean-Marc Ollivier l'a reconnu lui-même : « Nous avons évité le pire grâce aux secours. »"


def test_reworded_quote_and_its_speaker() -> None:
    result = run(QUOTE_1, QUOTE_2)
    by_kind = {d.kind: d for d in result.discrepancies}
    assert set(by_kind) == {"quote_wording", "participant"}
    assert "[-à la rapidité des-] {+aux+}" in by_kind["quote_wording"].note
    assert sorted((s.source_id, s.value) for s in by_kind["participant"].spans) == [
        (1, "Hélène Castagnet"),
        (2, "Jean-Marc Ollivier"),
    ]


def test_different_statements_sharing_an_opening_are_not_one_quote() -> None:
    result = run(
        "« Nous avons évité le pire grâce à la rapidité des secours », a déclaré Hélène Castagnet.",
        "« Nous avons évité le pire mais les dégâts restent considérables partout », a dit Jean-Marc Ollivier.",
    )
    assert result.discrepancies == ()


def test_role_noun_alone_resolves_to_the_person_linked_to_it() -> None:
    result = run(
        QUOTE_1 + " Le maire, Jean-Marc Ollivier, a ouvert trois gymnases.",
        "« Nous avons évité le pire grâce à la rapidité des secours », a salué la préfète, aux côtés du maire "
        "Jean-Marc Ollivier.",
    )
    assert result.discrepancies == ()  # same wording, same speaker: the préfète, not the nearest name


@pytest.mark.parametrize(
    "attribution",
    [
        "Selon le maire, « Nous avons évité le pire grâce aux secours. »",
        "« Nous avons évité le pire grâce aux secours », a affirmé le maire devant Hélène Castagnet.",
    ],
)
def test_speaker_patterns_with_role_nouns(attribution: str) -> None:
    result = run(QUOTE_1 + " Le maire, Jean-Marc Ollivier, a ouvert trois gymnases.", attribution)
    part = next(d for d in result.discrepancies if d.kind == "participant")
    assert {(s.source_id, s.value) for s in part.spans} == {(1, "Hélène Castagnet"), (2, "Jean-Marc Ollivier")}
