"""Live refresh: ``latest_change`` and ``changes_since`` on SQLite and PostgreSQL, with two people writing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sample_world import OTHER, TEXT, bundle
from workbench.core.values import Changes
from workbench.services import claims, dossiers, evidence, sources
from workbench.services.changes import changes_since, latest_change
from workbench.services.store import Store


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "changes.sqlite")
    else:
        yield request.getfixturevalue("pg_url")


def _at(store: Store, source_id: int, quote: str) -> tuple[int, int, int]:
    pos = sources.text(store, source_id).index(quote)
    return source_id, pos, pos + len(quote)


def test_changes_since_names_what_others_touched(target: str) -> None:
    alice = Store.open(target, user="alice")
    bob = Store.open(target, user="bob")
    try:
        d = dossiers.create(alice, "Veille")
        elsewhere = dossiers.create(alice, "Ailleurs")
        main = sources.add(alice, d.id, bundle(TEXT, title="Dépêche")).source
        a = claims.create(alice, *_at(alice, main.id, "1 200 habitants"))
        b = claims.create(alice, *_at(alice, main.id, "Aucune victime"))

        cursor = latest_change(alice, d.id)
        assert cursor > 0
        assert changes_since(alice, d.id, cursor) == (cursor, Changes())
        assert latest_change(alice, 987654) == 0

        # bob works; alice's window polls
        other = sources.add(bob, d.id, bundle(OTHER, "bilan.txt")).source
        claims.update(bob, a.id, verdict="mixed")
        evidence.cite_span(bob, b.id, "refutes", *_at(bob, other.id, "1 150 personnes"))
        sources.add(bob, elsewhere.id, bundle("Autre dossier.\n", "x.txt"))  # not in this dossier
        new_cursor, changes = changes_since(alice, d.id, cursor)
        assert new_cursor == latest_change(alice, d.id) > cursor
        assert changes.claims == {a.id, b.id}
        assert changes.sources == {other.id}
        assert changes.dossiers == frozenset()

        # nothing more: same cursor, nothing changed
        assert changes_since(alice, d.id, new_cursor) == (new_cursor, Changes())

        # deletions and restores name the source of the span too; relations name both claims
        app = claims.add_appearance(bob, b.id, *_at(bob, other.id, "la digue a cédé"))
        c3, ch = changes_since(alice, d.id, new_cursor)
        assert (ch.claims, ch.sources) == ({b.id}, {other.id})
        claims.delete(bob, "appearance", app.id)
        rel = claims.relate(bob, a.id, b.id, "contradicts")
        dossiers.set_event_date(bob, d.id, None)
        sources.update(bob, main.id, title="Dépêche corrigée")
        c4, ch = changes_since(alice, d.id, c3)
        assert ch.claims == {a.id, b.id}
        assert ch.sources == {other.id, main.id}
        assert ch.dossiers == {d.id}
        assert c4 > c3
        claims.delete(bob, "relation", rel.id)
        assert changes_since(alice, d.id, c4)[1].claims == {a.id}
    finally:
        alice.close()
        bob.close()
