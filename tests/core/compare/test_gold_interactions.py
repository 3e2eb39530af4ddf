"""The engine on the second gold dossier: interactions, channels, translated quotes, dates read from the texts."""

from __future__ import annotations

import pytest

from tests.core.compare.gold_run import run_gold
from workbench.core.compare import CompareResult
from workbench.core.compare.evaluate import matches


@pytest.fixture(scope="module")
def run() -> tuple[CompareResult, dict, dict[int, str]]:
    return run_gold("interactions")


@pytest.mark.parametrize("index", range(3))
def test_each_planted_discrepancy_is_found(run, index: int) -> None:
    result, gold, _ = run
    expected = gold["discrepancies"][index]
    assert any(matches(d, expected) for d in result.discrepancies), expected["about"]


def test_publication_dates_are_read_from_the_texts(run) -> None:
    result, gold, _ = run
    got = {r.source_id: r.published.isoformat() if r.published else None for r in result.sources}
    assert got == {s["source_id"]: s["inferred_published"] for s in gold["sources"]}
    notes = {r.source_id: r.note for r in result.sources}
    assert "read from the text" in notes[1] and "read from the text" not in notes[2]


def test_event_dates(run) -> None:
    result, gold, _ = run
    assert result.event_date is not None and result.event_date.isoformat() == gold["event_date"]
    got = {r.source_id: r.reported_event_date.isoformat() if r.reported_event_date else None for r in result.sources}
    assert got == {s["source_id"]: s["reported_event_date"] for s in gold["sources"]}


def test_recycled_source_dated_by_its_byline(run) -> None:
    result, gold, _ = run
    rep = next(r for r in result.sources if r.source_id == 5)
    assert rep.flags == ("recycled",) and rep.proposed_verdict == "out-of-context"
    exacts = [s.exact for s in rep.evidence_for("recycled")]
    for want in gold["sources"][4]["recycled_evidence"]:
        assert want in exacts
    assert all(s.source_id != 5 for d in result.discrepancies for s in d.spans)


def test_notes_say_who_and_how(run) -> None:
    result, _, _ = run
    notes = {d.kind: d.note for d in result.discrepancies}
    assert notes["participant"].startswith("who Mara Lindqvist talked with: ")
    assert notes["other"].startswith("how Lin Weihao and Mara Lindqvist talked: ")
    assert "different words" in notes["quote_wording"]


def test_every_span_satisfies_the_invariant(run) -> None:
    result, _, texts = run
    spans = [s for d in result.discrepancies for s in d.spans]
    spans += [s for rep in result.sources for e in rep.evidence for s in e.spans]
    assert spans
    for s in spans:
        assert texts[s.source_id][s.start : s.end] == s.exact


def test_sources_have_no_publication_metadata() -> None:
    """This dossier tests dates read from the text: none of its sources carries a publication date."""
    from tests.core.compare.gold_run import GOLD_ROOT
    from workbench.core.compare.evaluate import load_gold

    inputs, _gold = load_gold(GOLD_ROOT / "interactions")
    assert all(i.published is None for i in inputs)
