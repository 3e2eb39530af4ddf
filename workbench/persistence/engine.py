"""Open a database: engine with the right pragmas, migrations applied, a session factory.

``target`` is a file path (SQLite) or a SQLAlchemy URL (``sqlite:///...``, ``postgresql+psycopg://...``).
SQLite connections get foreign keys, WAL, ``synchronous=NORMAL`` and a busy timeout on every connect.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from workbench.core.errors import WorkbenchError
from workbench.paths import migrations_dir

BUSY_TIMEOUT_MS = 10_000


def to_url(target: str) -> str:
    """A SQLAlchemy URL for a path or URL."""
    if "://" in target:
        return target
    path = Path(target).expanduser()
    return f"sqlite:///{path.resolve()}"


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(target: str) -> Engine:
    """Engine for ``target`` with per-connection settings."""
    url = make_url(to_url(target))
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    """Alembic Config pointing at ``db/`` and at ``engine``."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    cfg.set_main_option("url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def head_revisions() -> set[str]:
    """Head revision ids of ``db/versions``, read from the files (no Alembic import: start-up stays fast)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", source, re.M)
        down = re.search(r"^down_revision\s*=\s*(.+)$", source, re.M)
        if rev:
            revisions.add(rev.group(1))
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions - parents


def is_current(engine: Engine) -> bool:
    """Whether the database is already at the head revision."""
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        current = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    return bool(current) and current == head_revisions()


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest revision (Alembic is loaded only when there is something to do)."""
    if is_current(engine):
        return
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@dataclass
class Database:
    """An open database: its engine and session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.url.get_backend_name()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def open_database(target: str) -> Database:
    """Open (creating and migrating as needed) the database at ``target``."""
    try:
        engine = make_engine(target)
        migrate(engine)
    except WorkbenchError:
        raise
    except Exception as exc:  # the message names the target and the driver's reason
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise WorkbenchError(f"cannot open database {target}: {reason}") from exc
    return Database(engine, sessionmaker(engine, expire_on_commit=False))
