"""Hatch build hook: compile the interface catalogs (``resources/translations/*.ts``) into ``.qm`` files in the wheel.

Each ``.qm`` ships with a ``.qm.sha256`` naming the ``.ts`` it came from; at run time ``workbench.ui.i18n`` uses it
only when that hash matches the installed ``.ts`` and otherwise compiles the ``.ts`` itself (into the user cache), so
a wheel built where no ``lrelease`` exists still works, just with a one-off compile at first start.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _lrelease() -> str | None:
    try:
        import PySide6

        bundled = Path(PySide6.__file__).resolve().parent / "lrelease"
        if bundled.is_file():
            return str(bundled)
    except ImportError:
        pass
    for name in ("pyside6-lrelease", "lrelease", "lrelease-qt6"):
        found = shutil.which(name)
        if found:
            return found
    qt6 = Path("/usr/lib/qt6/bin/lrelease")
    return str(qt6) if qt6.is_file() else None


class TranslationsHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds ``workbench/_data/resources/translations/<name>.qm`` (+ ``.sha256``) for every ``.ts``."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile each catalog and add it (with its .ts hash) to the wheel."""
        if self.target_name != "wheel":
            return
        program = _lrelease()
        sources = sorted(Path(self.root, "resources", "translations").glob("*.ts"))
        if not sources:
            return
        if program is None:
            self.app.display_warning("lrelease not found: the catalogs will be compiled at first start")
            return
        out = Path(tempfile.mkdtemp(prefix="workbench-qm-"))
        for ts in sources:
            qm = out / f"{ts.stem}.qm"
            proc = subprocess.run([program, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True,
                                  check=False)
            if proc.returncode != 0 or not qm.exists():
                self.app.display_warning(f"lrelease failed on {ts.name}: {proc.stderr.strip()[:300]}")
                continue
            stamp = out / f"{ts.stem}.qm.sha256"
            stamp.write_text(hashlib.sha256(ts.read_bytes()).hexdigest() + "\n", encoding="ascii")
            target = "workbench/_data/resources/translations"
            build_data["force_include"][str(qm)] = f"{target}/{qm.name}"
            build_data["force_include"][str(stamp)] = f"{target}/{stamp.name}"
