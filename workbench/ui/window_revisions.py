"""Revisions from the window: "Import new version…" on a source, a file dropped onto a source, the drift view.

Plain functions taking the main window, so that the window itself only gains a menu entry and one line in its drop
handler. The import runs in the background (progress and Cancel like any import); when it is done the drift view
opens on the two revisions and the claims it touched are refreshed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from workbench.services import revisions as revisions_svc

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Revisions", text)


def choose_new_version(win: MainWindow, source_id: int) -> None:
    """Sources ▸ Import new version…: pick the file, then import it as the source's new revision."""
    from workbench.io.registry import supported_extensions

    patterns = " ".join(f"*{e}" for e in supported_extensions())
    path, _ = QFileDialog.getOpenFileName(win, _tr("Import new version"), "", _tr("Sources ({0})").format(patterns))
    if path:
        import_new_version(win, source_id, path)


def choose_for_current_pane(win: MainWindow) -> None:
    """File ▸ Import new version of this source…: the source of the current pane."""
    pane = win.reading.current
    if pane is None or pane.source_id is None:
        win.statusBar().showMessage(_tr("Open the source to revise in a pane first."), 4000)
        return
    choose_new_version(win, pane.source_id)


def import_new_version(win: MainWindow, source_id: int, path: str) -> Any:
    """Import ``path`` as the newest revision of ``source_id``'s document, in the background."""
    from workbench.io.registry import read_file

    store = win.store
    chain = revisions_svc.chain(store, source_id)
    target = chain[-1].id if chain else source_id  # a drop on an old revision revises the newest one

    def work(progress: Any, cancelled: Any) -> Any:
        from workbench.core.errors import Cancelled

        bundle = read_file(path)
        if cancelled():
            raise Cancelled("import cancelled")
        return revisions_svc.import_revision(store, target, bundle,
                                             progress=lambda done, total: progress(done, total, ""))

    def done(result: Any) -> None:
        win.refresh_all()
        win.refresh_claims({d.claim_id for d in result.drift})
        changed = sum(1 for d in result.drift if d.state in ("changed", "orphaned"))
        win.statusBar().showMessage(
            _tr("New revision {0}: {1} span(s) re-anchored, {2} changed or orphaned").format(
                result.source.id, len(result.drift), changed), 10000)
        show_drift(win, result.source.id)

    return win.runner.start(_tr("Import new version"), work, done, win.show_error)


def show_drift(win: MainWindow, source_id: int) -> Any:
    """Open the drift view on the last two revisions of ``source_id``'s document."""
    from workbench.ui.panels.drift_view import DriftDialog

    dialog = DriftDialog(win.store, source_id, win)
    dialog.view.sig_reviewed.connect(lambda claim_id: win.refresh_claims({claim_id}))
    win.drift_dialog = dialog
    dialog.show()
    return dialog


def drop_on_source(win: MainWindow, event: QDropEvent) -> bool:
    """A single file dropped onto a row of the Sources list becomes that source's new version (True if so)."""
    paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
    view = win.sources_view
    if len(paths) != 1 or not view.isVisible():
        return False
    viewport = view.viewport()
    point: QPoint = viewport.mapFrom(win, event.position().toPoint())
    if not viewport.rect().contains(point):
        return False
    index = view.indexAt(point)
    if not index.isValid():
        return False
    from workbench.ui.models.simple_models import ID_ROLE

    source_id = win.sources_model.data(win.sources_model.index(index.row(), 0), ID_ROLE)
    if source_id is None:
        return False
    import_new_version(win, int(source_id), paths[0])
    event.acceptProposedAction()
    return True
