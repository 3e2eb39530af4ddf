"""JSON export of the whole dossier in the versioned ``workbench-dossier`` format (see ``docs/formats.md``).

Everything in the report model goes in, history included whatever ``include_history`` says (this is the format a
dossier is restored from): dossier and rating scale, sources with metadata and text of record, spans, claims with
appearances and evidence, relations, history and discrepancies. Read it back with
:func:`workbench.io.dossier_json.parse_dossier_json`.
"""

from __future__ import annotations

from workbench.io.dossier_json import dossier_to_json
from workbench.io.exporters._common import json_bytes, report_progress
from workbench.io.report import Progress, ReportModel


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The dossier as UTF-8 JSON (``<``, ``>``, ``&`` escaped as JSON unicode escapes, safe to embed in HTML)."""
    total = len(model.claims)
    report_progress(progress, 0, total)
    data = json_bytes(dossier_to_json(model))
    report_progress(progress, total, total)
    return data
