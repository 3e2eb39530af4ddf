"""Settings menu: the dossier's rating scale, the interface language, light/dark theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenuBar, QMessageBox

from workbench.core.scales import PRESETS

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def build_settings_menu(win: MainWindow, bar: QMenuBar) -> None:
    """Add the Settings menu."""
    menu = bar.addMenu(win.tr("&Settings"))
    scale_menu = menu.addMenu(win.tr("Rating &scale of this dossier"))
    group = QActionGroup(win)
    for name in PRESETS:
        a = scale_menu.addAction(name)
        a.setCheckable(True)
        a.setChecked(name == win.dossier.scale.name)
        group.addAction(a)
        a.triggered.connect(lambda _c=False, n=name: _set_scale(win, n))
    lang_menu = menu.addMenu(win.tr("Interface &language"))
    lgroup = QActionGroup(win)
    current = str(QSettings().value("ui/language", "en"))
    for code, label in (("en", "English"), ("fr", "Français")):
        a = lang_menu.addAction(label)
        a.setCheckable(True)
        a.setChecked(code == current)
        lgroup.addAction(a)
        a.triggered.connect(lambda _c=False, c=code: _set_language(win, c))
    menu.addAction(win.tr("Your &name…"), lambda: _set_user_name(win))
    menu.addAction(win.tr("&Organisation name…"), lambda: _set_organisation(win))
    theme_menu = menu.addMenu(win.tr("&Theme"))
    tgroup = QActionGroup(win)
    theme = str(QSettings().value("ui/theme", "light"))
    for code, label in (("light", win.tr("Light")), ("dark", win.tr("Dark"))):
        a = theme_menu.addAction(label)
        a.setCheckable(True)
        a.setChecked(code == theme)
        tgroup.addAction(a)
        a.triggered.connect(lambda _c=False, c=code: _set_theme(c))


def _set_scale(win: MainWindow, name: str) -> None:
    from workbench.core.errors import WorkbenchError
    from workbench.services import dossiers

    try:
        dossiers.set_scale(win.store, win.dossier.id, name)
    except WorkbenchError as exc:
        win.show_error(str(exc))
        return
    win.refresh_all()
    win.editor.set_scale(win.dossier.scale, win.language)


def _set_user_name(win: MainWindow) -> None:
    """The name history and reports show for this person's edits (kept in the user's settings)."""
    from PySide6.QtWidgets import QInputDialog

    name, ok = QInputDialog.getText(win, win.tr("Your name"),
                                    win.tr("Your name, as history and reports will show it:"), text=win.store.user)
    if ok and name.strip():
        QSettings().setValue("user/name", name.strip())
        win.store.user = name.strip()


def _set_organisation(win: MainWindow) -> None:
    from PySide6.QtWidgets import QInputDialog

    from workbench.services import dossiers

    current = dossiers.get_setting(win.store, "organisation", "")
    name, ok = QInputDialog.getText(win, win.tr("Organisation"),
                                    win.tr("Name of the fact-checking organisation (signs reports and ClaimReview):"),
                                    text=current)
    if ok:
        dossiers.put_setting(win.store, "organisation", name.strip())


def _set_language(win: MainWindow, code: str) -> None:
    QSettings().setValue("ui/language", code)
    QMessageBox.information(win, "Workbench", win.tr("The language changes the next time Workbench starts."))


def _set_theme(code: str) -> None:
    from workbench.ui.theme import apply_theme

    QSettings().setValue("ui/theme", code)
    apply_theme(code)
