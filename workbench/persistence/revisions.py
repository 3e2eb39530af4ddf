"""Queries for source revisions and the drift report (kept apart from repositories.py, which many features share).

Functions take a Session, never commit, and return rows or frozen values like the rest of the persistence layer.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from workbench.core.anchoring import Selector, make_selector
from workbench.core.drift import DriftRecord, SpanRef, reanchor_revision
from workbench.core.enums import SpanState
from workbench.core.text import sha256_hex
from workbench.core.values import ImportBundle
from workbench.persistence import repositories as repo
from workbench.persistence.models import Appearance, Evidence, Source, Span, SpanDrift

REVIEWED_STATES = (SpanState.CHANGED.value, SpanState.ORPHANED.value)
"""Drift states that flag the item for review (unless the change is only cosmetic)."""


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


def items_on_source(session: Session, source_id: int) -> list[tuple[str, Appearance | Evidence, Span]]:
    """Every appearance and evidence item (trashed ones too: undo may bring them back) anchored on ``source_id``."""
    out: list[tuple[str, Appearance | Evidence, Span]] = []
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


def _records(session: Session, stmt: Select[SpanDrift]) -> list[DriftRecord]:
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


def store_revision(
    s: Session,
    user: str,
    old: Source,
    bundle: ImportBundle,
    text: str,
    meta: dict[str, object],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Source, list[DriftRecord]]:
    """Store ``bundle`` as the new revision of ``old``, re-anchor every span of ``old`` on it, record the drift.

    Returns the new source row and the drift report, in the order of the old spans.
    """
    row = repo.insert_source(s, old.dossier_id, bundle, text, sha256_hex(bundle.original), meta,
                             revision_of_id=old.id)
    items = items_on_source(s, old.id)
    by_span: dict[int, Span] = {span.id: span for _role, _item, span in items}
    spans = list(by_span.values())
    selectors = [Selector(sp.start, sp.end, sp.exact, sp.prefix, sp.suffix, sp.text_sha256) for sp in spans]
    results = reanchor_revision(old.text, text, selectors, progress=progress)
    new_span_of: dict[int, Span | None] = {}
    for sp, res in zip(spans, results, strict=True):
        if res.state == SpanState.ORPHANED:
            sp.state = SpanState.ORPHANED.value  # stays on the old revision, the newest that holds it
            new_span_of[sp.id] = None
            continue
        sel = make_selector(text, res.start, res.end, row.text_sha256)
        new_span = Span(source_id=row.id, start=sel.start, end=sel.end, exact=sel.exact, prefix=sel.prefix,
                        suffix=sel.suffix, text_sha256=sel.text_sha256, state=res.state.value)
        s.add(new_span)
        new_span_of[sp.id] = new_span
    s.flush()
    result_of = {sp.id: res for sp, res in zip(spans, results, strict=True)}
    drift_rows: list[tuple[SpanDrift, Span, Span | None]] = []
    counts: dict[str, int] = {}
    for role, item, span in items:
        res = result_of[span.id]
        target = new_span_of[span.id]
        if target is not None:
            item.span_id = target.id
        live = item.deleted_at is None
        review = "pending" if live and res.state.value in REVIEWED_STATES and not res.cosmetic else "none"
        d = SpanDrift(dossier_id=old.dossier_id, old_source_id=old.id, new_source_id=row.id, claim_id=item.claim_id,
                      role=role, item_id=item.id, old_span_id=span.id,
                      new_span_id=target.id if target is not None else None, state=res.state.value,
                      diff=res.diff, note=res.note, review=review)
        s.add(d)
        drift_rows.append((d, span, target))
        counts[res.state.value] = counts.get(res.state.value, 0) + 1
        if live and res.state != SpanState.ANCHORED:
            repo.log(s, dossier_id=old.dossier_id, claim_id=item.claim_id, entity=role, entity_id=item.id,
                     action="re-anchor", field="span", user=user,
                     before={"source_id": old.id, "start": span.start, "end": span.end, "exact": span.exact},
                     after={"source_id": row.id if target is not None else old.id, "state": res.state.value,
                            "start": res.start, "end": res.end, "exact": res.exact, "note": res.note})
    s.flush()
    repo.log(s, dossier_id=old.dossier_id, entity="source", entity_id=row.id, action="revise", user=user,
             before={"revision_of": old.id, "text_sha256": old.text_sha256},
             after={"title": row.title, "sha256": row.sha256, "file": bundle.name, "spans": counts})
    return row, sorted((drift_value(d, o, n) for d, o, n in drift_rows), key=lambda r: (r.old.start, r.id))
