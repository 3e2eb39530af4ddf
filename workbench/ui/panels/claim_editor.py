"""The claim editor: statement, claimant, date, status, verdict, rationale, tags, appearances, evidence, history.

Every text field is saved as you type (after a pause of :data:`IDLE_MS`) and when it is finished (focus leaves it,
Enter, or a choice in a list): the editor emits ``sig_edit(claim_id, field, value)`` and the window turns it into an
undoable service call; the pauses of one visit to a field undo as one step. It never writes itself. Tab and
Shift+Tab move between fields; Ctrl+Z in a field with nothing left to undo reaches the window's undo.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
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
IDLE_MS = 1200
"""A pause in typing this long saves the field (a crash two seconds after typing loses nothing)."""


class _AppUndoPassThrough(QObject):
    """Ctrl+Z / Ctrl+Shift+Z in a field with nothing of its own to undo go to the window's undo stack.

    A text field claims those keys (ShortcutOverride) even when its own history is empty; letting the override go
    unaccepted hands the key press to the window's Undo/Redo actions.
    """

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Decline the override when the field has nothing to undo (or redo)."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) and not _field_can(obj, "undo"):
                event.ignore()
                return True
            if event.matches(QKeySequence.StandardKey.Redo) and not _field_can(obj, "redo"):
                event.ignore()
                return True
        return False


def _field_can(obj: QObject, step: str) -> bool:
    if isinstance(obj, QLineEdit):
        return obj.isUndoAvailable() if step == "undo" else obj.isRedoAvailable()
    if isinstance(obj, QPlainTextEdit):
        doc = obj.document()
        return doc.isUndoAvailable() if step == "undo" else doc.isRedoAvailable()
    return True


class _CommitLine(QLineEdit):
    """One-line field saved after a pause in typing and when editing finishes."""

    sig_commit = Signal(str)

    def __init__(self, placeholder: str = "", ready: Any = None) -> None:
        super().__init__(placeholderText=placeholder)
        self._ready = ready  # text -> bool: whether a pause may save it (a half-typed date may not)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(lambda: self.commit(finished=False))
        self.textEdited.connect(lambda _t: self._idle.start())
        self.editingFinished.connect(lambda: self.commit(finished=True))

    def commit(self, finished: bool = True) -> None:
        """Emit the text: on a pause only if typed since the last commit, when finished always.

        The editor drops a value equal to the claim's, so a finished field that did not change writes nothing.
        """
        self._idle.stop()
        if not finished and (not self.isModified() or (self._ready is not None and not self._ready(self.text()))):
            return
        self.setModified(False)
        self.sig_commit.emit(self.text())


class _TagCompleter(QCompleter):
    """Completes the tag being typed (after the last comma) from the dossier's tags."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setModel(QStringListModel(self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_tags(self, tags: list[str]) -> None:
        """The tags to offer."""
        model = self.model()
        if isinstance(model, QStringListModel):
            model.setStringList(sorted(set(tags), key=str.casefold))

    def splitPath(self, path: str) -> list[str]:
        """Complete only the last tag of the line."""
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: Any) -> str:
        """The line with its last tag replaced by the chosen one."""
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = [t.strip() for t in text.split(",")[:-1] if t.strip()]
        return ", ".join([*head, str(index.data())]) + ", "


class _CommitText(QPlainTextEdit):
    """Multi-line field that commits when it loses focus, and after a pause in typing (so a crash loses nothing)."""

    sig_commit = Signal(str)
    IDLE_MS = IDLE_MS

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)  # Tab moves to the next field; a tab character is never what is meant
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
    sig_history_wanted = Signal(int)
    """(claim id) the History tab shows a claim whose history is not loaded: answer with :meth:`set_history`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claim: ClaimInfo | None = None
        self.scale: RatingScale | None = None
        self.sources: dict[int, SourceInfo] = {}
        self.language = "en"
        self._loading = False
        self._sent: dict[str, Any] = {}  # field -> value sent and not yet shown back from the database
        self._history_of: int | None = None  # the claim whose history the History tab holds (None: stale)
        self.number_of: Any = lambda claim_id: claim_id  # the window shows per-dossier numbers
        self._lists_of: tuple[Any, ...] | None = None  # what the lists below the fields show (see _lists_key)

        self.heading = QLabel(self.tr("No claim selected"))
        bold = self.heading.font()
        bold.setBold(True)
        self.heading.setFont(bold)
        self.statement = _CommitText()
        self.statement.setPlaceholderText(self.tr("The checkable statement, in your words"))
        self.statement.setMaximumHeight(3 * self.fontMetrics().lineSpacing() + 12)
        self.claimant = _CommitLine(self.tr("Who made the claim"))
        self.claim_date = _CommitLine(self.tr("YYYY-MM-DD"), ready=_complete_date)
        self.status = QComboBox()
        for s in Status:
            self.status.addItem(status_label(s.value), s.value)
        self.verdict = QComboBox()
        self.rationale = _CommitText()
        self.rationale.setPlaceholderText(self.tr("Why this verdict: what the evidence shows"))
        self.rationale.setMaximumHeight(4 * self.fontMetrics().lineSpacing() + 12)
        self.tags = _CommitLine(self.tr("tags, comma separated"))
        self.tag_completer = _TagCompleter(self.tags)
        self.tags.setCompleter(self.tag_completer)
        self.session = 0  # bumped when the user leaves a field: the next typing is a new undo step
        self._pass_through = _AppUndoPassThrough(self)
        for w in (self.statement, self.rationale, self.claimant, self.claim_date, self.tags):
            w.installEventFilter(self._pass_through)
            w.installEventFilter(self)
        self.concluded = QLabel()
        self.concluded.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.independence = QLabel()
        self.independence.setWordWrap(True)
        self.independence.setForegroundRole(QPalette.ColorRole.Link)  # readable in both themes
        self.independence.hide()
        self.reuse: list[tuple[int, int, int]] = []  # (original source, copying source, characters) from Compare

        form = QFormLayout()
        form.addRow(self.tr("Statement"), self.statement)
        who = QHBoxLayout()  # two short fields on one row: the evidence list gets the height
        who.addWidget(self.claimant, 2)
        date_label = QLabel(self.tr("Date"))
        date_label.setBuddy(self.claim_date)
        who.addWidget(date_label)
        who.addWidget(self.claim_date, 1)
        form.addRow(self.tr("Claimant"), who)
        rating = QHBoxLayout()
        rating.addWidget(self.status, 1)
        verdict_label = QLabel(self.tr("Verdict"))
        verdict_label.setBuddy(self.verdict)
        rating.addWidget(verdict_label)
        rating.addWidget(self.verdict, 2)
        form.addRow(self.tr("Status"), rating)
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
        self.tabs.currentChanged.connect(lambda _i: self._want_history())

        fields = QWidget()
        fields_lay = QVBoxLayout(fields)
        fields_lay.setContentsMargins(0, 0, 0, 0)
        fields_lay.addWidget(self.heading)
        fields_lay.addLayout(form)
        self.splitter = QSplitter(Qt.Orientation.Vertical)  # the user can give the evidence list more room
        self.splitter.addWidget(fields)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.splitter)
        QWidget.setTabOrder(self.statement, self.claimant)
        QWidget.setTabOrder(self.claimant, self.claim_date)
        QWidget.setTabOrder(self.claim_date, self.status)
        QWidget.setTabOrder(self.status, self.verdict)
        QWidget.setTabOrder(self.verdict, self.rationale)
        QWidget.setTabOrder(self.rationale, self.tags)

        self.statement.sig_commit.connect(lambda v: self._emit("statement", v))
        self.rationale.sig_commit.connect(lambda v: self._emit("rationale", v))
        self.claimant.sig_commit.connect(lambda v: self._emit("claimant", v))
        self.claim_date.sig_commit.connect(lambda v: self._emit("claim_date", v.strip()))
        self.tags.sig_commit.connect(
            lambda v: self._emit("tags", tuple(dict.fromkeys(t.strip() for t in v.split(",") if t.strip()))))
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
            line.commit(finished=True)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Leaving a field ends its undo step: typing there again later is a new step."""
        if event.type() == QEvent.Type.FocusOut:
            self.session += 1
        return False

    def set_tags(self, tags: list[str]) -> None:
        """The dossier's tags, offered while typing in Tags."""
        self.tag_completer.set_tags(tags)

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
            self.show_claim(self.claim)

    def _emit(self, field: str, value: Any) -> None:
        if self._loading or self.claim is None:
            return
        current = getattr(self.claim, field)
        if field == "claim_date":
            current = current.isoformat() if current else ""
        if field == "verdict":
            current = current or ""
        if field == "tags":
            current = tuple(current)
        # An edit is saved on the database worker and shown back a moment later: until then the last value sent is
        # the current one, so changing a field and quickly back is two edits, not one dropped as "no change".
        current = self._sent.get(field, current)
        if value == current:
            return
        self._sent[field] = value
        self.sig_edit.emit(self.claim.id, field, value)

    def show_claim(self, claim: ClaimInfo | None, history: list[HistoryEntry] | None = None) -> None:
        """Display a claim (None: empty, disabled).

        Without ``history`` the History tab is loaded lazily: when it is (or becomes) the current tab the editor
        emits :attr:`sig_history_wanted`; until the answer comes it keeps this claim's previous lines, if any.
        """
        self._loading = True
        self._sent.clear()  # what the database holds now is shown
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
                self._history_of = None
                self._lists_of = None
                self.concluded.setText("")
                return
            self.heading.setText(self.tr("Claim #{0}").format(self.number_of(claim.id)))
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
                if not (typing and line.isModified()) and line.text() != text:
                    line.setText(text)
            self.status.setCurrentIndex(max(0, self.status.findData(claim.status)))
            self.verdict.setCurrentIndex(max(0, self.verdict.findData(claim.verdict or "")))
            self.concluded.setText(self.tr("Concluded by {0}").format(claim.concluded_by)
                                   if claim.status == Status.CONCLUDED and claim.concluded_by else "")
            # A field edit (a verdict, a status) leaves the appearances, evidence and relations as they were: their
            # lists are not rebuilt, so the tabs below are not laid out and repainted again.
            lists = self._lists_key(claim)
            if lists != self._lists_of:
                self._fill_lists(claim)
                self._show_independence(claim)
                self._lists_of = lists
        finally:
            self._loading = False
        if history is not None:
            self.set_history(claim.id, history)
        else:
            if not same_claim:
                self.history.clear()  # another claim's lines are never shown under this one
            self._history_of = None
            self._want_history()

    def history_visible(self) -> bool:
        """Whether the History tab is the one shown."""
        return self.tabs.currentWidget() is self.history

    def _want_history(self) -> None:
        if self.claim is not None and self._history_of != self.claim.id and self.history_visible():
            self.sig_history_wanted.emit(self.claim.id)

    def set_history(self, claim_id: int, history: list[HistoryEntry]) -> None:
        """Fill the History tab (ignored if another claim is shown by now), newest first."""
        if self.claim is None or self.claim.id != claim_id:
            return
        self._history_of = claim_id
        self.history.clear()
        for h in reversed(history):
            self.history.addItem(_history_line(h))

    def set_reuse(self, reuse: list[tuple[int, int, int]]) -> None:
        """Text reuse found by Compare (original, copying source, characters); the shown claim is warned again."""
        self.reuse = reuse
        if self.claim is not None:
            self._show_independence(self.claim)

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
        return f"{s.outlet or s.title}" if s else self.tr("source {0}").format(source_id)

    def _lists_key(self, claim: ClaimInfo) -> tuple[Any, ...]:
        """Everything the Evidence, Appearances and Related tabs and the independence warning show of ``claim``."""
        used = sorted({a.span.source_id for a in claim.appearances}
                      | {e.span.source_id for e in claim.evidence if e.span})
        others = [r.to_claim_id if r.from_claim_id == claim.id else r.from_claim_id for r in claim.relations]
        return (claim.id, claim.appearances, claim.evidence, claim.relations, self.language,
                tuple((sid, self._source_label(sid)) for sid in used), tuple(self.number_of(o) for o in others))

    def _fill_lists(self, claim: ClaimInfo) -> None:
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
            item = QListWidgetItem(f"{arrow} {names.get(rel.kind, rel.kind)} #{self.number_of(other)}")
            item.setData(JUMP_ROLE, ("relation", rel.id, other))
            self.relations.addItem(item)
        self.tabs.setTabText(2, self.tr("Related") + (f" ({len(claim.relations)})" if claim.relations else ""))

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


def _complete_date(text: str) -> bool:
    """Whether a half-typed date may be saved on a pause: empty or a whole ``YYYY-MM-DD``."""
    text = text.strip()
    if not text:
        return True
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


HISTORY_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("History", "created"),
    "update": QT_TRANSLATE_NOOP("History", "changed"),
    "delete": QT_TRANSLATE_NOOP("History", "deleted"),
    "restore": QT_TRANSLATE_NOOP("History", "restored"),
}
"""History verbs as the History tab shows them ("claimant changed", "evidence deleted")."""


def _history_line(h: HistoryEntry) -> str:
    from workbench.ui.i18n import field_label

    when = h.at.strftime("%Y-%m-%d %H:%M") if isinstance(h.at, dt.datetime) else str(h.at)
    action = QCoreApplication.translate("History", HISTORY_ACTIONS.get(h.action, h.action))
    if h.field:
        return f"{when} · {h.user} · {field_label(h.field)} — {action}: {h.before!r} → {h.after!r}"
    return f"{when} · {h.user} · {field_label(h.entity)} — {action}"
