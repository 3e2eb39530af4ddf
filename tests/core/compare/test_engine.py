"""The engine on small inline dossiers: each detector, false-alarm guards, cancel and progress."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.compare import CompareInput, compare
from workbench.core.errors import Cancelled, ValidationError

TUE = dt.date(2026, 2, 3)
WED = dt.date(2026, 2, 4)


def src(sid: int, text: str, published: dt.date | None = WED) -> CompareInput:
    return CompareInput(sid, text, published)


def kinds(*texts: str, published: tuple[dt.date | None, ...] | None = None) -> list[tuple[str, list]]:
    inputs = [src(k + 1, t, published[k] if published else WED) for k, t in enumerate(texts)]
    return [(d.kind, sorted((s.source_id, s.value) for s in d.spans)) for d in compare(inputs).discrepancies]


def test_amount_discrepancy() -> None:
    got = kinds(
        "Les deux pays ont signé un accord commercial de 244,8 milliards de dollars sur dix ans.",
        "Les deux pays ont signé un accord commercial de 248 milliards de dollars sur dix ans.",
    )
    assert got == [("number", [(1, 244_800_000_000), (2, 248_000_000_000)])]


def test_rounded_or_bounded_figures_are_not_discrepancies() -> None:
    assert (
        kinds(
            "Les deux pays ont signé un accord commercial de 244,8 milliards de dollars sur dix ans.",
            "Les deux pays ont signé un accord commercial de 245 milliards de dollars sur dix ans.",
        )
        == []
    )
    assert (
        kinds(
            "Plus de 3 000 personnes ont été évacuées des villages inondés de la vallée.",
            "Quelque 3 200 personnes ont été évacuées des villages inondés de la vallée.",
        )
        == []
    )


def test_duration_discrepancy_across_spellings() -> None:
    got = kinds(
        "L'entretien téléphonique entre les deux présidents a duré 1 heure et 25 minutes.",
        "L'entretien téléphonique entre les deux présidents a duré 1h25.",
        "L'entretien téléphonique entre les deux présidents a duré une heure et demie.",
    )
    assert got == [("number", [(1, 85), (2, 85), (3, 90)])]


def test_ordinal_and_word_counts() -> None:
    got = kinds(
        "C'est leur sixième conversation depuis le début de la guerre, après deux appels en mars.",
        "C'est leur septième conversation depuis le début de la guerre, après deux appels en mars.",
    )
    assert got == [("count", [(1, 6), (2, 7)])]


def test_percentage_discrepancy() -> None:
    got = kinds(
        "Le chômage a reculé de 4,5 % sur un an dans la région, selon l'institut statistique.",
        "Le chômage a reculé de 5,4 % sur un an dans la région, selon l'institut statistique.",
    )
    assert got == [("number", [(1, 4.5), (2, 5.4)])]


def test_relative_dates_resolved_per_source() -> None:
    # published on different days, both mean Tuesday 3 February: no discrepancy
    assert (
        kinds(
            "Le président s'est entretenu mardi avec son homologue pendant une heure.",
            "Le président s'est entretenu hier avec son homologue pendant une heure.",
        )
        == []
    )
    got = kinds(
        "Le président s'est entretenu mardi avec son homologue pendant une heure.",
        "Le président s'est entretenu lundi avec son homologue pendant une heure.",
        published=(WED, dt.date(2026, 2, 5)),
    )
    assert got == [("date", [(1, "2026-02-03"), (2, "2026-02-02")])]


def test_absolute_date_discrepancy() -> None:
    got = kinds(
        "Le sommet des ministres de l'Énergie se tiendra le 12 mars à Genève, a annoncé le ministère.",
        "Le sommet des ministres de l'Énergie se tiendra le 14 mars à Genève, a annoncé le ministère.",
    )
    assert got == [("date", [(1, "2026-03-12"), (2, "2026-03-14")])]


def test_participant_discrepancy() -> None:
    got = kinds(
        "Le président Emil Sorel s'est entretenu au téléphone avec le chancelier Karl Brandt mardi.",
        "Le président Emil Sorel s'est entretenu au téléphone avec la chancelière Anna Weiss mardi.",
    )
    assert got == [("participant", [(1, "Karl Brandt"), (2, "Anna Weiss")])]


def test_quote_attribution_and_wording() -> None:
    got = kinds(
        "« Nous ne céderons rien sur la souveraineté du pays », a déclaré le ministre Paul Roche jeudi.",
        "« Nous ne céderons jamais rien sur la souveraineté du pays », a lancé la ministre Alice Vernet jeudi.",
    )
    assert sorted(k for k, _ in got) == ["participant", "quote_wording"]
    quote = next(spans for k, spans in got if k == "quote_wording")
    assert quote == [
        (1, "Nous ne céderons rien sur la souveraineté du pays"),
        (2, "Nous ne céderons jamais rien sur la souveraineté du pays"),
    ]


def test_same_values_give_nothing() -> None:
    text = "La présidente Irène Castel a reçu mardi 1 200 agriculteurs pour un plan de 3,5 milliards d'euros."
    assert kinds(text, text.replace("reçu", "accueilli")) == []


def test_unrelated_sentences_are_not_aligned_or_compared() -> None:
    result = compare(
        [
            src(1, "Les pompiers ont sauvé 12 personnes de la crue du fleuve dans la nuit."),
            src(2, "Le budget de la culture augmentera de 14 millions d'euros l'an prochain."),
        ]
    )
    assert result.alignments == () and result.discrepancies == ()


def test_recycled_needs_evidence() -> None:
    body = "La présidente Irène Castel s'est entretenue mardi avec le chancelier Ekdal, a indiqué la présidence."
    result = compare([src(1, body), src(2, body.replace("Castel", "Castel ")), src(3, body, dt.date(2025, 2, 5))])
    rep = {r.source_id: r for r in result.sources}
    assert rep[3].flags == ("recycled",) and rep[3].evidence_for("recycled")[0].exact == "mardi"
    assert rep[3].reported_event_date == dt.date(2025, 2, 4)
    assert result.event_date == TUE


def test_given_event_date_wins() -> None:
    body = "La présidente Irène Castel s'est entretenue mardi avec le chancelier Ekdal, a indiqué la présidence."
    result = compare([src(1, body)], event_date=dt.date(2026, 1, 1))
    assert result.event_date == dt.date(2026, 1, 1)
    assert result.sources[0].flags == ("recycled",)


def test_reuse_oriented_by_publication_date() -> None:
    passage = (
        "Le barrage de la vallée haute a cédé dans la nuit de lundi à mardi après des pluies d'une intensité "
        "inédite, emportant trois ponts et coupant la route départementale qui relie les villages du plateau au "
        "reste du canton, selon les services de secours qui ont mobilisé plus de deux cents pompiers."
    )
    original = "Récit de notre envoyé spécial.\n" + passage + "\nLes habitants restent inquiets.\n"
    copy = (
        "Un article d'une autre rédaction commence ainsi, avec des mots bien à lui.\n"
        + passage.replace("'", "’").replace(",", " ,")
        + "\n"
    )
    result = compare([src(1, copy, dt.date(2026, 2, 6)), src(2, original, WED)])
    assert len(result.reuse) == 1
    r = result.reuse[0]
    assert (r.a.source_id, r.b.source_id, r.oriented) == (2, 1, True)
    assert [rep.flags for rep in result.sources] == [("relay",), ()]


def test_reuse_without_dates_is_not_oriented_and_flags_no_relay() -> None:
    passage = " ".join(f"mot{k} suivi de texte" for k in range(20))
    result = compare([src(1, passage, None), src(2, passage, None)])
    assert len(result.reuse) == 1 and not result.reuse[0].oriented
    assert all(rep.flags == () for rep in result.sources)


def test_cancel_raises() -> None:
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        compare(
            [src(k, f"Phrase numéro {k} sur le sujet du jour, avec des détails." * 30) for k in range(1, 4)],
            cancel=cancel,
        )


def test_cancel_checked_before_any_work() -> None:
    with pytest.raises(Cancelled):
        compare([src(1, "Un texte.")], cancel=lambda: True)


def test_progress_is_monotonic_and_completes() -> None:
    seen: list[tuple[int, int]] = []
    compare(
        [src(k, "La présidente a parlé mardi avec le chancelier. " * 20) for k in range(1, 4)],
        progress=lambda d, n: seen.append((d, n)),
    )
    assert seen and seen[-1][0] == seen[-1][1]
    done = [d for d, _ in seen]
    assert done == sorted(done)


def test_duplicate_ids_and_empty_inputs() -> None:
    with pytest.raises(ValidationError):
        compare([src(1, "a"), src(1, "b")])
    result = compare([])
    assert result.to_json() == {"event_date": None, "alignments": [], "discrepancies": [], "sources": [], "reuse": []}
