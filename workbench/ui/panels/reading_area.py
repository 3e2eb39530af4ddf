"""The reading area: source panes side by side, each with its source's title, outlet and date above it.

Panes can be added, removed and moved; each chooses its source; optional linked scrolling keeps them at the same
relative position. The window asks the area which pane and selection are current.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.values import SourceInfo
from workbench.ui.panels.source_view import SourceView


class SourcePane(QWidget):
    """One source: a header (source chooser, metadata, move/close buttons) over a SourceView."""

    sig_source_chosen = Signal(object, int)
    """(pane, source id) the user picked another source."""
    sig_close = Signal(object)
    """(pane) the user closed it."""
    sig_move = Signal(object, int)
    """(pane, -1 or +1) move left/right."""
    sig_focused = Signal(object)
    """(pane) got the focus: it is now the current pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source_id: int | None = None
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(2)  # several panes still fit a 1366 px screen
        self.chooser.setToolTip(self.tr("Source shown in this pane"))
        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.meta.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # follows a live theme switch
        # neither label may widen the pane (a long outlet · author line would push the window off the screen)
        self.meta.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        font = self.title.font()  # a font, not a style sheet: the label keeps following the palette
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.3)
        self.title.setFont(font)
        left = QToolButton(text="◀", toolTip=self.tr("Move pane left"))
        right = QToolButton(text="▶", toolTip=self.tr("Move pane right"))
        close = QToolButton(text="✕", toolTip=self.tr("Close pane"))
        left.clicked.connect(lambda: self.sig_move.emit(self, -1))
        right.clicked.connect(lambda: self.sig_move.emit(self, 1))
        close.clicked.connect(lambda: self.sig_close.emit(self))
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        for b in (left, right, close):
            b.setAutoRaise(True)
            top.addWidget(b)
        self.view = SourceView()
        self.view.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.title)
        lay.addWidget(self.meta)
        lay.addWidget(self.view, 1)
        self.chooser.activated.connect(self._chosen)

    def eventFilter(self, obj: object, event: object) -> bool:
        """Track focus to know the current pane."""
        from PySide6.QtCore import QEvent

        if obj is self.view and event.type() == QEvent.Type.FocusIn:  # type: ignore[attr-defined]
            self.sig_focused.emit(self)
        return False

    def set_sources(self, sources: list[SourceInfo]) -> None:
        """Fill the chooser (keeps the current choice)."""
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for s in sources:
            self.chooser.addItem(f"{s.id} · {s.title}", s.id)
        if self.source_id is not None:
            self.chooser.setCurrentIndex(self.chooser.findData(self.source_id))
        self.chooser.blockSignals(False)

    def _chosen(self, index: int) -> None:
        sid = self.chooser.itemData(index)
        if sid is not None and sid != self.source_id:
            self.sig_source_chosen.emit(self, int(sid))

    def show_loading(self, source_id: int, info: SourceInfo | None = None) -> None:
        """Say that a source's text is being read (then :meth:`show_source`); its header at once when known."""
        if info is not None:
            self._show_header(info)
        else:  # a source the window has not listed yet (just imported): its header comes with its text
            self.source_id = source_id
            self.title.setText("")
            self.meta.setText("")
        self.view.set_loading(self.tr("Reading “{0}”…").format(info.title if info is not None else f"#{source_id}"))

    def show_source(self, info: SourceInfo, text: str, marks: list[tuple[int, int, int, str, str, int]]) -> None:
        """Display a source with its highlights."""
        self._show_header(info)
        self.view.set_content(text, marks)

    def _show_header(self, info: SourceInfo) -> None:
        self.source_id = info.id
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(self.chooser.findData(info.id))
        self.chooser.blockSignals(False)
        self.title.setText(info.title)
        published = info.published.isoformat() if info.published else ""
        parts = [info.outlet, info.cited_author, published, info.kind.upper()]
        self.meta.setText(" · ".join(p for p in parts if p))
        self.meta.setToolTip("\n".join(x for x in (self.meta.text(), info.reliability_note) if x))


class ReadingArea(QSplitter):
    """Source panes side by side."""

    sig_layout_changed = Signal()
    """Panes were added, removed, moved or changed source (the window remembers the layout)."""
    sig_current_changed = Signal(object)
    """The current pane changed."""

    def __init__(self, loader: Callable[[SourcePane, int], None], parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self._loader = loader
        self._sources: list[SourceInfo] = []
        self.current: SourcePane | None = None
        self.linked_scrolling = False
        self._syncing = False
        self.counterparts: Callable[[int, int], dict[int, int]] | None = None
        """(source id, offset) -> {other source id: offset of the aligned passage}; set after a comparison."""

    def panes(self) -> list[SourcePane]:
        """Panes from left to right."""
        return [self.widget(i) for i in range(self.count()) if isinstance(self.widget(i), SourcePane)]

    def set_sources(self, sources: list[SourceInfo]) -> None:
        """The dossier's sources changed: refresh every chooser."""
        self._sources = sources
        for pane in self.panes():
            pane.set_sources(sources)

    def add_pane(self, source_id: int | None = None) -> SourcePane:
        """Open a new pane on the right (on ``source_id``, or the first source not shown yet)."""
        pane = SourcePane()
        pane.set_sources(self._sources)
        pane.sig_source_chosen.connect(self._on_chosen)
        pane.sig_close.connect(self.remove_pane)
        pane.sig_move.connect(self.move_pane)
        pane.sig_focused.connect(self._set_current)
        pane.view.verticalScrollBar().valueChanged.connect(lambda _v, p=pane: self._scrolled(p))
        self.addWidget(pane)
        if source_id is None:
            shown = {p.source_id for p in self.panes()}
            source_id = next((s.id for s in self._sources if s.id not in shown), None)
            if source_id is None and self._sources:
                source_id = self._sources[0].id
        if source_id is not None:
            self._loader(pane, source_id)
        self._set_current(pane)
        self._even_sizes()
        self.sig_layout_changed.emit()
        return pane

    def _even_sizes(self) -> None:
        n = self.count()
        if n:
            self.setSizes([max(1, self.width() // n)] * n)

    def remove_pane(self, pane: SourcePane) -> None:
        """Close a pane."""
        pane.hide()
        pane.setParent(None)
        pane.deleteLater()
        if self.current is pane:
            self.current = self.panes()[0] if self.panes() else None
        self._even_sizes()
        self.sig_layout_changed.emit()

    def move_pane(self, pane: SourcePane, step: int) -> None:
        """Move a pane left (-1) or right (+1)."""
        i = self.indexOf(pane)
        j = max(0, min(self.count() - 1, i + step))
        if i != j:
            self.insertWidget(j, pane)
            self.sig_layout_changed.emit()

    def _on_chosen(self, pane: SourcePane, source_id: int) -> None:
        self._loader(pane, source_id)
        self.sig_layout_changed.emit()

    def set_current(self, pane: SourcePane) -> None:
        """Make ``pane`` the current one (the one actions apply to)."""
        self._set_current(pane)

    def _set_current(self, pane: SourcePane) -> None:
        if self.current is not pane:
            self.current = pane
            self.sig_current_changed.emit(pane)

    def pane_for(self, source_id: int) -> SourcePane | None:
        """The first pane showing ``source_id``."""
        return next((p for p in self.panes() if p.source_id == source_id), None)

    def source_ids(self) -> list[int]:
        """Sources shown, left to right (the remembered layout)."""
        return [p.source_id for p in self.panes() if p.source_id is not None]

    def _scrolled(self, pane: SourcePane) -> None:
        if not self.linked_scrolling or self._syncing:
            return
        # Deferred: changing other scrollbars from inside valueChanged re-enters Qt's layout.
        QTimer.singleShot(0, lambda: self._sync_from(pane))

    def _sync_from(self, pane: SourcePane) -> None:
        """Scroll the other panes along with ``pane``.

        Each goes to the counterpart of the passage at the top of ``pane`` when the comparison knows one, otherwise
        to the same relative position.
        """
        bar = pane.view.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        targets: dict[int, int] = {}
        if self.counterparts is not None and pane.source_id is not None:
            targets = self.counterparts(pane.source_id, pane.view.first_visible_cp())
        self._syncing = True
        try:
            for other in self.panes():
                if other is pane:
                    continue
                if other.source_id in targets:
                    other.view.scroll_to_cp(targets[other.source_id])
                else:
                    ob = other.view.verticalScrollBar()
                    ob.setValue(round(ratio * ob.maximum()))
        finally:
            self._syncing = False
