"""The window's imports and background-task plumbing: file dialog, drag and drop, progress and Cancel.

:class:`ImportController` is built by :class:`~workbench.ui.main_window.MainWindow` with the task runner, the
operation runner and undo controller, a getter of the open dossier's id, the reading area (new sources open in it)
and the window's callbacks. A file import **parses** each file in a background task (no database there: OCR and
big PDFs take their time) and **stores** it on the serial database worker, file by file, so the files already
stored stay when the user cancels; its undo is one operation (trash every source it added, in one transaction).

:class:`TaskProgress` shows any task's progress and a Cancel button in the status bar.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QProgressBar, QPushButton, QWidget

from workbench.core.errors import Cancelled
from workbench.core.values import Changes, ImportBundle
from workbench.services import operations as ops
from workbench.services import sources as sources_svc
from workbench.services.store import Store
from workbench.ui.i18n import translate_error
from workbench.ui.tasks import Task, TaskRunner
from workbench.ui.undo import Job, OperationRunner, UndoController

Status = Callable[[str, int], None]
"""``status(message, milliseconds)``: a note in the status bar."""
Progress = Callable[[int, int, str], None]


def parse_file(path: str, index: int, count: int, progress: Progress, cancelled: Callable[[], bool]) -> Any:
    """Read one file (no database): its bundle, or the exception that refused it (reported for that file only)."""
    from workbench.io.importers.ocr import page_hooks
    from workbench.io.registry import read_file

    name = Path(path).name or path

    def on_page(done: int, total: int) -> None:  # OCR reports page by page within the file
        page = f"page {min(done + 1, total)}/{total}" if total else "page 1"
        progress(index, count, f"{name} ({page})")

    try:
        with page_hooks(on_page, cancelled, ""):
            return read_file(path)
    except Cancelled:
        raise
    except Exception as exc:  # stored as this file's failure by import_files (one line naming the file)
        return exc


def merge(results: list[sources_svc.BatchResult]) -> sources_svc.BatchResult:
    """One batch result from the results of single files, in order."""
    return sources_svc.BatchResult(
        added=tuple(s for r in results for s in r.added), reused=tuple(s for r in results for s in r.reused),
        errors=tuple(e for r in results for e in r.errors), outcomes=tuple(o for r in results for o in r.outcomes),
        warnings=tuple(w for r in results for w in r.warnings))


class WorkerBridge(QObject):
    """Lets a background task run a job on the database worker and wait for its value (the task's thread waits).

    The job is handed to the GUI thread by a queued signal (the runner is driven from there) and runs on the worker
    after what is queued; inline (tests) it runs at once.
    """

    _sig_submit = Signal(object)

    def __init__(self, runner: OperationRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.closing = threading.Event()
        self._sig_submit.connect(self._submit)

    def run(self, job: Job) -> Any:
        """From a task's thread: ``job(store)`` on the worker; its value, or its exception raised here."""
        box: list[tuple[bool, Any]] = []
        done = threading.Event()

        def wrapped(store: Store) -> None:
            try:
                box.append((True, job(store)))
            except Exception as exc:  # raised in the task's thread below, where the task makes it one line
                box.append((False, exc))
            finally:
                done.set()

        self._sig_submit.emit(wrapped)
        while not done.wait(0.2):
            if self.closing.is_set():  # the window went: nothing will run the job any more
                raise Cancelled("the window was closed")
        ok, value = box[0]
        if not ok:
            raise value
        return value

    def _submit(self, job: Job) -> None:
        if not self.closing.is_set():
            self.runner.submit(job)

    def stop(self) -> None:
        """The window is closing: tasks waiting for the worker stop (what was stored stays)."""
        self.closing.set()


class ImportController(QObject):
    """Import files (parsed in the background, stored on the database worker); paste a source; exchange files."""

    def __init__(self, *, tasks: TaskRunner, bridge: WorkerBridge, undo: UndoController,
                 dossier_id: Callable[[], int], host: QWidget, open_pane: Callable[[int], None],
                 pane_count: Callable[[], int], has_pane: Callable[[int], bool], refresh_all: Callable[[], None],
                 switch_dossier: Callable[[int], None], status: Status, show_error: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.bridge = bridge
        self.undo = undo
        self.dossier_id = dossier_id
        self.host = host
        self.open_pane = open_pane
        self.pane_count = pane_count
        self.has_pane = has_pane
        self.refresh_all = refresh_all
        self.switch_dossier = switch_dossier
        self.status = status
        self.show_error = show_error
        self.import_dialog: Any = None
        """The per-file progress dialog of the last import of several files."""

    # --- files ------------------------------------------------------------------------------------------------

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
        dossier_id = self.dossier_id()

        def work(progress: Progress, cancelled: Callable[[], bool]) -> sources_svc.BatchResult:
            results = []
            for i, path in enumerate(paths):
                if cancelled() or self.bridge.closing.is_set():
                    raise Cancelled("import cancelled")
                progress(i, len(paths), Path(path).name or path)
                parsed = parse_file(path, i, len(paths), progress, cancelled)

                def replay(_path: str | Path, parsed: Any = parsed) -> ImportBundle:
                    if isinstance(parsed, BaseException):
                        raise parsed
                    return parsed  # type: ignore[no-any-return]

                def store_it(store: Store, path: str = path,
                             replay: Callable[[str | Path], ImportBundle] = replay) -> sources_svc.BatchResult:
                    return sources_svc.import_files(store, dossier_id, [path], read=replay)

                results.append(self.bridge.run(store_it))
            progress(len(paths), len(paths), "")
            return merge(results)

        def show_progress(task: Task) -> None:
            self.import_dialog = None
            if len(paths) > 1:  # one row per file, with its own bar and outcome
                from workbench.ui.dialogs.import_progress import ImportProgressDialog

                self.import_dialog = ImportProgressDialog(self.host, task, paths)
                self.import_dialog.show()

        return self.tasks.start(self.tr("Import"), work, lambda result: self.imported(result, dossier_id),
                                self.show_error, show_progress)

    def imported(self, result: sources_svc.BatchResult, dossier_id: int | None = None) -> None:
        """A batch was stored: refresh, record its undo, open the first new sources, say what became of each file.

        When the user opened another dossier meanwhile (``dossier_id`` is the one imported into), the files are
        stored and said, but the undo step and the panes belong to that other dossier: neither is added here.
        """
        added = list(result.added)
        self.refresh_all()
        if added and (dossier_id is None or dossier_id == self.dossier_id()):
            ids = tuple(s.id for s in added)
            touched = Changes(sources=frozenset(ids))
            # the import is done already (stored on the worker, file by file): only its undo is recorded
            self.undo.record(self.tr("Import {0} source(s)").format(len(ids)), ops.Restore("source", ids, touched),
                             ops.Outcome(tuple(added), touched, ops.Trash("source", ids, touched)))
            for s in added[:2]:
                if not self.has_pane(s.id) and self.pane_count() < 3:
                    self.open_pane(s.id)
        msg = self.tr("Imported {0}, already there {1}").format(len(result.added), len(result.reused))
        if result.warnings:  # parts the importer skipped (a damaged header, ...): said, never silent
            msg = " · ".join([msg, *result.warnings])
        dialog = self.import_dialog
        if result.errors and dialog is not None and dialog.isVisible():  # the dialog already lists each error
            self.status(" · ".join([msg, *map(translate_error, result.errors)]), 15000)
        elif result.errors:
            self.show_error(msg + "\n" + "\n".join(map(translate_error, result.errors)))
        else:
            self.status(msg, 6000)

    def choose_and_import(self) -> None:
        """File ▸ Import."""
        from workbench.io.registry import supported_extensions

        patterns = " ".join(f"*{e}" for e in supported_extensions()) + " *.json *.jsonld"  # + exchange files
        paths, _ = QFileDialog.getOpenFileNames(self.host, self.tr("Import sources"), "",
                                                self.tr("Sources ({0})").format(patterns))
        self.import_paths(paths)

    # --- pasted text, exchange files ----------------------------------------------------------------------

    def add_pasted_source(self, text: str, meta: dict[str, Any]) -> int | None:
        """Store a pasted text as a new source (undoable: undo moves it to the trash) and open it in a pane."""
        from workbench.io.importers.text import pasted

        bundle = pasted(meta.get("title") or "pasted text", text.encode("utf-8"))
        op = ops.ImportSources(self.dossier_id(), (bundle,), {k: v for k, v in meta.items() if v})

        def opened(added: Any) -> None:
            if added:
                self.open_pane(added[0].id)

        added = self.undo.run(self.tr("Paste source"), op, on_done=opened)
        return added[0].id if added else None

    def _import_exchange(self, path: str, kind: str) -> None:
        """Restore a dossier file, or re-anchor an annotation file, on the database worker."""
        name = Path(path).name
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            self.show_error(f"{name}: {exc.strerror or exc}")
            return
        if kind == "dossier":
            from workbench.services.dossier_io import restore

            def restored(result: Any) -> None:
                self.switch_dossier(result.id)
                self.status(self.tr("Restored the dossier {0}").format(result.name), 8000)

            self.undo.call(lambda store: restore(store, data, name), restored)  # one transaction, on the worker
            return

        def done(result: Any) -> None:
            states = ", ".join(f"{n} {s}" for s, n in sorted(result.states.items()))
            lines = [self.tr("{0} claim(s) from {1} ({2})").format(len(result.claim_ids), name, states)]
            if result.skipped:
                self.show_error("\n".join(lines + [translate_error(x) for x in result.skipped]))
            else:
                self.status(lines[0], 8000)

        # one transaction, undoable (undo trashes the claims it created), as from the CLI
        self.undo.run(self.tr("Import annotations"), ops.ImportAnnotations(self.dossier_id(), data, name),
                      on_done=done)


class TaskProgress(QObject):
    """The status bar's progress bar and Cancel button, for whichever task runs."""

    def __init__(self, *, progress: QProgressBar, cancel_button: QPushButton, status: Status,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress = progress
        self.cancel_button = cancel_button
        self.status = status
        self.current: Task | None = None
        cancel_button.clicked.connect(lambda: self.current is not None and self.current.cancel())

    def track(self, task: Task) -> None:
        """Show ``task`` running (busy until it reports its first progress); hide when it ends."""
        self.progress.setRange(0, 0)
        self.progress.setFormat(task.title + " %p%")
        self.progress.show()
        self.cancel_button.show()
        self.current = task

        def on_progress(done: int, total: int, label: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            if label:
                self.status(f"{task.title}: {label}", 3000)

        def end(*_a: Any) -> None:
            self.progress.hide()
            self.cancel_button.hide()

        task.sig_progress.connect(on_progress)
        task.sig_finished.connect(end)
        task.sig_failed.connect(end)
        task.sig_cancelled.connect(end)
        task.sig_cancelled.connect(lambda: self.status(self.tr("Cancelled"), 4000))
