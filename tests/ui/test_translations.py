"""The interface is shipped in English and French: every string the window translates has a French entry."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

from workbench.paths import resources_dir

UI = Path(__file__).resolve().parents[2] / "workbench" / "ui"
TR = re.compile(r'\btr\("((?:[^"\\]|\\.)*)"\)')


def ui_strings() -> set[str]:
    found: set[str] = set()
    for path in UI.rglob("*.py"):
        found |= {ast.literal_eval(f'"{s}"') for s in TR.findall(path.read_text(encoding="utf-8"))}
        for group in re.findall(r"COLUMNS = \((.*?)\)", path.read_text(encoding="utf-8")):
            found |= set(re.findall(r'"([^"]+)"', group))
    from workbench.ui.models.claims_model import STATUS_LABELS
    from workbench.ui.panels.compare_panel import KIND_LABELS

    return found | set(STATUS_LABELS.values()) | set(KIND_LABELS.values())


def test_every_ui_string_has_a_french_translation():
    catalog = json.loads((resources_dir() / "translations" / "fr.json").read_text(encoding="utf-8"))
    missing = sorted(s for s in ui_strings() if s not in catalog)
    assert not missing, f"add these to resources/translations/fr.json: {missing}"
    assert all(v.strip() for v in catalog.values())


def test_window_in_french(qtbot, store, dossier, tmp_path):
    from PySide6.QtCore import QCoreApplication, Qt

    from workbench.ui.main_window import MainWindow
    from workbench.ui.theme import install_language

    translator = install_language("fr")
    try:
        win = MainWindow(store, dossier, language="fr", fresh_layout=True)
        qtbot.addWidget(win)
        assert win.claims_dock.windowTitle() == "Affirmations"
        assert win.actions_by_name["new_claim"].text() == "&Nouvelle affirmation depuis la sélection"
        assert win.claims_model.headerData(1, Qt.Orientation.Horizontal) == "Énoncé"
    finally:
        QCoreApplication.removeTranslator(translator)
