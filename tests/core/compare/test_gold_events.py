"""The engine on the third gold dossier: event counts in unaligned sentences, reworded and misattributed quotes."""

from __future__ import annotations

import pytest

from tests.core.compare.gold_run import run_gold
from workbench.core.compare import CompareResult
from workbench.core.compare.evaluate import matches


@pytest.fixture(scope="module")
def run() -> tuple[CompareResult, dict, dict[int, str]]:
    return run_gold("events")


@pytest.mark.parametrize("index", range(5))
def test_each_planted_discrepancy_is_found(run, index: int) -> None:
    result, gold, _ = run
    expected = gold["discrepancies"][index]
    assert any(matches(d, expected) for d in result.discrepancies), expected["about"]


def test_evacuees_joined_across_differently_built_sentences(run) -> None:
    result, _, texts = run
    d = next(d for d in result.discrepancies if any(s.value == 1500 for s in d.spans))
    assert sorted({s.source_id for s in d.spans}) == [1, 2, 3, 4]
    # the neighbouring village's own 40 evacuated campers are another fact
    assert all(s.value != 40 for x in result.discrepancies for s in x.spans)
    assert all(texts[s.source_id][s.start : s.end] == s.exact for s in d.spans)


def test_role_noun_speaker_beats_nearest_name(run) -> None:
    result, _, texts = run
    d = next(d for d in result.discrepancies if d.kind == "participant")
    four = [s for s in d.spans if s.source_id == 4]
    assert [(s.exact, s.value) for s in four] == [("sous-préfet", "Arnaud Delcourt")]
    assert "Sylvie Ranchon (source 3)" in d.note
    assert all(texts[s.source_id][s.start : s.end] == s.exact for s in d.spans)


def test_event_dates(run) -> None:
    result, gold, _ = run
    assert result.event_date is not None and result.event_date.isoformat() == gold["event_date"]
    got = {r.source_id: r.reported_event_date.isoformat() if r.reported_event_date else None for r in result.sources}
    assert got == {s["source_id"]: s["reported_event_date"] for s in gold["sources"]}
