"""Classes of the compare6 pass: the candidate search's work per unit bounded whatever the number of sources; what
a percentage measures as an anchor (« raises the tax by 4.5 per cent » / « will pay 3.5% more in tax »)."""

from __future__ import annotations

import datetime as dt

from workbench.core.compare import CompareInput, align, compare, tuning
from workbench.core.compare.textutil import fold


def test_postings_budget_reads_rarest_terms_first_in_vector_order(monkeypatch) -> None:
    postings = {"rare": [(1, 0.5)], "mid": [(k, 0.1) for k in range(5)], "common": [(k, 0.1) for k in range(40)]}
    vec = {"common": 0.1, "rare": 0.9, "mid": 0.4, "unindexed": 0.3}
    # within the budget: every indexed term, in the vector's order (the cosine sums as before)
    assert align._within_budget(vec, postings) == [("common", 0.1), ("rare", 0.9), ("mid", 0.4)]
    monkeypatch.setattr(tuning, "POSTINGS_BUDGET", 6)
    # over it: the rarest terms until the budget is spent; the commonest is not read
    assert align._within_budget(vec, postings) == [("rare", 0.9), ("mid", 0.4)]


def test_scoring_budget_takes_candidates_rank_by_rank_across_sources(monkeypatch) -> None:
    per_src = {2: [(0.3, 20), (0.9, 21), (0.2, 22)], 3: [(0.5, 30), (0.4, 31)], 4: [(0.6, 40)]}
    full = align._within_scoring_budget({k: list(v) for k, v in per_src.items()}, set())
    assert full == {2: [(0.9, 21), (0.3, 20), (0.2, 22)], 3: [(0.5, 30), (0.4, 31)], 4: [(0.6, 40)]}
    monkeypatch.setattr(tuning, "SCORED_PER_UNIT", 4)
    cut = align._within_scoring_budget({k: list(v) for k, v in per_src.items()}, set())
    # every source's best first (best source first), then the seconds while the budget lasts
    assert cut == {2: [(0.9, 21), (0.3, 20)], 4: [(0.6, 40)], 3: [(0.5, 30)]}


def _src(sid: int, text: str, day: int, language: str = "en") -> CompareInput:
    return CompareInput(source_id=sid, text=text, published=dt.date(2026, 3, day), language=language)


def test_percentage_anchor_is_the_pair_of_words_it_measures() -> None:
    text = "The board lifts water charges by 6 per cent from April, its chair said."
    _terms, anchors = align.unit_terms(text, fold(text), align.SentRef(0, 0, len(text), 0, "en"))
    assert "%:water charge" in anchors
    assert not any(a.startswith("%:") and "chair" in a for a in anchors)  # beyond the window


def test_two_reports_of_one_rise_with_other_wording_and_figures_compare() -> None:
    a = _src(1, "The regional board approved its plan on Tuesday after a long debate. "
                "The plan lifts water charges by 6 per cent, the sharpest rise since 2019, and hires 40 engineers.\n",
             4)
    b = _src(2, "Families will see 8% more on water charges from April, whatever the board says. "
                "Nobody in the hall was convinced by the speeches.\n", 5)
    result = compare([a, b])
    pairs = [(al.a.exact, al.b.exact) for al in result.alignments]
    assert any("lifts water charges" in x and "8% more" in y for x, y in pairs)
    found = [{s.source_id: s.value for s in d.spans} for d in result.discrepancies if d.kind == "number"]
    assert {1: 6.0, 2: 8.0} in found


def test_percentages_of_different_things_stay_apart() -> None:
    a = _src(1, "The plan lifts water charges by 6 per cent, the sharpest rise since 2019, and hires 40 engineers.\n",
             4)
    b = _src(2, "Turnout fell 8% in the northern districts, where the vote was held on a Sunday.\n", 5)
    result = compare([a, b])
    assert not [d for d in result.discrepancies if d.kind == "number"]


def test_weekday_anchor_is_the_day_the_source_dates_it() -> None:
    from workbench.core.compare.dates import find_dates

    text = "Le ministre a signé jeudi 29 janvier un décret sur les ports, puis a parlé mercredi devant les élus."
    folded = fold(text)
    days = find_dates(folded, dt.date(2026, 2, 4))
    _terms, anchors = align.unit_terms(text, folded, align.SentRef(0, 0, len(text), 0, "fr"), None, days)
    assert "d:2026-01-29" in anchors and "d:2026-02-04" in anchors
    assert not {"w3", "w2"} & anchors  # the names of the days are not the anchors once the days are known
    _terms, bare = align.unit_terms(text, folded, align.SentRef(0, 0, len(text), 0, "fr"))
    assert {"w3", "w2"} <= bare  # without the source's dates, as before


def test_quoted_word_pairs_leave_names_out() -> None:
    text = "« Toute pluie est un orage dans les relations entre la Norvège et la Suède », a-t-il dit."
    _terms, anchors = align.unit_terms(text, fold(text), align.SentRef(0, 0, len(text), 0, "fr"))
    quoted = {a for a in anchors if a.startswith("q:")}
    assert "q:pluie orage" in quoted
    assert not any("norvege" in a or "suede" in a for a in quoted)


def test_shared_partner_bridges_only_passages_that_met_the_same_unit() -> None:
    from workbench.core.compare.engine import _through_shared_partner
    from workbench.core.compare.model import Alignment, Span

    def span(sid: int, start: int, end: int) -> Span:
        return Span(sid, start, end, "x" * (end - start))

    sentence, clause = span(1, 0, 120), span(1, 0, 60)
    other, third = span(2, 10, 70), span(3, 30, 90)
    apart = (Alignment(clause, other, 0.5, "same-event", ()), Alignment(sentence, third, 0.3, "same-event", ()))
    assert _through_shared_partner(apart) == []  # the clause's fact and the sentence's are two
    same = (Alignment(clause, other, 0.5, "same-event", ()), Alignment(span(1, 0, 60), third, 0.3, "same-event", ()))
    assert [(a.a.source_id, a.b.source_id) for a in _through_shared_partner(same)] == [(2, 3)]
