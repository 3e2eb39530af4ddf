"""Light and dark themes (Fusion style with a palette) and the interface translations.

Translations are JSON catalogs in ``resources/translations/<lang>.json`` (source text -> translation) served
through a ``QTranslator`` subclass, so every ``self.tr()`` in the widgets is translated by Qt's own mechanism
without a build step.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from workbench.paths import resources_dir


def apply_theme(name: str) -> None:
    """Apply the ``light`` or ``dark`` theme to the running application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.setStyle("Fusion")
    if name != "dark":
        app.setPalette(app.style().standardPalette())
        return
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2b2b2b",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Mid: "#8a8a8a",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    app.setPalette(p)


class JsonTranslator(QTranslator):
    """Translates source strings from a JSON catalog, whatever the context."""

    def __init__(self, catalog: dict[str, str]) -> None:
        super().__init__()
        self.catalog = catalog

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """The translation of ``source``, or an empty string (Qt then keeps the source text)."""
        return self.catalog.get(source, "")

    def isEmpty(self) -> bool:
        """Qt skips empty translators."""
        return not self.catalog


def translations_dir() -> Path:
    """Folder of the JSON catalogs."""
    return resources_dir() / "translations"


def install_language(code: str) -> JsonTranslator | None:
    """Install the catalog for ``code`` (``en`` needs none); keep the returned object alive."""
    path = translations_dir() / f"{code}.json"
    if code == "en" or not path.exists():
        return None
    translator = JsonTranslator(json.loads(path.read_text(encoding="utf-8")))
    QCoreApplication.installTranslator(translator)
    return translator
