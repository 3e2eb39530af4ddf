"""A batch gives every file its own outcome; a bad file, even one that crashes its importer, never stops the others."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.sample_world import World, bundle
from workbench.core.values import ImportBundle
from workbench.io import registry
from workbench.services import sources


def test_importer_crash_is_that_file_s_failure(world: World, tmp_path: Path) -> None:
    paths = [tmp_path / n for n in ("avant.txt", "plante.docx", "après.txt")]

    def read(path: str | Path) -> ImportBundle:
        if Path(path).name == "plante.docx":
            raise TypeError("a bug in a parser")
        return bundle(f"Texte de {Path(path).stem}.\n", name=Path(path).name)

    result = sources.import_files(world.store, world.dossier.id, paths, read=read)
    assert [s.title for s in result.added] == ["avant", "après"]
    assert [o.status for o in result.outcomes] == ["added", "failed", "added"]
    assert [o.name for o in result.outcomes] == ["avant.txt", "plante.docx", "après.txt"]
    assert result.errors == ("plante.docx: internal error while reading the file (TypeError); please report it",)
    assert result.outcomes[1].error == result.errors[0]


def test_memory_error_is_one_file_s_failure(world: World, tmp_path: Path) -> None:
    def read(path: str | Path) -> ImportBundle:
        if Path(path).name == "énorme.docx":
            raise MemoryError
        return bundle("Un texte.\n", name=Path(path).name)

    result = sources.import_files(world.store, world.dossier.id, ["énorme.docx", "petit.txt"], read=read)
    assert result.errors == ("énorme.docx: not enough memory to read this file",)
    assert len(result.added) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file kinds")
def test_real_files_pipe_and_malformed_docx(world: World, tmp_path: Path) -> None:
    good = tmp_path / "bon.txt"
    good.write_text("Un bon fichier.\n", encoding="utf-8")
    broken = tmp_path / "cassé.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    fifo = tmp_path / "tube.txt"
    os.mkfifo(fifo)
    result = sources.import_files(world.store, world.dossier.id, [broken, fifo, good])
    assert [o.status for o in result.outcomes] == ["failed", "failed", "added"]
    assert result.outcomes[0].error.startswith("cassé.docx: not a valid Word document")
    assert "named pipe" in result.outcomes[1].error
    again = sources.import_files(world.store, world.dossier.id, [good])
    assert [o.status for o in again.outcomes] == ["reused"]


def test_importer_notes_are_reported_per_file(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    def read(path: str | Path) -> ImportBundle:
        return bundle("Texte.\n", name=str(path), warnings=("part word/header1.xml is missing from the package",))

    result = sources.import_files(world.store, world.dossier.id, ["note.docx"], read=read)
    assert result.warnings == ("note.docx: part word/header1.xml is missing from the package",)
    assert registry.MAX_BYTES > 0
