"""The engine on the gold dossier: every planted disagreement, flag and reuse, and the result invariants."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from workbench.core.compare import CompareResult, compare
from workbench.core.compare.evaluate import load_gold, matches, score
from workbench.core.compare.model import KINDS

GOLD = Path(__file__).resolve().parents[2] / "data" / "compare_gold"


@pytest.fixture(scope="module")
def run() -> tuple[CompareResult, dict, dict[int, str]]:
    inputs, gold = load_gold(GOLD)
    return compare(inputs), gold, {i.source_id: i.text for i in inputs}


@pytest.mark.parametrize(
    "kind", [*KINDS, "flag:recycled", "flag:relay", "flag:boilerplate", "boilerplate_lines", "reuse"]
)
def test_precision_per_kind(run, kind: str) -> None:
    result, gold, _ = run
    s = score(result, gold)[kind]
    assert s.precision >= 0.8, (kind, s)


@pytest.mark.parametrize("index", range(10))
def test_each_planted_discrepancy_is_found(run, index: int) -> None:
    result, gold, _ = run
    expected = gold["discrepancies"][index]
    assert any(matches(d, expected) for d in result.discrepancies), expected["about"]


def test_event_dates(run) -> None:
    result, gold, _ = run
    assert result.event_date is not None and result.event_date.isoformat() == gold["event_date"]
    got = {r.source_id: r.reported_event_date.isoformat() if r.reported_event_date else None for r in result.sources}
    assert got == {s["source_id"]: s["reported_event_date"] for s in gold["sources"]}


def test_recycled_source_carries_evidence_and_verdict(run) -> None:
    result, gold, _ = run
    rep = next(r for r in result.sources if r.source_id == 5)
    assert "recycled" in rep.flags and rep.proposed_verdict == "out-of-context"
    exacts = [s.exact for s in rep.evidence_for("recycled")]
    for want in gold["sources"][4]["recycled_evidence"]:
        assert want in exacts
    assert all(r.proposed_verdict is None for r in result.sources if r.source_id != 5)


def test_recycled_source_is_kept_out_of_discrepancies(run) -> None:
    result, _, _ = run
    assert all(s.source_id != 5 for d in result.discrepancies for s in d.spans)


def test_relay_and_reuse_orientation(run) -> None:
    result, _, _ = run
    # the relay (1 -> 4), and s1's background sentence repeated word for word from last year's article (5 -> 1)
    assert [(r.a.source_id, r.b.source_id) for r in result.reuse] == [(1, 4), (5, 1)]
    assert len(result.reuse[1].b.exact.split()) < 30 and "640 kilomètres" in result.reuse[1].b.exact
    reuse = result.reuse[0]
    assert reuse.oriented and reuse.chars == len(reuse.b.exact) >= 300
    relays = [r.source_id for r in result.sources if "relay" in r.flags]
    assert relays == [4]
    assert next(r for r in result.sources if r.source_id == 4).evidence_for("relay") == (reuse.b,)


def test_every_span_satisfies_the_invariant(run) -> None:
    result, _, texts = run
    spans = [s for a in result.alignments for s in (a.a, a.b)]
    spans += [s for d in result.discrepancies for s in d.spans]
    spans += [s for r in result.reuse for s in (r.a, r.b)]
    spans += [s for rep in result.sources for e in rep.evidence for s in e.spans]
    spans += [s for rep in result.sources for s in rep.boilerplate]
    assert spans
    for s in spans:
        assert texts[s.source_id][s.start : s.end] == s.exact
        assert s.start < s.end


def test_alignments_pair_different_sources_and_score_in_range(run) -> None:
    result, _, _ = run
    assert len(result.alignments) >= 20
    for a in result.alignments:
        assert a.a.source_id != a.b.source_id
        assert 0.0 < a.score <= 1.0
    per_unit = Counter((a.a.source_id, a.a.start, a.a.end, a.b.source_id) for a in result.alignments)
    assert max(per_unit.values()) <= 2  # a unit meets at most two sentences of each other source (two facts)


def test_flags_always_carry_evidence(run) -> None:
    result, _, _ = run
    for rep in result.sources:
        assert [e.flag for e in rep.evidence] == list(rep.flags)
        assert all(e.spans for e in rep.evidence)


def test_json_shape(run) -> None:
    result, _, _ = run
    data = json.loads(json.dumps(result.to_json()))
    assert set(data) == {"event_date", "alignments", "discrepancies", "sources", "reuse"}
    assert set(data["alignments"][0]) >= {"a", "b", "score"}
    assert set(data["alignments"][0]["a"]) == {"source_id", "start", "end", "exact"}
    d = data["discrepancies"][0]
    assert set(d) == {"kind", "spans", "note"} and d["kind"] in KINDS
    assert {"source_id", "start", "end", "exact", "value"} <= set(d["spans"][0])
    src = data["sources"][0]
    assert {"source_id", "published", "reported_event_date", "flags", "evidence", "boilerplate"} <= set(src)
    assert set(data["reuse"][0]) >= {"a", "b", "chars"}
