"""Several people on one PostgreSQL database: nothing lost, conflicts reported with the other person's value.

Threads share the test process; processes go through ``python -m workbench`` (the CLI) or the services, as two
desktop apps would. Races are made deterministic where it matters by holding the claim's row lock from a third
connection until both editors are blocked on it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.postgres.conftest import PgServer
from tests.sample_world import World
from workbench.core.errors import ConflictError
from workbench.services import claims, evidence, sources
from workbench.services.store import Store

REPO = Path(__file__).resolve().parents[2]
QUOTES = ["1 200 habitants évacués", "Saint-Aubin", "Le préfet", "la digue n’a pas cédé", "Le maire",
          "Les secours sont arrivés mardi", "Aucune victime", "Crue de la Lerne"]


def _run_all(*jobs: Callable[[], Any]) -> list[Any]:
    """Run the jobs in threads started together; return results (or the exceptions raised) in order."""
    results: list[Any] = [None] * len(jobs)
    barrier = threading.Barrier(len(jobs))

    def run(i: int, job: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[i] = job()
        except Exception as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.fixture
def bob(world: World) -> Iterator[Store]:
    store = Store.open(str(world.path), user="bob")
    yield store
    store.close()


def _dbname(url: str) -> str:
    return url.rsplit("/", 1)[1]


class RowLock:
    """Hold ``claim`` row ``claim_id`` locked from a third connection until :meth:`release`."""

    def __init__(self, server: PgServer, url: str, claim_id: int) -> None:
        self.server, self.db = server, _dbname(url)
        self.conn = server.admin(self.db)
        self.conn.autocommit = False
        self.conn.execute("SELECT id FROM claim WHERE id = %s FOR UPDATE", (claim_id,))

    def wait_for_blocked(self, count: int, timeout: float = 20) -> None:
        """Until ``count`` other sessions of the database wait on a lock."""
        deadline = time.monotonic() + timeout
        with self.server.admin() as watch:
            while time.monotonic() < deadline:
                n = watch.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                                  "AND wait_event_type = 'Lock'", (self.db,)).fetchone()[0]  # type: ignore[index]
                if n >= count:
                    return
                time.sleep(0.02)
        raise AssertionError(f"fewer than {count} sessions blocked on the claim")

    def release(self) -> None:
        self.conn.commit()
        self.conn.close()


# --- threads ------------------------------------------------------------------------------------------------------


def test_two_people_add_claims_at_the_same_time(world: World, bob: Store) -> None:
    def adder(store: Store, quotes: list[str]) -> Callable[[], list[int]]:
        return lambda: [claims.create(store, *world.span(q)).id for q in quotes]

    alice_ids, bob_ids = _run_all(adder(world.store, QUOTES[::2]), adder(bob, QUOTES[1::2]))
    assert not isinstance(alice_ids, Exception) and not isinstance(bob_ids, Exception), (alice_ids, bob_ids)
    found = claims.list_claims(world.store, world.dossier.id)
    assert sorted(c.id for c in found) == sorted(alice_ids + bob_ids)
    assert sorted(c.statement for c in found) == sorted(QUOTES)
    for c in found:
        assert [h.user for h in claims.history(world.store, c.id)] == ["alice" if c.id in alice_ids else "bob"] * 2


def test_spans_and_citations_added_concurrently_never_conflict(world: World, bob: Store) -> None:
    claim = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    other = world.add_other()

    def citer(store: Store, n: int) -> Callable[[], int]:
        def job() -> int:
            for i in range(n):
                evidence.cite_span(store, claim.id, "refutes", *world.span("la digue a cédé", source_id=other.id))
                evidence.cite_external(store, claim.id, "context", title=f"{store.user} {i}")
                claims.add_appearance(store, claim.id, *world.span("la digue n’a pas cédé", 2))
            return n
        return job

    results = _run_all(citer(world.store, 6), citer(bob, 6), citer(world.store, 6))
    assert results == [6, 6, 6]
    got = claims.get(world.store, claim.id)
    assert len(got.evidence) == 36
    assert len(got.appearances) == 1 + 18
    assert got.version == claim.version  # touching a claim is not editing it
    assert got.updated_at > claim.updated_at


def test_simultaneous_edits_second_gets_conflict_with_the_other_value(world: World, bob: Store,
                                                                     pg_server: PgServer) -> None:
    claim = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    lock = RowLock(pg_server, str(world.path), claim.id)
    try:
        jobs = [
            lambda: claims.update(world.store, claim.id, expected_version=claim.version, verdict="true"),
            lambda: claims.update(bob, claim.id, expected_version=claim.version, verdict="false"),
        ]
        out: list[Any] = []
        runner = threading.Thread(target=lambda: out.extend(_run_all(*jobs)))
        runner.start()
        lock.wait_for_blocked(2)  # both read version 1, passed the check, and wait to write
    finally:
        lock.release()
    runner.join(60)
    errors = [r for r in out if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ConflictError), out
    winner = "false" if isinstance(out[0], Exception) else "true"
    err = errors[0]
    assert (err.field, err.theirs, err.mine) == ("verdict", winner, "false" if winner == "true" else "true")
    assert f"now verdict = {winner!r}" in str(err)
    assert "changed by someone else" in str(err)
    assert type(err.__cause__).__name__ == "StaleDataError"  # the race reached the UPDATE: version_id_col caught it
    got = claims.get(world.store, claim.id)
    assert got.verdict == winner
    assert got.version == claim.version + 1
    updates = [h for h in claims.history(world.store, claim.id) if h.action == "update"]
    assert [(h.field, h.after) for h in updates] == [("verdict", winner)]  # the loser wrote nothing


def test_a_citation_while_someone_edits_does_not_conflict(world: World, bob: Store, pg_server: PgServer) -> None:
    claim = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    lock = RowLock(pg_server, str(world.path), claim.id)
    try:
        out: list[Any] = []
        runner = threading.Thread(target=lambda: out.extend(_run_all(
            lambda: evidence.cite_external(world.store, claim.id, "refutes", title="Photos"),
            lambda: claims.update(bob, claim.id, expected_version=claim.version, rationale="Vu sur place"),
        )))
        runner.start()
        lock.wait_for_blocked(2)
    finally:
        lock.release()
    runner.join(60)
    assert not [r for r in out if isinstance(r, Exception)], out
    got = claims.get(world.store, claim.id)
    assert (got.rationale, len(got.evidence)) == ("Vu sur place", 1)


def test_concurrent_tag_edits_conflict_instead_of_mixing(world: World, bob: Store, pg_server: PgServer) -> None:
    claim = claims.create(world.store, *world.span("la digue n’a pas cédé"), tags=["digue"])
    lock = RowLock(pg_server, str(world.path), claim.id)
    try:
        out: list[Any] = []
        runner = threading.Thread(target=lambda: out.extend(_run_all(
            lambda: claims.update(world.store, claim.id, expected_version=claim.version, tags=["digue", "alice"]),
            lambda: claims.update(bob, claim.id, expected_version=claim.version, tags=["bob"]),
        )))
        runner.start()
        lock.wait_for_blocked(2)
    finally:
        lock.release()
    runner.join(60)
    errors = [r for r in out if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ConflictError), out
    tags = claims.get(world.store, claim.id).tags
    assert tags in (("alice", "digue"), ("bob",))


def test_touch_keeps_the_version_and_edits_bump_it_on_sqlite_too(tmp_path: Path) -> None:
    from tests.sample_world import TEXT, bundle
    from workbench.services import dossiers

    store = Store.open(str(tmp_path / "v.sqlite"), user="alice")
    try:
        d = dossiers.create(store, "V")
        sid = sources.add(store, d.id, bundle(TEXT)).source.id
        claim = claims.create(store, sid, 0, 4)
        evidence.cite_external(store, claim.id, "context", title="x")
        claims.add_appearance(store, claim.id, sid, 5, 9)
        assert claims.get(store, claim.id).version == claim.version
        tagged, _ = claims.update(store, claim.id, tags=["a"])
        assert tagged.version == claim.version + 1
        with pytest.raises(ConflictError):
            claims.update(store, claim.id, expected_version=claim.version, verdict="true")
    finally:
        store.close()


# --- processes ----------------------------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("WORKBENCH_DB", None)
    return env


def test_two_processes_add_claims_through_the_cli(world: World) -> None:
    url, sid = str(world.path), str(world.source.id)
    procs = [
        subprocess.Popen([sys.executable, "-m", "workbench", "--db", url, "--user", user, "claim", "add", sid,
                          "--quote", quote, "--tag", user], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                         env=_env())
        for user, quote in zip(["alice", "bob"] * 2, QUOTES[:4], strict=True)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, outs
    ids = sorted(int(out.strip()) for out, _err in outs)
    found = claims.list_claims(world.store, world.dossier.id)
    assert sorted(c.id for c in found) == ids
    assert sorted(c.statement for c in found) == sorted(QUOTES[:4])
    assert sorted(c.tags[0] for c in found) == ["alice", "alice", "bob", "bob"]


EDITOR = textwrap.dedent(
    """
    import json, sys
    from workbench.core.errors import ConflictError
    from workbench.services import claims
    from workbench.services.store import Store

    url, user, claim_id, verdict = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    store = Store.open(url, user=user)
    seen = claims.get(store, claim_id)  # the editor opened the claim...
    print("ready", flush=True)
    sys.stdin.readline()  # ...and saves when told to
    try:
        claims.update(store, claim_id, expected_version=seen.version, verdict=verdict)
        print(json.dumps({"ok": True}), flush=True)
    except ConflictError as exc:
        print(json.dumps({"ok": False, "message": str(exc), "theirs": exc.theirs, "field": exc.field}), flush=True)
    store.close()
    """
)


def test_two_processes_edit_the_same_claim(world: World) -> None:
    claim = claims.create(world.store, *world.span("la digue n’a pas cédé"))
    procs = {
        verdict: subprocess.Popen([sys.executable, "-c", EDITOR, str(world.path), user, str(claim.id), verdict],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=_env())
        for user, verdict in (("alice", "true"), ("bob", "false"))
    }
    try:
        for p in procs.values():
            assert p.stdout is not None and p.stdout.readline().strip() == "ready", p.communicate(timeout=30)[1]
        for p in procs.values():  # save at the same time
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        results = {v: json.loads(p.communicate(timeout=60)[0].strip().splitlines()[-1]) for v, p in procs.items()}
    finally:
        for p in procs.values():
            if p.poll() is None:
                p.kill()
                p.wait(30)
    winners = [v for v, r in results.items() if r["ok"]]
    assert len(winners) == 1, results
    winner = winners[0]
    loser = results["false" if winner == "true" else "true"]
    assert (loser["field"], loser["theirs"]) == ("verdict", winner)
    assert f"verdict = {winner!r}" in loser["message"]
    assert claims.get(world.store, claim.id).verdict == winner
