"""The window is wiring: no mixins, and its controllers use only what they are given (no one's private members)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "workbench" / "ui"
CONTROLLERS = sorted(UI.glob("window_*.py")) + sorted((UI / "dialogs").glob("*.py")) + [UI / "actions.py"]


def test_main_window_has_no_mixins():
    from PySide6.QtWidgets import QMainWindow

    from workbench.ui.main_window import MainWindow

    assert MainWindow.__bases__ == (QMainWindow,)
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        mixins = [n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name.endswith("Mixin")]
        assert not mixins, f"{path.name}: {mixins}"


def test_controllers_and_dialogs_touch_no_private_member_of_another_object():
    found = []
    for path in CONTROLLERS:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__")
                    and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))):
                found.append(f"{path.name}:{node.lineno} .{node.attr}")
    assert not found, found
