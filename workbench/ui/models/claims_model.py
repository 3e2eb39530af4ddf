"""Table model of a dossier's claims, and the proxy that filters it by verdict, status, source, tag and text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from workbench.core.text import fold
from workbench.core.values import ClaimInfo, RatingScale
from workbench.ui.models.simple_models import RowsModel

Index = QModelIndex | QPersistentModelIndex
CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_LABELS = {"to-check": QT_TRANSLATE_NOOP("Status", "To check"),
                 "in-progress": QT_TRANSLATE_NOOP("Status", "In progress"),
                 "in-review": QT_TRANSLATE_NOOP("Status", "In review"),
                 "concluded": QT_TRANSLATE_NOOP("Status", "Concluded")}


def status_label(status: str) -> str:
    """Translated label of a workflow status."""
    return QCoreApplication.translate("Status", STATUS_LABELS.get(status, status))


class ClaimsModel(RowsModel):
    """Rows are ClaimInfo values; refreshed wholesale or one claim at a time.

    The model sorts its own rows (``sort``: one ``list.sort`` with a key per row, a few milliseconds for 2,000
    claims) and the proxy only filters: a proxy sort asks ``data()`` for both sides of every comparison, about
    26,000 Python calls and 0.5 s for 2,000 claims, at start-up and on every full refresh. A new claim goes to its
    sorted place; an edited claim keeps its row until the next sort (a row does not jump away while it is edited).
    """

    COLUMNS = (QT_TRANSLATE_NOOP("Columns", "#"), QT_TRANSLATE_NOOP("Columns", "Statement"),
               QT_TRANSLATE_NOOP("Columns", "Verdict"), QT_TRANSLATE_NOOP("Columns", "Status"),
               QT_TRANSLATE_NOOP("Columns", "Claimant"), QT_TRANSLATE_NOOP("Columns", "App."),
               QT_TRANSLATE_NOOP("Columns", "Evid."))

    def __init__(self, scale: RatingScale, language: str = "en") -> None:
        super().__init__()
        self._row_of: dict[int, int] = {}
        self._numbers: dict[int, int] = {}  # claim id -> its number in the dossier (1, 2, ... in creation order)
        self.scale = scale
        self.language = language
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder

    def set_claims(self, claims: list[ClaimInfo], scale: RatingScale | None = None) -> None:
        """Replace every row (in the current sort order)."""
        self.beginResetModel()
        self._numbers = {cid: n for n, cid in enumerate(sorted(c.id for c in claims), start=1)}
        if scale is not None:
            self.scale = scale
        self._rows = sorted(claims, key=self._sort_key(), reverse=self._descending())
        self._row_of = {c.id: i for i, c in enumerate(self._rows)}
        self.endResetModel()

    def _descending(self) -> bool:
        return self.sort_order == Qt.SortOrder.DescendingOrder

    def _sort_key(self, column: int | None = None) -> Callable[[ClaimInfo], tuple[Any, int]]:
        """The key a column sorts by (what the cell shows; ties in claim-number order)."""
        column = self.sort_column if column is None else column
        number = self.number

        def verdict(c: ClaimInfo) -> str:
            v = self.scale.get(c.verdict)
            return fold(v.label(self.language)) if v else ""

        keys: dict[int, Callable[[ClaimInfo], Any]] = {
            1: lambda c: fold(c.statement), 2: verdict, 3: lambda c: fold(status_label(c.status)),
            4: lambda c: fold(c.claimant), 5: lambda c: len(c.appearances), 6: lambda c: len(c.evidence),
        }
        part = keys.get(column)
        if part is None:
            return lambda c: (0, number(c.id))
        return lambda c: (part(c), number(c.id))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by a column; selections and other persistent indexes follow their claims."""
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id if 0 <= i.row() < len(self._rows) else None for i in before]
        self._rows.sort(key=self._sort_key(), reverse=self._descending())
        self._row_of = {c.id: i for i, c in enumerate(self._rows)}
        after = [self.index(self._row_of[cid], i.column()) if cid is not None else QModelIndex()
                 for cid, i in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def number(self, claim_id: int) -> int:
        """The claim's number in its dossier as people see it (database ids are global: #6 in a new dossier)."""
        return self._numbers.get(claim_id, claim_id)

    def upsert(self, claim: ClaimInfo) -> None:
        """Insert or refresh one claim's row."""
        row = self._row_of.get(claim.id)
        if claim.id not in self._numbers:
            self._numbers[claim.id] = max(self._numbers.values(), default=0) + 1
        if row is None:
            row = self._sorted_place(claim)
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, claim)
            for i in range(row, len(self._rows)):  # only the rows after it move (none in claim-number order)
                self._row_of[self._rows[i].id] = i
            self.endInsertRows()
        else:
            before, self._rows[row] = self._rows[row], claim
            changed = [col for col, cell in enumerate(_CELLS) if cell(before) != cell(claim)]
            if not changed and _filtered(before) != _filtered(claim):
                changed = [0]  # nothing shown changed, but the filter may now hide the row: the proxy looks again
            if changed:  # only these cells are repainted (a verdict change: the verdict cell)
                self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))

    def _sorted_place(self, claim: ClaimInfo) -> int:
        """Where a new claim goes in the current order: a binary search computing ~log2(n) keys, not n."""
        key, descending = self._sort_key(), self._descending()
        wanted, lo, hi = key(claim), 0, len(self._rows)
        while lo < hi:
            mid = (lo + hi) // 2
            here = key(self._rows[mid])
            if (here > wanted) if descending else (here <= wanted):
                lo = mid + 1
            else:
                hi = mid
        return lo

    def remove(self, claim_id: int) -> None:
        """Drop one claim's row."""
        row = self._row_of.get(claim_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._row_of = {c.id: i for i, c in enumerate(self._rows)}
        self.endRemoveRows()

    def claim(self, row: int) -> ClaimInfo:
        """The claim on a row."""
        return self._rows[row]

    def row_of(self, claim_id: int) -> int | None:
        """Row of a claim id."""
        return self._row_of.get(claim_id)

    def claims(self) -> list[ClaimInfo]:
        """Every claim, in row order."""
        return list(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell contents, verdict badge colours, tooltips."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        col = index.column()
        if role == CLAIM_ROLE:
            return c.id
        if role == Qt.ItemDataRole.DisplayRole:  # only the asked column: sorting 2,000 rows asks ~26,000 times
            if col == 0:
                return self.number(c.id)
            if col == 1:
                return c.statement
            if col == 2:
                verdict = self.scale.get(c.verdict)
                return verdict.label(self.language) if verdict else "—"
            if col == 3:
                return status_label(c.status)
            if col == 4:
                return c.claimant
            return len(c.appearances) if col == 5 else len(c.evidence) if col == 6 else None
        verdict = self.scale.get(c.verdict)
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 2):
            if col == 2:
                return c.rationale or None
            details = " · ".join(x for x in (c.claimant, status_label(c.status)) if x)
            counts = QCoreApplication.translate("Columns", "{0} appearance(s), {1} evidence").format(
                len(c.appearances), len(c.evidence))
            return f"{c.statement}\n{details} · {counts}"
        if col == 2 and verdict is not None:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor(verdict.color)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("white")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5, 6):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


_CELLS: tuple[Callable[[ClaimInfo], Any], ...] = (
    lambda c: c.id,
    lambda c: (c.statement, c.claimant, c.status, len(c.appearances), len(c.evidence)),  # its tooltip too
    lambda c: (c.verdict, c.rationale),
    lambda c: c.status,
    lambda c: c.claimant,
    lambda c: len(c.appearances),
    lambda c: len(c.evidence),
)
"""What each column's cells show of a claim (every role): :meth:`ClaimsModel.upsert` compares them."""


def _filtered(c: ClaimInfo) -> tuple[Any, ...]:
    """What :class:`ClaimsFilter` looks at besides the cells."""
    return c.tags, tuple(a.span.source_id for a in c.appearances), c.rationale


class ClaimsFilter(QSortFilterProxyModel):
    """Filters rows by verdict, status, source, tag and free text (statement, claimant, rationale)."""

    def __init__(self) -> None:
        super().__init__()
        self.verdict: str | None = None  # "" means "no verdict yet"
        self.status: str | None = None
        self.source_id: int | None = None
        self.tag: str | None = None
        self.text = ""
        self.setSortRole(Qt.ItemDataRole.DisplayRole)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The view's header asks for a sort: the claims model sorts its rows; this proxy keeps their order."""
        model = self.sourceModel()
        if isinstance(model, ClaimsModel):
            model.sort(column, order)
        else:  # pragma: no cover - only ever set on a ClaimsModel
            super().sort(column, order)

    def set_filter(self, **values: Any) -> None:
        """Change some filters and re-filter."""
        modern = hasattr(self, "beginFilterChange")  # Qt >= 6.9; invalidateFilter() is deprecated there
        if modern:
            self.beginFilterChange()
        for name, value in values.items():
            setattr(self, name, value)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Whether a claim passes every filter."""
        model = self.sourceModel()
        assert isinstance(model, ClaimsModel)
        c = model.claim(source_row)
        if self.verdict is not None and (c.verdict or "") != self.verdict:
            return False
        if self.status and c.status != self.status:
            return False
        if self.source_id is not None and not any(a.span.source_id == self.source_id for a in c.appearances):
            return False
        if self.tag and self.tag not in c.tags:
            return False
        if self.text:
            needle = fold(self.text)
            if needle not in fold(f"{c.statement}\n{c.claimant}\n{c.rationale}"):
                return False
        return True
