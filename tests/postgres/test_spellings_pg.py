"""Search across spellings gives the same hits on PostgreSQL as on SQLite (the variants go through tsquery)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.values import ImportBundle
from workbench.services import dossiers, sources
from workbench.services.store import Store

pytestmark = pytest.mark.postgres

TEXT = "Le conseiller Iouri Ouchakov a confirmé. Selon Uschakow, la date reste à fixer.\n"


def test_spelling_hits_identical_on_both_backends(pg_url: str, tmp_path: Path) -> None:
    lite = Store.open(str(tmp_path / "s.sqlite"), user="a")
    pg = Store.open(pg_url, user="a")
    try:
        found = []
        for store in (lite, pg):
            d = dossiers.create(store, "Noms")
            sources.add(store, d.id, ImportBundle(name="a.txt", kind="txt", original=TEXT.encode(), text=TEXT,
                                                  title="a"))
            found.append([TEXT[h.start:h.end] for h in sources.search(store, d.id, "Ushakov", spellings=True)])
        assert found[0] == found[1] == ["Ouchakov", "Uschakow"]
    finally:
        lite.close()
        pg.close()
