"""The typed repository seam: one getter per aggregate, trashed rows hidden unless asked, values carry the enums."""

from __future__ import annotations

import pytest

from tests.sample_world import World
from workbench.core.enums import RelationKind, SpanState, Stance, Status
from workbench.core.errors import NotFoundError
from workbench.persistence import repositories as repo
from workbench.services import claims, evidence


def test_getters_hide_trashed_rows_unless_asked(world: World) -> None:
    claim = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    claims.delete(world.store, "claim", claim.id)
    with world.store.db.transaction() as s:
        with pytest.raises(NotFoundError, match=f"no claim with id {claim.id}"):
            repo.get_claim(s, claim.id)
        assert repo.get_claim(s, claim.id, deleted=True).id == claim.id
        with pytest.raises(NotFoundError, match="no source with id 999"):
            repo.get_source(s, 999)
        with pytest.raises(NotFoundError, match=f"no appearance with id {claim.appearances[0].id + 100}"):
            repo.get_appearance(s, claim.appearances[0].id + 100)
    claims.restore(world.store, "claim", claim.id)
    assert claims.get(world.store, claim.id).id == claim.id


def test_values_carry_the_enums_and_keep_their_strings(world: World) -> None:
    a = claims.create(world.store, *world.span("1 200 habitants"), status="in-progress")
    b = claims.create(world.store, *world.span("Aucune victime"))
    evidence.cite_span(world.store, a.id, "refutes", *world.span("Les secours"))
    claims.relate(world.store, a.id, b.id, "contradicts")
    got = claims.get(world.store, a.id)
    assert got.status is Status.IN_PROGRESS and got.status == "in-progress"
    assert got.evidence[0].stance is Stance.REFUTES
    assert got.relations[0].kind is RelationKind.CONTRADICTS
    assert got.appearances[0].span.state is SpanState.ANCHORED
    assert f"{got.status}|{got.evidence[0].stance}" == "in-progress|refutes"  # what the CLI and reports print
    history = claims.history(world.store, a.id)
    assert [h.after for h in history if h.entity == "relation"] == [{"to": b.id, "kind": "contradicts"}]


def test_undoing_a_status_change_with_the_returned_enum_restores_it(world: World) -> None:
    claim = claims.create(world.store, *world.span("1 200 habitants"))
    _info, before = claims.update(world.store, claim.id, status="in-review")
    assert before == {"status": Status.TO_CHECK}
    undone, _ = claims.update(world.store, claim.id, **before)
    assert undone.status is Status.TO_CHECK


def test_a_conflict_names_the_other_value_as_stored(world: World) -> None:
    from workbench.core.errors import ConflictError

    claim = claims.create(world.store, *world.span("1 200 habitants"))
    claims.update(world.store, claim.id, status="in-review")  # someone else, meanwhile
    with pytest.raises(ConflictError) as caught:
        claims.update(world.store, claim.id, expected_version=claim.version, status="concluded")
    assert "(now status = 'in-review')" in str(caught.value)
    assert type(caught.value.theirs) is str
