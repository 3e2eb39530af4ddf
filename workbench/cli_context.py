"""What every ``workbench`` subcommand handler shares: the lazily opened store and dossier, and JSON output.

Kept apart from :mod:`workbench.cli` (the parser and the entry point) so that the handler modules import this and
:mod:`workbench.cli` imports the handlers, never the other way round.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.services.store import Store


class Context:
    """Lazily opened store and dossier for one command."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        """The open store (opened on first use)."""
        if self._store is None:
            from workbench.paths import default_database
            from workbench.services.store import Store

            self._store = Store.open(self.args.db or default_database(), self.args.user)
        return self._store

    def dossier_id(self) -> int:
        """The dossier named by ``--dossier``, else the current one (created if the database has none)."""
        from workbench.services import dossiers

        if self.args.dossier is not None:
            return dossiers.get(self.store, self.args.dossier).id
        return dossiers.ensure_current(self.store).id

    def close(self) -> None:
        """Close the store if it was opened."""
        if self._store is not None:
            self._store.close()


def dump_json(value: object) -> None:
    """Print ``value`` as indented UTF-8 JSON."""
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def _json_default(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | set | frozenset):
        return list(value)
    raise TypeError(type(value))
