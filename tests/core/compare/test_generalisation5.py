"""Classes found on the compare5 blind dossiers (a court ruling in French, a budget vote in English): English
number words in durations, « per cent », titles in names, reported words running into the next sentence, « du plus
ADJ », a proper-name subject of a negation, the original of a translation beside a relay, a sentence of another
event (« last December »), English « Dec 8 » dates."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import CompareInput, compare
from workbench.core.compare.dates import find_dates
from workbench.core.compare.quantities import find_quantities
from workbench.core.compare.textutil import fold
from workbench.core.compare.wording import rank_mentions


def _src(sid: int, text: str, published: dt.date, language: str = "en") -> CompareInput:
    return CompareInput(source_id=sid, text=text, published=published, language=language)


def _values(text: str) -> list[tuple[float, str]]:
    return [(q.value, q.unit) for q in find_quantities(fold(text), [])]


def test_english_number_words_read_in_durations_counts_and_percentages() -> None:
    assert _values("a session that lasted two hours and 40 minutes") == [(160.0, "min")]
    assert _values("after three hours of debate") == [(180.0, "min")]
    assert _values("twenty-one people") == [(21.0, "n:people")]
    assert _values("two hundred people") == [(200.0, "n:people")]
    assert _values("raises the tax by 4.5 per cent") == [(4.5, "%")]
    assert _values("one of the largest") == []  # a lone « one » is no figure (as « un »)


def test_english_session_lengths_in_words_and_figures_compare() -> None:
    a = _src(1, "The council approved the budget after a session that lasted two hours and 40 minutes, its clerk said.",
             dt.date(2026, 12, 8))
    b = _src(2, "The council approved the budget after a session that lasted three hours, its clerk said.",
             dt.date(2026, 12, 9))
    found = [d for d in compare([a, b]).discrepancies if d.kind == "number"]
    assert [{s.source_id: s.value for s in d.spans} for d in found] == [{1: 160.0, 2: 180.0}]


def test_a_title_is_no_part_of_the_speaker_name() -> None:
    a = _src(1, '"We will keep every library open in Harbourton next year," Mayor Diane Okafor told councillors.',
             dt.date(2026, 12, 8))
    b = _src(2, '"We will keep every library open in Harbourton next year," Councillor Marcus Hale told councillors.',
             dt.date(2026, 12, 9))
    found = [d for d in compare([a, b]).discrepancies if d.kind == "participant"]
    assert {s.value for d in found for s in d.spans} == {"Diane Okafor", "Marcus Hale"}


def test_reported_words_stop_at_their_sentence_end() -> None:
    a = _src(1, '"This budget keeps every library open and every bus route running," Okafor told councillors.',
             dt.date(2026, 12, 8))
    b = _src(2, "Okafor told councillors that the budget would keep every library open and every bus route free.\n"
                "It passed by 31 votes to 18.", dt.date(2026, 12, 9))
    found = [d for d in compare([a, b]).discrepancies if d.kind == "quote_wording"]
    assert found
    reported = next(s for d in found for s in d.spans if s.source_id == 2)
    assert "It" not in str(reported.value).split() and str(reported.value).endswith("free")
    said = next(s for d in found for s in d.spans if s.source_id == 1)
    assert not str(said.value).endswith(",")


def test_du_plus_is_a_superlative_rank() -> None:
    f = fold("Il s'agit du plus important dossier de corruption jugé dans le département.")
    g = fold("C'est l'un des plus importants dossiers de corruption jugés dans le département.")
    top = [(r.head, r.top) for r in rank_mentions(1, f, [(0, len(f))])]
    one = [(r.head, r.top) for r in rank_mentions(2, g, [(0, len(g))])]
    assert top and one and top[0][1] and not one[0][1] and top[0][0] == one[0][0]


def test_a_named_person_did_or_did_not_attend() -> None:
    a = _src(1, "Le tribunal a rendu son jugement jeudi. Gérard Maucourant n'a pas assisté au délibéré.",
             dt.date(2026, 11, 12), "fr")
    b = _src(2, "Le tribunal a rendu son jugement jeudi. Gérard Maucourant a assisté au délibéré sans un mot.",
             dt.date(2026, 11, 13), "fr")
    found = [d for d in compare([a, b]).discrepancies if d.kind == "other"]
    assert [{s.source_id: s.value for s in d.spans} for d in found] == [{1: "did not happen", 2: "happened"}]


def test_a_figure_inside_a_quote_wording_finding_is_not_told_twice() -> None:
    a = _src(1, '"We will not let a single season of storms undo ten years of trust between our peoples," '
                "Reinholt told Varga.", dt.date(2026, 9, 23))
    b = _src(2, "Reinholt told Varga that a single season of storms would not undo twenty years of trust between "
                "the peoples.", dt.date(2026, 9, 24))
    kinds = [d.kind for d in compare([a, b]).discrepancies]
    assert "quote_wording" in kinds and "count" not in kinds


def test_a_sentence_of_last_year_does_not_align_with_this_year() -> None:
    a = _src(1, "Harbourton city council approved a budget for 2027 on Monday by 31 votes to 18 after a long debate.",
             dt.date(2026, 12, 8))
    b = _src(2, "Remember that last December the council approved the budget by 27 votes to 22 after a long debate.",
             dt.date(2026, 12, 10))
    assert not compare([a, b]).alignments


def test_english_month_day_dates_and_named_relative_months() -> None:
    pub = dt.date(2026, 12, 8)
    assert [(d.value, d.precision) for d in find_dates(fold("HARBOURTON, Dec 8 (Coastline Press) -"), pub)] == [
        (dt.date(2026, 12, 8), "day")
    ]
    assert [(d.value, d.precision) for d in find_dates(fold("Remember that last December the"), pub)] == [
        (dt.date(2025, 12, 1), "month")
    ]
    assert [(d.value, d.precision) for d in find_dates(fold("Il est venu en mars dernier."), pub)] == [
        (dt.date(2026, 3, 1), "month")
    ]


def test_a_translation_comes_from_the_source_it_shares_most_sentences_with() -> None:
    wire = _src(1, "The court of Vernoux on Thursday fined the former mayor, Gérard Maucourant, 30,000 euros. "
                   "He was also barred from office for five years. The town obtains 85,000 euros in damages. "
                   "His lawyer, Antoine Ferrand, said they would appeal on Monday.", dt.date(2026, 11, 12))
    relay = _src(2, "The court of Vernoux on Thursday fined the former mayor, Gérard Maucourant, 50,000 euros. "
                    "He was also barred from office for five years.", dt.date(2026, 11, 13))
    version = _src(3, "Le tribunal de Vernoux a condamné jeudi l'ancien maire, Gérard Maucourant, à 30 000 euros "
                      "d'amende. Il est aussi privé de mandat pendant cinq ans. La commune obtient 85 000 euros de "
                      "dommages. Son avocat, Antoine Ferrand, a dit qu'ils feraient appel lundi.",
                   dt.date(2026, 11, 13), "fr")
    found = [r for r in compare([wire, relay, version]).reuse if r.relation == "translation"]
    assert found and {(r.a.source_id, r.b.source_id) for r in found} == {(1, 3)}


def test_a_speaker_is_shown_as_the_source_spells_the_name() -> None:
    a = _src(1, '"We will keep every library open in Harbourton next year," Mayor Diane Okafor told councillors. '
                "The finance chair, Aleksandr Petrenko, said the tax would rise.", dt.date(2026, 12, 8))
    b = _src(2, '"We will keep every library open in Harbourton next year," Oleksandr Petrenko told the chamber.',
             dt.date(2026, 12, 9))
    found = [d for d in compare([a, b]).discrepancies if d.kind == "participant"]
    assert {s.source_id: s.value for d in found for s in d.spans} == {1: "Diane Okafor", 2: "Oleksandr Petrenko"}


def test_a_translation_that_leaves_sentences_out_is_one_reuse_entry() -> None:
    from workbench.core.compare.engine import _joined, prepare_sources
    from workbench.core.compare.translation import Translated

    sources = prepare_sources([_src(1, "x " * 900, dt.date(2026, 11, 12)), _src(2, "y " * 900, dt.date(2026, 11, 13))])
    first = Translated(0, 0, 700, "fr", 1, 27, 653, "en", 2)
    second = Translated(0, 1036, 1249, "fr", 1, 764, 939, "en", 2)  # the court dossier's two passages, ~300 apart
    far = Translated(0, 1700, 1790, "fr", 1, 1500, 1600, "en", 3)
    joined = _joined([second, first, far], sources)
    assert [(t.a_start, t.a_end, t.b_start, t.b_end, t.sentences) for t in joined] == [
        (0, 1249, 27, 939, 4), (1700, 1790, 1500, 1600, 3)
    ]


def test_a_short_quote_reported_with_every_verb_shifted_and_a_word_changed() -> None:
    a = _src(1, "« Ce jugement est une erreur et nous ferons appel dès lundi », a déclaré son avocat, Me Antoine "
                "Ferrand, à la sortie de l'audience.", dt.date(2026, 11, 12), "fr")
    b = _src(2, "L'avocat de l'ancien maire, Me Antoine Ferrand, a estimé que ce jugement était une injustice et que "
                "son client ferait appel dès lundi.", dt.date(2026, 11, 13), "fr")
    found = [d for d in compare([a, b]).discrepancies if d.kind == "quote_wording"]
    assert len(found) == 1 and "« erreur » → « injustice »" in found[0].note
    # the same words reported faithfully, tense and person shifted: nothing to report
    c = _src(3, "L'avocat de l'ancien maire, Me Antoine Ferrand, a estimé que ce jugement était une erreur et qu'ils "
                "feraient appel dès lundi.", dt.date(2026, 11, 13), "fr")
    assert not [d for d in compare([a, c]).discrepancies if d.kind == "quote_wording"]


def test_per_cent_is_no_counted_noun() -> None:
    from workbench.core.compare.align import SentRef, unit_terms

    text = "The budget raises the property tax by 4.5 per cent, the steepest rise."
    _terms, anchors = unit_terms(text, fold(text), SentRef(0, 0, len(text), 0, "en"))
    assert "#4.5" in anchors and not any(a.startswith("u:per") for a in anchors)


def test_english_negation_of_the_same_subject_and_verb() -> None:
    a = _src(1, "The court ruled on Thursday. Maucourant did not attend the ruling.", dt.date(2026, 11, 12))
    b = _src(2, "The court ruled on Thursday. Gérard Maucourant attended the ruling in silence.", dt.date(2026, 11, 13))
    found = [d for d in compare([a, b]).discrepancies if d.kind == "other"]
    assert [{s.source_id: s.value for s in d.spans} for d in found] == [{1: "did not happen", 2: "happened"}]
    # a different verb, a question or a modal is no contradiction
    c = _src(3, "The court ruled on Thursday. Did Maucourant attend the ruling? He may have attended the ruling.",
             dt.date(2026, 11, 13))
    d = _src(4, "The court ruled on Thursday. Maucourant did not appeal the ruling.", dt.date(2026, 11, 13))
    assert not [x for x in compare([a, c]).discrepancies if x.kind == "other"]
    assert not [x for x in compare([b, d]).discrepancies if x.kind == "other"]
