"""One field edit of a claim as an undoable step whose undo and redo are version-checked, like the edit itself.

Every step (the edit, its undo, its redo) passes the claim version the previous step produced: when someone else
changed the claim in between, the service raises :class:`~workbench.core.errors.ConflictError` and the window asks
the user to re-apply or keep theirs, exactly as for a first edit. Nothing here imports Qt, so the version chain is
tested without a window (``tests/ui/test_field_edit.py``); the window wraps it in a ``QUndoCommand``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.services import claims as claims_svc
from workbench.services.store import Store


@dataclass
class FieldEdit:
    """Set ``name`` of a claim to ``value``; remembers the previous values and the version its last step produced."""

    store: Store
    claim_id: int
    name: str
    value: Any
    before: dict[str, Any] = field(default_factory=dict)
    version: int | None = None
    """The claim's version after the last step that ran (the one the next step expects)."""
    known: dict[int, int] | None = None
    """Shared by every edit of one window: claim id -> the version this window's own last step produced. Steps of
    other edits of the same claim by the same person are not someone else's changes."""

    def _expected(self) -> int | None:
        if self.known is not None and self.claim_id in self.known:
            return self.known[self.claim_id]
        return self.version

    def _produced(self, version: int) -> None:
        self.version = version
        if self.known is not None:
            self.known[self.claim_id] = version

    def apply(self, expected_version: int | None) -> FieldEdit:
        """The edit itself, checked against the version the editor showed (None: unchecked)."""
        claim, self.before = claims_svc.update(self.store, self.claim_id, expected_version=expected_version,
                                               **{self.name: self.value})
        self._produced(claim.version)
        return self

    def undo(self, *, force: bool = False) -> None:
        """Put the previous values back; raises ConflictError if the claim changed since (unless ``force``)."""
        if not self.before:
            return
        claim, _ = claims_svc.update(self.store, self.claim_id,
                                     expected_version=None if force else self._expected(), **self.before)
        self._produced(claim.version)

    def redo(self, *, force: bool = False) -> None:
        """Apply the value again; raises ConflictError if the claim changed since (unless ``force``)."""
        claim, before = claims_svc.update(self.store, self.claim_id,
                                          expected_version=None if force else self._expected(),
                                          **{self.name: self.value})
        self.before = before  # what this redo replaced is what its undo puts back
        self._produced(claim.version)

    def absorb(self, later: FieldEdit) -> None:
        """Merge a later edit of the same field (a pause while typing): one undo step back to the first value."""
        self.value = later.value
        self.version = later.version
        for key, old in later.before.items():
            self.before.setdefault(key, old)
