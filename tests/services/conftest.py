"""A store on a fresh SQLite file with one dossier and one French text source (accents and an emoji)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from workbench.core.values import DossierInfo, ImportBundle, SourceInfo
from workbench.services import dossiers, sources
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
    store: Store
    dossier: DossierInfo
    source: SourceInfo
    path: Path

    def span(self, quote: str, nth: int = 1, source_id: int | None = None) -> tuple[int, int, int]:
        sid = source_id or self.source.id
        body = sources.text(self.store, sid)
        pos = -1
        for _ in range(nth):
            pos = body.index(quote, pos + 1)
        return sid, pos, pos + len(quote)

    def add_other(self) -> SourceInfo:
        return sources.add(self.store, self.dossier.id, bundle(OTHER, "bilan.txt", title="Bilan")).source


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    path = tmp_path / "t.sqlite"
    store = Store.open(str(path), user="alice")
    dossier = dossiers.create(store, "Crue de la Lerne")
    result = sources.add(
        store, dossier.id, bundle(TEXT, title="Dépêche APO", outlet="Agence Presse Ouest", language="fr")
    )
    assert result.created
    yield World(store, dossier, result.source, path)
    store.close()


@pytest.fixture
def store(world: World) -> Store:
    return world.store
