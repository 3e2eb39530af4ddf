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
