"""Verified alignment, clause units, name keys, captions, reuse relations, translation, rank, quote vs reported."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.core.compare import CompareInput, compare
from workbench.core.compare.align import name_key, split_clauses
from workbench.core.compare.boilerplate import is_caption_sentence
from workbench.core.compare.lang import detect, language_of
from workbench.core.compare.model import ValueSpan, independent_sources
from workbench.core.compare.notes import widen
from workbench.core.compare.textutil import fold

DAY = dt.date(2026, 3, 10)


def run(*texts: str, language: str = "en", dates: tuple[dt.date | None, ...] = ()) -> object:
    inputs = [
        CompareInput(k + 1, t, dates[k] if k < len(dates) else DAY) for k, t in enumerate(texts)
    ]
    return compare(inputs, language=language)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ushakov", "Ouchakov"), ("Yury", "Iouri"), ("Youri", "Iouri"), ("Poutine", "Putin"), ("Zelensky", "Zelenskyy")],
)
def test_name_key_unifies_transliterations(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Lavrov") != name_key("Ushakov")
    assert name_key("Marchal") != name_key("Halas")


def test_long_sentence_is_split_at_clause_boundaries_with_offsets() -> None:
    text = (
        "Le conseiller Iouri Ouchakov a indiqué que les deux dirigeants avaient parlé pendant une heure et demie, "
        "et que le président chinois se rendrait à Moscou au printemps ; il a ajouté que les échanges commerciaux "
        "avaient atteint un niveau record l'an dernier."
    )
    clauses = split_clauses(text, 0, len(text))
    assert len(clauses) >= 2
    for lo, hi in clauses:
        assert text[lo:hi] == text[lo:hi].strip() and len(text[lo:hi]) >= 45
    assert split_clauses("Une phrase courte.", 0, 18) == []


@pytest.mark.parametrize(
    "line", ["Photo : TASS", "Photo : Xinhua", "AP Photo/Vyacheslav Prokofyev", "Tous droits réservés AP"]
)
def test_captions_and_credits_are_boilerplate_sentences(line: str) -> None:
    assert is_caption_sentence(fold(line))


def test_caption_sentences_do_not_align() -> None:
    a = "Le sommet a réuni les ministres de douze pays à Lisbonne pour parler de la pêche. Photo : TASS"
    b = "Les ministres de douze pays se sont retrouvés à Lisbonne pour la pêche. Photo : Xinhua"
    result = run(a, b)
    assert result.alignments
    assert all("Photo" not in x.a.exact and "Photo" not in x.b.exact for x in result.alignments)


def test_clause_of_a_long_sentence_aligns_with_a_short_report_of_the_same_fact() -> None:
    a = (
        "Le président Arvo Keskula a reçu mardi son homologue letton dans la capitale, où les deux hommes ont "
        "évoqué la sécurité de la mer Baltique et le prix de l'énergie, et Keskula a annoncé la construction "
        "d'un câble sous-marin de 240 kilomètres entre Tallinn et Riga d'ici 2029."
    )
    b = "Un câble sous-marin de 240 kilomètres reliera Tallinn à Riga d'ici 2029, a annoncé Arvo Keskula."
    result = run(a, b, "La météo sera clémente demain sur la côte.")
    pairs = [(x.a.exact, x.b.exact) for x in result.alignments]
    assert any(x.startswith("Un câble") and "câble" in y and len(y) < len(a) for y, x in pairs) or any(
        y.startswith("Un câble") and "câble" in x and len(x) < len(a) for x, y in pairs
    )


def test_transliterated_names_help_alignment() -> None:
    a = "Yury Ushakov told reporters the talks lasted an hour and covered energy supplies to the north."
    b = "Iouri Ouchakov a déclaré aux journalistes que les pourparlers avaient duré une heure."
    c = "Le conseiller Iouri Ouchakov a précisé que les pourparlers, qui ont duré une heure, portaient sur l'énergie."
    result = run(b, c, a)
    assert any({x.a.source_id, x.b.source_id} == {1, 2} for x in result.alignments)


def test_pairs_with_a_recycled_source_are_marked_recycled() -> None:
    new = "VALDOR, 11 mars – Les pompiers ont maîtrisé mardi 10 mars un incendie dans la zone industrielle de Valdor."
    new2 = "Mardi 10 mars, un incendie a été maîtrisé par les pompiers dans la zone industrielle de Valdor."
    old = "VALDOR, 12 mars 2025 – Les pompiers ont maîtrisé mardi 11 mars 2025 un incendie dans la zone industrielle."
    result = run(new, new2, old, dates=(DAY, DAY, dt.date(2025, 3, 12)))
    rel = {frozenset({x.a.source_id, x.b.source_id}): x.relation for x in result.alignments}
    assert rel.get(frozenset({1, 2})) == "same-event"
    assert rel.get(frozenset({1, 3})) == "recycled"


EN_ORIGINAL = (
    "Minister Arvo Keskula announced on 10 March that Estonia will build a 240-kilometre undersea cable to Riga "
    "by 2029. The cable will cost 310 million euros, Keskula said in Tallinn. Latvia's minister Ilze Ozola "
    "welcomed the decision and promised 90 million euros. The European Commission will fund the rest."
)
FR_VERSION = (
    "Le ministre Arvo Keskula a annoncé le 10 mars que l'Estonie construira un câble sous-marin de 240 kilomètres "
    "vers Riga d'ici 2029. Le câble coûtera 310 millions d'euros, a déclaré Keskula à Tallinn. La ministre "
    "lettone Ilze Ozola a salué la décision et promis 90 millions d'euros. La Commission européenne financera "
    "le reste."
)


def test_translation_across_sources_says_translation_and_which_came_first() -> None:
    result = compare(
        [
            CompareInput(1, FR_VERSION, dt.date(2026, 3, 11), language="fr"),
            CompareInput(2, EN_ORIGINAL, dt.date(2026, 3, 10), language="en"),
        ]
    )
    tr = [r for r in result.reuse if r.relation == "translation"]
    assert len(tr) == 1
    assert tr[0].a.source_id == 2 and tr[0].first == 2 and "2026-03-10" in tr[0].evidence
    data = tr[0].to_json()
    assert {"a", "b", "relation", "first"} <= set(data)
    assert set(data["a"]) == {"source_id", "start", "end", "exact"}


def test_translation_inside_one_source_points_to_the_scraped_original() -> None:
    text = FR_VERSION + "\n\nPartager\n\n" + EN_ORIGINAL + "\n"
    result = compare([CompareInput(1, text, DAY, language="fr")])
    tr = [r for r in result.reuse if r.relation == "translation"]
    assert len(tr) == 1
    assert tr[0].a.exact.startswith("Minister Arvo") and tr[0].b.exact.startswith("Le ministre")
    assert tr[0].first == 1


def test_unrelated_french_and_english_texts_are_not_translations() -> None:
    other = (
        "Heavy rain flooded the old town of Tartu on Sunday. The river rose by two metres. "
        "Firefighters evacuated 120 people. Schools will reopen on Wednesday."
    )
    result = compare([CompareInput(1, FR_VERSION, DAY, language="fr"), CompareInput(2, other, DAY, language="en")])
    assert not [r for r in result.reuse if r.relation == "translation"]


def test_long_identical_quotation_is_a_common_source() -> None:
    q = "« Nous soutenons fermement nos efforts communs pour garantir la sécurité énergétique de la région balte »"
    a = f"Le ministre a été clair : {q}, a-t-il dit mardi à Tallinn devant la presse."
    b = f"{q}, a déclaré le ministre estonien à l'issue de la réunion."
    result = run(a, b, dates=(DAY, DAY + dt.timedelta(days=1)))
    common = [r for r in result.reuse if r.relation == "common-source"]
    assert len(common) == 1 and common[0].first == 1


def test_independent_sources_merge_reused_sources() -> None:
    result = compare(
        [
            CompareInput(1, FR_VERSION, dt.date(2026, 3, 11), language="fr"),
            CompareInput(2, EN_ORIGINAL, dt.date(2026, 3, 10), language="en"),
            CompareInput(3, "La Lettonie a confirmé le projet de câble.", DAY, language="fr"),
        ]
    )
    assert independent_sources({1, 2, 3}, result.reuse) == [{1, 2}, {3}]


def test_rank_and_hedge_is_a_discrepancy() -> None:
    a = "Selon les douanes, la Chine est devenue le principal partenaire commercial de la Russie l'an dernier."
    b = "Les douanes indiquent que la Chine est l'un des principaux partenaires commerciaux de la Russie."
    result = run(a, b, language="fr")
    rank = [d for d in result.discrepancies if any(s.unit == "rank" for s in d.spans)]
    assert len(rank) == 1
    assert {s.exact for s in rank[0].spans} == {"le principal partenaire", "l'un des principaux partenaires"}
    assert rank[0].note.startswith("Le rang diffère")


def test_quote_against_reported_speech_with_a_change() -> None:
    a = "« Nous maintiendrons le niveau de coopération atteint avec les îles du Nord dès cette année », a dit Ivo."
    b = "Ivo a affirmé qu'ils maintiendraient le niveau de coopération atteint avec les îles du Sud dès cette année."
    result = run(a, b)
    qw = [d for d in result.discrepancies if d.kind == "quote_wording"]
    assert len(qw) == 1 and "Nord" in qw[0].note and "Sud" in qw[0].note


def test_reported_speech_with_only_person_shifts_is_not_a_discrepancy() -> None:
    a = "« Nous maintiendrons le niveau de coopération atteint avec les îles du Nord », a dit Keskula."
    b = "Keskula a affirmé qu'ils maintiendront le niveau de coopération atteint avec les îles du Nord."
    assert not [d for d in run(a, b).discrepancies if d.kind == "quote_wording"]


def test_evidence_is_widened_to_whole_words() -> None:
    text = "un échange téléphonique bref"
    s = ValueSpan(1, 11, 19, text[11:19], "telephone")
    assert widen(text, s).exact == "téléphonique"


def test_notes_for_readers_have_no_stems_and_follow_the_language() -> None:
    a = "Mercredi, la crue a obligé les autorités à évacuer 1 200 habitants des quartiers bas de Saint-Aubin."
    b = "Mercredi, la rivière est sortie de son lit et 2 100 habitants ont été évacués à Saint-Aubin."
    fr = run(a, b, language="fr").discrepancies
    en = run(a, b, language="en").discrepancies
    assert fr and en
    assert fr[0].note.startswith("Les chiffres diffèrent") and "contre" in fr[0].note
    assert en[0].note.startswith("Figures differ") and " vs " in en[0].note
    for d in fr + en:
        assert "…" not in d.note and "n:" not in d.note


def test_language_is_detected_when_not_recorded() -> None:
    assert detect(fold(EN_ORIGINAL)) == "en"
    assert detect(fold(FR_VERSION)) == "fr"
    assert language_of("fr-FR", fold(EN_ORIGINAL)) == "fr"
    assert language_of("", fold(EN_ORIGINAL)) == "en"


def test_a_weak_pair_sharing_a_figure_compares_figures_not_people() -> None:
    a = "Avant de s'entretenir avec Donald Trump le 4 février, Arvo Keskula a présidé une réunion du cabinet."
    b = "Le ministre Ilze Ozola a visité le Grand Hall du Peuple à Riga, le mercredi 4 février, avec des élus."
    result = run(a, b, dates=(dt.date(2026, 2, 5), dt.date(2026, 2, 5)))
    assert not [d for d in result.discrepancies if d.kind == "participant"]


def test_a_sentence_said_twice_in_a_source_aligns_once() -> None:
    caption = "Le président Arvo Keskula reçoit son homologue Ilze Ozola à Tallinn, mardi 10 mars 2026."
    a = f"{caption} Les deux dirigeants ont parlé du câble.\nIls ont parlé de la pêche. {caption}\n"
    b = "Mardi 10 mars 2026, le président Arvo Keskula a reçu son homologue Ilze Ozola à Tallinn."
    result = run(a, b)
    assert len([x for x in result.alignments if "reçoit" in x.a.exact + x.b.exact]) == 1


def test_english_counts_of_one_event_compared_across_unaligned_sentences() -> None:
    a = "HARWICK, March 12 – Dockers at Harwick walked out on Thursday.\nAbout 2,100 workers joined the strike."
    b = "The Harwick dockers' strike goes on.\nSome 2,400 workers took part, according to the union."
    nums = [d for d in run(a, b).discrepancies if d.kind == "number"]
    assert len(nums) == 1
    assert sorted(s.value for s in nums[0].spans) == [2100, 2400]
