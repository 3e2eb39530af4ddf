"""The wheel carries the migrations and resources, and finds them when installed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(REPO)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"building the wheel from {REPO} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
    (path,) = out.glob("workbench-*.whl")
    return path


@pytest.mark.slow
def test_wheel_contains_data_and_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        for wanted in (
            "workbench/_data/db/env.py",
            "workbench/_data/db/versions/0001_initial_schema.py",
            "workbench/_data/resources/sample/dossier.json",
            "workbench/paths.py",
            "workbench/cli.py",
        ):
            assert wanted in names, wanted
        (entry_points,) = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        text = zf.read(entry_points).decode()
    assert "[console_scripts]" in text
    assert "workbench = workbench.cli:main" in text
    assert not any(n.startswith("tests/") for n in names)


@pytest.mark.slow
def test_unpacked_wheel_finds_its_data_and_migrates(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    env = dict(os.environ, PYTHONPATH=str(site))
    env.pop("WORKBENCH_DB", None)
    code = (
        "import workbench, workbench.paths as p\n"
        "print(workbench.__file__)\n"
        "print(p.migrations_dir())\n"
        "print(p.resources_dir())\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                          timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    module, migrations, resources = (Path(line) for line in proc.stdout.splitlines())
    assert module.is_relative_to(site)
    assert migrations == site / "workbench" / "_data" / "db"
    assert resources == site / "workbench" / "_data" / "resources"
    assert (migrations / "env.py").is_file()
    assert (resources / "sample" / "dossier.json").is_file()

    # The installed copy migrates a fresh database with its own Alembic environment.
    db = tmp_path / "installed.sqlite"
    proc = subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "--user", "ci", "init"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "1\tMy dossier\n"
    assert db.is_file()
