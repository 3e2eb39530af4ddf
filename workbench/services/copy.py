"""Copy a dossier between databases: a SQLite file and a team's PostgreSQL server, either way.

Everything travels: the rating scale, the sources with their original bytes, text of record, page map and
metadata, spans, claims with tags, appearances, evidence, relations and the whole history, soft-deleted rows
included. Ids are new in the destination; every reference is rewritten. The destination gets one more history line
saying where the dossier came from.
"""

from __future__ import annotations

from pathlib import Path

from workbench.core.errors import NotFoundError
from workbench.persistence import repositories as repo
from workbench.persistence import transfer
from workbench.persistence.engine import display_target
from workbench.services import dossiers
from workbench.services.store import Store


def copy_dossier(src_target: str, dst_target: str, dossier_id: int | None = None, user: str | None = None) -> int:
    """Copy a dossier from ``src_target`` to ``dst_target`` (paths or SQLAlchemy URLs); return its new id.

    Args:
        src_target: database to read (created and migrated if needed, like any open).
        dst_target: database to write; may be the same one (the dossier is then duplicated).
        dossier_id: dossier to copy; default the source database's current dossier.
        user: who is copying, for the destination's history line (default ``$WORKBENCH_USER`` or the login).

    Raises:
        NotFoundError: no such dossier (or no dossier at all) in the source database.
        WorkbenchError: a database cannot be opened or reached. Nothing is written on failure: the copy is one
            transaction in the destination.
    """
    if "://" not in src_target and not Path(src_target).expanduser().is_file():
        raise NotFoundError(f"no database at {src_target}")  # never create an empty source by mistake
    src = Store.open(src_target, user)
    try:
        if dossier_id is None:
            current = dossiers.current(src)
            if current is None:
                raise NotFoundError(f"no dossier to copy in {display_target(src_target)}")
            dossier_id = current.id
        with src.db.transaction() as s:
            data = transfer.export_dossier_rows(s, dossier_id)  # read (and validated) before the destination opens
        dst = Store.open(dst_target, user)
        try:
            with dst.db.transaction() as s:
                new_id = transfer.import_dossier_rows(s, data)
                repo.log(s, dossier_id=new_id, entity="dossier", entity_id=new_id, action="copy", user=dst.user,
                         after={"from": display_target(src_target), "dossier_id": dossier_id})
            return new_id
        finally:
            dst.close()
    finally:
        src.close()
