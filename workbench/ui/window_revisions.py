"""Revisions from the window: "Import new version…" on a source, a file dropped onto a source, the drift view.

:class:`RevisionsController` is built by :class:`~workbench.ui.main_window.MainWindow` with the task runner, the
worker bridge, the operation runner (the drift view reads and answers its reviews on the worker), the sources list
(drops onto a row) and the window's callbacks. The new file is parsed in a background task and stored on the
database worker (which also finds the newest revision to revise); when it is done the drift view opens on the two
revisions and the claims it touched are refreshed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QTableView, QWidget

from workbench.core.errors import Cancelled
from workbench.services.store import Store
from workbench.ui.models.simple_models import ID_ROLE, SourcesModel
from workbench.ui.tasks import Task, TaskRunner
from workbench.ui.undo import OperationRunner
from workbench.ui.window_import import WorkerBridge

Status = Callable[[str, int], None]


class RevisionsController(QObject):
    """New versions of a source (menu, drop) and the drift view."""

    def __init__(self, *, tasks: TaskRunner, bridge: WorkerBridge, ops_runner: OperationRunner, host: QWidget,
                 sources_view: QTableView, sources_model: SourcesModel, current_source: Callable[[], int | None],
                 refresh_all: Callable[[], None], refresh_claims: Callable[[set[int]], None], status: Status,
                 show_error: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.bridge = bridge
        self.ops = ops_runner
        self.host = host
        self.sources_view = sources_view
        self.sources_model = sources_model
        self.current_source = current_source
        self.refresh_all = refresh_all
        self.refresh_claims = refresh_claims
        self.status = status
        self.show_error = show_error
        self.drift_dialog: Any = None
        """The last drift view opened."""

    def choose_new_version(self, source_id: int) -> None:
        """Sources ▸ Import new version…: pick the file, then import it as the source's new revision."""
        from workbench.io.registry import supported_extensions

        patterns = " ".join(f"*{e}" for e in supported_extensions())
        path, _ = QFileDialog.getOpenFileName(self.host, self.tr("Import new version"), "",
                                              self.tr("Sources ({0})").format(patterns))
        if path:
            self.import_new_version(source_id, path)

    def choose_for_current_pane(self) -> None:
        """File ▸ Import new version of this source…: the source of the current pane."""
        source_id = self.current_source()
        if source_id is None:
            self.status(self.tr("Open the source to revise in a pane first."), 4000)
            return
        self.choose_new_version(source_id)

    def import_new_version(self, source_id: int, path: str) -> Task:
        """Import ``path`` as the newest revision of ``source_id``'s document.

        Parsed in a background task, stored on the database worker.
        """
        from workbench.io.registry import read_file
        from workbench.services import revisions as revisions_svc  # not at start-up (drift, diff, fuzzy matching)

        def work(progress: Callable[[int, int, str], None], cancelled: Callable[[], bool]) -> Any:
            bundle = read_file(path)  # no database here
            if cancelled():
                raise Cancelled("import cancelled")

            def store_it(store: Store) -> Any:
                chain = revisions_svc.chain(store, source_id)
                target = chain[-1].id if chain else source_id  # a drop on an old revision revises the newest one
                return revisions_svc.import_revision(store, target, bundle,
                                                     progress=lambda done, total: progress(done, total, ""))

            return self.bridge.run(store_it)

        def done(result: Any) -> None:
            self.refresh_all()  # every claim, its highlights and the panes: the drifted claims included
            changed = sum(1 for d in result.drift if d.state in ("changed", "orphaned"))
            self.status(self.tr("New revision {0}: {1} span(s) re-anchored, {2} changed or orphaned")
                        .format(result.source.id, len(result.drift), changed), 10000)
            self.show_drift(result.source.id)

        return self.tasks.start(self.tr("Import new version"), work, done, self.show_error)

    def show_drift(self, source_id: int) -> Any:
        """Open the drift view on the last two revisions of ``source_id``'s document (read on the worker)."""
        from workbench.ui.panels.drift_view import DriftDialog

        dialog = DriftDialog(self.ops, source_id, self.host)
        dialog.view.sig_reviewed.connect(lambda claim_id: self.refresh_claims({claim_id}))
        self.drift_dialog = dialog
        dialog.show()
        return dialog

    def drop_on_source(self, event: QDropEvent) -> bool:
        """A single file dropped onto a row of the Sources list becomes that source's new version (True if so)."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        view = self.sources_view
        if len(paths) != 1 or not view.isVisible():
            return False
        viewport = view.viewport()
        point: QPoint = viewport.mapFrom(self.host, event.position().toPoint())
        if not viewport.rect().contains(point):
            return False
        index = view.indexAt(point)
        if not index.isValid():
            return False
        source_id = self.sources_model.data(self.sources_model.index(index.row(), 0), ID_ROLE)
        if source_id is None:
            return False
        self.import_new_version(int(source_id), paths[0])
        event.acceptProposedAction()
        return True
