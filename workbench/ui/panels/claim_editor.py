"""The claim editor: statement, claimant, date, status, verdict, rationale, tags, appearances, evidence, history.

Each field commits when it is finished (focus leaves it, Enter, or a choice in a list): the editor emits
``sig_edit(claim_id, field, value)`` and the window turns it into an undoable service call. It never writes itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.enums import Stance, Status
from workbench.core.values import ClaimInfo, HistoryEntry, RatingScale, SourceInfo
from workbench.ui.models.claims_model import status_label

JUMP_ROLE = Qt.ItemDataRole.UserRole + 1


class _CommitText(QPlainTextEdit):
    """Multi-line field that commits when it loses focus, and after a pause in typing (so a crash loses nothing)."""

    sig_commit = Signal(str)
    IDLE_MS = 1200

    def __init__(self) -> None:
        super().__init__()
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(self.IDLE_MS)
        self._idle.timeout.connect(self.commit)
        self.textChanged.connect(self._typed)

    def _typed(self) -> None:
        if self.document().isModified():
            self._idle.start()

    def commit(self) -> None:
        """Emit the text if the user changed it since the last commit."""
        self._idle.stop()
        if self.document().isModified():
            self.document().setModified(False)
            self.sig_commit.emit(self.toPlainText())

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Commit when the user leaves the field."""
        super().focusOutEvent(event)
        self.commit()


class ClaimEditor(QWidget):
    """Edits one claim at a time."""

    sig_edit = Signal(int, str, object)
    """(claim id, field, new value) the user changed a field."""
    sig_jump = Signal(int, int, int)
    """(source id, start, end) show this span."""
    sig_add_reference = Signal(int)
    """(claim id) the user wants to cite an external reference."""
    sig_delete_item = Signal(str, int)
    """(entity, id) remove an appearance or evidence item."""
    sig_open_claim = Signal(int)
    """(claim id) show a related claim."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claim: ClaimInfo | None = None
        self.scale: RatingScale | None = None
        self.sources: dict[int, SourceInfo] = {}
        self.language = "en"
        self._loading = False

        self.heading = QLabel(self.tr("No claim selected"))
        self.heading.setStyleSheet("font-weight: 600;")
        self.statement = _CommitText()
        self.statement.setPlaceholderText(self.tr("The checkable statement, in your words"))
        self.statement.setMaximumHeight(80)
        self.claimant = QLineEdit(placeholderText=self.tr("Who made the claim"))
        self.claim_date = QLineEdit(placeholderText="YYYY-MM-DD")
        self.status = QComboBox()
        for s in Status:
            self.status.addItem(status_label(s.value), s.value)
        self.verdict = QComboBox()
        self.rationale = _CommitText()
        self.rationale.setPlaceholderText(self.tr("Why this verdict: what the evidence shows"))
        self.rationale.setMaximumHeight(110)
        self.tags = QLineEdit(placeholderText=self.tr("tags, comma separated"))
        self.concluded = QLabel()
        self.concluded.setStyleSheet("color: palette(mid);")
        self.independence = QLabel()
        self.independence.setWordWrap(True)
        self.independence.setStyleSheet("color: #a64d79;")
        self.independence.hide()
        self.reuse: list[tuple[int, int, int]] = []  # (original source, copying source, characters) from Compare

        form = QFormLayout()
        form.addRow(self.tr("Statement"), self.statement)
        form.addRow(self.tr("Claimant"), self.claimant)
        form.addRow(self.tr("Claim date"), self.claim_date)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Verdict"), self.verdict)
        form.addRow(self.tr("Rationale"), self.rationale)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow("", self.concluded)
        form.addRow("", self.independence)

        self.appearances = QListWidget()
        self.evidence = QTreeWidget()
        self.evidence.setHeaderLabels([self.tr("Evidence"), self.tr("Where")])
        self.evidence.setColumnWidth(0, 320)
        self.history = QListWidget()
        self.history.setWordWrap(True)
        add_ref = QPushButton(self.tr("Cite external reference…"))
        add_ref.clicked.connect(lambda: self.claim and self.sig_add_reference.emit(self.claim.id))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self._remove_selected)

        ev_page = QWidget()
        ev_lay = QVBoxLayout(ev_page)
        ev_lay.setContentsMargins(0, 0, 0, 0)
        ev_lay.addWidget(self.evidence)
        ev_lay.addWidget(add_ref)
        ev_lay.addWidget(remove)
        self.tabs = QTabWidget()
        self.tabs.addTab(ev_page, self.tr("Evidence"))
        self.tabs.addTab(self.appearances, self.tr("Appearances"))
        self.relations = QListWidget()
        self.relations.itemActivated.connect(self._open_related)
        self.relations.itemClicked.connect(self._open_related)
        self.tabs.addTab(self.relations, self.tr("Related"))
        self.tabs.addTab(self.history, self.tr("History"))

        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(form)
        lay.addWidget(self.tabs, 1)

        self.statement.sig_commit.connect(lambda v: self._emit("statement", v))
        self.rationale.sig_commit.connect(lambda v: self._emit("rationale", v))
        self._on_finished(self.claimant, lambda: self._emit("claimant", self.claimant.text()))
        self._on_finished(self.claim_date, lambda: self._emit("claim_date", self.claim_date.text().strip()))
        self._on_finished(
            self.tags, lambda: self._emit("tags", tuple(t.strip() for t in self.tags.text().split(",") if t.strip()))
        )
        self.status.activated.connect(lambda _i: self._emit("status", self.status.currentData()))
        self.verdict.activated.connect(lambda _i: self._emit("verdict", self.verdict.currentData()))
        self.appearances.itemActivated.connect(self._jump)
        self.appearances.itemClicked.connect(self._jump)
        self.evidence.itemActivated.connect(lambda item, _c: self._jump(item))
        self.evidence.itemClicked.connect(lambda item, _c: self._jump(item))
        self.setEnabled(False)

    def commit_pending(self) -> None:
        """Commit whatever the user typed and has not committed yet (before another claim or dossier is shown)."""
        for box in (self.statement, self.rationale):
            box.commit()
        for line in (self.claimant, self.claim_date, self.tags):
            if line.isModified():
                line.editingFinished.emit()

    @staticmethod
    def _on_finished(line: QLineEdit, commit: Any) -> None:
        """Commit a line when editing finishes; it then no longer counts as being typed in."""
        def finished() -> None:
            line.setModified(False)
            commit()

        line.editingFinished.connect(finished)

    def set_scale(self, scale: RatingScale, language: str = "en") -> None:
        """Fill the verdict list from the dossier's scale, with colours."""
        self.scale = scale
        self.language = language
        self.verdict.clear()
        self.verdict.addItem(self.tr("— no verdict —"), "")
        for i, v in enumerate(scale.verdicts, start=1):
            self.verdict.addItem(f"{i}. {v.label(language)}", v.key)
            self.verdict.setItemData(self.verdict.count() - 1, QBrush(QColor(v.color)),
                                     Qt.ItemDataRole.DecorationRole)
        if self.claim is not None:
            self.show_claim(self.claim, [])

    def _emit(self, field: str, value: Any) -> None:
        if self._loading or self.claim is None:
            return
        current = getattr(self.claim, field)
        if field == "claim_date":
            current = current.isoformat() if current else ""
        if field == "verdict":
            current = current or ""
        if value == current:
            return
        self.sig_edit.emit(self.claim.id, field, value)

    def show_claim(self, claim: ClaimInfo | None, history: list[HistoryEntry]) -> None:
        """Display a claim (None: empty, disabled)."""
        self._loading = True
        same_claim = claim is not None and self.claim is not None and self.claim.id == claim.id
        try:
            self.claim = claim
            self.setEnabled(claim is not None)
            if claim is None:
                self.heading.setText(self.tr("No claim selected"))
                for w in (self.statement, self.rationale):
                    w.setPlainText("")
                for w in (self.claimant, self.claim_date, self.tags):
                    w.setText("")
                self.appearances.clear()
                self.evidence.clear()
                self.history.clear()
                self.concluded.setText("")
                return
            self.heading.setText(self.tr("Claim #{0}").format(claim.id))
            # A refresh (an edit elsewhere, another person's change) never erases what the user is typing in this
            # claim: fields with uncommitted typing keep it; it is saved on the next pause or focus change.
            typing = same_claim
            for box, value in ((self.statement, claim.statement), (self.rationale, claim.rationale)):
                if not (typing and box.document().isModified()):
                    if box.toPlainText() != value:
                        box.setPlainText(value)
                    box.document().setModified(False)
            for line, text in ((self.claimant, claim.claimant),
                               (self.claim_date, claim.claim_date.isoformat() if claim.claim_date else ""),
                               (self.tags, ", ".join(claim.tags))):
                if not (typing and line.isModified()):
                    line.setText(text)
            self.status.setCurrentIndex(max(0, self.status.findData(claim.status)))
            self.verdict.setCurrentIndex(max(0, self.verdict.findData(claim.verdict or "")))
            self.concluded.setText(self.tr("Concluded by {0}").format(claim.concluded_by)
                                   if claim.status == Status.CONCLUDED and claim.concluded_by else "")
            self._fill_lists(claim, history)
            self._show_independence(claim)
        finally:
            self._loading = False

    def _show_independence(self, claim: ClaimInfo) -> None:
        """Warn when two sources the claim relies on are one: a copy of the other (from the comparison)."""
        used = {a.span.source_id for a in claim.appearances} | {e.span.source_id for e in claim.evidence if e.span}
        lines = [self.tr("⚠ {0} copies {1} characters of {2}: not independent sources").format(
                     self._source_label(b), chars, self._source_label(a))
                 for a, b, chars in self.reuse if a in used and b in used]
        self.independence.setText("\n".join(lines))
        self.independence.setVisible(bool(lines))

    def _source_label(self, source_id: int) -> str:
        s = self.sources.get(source_id)
        return f"{s.outlet or s.title}" if s else f"source {source_id}"

    def _fill_lists(self, claim: ClaimInfo, history: list[HistoryEntry]) -> None:
        self.appearances.clear()
        for app in claim.appearances:
            item = QListWidgetItem(f"{self._source_label(app.span.source_id)}: « {app.span.exact[:160]} »")
            item.setData(JUMP_ROLE, ("appearance", app.id, app.span.source_id, app.span.start, app.span.end))
            if app.span.state != "anchored":
                item.setText(item.text() + f"  [{app.span.state}]")
            self.appearances.addItem(item)
        self.evidence.clear()
        labels = {Stance.SUPPORTS: self.tr("Supports"), Stance.REFUTES: self.tr("Refutes"),
                  Stance.CONTEXT: self.tr("Context")}
        for stance in Stance:
            items = [e for e in claim.evidence if e.stance == stance]
            top = QTreeWidgetItem([f"{labels[stance]} ({len(items)})"])
            self.evidence.addTopLevelItem(top)
            for ev in items:
                if ev.span is not None:
                    child = QTreeWidgetItem([f"« {ev.span.exact[:160]} »", self._source_label(ev.span.source_id)])
                    child.setData(0, JUMP_ROLE, ("evidence", ev.id, ev.span.source_id, ev.span.start, ev.span.end))
                else:
                    date = ev.published.isoformat() if ev.published else ""
                    child = QTreeWidgetItem([ev.title or ev.url, " · ".join(x for x in (ev.publisher, date) if x)])
                    child.setToolTip(0, "\n".join(x for x in (ev.url, ev.archive_url, ev.quoted, ev.note) if x))
                    child.setData(0, JUMP_ROLE, ("evidence", ev.id, None, 0, 0))
                top.addChild(child)
            top.setExpanded(True)
        self.relations.clear()
        names = {"same-as": self.tr("same as"), "contradicts": self.tr("contradicts"), "supports": self.tr("supports")}
        for rel in claim.relations:
            other = rel.to_claim_id if rel.from_claim_id == claim.id else rel.from_claim_id
            arrow = "→" if rel.from_claim_id == claim.id else "←"
            item = QListWidgetItem(f"{arrow} {names.get(rel.kind, rel.kind)} #{other}")
            item.setData(JUMP_ROLE, ("relation", rel.id, other))
            self.relations.addItem(item)
        self.tabs.setTabText(2, self.tr("Related") + (f" ({len(claim.relations)})" if claim.relations else ""))
        self.history.clear()
        for h in reversed(history):
            self.history.addItem(_history_line(h))

    def _open_related(self, item: QListWidgetItem) -> None:
        data = item.data(JUMP_ROLE)
        if data:
            self.sig_open_claim.emit(int(data[2]))

    def _jump(self, item: QListWidgetItem | QTreeWidgetItem) -> None:
        data = item.data(JUMP_ROLE) if isinstance(item, QListWidgetItem) else item.data(0, JUMP_ROLE)
        if data and data[2] is not None:
            self.sig_jump.emit(data[2], data[3], data[4])

    def _remove_selected(self) -> None:
        item: Any = None
        if self.tabs.currentIndex() == 0:
            item = self.evidence.currentItem()
            data = item.data(0, JUMP_ROLE) if item else None
        elif self.tabs.currentIndex() == 2:
            item = self.relations.currentItem()
            data = item.data(JUMP_ROLE) if item else None
        else:
            item = self.appearances.currentItem()
            data = item.data(JUMP_ROLE) if item else None
        if data:
            self.sig_delete_item.emit(data[0], data[1])


def _history_line(h: HistoryEntry) -> str:
    when = h.at.strftime("%Y-%m-%d %H:%M") if isinstance(h.at, dt.datetime) else str(h.at)
    if h.field:
        return f"{when} · {h.user} · {h.entity} {h.action} {h.field}: {h.before!r} → {h.after!r}"
    return f"{when} · {h.user} · {h.entity} {h.action}"
