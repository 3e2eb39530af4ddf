"""Row-level copy of one dossier between databases (any backend to any backend), ids remapped.

:func:`export_dossier_rows` reads every row of a dossier, soft-deleted ones included (undo and history stay
meaningful), into plain lists of column dicts; :func:`import_dossier_rows` writes them into another database with
bulk ``INSERT ... RETURNING`` statements, parents first, and rewrites every reference to the new ids: foreign keys,
and the ids history lines mention (``entity_id``, ``claim_id``, ``source_id``/``revision_of`` in ``before`` and
``after``, a relation's ``to``).
Neither commits: the caller owns both transactions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, insert, select, update
from sqlalchemy.orm import Session

from workbench.core.errors import NotFoundError
from workbench.persistence.models import (
    Appearance,
    Claim,
    ClaimRelation,
    ClaimTag,
    Dossier,
    Evidence,
    History,
    RatingScaleRow,
    Source,
    Span,
    SpanDrift,
    VerdictLabel,
    VerdictRow,
)

Rows = list[dict[str, Any]]

# Export keys, in insertion order (parents first).
KEYS = ("scale", "verdicts", "verdict_labels", "dossier", "sources", "spans", "claims", "claim_tags", "appearances",
        "evidence", "relations", "history", "span_drift")


def _rows(session: Session, model: type[Any], *where: Any, order: Any = None) -> Rows:
    table = model.__table__
    stmt = select(table).where(*where)
    if order is not None:
        stmt = stmt.order_by(*order) if isinstance(order, tuple) else stmt.order_by(order)
    return [dict(row) for row in session.execute(stmt).mappings()]


def export_dossier_rows(session: Session, dossier_id: int) -> dict[str, Rows]:
    """Every row of a dossier as plain dicts (column name -> value), keyed as in :data:`KEYS`.

    Raises:
        NotFoundError: no dossier with that id.
    """
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFoundError(f"no dossier with id {dossier_id}")
    source_ids = select(Source.id).where(Source.dossier_id == dossier_id).scalar_subquery()
    claim_ids = select(Claim.id).where(Claim.dossier_id == dossier_id).scalar_subquery()
    return {
        "scale": _rows(session, RatingScaleRow, RatingScaleRow.id == dossier.scale_id),
        "verdicts": _rows(session, VerdictRow, VerdictRow.scale_id == dossier.scale_id, order=VerdictRow.position),
        "verdict_labels": _rows(session, VerdictLabel, VerdictLabel.verdict_id.in_(
            select(VerdictRow.id).where(VerdictRow.scale_id == dossier.scale_id).scalar_subquery()),
            order=(VerdictLabel.verdict_id, VerdictLabel.language)),
        "dossier": _rows(session, Dossier, Dossier.id == dossier_id),
        "sources": _rows(session, Source, Source.dossier_id == dossier_id, order=Source.id),
        "spans": _rows(session, Span, Span.source_id.in_(source_ids), order=Span.id),
        "claims": _rows(session, Claim, Claim.dossier_id == dossier_id, order=Claim.id),
        "claim_tags": _rows(session, ClaimTag, ClaimTag.claim_id.in_(claim_ids), order=ClaimTag.claim_id),
        "appearances": _rows(session, Appearance, Appearance.claim_id.in_(claim_ids), order=Appearance.id),
        "evidence": _rows(session, Evidence, Evidence.claim_id.in_(claim_ids), order=Evidence.id),
        "relations": _rows(session, ClaimRelation, ClaimRelation.from_claim_id.in_(claim_ids), order=ClaimRelation.id),
        "history": _rows(session, History, History.dossier_id == dossier_id, order=History.id),
        "span_drift": _rows(session, SpanDrift, SpanDrift.dossier_id == dossier_id, order=SpanDrift.id),
    }


def _insert(session: Session, model: type[Any], rows: Rows, **remap: dict[int, int]) -> dict[int, int]:
    """Bulk-insert ``rows`` without their ids, foreign keys rewritten through ``remap``; old id -> new id."""
    if not rows:
        return {}
    payload = []
    for row in rows:
        values = {k: v for k, v in row.items() if k != "id"}
        for column, mapping in remap.items():
            if values.get(column) is not None:
                values[column] = mapping[values[column]]
        payload.append(values)
    # The table, not the ORM bulk path: that one would reset ``claim.version`` (its version_id_col) to 1.
    table = model.__table__
    if "id" not in rows[0]:
        session.execute(insert(table), payload)
        return {}
    result = session.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), payload)
    return dict(zip((row["id"] for row in rows), result.scalars(), strict=True))


def _json(value: Any) -> Any:
    """``None`` as JSON ``null`` (the history columns are NOT NULL), anything else as is."""
    return JSON.NULL if value is None else value


def import_dossier_rows(session: Session, data: dict[str, Rows]) -> int:
    """Insert what :func:`export_dossier_rows` returned as a new dossier of this database; return its id."""
    scale = _insert(session, RatingScaleRow, data["scale"])
    verdicts = _insert(session, VerdictRow, data["verdicts"], scale_id=scale)
    _insert(session, VerdictLabel, data.get("verdict_labels", []), verdict_id=verdicts)
    dossier = _insert(session, Dossier, data["dossier"], scale_id=scale)
    sources = _insert(session, Source, data["sources"], dossier_id=dossier)
    for row in data["sources"]:  # a revision names the one it replaces (a plain column, see migration 0004)
        if row.get("revision_of_id") is not None:
            session.execute(update(Source).where(Source.id == sources[row["id"]])
                            .values(revision_of_id=sources.get(row["revision_of_id"])))
    spans = _insert(session, Span, data["spans"], source_id=sources)
    claims = _insert(session, Claim, data["claims"], dossier_id=dossier)
    _insert(session, ClaimTag, data["claim_tags"], claim_id=claims)
    appearances = _insert(session, Appearance, data["appearances"], claim_id=claims, span_id=spans)
    evidence = _insert(session, Evidence, data["evidence"], claim_id=claims, span_id=spans)
    relations = _insert(session, ClaimRelation, data["relations"], from_claim_id=claims, to_claim_id=claims)
    by_entity = {"dossier": dossier, "source": sources, "claim": claims, "appearance": appearances,
                 "evidence": evidence, "relation": relations}
    history = []
    for row in data["history"]:
        row = dict(row)
        row["entity_id"] = by_entity.get(row["entity"], {}).get(row["entity_id"], 0)
        if row.get("claim_id") is not None:
            row["claim_id"] = claims.get(row["claim_id"])
        for side in ("before", "after"):  # a re-anchored span's "before" names the old revision, "after" the new
            value = row.get(side)
            if isinstance(value, dict):
                value = dict(value)
                for ref in ("source_id", "revision_of"):
                    if isinstance(value.get(ref), int):
                        value[ref] = sources.get(value[ref], value[ref])
                if row["entity"] == "relation" and isinstance(value.get("to"), int):
                    value["to"] = claims.get(value["to"], value["to"])
                row[side] = value
        row["before"], row["after"] = _json(row.get("before")), _json(row.get("after"))
        history.append(row)
    _insert(session, History, history, dossier_id=dossier)
    drift = [dict(row, item_id=(appearances if row["role"] == "appearance" else evidence).get(row["item_id"], 0))
             for row in data.get("span_drift", [])]
    _insert(session, SpanDrift, drift, dossier_id=dossier, old_source_id=sources, new_source_id=sources,
            claim_id=claims, old_span_id=spans, new_span_id=spans)
    return next(iter(dossier.values()))
