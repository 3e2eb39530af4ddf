"""Operations: one transaction each, an inverse that undoes, a redo that redoes, version-checked undo."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import event

from tests.sample_world import OTHER, TEXT, World, bundle
from workbench.core.errors import ConflictError
from workbench.services import claims, evidence, sources
from workbench.services.operations import (
    AddAppearance,
    CiteExternal,
    CiteSpan,
    CreateClaim,
    EditClaim,
    EditSource,
    ImportAnnotations,
    ImportSources,
    Operation,
    Relate,
    Restore,
    Trash,
)
from workbench.services.store import Store

TABLES = ("source", "span", "claim", "claim_tag", "appearance", "evidence", "claim_relation", "history")


def snapshot(world: World) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table the operations write (deleted_at included): 'nothing changed' means equal."""
    with sqlite3.connect(world.path) as conn:
        return {t: sorted(map(tuple, conn.execute(f"SELECT * FROM {t}"))) for t in TABLES}


def test_claim_from_a_pair_is_one_claim_two_appearances_and_undoes_whole(world: World) -> None:
    other = world.add_other()
    a = world.span("1 200 habitants évacués")
    b = world.span("1 150 personnes évacuées", source_id=other.id)
    before = snapshot(world)
    done = CreateClaim((a, b), {"statement": "Combien d'évacués ?"}).run(world.store)
    assert [x.span.source_id for x in done.value.appearances] == [world.source.id, other.id]
    assert done.changes.claims == {done.value.id} and done.changes.sources == {world.source.id, other.id}
    assert len(done.changes.spans) == 2
    undone = done.inverse.run(world.store)
    assert claims.list_claims(world.store, world.dossier.id) == []
    assert undone.changes == done.changes
    redone = undone.inverse.run(world.store)
    assert [c.id for c in claims.list_claims(world.store, world.dossier.id)] == [done.value.id]
    assert isinstance(redone.inverse, Trash)
    assert snapshot(world)["claim"] != before["claim"]


def test_every_creation_has_an_inverse_that_trashes_and_a_redo_that_restores(world: World) -> None:
    store = world.store
    other = world.add_other()
    claim = CreateClaim((world.span("Les secours sont arrivés mardi"),)).run(store).value
    second = CreateClaim((world.span("Aucune victime"),)).run(store).value
    ops: list[Operation[Any]] = [
        AddAppearance(claim.id, *world.span("la digue a cédé", source_id=other.id)),
        CiteSpan(claim.id, "refutes", *world.span("mercredi", source_id=other.id), note="jour"),
        CiteExternal(claim.id, "supports", {"url": "https://example.org/a", "title": "Rapport"}),
        Relate(claim.id, second.id, "contradicts"),
    ]
    for op in ops:
        shown_before = claims.get(store, claim.id)
        done = op.run(store)
        assert claim.id in done.changes.claims
        assert claims.get(store, claim.id) != shown_before
        undo = done.inverse.run(store)
        after_undo = claims.get(store, claim.id)
        assert (after_undo.appearances, after_undo.evidence, after_undo.relations) == (
            shown_before.appearances, shown_before.evidence, shown_before.relations)
        undo.inverse.run(store)  # redo
        assert claims.get(store, claim.id) != shown_before


def test_undo_of_an_edit_never_overwrites_a_colleague(world: World) -> None:
    """Alice edits, Bob edits the same claim, Alice undoes: she is refused with Bob's value; forced, hers wins."""
    alice = world.store
    bob = Store(alice.db, "bob")
    claim = CreateClaim((world.span("Aucune victime"),)).run(alice).value
    done = EditClaim(claim.id, {"verdict": "true"}, expected_version=claim.version).run(alice)
    assert isinstance(done.inverse, EditClaim) and done.inverse.expected_version == done.value.version
    claims.update(bob, claim.id, verdict="false")
    with pytest.raises(ConflictError) as info:
        done.inverse.run(alice)
    assert info.value.field == "verdict" and info.value.theirs == "false"
    assert claims.get(alice, claim.id).verdict == "false"  # Bob's value is kept
    assert isinstance(done.inverse, EditClaim)
    done.inverse.forced().run(alice)  # Alice chose "re-apply mine": the claim goes back to no verdict
    assert claims.get(alice, claim.id).verdict is None


def test_undo_and_redo_of_an_edit_chain_versions(world: World) -> None:
    store = world.store
    claim = CreateClaim((world.span("Aucune victime"),)).run(store).value
    done = EditClaim(claim.id, {"claimant": "Le préfet", "tags": ["bilan"]}, claim.version).run(store)
    undo = done.inverse.run(store)
    assert (claims.get(store, claim.id).claimant, claims.get(store, claim.id).tags) == ("", ())
    redo = undo.inverse.run(store)
    assert claims.get(store, claim.id).claimant == "Le préfet"
    assert isinstance(redo.inverse, EditClaim) and redo.inverse.expected_version == redo.value.version


def test_import_sources_is_one_step_and_its_undo_trashes_all_in_one(world: World) -> None:
    store = world.store
    bundles = (bundle("Premier texte.\n", "a.txt"), bundle("Second texte.\n", "b.txt"), bundle(TEXT, "same.txt"))
    done = ImportSources(world.dossier.id, bundles).run(store)
    assert [s.title for s in done.value] == ["a", "b"]  # same bytes as the existing source: reused, not undone
    undo = done.inverse.run(store)
    assert [s.id for s in sources.list_all(store, world.dossier.id)] == [world.source.id]
    redo = undo.inverse.run(store)
    assert len(sources.list_all(store, world.dossier.id)) == 3
    redo.inverse.run(store)  # undo again after the redo
    assert len(sources.list_all(store, world.dossier.id)) == 1


def test_edit_source_inverse_puts_metadata_back(world: World) -> None:
    done = EditSource(world.source.id, {"title": "Nouveau titre", "outlet": "AFP"}).run(world.store)
    assert done.value.title == "Nouveau titre"
    done.inverse.run(world.store)
    info = sources.get(world.store, world.source.id)
    assert (info.title, info.outlet) == ("Dépêche APO", "Agence Presse Ouest")


def _annotations(world: World, n: int) -> bytes:
    sha = sources.get(world.store, world.source.id).text_sha256
    text = sources.text(world.store, world.source.id)
    quote = "Aucune victime"
    start = text.index(quote)
    items = [{
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": f"urn:x:{i}", "type": "Annotation",
        "motivation": "assessing", "body": [{"type": "TextualBody", "purpose": "describing", "value": f"Claim {i}"}],
        "target": {"source": f"urn:sha256:{sha}", "selector": [
            {"type": "TextQuoteSelector", "exact": quote},
            {"type": "TextPositionSelector", "start": start, "end": start + len(quote)}]},
    } for i in range(n)]
    return json.dumps(items).encode()


def test_annotation_import_is_one_transaction(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _annotations(world, 30)
    transactions = 0
    real = type(world.store.db).transaction

    def counting(db: Any) -> Any:
        nonlocal transactions
        if db._active.get() is None:
            transactions += 1
        return real(db)

    monkeypatch.setattr(type(world.store.db), "transaction", counting)
    done = ImportAnnotations(world.dossier.id, data).run(world.store)
    assert len(done.value.claim_ids) == 30
    assert transactions == 1
    monkeypatch.undo()
    done.inverse.run(world.store)
    assert claims.list_claims(world.store, world.dossier.id) == []


def _composites(world: World) -> list[tuple[str, Callable[[], Operation[Any]]]]:
    other = world.add_other()
    store = world.store
    claim = CreateClaim((world.span("Les secours"),)).run(store).value
    second = CreateClaim((world.span("Aucune victime"),)).run(store).value
    evidence.cite_span(store, claim.id, "context", *world.span("mardi"))
    pair = (world.span("1 200 habitants"), world.span("1 150 personnes", source_id=other.id))
    return [
        ("claim from a pair", lambda: CreateClaim(pair, {"tags": ["bilan", "chiffres"]})),
        ("import of several files", lambda: ImportSources(
            world.dossier.id, (bundle("Un.\n", "1.txt"), bundle("Deux.\n", "2.txt"), bundle(OTHER + "x", "3.txt")))),
        ("edit of several fields", lambda: EditClaim(claim.id, {"claimant": "X", "verdict": "true", "tags": ["t"]})),
        ("annotation import", lambda: ImportAnnotations(world.dossier.id, _annotations(world, 4))),
        ("trash of several rows", lambda: Trash("claim", (claim.id, second.id))),
        ("trash of several sources", lambda: Trash("source", (world.source.id, other.id))),
        ("restore of several sources", lambda: Restore("source", (world.source.id, other.id))),
    ]


def test_a_failure_in_the_middle_of_any_composite_operation_changes_nothing(world: World) -> None:
    """Each composite operation is run once to count its write statements, then failed at each of them in turn."""
    engine = world.store.db.engine
    state = {"writes": 0, "fail_at": 0}

    def on_write(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            state["writes"] += 1
            if state["writes"] == state["fail_at"]:
                raise RuntimeError("injected failure")

    event.listen(engine, "before_cursor_execute", on_write)
    try:
        for name, make in _composites(world):
            state.update(writes=0, fail_at=0)
            done = make().run(world.store)
            total = state["writes"]
            done.inverse.run(world.store)  # back to the starting point (history grows: take a new snapshot)
            assert total >= 2, name
            for fail_at in range(2, total + 1):  # fail at the 2nd, 3rd... write: the first ones must be rolled back
                before = snapshot(world)
                state.update(writes=0, fail_at=fail_at)
                with pytest.raises(Exception, match="injected"):
                    make().run(world.store)
                state["fail_at"] = 0
                assert snapshot(world) == before, f"{name}: failure at write {fail_at} left changes"
    finally:
        event.remove(engine, "before_cursor_execute", on_write)


def test_create_many_gives_the_same_claims_as_one_at_a_time(world: World) -> None:
    from workbench.core.values import NewClaim

    store = world.store
    other = world.add_other()
    a, b = world.span("Aucune victime"), world.span("la digue a cédé", source_id=other.id)
    cited = ("refutes", *world.span("mercredi", source_id=other.id), "autre jour")
    ids = claims.create_many(store, world.dossier.id, [
        NewClaim({"tags": ["bilan", " bilan "], "verdict": "true", "status": "concluded"}, (a, b), (cited,)),
        NewClaim({"statement": "Deuxième", "claimant": "Le maire"}, (world.span("Les secours"),)),
    ])
    first, second = (claims.get(store, i) for i in ids)
    assert first.statement == "Aucune victime" and first.tags == ("bilan",) and first.concluded_by == "alice"
    assert [(x.span.source_id, x.span.exact) for x in first.appearances] == [
        (world.source.id, "Aucune victime"), (other.id, "la digue a cédé")]
    assert [(e.stance, e.span.exact if e.span else None, e.note) for e in first.evidence] == [
        ("refutes", "mercredi", "autre jour")]
    assert second.statement == "Deuxième" and second.claimant == "Le maire"
    kinds = [h.entity for h in claims.history(store, first.id)]
    assert sorted(kinds) == ["appearance", "appearance", "claim", "evidence"]
    with pytest.raises(Exception, match="verdict"):
        claims.create_many(store, world.dossier.id, [NewClaim({"verdict": "nope"}, (a,))])
    assert len(claims.list_claims(store, world.dossier.id)) == 2  # a refused batch writes nothing


def test_publication_settings_are_one_step_that_undoes_and_refuses_whole(world: World) -> None:
    from workbench.core.errors import ValidationError
    from workbench.services import publication
    from workbench.services.operations import EditPublication

    store, dossier_id = world.store, world.dossier.id
    publication.set_value(store, "organisation", "Avant")
    wanted = {"organisation": "Les Vérificateurs", "publication-url": "https://verif.example/fc/{claim}",
              "user-name": "Marie Dupont"}
    done = EditPublication(dossier_id, wanted).run(store)
    got = publication.get(store, dossier_id)
    assert (got.organisation, got.publication_url, got.people[store.user]) == (
        "Les Vérificateurs", "https://verif.example/fc/{claim}", "Marie Dupont")
    redo = done.inverse.run(store)  # undo: every value it replaced comes back, the unset ones unset again
    got = publication.get(store, dossier_id)
    assert (got.organisation, got.publication_url, got.people) == ("Avant", "", {})
    redo.inverse.run(store)
    assert publication.get(store, dossier_id).organisation == "Les Vérificateurs"
    # one refused value refuses the whole change: the name before it is not stored either
    with pytest.raises(ValidationError, match="organisation-url"):
        EditPublication(dossier_id, {"user-name": "Autre", "organisation-url": "javascript:alert(1)"}).run(store)
    assert publication.get(store, dossier_id).people[store.user] == "Marie Dupont"


def test_publication_undo_puts_back_a_value_todays_checks_would_refuse(world: World) -> None:
    """A value stored before (by an older Workbench whose checks were looser) comes back on undo, unchecked."""
    from workbench.services import publication
    from workbench.services.operations import EditPublication

    store, dossier_id = world.store, world.dossier.id
    publication.set_values(store, {"paper-size": "A5"}, dossier_id, checked=False)
    done = EditPublication(dossier_id, {"paper-size": "letter"}).run(store)
    assert publication.get(store, dossier_id).paper == "letter"
    redo = done.inverse.run(store)
    assert publication.get(store, dossier_id).paper == "A5"
    redo.inverse.run(store)
    assert publication.get(store, dossier_id).paper == "letter"


def test_publication_settings_failing_half_way_store_nothing(world: World) -> None:
    from workbench.services import publication
    from workbench.services.operations import EditPublication

    engine, calls = world.store.db.engine, {"n": 0}

    def on_write(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("injected failure")

    event.listen(engine, "before_cursor_execute", on_write)
    try:
        with pytest.raises(Exception, match="injected"):
            EditPublication(world.dossier.id, {"organisation": "Org", "paper-size": "a4"}).run(world.store)
    finally:
        event.remove(engine, "before_cursor_execute", on_write)
    got = publication.get(world.store, world.dossier.id)
    assert (got.organisation, got.paper) == ("", "")
