"""A server that is down: one clear error line when opening, when it stops mid-session, and nothing lost after."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.postgres.conftest import running_server
from tests.sample_world import TEXT, bundle
from workbench.core.errors import DatabaseUnreachable, WorkbenchError
from workbench.persistence.engine import make_engine
from workbench.services import claims, dossiers, sources
from workbench.services.store import Store


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_open_an_unreachable_server() -> None:
    url = f"postgresql+psycopg://alice:s3cret@127.0.0.1:{_free_port()}/newsroom"
    with pytest.raises(WorkbenchError) as info:
        Store.open(url, user="alice")
    message = str(info.value)
    assert message.startswith("cannot open database postgresql+psycopg://alice:***@127.0.0.1:")
    assert "/newsroom: connection refused" in message
    assert "s3cret" not in message
    assert "\n" not in message
    assert "OperationalError" not in message


def test_postgresql_url_without_driver_means_psycopg() -> None:
    engine = make_engine("postgresql://alice@127.0.0.1:1/newsroom")
    try:
        assert engine.url.drivername == "postgresql+psycopg"
    finally:
        engine.dispose()


def test_missing_psycopg_says_which_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "psycopg" else real(name, *a))
    with pytest.raises(WorkbenchError, match=r"pip install 'workbench\[postgres\]'") as info:
        Store.open("postgresql+psycopg://alice:pw@db.example/newsroom", user="alice")
    assert "pw@" not in str(info.value)
    assert str(info.value).startswith("cannot open database postgresql+psycopg://alice:***@db.example/newsroom")


def test_server_stopped_mid_session_then_back(pg_bindir: Path) -> None:
    with running_server(pg_bindir, durable_commits=True) as server:  # its own server: this test stops it
        url = server.create_database("downtime")
        store = Store.open(url, user="alice")
        try:
            d = dossiers.create(store, "Panne")
            sid = sources.add(store, d.id, bundle(TEXT)).source.id
            claim = claims.create(store, sid, 0, 4, verdict="mixed")

            server.stop("immediate")  # a crash, or the network gone
            with pytest.raises(WorkbenchError, match=r"^database unreachable: ") as info:
                claims.update(store, claim.id, verdict="false")
            assert "\n" not in str(info.value)
            assert type(info.value) is DatabaseUnreachable  # typed: the window keeps what was typed
            with pytest.raises(WorkbenchError, match="database unreachable"):
                claims.list_claims(store, d.id)
            with pytest.raises(WorkbenchError, match=r"cannot open database .*connection refused"):
                Store.open(url, user="bob")

            server.start()  # same port: the open store reconnects by itself
            got = claims.list_claims(store, d.id)
            assert [(c.id, c.verdict) for c in got] == [(claim.id, "mixed")]  # kept; the failed edit not applied
            assert sources.text(store, sid) == TEXT
            updated, _ = claims.update(store, claim.id, verdict="false")
            assert updated.verdict == "false"
            assert [h.action for h in claims.history(store, claim.id)] == ["create", "create", "update"]
        finally:
            store.close()
