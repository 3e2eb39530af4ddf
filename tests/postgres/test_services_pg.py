"""The services scenarios of tests/services, re-run on PostgreSQL, plus search parity with SQLite.

Every test of ``tests/services/test_{dossiers,sources,claims,evidence}.py`` that works through the ``world``
fixture runs here again: the ``world`` of tests/postgres/conftest.py is the same dossier and source on a fresh
PostgreSQL database (create, edit, cite, undo inverses, history, search, list filters, conflicts...).
"""

from __future__ import annotations

import inspect
from pathlib import Path
from types import ModuleType

import pytest

from tests.sample_world import OTHER, TEXT, World, bundle
from tests.services import test_claims, test_dossiers, test_evidence, test_sources
from workbench.services import claims, dossiers, sources
from workbench.services.store import Store

SHARED: list[str] = []


def _is_fixture(obj: object) -> bool:
    return type(obj).__name__ == "FixtureFunctionDefinition" or hasattr(obj, "_pytestfixturefunction")


def _share(module: ModuleType, prefix: str) -> None:
    """Re-export the module's ``world`` tests (and the fixtures they need) under ``test_pg_<prefix>_...``."""
    for name, obj in vars(module).items():
        if name.startswith("test_") and inspect.isfunction(obj):
            params = set(inspect.signature(obj).parameters)
            if "world" in params or "store" in params:
                alias = f"test_pg_{prefix}_{name.removeprefix('test_')}"
                globals()[alias] = obj
                SHARED.append(alias)
        elif _is_fixture(obj) and name not in ("world", "store"):
            globals()[name] = obj


for _module, _prefix in ((test_dossiers, "dossiers"), (test_sources, "sources"), (test_claims, "claims"),
                         (test_evidence, "evidence")):
    _share(_module, _prefix)


def test_the_shared_scenarios_are_there() -> None:
    assert len(SHARED) >= 40
    for wanted in ("test_pg_claims_update_returns_before_and_writing_it_back_undoes",
                   "test_pg_claims_history_lists_every_change_in_order", "test_pg_claims_list_claims_filters",
                   "test_pg_sources_search_is_accent_and_case_insensitive", "test_pg_evidence_cite_span"):
        assert wanted in SHARED


def test_world_is_on_postgresql(world: World) -> None:
    assert world.store.db.backend == "postgresql"


# --- search parity: the same hits on SQLite (FTS5) and PostgreSQL (tsvector) -------------------------------------

QUERIES = ["evacues", "ÉVACUÉS", "Évacuées", "n'a pas cede", "n’a pas cédé", "DIGUE", "digue a cede", "victime",
           "Saint-Aubin", "saint aubin", "1 200", "prefet", "préfecture", "Dépêche", "depeche apo", "mardi mercredi",
           "inondation", "cédé", "🌊", "la", "l'eau", "e\u0301vacue\u0301s", "1,5", "3.14", "14", "lerne-info",
           "example", "contact", "2.0", "version 2", "sur-Lerne"]

EXTRA = ("Les habitants ont été évacués vers le gymnase ; l’eau a atteint 1,5 mètre (3.14 m) à Saint-Aubin-sur-Lerne."
         "\nDétails : www.lerne-info.example/crue, contact@lerne.example, version 2.0.1.\n")


def _fill(store: Store) -> int:
    d = dossiers.create(store, "Parité")
    sources.add(store, d.id, bundle(TEXT, title="Dépêche APO"))
    sources.add(store, d.id, bundle(OTHER, "bilan.txt", title="Bilan préfecture"))
    sources.add(store, d.id, bundle(EXTRA, "extra.txt", title="Troisième"))
    trashed = sources.add(store, d.id, bundle("Texte supprimé : digue évacués victime.\n", "x.txt")).source
    sources.delete(store, trashed.id)
    other = dossiers.create(store, "Autre dossier")
    sources.add(store, other.id, bundle(TEXT + "autre\n", "autre.txt"))
    return d.id


def test_search_gives_identical_hits_on_both_backends(pg_url: str, tmp_path: Path) -> None:
    lite = Store.open(str(tmp_path / "parity.sqlite"), user="alice")
    pg = Store.open(pg_url, user="alice")
    try:
        d_lite, d_pg = _fill(lite), _fill(pg)
        id_lite = [s.id for s in sources.list_all(lite, d_lite)]
        id_pg = [s.id for s in sources.list_all(pg, d_pg)]
        found = set()
        for query in QUERIES:
            on_lite = [(id_lite.index(h.source_id), h.start, h.end, h.snippet)
                       for h in sources.search(lite, d_lite, query)]
            on_pg = [(id_pg.index(h.source_id), h.start, h.end, h.snippet) for h in sources.search(pg, d_pg, query)]
            assert on_pg == on_lite, query
            if on_pg:
                found.add(query)
        assert len(found) >= 20
        assert {"Saint-Aubin", "sur-Lerne", "3.14", "1,5", "example", "n'a pas cede", "ÉVACUÉS"} <= found
        assert len(sources.search(pg, d_pg, "évacués")) == 2  # "évacuées" is not "évacués"
    finally:
        lite.close()
        pg.close()


def test_search_ignores_deleted_sources_and_other_dossiers(world: World) -> None:
    other = world.add_other()
    assert {h.source_id for h in sources.search(world.store, world.dossier.id, "cédé")} == {world.source.id,
                                                                                            other.id}
    sources.delete(world.store, other.id)
    assert {h.source_id for h in sources.search(world.store, world.dossier.id, "cédé")} == {world.source.id}
    d2 = dossiers.create(world.store, "Ailleurs")
    sources.add(world.store, d2.id, bundle("Rien à voir : mercredi.\n", "b.txt"))
    assert sources.search(world.store, world.dossier.id, "mercredi") == []


def test_search_matches_titles(world: World) -> None:
    from workbench.persistence.search import candidate_sources

    with world.store.db.transaction() as s:
        assert candidate_sources(s, world.dossier.id, "depeche APO") == [world.source.id]
        assert candidate_sources(s, world.dossier.id, "agence") == []  # the outlet is not indexed
        assert candidate_sources(s, world.dossier.id, "!!") == []


@pytest.mark.parametrize("query", ["digue & !cédé", "a:*", "(préfet", "'", "\\", "%"])
def test_search_query_syntax_is_inert(world: World, query: str) -> None:
    sources.search(world.store, world.dossier.id, query)  # no tsquery syntax error


def test_claim_filters_and_tags_on_postgresql(world: World) -> None:
    a = claims.create(world.store, *world.span("la digue n’a pas cédé"), tags=["digue"], claimant="Préfet")
    claims.create(world.store, *world.span("mardi"), tags=["secours"])
    assert [c.id for c in claims.list_claims(world.store, world.dossier.id, text="préfet")] == [a.id]
    assert [c.id for c in claims.list_claims(world.store, world.dossier.id, text="PRÉFET")] == [a.id]
