"""The main window: docks and menus around the reading area. Thin: it wires widgets to services.

Every edit is an operation (:mod:`workbench.services.operations`) run by :class:`~workbench.ui.undo.UndoController`
on the one database worker thread (:class:`~workbench.ui.undo.OperationRunner`); what it changed comes back on the
change bus (``ops.sig_changed``) and :meth:`MainWindow.apply_changes` refreshes only that. Every long job goes through
the task runner (progress + cancel in the status bar).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import ConflictError, WorkbenchError
from workbench.core.values import Changes, ClaimInfo, DossierInfo, HistoryEntry, SourceInfo
from workbench.services import claims as claims_svc
from workbench.services import operations as ops
from workbench.services import sources as sources_svc
from workbench.services.store import Store
from workbench.ui.i18n import field_label
from workbench.ui.models.claims_model import CLAIM_ROLE, ClaimsFilter, ClaimsModel, status_label
from workbench.ui.models.simple_models import ID_ROLE, SearchModel, SourcesModel
from workbench.ui.panels.claim_editor import ClaimEditor
from workbench.ui.panels.reading_area import ReadingArea, SourcePane
from workbench.ui.panels.source_view import UNRATED
from workbench.ui.tasks import SyncRunner, Task, TaskRunner
from workbench.ui.undo import InlineRunner, OperationRunner, ThreadedRunner, UndoController, error_line
from workbench.ui.window_compare import CompareController
from workbench.ui.window_import import ImportController, TaskProgress, WorkerBridge
from workbench.ui.window_reads import DossierView, Spans, read_claim, read_view
from workbench.ui.window_revisions import RevisionsController
from workbench.ui.window_team import TeamSyncController, ask_conflict

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Sources dock, reading area, claims dock, claim editor, search.

    Wiring: the window builds the widgets and hands each controller what it uses (see ``docs/ARCHITECTURE.md``):
    :class:`CompareController` (``compare``), :class:`TeamSyncController` (``team``), :class:`ImportController`
    (``imports``), :class:`RevisionsController` (``revisions``), :class:`TaskProgress` (``progress_view``).
    """

    sig_claim_selected = Signal(int)
    """The current claim changed (id, or 0 for none)."""
    sig_dossier_changed = Signal(int)
    """Another dossier was opened (its id)."""

    def __init__(self, store: Store, dossier: DossierInfo, runner: TaskRunner | None = None,
                 language: str = "en", fresh_layout: bool = False, ops: OperationRunner | None = None) -> None:
        super().__init__()
        self.store = store
        self.dossier = dossier
        self.runner = runner or TaskRunner(self)
        self.language = language
        if ops is None:  # tests that run tasks inline run operations inline too
            ops = InlineRunner(store, self) if isinstance(self.runner, SyncRunner) else ThreadedRunner(store, self)
        self.ops = ops
        self.undo = UndoController(ops, self.resolve_conflict, self)
        self.undo.sig_error.connect(self.show_error)
        self.undo.sig_status.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.sources: dict[int, SourceInfo] = {}
        self.current_claim_id: int | None = None
        self.fresh_layout = fresh_layout  # True: ignore and do not save the remembered dock layout (screenshots)
        self.quiet_errors = False  # True (tests, scripts): errors go to the status bar only, no dialog
        self.conflict_answer = False  # with quiet_errors: re-apply (True) or keep theirs (False) on a conflict
        self.conflicts_seen: list[ConflictError] = []  # every conflict the user was asked about
        self._sized = False
        self._preloaded: dict[int, tuple[str, Spans]] = {}  # texts read on the worker for the panes being opened
        self._tags: list[str] = []
        self._selecting: int | None = None  # the claim whose rows are being read on the worker
        self.layout_restored = False  # the last session's geometry and docks were restored (no default sizes)
        self.rebuilding = False  # a language switch is rebuilding this window
        self.replacement: MainWindow | None = None  # the window that took over after a language switch
        self.setAcceptDrops(True)
        self.setObjectName("MainWindow")

        self.reading = ReadingArea(self._load_pane)
        from PySide6.QtWidgets import QStackedWidget

        from workbench.ui import window_help

        self.centre = QStackedWidget()  # the reading area, or what to do while the dossier has no source
        self.centre.addWidget(self.reading)
        self.setCentralWidget(self.centre)
        self.name_known = True  # False (set by the app): ask the person's name before their first edit
        self.undo.before_edit = lambda: window_help.ask_name_once(self)
        self.sources_model = SourcesModel()
        self.claims_model = ClaimsModel(dossier.scale, language)
        self.claims_filter = ClaimsFilter()
        self.claims_filter.setSourceModel(self.claims_model)
        self.editor = ClaimEditor()
        self.editor.number_of = self.claims_model.number
        self.editor.set_scale(dossier.scale, language)
        self.search_model = SearchModel()
        self._build_docks()
        self._build_controllers()
        from workbench.ui.actions import build_actions

        self.actions_by_name: dict[str, QAction] = build_actions(self)
        self.empty_page = window_help.EmptyDossier(self)
        self.centre.addWidget(self.empty_page)
        self._build_status()
        self._connect()
        # start-up: read before the window shows (later reads all go through the worker)
        self._show_view(read_view(store, dossier.id, restore=True, layout=self._saved_panes(dossier.id)))
        self._restore_window()
        self.team.start()

    # --- construction ---------------------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.sources_view = QTableView()
        self.sources_view.setModel(self.sources_model)
        self.sources_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.sources_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        sheader = self.sources_view.horizontalHeader()
        sheader.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title gets what the others leave
        fm = self.fontMetrics()
        for col in (1, 2, 3, 4):  # widths from the labels (_size_source_columns), not ResizeToContents: every row
            sheader.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)  # measured, 0.1 s+ per 200
        sheader.resizeSection(1, fm.horizontalAdvance("M" * 7))
        sheader.setSectionHidden(3, True)  # the kind (pdf, html) is in the pane's header and the tooltip
        from workbench.ui.delegates import ColumnFitter, WrappingRow

        self.sources_fitter = ColumnFitter(self.sources_view, 0, (2, 4))
        self.sources_view.verticalHeader().hide()
        self.sources_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # both ends of a title say the most
        self.sources_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sources_view.setMinimumWidth(220)
        self.sources_dock = self._dock(self.tr("Sources"), "SourcesDock", self.sources_view,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)

        claims_box = QWidget()
        self.filter_text = QLineEdit(placeholderText=self.tr("Filter claims…"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_verdict = QComboBox()
        self.filter_status = QComboBox()
        self.filter_source = QComboBox()
        self.filter_tag = QComboBox()
        self.filter_row = WrappingRow([self.filter_verdict, self.filter_status, self.filter_source, self.filter_tag])
        self.claims_view = QTableView()
        self.claims_view.setModel(self.claims_filter)
        self.claims_view.setSortingEnabled(True)
        self.claims_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.claims_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.claims_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.claims_view.verticalHeader().hide()
        self.claims_view.setWordWrap(True)  # statements on two lines
        self.claims_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.claims_view.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        header = self.claims_view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4, 5, 6):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("#99") + 12)
        self.claims_fitter = ColumnFitter(self.claims_view, 1, (6, 5, 4, 3))  # the statement stays readable
        lay = QVBoxLayout(claims_box)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.filter_text)
        lay.addWidget(self.filter_row)
        lay.addWidget(self.claims_view)
        claims_box.setMinimumWidth(340)
        self.claims_dock = self._dock(self.tr("Claims"), "ClaimsDock", claims_box,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.editor_dock = self._dock(self.tr("Claim"), "EditorDock", self.editor,
                                      Qt.DockWidgetArea.RightDockWidgetArea)

        search_box = QWidget()
        self.search_field = QLineEdit(placeholderText=self.tr("Search all sources (accents ignored)…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_view = QTableView()
        self.search_view.setModel(self.search_model)
        self.search_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.search_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.search_view.horizontalHeader().resizeSection(0, self.fontMetrics().horizontalAdvance("M" * 9))
        self.search_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        from workbench.ui.delegates import HitDelegate

        self.search_view.setItemDelegateForColumn(1, HitDelegate(self.search_view))
        self.search_view.verticalHeader().hide()
        self.search_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        from PySide6.QtWidgets import QCheckBox

        self.search_spellings = QCheckBox(self.tr("Names across spellings"))
        self.search_spellings.setToolTip(self.tr("A name also finds its other transliterations: Ushakov finds "
                                                 "Ouchakov and Uschakow"))
        self.search_spellings.setChecked(str(QSettings().value("search/spellings", "true")).lower() == "true")
        self.search_spellings.toggled.connect(lambda on: QSettings().setValue("search/spellings", "true" if on
                                                                                else "false"))
        slay = QVBoxLayout(search_box)
        slay.setContentsMargins(2, 2, 2, 2)
        slay.addWidget(self.search_field)
        slay.addWidget(self.search_spellings)
        slay.addWidget(self.search_view)
        self.search_dock = self._dock(self.tr("Search"), "SearchDock", search_box,
                                      Qt.DockWidgetArea.LeftDockWidgetArea)
        from workbench.ui.panels.compare_panel import CompareDeps, ComparePanel

        self.compare = CompareController(
            host=self, centre=self.centre, sources_dock=self.sources_dock, reading=self.reading, editor=self.editor,
            sources_model=self.sources_model, result=lambda: self.compare_panel.result, load_pane=self._load_pane,
            select_claim=self.select_claim, run_op=self.run_op, status=self._status, parent=self)
        deps = CompareDeps(self.store, self.runner, lambda: self.dossier.id, lambda: self.sources, self.language,
                           self.compare.show_spans_side_by_side, self.compare.claim_from_pair, self.show_error)
        self.compare_panel = ComparePanel(deps)
        self.compare_dock = self._dock(self.tr("Compare"), "CompareDock", self.compare_panel,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.search_dock, self.compare_dock)
        self.compare_panel.sig_result.connect(self.compare.comparison_done)
        from workbench.ui.panels.suggest_panel import SuggestPanel

        self.suggest_panel = SuggestPanel(deps, self.run_op, self.select_claim)
        self.suggest_dock = self._dock(self.tr("Suggest claims", "dock tab, short"), "SuggestDock", self.suggest_panel,
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.tabifyDockWidget(self.compare_dock, self.suggest_dock)
        self.sources_view.setWordWrap(False)
        self.sources_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def _build_controllers(self) -> None:
        """The controllers, each given what it uses (no controller reaches into the window or another one)."""
        ops = self.ops
        self.team = TeamSyncController(
            ops_runner=ops, undo=self.undo, dossier=lambda: self.dossier, set_dossier=self._set_dossier,
            leave=self._leave_dossier, prepare=self._prepare_view, show=self._show_dossier, status=self._status,
            show_error=self.show_error, parent=self)
        self.undo.on_unreachable = self.team.keep_offline
        self.bridge = WorkerBridge(ops, self)
        self.imports = ImportController(
            tasks=self.runner, bridge=self.bridge, undo=self.undo, dossier_id=lambda: self.dossier.id, host=self,
            open_pane=self._open_pane, pane_count=lambda: len(self.reading.panes()),
            has_pane=lambda sid: self.reading.pane_for(sid) is not None, refresh_all=self.refresh_all,
            switch_dossier=self.team.switch_dossier, status=self._status, show_error=self.show_error, parent=self)
        self.revisions = RevisionsController(
            tasks=self.runner, bridge=self.bridge, ops_runner=ops, host=self, sources_view=self.sources_view,
            sources_model=self.sources_model, current_source=self._current_source, refresh_all=self.refresh_all,
            refresh_claims=self.refresh_claims, status=self._status, show_error=self.show_error, parent=self)

    def _build_status(self) -> None:
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self.progress_view = TaskProgress(progress=self.progress, cancel_button=self.cancel_button,
                                          status=self._status, parent=self)
        self.runner.sig_task_started.connect(self.progress_view.track)

    def _connect(self) -> None:
        self.ops.sig_changed.connect(self.apply_changes)
        self.claims_view.selectionModel().currentRowChanged.connect(self._claim_row_changed)
        self.sources_view.doubleClicked.connect(self._open_source_from_list)
        self.sources_view.customContextMenuRequested.connect(self._sources_menu)
        self.editor.sig_edit.connect(self.edit_claim_field)
        self.editor.sig_history_wanted.connect(self._load_history)
        self.editor.sig_jump.connect(lambda sid, s, e: self.show_span(sid, s, e))
        self.editor.sig_add_reference.connect(lambda _cid: self.actions_by_name["cite_external"].trigger())
        self.editor.sig_delete_item.connect(self.delete_item)
        self.editor.sig_open_claim.connect(self.select_claim)
        self.filter_text.textChanged.connect(lambda t: self.claims_filter.set_filter(text=t))
        self.filter_verdict.activated.connect(
            lambda _i: self.claims_filter.set_filter(verdict=self.filter_verdict.currentData()))
        self.filter_status.activated.connect(
            lambda _i: self.claims_filter.set_filter(status=self.filter_status.currentData()))
        self.filter_source.activated.connect(
            lambda _i: self.claims_filter.set_filter(source_id=self.filter_source.currentData()))
        self.filter_tag.activated.connect(lambda _i: self.claims_filter.set_filter(tag=self.filter_tag.currentData()))
        self.search_field.returnPressed.connect(self.run_search)
        self.search_view.activated.connect(self._open_search_hit)
        self.search_view.clicked.connect(self._open_search_hit)
        self.reading.sig_layout_changed.connect(self._save_layout)

    # --- data refresh ---------------------------------------------------------------------------------------

    def refresh_all(self) -> None:
        """Reload sources and claims of the dossier (after an import, a new revision, another dossier's change).

        Read on the database worker (one job, after any edit still queued), shown when it answers.
        """
        dossier_id, current = self.dossier.id, self.current_claim_id
        shown = [p.source_id for p in self.reading.panes() if p.source_id is not None]

        def show(view: DossierView) -> None:
            if view.dossier.id == self.dossier.id:  # no other dossier was opened meanwhile
                self._show_view(view)

        self.ops.submit(lambda store: read_view(store, dossier_id, shown, current=current), show,
                        lambda exc: self.show_error(error_line(exc)))

    def _show_view(self, view: DossierView) -> None:
        """Show what :func:`read_view` read (GUI thread, no database access)."""
        self.dossier = view.dossier
        items = view.sources
        self._set_sources(items, reading=True)
        self._size_source_columns(items)
        self.claims_model.set_claims(view.claims, self.dossier.scale)
        self._fill_filters(view.tags)
        self._size_claim_columns()
        from workbench.ui import window_help

        window_help.update_verdict_actions(self)
        self.centre.setCurrentWidget(self.reading if items else self.empty_page)
        self._preloaded = dict(view.texts)
        try:
            for pane in self.reading.panes():
                if pane.source_id is not None and pane.source_id not in self.sources:
                    self.reading.remove_pane(pane)
                elif pane.source_id is not None:
                    self._load_pane(pane, pane.source_id)
            if view.panes is not None:
                self.reading.blockSignals(True)
                for sid in view.panes:
                    self.reading.add_pane(sid)
                self.reading.blockSignals(False)
        finally:
            self._preloaded = {}
        self.setWindowTitle(f"{self.dossier.name} — Workbench")
        if view.current is not None:
            if view.current.id == self.current_claim_id and self._selecting is None:  # the user did not move on
                self._show_claim(view.current, view.history, scroll=False)
        elif self.current_claim_id is not None and self.claims_model.row_of(self.current_claim_id) is None:
            self.current_claim_id = None  # trashed meanwhile
            self.editor.show_claim(None, [])

    def _size_source_columns(self, items: list[SourceInfo]) -> None:
        """Outlet, date, kind and claim count as wide as their longest label (the title takes the rest)."""
        fm = self.fontMetrics()
        header = self.sources_view.horizontalHeader()

        pad = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 4  # what ResizeToContents adds

        def width(col: int, *texts: str) -> int:
            title = str(self.sources_model.headerData(col, Qt.Orientation.Horizontal) or "")
            return max(fm.horizontalAdvance(t) for t in (title, *texts)) + pad

        outlets = [fm.horizontalAdvance(s.outlet) for s in items if s.outlet] or [fm.horizontalAdvance("M" * 5)]
        header.resizeSection(1, min(max(outlets) + 16, fm.horizontalAdvance("M" * 8)))
        header.resizeSection(2, width(2, "0000-00-00"))
        header.resizeSection(3, width(3, *{s.kind for s in items}))
        most = max([s.claim_count for s in items], default=0)  # room for 3 digits: an edit rarely needs more
        header.resizeSection(4, width(4, "0" * max(3, len(str(most)))))
        self.sources_fitter.fit()

    def _saved_panes(self, dossier_id: int) -> list[int] | None:
        from workbench.ui import window_context

        return None if self.fresh_layout else window_context.saved_panes(self, dossier_id)

    def _leave_dossier(self) -> None:
        """Before another dossier opens: save what is typed and remember this one's claim, panes and comparison."""
        from workbench.ui import window_context

        self.editor.commit_pending()
        if not self.fresh_layout:
            window_context.save_context(self)  # its claim and comparison come back when the user returns

    def _prepare_view(self, dossier_id: int) -> Callable[[Store], DossierView]:
        """The worker job reading what to show of ``dossier_id`` when it opens (its panes of last time)."""
        layout = self._saved_panes(dossier_id)
        return lambda store: read_view(store, dossier_id, restore=True, layout=layout)

    def _show_dossier(self, view: DossierView) -> None:
        """Another dossier opened (its rows already read on the worker): show it, with its last context."""
        self.dossier = view.dossier
        self.current_claim_id = None
        self.editor.show_claim(None, [])
        self.editor.set_scale(view.dossier.scale, self.language)
        self.compare_panel.model.set_groups([])
        self.compare_panel.result = None
        self.compare.clear()
        self.reading.blockSignals(True)
        for pane in self.reading.panes():
            self.reading.remove_pane(pane)
        self.reading.blockSignals(False)
        self._show_view(view)
        self.restore_context()
        self.sig_dossier_changed.emit(view.dossier.id)

    def _set_dossier(self, dossier: DossierInfo) -> None:
        self.dossier = dossier

    def _size_claim_columns(self) -> None:
        from workbench.ui.window_context import size_claim_columns

        size_claim_columns(self)

    def _fill_filters(self, tags: list[str] | None = None) -> None:
        """The filter lists; ``tags`` read on the worker (None: the tags last read)."""
        def fill(combo: QComboBox, label: str, items: list[tuple[str, Any]]) -> None:
            current = combo.currentData()
            combo.clear()
            combo.addItem(label, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(current)))

        fill(self.filter_verdict, self.tr("All verdicts"),
             [(self.tr("No verdict"), "")] + [(v.label(self.language), v.key) for v in self.dossier.scale.verdicts])
        fill(self.filter_status, self.tr("All statuses"),
             [(status_label(s), s) for s in ("to-check", "in-progress", "in-review", "concluded")])
        fill(self.filter_source, self.tr("All sources"), [(s.title[:40], s.id) for s in self.sources.values()])
        if tags is not None:
            self._tags = tags
        tags = self._tags
        fill(self.filter_tag, self.tr("All tags"), [(t, t) for t in tags])
        self.editor.set_tags(tags)

    def _marks(self, spans: Spans) -> list[tuple[int, int, int, str, str, int]]:
        return [(span.start, span.end, claim_id, role, self._color(verdict), span.id)
                for span, claim_id, role, verdict in spans]

    def _load_pane(self, pane: SourcePane, source_id: int) -> None:
        """Show a source in a pane: at once when the dossier's read brought its text, else read on the worker.

        Until the worker answers, the pane shows the source's header and says it is reading; a scroll asked meanwhile
        (``show_range``) waits for the text. An answer for a source the pane no longer shows is dropped.
        """
        info = self.sources.get(source_id)
        preloaded = self._preloaded.get(source_id)
        if preloaded is not None and info is not None:  # read on the worker with the rest of the dossier
            self._fill_pane(pane, info, *preloaded)
            return
        pane.show_loading(source_id, info)  # a pane pointed at another source, or at one just imported
        self._wire_pane(pane)

        def read(store: Store) -> tuple[SourceInfo, str, Spans]:
            known = info or sources_svc.get(store, source_id)
            return known, sources_svc.text(store, source_id), claims_svc.spans_of_source(store, source_id)

        def mine() -> bool:
            return shiboken6.isValid(pane) and pane.source_id == source_id and pane.view.loading

        def shown(loaded: tuple[SourceInfo, str, Spans]) -> None:
            if mine():
                self._fill_pane(pane, *loaded)

        def failed(exc: BaseException) -> None:
            if mine():
                pane.view.cancel_loading()  # not left "reading" for ever
            self.show_error(error_line(exc))

        self.ops.submit(read, shown, failed)

    def _fill_pane(self, pane: SourcePane, info: SourceInfo, text: str, spans: Spans) -> None:
        pane.show_source(info, text, self._marks(spans))
        self.compare.decorate_pane(pane)
        pane.view.claim_text = {c.id: c.statement for c in self.claims_model.claims()}
        self._wire_pane(pane)

    def _wire_pane(self, pane: SourcePane) -> None:
        pane.view.number_of = self.claims_model.number
        if not pane.property("wired"):
            pane.setProperty("wired", True)
            pane.view.sig_claim_clicked.connect(lambda cid: self.select_claim(cid, scroll=False))
            pane.view.sig_context_menu.connect(self._extend_context_menu)
            pane.view.sig_alignment_clicked.connect(lambda cp, p=pane: self.compare.show_counterpart_at(p, cp))

    def _color(self, verdict: str | None) -> str:
        """Highlight colour of a verdict key (unrated claims get their own)."""
        v = self.dossier.scale.get(verdict)
        return v.color if v else UNRATED

    def _refresh_marks(self, claim_id: int, claim: ClaimInfo | None) -> None:
        color = self._color(claim.verdict if claim else None)
        for pane in self.reading.panes():
            marks: list[tuple[int, int, str, str, int]] = []
            if claim is not None:
                marks += [(a.span.start, a.span.end, "appearance", color, a.span.id)
                          for a in claim.appearances if a.span.source_id == pane.source_id]
                marks += [(e.span.start, e.span.end, e.stance, color, e.span.id)
                          for e in claim.evidence if e.span is not None and e.span.source_id == pane.source_id]
                pane.view.claim_text[claim_id] = claim.statement
            pane.view.replace_claim_marks(claim_id, marks)

    def refresh_claims(self, claim_ids: set[int]) -> None:
        """Refresh several claims everywhere (rows, highlights, editor): through the change bus, read on the worker."""
        self.ops.publish(Changes(claims=frozenset(claim_ids)))

    def apply_changes(self, changes: Changes) -> None:
        """The change bus: after an operation, undo, redo or live refresh, refresh only what changed.

        What to show is read on the database worker (never a round trip on the GUI thread), then shown: claims in
        their table rows, highlights and the editor; sources added, edited or trashed (no claim in the record) in
        the sources list and the panes that show them. A dossier change reloads everything.
        """
        if changes.dossiers:
            self.refresh_all()
            return
        dossier_id = self.dossier.id
        source_level = bool(changes.sources) and not changes.claims  # a new span changes its claim's marks only
        reload = [p.source_id for p in self.reading.panes() if source_level and p.source_id in changes.sources]
        known = {cid for cid in changes.claims if self.claims_model.row_of(cid) is not None}  # on the GUI thread
        # The operation's outcome already holds the claims it saved (an edit): they are not read back.
        fresh: dict[int, ClaimInfo | None] = {
            cid: c for cid in changes.claims if (c := self.ops.fresh_claim(cid)) is not None}
        if (not changes.sources and not changes.spans and len(fresh) == len(changes.claims)
                and known == set(fresh)):
            self._show_claims(fresh)  # a field edit: nothing to read, the window repaints at once
            return

        def load(store: Store) -> Any:
            claims: dict[int, ClaimInfo | None] = dict(fresh)
            for cid in changes.claims - fresh.keys():
                try:
                    claims[cid] = claims_svc.get(store, cid)
                except WorkbenchError:  # trashed
                    claims[cid] = None
            # The sources list (claim counts included) changes only with sources, spans, or a claim coming or
            # going; a field edit leaves it as it is (listing 200 sources of 1 MB costs ~0.2 s on SQLite).
            same_list = (not changes.sources and not changes.spans
                         and all(c is not None and cid in known for cid, c in claims.items()))
            items = None if same_list else sources_svc.list_all(store, dossier_id)
            panes: dict[int, tuple[str, list[Any]]] = {}
            alive = {s.id for s in items} if items is not None else set()
            for sid in reload:
                if sid is not None and sid in alive:
                    panes[sid] = (sources_svc.text(store, sid), claims_svc.spans_of_source(store, sid))
            return claims, items, panes

        def show(loaded: Any) -> None:
            if dossier_id != self.dossier.id:
                return  # another dossier was opened meanwhile
            claims, items, panes = loaded
            before = set(self.sources)
            if items is not None:
                self._set_sources(items, reading=bool(changes.sources))
            for pane in self.reading.panes():
                if pane.source_id is not None and pane.source_id not in self.sources:
                    self.reading.remove_pane(pane)
                elif pane.source_id is not None and pane.source_id in panes:
                    scroll = pane.view.verticalScrollBar().value()
                    self._fill_pane(pane, self.sources[pane.source_id], *panes[pane.source_id])
                    pane.view.verticalScrollBar().setValue(scroll)
            if set(self.sources) != before:
                self._fill_filters()
                self.centre.setCurrentWidget(self.reading if self.sources else self.empty_page)
            self._show_claims(claims)

        self.ops.submit(load, show, lambda exc: self.show_error(error_line(exc)))

    def _show_claims(self, claims: dict[int, ClaimInfo | None]) -> None:
        """Changed claims in their table rows, highlights and the editor (its history loads when its tab shows)."""
        for cid, claim in claims.items():
            if claim is None:
                self.claims_model.remove(cid)
            else:
                self.claims_model.upsert(claim)
            self._refresh_marks(cid, claim)
            if cid == self.current_claim_id:
                self.editor.show_claim(claim)

    def _load_history(self, claim_id: int) -> None:
        """The editor shows its History tab: read the claim's history on the worker."""
        self.ops.submit(lambda store: claims_svc.history(store, claim_id),
                        lambda entries: self.editor.set_history(claim_id, entries),
                        lambda exc: self.show_error(error_line(exc)))

    def _set_sources(self, items: list[SourceInfo], *, reading: bool = False) -> None:
        self.sources = {s.id: s for s in items}
        self.sources_model.set_rows(items)
        self.editor.sources = self.sources
        self.search_model.titles = {s.id: s.title for s in items}
        if reading:
            self.reading.set_sources(items)

    # --- claims ---------------------------------------------------------------------------------------------

    def _claim_row_changed(self, current: Any, _previous: Any) -> None:
        if not current.isValid():
            return
        claim_id = self.claims_filter.data(current.siblingAtColumn(0), CLAIM_ROLE)
        if claim_id is not None and claim_id != self.current_claim_id:
            self.select_claim(int(claim_id))

    def select_claim(self, claim_id: int, *, scroll: bool = True) -> None:
        """Make a claim current: table row, editor, and (``scroll``) every open pane shows its spans.

        The claim (and its history when the History tab shows; else it loads when the tab is opened) is read on the
        database worker, after what was typed in the previous claim is saved, and shown when it answers.
        """
        if self.current_claim_id is not None and claim_id != self.current_claim_id:
            self.editor.commit_pending()  # what was typed in the previous claim is saved, not dropped
        self._selecting = claim_id
        dossier_id = self.dossier.id

        def shown(loaded: tuple[ClaimInfo, list[HistoryEntry] | None]) -> None:
            if self._selecting != claim_id or dossier_id != self.dossier.id:
                return  # the user went on to another claim (or dossier) meanwhile
            self._selecting = None
            self._show_claim(*loaded, scroll=scroll)

        def failed(exc: BaseException) -> None:
            if self._selecting == claim_id:
                self._selecting = None
            self.show_error(error_line(exc))

        with_history = self.editor.history_visible()
        self.ops.submit(lambda store: read_claim(store, claim_id, with_history=with_history), shown, failed)

    def _show_claim(self, claim: ClaimInfo, history: list[HistoryEntry] | None, *, scroll: bool) -> None:
        claim_id = claim.id
        self.current_claim_id = claim_id
        row = self.claims_model.row_of(claim_id)
        if row is not None:
            proxy_index = self.claims_filter.mapFromSource(self.claims_model.index(row, 0))
            if proxy_index.isValid() and self.claims_view.currentIndex().row() != proxy_index.row():
                self.claims_view.selectionModel().blockSignals(True)
                self.claims_view.selectRow(proxy_index.row())
                self.claims_view.selectionModel().blockSignals(False)
        self.editor.show_claim(claim, history)
        if scroll:
            spans = [a.span for a in claim.appearances] + [e.span for e in claim.evidence if e.span is not None]
            for pane in self.reading.panes():
                mine = [s for s in spans if s.source_id == pane.source_id]
                if mine:
                    pane.view.show_range(mine[0].start, mine[0].end)
        self.sig_claim_selected.emit(claim_id)

    def current_selection(self) -> tuple[int, int, int] | None:
        """(source id, start, end) of the selection in the current pane, or None."""
        panes = ([self.reading.current] if self.reading.current else []) + self.reading.panes()
        for pane in panes:
            if pane is not None and pane.source_id is not None:
                sel = pane.view.selection_cp()
                if sel:
                    return pane.source_id, sel[0], sel[1]
        return None

    def _need_selection(self) -> tuple[int, int, int] | None:
        sel = self.current_selection()
        if sel is None:
            self.statusBar().showMessage(self.tr("Select some text in a source first."), 4000)
        return sel

    def _need_claim(self) -> int | None:
        if self.current_claim_id is None:
            self.statusBar().showMessage(self.tr("Select or create a claim first."), 4000)
        return self.current_claim_id

    def settle(self, timeout_s: float = 10.0) -> bool:
        """Process events until every database job asked so far was answered and shown (scripts, screenshots)."""
        import time

        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + timeout_s
        while not self.ops.idle() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)  # the worker runs meanwhile; not a test's sleep: scripts wait for the window here
        QApplication.processEvents()
        return self.ops.idle()

    def run_op(self, text: str, op: ops.Operation[Any], *, merge_key: str | None = None,
               on_done: Any = None) -> Any:
        """Run one user action as an undoable operation on the database worker (see :mod:`workbench.ui.undo`)."""
        return self.undo.run(text, op, merge_key=merge_key, on_done=on_done)

    def new_claim_from_selection(self) -> int | None:
        """Create a claim whose first appearance is the selection; open it in the editor."""
        sel = self._need_selection()
        if sel is None:
            return None

        def opened(claim: ClaimInfo) -> None:
            self.select_claim(claim.id, scroll=False)
            self.editor.statement.setFocus()

        claim = self.run_op(self.tr("New claim"), ops.CreateClaim((sel,)), on_done=opened)
        return claim.id if claim is not None else None

    def add_selection_as(self, role: str) -> int | None:
        """Add the selection to the current claim as an appearance or as evidence with a stance."""
        claim_id = self._need_claim()
        sel = self._need_selection() if claim_id is not None else None
        if claim_id is None or sel is None:
            return None
        sid, start, end = sel
        label = {"appearance": self.tr("Add appearance"), "supports": self.tr("Cite as supporting"),
                 "refutes": self.tr("Cite as refuting"), "context": self.tr("Cite as context")}[role]
        op: ops.Operation[int] = (ops.AddAppearance(claim_id, sid, start, end) if role == "appearance"
                                  else ops.CiteSpan(claim_id, role, sid, start, end))
        return self.run_op(label, op)  # type: ignore[no-any-return]

    def cite_external(self, claim_id: int, stance: str, **fields: Any) -> int | None:
        """Cite an external reference (undoable)."""
        return self.run_op(self.tr("Cite external reference"),  # type: ignore[no-any-return]
                           ops.CiteExternal(claim_id, stance, fields))

    def edit_claim_field(self, claim_id: int, field: str, value: Any) -> None:
        """Change one field of a claim (undoable).

        The edit carries the version the editor showed, and its undo and redo the version the step before produced
        (:class:`~workbench.ui.undo.OperationCommand`): if someone else changed the claim meanwhile, the user sees
        their value and chooses to re-apply or keep theirs; nothing is silently overwritten.
        """
        shown = self.editor.claim
        expected = shown.version if shown is not None and shown.id == claim_id else None
        typed = ("statement", "rationale", "claimant", "claim_date", "tags")
        merge = f"claim:{claim_id}:{field}:{self.editor.session}" if field in typed else None
        self.run_op(self.tr("Change {0}").format(field_label(field)),
                    ops.EditClaim(claim_id, {field: value}, expected_version=expected), merge_key=merge)

    def relate_current(self, other_id: int, kind: str) -> int | None:
        """Link the current claim to another (undoable)."""
        claim_id = self._need_claim()
        if claim_id is None:
            return None
        return self.run_op(self.tr("Link claims"),  # type: ignore[no-any-return]
                           ops.Relate(claim_id, other_id, kind))

    def set_verdict_number(self, number: int) -> None:
        """Verdict by number key: 1 = the scale's first verdict."""
        claim_id = self._need_claim()
        verdicts = self.dossier.scale.verdicts
        if claim_id is not None and 1 <= number <= len(verdicts):
            self.edit_claim_field(claim_id, "verdict", verdicts[number - 1].key)

    def delete_current_claim(self) -> None:
        """Delete the current claim (undo restores it)."""
        claim_id = self._need_claim()
        if claim_id is None:
            return
        self.delete_item("claim", claim_id)
        self.current_claim_id = None
        self.editor.show_claim(None, [])

    def delete_item(self, entity: str, row_id: int) -> None:
        """Delete a claim, appearance or evidence item (undoable)."""
        claim_id = row_id if entity == "claim" else self.current_claim_id
        touched = Changes(claims=frozenset({claim_id} if claim_id else ()))
        self.run_op(self.tr("Delete {0}").format(field_label(entity)),
                    ops.Trash(entity, (row_id,), touched))  # type: ignore[arg-type]

    def step_claim(self, step: int) -> None:
        """Select the next (+1) or previous (-1) claim in the table."""
        rows = self.claims_filter.rowCount()
        if not rows:
            return
        row = self.claims_view.currentIndex().row()
        row = 0 if row < 0 else max(0, min(rows - 1, row + step))
        self.claims_view.selectRow(row)
        claim_id = self.claims_filter.data(self.claims_filter.index(row, 0), CLAIM_ROLE)
        if claim_id is not None:
            self.select_claim(int(claim_id))

    # --- sources, panes, search -----------------------------------------------------------------------------

    def open_sources(self, source_ids: list[int]) -> None:
        """Show these sources side by side (replacing the current panes; those already in place are kept)."""
        for sid in source_ids:
            if sid not in self.sources:
                raise WorkbenchError(f"no source with id {sid} in dossier {self.dossier.id}")
        panes = self.reading.panes()
        keep = 0  # leading panes that already show what is asked are not loaded again (a 1 MB text each)
        while keep < min(len(panes), len(source_ids)) and panes[keep].source_id == source_ids[keep]:
            keep += 1
        for pane in panes[keep:]:
            self.reading.remove_pane(pane)
        for sid in source_ids[keep:]:
            self.reading.add_pane(sid)

    def show_span(self, source_id: int, start: int, end: int) -> None:
        """Show a span: in the pane that has its source, else in a new pane."""
        pane = self.reading.pane_for(source_id) or self.reading.add_pane(source_id)
        pane.view.show_range(start, end)

    def _open_source_from_list(self, index: Any) -> None:
        sid = self.sources_model.data(self.sources_model.index(index.row(), 0), ID_ROLE)
        if sid is not None:
            pane = self.reading.pane_for(sid) or self.reading.add_pane(sid)
            pane.view.setFocus()

    def run_search(self) -> Task:
        """Search every source of the dossier in the background (long texts take a moment to scan)."""
        query = self.search_field.text()
        store, dossier_id = self.store, self.dossier.id

        def shown(hits: list[Any]) -> None:
            self.search_model.query = query
            self.search_model.set_rows(hits)
            self.statusBar().showMessage(self.tr("{0} match(es)").format(len(hits)), 4000)

        spellings = self.search_spellings.isChecked()
        return self.runner.start(self.tr("Search"),
                                 lambda _p, _c: sources_svc.search(store, dossier_id, query, spellings=spellings),
                                 shown, self.show_error)

    def _open_search_hit(self, index: Any) -> None:
        hit = self.search_model.row_value(index.row())
        self.show_span(hit.source_id, hit.start, hit.end)
        pane = self.reading.pane_for(hit.source_id)
        if pane is not None:
            pane.view.select_cp(hit.start, hit.end)

    def _extend_context_menu(self, menu: QMenu) -> None:
        for name in ("new_claim", "add_appearance", "cite_supports", "cite_refutes", "cite_context"):
            menu.addAction(self.actions_by_name[name])
        if self.compare.counterparts():
            menu.addSeparator()
            menu.addAction(self.actions_by_name["counterpart"])

    def _sources_menu(self, pos: Any) -> None:
        index = self.sources_view.indexAt(pos)
        if not index.isValid():
            return
        sid = self.sources_model.data(self.sources_model.index(index.row(), 0), ID_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Open in a new pane"), lambda: self.reading.add_pane(sid))
        menu.addAction(self.tr("Edit metadata…"), lambda: self.edit_source_metadata(sid))
        menu.addAction(self.tr("Import new version…"), lambda: self.revisions.choose_new_version(sid))
        menu.addAction(self.tr("Revisions and drift…"), lambda: self.revisions.show_drift(sid))
        menu.addAction(self.tr("Move to trash"), lambda: self.trash_source(sid))
        menu.exec(self.sources_view.viewport().mapToGlobal(pos))

    def edit_source_metadata(self, source_id: int) -> None:
        """Metadata dialog for a source (undoable)."""
        from workbench.ui.dialogs.forms import SourceMetadataDialog

        info = self.sources[source_id]
        fields = SourceMetadataDialog.ask(self, info)
        if not fields:
            return
        self.run_op(self.tr("Edit source"), ops.EditSource(source_id, fields))

    def trash_source(self, source_id: int) -> None:
        """Move a source to the trash (undoable)."""
        self.run_op(self.tr("Trash source"),
                    ops.Trash("source", (source_id,), Changes(sources=frozenset({source_id}))))

    # --- tasks and errors -----------------------------------------------------------------------------------

    def resolve_conflict(self, exc: ConflictError) -> bool:
        """Someone else changed what the user edits (or undoes): re-apply (True) or keep theirs; every one is noted."""
        self.conflicts_seen.append(exc)
        if self.quiet_errors:
            return bool(self.conflict_answer)
        return ask_conflict(self, exc)

    def _status(self, message: str, msecs: int = 0) -> None:
        self.statusBar().showMessage(message, msecs)

    def show_error(self, message: str) -> None:
        """Show a one-line (or per-file) error without interrupting work."""
        log.warning("%s", message)
        self.statusBar().showMessage(" · ".join(line for line in message.splitlines() if line), 15000)
        if not self.quiet_errors:
            QMessageBox.warning(self, self.tr("Workbench"), message)

    # --- layout memory --------------------------------------------------------------------------------------

    def _save_layout(self) -> None:
        from workbench.ui import window_context

        if not self.fresh_layout:
            QSettings().setValue(f"{window_context.settings_group(self)}/dossier{self.dossier.id}/panes",
                                 ",".join(str(i) for i in self.reading.source_ids()))

    def _restore_window(self) -> None:
        """Size, place and docks of this database's last session; the first time, a size that fits the screen."""
        from workbench.ui import window_context

        if self.fresh_layout or not window_context.restore_geometry(self):
            self.layout_restored = False
            window_context.fit_to_screen(self)
        else:
            self.layout_restored = True

    def restore_context(self) -> None:
        """Current claim and Compare results of the last session (not for scripted screenshots)."""
        from workbench.ui import window_context

        if not self.fresh_layout:
            window_context.restore_context(self)

    def changeEvent(self, event: Any) -> None:
        """The interface language changed (Qt sends LanguageChange): rebuild the window in it."""
        super().changeEvent(event)
        from workbench.ui.window_context import on_change_event

        on_change_event(self, event)

    def showEvent(self, event: Any) -> None:
        """Give the docks sensible sizes the first time (unless a saved state restored them)."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            if not self.layout_restored:
                QTimer.singleShot(0, self._default_dock_sizes)

    def _default_dock_sizes(self) -> None:
        """Sources a fifth of the width, claims a third; the editor two thirds of the right column."""
        w = self.width()
        self.resizeDocks([self.sources_dock, self.claims_dock], [max(260, int(w / 4.5)), max(420, w // 3)],
                         Qt.Orientation.Horizontal)
        h = self.height()
        self.resizeDocks([self.claims_dock, self.editor_dock], [h // 3, 2 * h // 3], Qt.Orientation.Vertical)
        self.resizeDocks([self.sources_dock, self.search_dock], [h // 2, h // 2], Qt.Orientation.Vertical)

    def _open_pane(self, source_id: int) -> None:
        self.reading.add_pane(source_id)

    def _current_source(self) -> int | None:
        pane = self.reading.current
        return pane.source_id if pane is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped files."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import dropped files (one file dropped onto a source: its new version)."""
        if self.revisions.drop_on_source(event):
            return
        self.imports.import_paths([u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is being typed, remember window state, wait for background tasks."""
        self.editor.commit_pending()
        if not self.fresh_layout:
            from workbench.ui import window_context

            window_context.save_geometry(self)
            window_context.save_context(self)
        self.team.stop()  # no live-refresh poll queued behind the worker's last jobs
        self.bridge.stop()  # an import waiting for the worker stops after its current file
        self.runner.wait(5000)
        self.ops.stop(5000)  # the edits still queued are saved before the window goes
        super().closeEvent(event)
