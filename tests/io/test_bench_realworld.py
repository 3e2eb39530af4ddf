"""The real-world benchmark driver: skips without a corpus, scores a tiny corpus laid out like the shared one."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"test_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_driver_skips_without_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert load("bench_realworld").main(["--corpus", str(tmp_path / "absent")]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.slow  # runs the CLI in subprocesses for the "same text as the CLI" check
def test_text_benchmark_on_a_tiny_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "text"
    folder.mkdir()
    ru = "Городской совет утвердил новый бюджет на следующий год, сообщил мэр в понедельник утром.\n" * 3
    (folder / "cp1251__ru.txt").write_bytes(ru.encode("cp1251"))
    (folder / "utf-16le__ru.txt").write_bytes(ru.encode("utf-16-le"))
    (folder / "manifest.json").write_text(json.dumps({"cp1251__ru.txt": "cp1251", "utf-16le__ru.txt": "utf_16_le"}))
    assert load("bench_realworld").main(["--corpus", str(tmp_path), "--only", "text"]) == 0
    out = capsys.readouterr().out
    assert "decoded exactly: 2/2" in out and "refused: 0" in out
    assert "load average" in out and "all targets met" in out
