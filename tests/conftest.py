"""Test-wide set-up: Qt offscreen, and no user data or settings touched (config and data go to a temp folder)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
_HOME = tempfile.mkdtemp(prefix="workbench-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")  # QSettings (window state, language, your name)
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")  # platformdirs: default database, log file
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
