"""A new SQLite database is a copy of a cached, migrated empty one: same schema, no Alembic run, never a bad copy."""

from __future__ import annotations

import sqlite3

import pytest

from workbench.persistence import engine as engine_mod
from workbench.persistence.engine import head_revisions, open_database


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def schema(path):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def test_second_new_database_is_copied_from_the_template_with_the_same_schema(tmp_path, cache, monkeypatch):
    open_database(str(tmp_path / "first.sqlite")).close()
    templates = list(cache.rglob("schema-*.sqlite"))
    assert len(templates) == 1
    migrations = []
    monkeypatch.setattr(engine_mod, "alembic_config", lambda e: migrations.append(e) or pytest.fail("migrated"))
    open_database(str(tmp_path / "second.sqlite")).close()
    assert migrations == []
    assert schema(tmp_path / "second.sqlite") == schema(tmp_path / "first.sqlite")
    with sqlite3.connect(tmp_path / "second.sqlite") as conn:
        assert {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")} == head_revisions()


def test_a_damaged_template_is_thrown_away_and_the_database_is_migrated(tmp_path, cache):
    open_database(str(tmp_path / "first.sqlite")).close()
    (template,) = cache.rglob("schema-*.sqlite")
    template.write_bytes(b"not a database at all" * 100)
    db = open_database(str(tmp_path / "second.sqlite"))
    db.close()
    assert schema(tmp_path / "second.sqlite") == schema(tmp_path / "first.sqlite")
    assert template.exists() and template.read_bytes().startswith(b"SQLite format 3")  # saved again, sound


def test_an_existing_database_is_never_replaced(tmp_path, cache):
    path = tmp_path / "kept.sqlite"
    open_database(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE mine (x)")
    open_database(str(tmp_path / "other.sqlite")).close()
    open_database(str(path)).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'mine'").fetchone() == (1,)
