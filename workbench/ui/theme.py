"""Light and dark themes (Fusion style with a palette).

Translations moved to :mod:`workbench.ui.i18n` (Qt Linguist catalogs); ``install_language`` stays importable here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

PAGES = {"light": "#ffffff", "dark": "#1e1e1e"}
"""The page (``QPalette.Base``) behind the source text in each theme."""

STANCE_COLORS = {
    "light": {"supports": "#1b7a34", "refutes": "#b02a1e", "context": "#2359b8"},
    "dark": {"supports": "#5fd38a", "refutes": "#ff8a80", "context": "#8ab4ff"},
}
"""Underline and text colour of cited evidence, per theme: each at least 4.5:1 against its page (WCAG AA)."""


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_dark() -> bool:
    """Whether the running application shows a dark page."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return False
    return app.palette().color(QPalette.ColorRole.Base).lightness() < 128


def stance_colors() -> dict[str, str]:
    """Stance colours for the theme in use."""
    return STANCE_COLORS["dark" if is_dark() else "light"]


def apply_theme(name: str) -> None:
    """Apply the ``light`` or ``dark`` theme to the running application."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.setStyle("Fusion")
    if name != "dark":
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet("")
        return
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#2b2b2b",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d6fb4",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.PlaceholderText: "#8a8a8a",
        QPalette.ColorRole.Mid: "#8a8a8a", QPalette.ColorRole.Link: "#8ab4ff",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    app.setPalette(p)
    app.setStyleSheet(_DARK_INDICATORS)


_DARK_INDICATORS = """
QCheckBox::indicator, QAbstractItemView::indicator, QRadioButton::indicator {
    width: 12px; height: 12px; border: 1px solid #a8a8a8; background: #1e1e1e; }
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator:checked, QAbstractItemView::indicator:checked, QRadioButton::indicator:checked {
    background: #6b9be0; border-color: #dce8ff; }
QCheckBox::indicator:disabled, QAbstractItemView::indicator:disabled { border-color: #666666; }
"""
"""Fusion draws check boxes in the window colour: on a dark page they vanish; these give them a light edge."""


def install_language(code: str):  # type: ignore[no-untyped-def]
    """Switch the interface language (see :mod:`workbench.ui.i18n`); kept here for existing callers."""
    from workbench.ui.i18n import install_language as install

    return install(code)
