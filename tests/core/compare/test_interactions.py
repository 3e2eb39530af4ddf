"""Interactions read across sources, paraphrased quotes, publication dates from headers and new boilerplate cues."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import CompareInput, compare
from workbench.core.compare.boilerplate import find_boilerplate
from workbench.core.compare.dates import find_dates
from workbench.core.compare.events import header_dates
from workbench.core.compare.interactions import sentence_interactions
from workbench.core.compare.persons import PersonIndex
from workbench.core.compare.textutil import fold, split_lines

WED = dt.date(2026, 3, 11)


def run(*texts: str, published: dt.date | None = WED):
    return compare([CompareInput(k + 1, t, published) for k, t in enumerate(texts)])


def summary(*texts: str, published: dt.date | None = WED) -> list[tuple[str, list]]:
    return [
        (d.kind, sorted((s.source_id, s.value) for s in d.spans))
        for d in run(*texts, published=published).discrepancies
    ]


def interactions(text: str) -> list[tuple[str, str, str]]:
    folded = fold(text)
    people = PersonIndex()
    people.learn(text, folded, [(0, len(text))])
    mentions = people.mentions(text, folded, 0, len(text))
    return sorted((i.who, i.other.name, i.channel) for i in sentence_interactions(folded, 0, len(text), mentions))


# --- reading interactions -----------------------------------------------------------------------------------------


def test_subject_and_partners_after_avec() -> None:
    got = interactions(
        "Avant de s'entretenir avec la présidente Ada Kern, le président Jon Ulm a participé à une visioconférence "
        "avec le ministre Piet Roos."
    )
    assert got == [
        ("Ada Kern", "Jon Ulm", ""),
        ("Jon Ulm", "Ada Kern", ""),
        ("Jon Ulm", "Piet Roos", "video"),
        ("Piet Roos", "Jon Ulm", "video"),
    ]


def test_channel_of_each_partner_and_after_the_name() -> None:
    got = interactions(
        "La présidente Ada Kern a tenu un entretien en visio conférence avec Jon Ulm juste avant un échange "
        "téléphonique avec le ministre Piet Roos."
    )
    assert ("Ada Kern", "Jon Ulm", "video") in got and ("Ada Kern", "Piet Roos", "phone") in got
    got = interactions("Le président Jon Ulm s'entretient avec la présidente Ada Kern par vidéoconférence à Orsa.")
    assert ("Jon Ulm", "Ada Kern", "video") in got


def test_pair_joined_by_et() -> None:
    got = interactions("Les présidents Jon Ulm et Ada Kern, ont tenu mercredi une vidéoconférence sur les ports.")
    assert got == [("Ada Kern", "Jon Ulm", "video"), ("Jon Ulm", "Ada Kern", "video")]
    assert interactions("Les présidents Jon Ulm et Ada Kern ont salué la qualité de leurs relations.") == []


def test_avec_without_an_interaction_word_is_not_an_interaction() -> None:
    assert interactions("Le président Jon Ulm a signé un accord avec la présidente Ada Kern sur les ports.") == []


# --- discrepancies across sources ---------------------------------------------------------------------------------

A = (
    "Avant de s'entretenir avec la présidente Ada Kern mercredi, le président Jon Ulm a participé à une "
    "visioconférence avec le chancelier Piet Roos."
)
B = (
    "Le chancelier Piet Roos a tenu un entretien en visioconférence avec Jon Ulm juste avant un échange "
    "téléphonique avec la présidente Ada Kern."
)


def test_who_spoke_with_whom_across_unaligned_sentences() -> None:
    got = [x for x in summary(A, B) if x[0] == "participant"]
    assert got == [("participant", [(1, "Jon Ulm"), (2, "Piet Roos")])]


def test_no_discrepancy_when_a_source_names_both_counterparts() -> None:
    c = "La présidente Ada Kern s'est entretenue avec Jon Ulm, puis elle a eu un appel avec le chancelier Piet Roos."
    both = "La présidente Ada Kern s'est entretenue avec Jon Ulm et avec le chancelier Piet Roos."
    assert [x for x in summary(c, both) if x[0] == "participant"] == []


def test_interactions_dated_far_from_the_event_are_another_meeting() -> None:
    old = "Le 16 mai 2024, le chancelier Piet Roos s'était entretenu à Orsa avec la présidente Ada Kern."
    assert [x for x in summary(A, old, A.replace("mercredi", "le 11 mars")) if x[0] == "participant"] == []


def test_video_against_telephone() -> None:
    c = "Officiellement avec sa vidéoconférence avec Ada Kern, Piet Roos a voulu rassurer ses alliés."
    got = [x for x in summary(B, c) if x[0] == "other"]
    assert got == [("other", [(1, "telephone"), (2, "video")])]


def test_teleconference_is_no_channel_claim() -> None:
    c = "Officiellement avec sa téléconférence avec Ada Kern, Piet Roos a voulu rassurer ses alliés."
    assert [x for x in summary(B, c) if x[0] == "other"] == []


def test_family_name_first_is_the_full_name() -> None:
    people = PersonIndex()
    text = "Le président Lin Weihao a reçu des fleurs. Selon M. Lin, le printemps commence."
    folded = fold(text)
    people.learn(text, folded, [(0, len(text))])
    assert [m.name for m in people.mentions(text, folded, 0, len(text))] == ["Lin Weihao", "Lin Weihao"]


# --- quotes in two translations -----------------------------------------------------------------------------------


def test_same_statement_in_two_translations() -> None:
    got = summary(
        "« Dans cette période agitée, le lien entre Orsa et Lenz reste un solide facteur d'équilibre », a déclaré "
        "Jon Ulm.",
        "Jon Ulm s'est exprimé devant la presse. « Au milieu des secousses actuelles, le partenariat entre Orsa et "
        "Lenz est resté un facteur d'équilibre majeur », a déclaré Jon Ulm.",
    )
    assert [k for k, _ in got] == ["quote_wording"]


def test_translations_attributed_to_different_speakers_are_left_alone() -> None:
    got = summary(
        "« Dans cette période agitée, le lien entre Orsa et Lenz reste un solide facteur d'équilibre », a déclaré "
        "Jon Ulm.",
        "« Au milieu des secousses actuelles, le partenariat entre Orsa et Lenz est resté un facteur d'équilibre "
        "majeur », a déclaré Ada Kern.",
    )
    assert [k for k, _ in got if k == "quote_wording"] == []


# --- publication dates from the text, recycling ------------------------------------------------------------------


def _header(text: str) -> list[str]:
    folded = fold(text)
    return [d.iso for d in header_dates(folded, split_lines(text), find_dates(folded, None))]


def test_header_dates() -> None:
    assert _header("06/02/2026 blog.example 8min #1\n\nTitre\n\nPar Ana Bel, le 6 février 2026\n\nTexte.")[0] == (
        "2026-02-06"
    )
    assert _header(" date 2026-02-04 Les deux présidents se sont parlé mercredi pendant une heure.") == ["2026-02-04"]
    assert _header("Titre\nPar Wang Li 22 janv. 2025\nLe 21 janvier 2025, les deux dirigeants se sont parlé.") == [
        "2025-01-22"
    ]
    long_first = (
        "Le 16 mai 2024, les deux dirigeants se sont retrouvés à Orsa pour un sommet consacré aux ports du nord."
    )
    assert _header(long_first) == []


def test_inferred_date_resolves_relative_mentions() -> None:
    result = run(
        "Par Ana Bel, le 12 mars 2026\nLes deux présidents se sont parlé mardi pendant une heure.", published=None
    )
    rep = result.sources[0]
    assert rep.published == dt.date(2026, 3, 12) and rep.reported_event_date == dt.date(2026, 3, 10)
    assert "read from the text" in rep.note


def test_current_article_citing_a_background_date_more_often_is_not_recycled() -> None:
    current = (
        "Les présidents se sont parlé mercredi 11 mars. Depuis l'incident du 2 février, le port est fermé. "
        "Le 2 février, un cargo avait heurté la digue. Les dégâts du 2 février restent visibles."
    )
    report = (
        "Les présidents se sont parlé mercredi 11 mars par visioconférence. Ils ont évoqué le port fermé depuis "
        "l'incident."
    )
    result = run(current, report)
    assert all("recycled" not in r.flags for r in result.sources)


def test_old_article_reposted_on_the_event_day_stays_recycled() -> None:
    old = (
        "Publié le 11 mars 2026\nLes présidents se sont parlé le 12 mars 2025 par visioconférence, une première. "
        "Le 12 mars 2025 restera une date importante."
    )
    report = "Les présidents se sont parlé mercredi 11 mars par visioconférence."
    result = run(old, report, report.replace("mercredi", "le"))
    assert "recycled" in result.sources[0].flags


# --- boilerplate ---------------------------------------------------------------------------------------------------


def _boiler(text: str) -> dict[int, str]:
    return find_boilerplate(text, fold(text), split_lines(text))


def test_view_counter_starts_the_comments() -> None:
    text = "Le texte de l'article est ici.\nViews: 72\nMarco\nJe ne suis pas d'accord avec cet article."
    assert _boiler(text) == {1: "comment", 2: "comment", 3: "comment"}


def test_site_lines_and_credits() -> None:
    text = (
        "06/02/2026 blog.example 8min #304\nLe texte de l'article est ici.\nTraduit par  Atelier Lexis\n"
        " blog.example\nAuteur : Agence Nordpresse\nSource : Agence Nordpresse – Radio Sud"
    )
    assert set(_boiler(text)) == {0, 2, 3, 4, 5}


def test_english_lines_in_a_french_page() -> None:
    text = (
        "Les deux présidents se sont parlé mercredi et ont évoqué les ports du nord.\n"
        "La conversation a duré une heure, selon la présidence, qui a publié un communiqué.\n"
        "Before the president spoke with the chancellor, he held a call with his minister.\n"
        "Le « Board of Peace » a été évoqué par les deux dirigeants."
    )
    assert _boiler(text) == {2: "other-language"}
