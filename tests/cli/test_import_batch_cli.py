"""`workbench import A B C`: one line per new source, one error line per failed file, non-zero exit if any failed."""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

import pytest

from tests.io import docx_fixtures as D
from workbench.cli import main


def _run(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return rc, out, err


def _files(tmp_path: Path) -> tuple[Path, Path, Path]:
    first = tmp_path / "premier.txt"
    first.write_text("Premier fichier de la série.\n", encoding="utf-8")
    broken = tmp_path / "cassé.docx"
    data = D.package(D.document(D.p("Texte.")))
    broken.write_bytes(data[: len(data) // 2])  # a truncated zip: the central directory is gone
    last = tmp_path / "dernier.docx"
    last.write_bytes(D.full_document())
    return first, broken, last


def test_malformed_docx_in_the_middle(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    db = tmp_path / "wb.sqlite"
    first, broken, last = _files(tmp_path)
    rc, out, err = _run(db, capsys, "import", str(first), str(broken), str(last))
    assert rc != 0
    titles = [line.split("\t")[1] for line in out.splitlines()]
    assert titles == ["Premier fichier de la série.", "Crue de la Lerne"]
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors == ["error: cassé.docx: not a valid Word document (corrupt file or not a .docx)"]
    rc, out, _ = _run(db, capsys, "text", out.splitlines()[1].split("\t")[0])
    assert D.FOOTNOTE in out and D.HEADER in out


@pytest.mark.skipif(not hasattr(os, "mkfifo") or sys.platform == "win32", reason="POSIX file kinds")
def test_pipe_and_device_are_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    db = tmp_path / "wb.sqlite"
    fifo = tmp_path / "tube.json"  # .json: the dossier-file sniffing must not open it either
    os.mkfifo(fifo)
    good = tmp_path / "bon.txt"
    good.write_text("Un bon fichier.\n", encoding="utf-8")
    args = [str(fifo), str(good)] + (["/dev/zero"] if Path("/dev/zero").exists() else [])
    rc, out, err = _run(db, capsys, "import", *args)
    assert rc != 0
    assert [line.split("\t")[1] for line in out.splitlines()] == ["Un bon fichier."]
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors[0] == "error: tube.json: not a regular file (a named pipe (FIFO)): only regular files are imported"
    assert len(errors) == len(args) - 1


def test_damaged_part_is_a_warning_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    sect = '<w:sectPr><w:footerReference r:id="rIdF"/></w:sectPr>'
    data = D.package(D.document(D.p("Le corps reste lisible."), sect), {"word/footer1.xml": "<w:ftr>pas du xml"},
                     [("rIdF", "footer", "footer1.xml")])
    path = tmp_path / "pied.docx"
    path.write_bytes(data)
    assert zipfile.is_zipfile(path)
    rc, out, err = _run(tmp_path / "wb.sqlite", capsys, "import", str(path))
    assert rc == 0 and out.endswith("\tpied\n")
    assert "warning: pied.docx: part word/footer1.xml" in err


def test_importer_crash_in_the_middle(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An importer bug on one file: the file before it is reported, the one after it is tried."""
    from workbench.io import registry

    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    real = registry.read_file

    def flaky(path: str | Path):  # type: ignore[no-untyped-def]
        if Path(path).name == "plante.docx":
            raise AttributeError("'NoneType' object has no attribute 'text'")
        return real(path)

    monkeypatch.setattr(registry, "read_file", flaky)
    first, _, last = _files(tmp_path)
    crash = tmp_path / "plante.docx"
    crash.write_bytes(D.full_document())
    rc, out, err = _run(tmp_path / "wb.sqlite", capsys, "import", str(first), str(crash), str(last))
    assert rc == 1
    assert len(out.splitlines()) == 2
    assert [line for line in err.splitlines() if line.startswith("error:")] == [
        "error: plante.docx: internal error while reading the file (AttributeError); please report it"
    ]
