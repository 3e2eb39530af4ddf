"""The revision scenarios of tests/services/test_revisions.py, re-run on PostgreSQL (migration 0004 included)."""

from __future__ import annotations

import inspect

from tests.sample_world import World
from tests.services import test_revisions

SHARED: list[str] = []

for _name, _obj in vars(test_revisions).items():
    if _name.startswith("test_") and inspect.isfunction(_obj) and "world" in inspect.signature(_obj).parameters:
        _alias = f"test_pg_{_name.removeprefix('test_')}"
        globals()[_alias] = _obj
        SHARED.append(_alias)


def test_the_revision_scenarios_are_there(world: World) -> None:
    assert world.store.db.backend == "postgresql"
    assert len(SHARED) >= 8 and "test_pg_import_revision_reanchors_appearances_and_evidence" in SHARED
