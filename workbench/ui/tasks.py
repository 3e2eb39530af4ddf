"""Background tasks: run a function off the GUI thread with progress and cancel, results back by queued signal.

Work functions receive ``progress(done, total, label)`` and ``cancelled() -> bool`` and never touch widgets.
Tests swap in :class:`SyncRunner`, which runs the same contract inline.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class Task(QObject):
    """One running job: emits progress, then exactly one of finished / failed / cancelled."""

    sig_progress = Signal(int, int, str)
    """(done, total, label) from the worker thread."""
    sig_finished = Signal(object)
    """The work function's return value."""
    sig_failed = Signal(str)
    """A one-line error message."""
    sig_cancelled = Signal()
    """The user cancelled and the work stopped."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work function to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def run(self, work: Work) -> None:
        """Run ``work`` here and emit the outcome (called on the worker thread, or inline)."""
        from workbench.core.errors import Cancelled, WorkbenchError

        try:
            result = work(self.sig_progress.emit, self.is_cancelled)
        except Cancelled:
            self.sig_cancelled.emit()
        except WorkbenchError as exc:
            self.sig_failed.emit(str(exc))
        except Exception as exc:  # a bug: log the trace, show one line, never crash
            log.error("task %s failed:\n%s", self.title, traceback.format_exc())
            self.sig_failed.emit(f"{self.title}: unexpected error: {exc}")
        else:
            if self.is_cancelled():
                self.sig_cancelled.emit()
            else:
                self.sig_finished.emit(result)


class _Runnable(QRunnable):
    def __init__(self, task: Task, work: Work) -> None:
        super().__init__()
        self.task = task
        self.work = work
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task.run(self.work)


class TaskRunner(QObject):
    """Starts tasks on a thread pool and keeps them alive until they end."""

    sig_task_started = Signal(object)
    """A Task was started (the status bar shows its progress and Cancel)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)
        self._live: set[Task] = set()

    def start(self, title: str, work: Work, on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[str], None] | None = None,
              before_start: Callable[[Task], None] | None = None) -> Task:
        """Run ``work`` in the background; callbacks run on the GUI thread.

        ``before_start(task)`` runs before the work does, so that a view can connect to every signal.
        """
        task = Task(title)
        self._live.add(task)
        if on_done is not None:
            task.sig_finished.connect(on_done)
        if on_error is not None:
            task.sig_failed.connect(on_error)
        for sig in (task.sig_finished, task.sig_failed, task.sig_cancelled):
            sig.connect(lambda *_a, t=task: self._live.discard(t))
        self.sig_task_started.emit(task)
        if before_start is not None:
            before_start(task)
        self._launch(task, work)
        return task

    def _launch(self, task: Task, work: Work) -> None:
        self.pool.start(_Runnable(task, work))

    def wait(self, msecs: int = 30000) -> bool:
        """Block until every task ended (for shutdown and tests)."""
        return self.pool.waitForDone(msecs)


class SyncRunner(TaskRunner):
    """Runs tasks inline on the calling thread: same signals, no threads (for widget tests)."""

    def _launch(self, task: Task, work: Work) -> None:
        task.run(work)
