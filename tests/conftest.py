"""Test-wide set-up: Qt offscreen, no user data or settings touched, and the layered store fixtures.

Fixtures, each built on the one before: ``db_url`` (a fresh SQLite file, copied from a migrated template; PostgreSQL
in tests/postgres) -> ``store`` (open on it, user "alice") -> ``dossier`` ("Crue de la Lerne", default scale) ->
``world`` (plus one French text source with accents and an emoji; see tests/sample_world.py).
tests/ui/conftest.py has its own ``store`` and ``dossier`` (two sources) for the window tests.
"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
_HOME = tempfile.mkdtemp(prefix="workbench-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")  # QSettings (window state, language, your name)
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")  # platformdirs: default database, log file
os.environ["XDG_CACHE_HOME"] = os.path.join(_HOME, "cache")  # platformdirs: the schema template of new databases
os.environ.pop("WORKBENCH_DB", None)
os.environ.pop("WORKBENCH_USER", None)
os.environ.pop("WORKBENCH_LANGUAGE", None)


# --- a migrated SQLite template, copied for each new test database ---------------------------------------------------
# Running the Alembic migrations costs ~200 ms per database; copying a database migrated once costs ~1 ms. Tests of the
# migrations themselves (tests/persistence, tests/postgres) still run Alembic: the copy is only made for a new, empty
# SQLite file, and `alembic check` and `upgrade head` tests call Alembic directly.
import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workbench.persistence import engine as _engine  # noqa: E402

_real_migrate = _engine.migrate


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = _engine.make_engine(str(path))
    _real_migrate(engine)
    engine.dispose()
    return path


@pytest.fixture(autouse=True)
def _copy_migrated_template(monkeypatch: pytest.MonkeyPatch, _migrated_template: Path) -> None:
    def migrate(engine):  # type: ignore[no-untyped-def]
        url = engine.url
        path = Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None
        if path is not None and not url.query and (not path.exists() or path.stat().st_size == 0):
            shutil.copyfile(_migrated_template, path)
            return
        _real_migrate(engine)

    monkeypatch.setattr(_engine, "migrate", migrate)


# --- layered fixtures: db_url -> store -> dossier -> world ------------------------------------------------------------
from collections.abc import Iterator  # noqa: E402

from tests.sample_world import TEXT, World, bundle  # noqa: E402
from workbench.core.values import DossierInfo  # noqa: E402
from workbench.services import dossiers, sources  # noqa: E402
from workbench.services.store import Store  # noqa: E402


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """Where the test's database lives: a new SQLite file (tests/postgres overrides it with a server database)."""
    return str(tmp_path / "t.sqlite")


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An open store on an empty, migrated database, acting as "alice"."""
    st = Store.open(db_url, user="alice")
    yield st
    st.close()


@pytest.fixture
def dossier(store: Store) -> DossierInfo:
    """One dossier with the default rating scale."""
    return dossiers.create(store, "Crue de la Lerne")


@pytest.fixture
def world(store: Store, dossier: DossierInfo, db_url: str) -> World:
    """The dossier with one French source (accents, typographic apostrophes, an emoji)."""
    result = sources.add(
        store, dossier.id, bundle(TEXT, title="Dépêche APO", outlet="Agence Presse Ouest", language="fr")
    )
    assert result.created
    path: Path | str = Path(db_url) if "://" not in db_url else db_url
    return World(store, dossier, result.source, path)
