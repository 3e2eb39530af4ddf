"""Contradiction by negation: which clauses are read, with which subject, verb and polarity."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import CompareInput, compare
from workbench.core.compare.negation import Claim, negation_edges, sentence_claims
from workbench.core.compare.textutil import fold, split_lines, split_sentences


def claims(text: str, near: bool = True, source_id: int = 1) -> list[Claim]:
    folded = fold(text)
    sents = [s for ln in split_lines(text) for s in split_sentences(text, folded, ln)]
    return sentence_claims(source_id, text, folded, sents, [near] * len(sents))


def read(text: str) -> list[tuple[str, str, bool, bool, str]]:
    return [(c.subject.key, c.verb, c.positive, c.conditional, text[c.start : c.end]) for c in claims(text)]


def test_named_subject_conditional() -> None:
    text = "Selon nos informations, la digue du Moulin aurait cédé pendant la nuit."
    assert read(text) == [("digue du moulin", "ced", True, True, "la digue du Moulin aurait cédé pendant la nuit")]


def test_pronoun_resolved_to_previous_clause_subject() -> None:
    text = "La digue du Moulin a été surveillée toute la nuit ; elle n'a pas cédé."
    got = read(text)
    assert got[0][:3] == ("digue du moulin", "pass:surveill", True)
    assert got[1] == ("digue du moulin", "ced", False, False, "elle n'a pas cédé")
    assert claims(text)[1].pronoun == "elle"


def test_pronoun_resolved_across_sentences_and_through_a_simple_verb() -> None:
    assert read("Le pont de Lanvic tient bon. Il n'a jamais cédé.") == [
        ("pont de lanvic", "ced", False, False, "Il n'a jamais cédé")
    ]


def test_pronoun_of_the_wrong_gender_or_number_is_not_resolved() -> None:
    assert read("Le maire a visité la digue ; elle n'a pas cédé.") == [
        ("maire", "visit", True, False, "Le maire a visité la digue")
    ]
    assert read("Les digues ont tenu ; elle n'a pas cédé.")[1:] == []


def test_reflexive_and_agreement() -> None:
    assert read("La tour s'est effondrée.") == [("tour", "refl:effondr", True, False, "La tour s'est effondrée")]
    assert read("La tour ne s'est pas effondrée.")[0][:3] == ("tour", "refl:effondr", False)
    assert read("La digue et le pont ont cédé.") == []


def test_unreadable_clauses() -> None:
    for text in (
        "La digue du Moulin a-t-elle cédé ?",
        "La digue du Moulin aurait cédé ?",
        "La digue du Moulin n'a pas seulement cédé, elle a été emportée.",
        "La digue du Moulin n'a cédé que sur dix mètres.",
        "La digue du Moulin n'a pas complètement cédé.",
        "La digue du Moulin a presque cédé.",
        "La digue du Moulin aurait pu céder.",
        "Personne ne sait si la digue du Moulin a cédé.",
        "Les habitants affirment que la digue du Moulin a cédé.",
        "Aucune digue n'a cédé.",
        "La préfecture ne l'a pas confirmé.",
        "Il a été décidé de fermer la route.",
    ):
        assert [c for c in read(text) if c[1] in ("ced", "confirm", "pass:decid")] == [], text


def test_far_dated_sentences_are_left_out() -> None:
    assert claims("En 2019, la digue du Moulin avait cédé.", near=False) == []


def edges_for(*texts: str) -> list[tuple[int, str, str]]:
    per = [(t, claims(t, source_id=k + 1)) for k, t in enumerate(texts)]
    return [(e.b.source_id, e.a.value, e.b.value) for e in negation_edges(per) if not e.agree]


def test_edges_need_same_subject_same_verb_opposite_polarity() -> None:
    assert edges_for("La digue du Moulin a cédé.", "La digue du Moulin n'a pas cédé.") == [
        (2, "happened", "did not happen")
    ]
    assert edges_for("La digue du Moulin a cédé.", "La digue des Forges n'a pas cédé.") == []
    assert edges_for("La digue du Moulin a cédé.", "La digue du Moulin n'a pas été renforcée.") == []
    assert edges_for("La digue du Moulin a cédé.", "La digue du Moulin a cédé dans la nuit.") == []


def test_a_source_stating_both_polarities_is_left_out() -> None:
    rumour = "On a dit que tout était perdu. La digue du Moulin aurait cédé. La digue du Moulin n'a pas cédé."
    assert edges_for(rumour, "La digue du Moulin n'a pas cédé.") == []


def test_engine_reports_the_sample_pattern_and_ignores_recycled_sources() -> None:
    day = dt.date(2026, 3, 10)
    inputs = [
        CompareInput(
            3, "Mardi 10 mars, crue.\nSelon nos informations, la digue du Moulin aurait cédé pendant la nuit.", day
        ),
        CompareInput(
            4, "Le 10 mars 2026.\nLa digue du Moulin a été surveillée toute la nuit ; elle n'a pas cédé.", day
        ),
        CompareInput(5, "Vendredi 14 mars 2025. La digue du Moulin a cédé ce vendredi matin.", dt.date(2025, 3, 14)),
    ]
    result = compare(inputs, event_date=day)
    found = [d for d in result.discrepancies if d.kind == "other"]
    assert len(found) == 1
    d = found[0]
    assert [(s.source_id, s.exact, s.value) for s in d.spans] == [
        (3, "la digue du Moulin aurait cédé pendant la nuit", "happened (unconfirmed)"),
        (4, "elle n'a pas cédé", "did not happen"),
    ]
    assert "reported as unconfirmed" in d.note and "« elle » = « La digue du Moulin »" in d.note
    for s in d.spans:
        text = next(i.text for i in inputs if i.source_id == s.source_id)
        assert text[s.start : s.end] == s.exact
