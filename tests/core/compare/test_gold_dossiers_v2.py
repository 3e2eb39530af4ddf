"""The English gold dossier (tuned) and the two blind ones (unseen): floors on what issue 14 measures.

The floors are the issue's targets where the engine meets them (aligned pairs >= 80 % would be the target; the
floors below are what holds today, so a regression fails), and the blind dossiers are kept apart: they were
written and annotated before the engine ran on them and the figures are reported as « unseen » in
docs/notes/compare.md.
"""

from __future__ import annotations

import pytest

from tests.core.compare.gold_run import GOLD_ROOT, run_gold
from workbench.core.compare.evaluate import (
    false_discrepancies,
    load_gold,
    score,
    score_alignments,
    score_triage,
)
from workbench.core.compare.triage import triage

# dossier: (aligned share floor, discrepancy recall floor, reuse recall floor)
FLOORS = {
    "english": (0.6, 0.5, 0.6),
    "unseen_fr": (0.7, 1.0, 1.0),
    "unseen_en": (0.7, 0.7, 1.0),
    # written blind by compare4 (first run: 13/16 and 14/27 aligned, 6/7 and 2/6 discrepancies); floors after fixes
    "unseen_train_fr": (0.8, 0.85, 1.0),
    "unseen_call_en": (0.8, 1.0, 1.0),
    # written blind by compare5 (first run: 27/36 and 20/25 aligned, 4/7 and 3/7 discrepancies); floors after fixes
    "unseen_court_fr": (0.8, 0.85, 1.0),
    "unseen_budget_en": (0.95, 0.85, 1.0),  # compare6: 25/25 aligned, 6/7 (the percentage class)
}
_RUNS: dict[str, tuple] = {}


def _run(name: str) -> tuple:
    if name not in _RUNS:
        _RUNS[name] = run_gold(name)
    return _RUNS[name]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_aligned_pairs_and_at_most_three_reported_per_gold_pair(name: str) -> None:
    result, gold, _ = _run(name)
    s = score_alignments(result, gold)
    assert s.recall >= FLOORS[name][0], s
    shown = [a for a in result.alignments if a.relation != "recycled"]
    assert len(shown) <= 3 * len(gold["alignments"])


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_discrepancies_found_and_none_where_the_reader_saw_none(name: str) -> None:
    result, gold, _ = _run(name)
    scores = score(result, gold)
    kinds = {g["kind"] for g in gold["discrepancies"]}
    found = sum(scores[k].tp_gold or 0 for k in kinds)
    assert found >= FLOORS[name][1] * len(gold["discrepancies"]), {k: scores[k] for k in kinds}
    assert false_discrepancies(result, gold) == 0
    for k in kinds:
        assert scores[k].fp <= 1, (k, scores[k])


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_reuse_relations(name: str) -> None:
    result, gold, _ = _run(name)
    s = score(result, gold)["reuse"]
    assert s.recall >= FLOORS[name][2], s
    assert s.precision == 1.0, s


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_triage_ranks_check_worthy_sentences_in_the_top_ten(name: str) -> None:
    inputs, gold = load_gold(GOLD_ROOT / name)
    share, wrong, _n = score_triage(triage(inputs), gold)
    assert share >= 0.7
    assert wrong == 0
