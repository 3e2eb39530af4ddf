"""Undo/redo: every edit is a QUndoCommand whose redo/undo call a service and its inverse.

The service commits at once, so the database is always saved; the stack only remembers how to go back. The first
``do`` runs *before* the command is pushed, so that a refused edit raises to the caller (and shows a message)
instead of entering the stack; errors during a later undo/redo are reported through ``on_error``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack


class StepDropped(Exception):
    """Raised by an undo/redo step that did nothing on purpose: the command leaves the stack (obsolete)."""


class ServiceCommand(QUndoCommand):
    """A command from callables: ``undo(value)`` and ``again(value)`` receive what the first ``do`` returned."""

    MERGE_ID = 1

    def __init__(self, text: str, value: Any, undo: Callable[[Any], None], again: Callable[[Any], None],
                 controller: UndoController, merge_key: str | None = None) -> None:
        super().__init__(text)
        self._value = value
        self._undo = undo
        self._again = again
        self._controller = controller
        self._pushed = False
        self.merge_key = merge_key

    def id(self) -> int:
        """Commands with a merge key merge with the previous one of the same key (typing in one field)."""
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Keep this command's undo (the value before the first edit) and take the other's redo (the latest)."""
        if not isinstance(other, ServiceCommand) or other.merge_key != self.merge_key:
            return False
        self._again = other._again
        absorb = getattr(self._value, "absorb", None)
        if absorb is not None:  # a FieldEdit: one step from the first value to the latest, versions included
            absorb(other._value)
        return True

    def redo(self) -> None:
        """Re-apply (skipped on push: the edit was already done)."""
        if not self._pushed:
            self._pushed = True
            return
        self._controller.guard(lambda: self._again(self._value), self)

    def undo(self) -> None:
        """Revert."""
        self._controller.guard(lambda: self._undo(self._value), self)


class UndoController(QObject):
    """One QUndoStack per open database, plus the refresh and error hooks around it."""

    sig_changed = Signal()
    """Something was done, undone or redone: views refresh."""
    sig_error = Signal(str)
    """An undo/redo step was refused (one line)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = QUndoStack(self)
        self.before_edit: Callable[[], None] | None = None
        """Called before each new edit (the window asks the person's name before the first one)."""

    def execute(self, text: str, do: Callable[[], Any], undo: Callable[[Any], None],
                again: Callable[[Any], None] | None = None, merge_key: str | None = None) -> Any:
        """Run ``do`` now (exceptions propagate), then remember how to undo/redo it. Returns ``do()``'s value.

        Consecutive edits with the same ``merge_key`` (the pauses while typing one field) undo as one step.
        """
        if self.before_edit is not None:
            self.before_edit()
        value = do()
        redo = again if again is not None else (lambda _v: do())
        self.stack.push(ServiceCommand(text, value, undo, redo, self, merge_key))
        self.sig_changed.emit()
        return value

    def guard(self, step: Callable[[], None], command: QUndoCommand | None = None) -> None:
        """Run an undo/redo step; report failures instead of raising into Qt; a dropped step leaves the stack."""
        from workbench.core.errors import WorkbenchError

        try:
            step()
        except StepDropped:
            if command is not None:
                command.setObsolete(True)
        except WorkbenchError as exc:
            self.sig_error.emit(str(exc))
        self.sig_changed.emit()
