"""View ▸ View original: the image or PDF page a source's text was read from, with the OCR boxes of the selection.

For sources read by OCR (screenshots, photos, scans) the text of record is only as good as the recognition: the
fact-checker must be able to look at the pixels. The dialog shows one page at a time (the page holding the
selection or the first visible line), outlines the words of the selection with their OCR boxes, and pages with a
spin box. The page is rendered off the GUI thread by the task runner; it never touches the database itself.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.services import sources as sources_svc


def page_at(page_map: list[tuple[int, int]], offset: int) -> int:
    """The page holding code point ``offset`` (1 without a page map)."""
    if not page_map:
        return 1
    i = bisect_right([a for a, _p in page_map], offset) - 1
    return page_map[max(i, 0)][1]


def show_original(win: Any) -> OriginalDialog | None:
    """Open the dialog on the current pane's source (or say why there is no original image to show)."""
    pane = win.reading.current or next((p for p in win.reading.panes() if p.source_id is not None), None)
    if pane is None or pane.source_id is None:
        win.statusBar().showMessage(win.tr("Open a source first"), 4000)
        return None
    known = win.sources.get(pane.source_id)  # the window's list; a source just imported may not be in it yet
    if known is not None and known.kind not in ("pdf", "image"):
        _no_image(win)
        return None
    selection = pane.view.selection_cp()
    offset = selection[0] if selection else pane.view.first_visible_cp()
    store, sid = win.store, pane.source_id

    def work(_progress: Any, _cancelled: Any) -> Any:  # every read off the GUI thread, the source's too if unlisted
        info = known or sources_svc.get(store, sid)
        if info.kind not in ("pdf", "image"):
            return info, None, [], []
        return (info, sources_svc.original(store, sid), sources_svc.ocr_words(store, sid),
                sources_svc.page_map(store, sid))

    holder: dict[str, OriginalDialog] = {}

    def done(result: Any) -> None:
        info, data, words, page_map = result
        if data is None:
            _no_image(win)
            return
        page = page_at(page_map, offset)
        dialog = OriginalDialog(win, info.title or info.kind, data, info.kind, words, page, selection)
        holder["dialog"] = dialog
        win.original_dialog = dialog  # kept alive by the window (and reachable by tests)
        dialog.show()

    win.runner.start(win.tr("View original"), work, done, win.show_error)
    return holder.get("dialog")


def _no_image(win: Any) -> None:
    win.statusBar().showMessage(win.tr("This source was imported as text: there is no page image"), 5000)


class OriginalDialog(QDialog):
    """One page of a source's original image, scaled to the window, OCR boxes of the selection outlined."""

    def __init__(self, parent: QWidget | None, title: str, data: bytes, kind: str, words: list[dict[str, Any]],
                 page: int = 1, selection: tuple[int, int] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Original: {0}").format(title))
        self.data, self.kind, self.words, self.selection = data, kind, words, selection
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        self.page = QSpinBox()
        self.page.setPrefix(self.tr("Page "))
        self.info = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.page)
        row.addWidget(self.info, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(row)
        lay.addWidget(scroll, 1)
        lay.addWidget(buttons)
        self.resize(900, 1000)
        self.pages = 1
        self.show_page(page)
        self.page.setRange(1, max(self.pages, 1))
        self.page.setValue(page)
        self.page.valueChanged.connect(self.show_page)

    def show_page(self, page: int) -> None:
        """Render page ``page`` (1-based) and outline the selected words on it."""
        from workbench.core.errors import WorkbenchError
        from workbench.io.importers.image import preview

        record = next((p for p in self.words if p.get("page") == page), None)
        try:
            png, width, self.pages = preview(self.data, self.kind, page, rotate=(record or {}).get("rotate", 0))
        except WorkbenchError as exc:
            self.info.setText(str(exc))
            return
        image = QImage.fromData(png, "PNG")
        boxes = self._selected_boxes(page, width)
        if boxes:
            painter = QPainter(image)
            painter.setPen(QPen(QColor(230, 120, 0), 3))
            painter.setBrush(QColor(255, 210, 0, 70))
            for rect in boxes:
                painter.drawRect(rect)
            painter.end()
        self.image.setPixmap(QPixmap.fromImage(image))
        count = len(record["words"]) if record else 0
        self.info.setText(self.tr("{0} OCR word(s) on this page, {1} selected").format(count, len(boxes)))

    def _selected_boxes(self, page: int, width: int) -> list[QRectF]:
        if not self.selection:
            return []
        record = next((p for p in self.words if p.get("page") == page), None)
        if not record or not record.get("width"):
            return []
        scale = width / float(record["width"])
        start, end = self.selection
        return [QRectF(x0 * scale, y0 * scale, (x1 - x0) * scale, (y1 - y0) * scale)
                for s, e, x0, y0, x1, y1, _conf in record["words"] if s < end and e > start]
