"""The real start-up (``workbench gui``) is never blank: a window saying what it opens is painted before the database
layer is even imported, then the main window shows the dossier (issue 12, start-up figure)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from workbench.services import claims as claims_svc
from workbench.services import sources as sources_svc

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
import workbench.app as app_module
seen = {}
real_shell = app_module._startup_shell
def shell(target):
    w = real_shell(target)
    seen['first'] = {'text': w.centralWidget().text(), 'visible': w.isVisible(),
                     'sqlalchemy': 'sqlalchemy' in sys.modules,
                     'main_window': 'workbench.ui.main_window' in sys.modules}
    return w
app_module._startup_shell = shell
def shown(_app):
    from workbench.ui.main_window import MainWindow
    windows = [x for x in QApplication.topLevelWidgets() if x.isVisible()]
    (w,) = [x for x in windows if isinstance(x, MainWindow)]
    seen['main'] = {'claims': w.claims_model.rowCount(), 'sources': w.sources_model.rowCount(),
                    'title': w.windowTitle(), 'others_visible': len(windows) - 1}
    import linecache
    seen['modules'] = sorted(sys.modules)
    seen['sources_read'] = sorted(linecache.cache)  # module sources read since PySide6 came (its import hook)
    print(json.dumps(seen)); return 0
QApplication.exec = shown
sys.exit(app_module.run_gui(sys.argv[1], user='tester'))
"""


def _start(tmp_path: Path) -> dict[str, Any]:
    """Run the real start-up on the test database in a fresh process; what the probe saw."""
    db = tmp_path / "ui.sqlite"
    home = tmp_path / "home"
    (home / "data").mkdir(parents=True)
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root), HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"))
    out = subprocess.run([sys.executable, "-c", PROBE, str(db)], capture_output=True, text=True, env=env,
                         timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    seen: dict[str, Any] = json.loads([line for line in out.stdout.splitlines() if line.startswith("{")][-1])
    return seen


def test_start_up_paints_what_it_opens_before_loading_the_database_layer(store, dossier, tmp_path):
    claims_svc.create(store, sources_svc.list_all(store, dossier.id)[0].id, 0, 8)
    db = tmp_path / "ui.sqlite"
    seen = _start(tmp_path)
    first = seen["first"]
    assert first["visible"] and str(db) in first["text"] and first["text"].startswith("Opening the database")
    assert not first["sqlalchemy"] and not first["main_window"]  # painted before the heavy imports
    main = seen["main"]
    assert (main["sources"], main["claims"]) == (2, 1) and main["title"].startswith("Test dossier")
    assert main["others_visible"] == 0  # the opening window made way for the main window


# Imported only by what start-up does not do: schema upgrades, imports of files, comparison, fuzzy re-anchoring,
# revisions, reports and publication.
NOT_AT_START = ("alembic", "trafilatura", "lxml", "pdfplumber", "pdfminer", "pypdfium2", "docx", "rapidfuzz",
                "workbench.io.importers", "workbench.io.registry", "workbench.services.compare",
                "workbench.core.compare", "workbench.core.anchoring", "workbench.services.revisions",
                "workbench.services.publication", "workbench.io.report", "xml")


def test_start_up_imports_only_what_it_uses(store, dossier, tmp_path):
    """The main window on a database whose schema is current: no migration tool, importer, comparison engine..."""
    claims_svc.create(store, sources_svc.list_all(store, dossier.id)[0].id, 0, 8)
    seen = _start(tmp_path)
    assert seen["main"]["claims"] == 1
    modules = set(seen["modules"])
    assert "workbench.ui.main_window" in modules and "sqlalchemy" in modules
    loaded = sorted(m for m in modules if m.split(".")[0] in NOT_AT_START or m.startswith(NOT_AT_START))
    assert loaded == []
    # The layers under the window are imported without PySide6's import hook, which reads every module's source
    # (kept in linecache: about 20 MiB and 0.1-0.25 s of CPU for SQLAlchemy and ours).
    read = [path for path in seen["sources_read"] if path.endswith(".py") and (
        "/sqlalchemy/" in path or "/workbench/services/" in path or "/workbench/persistence/" in path)]
    assert read == []


def test_garbage_collector_paused_during_start_up_then_resumed(monkeypatch):
    import gc

    import pytest

    import workbench.app as app_module

    seen: list[bool] = []

    def fake(db, **_kw):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        if db == "broken":
            raise RuntimeError("start-up failed")
        return 0

    monkeypatch.setattr(app_module, "_run_gui", fake)
    assert gc.isenabled()
    assert app_module.run_gui("x.sqlite") == 0
    with pytest.raises(RuntimeError):
        app_module.run_gui("broken")
    assert seen == [False, False] and gc.isenabled()  # paused while the window is built, back on whatever happened
    gc.disable()
    try:
        app_module._collect_and_resume()  # half a second after the window shows
        assert gc.isenabled() and gc.get_freeze_count() == 0  # nothing frozen: what start-up built can still go
    finally:
        gc.enable()
