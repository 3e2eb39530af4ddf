"""What one verdict edit costs the database: a handful of statements, none about the scale or the sources.

A verdict change is the most frequent action (issue 12: key press to repainted window within 30 ms with 200 sources
and 5,000 claims); these tests fail if an edit goes back to loading the dossier's scale as objects or to touching
anything beyond the claim, its parts and one history line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from tests.sample_world import World
from workbench.core.errors import NotFoundError, ValidationError
from workbench.services import claims, dossiers
from workbench.services.operations import EditClaim

QUOTE = "1 200 habitants évacués"


@contextmanager
def statements(world: World) -> Iterator[list[str]]:
    seen: list[str] = []

    def on_execute(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(" ".join(statement.split()))

    engine = world.store.db.engine
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def tables(sql: str) -> set[str]:
    return {m.lower() for m in re.findall(r"\b(?:FROM|JOIN|UPDATE|INTO)\s+\"?(\w+)", sql, flags=re.IGNORECASE)}


def test_a_verdict_edit_is_a_handful_of_statements(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    with statements(world) as seen:
        outcome = EditClaim(claim.id, {"verdict": "true"}, expected_version=claim.version).run(world.store)
    assert outcome.value.verdict == "true" and outcome.value.version == claim.version + 1
    # the claim, its verdict key, its tags, appearances, evidence and relations; the update and one history line
    assert len(seen) <= 8, "\n".join(seen)
    touched = set().union(*(tables(s) for s in seen))
    assert not touched & {"rating_scale", "verdict_label"}, seen  # the scale is not loaded as objects
    assert "source_fts" not in touched and not any(s.upper().startswith(("UPDATE SOURCE", "INSERT INTO SOURCE"))
                                                   for s in seen)
    writes = [s.split()[0].upper() for s in seen if s.split()[0].upper() in ("INSERT", "UPDATE", "DELETE")]
    assert writes == ["UPDATE", "INSERT"]  # the claim row (version-checked) and its history line


def test_the_one_query_verdict_check_still_refuses_and_names_the_scale(world: World) -> None:
    claim = claims.create(world.store, *world.span(QUOTE))
    with pytest.raises(ValidationError, match=r"unknown verdict 'nope'; the dossier's scale has: true, "):
        claims.update(world.store, claim.id, verdict="nope")
    other = dossiers.create(world.store, "Autre")
    from workbench.persistence import repositories as repo

    with world.store.db.transaction() as s:
        repo.check_verdict(s, other.id, "true")  # a key of its own scale
        with pytest.raises(NotFoundError):
            repo.check_verdict(s, 987654, "true")  # no such dossier: not found, as before


def test_claims_read_with_the_prebuilt_statements_match_one_by_one(world: World) -> None:
    a = claims.create(world.store, *world.span(QUOTE), tags=["crue", "bilan"])
    b = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    claims.relate(world.store, a.id, b.id, "contradicts")
    both = {c.id: c for c in claims.list_claims(world.store, world.dossier.id)}
    assert both[a.id] == claims.get(world.store, a.id) and both[b.id] == claims.get(world.store, b.id)
    assert both[a.id].tags == ("bilan", "crue") and len(both[b.id].relations) == 1
