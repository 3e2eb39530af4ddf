"""Scoring a comparison against gold annotations (precision and recall per kind).

The engine's quality bar is stated as precision and recall per discrepancy kind and per flag on an annotated
dossier; the tests and the benchmark share this scorer so that both measure the same thing. The gold format is
the one of ``tests/data/compare_gold/gold.json``: sources (file, id, publication date, flags, boilerplate lines),
discrepancies (kind and the expected value per source id), reuse pairs (earlier and later source id).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.compare.model import KINDS, CompareInput, CompareResult, Discrepancy
from workbench.core.compare.textutil import fold
from workbench.core.text import normalize_text


@dataclass(frozen=True, slots=True)
class Score:
    """Counts for one kind: predictions that match gold (``tp``), false alarms (``fp``), misses (``fn``)."""

    tp: int
    fp: int
    fn: int
    tp_gold: int | None = None
    """Gold items found, when it differs from ``tp`` (several predictions may match one gold item)."""

    @property
    def precision(self) -> float:
        """Share of predictions that are right (1.0 when nothing was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of gold items found (1.0 when there is nothing to find)."""
        found = self.tp_gold if self.tp_gold is not None else self.tp
        return found / (found + self.fn) if found + self.fn else 1.0


def load_gold(root: Path) -> tuple[list[CompareInput], dict[str, Any]]:
    """Inputs and annotations of a gold dossier directory (``gold.json`` plus ``sources/*.txt``)."""
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    inputs = [
        CompareInput(
            source_id=int(src["source_id"]),
            text=normalize_text((root / "sources" / src["file"]).read_text(encoding="utf-8")),
            published=dt.date.fromisoformat(src["published"]) if src.get("published") else None,
            title=src.get("title", ""),
            outlet=src.get("outlet", ""),
            language=src.get("language", gold.get("language", "")),
        )
        for src in gold["sources"]
    ]
    return inputs, gold


def _same(pred: object, gold: object) -> bool:
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return abs(float(pred) - float(gold)) <= 1e-6 * max(1.0, abs(float(gold)))
    return _norm(str(pred)) == _norm(str(gold))


def _overlapping_wording(pred: str, gold: str) -> bool:
    """A quotation or reported stretch: one wording inside the other (the reader and the engine cut it apart)."""
    a, b = _norm(pred), _norm(gold)
    return bool(a) and bool(b) and (a in b or b in a)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def matches(pred: Discrepancy, gold: dict[str, Any]) -> bool:
    """Whether a predicted discrepancy matches a gold one.

    Same kind, every span's value as annotated for its source, at least two sources and two distinct values.
    """
    if pred.kind != gold["kind"]:
        return False
    values = gold["values"]
    seen = set()
    for span in pred.spans:
        key = str(span.source_id)
        if key not in values:
            return False
        if not _same(span.value, values[key]) and not (
            pred.kind == "quote_wording" and _overlapping_wording(str(span.value), str(values[key]))
        ):
            return False
        seen.add(key)
    return len(seen) >= 2 and len({str(s.value) for s in pred.spans}) >= 2


def score(result: CompareResult, gold: dict[str, Any]) -> dict[str, Score]:
    """Scores per discrepancy kind, per flag, for boilerplate lines, reuse pairs and event dates."""
    out: dict[str, Score] = {}
    for kind in KINDS:
        preds = [d for d in result.discrepancies if d.kind == kind]
        golds = [g for g in gold["discrepancies"] if g["kind"] == kind]
        tp = sum(1 for p in preds if any(matches(p, g) for g in golds))
        found = sum(1 for g in golds if any(matches(p, g) for p in preds))
        out[kind] = Score(tp, len(preds) - tp, len(golds) - found, tp_gold=found)
    reports = {r.source_id: r for r in result.sources}
    for flag in ("recycled", "relay", "boilerplate"):
        tp = fp = fn = 0
        for src in gold["sources"]:
            rep = reports.get(int(src["source_id"]))
            predicted = rep is not None and flag in rep.flags and bool(rep.evidence_for(flag))
            expected = flag in src.get("flags", [])
            tp += predicted and expected
            fp += predicted and not expected
            fn += expected and not predicted
        out[f"flag:{flag}"] = Score(tp, fp, fn)
    tp = fp = fn = 0
    for src in gold["sources"]:
        rep = reports.get(int(src["source_id"]))
        got_lines: set[str] = {s.exact.strip() for s in rep.boilerplate} if rep else set()
        want_lines: set[str] = {line.strip() for line in src.get("boilerplate_lines", [])}
        tp += len(got_lines & want_lines)
        fp += len(got_lines - want_lines)
        fn += len(want_lines - got_lines)
    out["boilerplate_lines"] = Score(tp, fp, fn)
    out["reuse"] = _score_reuse(result, gold)
    ok = sum(
        1
        for src in gold["sources"]
        if (r := reports.get(int(src["source_id"]))) is not None
        and (r.reported_event_date.isoformat() if r.reported_event_date else None) == src.get("reported_event_date")
    )
    out["reported_event_date"] = Score(ok, len(gold["sources"]) - ok, 0)
    event_ok = (result.event_date.isoformat() if result.event_date else None) == gold.get("event_date")
    out["event_date"] = Score(int(event_ok), int(not event_ok), 0)
    return out


def _score_reuse(result: CompareResult, gold: dict[str, Any]) -> Score:
    def hit(r: Any, g: dict[str, Any]) -> bool:
        body = _norm(r.b.exact)
        if g.get("relation") and getattr(r, "relation", "copy") != g["relation"]:
            return False
        return (r.a.source_id, r.b.source_id) == (g["a"], g["b"]) and all(_norm(c) in body for c in g["contains"])

    golds = gold.get("reuse", [])
    tp = sum(1 for r in result.reuse if any(hit(r, g) for g in golds))
    found = sum(1 for g in golds if any(hit(r, g) for r in result.reuse))
    return Score(tp, len(result.reuse) - tp, len(golds) - found, tp_gold=found)


def _holds(span_text: str, phrase: str) -> bool:
    body, want = _norm(span_text), _norm(phrase)
    return bool(body) and (want in body or body in want)


def score_alignments(result: CompareResult, gold: dict[str, Any]) -> Score:
    """Gold aligned pairs found (``tp_gold``), reported pairs matching none (``fp``), misses (``fn``).

    A gold pair is ``{"a": [source_id, phrase], "b": [source_id, phrase]}``; an alignment matches it when it joins
    the two sources and each side holds its phrase (or, for a clause, is held by it).
    """
    golds = gold.get("alignments", [])

    def hit(al: Any, g: dict[str, Any]) -> bool:
        (sa, pa), (sb, pb) = g["a"], g["b"]
        for x, y in ((al.a, al.b), (al.b, al.a)):
            if x.source_id == sa and y.source_id == sb and _holds(x.exact, pa) and _holds(y.exact, pb):
                return True
        return False

    shown = [al for al in result.alignments if getattr(al, "relation", "same-event") != "recycled"]
    tp = sum(1 for al in shown if any(hit(al, g) for g in golds))
    found = sum(1 for g in golds if any(hit(al, g) for al in shown))
    return Score(tp, len(shown) - tp, len(golds) - found, tp_gold=found)


def false_discrepancies(result: CompareResult, gold: dict[str, Any]) -> int:
    """Reported discrepancies the reader marked as none: same kind, only the named sources' spans, no gold match."""
    count = 0
    for d in result.discrepancies:
        if any(matches(d, g) for g in gold["discrepancies"]):
            continue
        ids = {s.source_id for s in d.spans}
        if any(d.kind == n["kind"] and ids <= set(n["sources"]) for n in gold.get("not_discrepancies", [])):
            count += 1
    return count


def score_triage(items: Any, gold: dict[str, Any], top: int = 10) -> tuple[float, int, int]:
    """(share of check-worthy sentences in their source's top ``top``, not-check-worthy ones in it, gold count)."""
    from workbench.core.compare.triage import top_per_source

    best = top_per_source(items, top)
    marks = gold.get("triage", {})

    def listed(sid: int, phrase: str) -> bool:
        return any(it.source_id == sid and _norm(phrase) in _norm(it.exact) for it in best)

    worthy = marks.get("check_worthy", [])
    found = sum(1 for sid, phrase in worthy if listed(sid, phrase))
    wrong = sum(1 for sid, phrase in marks.get("not_check_worthy", []) if listed(sid, phrase))
    return (found / len(worthy) if worthy else 1.0), wrong, len(worthy)
