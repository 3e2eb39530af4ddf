"""Regenerate the README screenshots from the sample dossier: `make screenshots`.

Uses only Workbench's own commands (`init --demo`, `gui --screenshot`, `export`) plus headless Chromium for the
HTML report when it is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"


def workbench(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([sys.executable, "-m", "workbench", *args], check=True, env=env)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite")
        env["XDG_CONFIG_HOME"] = tmp  # fresh window settings
        workbench("--db", db, "init", "--demo", env=env)
        workbench("--db", db, "gui", "--open", "3,4", "--claim", "1", "--size", "1800x1050",
                  "--screenshot", str(OUT / "side-by-side.png"), env=env)
        workbench("--db", db, "gui", "--open", "1,3", "--compare", "--size", "1800x1050",
                  "--screenshot", str(OUT / "compare.png"), env=env)
        workbench("--db", db, "gui", "--open", "2,5", "--claim", "2", "--size", "1800x1050",
                  "--screenshot", str(OUT / "interface-fr.png"), env=dict(env, WORKBENCH_LANGUAGE="fr"))
        report = Path(tmp) / "report.html"
        workbench("--db", db, "export", "--format", "html", "--out", str(report), "--language", "fr",
                  "--discrepancies", env=env)
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", f"--user-data-dir={tmp}/chromium", "--window-size=1200,1500",
                            f"--screenshot={OUT / 'report.png'}", report.as_uri()],
                           check=True, capture_output=True, timeout=120)
        else:
            print("chromium not installed: report.png not regenerated")


if __name__ == "__main__":
    main()
