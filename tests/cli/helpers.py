"""Shared helper for CLI tests: run `workbench` in-process and return its stdout."""

from __future__ import annotations

from typing import Any

from workbench.cli import main


def run(capsys: Any, *args: str) -> str:
    """Run ``workbench ARGS``; fail with its stderr unless it exits 0; return stdout."""
    capsys.readouterr()
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out
