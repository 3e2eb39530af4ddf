"""Revisions of a source: import a newer version, re-anchor every span on it, report the drift, review claims.

One user action is one transaction: storing the new revision, re-anchoring every appearance and evidence span of
the old one (:func:`workbench.core.drift.reanchor_revision`), recording the drift report and the history either all
happen or none does. The old revision, its bytes and its text are never changed; its spans stay where they were
(a span that could not be placed on the new revision stays on the old one, marked ``orphaned``). Items whose span
changed or was orphaned are flagged for review; the claim goes back to ``in-review`` only if the user agrees.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from workbench.core.anchoring import word_diff
from workbench.core.drift import DriftRecord, SpanRef
from workbench.core.enums import SpanState, Status
from workbench.core.errors import ImportFailure, ValidationError
from workbench.core.quote_facts import fact_differences
from workbench.core.text import normalize_text, sha256_hex
from workbench.core.values import ClaimInfo, ImportBundle, SourceInfo
from workbench.io.report import RevisionNote
from workbench.persistence import repositories as repo
from workbench.persistence import revisions as rrepo
from workbench.services.sources import EDITABLE, AddResult
from workbench.services.store import Store

REVIEWED_STATES = rrepo.REVIEWED_STATES


@dataclass(frozen=True, slots=True)
class RevisionResult:
    """The new revision and what became of each span of the old one."""

    source: SourceInfo
    previous: SourceInfo
    drift: tuple[DriftRecord, ...]


def import_revision(
    store: Store,
    old_source_id: int,
    bundle: ImportBundle,
    *,
    progress: Callable[[int, int], None] | None = None,
    **overrides: object,
) -> RevisionResult:
    """Store ``bundle`` as the new revision of ``old_source_id`` and re-anchor its spans (one transaction).

    Metadata the new version lacks is kept from the old one; ``overrides`` replace it (as for an import).
    """
    unknown = set(overrides) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"unknown source field(s): {', '.join(sorted(unknown))}")
    text = normalize_text(bundle.text)
    if not text.strip():
        raise ImportFailure(bundle.name, "no text to store")
    with store.db.transaction() as s:
        old = repo.get_source(s, old_source_id)
        newer = rrepo.next_revision(s, old.id)
        if newer is not None:
            raise ValidationError(f"source {old.id} already has a newer revision ({newer.id}); revise that one")
        if sha256_hex(bundle.original) == old.sha256:
            raise ImportFailure(bundle.name, f"same file as source {old.id}: nothing changed")
        meta: dict[str, object] = {
            "title": old.title or bundle.title or Path(bundle.name).stem,  # the same document: keep its title
            "outlet": bundle.outlet or old.outlet,
            "author": bundle.author or old.author,
            "published": bundle.published or old.published,
            "url": bundle.url or old.url,
            "language": bundle.language or old.language,
            "reliability_note": old.reliability_note,
        }
        meta.update({k: v for k, v in overrides.items() if v not in (None, "")})
        row, drift = rrepo.store_revision(s, store.user, old, bundle, text, meta, progress=progress)
        return RevisionResult(repo.source_value(row), repo.source_value(old), tuple(drift))


def revise_by_url(
    s: Any, store: Store, dossier_id: int, bundle: ImportBundle, text: str, meta: dict[str, object]
) -> AddResult | None:
    """Inside :func:`workbench.services.sources.add`: a page whose canonical URL the dossier already holds.

    Different text: it becomes the new revision of the newest one (returned as created). Same text: that source is
    returned as already imported. No source with that URL: None (an ordinary import).
    """
    old = rrepo.latest_by_url(s, dossier_id, str(meta["url"]))
    if old is None:
        return None
    if old.text == text:
        return AddResult(repo.source_value(old), created=False)
    row, _drift = rrepo.store_revision(s, store.user, old, bundle, text, meta)
    return AddResult(repo.source_value(row), created=True)


# --- reading ----------------------------------------------------------------------------------------------------
def chain(store: Store, source_id: int) -> list[SourceInfo]:
    """Every revision of the document ``source_id`` belongs to, oldest first."""
    with store.db.transaction() as s:
        repo.get_source(s, source_id, deleted=True)
        return [repo.source_value(r) for r in rrepo.chain(s, source_id)]


def revision_of(store: Store, source_id: int) -> int | None:
    """The id of the revision ``source_id`` replaces, if any."""
    with store.db.transaction() as s:
        value = repo.get_source(s, source_id, deleted=True).revision_of_id
        return int(value) if value is not None else None


def drift(store: Store, old_id: int, new_id: int) -> list[DriftRecord]:
    """What became of each span of ``old_id`` on ``new_id`` (a later revision of the same document).

    Consecutive revisions return the report recorded at import; across several revisions the steps are composed
    (orphaned at any step: orphaned; otherwise compared end to end).
    """
    with store.db.transaction() as s:
        ids = [r.id for r in rrepo.chain(s, repo.get_source(s, old_id, deleted=True).id)]
        repo.get_source(s, new_id, deleted=True)
        if new_id not in ids or ids.index(new_id) <= ids.index(old_id):
            raise ValidationError(f"source {new_id} is not a later revision of source {old_id}")
        steps = ids[ids.index(old_id) : ids.index(new_id) + 1]
        first = rrepo.drift_rows(s, steps[0], steps[1])
        if len(steps) == 2:
            return first
        later = [{(r.role, r.item_id): r for r in rrepo.drift_rows(s, a, b)} for a, b in pairwise(steps[1:])]
        return [_compose(r, later) for r in first]


def _compose(first: DriftRecord, later: list[dict[tuple[str, int], DriftRecord]]) -> DriftRecord:
    current = first
    for step in later:
        if current.new is None:
            break
        nxt = step.get((first.role, first.item_id))
        if nxt is None:
            break
        current = nxt
    new = current.new if current.new is not None and first.new is not None else None
    if new is None:
        state, note = SpanState.ORPHANED.value, current.note or "passage removed"
    elif new.exact == first.old.exact:
        state = SpanState.ANCHORED.value if new.start == first.old.start else SpanState.MOVED.value
        note = ""
    else:
        state = SpanState.CHANGED.value
        note = "; ".join(fact_differences(first.old.exact, new.exact)) or "wording changed"
    return DriftRecord(first.id, first.claim_id, first.role, first.item_id, first.old_source_id,
                       current.new_source_id, state, first.old, new,
                       word_diff(first.old.exact, new.exact if new else ""), note, current.review, current.created_at)


def pending_reviews(store: Store, dossier_id: int) -> dict[int, list[DriftRecord]]:
    """Claims flagged for review after a revision, with the drift lines that flagged them."""
    with store.db.transaction() as s:
        out: dict[int, list[DriftRecord]] = {}
        for r in rrepo.pending_in_dossier(s, dossier_id):
            out.setdefault(r.claim_id, []).append(r)
        return out


def review(store: Store, claim_id: int, *, accept: bool) -> ClaimInfo:
    """Answer a review flag: ``accept`` sends the claim back to ``in-review``; otherwise the flag is dismissed."""
    with store.db.transaction() as s:
        claim = repo.get_claim(s, claim_id)
        n = rrepo.set_review(s, claim_id, "accepted" if accept else "dismissed")
        if n == 0:
            raise ValidationError(f"claim {claim_id} has no revision awaiting review")
        if accept and claim.status != Status.IN_REVIEW:
            old_status = claim.status
            repo.assign(claim, "status", Status.IN_REVIEW.value)
            repo.log(s, dossier_id=claim.dossier_id, claim_id=claim_id, entity="claim", entity_id=claim_id,
                     action="update", field="status", before=old_status, after=claim.status, user=store.user)
        repo.log(s, dossier_id=claim.dossier_id, claim_id=claim_id, entity="claim", entity_id=claim_id,
                 action="review-revision", user=store.user, after={"accepted": accept, "items": n})
        s.flush()
        return repo.claim_values(s, [claim])[0]


def span_ref_json(ref: SpanRef | None) -> dict[str, Any] | None:
    """Public JSON of a span reference (None stays None)."""
    return None if ref is None else {"start": ref.start, "end": ref.end, "exact": ref.exact}


def report_notes(store: Store, claim_ids: list[int]) -> dict[int, RevisionNote]:
    """For reports: by current span id, the first quote and what the newest revision says there (None: gone)."""
    if not claim_ids:
        return {}
    with store.db.transaction() as s:
        records = rrepo.drift_of_claims(s, claim_ids)
        first: dict[tuple[str, int], DriftRecord] = {}
        last: dict[tuple[str, int], DriftRecord] = {}
        for r in sorted(records, key=lambda r: r.id):
            first.setdefault((r.role, r.item_id), r)
            last[(r.role, r.item_id)] = r
        out: dict[int, RevisionNote] = {}
        for key, r in last.items():
            span_id = rrepo.current_span_id(s, *key)
            if span_id is None:
                continue
            now = r.new.exact if r.new is not None else None
            out[span_id] = RevisionNote(r.created_at.date(), first[key].old.exact, now)
        return out
