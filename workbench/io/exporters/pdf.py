"""PDF report: the HTML report laid out by Qt's rich-text engine and printed with QPdfWriter.

**Documented layer exception**: ``workbench.io`` must not import Qt, except this module, which imports
``PySide6.QtGui`` (QTextDocument, QPdfWriter, QPainter) and ``PySide6.QtCore``. It renders the same HTML as
:mod:`~workbench.io.exporters.html_report` (its Qt flavour: table bars instead of SVG) to a PDF with selectable,
embedded-font text and no network access at all (QTextDocument never fetches a resource; the HTML has none anyway).
Each page is painted with ``QTextDocument.drawContents`` and gets a footer "dossier — page N / M".

Qt needs a QGuiApplication: the desktop app has one; otherwise (CLI, tests) one is created here on first use, on the
offscreen platform when there is no display (``QT_QPA_PLATFORM=offscreen``). Creating it must happen on the main
thread: a worker thread that exports a PDF needs the application to exist already. Text from sources and users goes
through the same escaping as the HTML report, so it can only ever be text in the PDF.
"""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from workbench.core.errors import WorkbenchError
from workbench.io.exporters import html_report
from workbench.io.exporters._common import GENERATOR, label, report_progress
from workbench.io.report import Progress, ReportModel

RESOLUTION = 300
MARGINS_MM = QMarginsF(16, 16, 16, 14)
_APP: QGuiApplication | None = None  # keeps an application created here alive


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one (offscreen if there is no display).

    Raises:
        WorkbenchError: if only a non-GUI Qt application exists, or none exists and this is not the main thread.
    """
    global _APP
    app = QGuiApplication.instance()
    if app is not None:
        if not isinstance(app, QGuiApplication):
            raise WorkbenchError("PDF export needs a QGuiApplication, but a non-GUI Qt application is running")
        return app
    if threading.current_thread() is not threading.main_thread():
        raise WorkbenchError("PDF export: create the Qt application on the main thread before exporting from a worker")
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # A QApplication (a QGuiApplication that can also host widgets): a process that exports a PDF first and opens
    # a window later (tests, scripts) would otherwise abort when the first widget is created.
    from PySide6.QtWidgets import QApplication

    _APP = QApplication([sys.argv[0] if sys.argv and sys.argv[0] else "workbench"])
    return _APP


def _plain_letters(doc: QTextDocument) -> None:
    """Turn off ligatures everywhere in ``doc`` so PDF text extracts as letters ("fi", not U+FB01).

    Qt's PDF engine writes a ligature glyph with the ligature's code point in ToUnicode, which poppler then
    returns as "ﬁ": a search for "vérification" would not find "vériﬁcation". Disabling the OpenType ``liga``,
    ``clig`` and ``dlig`` features on every character (the HTML gives each fragment its own font) keeps one glyph
    per letter; the look barely changes in a sans-serif report.
    """
    features = {QFont.Tag("liga"): 0, QFont.Tag("clig"): 0, QFont.Tag("dlig"): 0}
    fmt = QTextCharFormat()
    fmt.setFontFeatures(features)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeCharFormat(fmt)
    font = doc.defaultFont()
    for tag, value in features.items():
        font.setFeature(tag, value)
    doc.setDefaultFont(font)


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The report as PDF bytes (A4 or Letter as the DOCX, selectable text without ligatures, page numbers)."""
    ensure_gui_application()
    total = len(model.claims)
    html = html_report.render(model, None, for_qt=True)
    report_progress(progress, 0, total)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.Letter if model.paper_size() == "letter" else QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(f"{label(model.language, 'report')} — {model.dossier.name}")
    writer.setCreator(GENERATOR)
    if model.organisation:
        writer.setAuthor(model.organisation)

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont("DejaVu Sans", 10))
    if model.organisation_logo:
        logo = QImage.fromData(model.organisation_logo)
        if not logo.isNull():
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl("logo"), logo)
    doc.setHtml(html)
    _plain_letters(doc)
    paint = writer.pageLayout().paintRectPixels(RESOLUTION)
    footer_h = RESOLUTION * 0.4  # 10 mm
    body = QSizeF(paint.width(), paint.height() - footer_h)
    doc.setPageSize(body)
    pages = max(1, doc.pageCount())

    painter = QPainter()
    if not painter.begin(writer):
        raise WorkbenchError("PDF export: could not start painting the PDF")
    try:
        footer_font = QFont("DejaVu Sans", 7)
        page_word = label(model.language, "page")
        left = model.dossier.name if len(model.dossier.name) <= 90 else model.dossier.name[:89] + "…"
        for index in range(pages):
            if index:
                writer.newPage()
            top = index * body.height()
            painter.save()
            painter.translate(0, -top)
            doc.drawContents(painter, QRectF(0, top, body.width(), body.height()))
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#d9dee5"))
            painter.drawLine(
                0, int(body.height() + footer_h * 0.25), int(body.width()), int(body.height() + footer_h * 0.25)
            )
            painter.setPen(QColor("#5b6573"))
            footer = QRectF(0, body.height() + footer_h * 0.3, body.width(), footer_h * 0.7)
            painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
            painter.drawText(
                footer,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"{page_word} {index + 1} / {pages}",
            )
            report_progress(progress, round(total * (index + 1) / pages), total)
    finally:
        painter.end()
    buffer.close()
    report_progress(progress, total, total)
    return bytes(data.data())
