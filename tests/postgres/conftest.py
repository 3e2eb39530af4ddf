"""A real PostgreSQL server for the team-database tests.

One server per test session (``initdb`` + ``pg_ctl start`` in a temporary folder, 127.0.0.1 on a free port, trust
authentication, no fsync), a migrated template database, and a fresh database per test cloned from it. The
``unaccent`` extension is created in ``template1`` so every database, migrated or empty, already has it.

Missing binaries fail the run with a clear message, unless ``WORKBENCH_SKIP_PG=1`` (then the tests skip).
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from workbench.persistence.engine import open_database

MISSING = (
    "PostgreSQL server binaries not found: run `make test` (it installs Debian's postgresql) "
    "or apt-get install postgresql"
)
SUPERUSER = "workbench"
TEMPLATE = "workbench_template"
_counter = itertools.count(1)


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (``$WORKBENCH_PG_BIN``, PATH, then Debian's layout)."""
    candidates: list[Path] = []
    if os.environ.get("WORKBENCH_PG_BIN"):
        candidates.append(Path(os.environ["WORKBENCH_PG_BIN"]))
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(Path(on_path).parent)

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.name)) or (0,)

    candidates += sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=version, reverse=True)
    for cand in candidates:
        if (cand / "initdb").is_file() and (cand / "pg_ctl").is_file():
            return cand
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A throw-away PostgreSQL cluster listening on 127.0.0.1 only."""

    bindir: Path
    root: Path
    port: int = 0
    run_as: str | None = None
    durable_commits: bool = False
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.root / "server.log"

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.run_as:
            cmd = ["runuser", "-u", self.run_as, "--", *cmd]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=self.root)
        if check and proc.returncode:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}): {proc.stderr.strip()}\n{log}")
        return proc

    def init(self) -> None:
        """``initdb`` with a UTF-8 locale (the text-search parser splits words by locale), trust auth."""
        locale = "C.UTF-8" if _has_locale("C.utf8") else "C"
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                  f"--locale={locale}", "--no-sync")

    def start(self) -> None:
        """Start on ``self.port`` (a new free one if 0), 127.0.0.1 and a private Unix socket folder."""
        if not self.port:
            self.port = _free_port()
        # No fsync: the machine does not crash under a test. Asynchronous commits unless a test kills the server and
        # checks that committed work survived (a real server keeps synchronous_commit on).
        commit = "on" if self.durable_commits else "off"
        opts = (f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{self.root}' "
                f"-c fsync=off -c synchronous_commit={commit} -c full_page_writes=off -c max_connections=100")
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", str(self.data), "-l", str(self.log), "-o", opts)

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate`` simulates a crash)."""
        self._run("pg_ctl", "stop", "-w", "-t", "60", "-D", str(self.data), "-m", mode, check=False)

    def url(self, dbname: str) -> str:
        """SQLAlchemy URL of a database of this server."""
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def admin(self, dbname: str = "postgres") -> psycopg.Connection:
        """An autocommit superuser connection."""
        return psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=dbname, autocommit=True)

    def create_database(self, name: str, template: str = "template1") -> str:
        """Create a database cloned from ``template``; return its URL."""
        with self.admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, closing whatever still uses it."""
        with self.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _has_locale(name: str) -> bool:
    try:
        out = subprocess.run(["locale", "-a"], capture_output=True, text=True, timeout=10).stdout
    except OSError:
        return False
    return name.lower() in {x.strip().lower() for x in out.splitlines()}


def _binaries_or_fail() -> Path:
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("WORKBENCH_SKIP_PG") == "1":
            pytest.skip("PostgreSQL server binaries not found (WORKBENCH_SKIP_PG=1)")
        pytest.fail(MISSING, pytrace=False)
    return bindir


@contextlib.contextmanager
def running_server(bindir: Path, *, durable_commits: bool = False) -> Iterator[PgServer]:
    """Init and start a server in a temporary folder; stop it and delete the folder at the end."""
    run_as: str | None = None
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        try:
            pwd.getpwnam("postgres")
            run_as = "postgres"
        except KeyError:
            pytest.fail("running as root needs a `postgres` system user to start the test server", pytrace=False)
    root = Path(tempfile.mkdtemp(prefix="workbench-pg-"))
    try:
        if run_as:
            info = pwd.getpwnam(run_as)
            os.chown(root, info.pw_uid, info.pw_gid)
        root.chmod(0o700)
        server = PgServer(bindir, root, run_as=run_as, durable_commits=durable_commits)
        server.init()
        server.start()
        try:
            with server.admin("template1") as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_bindir() -> Path:
    """The PostgreSQL binaries (fails, or skips with WORKBENCH_SKIP_PG=1, when missing)."""
    return _binaries_or_fail()


@pytest.fixture(scope="session")
def pg_server(pg_bindir: Path) -> Iterator[PgServer]:
    """The session's PostgreSQL server, with a template database migrated to head."""
    with running_server(pg_bindir) as server:
        db = open_database(server.create_database(TEMPLATE))
        db.close()
        yield server


@pytest.fixture
def pg_empty_url(pg_server: PgServer) -> Iterator[str]:
    """URL of a fresh, empty (unmigrated) database that already has ``unaccent``."""
    name = f"empty_{os.getpid()}_{next(_counter)}"
    yield pg_server.create_database(name)
    pg_server.drop_database(name)


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """URL of a fresh database migrated to head."""
    name = f"test_{os.getpid()}_{next(_counter)}"
    yield pg_server.create_database(name, TEMPLATE)
    pg_server.drop_database(name)


@pytest.fixture
def db_url(pg_url: str) -> str:
    """The root fixtures (store -> dossier -> world) on a fresh PostgreSQL database migrated to head."""
    return pg_url


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of this folder ``postgres``."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.postgres)
