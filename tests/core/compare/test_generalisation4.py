"""Classes found on the compare4 blind dossiers (and in the older ones): paraphrased leads with different days,
superlative ranks, English interactions and channels, translations meeting third sources, reported speech that only
moves the quote's words."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import CompareInput, compare
from workbench.core.compare.textutil import fold
from workbench.core.compare.wording import rank_mentions


def _src(sid: int, text: str, published: dt.date, language: str = "en") -> CompareInput:
    return CompareInput(source_id=sid, text=text, published=published, language=language)


def test_leads_told_in_different_words_still_compare_their_days() -> None:
    a = _src(1, "Dock workers at the port of Larch walked out on Thursday over pay. The union said 900 joined.",
             dt.date(2026, 3, 13))
    b = _src(2, "Why are the dockers angry? Pay has not moved in years. Everything stopped on Wednesday, March 11, "
                "said a crane driver.", dt.date(2026, 3, 14))
    result = compare([a, b])
    found = [d for d in result.discrepancies if d.kind == "date"]
    values = {s.source_id: s.value for d in found for s in d.spans}
    assert values == {1: "2026-03-12", 2: "2026-03-11"}
    # the two sentences dating the event are one fact told in two ways
    assert any("Thursday" in al.a.exact and "Wednesday" in al.b.exact for al in result.alignments)


def test_days_a_week_apart_are_another_event_not_a_disagreement() -> None:
    a = _src(1, "The strike at the port of Larch began on Thursday, the union said.", dt.date(2026, 3, 13))
    b = _src(2, "Talks at the port of Larch were held on 2 March, months of anger behind them.", dt.date(2026, 3, 14))
    assert not [d for d in compare([a, b]).discrepancies if d.kind == "date"]


def test_superlatives_rank_on_the_adjective_or_the_superlative_and_its_noun() -> None:
    def heads(text: str) -> list[tuple[str, bool]]:
        f = fold(text)
        return [(r.head, r.top) for r in rank_mentions(1, f, [(0, len(f))])]

    fr_top, fr_one = heads("La ligne est la plus fréquentée de la région."), heads(
        "Cette ligne, l'une des plus fréquentées de la région, est fermée.")
    assert fr_top[0][1] and not fr_one[0][1] and fr_top[0][0] == fr_one[0][0]
    en_top, en_one = heads("Kestonia is Norland's largest trading partner."), heads(
        "Kestonia is one of Norland's largest trading partners.")
    assert en_top[0][1] and not en_one[0][1] and en_top[0][0] == en_one[0][0]
    assert heads("It was the first time since 2019.") == []


def test_a_superlative_rank_stated_differently_is_found() -> None:
    a = _src(1, "Traffic is cut on the Vell line, one of the busiest lines of the region, until Monday.",
             dt.date(2026, 10, 16))
    b = _src(2, "The Vell line is the busiest line of the region, the operator said.", dt.date(2026, 10, 17))
    result = compare([a, b])
    found = [d for d in result.discrepancies if d.kind == "other"]
    assert {s.value for d in found for s in d.spans} == {"first", "one of several"}
    # the two sentences the rank finding compares are one fact
    assert any("one of the busiest" in al.a.exact and "is the busiest" in al.b.exact for al in result.alignments)


def test_english_video_call_against_a_phone_call_is_a_channel_discrepancy() -> None:
    a = _src(1, "Prime Minister Elsa Varga and President Tomas Reinholt held a video call on Tuesday, their offices "
                "said.", dt.date(2026, 9, 23))
    b = _src(2, "On Tuesday, Elsa Varga picked up the phone to Tomas Reinholt for a frank conversation.",
             dt.date(2026, 9, 24))
    found = [d for d in compare([a, b]).discrepancies if d.kind == "other"]
    assert {s.source_id: s.value for d in found for s in d.spans} == {1: "video", 2: "telephone"}


def test_a_translated_sentence_meets_the_partners_of_its_original() -> None:
    wire = _src(1, (
        "Norland's Prime Minister Elsa Varga and President Tomas Reinholt agreed on Tuesday to raise trade to "
        "$80 billion by 2030, their offices said.\n"
        "The call lasted about 90 minutes and covered energy, fisheries and the Harrow Strait.\n"
        "\"We will not let a single season of storms undo ten years of trust,\" Reinholt told Varga.\n"
        "Kestonia is Norland's largest trading partner, with $52 billion of exchanges last year."
    ), dt.date(2026, 9, 23))
    relay = _src(2, (
        "La Première ministre du Norland, Elsa Varga, et le président Tomas Reinholt sont convenus mardi de porter "
        "leurs échanges à 80 milliards de dollars d'ici 2030, ont indiqué leurs services.\n"
        "L'entretien a duré environ 90 minutes et a porté sur l'énergie, la pêche et le détroit de Harrow.\n"
        "« Nous ne laisserons pas une seule saison de tempêtes défaire dix ans de confiance », a dit Reinholt.\n"
        "La Kestonie est le premier partenaire commercial du Norland, avec 52 milliards de dollars l'an dernier."
    ), dt.date(2026, 9, 24), "fr")
    blog = _src(3, (
        "The leaders talked about energy and fish.\n"
        "\"We will not let a single season of storms undo ten years of trust,\" Varga told her counterpart."
    ), dt.date(2026, 9, 25))
    result = compare([wire, relay, blog])
    pairs = {(al.a.source_id, al.b.source_id, "dix ans" in al.a.exact + al.b.exact) for al in result.alignments}
    assert (2, 3, True) in pairs or (3, 2, True) in pairs


def test_reported_speech_moving_the_quotes_words_is_no_wording_change() -> None:
    a = _src(1, "« Nous ne rouvrirons pas la ligne tant que le talus ne sera pas stabilisé », a prévenu le préfet "
                "Karim Benhaddou.", dt.date(2026, 10, 16), "fr")
    b = _src(2, "Le préfet Karim Benhaddou a prévenu que la ligne ne rouvrirait pas tant que le talus ne serait "
                "pas stabilisé.", dt.date(2026, 10, 17), "fr")
    c = _src(3, "Le préfet Karim Benhaddou a prévenu que la ligne ne rouvrirait pas tant que le talus ne serait "
                "pas consolidé par les ingénieurs.", dt.date(2026, 10, 17), "fr")
    assert not [d for d in compare([a, b]).discrepancies if d.kind == "quote_wording"]
    assert [d for d in compare([a, c]).discrepancies if d.kind == "quote_wording"]


def test_english_durations_read_in_minutes_and_tie_two_paraphrases() -> None:
    from workbench.core.compare.quantities import find_quantities

    def minutes(text: str) -> list[float]:
        return [q.value for q in find_quantities(fold(text), []) if q.category == "duration"]

    assert minutes("They talked for about an hour and a half.") == [90.0]
    assert minutes("It lasted 1 hour 30 minutes.") == [90.0]
    assert minutes("It took half an hour.") == [30.0]
    a = _src(1, "The call between Elsa Varga and Tomas Reinholt lasted about 90 minutes and covered energy.",
             dt.date(2026, 9, 23))
    b = _src(2, "The two talked for about an hour and a half, mostly about fish.", dt.date(2026, 9, 25))
    assert any("90 minutes" in al.a.exact and "hour and a half" in al.b.exact for al in compare([a, b]).alignments)


def test_a_weak_pair_sharing_a_counted_noun_compares_its_one_sum_of_money() -> None:
    a = _src(1, "Elsa Varga and Tomas Reinholt held a video call on Tuesday, agreeing to raise bilateral trade to "
                "$80 billion a year by 2030, their offices said.", dt.date(2026, 9, 23))
    b = _src(2, "Their target: $60 billion in yearly trade by the end of the decade.", dt.date(2026, 9, 25))
    found = [d for d in compare([a, b]).discrepancies if d.kind == "number"]
    assert {s.source_id: s.value for d in found for s in d.spans} == {1: 80e9, 2: 60e9}


def test_the_minutes_of_a_duration_are_no_figure_of_their_own() -> None:
    a = _src(1, "La conversation entre Elsa Varga et Tomas Reinholt a duré 1 heure et 25 minutes, a indiqué Minsk.",
             dt.date(2026, 2, 5), "fr")
    b = _src(2, "Varga a rappelé que le traité signé il y a 25 ans reste la base du partenariat avec Minsk.",
             dt.date(2026, 2, 5), "fr")
    c = _src(3, "L'entretien a duré 85 minutes, selon Minsk, et s'est tenu dans un climat cordial.",
             dt.date(2026, 2, 6), "fr")
    result = compare([a, b, c])
    assert not any({al.a.source_id, al.b.source_id} == {1, 2} for al in result.alignments)
    assert any({al.a.source_id, al.b.source_id} == {1, 3} and "#85" in al.anchors for al in result.alignments)



def test_two_tellings_of_one_wire_sentence_meet_through_it() -> None:
    wire = _src(1, "CASTLEMERE (Southgate Press) - A wildfire forced the evacuation of 3,200 residents from the hill "
                   "villages north of Castlemere on Wednesday, fire officials said.", dt.date(2026, 8, 6))
    daily = _src(2, "A wildfire forced the evacuation of 2,300 residents from the hill villages north of Castlemere "
                    "on Wednesday, fire officials said, as flames reached Hollin Cross.", dt.date(2026, 8, 7))
    blog = _src(3, "Smoke everywhere. About 3,200 people had to leave their homes, and many slept in the school.",
                dt.date(2026, 8, 8))
    result = compare([wire, daily, blog])
    pairs = {frozenset((al.a.source_id, al.b.source_id)): al for al in result.alignments}
    assert frozenset((1, 2)) in pairs and frozenset((1, 3)) in pairs
    assert frozenset((2, 3)) in pairs and "partner" in pairs[frozenset((2, 3))].anchors
