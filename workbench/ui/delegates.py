"""Item delegates that keep the important part of a cell visible when the column is narrow.

* :class:`HitDelegate` paints a search snippet centred on the matched words (in bold), eliding both ends, so a
  narrow column never cuts the hit off;
* :func:`elide_middle` is the text rule the tables use for titles and names (both ends of a title say the most);
* :class:`WrappingRow` keeps a row of filter boxes readable: side by side when their texts fit, two per row when not.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from workbench.core.text import fold

HIT_ROLE = Qt.ItemDataRole.UserRole + 7
"""``(start, end)`` of the matched words inside the snippet (code points), or None."""


def find_hit(snippet: str, query: str) -> tuple[int, int] | None:
    """Where ``query`` (accents and case ignored) is in ``snippet``: the first word of it at least."""
    folded = fold(snippet)
    for needle in (fold(query.strip()), *(fold(w) for w in query.split() if len(w) > 1)):
        if needle:
            pos = folded.find(needle)
            if pos >= 0:
                return pos, pos + len(needle)
    from workbench.core.phonetic import phonetic_key

    keys = {phonetic_key(w) for w in query.split()} - {""}
    for m in re.finditer(r"\w+", snippet):  # another spelling of a name
        if phonetic_key(m.group()) in keys:
            return m.start(), m.end()
    return None


class HitDelegate(QStyledItemDelegate):
    """Paints ``…left [hit] right…`` with the hit in the middle of the cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Background and selection by the style, then the three parts of the snippet."""
        span = index.data(HIT_ROLE)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not span:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        start, end = span
        left, hit, right = text[:start], text[start:end], text[end:]
        rect: QRect = opt.rect.adjusted(4, 0, -4, 0)
        bold = QFont(opt.font)
        bold.setBold(True)
        fm, fmb = QFontMetrics(opt.font), QFontMetrics(bold)
        hit_w = min(fmb.horizontalAdvance(hit), rect.width())
        side = max(0, (rect.width() - hit_w) // 2)
        left_txt = fm.elidedText(left, Qt.TextElideMode.ElideLeft, side)
        right_txt = fm.elidedText(right, Qt.TextElideMode.ElideRight, side)
        hit_txt = fmb.elidedText(hit, Qt.TextElideMode.ElideRight, rect.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        align = Qt.AlignmentFlag.AlignVCenter
        x_hit = rect.left() + side
        painter.setFont(opt.font)
        painter.drawText(QRect(rect.left(), rect.top(), side, rect.height()), align | Qt.AlignmentFlag.AlignRight,
                         left_txt)
        painter.setFont(bold)
        painter.drawText(QRect(x_hit, rect.top(), hit_w, rect.height()), align | Qt.AlignmentFlag.AlignLeft, hit_txt)
        painter.setFont(opt.font)
        painter.drawText(QRect(x_hit + hit_w, rect.top(), rect.right() - x_hit - hit_w, rect.height()),
                         align | Qt.AlignmentFlag.AlignLeft, right_txt)
        painter.restore()

    def displayed_parts(self, text: str, span: tuple[int, int], width: int, font: QFont) -> tuple[str, str, str]:
        """The three strings :meth:`paint` draws at ``width`` pixels (for tests)."""
        start, end = span
        bold = QFont(font)
        bold.setBold(True)
        fm, fmb = QFontMetrics(font), QFontMetrics(bold)
        hit = text[start:end]
        side = max(0, (width - 8 - min(fmb.horizontalAdvance(hit), width - 8)) // 2)
        return (fm.elidedText(text[:start], Qt.TextElideMode.ElideLeft, side), hit,
                fm.elidedText(text[end:], Qt.TextElideMode.ElideRight, side))


def elide_middle(text: str, font: QFont, width: int) -> str:
    """``text`` elided in its middle to ``width`` pixels."""
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideMiddle, width)


class ColumnFitter(QObject):
    """Keeps a table's main (stretching) column readable.

    When the view is narrow, optional columns are hidden in the given order (their content stays in the row's
    tooltip) and come back when there is room.
    """

    def __init__(self, view: QTableView, main: int, optional: tuple[int, ...], share: float = 0.45) -> None:
        super().__init__(view)
        self.view = view
        self.main = main
        self.optional = optional
        self.share = share
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Refit on resize."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Hide optional columns (last first) until the main column gets its share of the width."""
        header = self.view.horizontalHeader()
        width = self.view.viewport().width()
        for col in self.optional:
            header.setSectionHidden(col, False)
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.main and not header.isSectionHidden(c))
        for col in self.optional:
            if width - others >= self.share * width:
                break
            others -= header.sectionSize(col)
            header.setSectionHidden(col, True)


class WrappingRow(QWidget):
    """Combo boxes side by side when the first item of each fits whole, else two per row.

    A narrow claims dock at 1280 pixels cut the French filters to "Tous les ve" and "Tous les st".
    """

    def __init__(self, boxes: list[QComboBox], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = boxes
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.per_row = 0
        self._place(len(boxes))

    def needed_width(self) -> int:
        """Width for every box to show its first item whole, side by side."""
        total = self.grid.horizontalSpacing() * (len(self.boxes) - 1)
        for box in self.boxes:
            opt = QStyleOptionComboBox()
            box.initStyleOption(opt)
            metrics = box.fontMetrics()
            text = QSize(metrics.horizontalAdvance(box.itemText(0) if box.count() else "") + 4, metrics.height())
            total += box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, text, box).width()
        return total

    def refit(self) -> None:
        """One row when the boxes fit the width, two per row otherwise."""
        self._place(len(self.boxes) if self.needed_width() <= self.width() else 2)

    def _place(self, per_row: int) -> None:
        if per_row == self.per_row:
            return
        self.per_row = per_row
        for box in self.boxes:
            self.grid.removeWidget(box)
        for i, box in enumerate(self.boxes):
            self.grid.addWidget(box, i // per_row, i % per_row)
        for col in range(len(self.boxes)):
            self.grid.setColumnStretch(col, 1 if col < per_row else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Refit on every width change."""
        super().resizeEvent(event)
        self.refit()
