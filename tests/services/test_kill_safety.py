"""A process killed with SIGKILL right after a write loses nothing it reported as done."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.sample_world import TEXT, bundle
from workbench.services import claims, dossiers, sources
from workbench.services.store import Store

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import sys
    from workbench.cli import main
    from workbench.services import claims, sources
    from workbench.services.store import Store

    db, sid = sys.argv[1], sys.argv[2]
    # 1. through the CLI (it closes its own store when done)
    rc = main(["--db", db, "--user", "alice", "claim", "add", sid, "--quote", "1 200 habitants", "--verdict", "mixed"])
    sys.stdout.flush()
    if rc:
        sys.exit(rc)
    # 2. through the services, with the database still open (WAL not checkpointed) when the kill comes
    store = Store.open(db, user="alice")
    body = sources.text(store, int(sid))
    start = body.index("Aucune victime")
    claim = claims.create(store, int(sid), start, start + len("Aucune victime"), status="in-progress")
    print(claim.id, flush=True)
    print("ready", flush=True)
    sys.stdin.read()  # block until killed
    """
)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_claims_survive_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "kill.sqlite"
    store = Store.open(str(db), user="alice")
    d = dossiers.create(store, "Kill")
    sid = sources.add(store, d.id, bundle(TEXT)).source.id
    store.close()

    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("WORKBENCH_DB", None)
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(sid)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path,
    )
    try:
        lines = []
        for line in proc.stdout:  # type: ignore[union-attr]
            lines.append(line.strip())
            if line.strip() == "ready" or len(lines) > 5:
                break
        if lines[-1:] != ["ready"]:
            proc.kill()
            pytest.fail(f"child did not get ready: {lines} {proc.communicate(timeout=30)[1]}")
        assert proc.poll() is None  # still alive, holding the database open
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()

    cli_id, svc_id = int(lines[0]), int(lines[1])
    store = Store.open(str(db), user="alice")
    try:
        found = {c.id: c for c in claims.list_claims(store, d.id)}
        assert set(found) == {cli_id, svc_id}
        assert found[cli_id].verdict == "mixed"
        assert found[cli_id].appearances[0].span.exact == "1 200 habitants"
        assert found[svc_id].status == "in-progress"
        assert found[svc_id].appearances[0].span.exact == "Aucune victime"
        assert [h.action for h in claims.history(store, svc_id)] == ["create", "create"]
    finally:
        store.close()
