"""Open a database: engine with the right pragmas, migrations applied, a session factory.

``target`` is a file path (SQLite) or a SQLAlchemy URL (``sqlite:///...``, ``postgresql+psycopg://...``).
SQLite connections get foreign keys, WAL, ``synchronous=NORMAL`` and a busy timeout on every connect.

Several people may share one PostgreSQL database: :meth:`Database.transaction` turns a concurrent update of the same
claim into :class:`ConflictError` (optimistic locking through ``claim.version``) and a lost connection into one
:class:`WorkbenchError` line, so callers never see raw driver errors for either.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import importlib.util
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, update
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from workbench.core.errors import (
    ConflictError,
    DatabaseError,
    DatabaseLocked,
    DatabaseUnreachable,
    DiskFull,
    NewerSchema,
    OutOfMemory,
    ReadOnlyDatabase,
    ValidationError,
    WorkbenchError,
)
from workbench.paths import migrations_dir
from workbench.persistence.models import Claim, History

POSTGRES_EXTRA = "install the postgres extra: pip install 'workbench[postgres]'"
# SQLSTATEs of a lost or refused connection (class 08) and of a server shutting down or starting up.
_UNREACHABLE_STATES = ("08", "57P01", "57P02", "57P03")
# SQLSTATEs of a transaction PostgreSQL aborted because of a concurrent one (serialization failure, deadlock).
_CONCURRENT_STATES = ("40001", "40P01")
# What a transaction is about to write in versioned rows: (model, identity) -> (table, expected version, new values).
Remembered = dict[tuple[type[Any], tuple[Any, ...]], tuple[str, int, dict[str, Any]]]

BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another program's lock; WORKBENCH_BUSY_TIMEOUT_MS overrides


def busy_timeout_ms() -> int:
    """The SQLite busy timeout in milliseconds (``WORKBENCH_BUSY_TIMEOUT_MS`` or :data:`BUSY_TIMEOUT_MS`)."""
    try:
        return max(0, int(os.environ.get("WORKBENCH_BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


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
    cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cur.close()


def _sqlite_uri(url: URL) -> bool:
    """Whether a SQLite URL's database is a ``file:`` URI (``?uri=true``), whose query may say ``mode=ro``."""
    return str(url.query.get("uri", "")).lower() in ("true", "1")


def _sqlite_file(url: URL) -> Path | None:
    """The file a SQLite URL names, ``None`` for memory; a ``file:`` URI names the path after ``file:``."""
    database = url.database
    if not database or database == ":memory:":
        return None
    if _sqlite_uri(url) and database.startswith("file:"):
        database = database[len("file:"):]
        if not database or database == ":memory:" or url.query.get("mode") == "memory":
            return None
    return Path(database)


def _sqlite_read_only(url: URL) -> bool:
    return _sqlite_uri(url) and url.query.get("mode") == "ro"


def make_engine(target: str) -> Engine:
    """Engine for ``target`` with per-connection settings."""
    url = make_url(to_url(target))
    if url.get_backend_name() == "sqlite":
        file = _sqlite_file(url)
        if file is not None and not _sqlite_read_only(url):
            file.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.get_backend_name() == "postgresql":
        url = _postgres_driver(url)
    return create_engine(url, pool_pre_ping=True)


def _postgres_driver(url: URL) -> URL:
    """``postgresql://`` means psycopg 3 (the ``postgres`` extra); refuse clearly when it is not installed."""
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    module = {"postgresql+psycopg": "psycopg", "postgresql+psycopg2": "psycopg2"}.get(url.drivername)
    if module is not None and importlib.util.find_spec(module) is None:
        shown = url.render_as_string(hide_password=True)
        raise WorkbenchError(f"cannot open database {shown}: the PostgreSQL driver is missing; {POSTGRES_EXTRA}")
    return url


def display_target(target: str) -> str:
    """``target`` as shown to people: URLs without their password."""
    if "://" not in target:
        return target
    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # not a URL after all: show it as given
        return target


def _reason(exc: BaseException, target: str = "") -> str:
    """One line saying why ``exc`` happened, without SQLAlchemy's class-name prefix and background links."""
    orig = exc.orig if isinstance(exc, DBAPIError) and exc.orig is not None else exc
    text = str(orig).strip()
    first = text.splitlines()[0].strip() if text else type(orig).__name__
    if "connection refused" in text.lower():
        where = ""
        if "://" in target:
            with contextlib.suppress(Exception):
                url = make_url(target)
                where = f" at {url.host or 'localhost'}:{url.port or 5432}"
        return f"connection refused: is the PostgreSQL server running and accepting connections{where}?"
    return first.removeprefix("connection failed: ")


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None) or getattr(exc.orig, "pgcode", None)


NOTHING_CHANGED = "{0}; nothing was changed"
# sqlite3 error names (Python >= 3.11 sets ``sqlite_errorname``) and PostgreSQL SQLSTATEs, by typed error.
_SQLITE_NAMES: dict[str, type[DatabaseError]] = {
    "SQLITE_BUSY": DatabaseLocked,
    "SQLITE_LOCKED": DatabaseLocked,
    "SQLITE_FULL": DiskFull,
    "SQLITE_READONLY": ReadOnlyDatabase,
}
_PG_STATES: dict[str, type[DatabaseError]] = {
    "55P03": DatabaseLocked,  # lock_not_available
    "53100": DiskFull,  # disk_full
    "25006": ReadOnlyDatabase,  # read_only_sql_transaction
    "42501": ReadOnlyDatabase,  # insufficient_privilege
}


def translate_error(exc: DBAPIError, engine: Engine) -> WorkbenchError | None:
    """The typed, one-line error for a driver error, or None when it is not one the user can act on.

    This is the one place where driver errors become domain errors: the CLI prints the message as ``error: ...``
    and the window shows it in a message box; both can rely on the type (e.g. keep typed text while the server is
    :class:`DatabaseUnreachable`).
    """
    where = engine.url.render_as_string(hide_password=True)
    state = _sqlstate(exc)
    orig = exc.orig
    reason = _reason(exc, where)
    if state in _CONCURRENT_STATES:
        return ConflictError(f"someone else changed the same data at the same time; try again ({reason})")
    if state == "53200" or isinstance(orig, MemoryError):
        return OutOfMemory(NOTHING_CHANGED.format(f"the database server ran out of memory ({reason})"))
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    kind = _SQLITE_NAMES.get("_".join(name.split("_")[:2])) or _PG_STATES.get(state or "")  # SQLITE_READONLY_*
    if name == "SQLITE_NOMEM":
        return OutOfMemory(NOTHING_CHANGED.format("out of memory"))
    if kind is DatabaseLocked:
        return DatabaseLocked(NOTHING_CHANGED.format(f"the database is locked by another program ({reason})"))
    if kind is DiskFull:
        return DiskFull(NOTHING_CHANGED.format(f"the disk holding the database is full ({reason})"))
    if kind is ReadOnlyDatabase:
        return ReadOnlyDatabase(NOTHING_CHANGED.format(f"the database is read-only ({reason})"))
    if engine.url.get_backend_name() == "sqlite" and not exc.connection_invalidated:
        return None  # "no such table"...: a bug, not a condition the user can act on
    unreachable = exc.connection_invalidated or (state or "").startswith(_UNREACHABLE_STATES)
    if not unreachable and state is None:
        # psycopg has no SQLSTATE when it cannot talk to the server at all (refused, reset, timed out)
        unreachable = isinstance(orig, engine.dialect.loaded_dbapi.OperationalError)
    if not unreachable:
        return None
    return DatabaseUnreachable(f"database unreachable: {reason} ({where}); your change was not saved")


def alembic_config(engine: Engine):  # type: ignore[no-untyped-def]
    """Alembic Config pointing at ``db/`` and at ``engine``."""
    from alembic.config import Config

    # Today's stdout: Config's default is the sys.stdout of when alembic.config was first imported, maybe closed since.
    cfg = Config(stdout=sys.stdout)
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


def known_revisions() -> set[str]:
    """Every revision id of ``db/versions`` (read from the files, like :func:`head_revisions`)."""
    found: set[str] = set()
    for path in (migrations_dir() / "versions").glob("*.py"):
        rev = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", path.read_text(encoding="utf-8"), re.M)
        if rev:
            found.add(rev.group(1))
    return found


def is_current(engine: Engine) -> bool:
    """Whether the database is already at the head revision.

    Raises:
        NewerSchema: the database names a revision this Workbench does not have (written by a newer version).
    """
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        current = {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}
    unknown = current - known_revisions()
    if unknown:
        raise NewerSchema(
            f"this database was written by a newer Workbench (schema {', '.join(sorted(unknown))}); "
            "install that version to open it; nothing was changed"
        )
    return bool(current) and current == head_revisions()


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest revision (Alembic is loaded only when there is something to do)."""
    if is_current(engine):
        return
    from alembic import command

    cfg = alembic_config(engine)
    if engine.dialect.name != "sqlite":
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        return
    # SQLite's procedure for rebuilding a table (https://sqlite.org/lang_altertable.html): foreign keys off outside
    # the transaction, so that dropping a table cascades to nothing; checked before the commit; back on after.
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()  # ends SQLAlchemy's autobegun transaction (pysqlite opened none for a PRAGMA)
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"the upgrade would break {len(broken)} references ({broken[0][0]}); "
                                       "nothing was changed")
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


_VERSIONED = "workbench.versioned"


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    """Before rows are written: note what changes in versioned rows; touch claims without a version check.

    A claim whose only change is ``updated_at``, with no history line editing the claim itself (a span, citation,
    relation or appearance of it was added or removed), is merely "touched": that must never conflict with another
    person's edit, so the UPDATE is written directly and leaves ``version`` alone. Every other change of a
    versioned row goes through SQLAlchemy's ``version_id_col`` check; its new values are remembered to explain a
    conflict.
    """
    remembered: Remembered | None = session.info.get(_VERSIONED)
    edited_claims = {h.entity_id for h in session.new if isinstance(h, History) and h.entity == "claim"}
    for obj in list(session.dirty):
        state = sa_inspect(obj)
        mapper = state.mapper
        if mapper.version_id_col is None or state.identity is None:
            continue
        changed = {}
        for attr in mapper.column_attrs:
            history = state.attrs[attr.key].history
            if history.has_changes() and history.added:
                changed[attr.key] = history.added[0]
        if not changed:
            continue
        if isinstance(obj, Claim) and set(changed) == {"updated_at"} and obj.id not in edited_claims:
            table = Claim.__table__
            assert isinstance(table, Table)  # typed as FromClause; a declarative class maps a Table
            session.connection().execute(
                update(table).where(table.c.id == obj.id).values(updated_at=changed["updated_at"])
            )
            set_committed_value(obj, "updated_at", changed["updated_at"])
            continue
        if remembered is not None:
            version_key = mapper.get_property_by_column(mapper.version_id_col).key
            expected = state.committed_state.get(version_key, getattr(obj, version_key))
            mine = {k: v for k, v in changed.items() if k not in ("updated_at", version_key)}
            remembered[(mapper.class_, tuple(state.identity))] = (mapper.persist_selectable.name, int(expected), mine)


@dataclass
class Database:
    """An open database: its engine and session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    def __post_init__(self) -> None:
        event.listen(self.sessions, "before_flush", _before_flush)
        # The transaction open in this thread (or task), so that nested service calls join it: one user action
        # composed of several service calls is still one transaction (see workbench.services.operations).
        self._active: contextvars.ContextVar[Session | None] = contextvars.ContextVar(
            f"workbench-transaction-{id(self)}", default=None)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.url.get_backend_name()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on error.

        A call made while a transaction is already open in the same thread joins it: the outermost one commits.

        Raises:
            ConflictError: someone else updated the same claim at the same time (its version moved under us), or
                PostgreSQL aborted the transaction for a concurrent one; the message shows the other value.
            DatabaseError: locked by another program, unreachable, disk full, read-only (one subclass each; the
                message says what happened and that nothing was changed).
            OutOfMemory: the machine ran out of memory; the transaction was rolled back.
        """
        outer = self._active.get()
        if outer is not None:  # inside an operation: join its transaction (it commits, or rolls back all of it)
            yield outer
            return
        remembered: Remembered = {}
        try:
            with self.sessions.begin() as session:
                session.info[_VERSIONED] = remembered
                token = self._active.set(session)
                try:
                    yield session
                finally:
                    self._active.reset(token)
        except StaleDataError as exc:
            raise self._conflict(remembered) from exc
        except IntegrityError as exc:  # a rule of the schema refused the data (hand-edited files, races)
            raise ValidationError(f"the database refused the change: {_reason(exc)}") from exc
        except DBAPIError as exc:
            mapped = self._translate(exc)
            if mapped is None:
                raise
            raise mapped from exc
        except MemoryError as exc:  # the rollback has run: what was committed before is intact
            raise OutOfMemory(NOTHING_CHANGED.format("out of memory")) from exc

    def _translate(self, exc: DBAPIError) -> WorkbenchError | None:
        """The user-facing error for a driver error, or None to let it through."""
        return translate_error(exc, self.engine)

    def _conflict(self, remembered: Remembered) -> ConflictError:
        """ConflictError naming the row, field and value that the other person wrote first."""
        # cannot read it back (server gone...): still a conflict, with a generic message
        with contextlib.suppress(Exception), self.sessions() as fresh:
            for (model, identity), (table, expected, mine) in remembered.items():
                mapper = sa_inspect(model)
                version_key = mapper.get_property_by_column(mapper.version_id_col).key
                row = fresh.get(model, identity)
                if row is None or getattr(row, version_key) == expected:
                    continue
                row_id = identity[0] if len(identity) == 1 else identity
                if not mine:
                    return ConflictError(f"{table} {row_id} was changed by someone else at the same time; "
                                         "reload it and re-apply your change")
                field = next((k for k, v in mine.items() if getattr(row, k) != v), next(iter(mine)))
                theirs = getattr(row, field)
                return ConflictError(
                    f"{table} {row_id} was changed by someone else at the same time (now {field} = {theirs!r}); "
                    "re-apply or discard",
                    field=field,
                    theirs=theirs,
                    mine=mine[field],
                )
        return ConflictError("this record was changed by someone else at the same time; reload it and try again")

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def _schema_template() -> Path | None:
    """The cached empty database at today's schema, named by a digest of the migrations (``None``: no cache dir).

    A new SQLite database is a copy of it (milliseconds) instead of a run of every migration (0.3–0.5 s of Alembic
    at each ``workbench --db new.sqlite import …``); any change to a migration file gives another name.
    """
    try:
        from platformdirs import user_cache_path

        digest = hashlib.sha256()
        for path in sorted((migrations_dir() / "versions").glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        folder = Path(user_cache_path("workbench", "workbench"))
        return folder / f"schema-{digest.hexdigest()[:16]}.sqlite"
    except OSError:
        return None


def _fresh_sqlite_file(target: str) -> Path | None:
    """The file of a SQLite ``target`` that does not exist yet (or is empty), else ``None``."""
    url = make_url(to_url(target))
    path = _sqlite_file(url) if url.get_backend_name() == "sqlite" else None
    if path is None or _sqlite_read_only(url):
        return None
    try:
        return path if not path.exists() or (path.is_file() and path.stat().st_size == 0) else None
    except OSError:
        return None


def _copy_template(template: Path | None, path: Path) -> None:
    if template is None or not template.is_file():
        return
    import sqlite3

    try:  # a damaged or foreign file is thrown away, never copied
        with contextlib.closing(sqlite3.connect(f"file:{template}?mode=ro", uri=True)) as conn:
            found = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
            ok = found == head_revisions() and conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    except sqlite3.Error:
        ok = False
    if not ok:
        with contextlib.suppress(OSError):
            template.unlink()
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".part")
        shutil.copyfile(template, partial)
        os.replace(partial, path)
    except OSError:  # the cache is a shortcut only: migrations create the database below
        return


def _save_template(engine: Engine, template: Path | None) -> None:
    """Keep a copy of a just-migrated, still empty database as the template for the next new one."""
    if template is None or template.exists():
        return
    import sqlite3

    try:
        template.parent.mkdir(parents=True, exist_ok=True)
        partial = template.with_name(f"{template.name}.{os.getpid()}.part")
        raw = engine.raw_connection()
        try:
            dest = sqlite3.connect(partial)
            try:
                raw.driver_connection.backup(dest)  # type: ignore[union-attr]
            finally:
                dest.close()
        finally:
            raw.close()
        os.replace(partial, template)
    except (OSError, sqlite3.Error, AttributeError):
        return


def open_database(target: str) -> Database:
    """Open (creating and migrating as needed) the database at ``target``."""
    try:
        fresh = _fresh_sqlite_file(target)
        template = _schema_template() if fresh is not None else None
        if fresh is not None:
            _copy_template(template, fresh)
        engine = make_engine(target)
        migrate(engine)
        if fresh is not None:
            _save_template(engine, template)
    except WorkbenchError:
        raise
    except DBAPIError as exc:
        mapped = translate_error(exc, engine)
        opening = f"cannot open database {display_target(target)}"
        if isinstance(mapped, DatabaseUnreachable):
            raise DatabaseUnreachable(f"{opening}: {_reason(exc, target)}") from exc
        if isinstance(mapped, DatabaseError | OutOfMemory):
            raise type(mapped)(f"{opening}: {mapped}") from exc
        raise WorkbenchError(f"{opening}: {_reason(exc, target)}") from exc
    except Exception as exc:  # the message names the target and the driver's reason
        raise WorkbenchError(f"cannot open database {display_target(target)}: {_reason(exc, target)}") from exc
    return Database(engine, sessionmaker(engine, expire_on_commit=False))
