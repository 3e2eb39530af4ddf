"""Queries for source revisions and the drift report (kept apart from repositories.py, which many features share).

Functions take a Session, never commit, and return rows or frozen values like the rest of the persistence layer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.core.drift import DriftRecord, SpanRef
from workbench.persistence.models import Appearance, Evidence, Source, Span, SpanDrift


def next_revision(session: Session, source_id: int) -> Source | None:
    """The live source that replaces ``source_id``, if any (the newest one when several were imported)."""
    return session.scalars(
        select(Source)
        .where(Source.revision_of_id == source_id, Source.deleted_at.is_(None))
        .order_by(Source.id.desc())
    ).first()


def chain(session: Session, source_id: int) -> list[Source]:
    """Every revision of the document ``source_id`` belongs to, oldest first."""
    row = session.get(Source, source_id)
    if row is None:
        return []
    back: list[Source] = [row]
    seen = {row.id}
    while back[0].revision_of_id is not None and back[0].revision_of_id not in seen:
        prev = session.get(Source, back[0].revision_of_id)
        if prev is None:
            break
        seen.add(prev.id)
        back.insert(0, prev)
    nxt = next_revision(session, row.id)
    while nxt is not None and nxt.id not in seen:
        seen.add(nxt.id)
        back.append(nxt)
        nxt = next_revision(session, nxt.id)
    return back


def latest_by_url(session: Session, dossier_id: int, url: str) -> Source | None:
    """The newest live revision of the dossier's document with this canonical URL."""
    rows = session.scalars(
        select(Source).where(Source.dossier_id == dossier_id, Source.url == url, Source.deleted_at.is_(None))
        .order_by(Source.id)
    ).all()
    if not rows:
        return None
    return chain(session, rows[-1].id)[-1]


def items_on_source(session: Session, source_id: int) -> list[tuple[str, Any, Span]]:
    """Every appearance and evidence item (trashed ones too: undo may bring them back) anchored on ``source_id``."""
    out: list[tuple[str, Any, Span]] = []
    apps = select(Appearance, Span).join(Span, Span.id == Appearance.span_id).where(Span.source_id == source_id)
    for app, span in session.execute(apps.order_by(Appearance.id)):
        out.append(("appearance", app, span))
    evs = select(Evidence, Span).join(Span, Span.id == Evidence.span_id).where(Span.source_id == source_id)
    for ev, span in session.execute(evs.order_by(Evidence.id)):
        out.append(("evidence", ev, span))
    return out


def drift_value(row: SpanDrift, old: Span, new: Span | None) -> DriftRecord:
    """Frozen drift row."""
    return DriftRecord(
        id=row.id,
        claim_id=row.claim_id,
        role=row.role,
        item_id=row.item_id,
        old_source_id=row.old_source_id,
        new_source_id=row.new_source_id,
        state=row.state,
        old=SpanRef(old.start, old.end, old.exact),
        new=SpanRef(new.start, new.end, new.exact) if new is not None else None,
        diff=row.diff,
        note=row.note,
        review=row.review,
        created_at=row.created_at,
    )


def drift_rows(session: Session, old_source_id: int, new_source_id: int) -> list[DriftRecord]:
    """The drift report recorded when ``new_source_id`` replaced ``old_source_id``, in text order."""
    return _records(session, select(SpanDrift).where(SpanDrift.old_source_id == old_source_id,
                                                     SpanDrift.new_source_id == new_source_id))


def drift_of_claims(session: Session, claim_ids: list[int], *, pending_only: bool = False) -> list[DriftRecord]:
    """Drift rows of these claims (only those awaiting review with ``pending_only``), oldest first."""
    stmt = select(SpanDrift).where(SpanDrift.claim_id.in_(claim_ids))
    if pending_only:
        stmt = stmt.where(SpanDrift.review == "pending")
    return _records(session, stmt)


def pending_in_dossier(session: Session, dossier_id: int) -> list[DriftRecord]:
    """Every drift row of the dossier that awaits the user's review."""
    return _records(session, select(SpanDrift).where(SpanDrift.dossier_id == dossier_id,
                                                     SpanDrift.review == "pending"))


def set_review(session: Session, claim_id: int, review: str) -> int:
    """Mark the claim's pending drift rows ``accepted`` or ``dismissed``; returns how many."""
    rows = session.scalars(select(SpanDrift).where(SpanDrift.claim_id == claim_id, SpanDrift.review == "pending"))
    n = 0
    for row in rows:
        row.review = review
        n += 1
    return n


def _records(session: Session, stmt: Any) -> list[DriftRecord]:
    rows = list(session.scalars(stmt.order_by(SpanDrift.id)))
    ids = {r.old_span_id for r in rows} | {r.new_span_id for r in rows if r.new_span_id is not None}
    spans = {s.id: s for s in session.scalars(select(Span).where(Span.id.in_(ids)))} if ids else {}
    out = [drift_value(r, spans[r.old_span_id], spans.get(r.new_span_id) if r.new_span_id else None) for r in rows]
    return sorted(out, key=lambda d: (d.old_source_id, d.old.start, d.old.end, d.id))


def current_span_id(session: Session, role: str, item_id: int) -> int | None:
    """The span an appearance or evidence item is anchored on now."""
    row: Appearance | Evidence | None = (
        session.get(Appearance, item_id) if role == "appearance" else session.get(Evidence, item_id))
    return int(row.span_id) if row is not None and row.span_id is not None else None
