"""Claims: create from a span, appearances, field edits, verdicts, relations, soft delete/restore, history.

Every write is one transaction that appends to history and returns frozen values. The inverse of each write is a
service call too (``update`` with the returned previous values; ``delete``/``restore``), which is all undo needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum
from typing import Any

from workbench.core.enums import RelationKind, Status
from workbench.core.errors import ConflictError, ValidationError
from workbench.core.text import parse_date
from workbench.core.values import AppearanceInfo, ClaimInfo, HistoryEntry, NewClaim, RelationInfo, SpanInfo
from workbench.persistence import repositories as repo
from workbench.services.store import Store

FIELDS = ("statement", "claimant", "claim_date", "status", "verdict", "rationale", "tags", "concluded_by")
"""``concluded_by`` is set by the service when a claim is concluded; it is a field only so that undo restores it."""


def _check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValidationError(f"unknown claim field(s): {', '.join(sorted(unknown))}")
    out = dict(fields)
    if "status" in out:
        try:
            out["status"] = Status(out["status"]).value
        except ValueError:
            raise ValidationError(
                f"unknown status {out['status']!r}; use one of: {', '.join(s.value for s in Status)}"
            ) from None
    if "claim_date" in out:
        out["claim_date"] = parse_date(out["claim_date"], "claim date")
    if "verdict" in out and out["verdict"] == "":
        out["verdict"] = None
    if "tags" in out:
        out["tags"] = tuple(sorted({t.strip() for t in out["tags"] if t.strip()}))
    if "statement" in out and not str(out["statement"]).strip():
        raise ValidationError("a claim needs a statement")
    return out


def create(
    store: Store,
    source_id: int,
    start: int,
    end: int,
    **fields: Any,
) -> ClaimInfo:
    """Create a claim whose first appearance is ``[start, end)`` of a source; statement defaults to the quote."""
    fields = _check_fields(fields)
    with store.db.transaction() as s:
        source = repo.get_source(s, source_id)
        span = repo.add_span(s, source_id, start, end)
        tags = fields.pop("tags", ())
        if not fields.get("statement"):
            fields["statement"] = " ".join(span.exact.split())
            if not fields["statement"]:
                raise ValidationError("the selected text is blank: select words to make a claim")
        repo.check_verdict(s, source.dossier_id, fields.get("verdict"))
        if fields.get("status") == Status.CONCLUDED:
            fields["concluded_by"] = store.user
        claim = repo.insert_claim(s, source.dossier_id, **fields)
        repo.set_tags(s, claim.id, tags)
        app = repo.insert_appearance(s, claim.id, span.id)
        repo.log(s, dossier_id=claim.dossier_id, claim_id=claim.id, entity="claim", entity_id=claim.id,
                 action="create", user=store.user, after=claim.statement)
        repo.log(s, dossier_id=claim.dossier_id, claim_id=claim.id, entity="appearance", entity_id=app.id,
                 action="create", user=store.user, after={"source_id": source_id, "start": start, "end": end})
        return repo.claim_values(s, [claim])[0]


def create_many(store: Store, dossier_id: int, items: Sequence[NewClaim]) -> list[int]:
    """Create many claims at once (annotation files, bulk imports): one transaction, a few statements per table.

    Every item is checked like :func:`create` (fields, a statement or a non-blank quote, verdicts of the scale,
    spans inside their sources) before anything is written. Returns the new ids in the order of ``items``.
    """
    from workbench.core.enums import Stance

    ready = []
    for item in items:
        if not item.appearances:
            raise ValidationError("a claim needs at least one appearance")
        for c in item.cited:
            if c[0] not in {s.value for s in Stance}:
                raise ValidationError(f"unknown stance {c[0]!r}; use supports, refutes or context")
        ready.append(replace(item, fields=_check_fields(dict(item.fields))))
    with store.db.transaction() as s:
        repo.get_dossier(s, dossier_id)
        texts = dict(repo.source_texts(s, {it.appearances[0][0] for it in ready}))
        checked = []
        for item in ready:
            if not item.fields.get("statement"):
                sid, start, end = item.appearances[0]
                quote = " ".join(texts.get(sid, "")[start:end].split())
                if not quote:
                    raise ValidationError("the selected text is blank: select words to make a claim")
                item = replace(item, fields={**item.fields, "statement": quote})
            checked.append(item)
        return repo.create_claims_bulk(s, dossier_id, store.user, checked)


def add_appearance(store: Store, claim_id: int, source_id: int, start: int, end: int) -> AppearanceInfo:
    """Record that the claim also appears at ``[start, end)`` of a source (any source of the same dossier)."""
    with store.db.transaction() as s:
        claim = repo.get_claim(s, claim_id)
        span = repo.add_span(s, source_id, start, end, dossier_id=claim.dossier_id)
        app = repo.insert_appearance(s, claim_id, span.id)
        repo.touch_claim(claim)
        repo.log(s, dossier_id=claim.dossier_id, claim_id=claim_id, entity="appearance", entity_id=app.id,
                 action="create", user=store.user, after={"source_id": source_id, "start": start, "end": end})
        return AppearanceInfo(app.id, claim_id, repo.span_value(span))


def update(
    store: Store, claim_id: int, *, expected_version: int | None = None, **fields: Any
) -> tuple[ClaimInfo, dict[str, Any]]:
    """Change claim fields. Returns the claim and the previous values of the fields that changed (for undo).

    With ``expected_version``, a claim changed by someone else since it was read raises ConflictError naming the
    field and the other person's value instead of overwriting it.
    """
    fields = _check_fields(fields)
    with store.db.transaction() as s:
        claim = repo.get_claim(s, claim_id)
        if "verdict" in fields:
            repo.check_verdict(s, claim.dossier_id, fields["verdict"])
        current = repo.claim_values(s, [claim])[0]
        if expected_version is not None and claim.version != expected_version:
            changed = [f for f in fields if getattr(current, f) != fields[f]]
            field = changed[0] if changed else next(iter(fields), "")
            theirs = getattr(current, field) if field else None
            if isinstance(theirs, StrEnum):  # shown as its stored value, as before the enums
                theirs = str(theirs)
            raise ConflictError(
                f"claim {claim_id} was changed by someone else (now {field} = {theirs!r}); re-apply or discard",
                field=field,
                theirs=theirs,
                mine=fields.get(field),
            )
        before: dict[str, Any] = {}
        concluded_by = claim.concluded_by
        for name, value in fields.items():
            old = getattr(current, name)
            if old == value:
                continue
            before[name] = old
            if name == "tags":
                repo.set_tags(s, claim_id, value)
            else:
                repo.assign(claim, name, value)
            repo.log(s, dossier_id=claim.dossier_id, claim_id=claim_id, entity="claim", entity_id=claim_id,
                     action="update", field=name, before=old, after=value, user=store.user)
        if before:
            concluding = fields.get("status") == Status.CONCLUDED or (
                "verdict" in before and claim.status == Status.CONCLUDED)
            if concluding and "concluded_by" not in fields:
                repo.assign(claim, "concluded_by", store.user)
            involves_conclusion = Status.CONCLUDED in (before.get("status"), claim.status)
            if (claim.concluded_by != concluded_by or involves_conclusion) and "concluded_by" not in before:
                before["concluded_by"] = concluded_by  # undo gives the verdict back to whoever concluded it
            repo.touch_claim(claim)  # also bumps ``version`` (optimistic locking), tags included
        s.flush()
        if not before or "tags" in before:  # tags: read back in the database's own order
            return repo.claim_values(s, [claim])[0] if before else current, before
        # Only the claim's own columns changed: its appearances, evidence and relations are the ones just read.
        saved = replace(current, statement=claim.statement, claimant=claim.claimant, claim_date=claim.claim_date,
                        status=Status(claim.status), verdict=claim.verdict, rationale=claim.rationale,
                        updated_at=claim.updated_at, version=claim.version, concluded_by=claim.concluded_by)
        return saved, before


def set_verdict(store: Store, claim_id: int, verdict: str | None) -> tuple[ClaimInfo, dict[str, Any]]:
    """Shortcut for ``update(verdict=...)``."""
    return update(store, claim_id, verdict=verdict)


def set_status(store: Store, claim_id: int, status: str) -> tuple[ClaimInfo, dict[str, Any]]:
    """Shortcut for ``update(status=...)``."""
    return update(store, claim_id, status=status)


def relate(store: Store, from_claim_id: int, to_claim_id: int, kind: str) -> RelationInfo:
    """Link two claims of one dossier (``same-as``, ``contradicts``, ``supports``)."""
    try:
        kind = RelationKind(kind).value
    except ValueError:
        raise ValidationError(f"unknown relation {kind!r}; use one of: same-as, contradicts, supports") from None
    if from_claim_id == to_claim_id:
        raise ValidationError("a claim cannot be related to itself")
    with store.db.transaction() as s:
        a = repo.get_claim(s, from_claim_id)
        b = repo.get_claim(s, to_claim_id)
        if a.dossier_id != b.dossier_id:
            raise ValidationError("claims of different dossiers cannot be related")
        rel = repo.insert_relation(s, from_claim_id, to_claim_id, kind)
        repo.log(s, dossier_id=a.dossier_id, claim_id=from_claim_id, entity="relation", entity_id=rel.id,
                 action="create", user=store.user, after={"to": to_claim_id, "kind": kind})
        return RelationInfo(rel.id, from_claim_id, to_claim_id, RelationKind(kind))


def delete(store: Store, entity: str, row_id: int) -> None:
    """Soft-delete a claim, appearance, evidence item or relation (undo: :func:`restore`)."""
    _set_deleted(store, entity, row_id, True)


def restore(store: Store, entity: str, row_id: int) -> None:
    """Restore what :func:`delete` removed."""
    _set_deleted(store, entity, row_id, False)


def _set_deleted(store: Store, entity: str, row_id: int, deleted: bool) -> None:
    if entity not in ("claim", "appearance", "evidence", "relation"):
        raise ValidationError(f"cannot delete a {entity} here")
    with store.db.transaction() as s:
        if entity == "claim":
            repo.soft_delete(repo.get_claim(s, row_id, deleted=True), deleted)
            claim_id = row_id
        else:
            item = (repo.get_appearance(s, row_id, deleted=True) if entity == "appearance"
                    else repo.get_evidence(s, row_id, deleted=True) if entity == "evidence"
                    else repo.get_relation(s, row_id, deleted=True))
            repo.soft_delete(item, deleted)
            claim_id = repo.claim_of_item(item)
        repo.log(s, dossier_id=repo.dossier_of_claim(s, claim_id), claim_id=claim_id, entity=entity,
                 entity_id=row_id, action="delete" if deleted else "restore", user=store.user)
        if entity != "claim":
            repo.touch_claim(repo.get_claim(s, claim_id, deleted=True))


def get(store: Store, claim_id: int) -> ClaimInfo:
    """One claim with appearances, evidence and relations."""
    with store.db.transaction() as s:
        return repo.claim_values(s, [repo.get_claim(s, claim_id)])[0]


def list_claims(
    store: Store,
    dossier_id: int,
    *,
    verdicts: Sequence[str] = (),
    statuses: Sequence[str] = (),
    source_ids: Sequence[int] = (),
    tag: str = "",
    text: str = "",
    claim_ids: Sequence[int] = (),
) -> list[ClaimInfo]:
    """Claims of a dossier matching every filter given."""
    with store.db.transaction() as s:
        rows = repo.query_claims(s, dossier_id, verdicts=verdicts, statuses=statuses, source_ids=source_ids,
                                 tag=tag, text=text, claim_ids=claim_ids)
        return repo.claim_values(s, rows)


def tags(store: Store, dossier_id: int) -> list[str]:
    """Every tag in use in the dossier."""
    with store.db.transaction() as s:
        return repo.all_tags(s, dossier_id)


def histories(store: Store, claim_ids: Sequence[int]) -> dict[int, list[HistoryEntry]]:
    """The change logs of many claims, read in one query (reports)."""
    with store.db.transaction() as s:
        return repo.history_of_claims(s, claim_ids)


def history(store: Store, claim_id: int) -> list[HistoryEntry]:
    """The change log of a claim (its fields, appearances, evidence, relations), oldest first."""
    with store.db.transaction() as s:
        repo.get_claim(s, claim_id, deleted=True)
        return repo.history_of_claim(s, claim_id)


def spans_of_source(store: Store, source_id: int) -> list[tuple[SpanInfo, int, str, str | None]]:
    """Every live span shown in a source: ``(span, claim_id, role, verdict)``, role ``appearance`` or a stance."""
    with store.db.transaction() as s:
        return repo.spans_in_source(s, source_id)
