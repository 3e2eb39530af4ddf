"""Run the engine on one of our gold dossiers (``tests/data/compare_gold/<name>``), once per test module."""

from __future__ import annotations

from pathlib import Path

from workbench.core.compare import CompareResult, compare
from workbench.core.compare.evaluate import load_gold

GOLD_ROOT = Path(__file__).resolve().parents[2] / "data" / "compare_gold"
SCORED_KINDS = ("number", "count", "date", "participant", "quote_wording", "other",
                "flag:recycled", "flag:relay", "flag:boilerplate", "boilerplate_lines")


def run_gold(name: str) -> tuple[CompareResult, dict, dict[int, str]]:
    """(result, gold annotations, texts by source id) for the gold dossier ``name``."""
    inputs, gold = load_gold(GOLD_ROOT / name)
    return compare(inputs), gold, {i.source_id: i.text for i in inputs}
