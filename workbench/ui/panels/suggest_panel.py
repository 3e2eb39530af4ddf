"""The "Suggest claims" panel: each source's sentences most worth checking, one key to turn one into a claim.

The triage runs in the background (:mod:`workbench.services.triage`); the panel lists the top sentences per
source with their score and reasons. Selecting one shows it in a pane; Enter (or "Make claim") creates a claim on
it, undoable like every other edit. Nothing is stored until the user asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from workbench.core.compare.triage import TriageItem
    from workbench.ui.panels.compare_panel import CompareDeps

REASON_LABELS = {
    "number": QT_TRANSLATE_NOOP("SuggestPanel", "figure"),
    "date": QT_TRANSLATE_NOOP("SuggestPanel", "date"),
    "comparison": QT_TRANSLATE_NOOP("SuggestPanel", "comparison or ranking"),
    "named entity": QT_TRANSLATE_NOOP("SuggestPanel", "named person or body"),
    "attributed quote": QT_TRANSLATE_NOOP("SuggestPanel", "attributed quote"),
    "reported speech": QT_TRANSLATE_NOOP("SuggestPanel", "reported speech"),
    "causal claim": QT_TRANSLATE_NOOP("SuggestPanel", "causal claim"),
    "opinion": QT_TRANSLATE_NOOP("SuggestPanel", "opinion"),
    "speculation": QT_TRANSLATE_NOOP("SuggestPanel", "speculation"),
    "prediction": QT_TRANSLATE_NOOP("SuggestPanel", "prediction"),
    "question": QT_TRANSLATE_NOOP("SuggestPanel", "question"),
    "no verb": QT_TRANSLATE_NOOP("SuggestPanel", "headline without a verb"),
    "short": QT_TRANSLATE_NOOP("SuggestPanel", "too short"),
}
"""Readable reasons, marked for the catalog (``make translations``) and translated in the "SuggestPanel" context."""
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def reason_text(reasons: tuple[str, ...] | list[str]) -> str:
    """The reasons of a suggestion in the user's language."""
    return ", ".join(QCoreApplication.translate("SuggestPanel", REASON_LABELS.get(r, r)) for r in reasons)


class SuggestPanel(QWidget):
    """Lists the top check-worthy sentences per source."""

    sig_done = Signal()
    """The suggestions are shown."""

    def __init__(self, deps: CompareDeps, run_op: Any, select_claim: Any, top: int = 10) -> None:
        """``deps``: what it shares with the Compare panel; ``run_op``: the window's undoable operations.

        ``select_claim(id)`` opens a claim.
        """
        super().__init__()
        self.deps = deps
        self.run_op = run_op
        self.select_claim = select_claim
        self.top = top
        self.items: list[TriageItem] = []
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Sentence"), self.tr("Score")])
        self.tree.setColumnWidth(0, 420)
        self.tree.setWordWrap(True)
        self.summary = QLabel(self.tr("Find the sentences of each source most worth checking."))
        self.summary.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Suggest claims"))
        self.claim_button = QPushButton(self.tr("Make claim"))
        self.claim_button.setToolTip(self.tr("Turn the selected sentence into a claim (Enter)"))
        self.claim_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.claim_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.tree, 1)
        self.run_button.clicked.connect(self.run)
        self.claim_button.clicked.connect(self.claim_from_current)
        self.tree.currentItemChanged.connect(self._show)
        self.tree.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Enter on the list makes a claim of the selected sentence."""
        if (
            obj is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.claim_from_current()
            return True
        return super().eventFilter(obj, event)

    def run(self) -> None:
        """Score every sentence in the background."""
        from workbench.services import triage

        store, dossier_id, top = self.deps.store, self.deps.dossier_id(), self.top
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the sources…"))

        def work(progress: Any, cancelled: Any) -> list[TriageItem]:
            progress(0, 1, "")
            return triage.run(store, dossier_id, top=top)

        self.deps.runner.start(self.tr("Suggest claims"), work, self.show_items, self._failed)

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(message)
        self.deps.show_error(message)

    def show_items(self, items: list[TriageItem]) -> None:
        """Fill the list: one branch per source, its sentences best first."""
        self.run_button.setEnabled(True)
        self.items = list(items)
        self.tree.clear()
        # numbered as in the panes' choosers: two sources of one outlet (or one outlet spelt twice) stay apart
        titles = {sid: f"{sid} · {s.outlet or s.title}" for sid, s in self.deps.sources().items()}
        branches: dict[int, QTreeWidgetItem] = {}
        for it in self.items:
            branch = branches.get(it.source_id)
            if branch is None:
                branch = QTreeWidgetItem([titles.get(it.source_id) or self.tr("Source {0}").format(it.source_id)])
                branches[it.source_id] = branch
                self.tree.addTopLevelItem(branch)
            score = QLocale().toString(it.score, "f", 2)  # 0,67 in French
            leaf = QTreeWidgetItem([" ".join(it.exact.split())[:200], score])
            leaf.setToolTip(0, reason_text(it.reasons))
            leaf.setData(0, ITEM_ROLE, it)
            branch.addChild(leaf)
        self.tree.expandAll()
        self.summary.setText(self.tr("{0} sentences suggested in {1} sources.").format(len(self.items), len(branches)))
        self.sig_done.emit()

    def current_item(self) -> TriageItem | None:
        """The selected suggestion."""
        node = self.tree.currentItem()
        return node.data(0, ITEM_ROLE) if node is not None else None

    def _show(self, *_args: Any) -> None:
        it = self.current_item()
        self.claim_button.setEnabled(it is not None)
        if it is not None:
            self.deps.show_spans([it.to_json()])

    def claim_from_current(self) -> int | None:
        """Turn the selected sentence into a claim (undoable)."""
        from workbench.services.operations import CreateClaim

        it = self.current_item()
        if it is None:
            return None
        claim = self.run_op(self.tr("Claim from suggestion"), CreateClaim(((it.source_id, it.start, it.end),)),
                                   on_done=lambda c: self.select_claim(c.id))
        return claim.id if claim is not None else None
