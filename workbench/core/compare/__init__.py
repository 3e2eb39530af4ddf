"""Pure comparison engine for the sources of one fact-checking dossier.

Aligns the sentences that report the same fact across sources, lists where they disagree (figures, counts, dates,
participants, quote wording), flags recycled, relayed and boilerplate-laden sources and finds reused passages. No Qt,
no database: inputs are texts of record, outputs frozen values (see :mod:`workbench.core.compare.model`).
"""

from workbench.core.compare.engine import compare
from workbench.core.compare.model import (
    KINDS,
    Alignment,
    CompareInput,
    CompareResult,
    Discrepancy,
    FlagEvidence,
    Reuse,
    SourceReport,
    Span,
    ValueSpan,
)

__all__ = [
    "KINDS",
    "Alignment",
    "CompareInput",
    "CompareResult",
    "Discrepancy",
    "FlagEvidence",
    "Reuse",
    "SourceReport",
    "Span",
    "ValueSpan",
    "compare",
]
