"""The engine on the fourth gold dossier: contradictions by negation, and the traps that must not fire."""

from __future__ import annotations

import pytest

from tests.core.compare.gold_run import run_gold
from workbench.core.compare import CompareResult
from workbench.core.compare.evaluate import matches


@pytest.fixture(scope="module")
def run() -> tuple[CompareResult, dict, dict[int, str]]:
    return run_gold("negation")


@pytest.mark.parametrize("index", range(3))
def test_each_planted_contradiction_is_found_with_its_clauses(run, index: int) -> None:
    result, gold, texts = run
    expected = gold["discrepancies"][index]
    found = [d for d in result.discrepancies if {str(s.source_id): s.exact for s in d.spans} == expected["spans"]]
    assert len(found) == 1, expected["about"]
    assert matches(found[0], expected)
    for s in found[0].spans:
        assert texts[s.source_id][s.start : s.end] == s.exact


def test_conditional_and_pronoun_are_noted(run) -> None:
    result, _, _ = run
    notes = [d.note for d in result.discrepancies if d.kind == "other"]
    roof = next(n for n in notes if "toit" in n)
    assert "source 1: yes (« aurait cédé », conditional: reported as unconfirmed)" in roof
    assert "source 2: no (« n'a pas cédé », « il » = « Le toit de l'entrepôt »)" in roof
    station = next(n for n in notes if "Pléhan" in n)
    assert "« elle » = « La centrale de Pléhan »" in station and "unconfirmed" not in station


def test_traps_do_not_fire(run) -> None:
    result, _, _ = run
    exacts = " | ".join(s.exact for d in result.discrepancies for s in d.spans)
    for trap in ("pont", "barrage", "directeur", "endommagée", "duré", "Personne"):
        assert trap not in exacts, trap
    assert all(s.source_id not in (3, 4) for d in result.discrepancies for s in d.spans)


def test_event_dates_and_recycled_source(run) -> None:
    result, gold, _ = run
    assert result.event_date is not None and result.event_date.isoformat() == gold["event_date"]
    got = {r.source_id: r.reported_event_date.isoformat() if r.reported_event_date else None for r in result.sources}
    assert got == {s["source_id"]: s["reported_event_date"] for s in gold["sources"]}
    rep = next(r for r in result.sources if r.source_id == 4)
    assert rep.flags == ("recycled",) and rep.proposed_verdict == "out-of-context"
    assert [s.exact for s in rep.evidence_for("recycled")] == gold["sources"][3]["recycled_evidence"]
