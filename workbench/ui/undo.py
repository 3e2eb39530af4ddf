"""One user action, one operation: the runner that executes operations, and the undo command that wraps them.

* :class:`OperationRunner` executes jobs (an operation's ``run``) **serially on one database worker thread**
  (:class:`ThreadedRunner`, a ``QThread`` fed by a queue) or inline (:class:`InlineRunner`, for tests); results
  come back on the GUI thread, and every applied operation's :class:`~workbench.core.values.Changes` is published
  on the one change bus, :attr:`OperationRunner.sig_changed`. Views subscribe and refresh only what changed.
* :class:`OperationCommand` is the one ``QUndoCommand``: redo runs the operation, undo runs its inverse; each step
  keeps the inverse the step returned, so versions chain (the inverse of an edit expects the version the edit
  produced). When a step's version check fails (someone else changed the claim since), the user gets the same
  re-apply / keep-theirs choice as for a first edit; keeping theirs drops the step from the stack.
* :class:`UndoController` ties them: :meth:`UndoController.run` runs a first edit (a refused edit never enters the
  stack), asks on a conflict, keeps an edit made while the server is unreachable (``on_unreachable``) and turns
  every typed database error into one line on :attr:`UndoController.sig_error` (a message box, never a traceback).
"""

from __future__ import annotations

import atexit
import logging
import queue
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.core.errors import ConflictError, DatabaseUnreachable, WorkbenchError
from workbench.core.values import Changes, ClaimInfo
from workbench.services.operations import EditClaim, Operation, Outcome
from workbench.services.store import Store

log = logging.getLogger(__name__)

Job = Callable[[Store], Any]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def saved_claims(outcome: Outcome[Any]) -> tuple[ClaimInfo, ...]:
    """The claims an operation's value holds as saved (an edit returns its claim): published with its changes."""
    return (outcome.value,) if isinstance(outcome.value, ClaimInfo) else ()


def error_line(exc: BaseException) -> str:
    """One line for the user: a Workbench error says what happened; anything else is a bug, logged with its trace."""
    if isinstance(exc, WorkbenchError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return "out of memory; what was saved before is intact"
    return f"unexpected error: {exc}"


class OperationRunner(QObject):
    """Runs database jobs one after another; callbacks and :attr:`sig_changed` arrive on the GUI thread."""

    sig_changed = Signal(object)
    """The change bus: a :class:`Changes` after every operation, undo or redo applied (and after live refresh)."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._pending = 0
        self._fresh: dict[int, ClaimInfo] = {}

    def submit(self, job: Job, on_done: Done | None = None, on_error: Failed | None = None) -> None:
        """Queue ``job(store)``; ``on_done(value)`` or ``on_error(exception)`` is called on the GUI thread."""
        self._pending += 1
        self._launch(job, on_done, on_error)

    def _launch(self, job: Job, on_done: Done | None, on_error: Failed | None) -> None:
        raise NotImplementedError

    def _deliver(self, item: tuple[Done | None, Failed | None, bool, Any]) -> None:
        on_done, on_error, ok, value = item
        self._pending -= 1
        if ok:
            if on_done is not None:
                on_done(value)
        elif on_error is not None:
            on_error(value)
        else:
            log.warning("%s", error_line(value))

    def publish(self, changes: Changes, claims: Iterable[ClaimInfo] = ()) -> None:
        """Tell every view what changed (nothing is emitted for an empty record).

        ``claims``: the saved values of changed claims that the operation already returned (an edit's outcome
        holds the claim as saved). While :attr:`sig_changed` is being emitted, :meth:`fresh_claim` hands them to
        the subscribers, so a view need not read them back from the database.
        """
        if not changes:
            return
        previous, self._fresh = self._fresh, {c.id: c for c in claims if c.id in changes.claims}
        try:
            self.sig_changed.emit(changes)
        finally:
            self._fresh = previous

    def fresh_claim(self, claim_id: int) -> ClaimInfo | None:
        """During :attr:`sig_changed`: the claim as the publishing operation saved it, or None (read it)."""
        return self._fresh.get(claim_id)

    def idle(self) -> bool:
        """Whether every submitted job ran and its callback was delivered."""
        return self._pending == 0

    def stop(self, msecs: int = 5000) -> None:
        """Finish queued jobs and stop the worker (window closing)."""


def _execute(job: Job, store: Store) -> tuple[bool, Any]:
    try:
        return True, job(store)
    except Exception as exc:  # delivered to the GUI thread as a value, never raised into Qt
        if not isinstance(exc, WorkbenchError):
            log.error("operation failed:\n%s", traceback.format_exc())
        return False, exc


class InlineRunner(OperationRunner):
    """Runs each job at once on the calling thread (tests, scripts): same callbacks, no thread."""

    def _launch(self, job: Job, on_done: Done | None, on_error: Failed | None) -> None:
        ok, value = _execute(job, self.store)
        self._deliver((on_done, on_error, ok, value))


class _Worker(QThread):
    sig_result = Signal(object)

    def __init__(self, store: Store, jobs: queue.Queue[Any]) -> None:
        super().__init__()
        self.store = store
        self.jobs = jobs

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is None:
                return
            job, on_done, on_error = item
            ok, value = _execute(job, self.store)
            self.sig_result.emit((on_done, on_error, ok, value))


SWITCH_INTERVAL_S = 0.001
"""How long the worker may hold the interpreter while the GUI thread waits for it (Python's default is 5 ms).

The GUI thread needs the interpreter for every Python slot and override it meets while it handles a key press or
repaints; while the worker runs a job in Python, each of those waits up to the switch interval. 1 ms keeps the
window answering during a save; the cost is a few more switches per second when both threads are busy."""

_LIVE: set[Callable[[], None]] = set()
"""How to stop every worker started: called at exit, so no running QThread is ever destroyed."""


@atexit.register
def _stop_all() -> None:
    for finish in list(_LIVE):
        finish()


class ThreadedRunner(OperationRunner):
    """One serial database worker thread: the GUI thread never waits for a round trip to the server."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(store, parent)
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._jobs: queue.Queue[Any] = queue.Queue()
        self._worker = _Worker(store, self._jobs)
        self._worker.sig_result.connect(self._deliver)  # queued: the worker emits, the GUI thread delivers
        self._worker.start()
        jobs, worker = self._jobs, self._worker

        def finish(*_a: Any) -> None:  # the window went without closing: never destroy a running QThread
            try:
                if worker.isRunning():
                    jobs.put(None)
                    worker.wait(5000)
            except RuntimeError:  # already stopped and deleted
                pass

        self.destroyed.connect(finish)
        _LIVE.add(finish)

    def _launch(self, job: Job, on_done: Done | None, on_error: Failed | None) -> None:
        self._jobs.put((job, on_done, on_error))

    def stop(self, msecs: int = 5000) -> None:
        """Let the worker finish what is queued, stop it, and deliver its last results."""
        if self._worker.isRunning():
            self._jobs.put(None)
            self._worker.wait(msecs)
            self.deliver_now()

    def deliver_now(self) -> None:
        """Deliver the results the worker already sent (closing: their refreshes are still shown)."""
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents(self)


class OperationCommand(QUndoCommand):
    """The one undo command: redo runs the operation, undo runs its inverse, each step version-checked."""

    MERGE_ID = 1

    def __init__(self, text: str, op: Operation[Any], outcome: Outcome[Any], controller: UndoController,
                 merge_key: str | None = None) -> None:
        super().__init__(text)
        self.redo_op: Operation[Any] = op
        self.undo_op: Operation[Any] = outcome.inverse
        self.controller = controller
        self.merge_key = merge_key
        self.dropped = False
        self._pushed = False

    def id(self) -> int:
        """Commands with a merge key merge with the previous one of the same key (typing in one field)."""
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """One step from the first value to the latest: this command's old values, the other's version and redo."""
        if not isinstance(other, OperationCommand) or other.merge_key != self.merge_key:
            return False
        mine, theirs = self.undo_op, other.undo_op
        if isinstance(mine, EditClaim) and isinstance(theirs, EditClaim):
            self.undo_op = replace(mine, fields={**theirs.fields, **mine.fields},
                                   expected_version=theirs.expected_version)
        else:
            return False
        self.redo_op = other.redo_op
        return True

    def redo(self) -> None:
        """Run the operation again (skipped on push: it already ran)."""
        if not self._pushed:
            self._pushed = True
            return
        self.controller.step(self, redo=True)

    def undo(self) -> None:
        """Run the inverse."""
        self.controller.step(self, redo=False)


class UndoController(QObject):
    """One QUndoStack per open database; runs operations through the runner and asks on conflicts."""

    sig_error = Signal(str)
    """An operation, undo or redo was refused (one line)."""
    sig_status = Signal(str)
    """A short note for the status bar (a step dropped on "keep theirs")."""

    def __init__(self, runner: OperationRunner, resolve: Callable[[ConflictError], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.resolve = resolve
        self.stack = QUndoStack(self)
        self.before_edit: Callable[[], None] | None = None
        """Called before each new edit (the window asks the person's name before the first one)."""
        self.on_unreachable: Callable[[Operation[Any]], bool] | None = None
        """Called when the server cannot be reached during a first edit; True: the edit is kept for a replay."""
        self.known: dict[int, int] = {}
        """Claim id -> the version this window's own last step produced (own steps are not someone else's)."""

    # --- running ------------------------------------------------------------------------------------------

    def _checked(self, store: Store, op: Operation[Any]) -> Outcome[Any]:
        """Run ``op`` on the worker; an edit expects at least the version our own last step produced."""
        if isinstance(op, EditClaim) and op.expected_version is not None:
            own = self.known.get(op.claim_id)
            if own is not None and own > op.expected_version:
                op = replace(op, expected_version=own)
        outcome = op.run(store)
        if isinstance(outcome.value, ClaimInfo):
            self.known[outcome.value.id] = outcome.value.version
        return outcome

    def run(self, text: str, op: Operation[Any], *, merge_key: str | None = None,
            on_done: Done | None = None, undoable: bool = True) -> Any:
        """Run a user action; on success push it on the stack and publish its changes.

        Returns the operation's value when the runner is inline (None while a threaded runner is still working:
        pass ``on_done`` for what follows the action).
        """
        if self.before_edit is not None:
            self.before_edit()
        result: list[Any] = []

        def done(outcome: Outcome[Any]) -> None:
            if undoable:
                self.stack.push(OperationCommand(text, op, outcome, self, merge_key))
            self.runner.publish(outcome.changes, saved_claims(outcome))
            result.append(outcome.value)
            if on_done is not None:
                on_done(outcome.value)

        def failed(exc: BaseException, first: bool = True) -> None:
            if isinstance(exc, ConflictError) and isinstance(op, EditClaim) and first:
                if self.resolve(exc):
                    self.runner.submit(lambda s: self._checked(s, op.forced()), done,
                                       lambda e: failed(e, first=False))
                else:
                    self.runner.publish(Changes(claims=frozenset({op.claim_id})))  # show their value
                return
            if isinstance(exc, DatabaseUnreachable) and self.on_unreachable is not None and self.on_unreachable(op):
                return
            self.sig_error.emit(error_line(exc))

        self.runner.submit(lambda s: self._checked(s, op), done, failed)
        return result[0] if result else None

    def record(self, text: str, op: Operation[Any], outcome: Outcome[Any]) -> None:
        """Push an operation that already ran elsewhere (an import in a background task): only its undo is new."""
        self.stack.push(OperationCommand(text, op, outcome, self))

    def call(self, job: Job, on_done: Done | None = None) -> None:
        """Run a non-undoable database job on the worker (restore a dossier file); errors become one line."""
        self.runner.submit(job, on_done, lambda e: self.sig_error.emit(error_line(e)))

    def step(self, command: OperationCommand, *, redo: bool) -> None:
        """Undo or redo ``command`` on the worker; a conflict asks, and "keep theirs" drops the step."""
        if command.dropped:
            return

        def job(store: Store, force: bool = False) -> Outcome[Any]:
            op = command.redo_op if redo else command.undo_op
            if force and isinstance(op, EditClaim):
                op = op.forced()
            outcome = self._checked(store, op)
            if redo:
                command.undo_op = outcome.inverse
            else:
                command.redo_op = outcome.inverse
            return outcome

        def done(outcome: Outcome[Any]) -> None:
            self.runner.publish(outcome.changes, saved_claims(outcome))

        def failed(exc: BaseException, first: bool = True) -> None:
            if isinstance(exc, ConflictError) and first:
                if self.resolve(exc):
                    self.runner.submit(lambda s: job(s, force=True), done, lambda e: failed(e, first=False))
                    return
                command.dropped = True
                command.setObsolete(True)  # leaves the stack (at once inline, at its next step when threaded)
                op = command.redo_op if redo else command.undo_op
                if isinstance(op, EditClaim):
                    self.runner.publish(Changes(claims=frozenset({op.claim_id})))
                self.sig_status.emit(self.tr("Kept the other person's value."))
                return
            self.sig_error.emit(error_line(exc))

        self.runner.submit(job, done, failed)
