"""The handle every service takes: an open database and the name of the person acting."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field

from workbench.persistence.engine import Database, open_database


def default_user() -> str:
    """The person acting: ``WORKBENCH_USER``, else the OS login."""
    name = os.environ.get("WORKBENCH_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # pragma: no cover - no login name (containers)
        return "unknown"


@dataclass
class Store:
    """An open database plus who is acting. Cheap to pass around; thread-safe (one session per call)."""

    db: Database
    user: str = field(default_factory=default_user)

    @classmethod
    def open(cls, target: str, user: str | None = None) -> Store:
        """Open (create, migrate) the database at ``target`` (a path or a SQLAlchemy URL)."""
        return cls(open_database(target), user or default_user())

    def close(self) -> None:
        """Release the database."""
        self.db.close()
