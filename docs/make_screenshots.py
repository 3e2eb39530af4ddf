"""Regenerate the README and user-guide screenshots from the sample dossier: `make screenshots`.

Uses only Workbench's own commands (`init --demo`, `gui --language --size --screenshot`, `export`) plus headless
Chromium for the HTML report when it is installed. Every window view is made in English and in French
(``<name>.png`` and ``<name>.fr.png``) at a laptop size (1366×768), so the pictures show what most people see.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent / "screenshots"
SIZE = "1366x768"

VIEWS = {  # name -> gui arguments
    "side-by-side": ["--open", "3,4", "--claim", "1"],
    "compare": ["--open", "1,3", "--compare"],
    "claim": ["--open", "2,5", "--claim", "2"],
}


def workbench(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([sys.executable, "-m", "workbench", *args], check=True, env=env)


def main() -> None:
    OUT.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.sqlite")
        env["XDG_CONFIG_HOME"] = tmp  # fresh window settings
        env["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        workbench("--db", db, "init", "--demo", env=env)
        for name, args in VIEWS.items():
            for lang, suffix in (("en", ""), ("fr", ".fr")):
                workbench("--db", db, "gui", *args, "--size", SIZE, "--language", lang,
                          "--screenshot", str(OUT / f"{name}{suffix}.png"), env=env)
        shutil.copyfile(OUT / "claim.fr.png", OUT / "interface-fr.png")  # the README's name for it
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
