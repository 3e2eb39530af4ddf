"""The operation runner and the one undo command (issue 12): inline and threaded runners, the change bus, versions."""

from __future__ import annotations

import threading

import pytest

from workbench.core.errors import ConflictError, DatabaseLocked
from workbench.core.values import Changes
from workbench.services import claims as claims_svc
from workbench.services import sources as sources_svc
from workbench.services.operations import CreateClaim, EditClaim
from workbench.services.store import Store
from workbench.ui.undo import InlineRunner, ThreadedRunner, UndoController


@pytest.fixture
def sid(store, dossier):
    return sources_svc.list_all(store, dossier.id)[0].id


class Asker:
    """A conflict answer given in advance, and the conflicts asked about."""

    def __init__(self, answer: bool = False) -> None:
        self.answer = answer
        self.asked: list[ConflictError] = []

    def __call__(self, exc: ConflictError) -> bool:
        self.asked.append(exc)
        return self.answer


def controller(runner, answer=False):
    asker = Asker(answer)
    ctl = UndoController(runner, asker)
    errors: list[str] = []
    ctl.sig_error.connect(errors.append)
    return ctl, asker, errors


def test_inline_runner_returns_value_and_publishes_changes(qtbot, store, dossier, sid):
    runner = InlineRunner(store)
    ctl, _asker, _errors = controller(runner)
    seen: list[Changes] = []
    runner.sig_changed.connect(seen.append)
    claim = ctl.run("New claim", CreateClaim(((sid, 0, 8),)))
    assert claim.id in seen[-1].claims and sid in seen[-1].sources
    ctl.run("Edit", EditClaim(claim.id, {"claimant": "A"}, expected_version=claim.version))
    assert seen[-1] == Changes(claims=frozenset({claim.id}))
    assert ctl.stack.count() == 2 and runner.idle()
    ctl.stack.undo()
    ctl.stack.undo()
    assert claims_svc.list_claims(store, dossier.id) == []


def test_undo_redo_chain_versions_across_many_steps(qtbot, store, sid):
    ctl, asker, errors = controller(InlineRunner(store))
    claim = ctl.run("New claim", CreateClaim(((sid, 0, 8),)))
    version = claim.version
    for value in ("one", "two", "three"):
        got = ctl.run("Edit", EditClaim(claim.id, {"rationale": value}, expected_version=version))
        version = got.version
    for _ in range(3):
        ctl.stack.undo()
    assert claims_svc.get(store, claim.id).rationale == ""
    for _ in range(3):
        ctl.stack.redo()
    assert claims_svc.get(store, claim.id).rationale == "three"
    ctl.stack.undo()
    assert claims_svc.get(store, claim.id).rationale == "two"
    assert asker.asked == [] and errors == []
    assert claims_svc.get(store, claim.id).version > version  # every step moved the version on


def test_redo_after_someone_else_asks_and_keep_theirs_drops_the_step(qtbot, store, sid, tmp_path):
    ctl, asker, _errors = controller(InlineRunner(store), answer=False)
    claim = claims_svc.create(store, sid, 0, 8)
    ctl.run("Edit", EditClaim(claim.id, {"claimant": "Alice"}, expected_version=claim.version))
    ctl.stack.undo()
    bob = Store.open(str(tmp_path / "ui.sqlite"), user="bob")
    try:
        claims_svc.update(bob, claim.id, claimant="Bob")
    finally:
        bob.close()
    ctl.stack.redo()
    assert [e.theirs for e in asker.asked] == ["Bob"]
    assert claims_svc.get(store, claim.id).claimant == "Bob"
    assert ctl.stack.count() == 0


def test_typed_database_error_is_one_line_and_nothing_enters_the_stack(qtbot, store, sid, monkeypatch):
    ctl, _asker, errors = controller(InlineRunner(store))

    def locked(*_a, **_k):
        raise DatabaseLocked("the database is locked by another program; nothing was changed")

    monkeypatch.setattr(claims_svc, "create", locked)
    assert ctl.run("New claim", CreateClaim(((sid, 0, 8),))) is None
    assert errors == ["the database is locked by another program; nothing was changed"]
    assert ctl.stack.count() == 0


def test_a_bug_in_an_operation_is_a_line_not_a_traceback(qtbot, store, sid, monkeypatch):
    ctl, _asker, errors = controller(InlineRunner(store))
    monkeypatch.setattr(claims_svc, "create", lambda *_a, **_k: 1 / 0)
    ctl.run("New claim", CreateClaim(((sid, 0, 8),)))
    assert len(errors) == 1 and errors[0].startswith("unexpected error") and "\n" not in errors[0]


def test_threaded_runner_runs_jobs_in_order_on_one_other_thread(qtbot, store, sid):
    runner = ThreadedRunner(store)
    try:
        threads: list[int] = []
        order: list[int] = []

        def job(i):
            def run(_store):
                threads.append(threading.get_ident())
                return i
            return run

        for i in range(20):
            runner.submit(job(i), order.append)
        assert not runner.idle() or order == list(range(20))
        qtbot.waitUntil(runner.idle, timeout=5000)
        assert order == list(range(20))  # serial: results come back in submission order
        assert len(set(threads)) == 1 and threads[0] != threading.get_ident()
    finally:
        runner.stop()


def test_threaded_runner_undo_goes_through_the_worker(qtbot, store, sid):
    runner = ThreadedRunner(store)
    try:
        ctl, asker, errors = controller(runner)
        seen: list[Changes] = []
        runner.sig_changed.connect(seen.append)
        claim = claims_svc.create(store, sid, 0, 8)
        for value in ("a", "b"):  # queued back to back: the second expects what the first produced
            ctl.run("Edit", EditClaim(claim.id, {"claimant": value}, expected_version=claim.version))
        qtbot.waitUntil(runner.idle, timeout=5000)
        assert claims_svc.get(store, claim.id).claimant == "b" and asker.asked == []
        ctl.stack.undo()
        ctl.stack.undo()
        qtbot.waitUntil(runner.idle, timeout=5000)
        assert claims_svc.get(store, claim.id).claimant == ""
        assert errors == [] and len(seen) == 4
    finally:
        runner.stop()
