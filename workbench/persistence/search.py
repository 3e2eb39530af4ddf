"""Full-text search: the one backend-specific part of persistence.

The contract, on every backend: given a dossier and a query, return the ids of live sources whose text or title may
contain every word of the query, ignoring case and accents. Services then locate the exact hits in Python, so
results are identical whatever preselected them. SQLite uses FTS5 (``remove_diacritics``); other backends fall
back to scanning the dossier's sources (PostgreSQL's own index is the team-server issue's work).
"""

from __future__ import annotations

import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.persistence.models import Source

_WORD = re.compile(r"\w+", re.UNICODE)


def candidate_sources(session: Session, dossier_id: int, query: str) -> list[int]:
    """Ids of live sources of the dossier that may match every word of ``query``."""
    words = _WORD.findall(query)
    if not words:
        return []
    live = select(Source.id).where(Source.dossier_id == dossier_id, Source.deleted_at.is_(None))
    if session.get_bind().dialect.name != "sqlite":
        return list(session.scalars(live.order_by(Source.id)))
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows = session.execute(
        text("SELECT rowid FROM source_fts WHERE source_fts MATCH :q ORDER BY rowid"), {"q": match}
    ).scalars()
    ids = set(rows)
    return [sid for sid in session.scalars(live.order_by(Source.id)) if sid in ids]
