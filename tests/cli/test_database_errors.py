"""The five database conditions a user can meet give one line, exit non-zero, and leave the database intact.

Locked by another program, disk full, read-only, written by a newer Workbench, out of memory: each is raised as a
typed error by the persistence layer (one place) and printed by the CLI as ``error: ...; nothing was changed``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.cli.helpers import run
from workbench.cli import main
from workbench.core.errors import DatabaseLocked, NewerSchema
from workbench.persistence import engine as engine_mod
from workbench.services import sources
from workbench.services.store import Store


@pytest.fixture
def db(tmp_path: Path, capsys: Any) -> Path:
    path = tmp_path / "w.db"
    run(capsys, "--db", str(path), "init")
    src = tmp_path / "a.txt"
    src.write_text("The levee held on Tuesday, the prefect said.\n", encoding="utf-8")
    run(capsys, "--db", str(path), "import", str(src))
    return path


def _fail(capsys: Any, *args: str) -> str:
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    assert code != 0
    lines = [line for line in out.err.splitlines() if line.strip()]
    assert len(lines) == 1, out.err
    assert lines[0].startswith("error: ")
    assert "Traceback" not in out.err
    return lines[0]


def _claims(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM claim").fetchone()[0])


def test_locked_database(db: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_MS", "100")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        line = _fail(capsys, "--db", str(db), "claim", "add", "1", "--quote", "The levee held")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked by another program" in line and "nothing was changed" in line
    assert _claims(db) == 0
    run(capsys, "--db", str(db), "claim", "add", "1", "--quote", "The levee held")  # works once released
    assert _claims(db) == 1


def test_read_only_database(db: Path, capsys: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    here = tmp_path / "cwd"
    here.mkdir()
    monkeypatch.chdir(here)
    line = _fail(capsys, "--db", url, "claim", "add", "1", "--quote", "The levee held")
    assert list(here.iterdir()) == []  # the URI names the file: no "file:" folder made where we stand
    assert "read-only" in line and "nothing was changed" in line
    assert _claims(db) == 0
    assert "The levee held" in run(capsys, "--db", url, "text", "1")  # reading still works


def test_disk_full(db: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    plain = engine_mod._sqlite_pragmas

    def full_disk(conn: Any, record: Any) -> None:
        plain(conn, record)
        conn.cursor().execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(engine_mod, "_sqlite_pragmas", full_disk)
    big = db.parent / "big.txt"
    big.write_text("A sentence that fills the disk. " * 20_000, encoding="utf-8")
    line = _fail(capsys, "--db", str(db), "import", str(big))
    assert "disk" in line and "full" in line
    monkeypatch.setattr(engine_mod, "_sqlite_pragmas", plain)
    assert "The levee held" in run(capsys, "--db", str(db), "text", "1")  # what was saved is intact


def test_newer_schema(db: Path, capsys: Any) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    line = _fail(capsys, "--db", str(db), "sources")
    assert "newer Workbench" in line and "0999" in line and "nothing was changed" in line
    with sqlite3.connect(db) as conn:  # the file was not touched (no downgrade, no half migration)
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0999"


def test_out_of_memory(db: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def exhausted(*_args: Any, **_kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(sources, "text", exhausted)
    line = _fail(capsys, "--db", str(db), "text", "1")
    assert "out of memory" in line
    monkeypatch.undo()
    assert "The levee held" in run(capsys, "--db", str(db), "text", "1")


def test_errors_are_typed(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window reacts to the type (keep typed text, offer a retry), never to the wording."""
    monkeypatch.setenv("WORKBENCH_BUSY_TIMEOUT_MS", "50")
    store = Store.open(str(db))
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseLocked):
            sources.update(store, 1, title="New title")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    with pytest.raises(NewerSchema):
        Store.open(str(db))
