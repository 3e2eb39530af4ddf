"""Domain errors. Every error the user may see carries a one-line, human message."""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base of every error Workbench reports to the user as one line."""


class NotFoundError(WorkbenchError):
    """An id that names nothing (or something deleted)."""


class ValidationError(WorkbenchError):
    """A value the domain refuses (unknown verdict key, empty quote, bad offsets...)."""


class ImportFailure(WorkbenchError):
    """A file could not be imported; the message names the file and the reason."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class NeedsOCR(ImportFailure):
    """A PDF has pages but no text layer (a scan): the import goes on through OCR instead of stopping.

    Raised inside the PDF parser's child process, whose runner sends only the reason across; :meth:`matches`
    recognises it on either side of that boundary.
    """

    REASON = "no text layer: the PDF needs OCR"

    def __init__(self, name: str, reason: str = REASON) -> None:
        super().__init__(name, reason)

    @classmethod
    def matches(cls, exc: ImportFailure) -> bool:
        """Whether ``exc`` is this refusal, typed or as the plain failure the child runner re-raised."""
        return isinstance(exc, cls) or exc.reason.startswith("no text layer")


class ConflictError(WorkbenchError):
    """Someone else changed the same record since it was read (optimistic locking)."""

    def __init__(self, message: str, *, field: str = "", theirs: object = None, mine: object = None) -> None:
        super().__init__(message)
        self.field = field
        self.theirs = theirs
        self.mine = mine


class Cancelled(WorkbenchError):
    """A long task was cancelled by the user."""


class DatabaseError(WorkbenchError):
    """The database could not do what was asked; the transaction was rolled back, so nothing was changed.

    Raised by :mod:`workbench.persistence.engine`, the one place where driver errors are translated; each subclass
    names one cause so that the window can react (keep typed text, offer a retry) without reading messages.
    """


class DatabaseLocked(DatabaseError):
    """Another program held the database lock for longer than the busy timeout."""


class DatabaseUnreachable(DatabaseError):
    """The database server cannot be reached (refused, reset, shut down)."""


class DiskFull(DatabaseError):
    """The disk (or the server's quota) is full."""


class ReadOnlyDatabase(DatabaseError):
    """The database file, its folder or the server refuses writes."""


class NewerSchema(DatabaseError):
    """The database was written by a newer Workbench: its schema revision is unknown here."""


class OutOfMemory(WorkbenchError):
    """The machine ran out of memory during a task; what was saved before is intact."""
