"""Only regular files are read: named pipes, devices, sockets and folders are refused by name, without hanging."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from workbench.core.errors import ImportFailure
from workbench.io import registry

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file kinds")


def _refusal_within(path: Path, seconds: float = 10.0) -> ImportFailure:
    """Run read_file in a thread; a read that blocks (a FIFO opened for reading) fails the test instead of hanging."""
    outcome: list[BaseException | object] = []

    def target() -> None:
        try:
            outcome.append(registry.read_file(path))
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():  # unblock the reader so the thread can end, then fail
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        thread.join(seconds)
        pytest.fail(f"reading {path.name} blocked")
    assert outcome and isinstance(outcome[0], ImportFailure), outcome
    return outcome[0]


def test_named_pipe_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "tube.txt"
    os.mkfifo(fifo)
    failure = _refusal_within(fifo)
    assert str(failure) == "tube.txt: not a regular file (a named pipe (FIFO)): only regular files are imported"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_endless_device_is_refused() -> None:
    failure = _refusal_within(Path("/dev/zero"))
    assert failure.name == "zero"
    assert "not a regular file (a device)" in failure.reason


def test_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        assert "a socket" in _refusal_within(path).reason
    finally:
        server.close()


def test_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dossier.docx").mkdir()
    assert _refusal_within(tmp_path / "dossier.docx").reason == "a folder, not a file"


def test_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = tmp_path / "vrai.txt"
    target.write_text("Un texte ordinaire.\n", encoding="utf-8")
    link = tmp_path / "lien.txt"
    link.symlink_to(target)
    assert registry.read_file(link).text == "Un texte ordinaire.\n"


def test_regular_file_check_does_not_open(tmp_path: Path) -> None:
    fifo = tmp_path / "tube.json"
    os.mkfifo(fifo)
    assert registry.is_regular_file(fifo) is False  # returns at once: a FIFO is never opened
    assert registry.is_regular_file(tmp_path / "absent") is False
