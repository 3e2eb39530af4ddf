"""The revision commands' contract: import --revision-of, revisions, drift, and claims --json state/revision."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.cli.helpers import run
from workbench.cli import main

V1 = ("Selon la préfecture, 1 200 habitants ont été évacués à Saint-Aubin 🌊.\n"
      "Le maire affirme : « la digue n’a pas cédé ». Les secours sont arrivés mardi.\n")
V2 = ("Mise à jour : nouveau bilan.\n"
      "Selon la préfecture, 1 450 habitants ont été évacués à Saint-Aubin 🌊.\n"
      "Le maire affirme : « la digue n’a pas cédé ».\n")


def test_revision_commands(capsys: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    v1, v2 = tmp_path / "v1.txt", tmp_path / "v2.txt"
    v1.write_text(V1, encoding="utf-8")
    v2.write_text(V2, encoding="utf-8")
    old_id = int(run(capsys, "--db", db, "import", str(v1)).split("\t")[0])
    claim = run(capsys, "--db", db, "claim", "add", str(old_id), "--quote", "1 200 habitants ont été évacués").strip()
    run(capsys, "--db", db, "claim", "cite", claim, "--stance", "context", "--source", str(old_id),
        "--quote", "Les secours sont arrivés mardi.")
    run(capsys, "--db", db, "claim", "add", str(old_id), "--quote", "« la digue n’a pas cédé »")
    out = run(capsys, "--db", db, "import", str(v2), "--revision-of", str(old_id))
    new_id, title = out.rstrip("\n").split("\t")
    assert int(new_id) != old_id and title
    chain = json.loads(run(capsys, "--db", db, "revisions", new_id, "--json"))
    assert [c["id"] for c in chain] == [old_id, int(new_id)]
    assert all(set(c) >= {"id", "imported", "text_sha256"} for c in chain)
    drift = json.loads(run(capsys, "--db", db, "drift", str(old_id), new_id, "--json"))
    by = {(d["claim_id"], d["role"]): d for d in drift}
    fig = by[(int(claim), "appearance")]
    assert fig["state"] == "changed" and fig["new"]["exact"] == "1 450 habitants ont été évacués"
    assert set(fig) >= {"claim_id", "role", "state", "old", "new", "diff", "note"}
    assert by[(int(claim), "evidence")]["state"] == "orphaned" and by[(int(claim), "evidence")]["new"] is None
    text = {old_id: run(capsys, "--db", db, "text", str(old_id)), int(new_id): run(capsys, "--db", db, "text", new_id)}
    for c in json.loads(run(capsys, "--db", db, "claims", "--json")):
        for span in c["appearances"] + c["evidence"]:
            assert span["state"] in {"anchored", "moved", "changed", "orphaned"}
            body = text[span["revision_id"]]
            assert body[span["start"] : span["end"]] == span["exact"]
    assert "digue" in run(capsys, "--db", db, "drift", str(old_id), new_id)


def test_revision_errors_are_one_line(capsys: Any, tmp_path: Path) -> None:
    db = str(tmp_path / "db.sqlite")
    v1 = tmp_path / "v1.txt"
    v1.write_text(V1, encoding="utf-8")
    run(capsys, "--db", db, "import", str(v1))
    capsys.readouterr()
    assert main(["--db", db, "import", str(v1), "--revision-of", "1"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "v1.txt" in err and "Traceback" not in err
    assert main(["--db", db, "import", str(v1), "--revision-of", "99"]) == 1
    assert main(["--db", db, "drift", "1", "1"]) == 1
    assert "error:" in capsys.readouterr().err
