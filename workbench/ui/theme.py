"""Light and dark themes (Fusion style with a palette).

Translations moved to :mod:`workbench.ui.i18n` (Qt Linguist catalogs); ``install_language`` stays importable here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication


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


def install_language(code: str):  # type: ignore[no-untyped-def]
    """Switch the interface language (see :mod:`workbench.ui.i18n`); kept here for existing callers."""
    from workbench.ui.i18n import install_language as install

    return install(code)
