"""Two-level tree model of comparison findings.

Groups (discrepancies by kind, reuse, flagged sources, alignments) at the top; under each, the findings with the
spans they rest on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass
class Finding:
    """One row under a group: a label and the spans ``{source_id, start, end, exact}`` it points to."""

    label: str
    spans: list[dict[str, Any]]
    kind: str = ""
    tooltip: str = ""


@dataclass
class Group:
    """A top-level row."""

    label: str
    findings: list[Finding] = field(default_factory=list)


class FindingsModel(QAbstractItemModel):
    """Groups at the top level, findings as their children. Internal pointer: the group index + 1 for children."""

    def __init__(self) -> None:
        super().__init__()
        self._groups: list[Group] = []

    def set_groups(self, groups: list[Group]) -> None:
        """Replace everything."""
        self.beginResetModel()
        self._groups = groups
        self.endResetModel()

    def finding(self, index: Index) -> Finding | None:
        """The finding at an index, or None for a group row."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].findings[index.row()]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Index of a group (no parent) or of a finding (parent: its group)."""
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        group = parent.row()
        if row >= len(self._groups[group].findings):
            return QModelIndex()
        return self.createIndex(row, 0, group + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """A finding's group; nothing for a group."""
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        """Groups at the top, findings under a group."""
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != 0:
            return 0
        return len(self._groups[parent.row()].findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        """One column."""
        return 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Labels and tooltips."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{group.label} ({len(group.findings)})"
            return None
        finding = self._groups[index.internalId() - 1].findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return finding.tooltip or "\n".join(
                QCoreApplication.translate("ComparePanel", "source {0}").format(s["source_id"]) + f": « {s['exact']} »"
                for s in finding.spans)
        if role == FINDING_ROLE:
            return finding
        return None
