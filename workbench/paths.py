"""Where things live: the user's data directory, the migrations and the resources (checkout or installed wheel).

``db/`` and ``resources/`` sit at the top of the repository; the wheel carries them as ``workbench/_data/``.
This module is the only place that knows both layouts.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _data_root() -> Path:
    installed = _PACKAGE / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent


def migrations_dir() -> Path:
    """The Alembic environment (``db/``)."""
    return _data_root() / "db"


def resources_dir() -> Path:
    """The ``resources/`` folder (sample dossier, styles, translations, icons)."""
    return _data_root() / "resources"


def user_data_dir() -> Path:
    """Per-user data folder (created on demand)."""
    from platformdirs import user_data_path

    path = user_data_path("workbench", "workbench", ensure_exists=True)
    return Path(path)


def default_database() -> str:
    """The database to open: ``WORKBENCH_DB`` if set, else ``workbench.sqlite`` in the user data folder."""
    env = os.environ.get("WORKBENCH_DB", "").strip()
    if env:
        return env
    return str(user_data_dir() / "workbench.sqlite")
