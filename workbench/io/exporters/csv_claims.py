"""CSV table of claims: one row per claim, UTF-8 with a byte-order mark (so spreadsheets detect the encoding).

Columns: ``id, statement, claimant, claim_date, status, verdict, verdict_label, rationale, tags, sources,
appearances, evidence_supports, evidence_refutes, evidence_context``. Tags and source titles are joined with ``"; "``;
the verdict label is in the report language. Rows end with CRLF (RFC 4180).

Formula injection: a text cell that starts with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), a tab or a
carriage return, possibly after spaces, is prefixed with ``'`` so spreadsheets show it as text instead of running it.
"""

from __future__ import annotations

import csv
import io

from workbench.io.exporters._common import report_progress
from workbench.io.report import Progress, ReportModel, iso_date

COLUMNS = (
    "id",
    "statement",
    "claimant",
    "claim_date",
    "status",
    "verdict",
    "verdict_label",
    "rationale",
    "tags",
    "sources",
    "appearances",
    "evidence_supports",
    "evidence_refutes",
    "evidence_context",
)

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def neutralise(value: str) -> str:
    """``value`` made safe for a spreadsheet cell: formula triggers get a leading apostrophe."""
    if value.startswith(_TRIGGERS) or value.lstrip(" ").startswith(_TRIGGERS):
        return "'" + value
    return value


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The claims of the report as CSV bytes (UTF-8 with BOM)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    total = len(model.claims)
    report_progress(progress, 0, total)
    for done, claim in enumerate(model.claims, 1):
        counts = model.evidence_counts(claim)
        cells: list[str | int] = [
            claim.id,
            neutralise(claim.statement),
            neutralise(claim.claimant),
            iso_date(claim.claim_date) or "",
            neutralise(claim.status),
            neutralise(claim.verdict or ""),
            neutralise(model.verdict_label(claim)),
            neutralise(claim.rationale),
            neutralise("; ".join(claim.tags)),
            neutralise("; ".join(model.source_titles(claim))),
            len(claim.appearances),
            counts.get("supports", 0),
            counts.get("refutes", 0),
            counts.get("context", 0),
        ]
        writer.writerow(cells)
        report_progress(progress, done, total)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
