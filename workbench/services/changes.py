"""Live refresh: what other people changed in a dossier since the window last looked.

The window keeps the id of the newest history line it has seen and polls :func:`changes_since` (every 2 s): every
write appends to history in its own transaction, so the lines after that id name every claim and source touched
since. Cheap on both backends: one indexed ``max(id)`` or range query on ``history``.

PostgreSQL hands out ids when rows are inserted, not when transactions commit, so a long transaction may commit a
line with a smaller id than one already seen; pass back the returned cursor minus a small margin (or re-read the
open claims now and then) if that matters. Workbench's transactions are short, which keeps this window tiny.
"""

from __future__ import annotations

from workbench.core.values import Changes
from workbench.persistence import repositories as repo
from workbench.services.store import Store


def latest_change(store: Store, dossier_id: int) -> int:
    """Id of the dossier's newest history line, 0 when nothing happened yet: the cursor to poll from."""
    with store.db.transaction() as s:
        return repo.latest_history_id(s, dossier_id)


def changes_since(store: Store, dossier_id: int, after_id: int) -> tuple[int, Changes]:
    """What changed in the dossier after history line ``after_id``: ``(new cursor, Changes)``.

    ``Changes.claims`` holds every claim whose fields, appearances, evidence or relations changed (both ends of a new
    relation); ``Changes.sources`` every source imported, edited, trashed or restored, and every source where an
    appearance or a cited span was added, removed or restored (its highlights change); ``Changes.dossiers`` the
    dossier itself when its name, scale or event date changed. The cursor is unchanged when nothing happened.
    """
    claims: set[int] = set()
    sources: set[int] = set()
    dossiers: set[int] = set()
    spans: dict[str, set[int]] = {"appearance": set(), "evidence": set()}
    with store.db.transaction() as s:
        lines = repo.history_since(s, dossier_id, after_id)
        for _line_id, entity, entity_id, _claim_id, after in lines:
            if entity in spans and _get(after, "source_id") is None:  # deleted or restored: find its source
                spans[entity].add(entity_id)
        if spans["appearance"] or spans["evidence"]:
            sources |= repo.span_sources(s, spans["appearance"], spans["evidence"])
    cursor = after_id
    for line_id, entity, entity_id, claim_id, after in lines:
        cursor = max(cursor, line_id)
        if claim_id is not None:
            claims.add(int(claim_id))
        if entity == "claim":
            claims.add(entity_id)
        elif entity == "source":
            sources.add(entity_id)
        elif entity == "dossier":
            dossiers.add(entity_id)
        source_id = _get(after, "source_id")
        if isinstance(source_id, int):
            sources.add(source_id)
        other = _get(after, "to")
        if entity == "relation" and isinstance(other, int):
            claims.add(other)
    return cursor, Changes(frozenset(claims), frozenset(sources), frozenset(dossiers))


def _get(value: object, key: str) -> object:
    return value.get(key) if isinstance(value, dict) else None
