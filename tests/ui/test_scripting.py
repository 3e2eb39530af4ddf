"""Scripting the window: `gui --language --size --screenshot` renders it in that language at that size, `setting
language` keeps the choice; the start-up window says what it is doing; findings and import errors in French."""

from __future__ import annotations

import os
import subprocess
import sys

from workbench.cli import main


def test_gui_screenshot_in_french_at_laptop_size(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    out = tmp_path / "fr.png"
    db = str(tmp_path / "shot.sqlite")
    assert main(["--db", db, "gui", "--language", "fr", "--size", "1366x768", "--screenshot", str(out)]) == 0
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)  # the whole window fits the laptop screen
    win = next(w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow" and w.language == "fr")
    assert win.claims_dock.windowTitle() == "Affirmations"
    from workbench.ui.i18n import install_language

    install_language("en")


def test_setting_language_is_kept_for_good(tmp_path):
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"), QT_QPA_PLATFORM="offscreen")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "workbench", *args], env=env, capture_output=True, text=True,
                              timeout=120)

    assert run("setting", "language", "fr").returncode == 0
    assert run("setting", "language").stdout.strip() == "fr"
    bad = run("setting", "language", "xx")
    assert bad.returncode == 1 and bad.stderr.startswith("error: language must be one of")
    assert "Traceback" not in bad.stderr
    assert (tmp_path / "config" / "Workbench" / "Workbench.conf").read_text().count("language=fr") == 1


def test_startup_window_says_what_it_is_doing(qtbot, qapp):
    from PySide6.QtWidgets import QLabel

    from workbench.app import _startup_shell

    shell = _startup_shell("/tmp/x.sqlite")
    qtbot.addWidget(shell)
    text = shell.centralWidget().text() if isinstance(shell.centralWidget(), QLabel) else ""
    assert "/tmp/x.sqlite" in text and "schema" in text
    assert shell.statusBar().currentMessage()
    avail = shell.screen().availableGeometry()
    assert avail.contains(shell.geometry())


def test_compare_findings_in_french(window, store, dossier, settings_dir):
    from workbench.ui.i18n import install_language
    from workbench.ui.main_window import MainWindow

    ids = list(window.sources)
    install_language("fr")
    try:
        win = MainWindow(store, dossier, language="fr", fresh_layout=True)
        result = {"discrepancies": [{"kind": "quote_wording", "note": f"source {ids[0]} vs source {ids[1]}: "
                                     "Ushakov quoted in different words (translation or paraphrase)", "spans": [
                                         {"source_id": ids[0], "start": 0, "end": 4, "exact": "Crue", "value": ""},
                                         {"source_id": ids[1], "start": 0, "end": 4, "exact": "Blog", "value": ""}]}],
                  "sources": [{"source_id": ids[1], "flags": ["recycled"], "note": ""}], "reuse": [],
                  "alignments": [], "event_date": None}
        win.compare_panel.show_result(result)
        model = win.compare_panel.model
        groups = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert groups[0].startswith("Formulation des citations")
        assert any(g.startswith("Sources recyclées") or "recycl" in g.lower() for g in groups), groups
        finding = model.index(0, 0, model.index(0, 0)).data()
        assert "A.TXT" in finding and "B.TXT" in finding  # outlets, not "source 1"
        assert "cité en d’autres termes" in finding and "contre" in finding
        recycled = model.index(0, 0, model.index(1, 0)).data()
        assert "recyclée" in recycled
        win.close()
    finally:
        install_language("en")
