"""The window's import and background-task plumbing: file dialog, drag and drop, progress and Cancel.

A mixin of :class:`~workbench.ui.main_window.MainWindow`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from workbench.core.values import Changes
from workbench.services import operations as ops
from workbench.services import sources as sources_svc
from workbench.ui.i18n import translate_error
from workbench.ui.tasks import Task


class ImportMixin:
    """Import files in the background; show any task's progress with a Cancel button."""

    def import_paths(self, paths: list[str]) -> Task | None:
        """Import files in the background; errors are listed at the end, good files still import.

        A Workbench dossier file (JSON export) is restored as a new dossier and opened; a Web Annotation file is
        re-anchored onto this dossier's sources.
        """
        from workbench.services.dossier_io import exchange_kind

        exchange = [(p, kind) for p in paths if (kind := exchange_kind(p)) is not None]
        paths = [p for p in paths if exchange_kind(p) is None]
        for path, kind in exchange:
            self._import_exchange(path, kind)
        if not paths:
            return None
        store, dossier_id = self.store, self.dossier.id

        def work(progress: Any, cancelled: Any) -> Any:
            return sources_svc.import_files(store, dossier_id, paths,
                                            progress=lambda d, t, n: progress(d, t, n), cancel=cancelled)

        def show_progress(task: Task) -> None:
            self.import_dialog = None
            if len(paths) > 1:  # one row per file, with its own bar and outcome
                from workbench.ui.dialogs.import_progress import ImportProgressDialog

                self.import_dialog = ImportProgressDialog(self, task, paths)
                self.import_dialog.show()

        return self.runner.start(self.tr("Import"), work, self._imported, self.show_error, show_progress)

    def add_pasted_source(self, text: str, meta: dict[str, Any]) -> int | None:
        """Store a pasted text as a new source (undoable: undo moves it to the trash) and open it in a pane."""
        from workbench.io.importers.text import pasted

        bundle = pasted(meta.get("title") or "pasted text", text.encode("utf-8"))
        op = ops.ImportSources(self.dossier.id, (bundle,), {k: v for k, v in meta.items() if v})

        def opened(added: Any) -> None:
            if added:
                self.reading.add_pane(added[0].id)

        added = self.run_op(self.tr("Paste source"), op, on_done=opened)
        return added[0].id if added else None

    def _import_exchange(self, path: str, kind: str) -> None:
        """Restore a dossier file, or re-anchor an annotation file, in the background."""
        from pathlib import Path

        name = Path(path).name
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.show_error(f"{name}: {exc.strerror or exc}")
            return
        if kind == "dossier":
            from workbench.services.dossier_io import restore

            def restored(result: Any) -> None:
                self.team.switch_dossier(result.id)
                self.statusBar().showMessage(self.tr("Restored the dossier {0}").format(result.name), 8000)

            self.undo.call(lambda store: restore(store, data, name), restored)  # one transaction, on the worker
            return

        def done(result: Any) -> None:
            states = ", ".join(f"{n} {s}" for s, n in sorted(result.states.items()))
            lines = [self.tr("{0} claim(s) from {1} ({2})").format(len(result.claim_ids), name, states)]
            if result.skipped:
                self.show_error("\n".join(lines + [translate_error(x) for x in result.skipped]))
            else:
                self.statusBar().showMessage(lines[0], 8000)

        # one transaction, undoable (undo trashes the claims it created), as from the CLI
        self.run_op(self.tr("Import annotations"), ops.ImportAnnotations(self.dossier.id, data, name), on_done=done)

    def _imported(self, result: Any) -> None:
        added = list(result.added)
        self.refresh_all()
        if added:
            ids = tuple(s.id for s in added)
            touched = Changes(sources=frozenset(ids))
            # the import is done already (one transaction, in the background task): only its undo is recorded
            self.undo.record(self.tr("Import {0} source(s)").format(len(ids)), ops.Restore("source", ids, touched),
                             ops.Outcome(tuple(added), touched, ops.Trash("source", ids, touched)))
            for s in added[:2]:
                if self.reading.pane_for(s.id) is None and len(self.reading.panes()) < 3:
                    self.reading.add_pane(s.id)
        msg = self.tr("Imported {0}, already there {1}").format(len(result.added), len(result.reused))
        if result.warnings:  # parts the importer skipped (a damaged header, ...): said, never silent
            msg = " · ".join([msg, *result.warnings])
        dialog = self.import_dialog
        if result.errors and dialog is not None and dialog.isVisible():  # the dialog already lists each error
            self.statusBar().showMessage(" · ".join([msg, *map(translate_error, result.errors)]), 15000)
        elif result.errors:
            self.show_error(msg + "\n" + "\n".join(map(translate_error, result.errors)))
        else:
            self.statusBar().showMessage(msg, 6000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dropped files."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import dropped files (one file dropped onto a source: its new version)."""
        from workbench.ui.window_revisions import drop_on_source

        if drop_on_source(self, event):  # type: ignore[arg-type]
            return
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        self.import_paths(paths)
        event.acceptProposedAction()

    def choose_and_import(self) -> None:
        """File ▸ Import."""
        from workbench.io.registry import supported_extensions

        patterns = " ".join(f"*{e}" for e in supported_extensions()) + " *.json *.jsonld"  # + exchange files
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import sources"), "",
                                                self.tr("Sources ({0})").format(patterns))
        self.import_paths(paths)

    def _track_task(self, task: Task) -> None:
        self.progress.setRange(0, 0)
        self.progress.setFormat(task.title + " %p%")
        self.progress.show()
        self.cancel_button.show()
        self._current_task = task
        if not self.cancel_button.property("wired"):
            self.cancel_button.setProperty("wired", True)
            self.cancel_button.clicked.connect(lambda: self._current_task and self._current_task.cancel())

        def on_progress(done: int, total: int, label: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            if label:
                self.statusBar().showMessage(f"{task.title}: {label}", 3000)

        def end(*_a: Any) -> None:
            self.progress.hide()
            self.cancel_button.hide()

        task.sig_progress.connect(on_progress)
        task.sig_finished.connect(end)
        task.sig_failed.connect(end)
        task.sig_cancelled.connect(end)
        task.sig_cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Cancelled"), 4000))

