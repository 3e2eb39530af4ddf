"""Operations: one user action = one transaction, returning its value, what changed and how to undo it.

Modelled on Anki's ``CollectionOp`` + ``OpChanges``: the window never composes service calls itself. It builds an
:class:`Operation` (a frozen value saying *what* the user asked for), hands it to a runner, and gets back an
:class:`Outcome`: the value, a :class:`~workbench.core.values.Changes` record (which claims, sources, spans and
evidence items to refresh) and the inverse operation. Running the inverse undoes the action and returns the
operation that redoes it, so an undo stack is just a list of operations; it needs no closures and no Qt.

Every :meth:`Operation.run` is **one transaction**: the service calls it makes join it (see
:meth:`workbench.persistence.engine.Database.transaction`), so a failure half-way through a composite action (a
claim with two appearances, an import of twenty files, a thousand annotations) leaves nothing behind.

Undo is optimistic-locked like any edit: the inverse of a claim edit carries the version the forward step produced,
so if someone else changed the claim in between, running it raises :class:`~workbench.core.errors.ConflictError`
(with their value) instead of overwriting their work; :meth:`EditClaim.forced` is the "re-apply mine" answer.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Generic, Literal, TypeVar

from workbench.core.values import Changes, ClaimInfo, ImportBundle, SourceInfo
from workbench.services import claims, evidence, sources
from workbench.services.store import Store

T = TypeVar("T")
TrashEntity = Literal["claim", "appearance", "evidence", "relation", "source"]


@dataclass(frozen=True, slots=True)
class Outcome(Generic[T]):
    """What running an operation gave: its value, what changed, and the operation that undoes it."""

    value: T
    changes: Changes
    inverse: Operation[Any]


class Operation(ABC, Generic[T]):
    """A user action, as a value. Subclasses are frozen dataclasses; :attr:`label` names them in the Edit menu."""

    label: ClassVar[str] = ""

    def run(self, store: Store) -> Outcome[T]:
        """Apply the action in one transaction (committed when this returns, rolled back if it raises)."""
        with store.db.transaction():
            return self._apply(store)

    @abstractmethod
    def _apply(self, store: Store) -> Outcome[T]:
        """The action's service calls; they join the transaction that :meth:`run` opened."""


def _touched(claim_ids: Sequence[int] = (), source_ids: Sequence[int] = (), **kinds: Sequence[int]) -> Changes:
    return Changes(
        claims=frozenset(claim_ids),
        sources=frozenset(source_ids),
        spans=frozenset(kinds.get("spans", ())),
        evidence=frozenset(kinds.get("evidence", ())),
    )


# --- trash and restore: the inverse of every creation -----------------------------------------------------------


@dataclass(frozen=True)
class Trash(Operation[None]):
    """Move rows of one kind to the trash (soft delete) in one transaction; the inverse restores them."""

    entity: TrashEntity
    ids: tuple[int, ...]
    touched: Changes = field(default_factory=Changes)
    label: ClassVar[str] = "Delete"

    def _apply(self, store: Store) -> Outcome[None]:
        for row_id in self.ids:
            if self.entity == "source":
                sources.delete(store, row_id)
            else:
                claims.delete(store, self.entity, row_id)
        return Outcome(None, self.touched, Restore(self.entity, self.ids, self.touched))


@dataclass(frozen=True)
class Restore(Operation[None]):
    """Take rows out of the trash in one transaction; the inverse trashes them again."""

    entity: TrashEntity
    ids: tuple[int, ...]
    touched: Changes = field(default_factory=Changes)
    label: ClassVar[str] = "Restore"

    def _apply(self, store: Store) -> Outcome[None]:
        for row_id in self.ids:
            if self.entity == "source":
                sources.restore(store, row_id)
            else:
                claims.restore(store, self.entity, row_id)
        return Outcome(None, self.touched, Trash(self.entity, self.ids, self.touched))


# --- claims -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CreateClaim(Operation[ClaimInfo]):
    """A new claim whose appearances are the given spans ``(source_id, start, end)``, the first one first.

    One span: "New claim from selection". Two or more: a claim from a Compare pair, or from several highlights.
    """

    spans: tuple[tuple[int, int, int], ...]
    fields: Mapping[str, Any] = field(default_factory=dict)
    label: ClassVar[str] = "New claim"

    def _apply(self, store: Store) -> Outcome[ClaimInfo]:
        (source_id, start, end), *others = self.spans
        claim = claims.create(store, source_id, start, end, **self.fields)
        for sid, a, b in others:
            claims.add_appearance(store, claim.id, sid, a, b)
        claim = claims.get(store, claim.id)
        touched = _touched([claim.id], [s for s, _a, _b in self.spans], spans=[a.span.id for a in claim.appearances])
        return Outcome(claim, touched, Trash("claim", (claim.id,), touched))


@dataclass(frozen=True)
class AddAppearance(Operation[int]):
    """The claim also appears at ``[start, end)`` of a source; the value is the appearance id."""

    claim_id: int
    source_id: int
    start: int
    end: int
    label: ClassVar[str] = "Add appearance"

    def _apply(self, store: Store) -> Outcome[int]:
        app = claims.add_appearance(store, self.claim_id, self.source_id, self.start, self.end)
        touched = _touched([self.claim_id], [self.source_id], spans=[app.span.id])
        return Outcome(app.id, touched, Trash("appearance", (app.id,), touched))


@dataclass(frozen=True)
class EditClaim(Operation[ClaimInfo]):
    """Change claim fields. With ``expected_version``, a claim changed by someone else raises ConflictError.

    The inverse puts the previous values back and expects the version this edit produced, so an undo never
    silently overwrites a colleague's later edit.
    """

    claim_id: int
    fields: Mapping[str, Any]
    expected_version: int | None = None
    label: ClassVar[str] = "Edit claim"

    def forced(self) -> EditClaim:
        """The same edit without the version check: the user chose to re-apply their value over the other one."""
        return replace(self, expected_version=None)

    def _apply(self, store: Store) -> Outcome[ClaimInfo]:
        if not self.fields:
            claim = claims.get(store, self.claim_id)
            return Outcome(claim, Changes(), replace(self, expected_version=claim.version))
        claim, before = claims.update(store, self.claim_id, expected_version=self.expected_version, **self.fields)
        inverse = EditClaim(self.claim_id, before, expected_version=claim.version)
        return Outcome(claim, _touched([self.claim_id]), inverse)


@dataclass(frozen=True)
class Relate(Operation[int]):
    """Link two claims (``same-as``, ``contradicts``, ``supports``); the value is the relation id."""

    from_claim_id: int
    to_claim_id: int
    kind: str
    label: ClassVar[str] = "Link claims"

    def _apply(self, store: Store) -> Outcome[int]:
        rel = claims.relate(store, self.from_claim_id, self.to_claim_id, self.kind)
        touched = _touched([self.from_claim_id, self.to_claim_id])
        return Outcome(rel.id, touched, Trash("relation", (rel.id,), touched))


# --- evidence ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CiteSpan(Operation[int]):
    """Cite ``[start, end)`` of a source as evidence (supports / refutes / context); the value is the evidence id."""

    claim_id: int
    stance: str
    source_id: int
    start: int
    end: int
    note: str = ""
    label: ClassVar[str] = "Cite evidence"

    def _apply(self, store: Store) -> Outcome[int]:
        ev = evidence.cite_span(store, self.claim_id, self.stance, self.source_id, self.start, self.end, self.note)
        spans = [ev.span.id] if ev.span is not None else []
        touched = _touched([self.claim_id], [self.source_id], spans=spans, evidence=[ev.id])
        return Outcome(ev.id, touched, Trash("evidence", (ev.id,), touched))


@dataclass(frozen=True)
class CiteExternal(Operation[int]):
    """Cite an external reference (``url``, ``title``, ``publisher``, ``published``, ``archive_url``, ...)."""

    claim_id: int
    stance: str
    reference: Mapping[str, Any]
    label: ClassVar[str] = "Cite external reference"

    def _apply(self, store: Store) -> Outcome[int]:
        ev = evidence.cite_external(store, self.claim_id, self.stance, **self.reference)
        touched = _touched([self.claim_id], evidence=[ev.id])
        return Outcome(ev.id, touched, Trash("evidence", (ev.id,), touched))


# --- sources ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportSources(Operation[tuple[SourceInfo, ...]]):
    """Store parsed files as sources of a dossier, all in one transaction; the value is the new sources.

    Parsing (slow, may fail per file) happens before, outside any transaction: see
    :func:`workbench.services.sources.import_files`. A file whose bytes are already in the dossier is not stored
    twice and is not part of the undo.
    """

    dossier_id: int
    bundles: tuple[ImportBundle, ...]
    overrides: Mapping[str, object] = field(default_factory=dict)
    label: ClassVar[str] = "Import sources"

    def _apply(self, store: Store) -> Outcome[tuple[SourceInfo, ...]]:
        added = []
        for bundle in self.bundles:
            result = sources.add(store, self.dossier_id, bundle, **self.overrides)
            if result.created:
                added.append(result.source)
        ids = tuple(s.id for s in added)
        touched = _touched(source_ids=ids)
        return Outcome(tuple(added), touched, Trash("source", ids, touched))


@dataclass(frozen=True)
class EditSource(Operation[SourceInfo]):
    """Correct a source's metadata (title, outlet, author, published, url, language, reliability note)."""

    source_id: int
    fields: Mapping[str, Any]
    label: ClassVar[str] = "Edit source"

    def _apply(self, store: Store) -> Outcome[SourceInfo]:
        info, before = sources.update(store, self.source_id, **self.fields)
        return Outcome(info, _touched(source_ids=[self.source_id]), EditSource(self.source_id, before))


@dataclass(frozen=True)
class EditPublication(Operation[None]):
    """Change publication settings together; the inverse puts back the values they replaced.

    The settings: organisation, its URL and logo, the dossier's publication URL, paper size, the user's signing name.
    """

    dossier_id: int
    values: Mapping[str, str]
    stored: bool = False
    """The values were stored before (undo and redo put them back): not checked again, since a dossier restore may
    have stored a value the dialog's checks would refuse."""
    label: ClassVar[str] = "Publication settings"

    def _apply(self, store: Store) -> Outcome[None]:
        from workbench.services import publication  # reports' helpers: not needed by the other operations

        before = publication.set_values(store, self.values, self.dossier_id, checked=not self.stored)
        return Outcome(None, Changes(), EditPublication(self.dossier_id, before, stored=True))


@dataclass(frozen=True)
class ImportAnnotations(Operation[Any]):
    """Re-anchor a W3C Web Annotation file onto the dossier and create its claims, in one transaction."""

    dossier_id: int
    data: bytes
    name: str = "annotations.jsonld"
    label: ClassVar[str] = "Import annotations"

    def _apply(self, store: Store) -> Outcome[Any]:
        from workbench.services.annotations import import_annotations

        result = import_annotations(store, self.dossier_id, self.data, self.name)
        touched = _touched(result.claim_ids)
        return Outcome(result, touched, Trash("claim", tuple(result.claim_ids), touched))
