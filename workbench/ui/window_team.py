"""The window's dossier and team-server behaviour: switching dossiers, other people's changes, edit conflicts.

A mixin of :class:`~workbench.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from workbench.core.errors import ConflictError, WorkbenchError
from workbench.services import dossiers as dossiers_svc


class DossierSyncMixin:
    """Dossier switching, live refresh every 2 s, and the conflict dialog."""

    def resolve_conflict(self, exc: ConflictError) -> bool:
        """Ask whether to re-apply the user's value over someone else's; True means re-apply."""
        from workbench.ui.i18n import field_label

        self.conflicts_seen.append(exc)
        if self.quiet_errors:
            return bool(self.conflict_answer)
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        box.setText(self.tr("Someone else changed {0} of this claim since you last saw it.").format(
            field_label(exc.field)))
        box.setInformativeText(self.tr("Their value: {0}\nYour value: {1}").format(exc.theirs, exc.mine))
        reapply = box.addButton(self.tr("Re-apply mine"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Keep theirs"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is reapply

    def switch_dossier(self, dossier_id: int) -> None:
        """Open another dossier of the database (remembered as the one to open next time)."""
        from workbench.ui import window_context

        self.editor.commit_pending()
        if not self.fresh_layout:
            window_context.save_context(self)  # its claim and comparison come back when the user returns
        try:
            self.dossier = dossiers_svc.set_current(self.store, dossier_id)
        except WorkbenchError as exc:
            self.show_error(str(exc))
            return
        self.undo.stack.clear()
        self.current_claim_id = None
        self.editor.show_claim(None, [])
        self.editor.set_scale(self.dossier.scale, self.language)
        self.compare_panel.model.set_groups([])
        self.compare_panel.result = None
        self.boilerplate, self.aligned = {}, {}
        self.reading.counterparts = None
        self.sources_model.set_flags({})
        for pane in self.reading.panes():
            self.reading.remove_pane(pane)
        self.refresh_all()
        self._restore_layout()
        self.restore_context()
        from workbench.services import changes

        self._cursor = changes.latest_change(self.store, self.dossier.id)
        self.sig_dossier_changed.emit(self.dossier.id)

    def new_dossier(self, name: str, scale: str = "default") -> None:
        """Create a dossier and open it."""
        try:
            dossier = dossiers_svc.create(self.store, name, scale=scale)
        except WorkbenchError as exc:
            self.show_error(str(exc))
            return
        self.switch_dossier(dossier.id)

    def set_event_date(self, value: Any) -> None:
        """Set the date of the event the dossier is about (the comparison flags sources about another one)."""
        try:
            self.dossier = dossiers_svc.set_event_date(self.store, self.dossier.id, value)
        except WorkbenchError as exc:
            self.show_error(str(exc))

    def _start_live_refresh(self) -> None:
        from workbench.services import changes

        self._cursor = changes.latest_change(self.store, self.dossier.id)
        self._offline = False
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(2000)
        self.live_timer.timeout.connect(self.poll_changes)
        self.live_timer.start()

    def poll_changes(self) -> None:
        """Refresh only what changed since the last look (other people on a shared server, or another window).

        The query runs on the database worker, after any edit still queued; its answer goes on the change bus.
        """
        from workbench.services import changes

        if getattr(self, "_polling", False):
            return
        self._polling = True
        dossier_id, cursor = self.dossier.id, self._cursor

        def answered(result: Any) -> None:
            self._polling = False
            if dossier_id != self.dossier.id:
                return  # another dossier was opened meanwhile
            self._cursor, changed = result
            if self._offline or self.pending_edits:
                self._offline = False
                self.statusBar().showMessage(self.tr("Database reachable again."), 5000)
                pending, self.pending_edits = self.pending_edits, []
                for op in pending:  # what was typed meanwhile, saved now through the same operation
                    self.run_op(self.tr("Change {0}").format(", ".join(op.fields)), op)
            self.ops.publish(changed)  # the same change bus as this window's own edits

        def failed(exc: BaseException) -> None:
            self._polling = False
            if not self._offline:  # say it once; keep what is on screen
                self._offline = True
                self.statusBar().showMessage(self.tr("Database unreachable: {0}").format(exc), 0)

        self.ops.submit(lambda store: changes.changes_since(store, dossier_id, cursor), answered, failed)
