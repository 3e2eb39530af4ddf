"""Report exporters: :class:`~workbench.io.report.ReportModel` -> file bytes, one module per format.

Every exporter module has ``export(model: ReportModel, progress: Progress | None = None) -> bytes``; text formats
are UTF-8. ``progress(done, total)`` is called as claims are rendered and may raise
:class:`~workbench.core.errors.Cancelled`. Modules are imported lazily: python-docx and (for PDF only) Qt are loaded
when that format is first used.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from workbench.core.errors import ValidationError
from workbench.io.report import Progress, ReportModel


@dataclass(frozen=True, slots=True)
class Exporter:
    """One export format.

    Attributes:
        key: Registry key ("html", "pdf", ...).
        name: Human name of the format.
        extension: File extension, with its dot.
        media_type: MIME type of the output.
        module: Module under ``workbench.io.exporters`` that implements ``export``.
    """

    key: str
    name: str
    extension: str
    media_type: str
    module: str

    def export(self, model: ReportModel, progress: Progress | None = None) -> bytes:
        """Render ``model`` in this format."""
        mod = importlib.import_module(f"{__name__}.{self.module}")
        data: bytes = mod.export(model, progress)
        return data


EXPORTERS: dict[str, Exporter] = {
    e.key: e
    for e in (
        Exporter("html", "HTML report", ".html", "text/html", "html_report"),
        Exporter("pdf", "PDF report", ".pdf", "application/pdf", "pdf"),
        Exporter("md", "Markdown report", ".md", "text/markdown", "markdown_report"),
        Exporter(
            "docx",
            "Word document",
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx_report",
        ),
        Exporter("json", "Workbench dossier (JSON)", ".json", "application/json", "dossier"),
        Exporter("csv", "Claims table (CSV)", ".csv", "text/csv", "csv_claims"),
        Exporter(
            "claimreview",
            "ClaimReview (schema.org JSON-LD)",
            ".claimreview.jsonld",
            "application/ld+json",
            "claimreview",
        ),
        Exporter(
            "annotations",
            "W3C Web Annotations (JSON-LD)",
            ".annotations.jsonld",
            'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
            "web_annotations",
        ),
    )
}


def export(fmt: str, model: ReportModel, progress: Progress | None = None) -> bytes:
    """Render ``model`` in format ``fmt`` (a key of :data:`EXPORTERS`).

    Raises:
        ValidationError: if ``fmt`` is not a known format.
    """
    try:
        exporter = EXPORTERS[fmt]
    except KeyError:
        raise ValidationError(f"unknown export format {fmt!r} (known: {', '.join(EXPORTERS)})") from None
    return exporter.export(model, progress)
