"""The drift view: two revisions of a source side by side, differences marked, and the claims they affect.

Left, the older revision with what was removed or replaced in red; right, the newer one with what was added in
green (from the same diff the re-anchoring used, :class:`workbench.core.textmap.TextMap`); quoted spans are
underlined on both sides. Below, one row per appearance or evidence span: the quote, what the new revision says
there, the stated differences. A claim flagged for review goes back to ``in-review`` only when the user presses
"Send back to review"; "Dismiss" clears the flag and changes nothing else.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.core.drift import DriftRecord
from workbench.core.errors import WorkbenchError
from workbench.core.textmap import TextMap
from workbench.core.utf16 import Utf16Map
from workbench.services import revisions as revisions_svc
from workbench.services import sources as sources_svc
from workbench.ui.undo import OperationRunner

MAX_MARKS = 5000  # differences marked per pane (a change of the whole text would mark every accent)
STATE_COLORS = {"anchored": "#2e7d32", "moved": "#1565c0", "changed": "#e65100", "orphaned": "#b71c1c"}


class DriftModel(QAbstractTableModel):
    """Rows of a drift report (one per appearance or evidence span)."""

    COLUMNS = ("Claim", "Role", "State", "Quoted", "Now reads", "Difference", "Review")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DriftRecord] = []

    def set_rows(self, rows: list[DriftRecord]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, i: int) -> DriftRecord:
        """The drift line shown in row ``i``."""
        return self._rows[i]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of drift lines."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        """Number of columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles (translated)."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, state colour and full text as tooltip."""
        if not index.isValid():
            return None
        d = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (str(d.claim_id), self.tr(d.role), self.tr(d.state), d.old.exact,
                      d.new.exact if d.new is not None else "—", d.note or d.diff, self._review(d.review))
            text = values[col]
            if role == Qt.ItemDataRole.ToolTipRole and col in (3, 4, 5):
                return f"{text}\n\n{d.diff}" if col == 5 and d.diff else text
            return text if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(STATE_COLORS.get(d.state, "#000000"))
        return None

    def _review(self, review: str) -> str:
        return {"pending": self.tr("to review"), "accepted": self.tr("sent back to review"),
                "dismissed": self.tr("dismissed"), "none": ""}.get(review, review)


class DriftView(QWidget):
    """Revisions side by side with their differences and the affected claims."""

    sig_reviewed = Signal(int)
    """A claim's review flag was answered (its id): the window refreshes that claim."""

    sig_loaded = Signal()
    """The revisions chosen were read (on the database worker) and are shown."""

    def __init__(self, ops: OperationRunner, source_id: int, parent: QWidget | None = None) -> None:
        """Show the drift between the last two revisions of ``source_id``'s document.

        Every read and the review answers run on the database worker (``ops``); the view fills when it answers.
        """
        super().__init__(parent)
        self.ops = ops
        self.chain: list[Any] = []
        self.old_combo, self.new_combo = QComboBox(), QComboBox()
        self.old_text, self.new_text = QPlainTextEdit(), QPlainTextEdit()
        for pane in (self.old_text, self.new_text):
            pane.setReadOnly(True)
            pane.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = DriftModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.accept_button = QPushButton(self.tr("Send back to review"))
        self.dismiss_button = QPushButton(self.tr("Dismiss flag"))
        self._build()
        self.old_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.new_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.show_row(cur.row()))
        self.accept_button.clicked.connect(lambda: self.answer(True))
        self.dismiss_button.clicked.connect(lambda: self.answer(False))
        self._maps = (Utf16Map(""), Utf16Map(""))
        self._base: tuple[list[QTextEdit.ExtraSelection], list[QTextEdit.ExtraSelection]] = ([], [])
        self.ops.submit(lambda store: revisions_svc.chain(store, source_id), self._show_chain, self._failed)

    def _failed(self, exc: BaseException) -> None:
        from workbench.ui.undo import error_line

        self.summary.setText(error_line(exc))

    def _show_chain(self, chain: list[Any]) -> None:
        self.chain = chain
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(True)
            for s in self.chain:
                combo.addItem(self.tr("Revision {0} · imported {1}").format(
                    s.id, s.imported_at.strftime("%Y-%m-%d %H:%M")), s.id)
        self.old_combo.setCurrentIndex(max(0, len(self.chain) - 2))
        self.new_combo.setCurrentIndex(len(self.chain) - 1)
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(False)
        self.reload()

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Older:")))
        top.addWidget(self.old_combo, 1)
        top.addWidget(QLabel(self.tr("Newer:")))
        top.addWidget(self.new_combo, 1)
        panes = QSplitter(Qt.Orientation.Horizontal)
        panes.addWidget(self.old_text)
        panes.addWidget(self.new_text)
        vertical = QSplitter(Qt.Orientation.Vertical)
        vertical.addWidget(panes)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        lower_layout.addLayout(buttons)
        vertical.addWidget(lower)
        vertical.setSizes([500, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(vertical)

    def reload(self) -> None:
        """Read the two chosen revisions and their drift report on the worker, then show them."""
        old_id, new_id = self.old_combo.currentData(), self.new_combo.currentData()
        if old_id is None or new_id is None:
            return

        def read(store: Any) -> tuple[str, str, list[DriftRecord], str]:
            old, new = sources_svc.text(store, old_id), sources_svc.text(store, new_id)
            rows: list[DriftRecord] = []
            problem = ""
            if old_id != new_id:
                try:
                    rows = revisions_svc.drift(store, old_id, new_id)
                except WorkbenchError as exc:  # a wrong pair of revisions is a message, not a crash
                    problem = str(exc)
            return old, new, rows, problem

        def shown(loaded: tuple[str, str, list[DriftRecord], str]) -> None:
            if (old_id, new_id) == (self.old_combo.currentData(), self.new_combo.currentData()):
                self._show(*loaded)

        self.ops.submit(read, shown, self._failed)

    def _show(self, old: str, new: str, rows: list[DriftRecord], problem: str) -> None:
        self.old_text.setPlainText(old)
        self.new_text.setPlainText(new)
        self._maps = (Utf16Map(old), Utf16Map(new))
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for col in (3, 4, 5):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 320))
        tm = TextMap(old, new)
        removed = [(b.a1, b.a2) for b in tm.blocks if b.tag != "equal" and b.a2 > b.a1][:MAX_MARKS]
        added = [(b.b1, b.b2) for b in tm.blocks if b.tag != "equal" and b.b2 > b.b1][:MAX_MARKS]
        self._base = (
            self._selections(self.old_text, 0, removed, "#ffcdd2")
            + self._selections(self.old_text, 0, [(d.old.start, d.old.end) for d in rows], None),
            self._selections(self.new_text, 1, added, "#c8e6c9")
            + self._selections(self.new_text, 1, [(d.new.start, d.new.end) for d in rows if d.new], None),
        )
        self.old_text.setExtraSelections(self._base[0])
        self.new_text.setExtraSelections(self._base[1])
        counts: dict[str, int] = {}
        for d in rows:
            counts[d.state] = counts.get(d.state, 0) + 1
        flagged = len({d.claim_id for d in rows if d.review == "pending"})
        parts = ", ".join(f"{n} {self.tr(s)}" for s, n in sorted(counts.items()))
        self.summary.setText(problem or self.tr("{0} span(s): {1}. {2} claim(s) to review.").format(
            len(rows), parts or "—", flagged))
        if rows:
            self.table.selectRow(0)
        self.sig_loaded.emit()

    def _selections(self, pane: QPlainTextEdit, side: int, ranges: list[tuple[int, int]],
                    color: str | None) -> list[QTextEdit.ExtraSelection]:
        out = []
        m = self._maps[side]
        for start, end in ranges:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(pane.document())
            cursor.setPosition(m.to_utf16(start))
            cursor.setPosition(m.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            if color is None:
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor("#6a1b9a"))
            else:
                fmt.setBackground(QColor(color))
            sel.cursor, sel.format = cursor, fmt
            out.append(sel)
        return out

    def show_row(self, row: int) -> None:
        """Scroll both revisions to the row's spans and outline them."""
        if not 0 <= row < self.model.rowCount():
            return
        d = self.model.row(row)
        for side, pane, ref in ((0, self.old_text, d.old), (1, self.new_text, d.new)):
            extra = list(self._base[side])
            if ref is not None:
                current = self._selections(pane, side, [(ref.start, ref.end)], "#fff59d")
                extra += current
                pane.setTextCursor(QTextCursor(current[0].cursor))
                pane.centerCursor()
            pane.setExtraSelections(extra)
        pending = d.review == "pending"
        self.accept_button.setEnabled(pending)
        self.dismiss_button.setEnabled(pending)

    def answer(self, accept: bool) -> None:
        """Answer the review flag of the selected row's claim."""
        row = self.table.currentIndex().row()
        if row < 0:
            return
        claim_id = self.model.row(row).claim_id

        def answered(_result: Any) -> None:
            self.reload()
            self.sig_reviewed.emit(claim_id)

        self.ops.submit(lambda store: revisions_svc.review(store, claim_id, accept=accept), answered, self._failed)


class DriftDialog(QDialog):
    """A window around :class:`DriftView` (Sources ▸ Show revisions…)."""

    def __init__(self, ops: OperationRunner, source_id: int, parent: QWidget | None = None) -> None:
        """Drift of the document ``source_id`` belongs to (read on the database worker ``ops``)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revisions and drift"))
        self.view = DriftView(ops, source_id, self)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(box)
        self.resize(1300, 850)
