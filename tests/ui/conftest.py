"""Widget-test fixtures: a store with two sources (accents, emoji) and a window using the synchronous runner."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="workbench-cache-"))  # compiled catalogs

from workbench.core.values import ImportBundle
from workbench.services import dossiers, sources
from workbench.services.store import Store

TEXT_A = (
    "Crue de la Lerne\n\n"
    "La préfecture a annoncé l'évacuation de 1 200 habitants mardi matin.\n"
    "Le maire a déclaré : « Nous avons évité le pire ».\n"
)
TEXT_B = (
    "Blog 🌊 citoyen 🚨\n\n"
    "Selon nous 🔥, 2 100 habitants ont été évacués mercredi.\n"
    "Le préfet dit « Nous avons évité le pire grâce aux secours ».\n"
)


@pytest.fixture
def store(tmp_path):
    s = Store.open(str(tmp_path / "ui.sqlite"), user="tester")
    yield s
    s.close()


@pytest.fixture
def dossier(store):
    d = dossiers.create(store, "Test dossier")
    for name, text in (("a.txt", TEXT_A), ("b.txt", TEXT_B)):
        sources.add(store, d.id, ImportBundle(name=name, kind="txt", original=text.encode(), text=text,
                                              title=name, outlet=name.upper()))
    return dossiers.get(store, d.id)


@pytest.fixture
def settings_dir(tmp_path):
    """QSettings of this test only (window geometry, context, language)."""
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    return tmp_path / "settings"


@pytest.fixture
def window(qtbot, store, dossier, tmp_path, monkeypatch, settings_dir):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    win = MainWindow(store, dossier, runner=SyncRunner())
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win
