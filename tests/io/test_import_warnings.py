"""Import warnings reach the user: one ``warning: FILE: ...`` line on stderr, stdout unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main


def test_cli_import_prints_the_decoding_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    db = str(tmp_path / "w.sqlite")
    text = "Le préfet a démenti.\nLes élus contestent les chiffres publiés à l’été.\n"
    damaged = tmp_path / "dépêche.txt"
    damaged.write_bytes(text.encode("utf-8").replace("démenti".encode(), b"d\xe9menti"))  # one latin-1 byte
    clean = tmp_path / "propre.txt"
    clean.write_bytes(text.encode("utf-8"))
    assert main(["--db", db, "import", str(damaged), str(clean)]) == 0
    out, err = capsys.readouterr()
    assert [line.split("\t")[0] for line in out.splitlines()] == ["1", "2"]
    assert err.splitlines() == [
        "warning: dépêche.txt: 1 invalid byte sequence replaced by \ufffd (decoded as utf-8, following the rest of "
        "the file)"
    ]
    assert main(["--db", db, "text", "1"]) == 0
    assert capsys.readouterr().out == text.replace("démenti", "d\ufffdmenti")
    assert main(["--db", db, "sources", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
