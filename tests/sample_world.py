"""The sample world the services and PostgreSQL tests share: texts, a bundle maker and the World value.

The fixtures that build it (``store`` -> ``dossier`` -> ``world``) live in tests/conftest.py; this module only holds
what tests import by name (conftest modules are not imported by tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.core.values import DossierInfo, ImportBundle, SourceInfo
from workbench.services import sources
from workbench.services.store import Store

TEXT = (
    "Crue de la Lerne 🌊 : 1 200 habitants évacués à Saint-Aubin.\n"
    "Le préfet a déclaré que « la digue n’a pas cédé ». Le maire a répété : « la digue n’a pas cédé ».\n"
    "Les secours sont arrivés mardi. 🚒 Aucune victime n’est à déplorer.\n"
)

OTHER = (
    "Bilan officiel : 1 150 personnes évacuées mercredi.\n"
    "Selon la préfecture, la digue a cédé sur dix mètres.\n"
)


def bundle(text: str, name: str = "depeche.txt", **meta: object) -> ImportBundle:
    return ImportBundle(name=name, kind="txt", original=text.encode("utf-8"), text=text, **meta)  # type: ignore[arg-type]


@dataclass
class World:
    """A store with one dossier and one French text source (the ``world`` fixture of tests/conftest.py)."""

    store: Store
    dossier: DossierInfo
    source: SourceInfo
    path: Path | str  # the SQLite file; a URL on PostgreSQL (tests/postgres)

    def span(self, quote: str, nth: int = 1, source_id: int | None = None) -> tuple[int, int, int]:
        sid = source_id or self.source.id
        body = sources.text(self.store, sid)
        pos = -1
        for _ in range(nth):
            pos = body.index(quote, pos + 1)
        return sid, pos, pos + len(quote)

    def add_other(self) -> SourceInfo:
        return sources.add(self.store, self.dossier.id, bundle(OTHER, "bilan.txt", title="Bilan")).source
