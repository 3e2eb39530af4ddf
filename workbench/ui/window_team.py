"""The window's dossier and team-server behaviour: switching dossiers, other people's changes, edit conflicts.

:class:`TeamSyncController` is built by :class:`~workbench.ui.main_window.MainWindow` with the operation runner,
the undo controller, a getter of the open dossier and the window's callbacks to leave a dossier and show another
one. Every database read and write here runs on the database worker: opening a dossier (``set_current`` and every
row the window shows, in one job), creating one, setting its event date, and live refresh (``changes_since`` every
2 s, published on the change bus). Edits made while the server is unreachable are kept and replayed through the same
operation when it answers again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.core.errors import ConflictError
from workbench.core.values import DossierInfo
from workbench.services import changes
from workbench.services import dossiers as dossiers_svc
from workbench.services import operations as ops
from workbench.services.store import Store
from workbench.ui.undo import OperationRunner, UndoController, error_line

Status = Callable[[str, int], None]
"""``status(message, milliseconds)`` (0: until replaced)."""
Prepare = Callable[[int], Callable[[Store], Any]]
"""``prepare(dossier_id)`` -> the worker job reading what the window shows of that dossier."""


translate = QCoreApplication.translate


def ask_conflict(parent: QWidget, exc: ConflictError) -> bool:
    """Ask whether to re-apply the user's value over someone else's; True means re-apply."""
    from workbench.ui.i18n import field_label

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("TeamSyncController", "Changed by someone else"))
    box.setText(translate("TeamSyncController", "Someone else changed {0} of this claim since you last saw it.")
                .format(field_label(exc.field)))
    box.setInformativeText(translate("TeamSyncController", "Their value: {0}\nYour value: {1}")
                           .format(exc.theirs, exc.mine))
    reapply = box.addButton(translate("TeamSyncController", "Re-apply mine"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("TeamSyncController", "Keep theirs"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is reapply


class TeamSyncController(QObject):
    """Dossier switching, live refresh every 2 s, edits kept while the server is unreachable."""

    INTERVAL_MS = 2000

    def __init__(self, *, ops_runner: OperationRunner, undo: UndoController, dossier: Callable[[], DossierInfo],
                 set_dossier: Callable[[DossierInfo], None], leave: Callable[[], None], prepare: Prepare,
                 show: Callable[[Any], None], status: Status, show_error: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        """Wire the controller to its window.

        ``leave()`` saves what the window holds of the dossier it leaves; ``prepare(id)`` gives the worker job that
        reads what to show of the next one; ``show(view)`` shows that on the GUI thread.
        """
        super().__init__(parent)
        self.ops = ops_runner
        self.undo = undo
        self.dossier = dossier
        self.set_dossier = set_dossier
        self.leave = leave
        self.prepare = prepare
        self.show = show
        self.status = status
        self.show_error = show_error
        self.pending_edits: list[ops.EditClaim] = []
        """Edits typed while the database was unreachable, replayed when it answers again."""
        self.cursor: int | None = None
        """The last change seen (None until the worker answered)."""
        self.offline = False
        self.polling = False
        self.switching: int | None = None
        """The dossier being opened (its rows are being read on the worker)."""
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(self.INTERVAL_MS)
        self.live_timer.timeout.connect(self.poll_changes)

    # --- dossiers -----------------------------------------------------------------------------------------

    def switch_dossier(self, dossier_id: int) -> None:
        """Open another dossier of the database (remembered as the one to open next time).

        One job on the worker marks it current and reads every row the window shows; the window changes when it
        answers (the undo history starts afresh: its steps belong to the other dossier).
        """
        self.leave()
        read = self.prepare(dossier_id)
        self.switching = dossier_id

        def job(store: Store) -> tuple[Any, int]:
            dossier = dossiers_svc.set_current(store, dossier_id)
            return read(store), changes.latest_change(store, dossier.id)

        def done(result: tuple[Any, int]) -> None:
            if self.switching != dossier_id:
                return  # yet another dossier was asked for meanwhile
            self.switching = None
            view, cursor = result
            self.undo.stack.clear()
            self.cursor = cursor
            self.show(view)

        def failed(exc: BaseException) -> None:
            if self.switching == dossier_id:
                self.switching = None
            self.show_error(error_line(exc))

        self.ops.submit(job, done, failed)

    def new_dossier(self, name: str, scale: str = "default") -> None:
        """Create a dossier (on the worker) and open it."""
        self.ops.submit(lambda store: dossiers_svc.create(store, name, scale=scale),
                        lambda d: self.switch_dossier(d.id), lambda exc: self.show_error(error_line(exc)))

    def set_event_date(self, value: dt.date | None) -> None:
        """Set the date of the event the dossier is about (the comparison flags sources about another one)."""
        dossier_id = self.dossier().id

        def done(dossier: DossierInfo) -> None:
            if dossier.id == self.dossier().id:
                self.set_dossier(dossier)

        self.ops.submit(lambda store: dossiers_svc.set_event_date(store, dossier_id, value), done,
                        lambda exc: self.show_error(error_line(exc)))

    # --- live refresh -------------------------------------------------------------------------------------

    def start(self) -> None:
        """Note where the dossier's change log is (on the worker), then look for changes every 2 s."""
        dossier_id = self.dossier().id

        def noted(cursor: int) -> None:
            if dossier_id == self.dossier().id and self.cursor is None:
                self.cursor = cursor

        self.ops.submit(lambda store: changes.latest_change(store, dossier_id), noted,
                        lambda exc: self.status(
                            translate("TeamSyncController", "Database unreachable: {0}").format(exc), 0))
        self.live_timer.start()

    def stop(self) -> None:
        """No more polling (the window is replaced or closing)."""
        self.live_timer.stop()

    def poll_changes(self) -> None:
        """Refresh only what changed since the last look (other people on a shared server, or another window).

        The query runs on the database worker, after any edit still queued; its answer goes on the change bus.
        """
        if self.polling or self.cursor is None or self.switching is not None:
            return
        self.polling = True
        dossier_id, cursor = self.dossier().id, self.cursor

        def answered(result: Any) -> None:
            self.polling = False
            if dossier_id != self.dossier().id:
                return  # another dossier was opened meanwhile
            self.cursor, changed = result
            if self.offline or self.pending_edits:
                self.offline = False
                self.status(translate("TeamSyncController", "Database reachable again."), 5000)
                pending, self.pending_edits = self.pending_edits, []
                for op in pending:  # what was typed meanwhile, saved now through the same operation
                    self.undo.run(translate("TeamSyncController", "Change {0}").format(", ".join(op.fields)), op)
            self.ops.publish(changed)  # the same change bus as this window's own edits

        def failed(exc: BaseException) -> None:
            self.polling = False
            if not self.offline:  # say it once; keep what is on screen
                self.offline = True
                self.status(translate("TeamSyncController", "Database unreachable: {0}").format(exc), 0)

        self.ops.submit(lambda store: changes.changes_since(store, dossier_id, cursor), answered, failed)

    def keep_offline(self, op: ops.Operation[Any]) -> bool:
        """The server is unreachable: keep what was typed; it is replayed when the database answers again."""
        if not isinstance(op, ops.EditClaim):
            return False
        self.pending_edits.append(op)
        self.status(translate("TeamSyncController",
                              "Database unreachable: your change is kept and will be saved when it is back."), 0)
        return True
