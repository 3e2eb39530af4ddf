"""Table models of frozen values: a shared base, the dossier's sources and search results."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from workbench.core.values import SearchHit, SourceInfo

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
HIT_ROLE = Qt.ItemDataRole.UserRole + 7  # same as workbench.ui.delegates.HIT_ROLE


class RowsModel(QAbstractTableModel):
    """A table of frozen values, one per row, with translated column titles (``COLUMNS``)."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        """Replace every row. Same items (by id) in the same order: cells update, selection and scroll stay."""
        rows = list(rows)
        same = len(rows) == len(self._rows) and all(
            getattr(a, "id", object()) == getattr(b, "id", object()) for a, b in zip(rows, self._rows, strict=True))
        if same and rows:
            self._rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_value(self, row: int) -> Any:
        """The value shown on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        """Number of rows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        """Number of columns."""
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("Columns", self.COLUMNS[section])
        return None


SOURCE_FLAGS = {
    "recycled": QT_TRANSLATE_NOOP("SourceFlags", "recycled"),
    "relay": QT_TRANSLATE_NOOP("SourceFlags", "relay"),
}


def flag_label(flag: str) -> str:
    """A comparison flag in the interface's language (unknown flags as they are)."""
    return QCoreApplication.translate("SourceFlags", SOURCE_FLAGS[flag]) if flag in SOURCE_FLAGS else flag


class SourcesModel(RowsModel):
    """The dossier's sources: title, outlet, date, kind, claim count; flags (e.g. recycled) as a badge.

    The badge comes before the title, so that it stays visible when the column elides a long title.
    """

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "Title"), QT_TRANSLATE_NOOP("Columns", "Outlet"),
               QT_TRANSLATE_NOOP("Columns", "Date"), QT_TRANSLATE_NOOP("Columns", "Kind"),
               QT_TRANSLATE_NOOP("Columns", "Claims"))

    def __init__(self) -> None:
        super().__init__()
        self.source_flags: dict[int, list[str]] = {}

    def set_flags(self, flags: dict[int, list[str]]) -> None:
        """Badges from the comparison (``recycled``, ``relay``...)."""
        self.source_flags = flags
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cells."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s: SourceInfo = self._rows[index.row()]
        if role == ID_ROLE:
            return s.id
        flags = self.source_flags.get(s.id, [])
        if role == Qt.ItemDataRole.DisplayRole:
            badge = "".join(f"[{flag_label(f)}] " for f in flags if f in SOURCE_FLAGS)
            return (
                f"{badge}{s.title}",
                s.outlet,
                s.published.isoformat() if s.published else "",
                s.kind,
                s.claim_count,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            meta = " · ".join(x for x in (s.outlet, s.published.isoformat() if s.published else "", s.kind) if x)
            lines = [s.title, meta, s.url, s.reliability_note]
            if flags:
                lines.append("⚠ " + ", ".join(flag_label(f) for f in flags))
            return "\n".join(x for x in lines if x)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0 and "recycled" in flags:
            from PySide6.QtGui import QColor

            return QColor("#a64d79")
        return None


class SearchModel(RowsModel):
    """Search hits: source and snippet."""

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "Source"), QT_TRANSLATE_NOOP("Columns", "Match"))

    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[int, str] = {}
        self.query = ""  # what was searched: the delegate centres the snippet on it

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cells."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h: SearchHit = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.titles.get(h.source_id, str(h.source_id)), h.snippet)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.titles.get(h.source_id, '')}\n{h.snippet}" if index.column() == 0 else h.snippet
        if role == HIT_ROLE and index.column() == 1:
            from workbench.ui.delegates import find_hit

            return find_hit(h.snippet, self.query)
        return None
