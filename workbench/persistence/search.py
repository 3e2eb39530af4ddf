"""Full-text search: the one backend-specific part of persistence.

The contract, on every backend: given a dossier and a query, return the ids of live sources whose text or title may
contain every word of the query, ignoring case and accents. Services then locate the exact hits in Python, so
results are identical whatever preselected them.

* SQLite: the FTS5 table ``source_fts`` (``unicode61 remove_diacritics 2``), kept by triggers (revision 0001).
* PostgreSQL: the GIN index ``ix_source_search`` on ``to_tsvector('simple', workbench_unaccent(title || ' ' ||
  text))`` (revision 0002), queried with that same expression so the planner uses it; ``plainto_tsquery`` ANDs
  every word, ``simple`` lower-cases without stemming or stop words, ``workbench_unaccent`` drops accents.
* Any other backend: every live source of the dossier (the Python pass still finds the exact hits).
"""

from __future__ import annotations

import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from workbench.persistence.models import Source

_WORD = re.compile(r"\w+", re.UNICODE)

# Must stay identical to the indexed expression of db/versions/0002_postgres_search.py.
_PG_DOCUMENT = "to_tsvector('simple', workbench_unaccent(title || ' ' || text))"
_PG_QUERY = text(
    "SELECT id FROM source WHERE dossier_id = :dossier AND deleted_at IS NULL "
    f"AND {_PG_DOCUMENT} @@ plainto_tsquery('simple', workbench_unaccent(:q)) ORDER BY id"
)


def candidate_sources(session: Session, dossier_id: int, query: str) -> list[int]:
    """Ids of live sources of the dossier that may match every word of ``query``, in import order."""
    words = _WORD.findall(query)
    if not words:
        return []
    live = select(Source.id).where(Source.dossier_id == dossier_id, Source.deleted_at.is_(None))
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        # The query goes through the same parser as the documents, so "n'a", "Saint-Aubin" or "3.5" split alike.
        return [int(i) for i in session.scalars(_PG_QUERY, {"dossier": dossier_id, "q": query})]
    if dialect != "sqlite":
        return list(session.scalars(live.order_by(Source.id)))
    match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
    rows = session.execute(
        text("SELECT rowid FROM source_fts WHERE source_fts MATCH :q ORDER BY rowid"), {"q": match}
    ).scalars()
    ids = set(rows)
    return [sid for sid in session.scalars(live.order_by(Source.id)) if sid in ids]


def spelling_candidates(session: Session, dossier_id: int, variants: list[str]) -> list[int]:
    """Ids of live sources of the dossier holding any of ``variants`` (the spellings of one name), in import order.

    The variants come from :func:`workbench.core.phonetic.spelling_variants`: folded letters only, so they are safe
    inside both backends' query syntax.
    """
    words = [v for v in dict.fromkeys(variants) if v.isalpha()]
    if not words:
        return []
    live = select(Source.id).where(Source.dossier_id == dossier_id, Source.deleted_at.is_(None))
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        query = text(
            "SELECT id FROM source WHERE dossier_id = :dossier AND deleted_at IS NULL "
            f"AND {_PG_DOCUMENT} @@ to_tsquery('simple', :q) ORDER BY id"
        )
        return [int(i) for i in session.scalars(query, {"dossier": dossier_id, "q": " | ".join(words)})]
    if dialect != "sqlite":
        return list(session.scalars(live.order_by(Source.id)))
    rows = session.execute(
        text("SELECT rowid FROM source_fts WHERE source_fts MATCH :q ORDER BY rowid"), {"q": " OR ".join(words)}
    ).scalars()
    ids = set(rows)
    return [sid for sid in session.scalars(live.order_by(Source.id)) if sid in ids]
