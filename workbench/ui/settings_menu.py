"""Settings menu: the dossier's rating scale, the interface language, light/dark theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenuBar

from workbench.core.i18n import available_languages
from workbench.core.scales import PRESETS
from workbench.ui.i18n import LANGUAGE_NAMES

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


translate = QCoreApplication.translate


def build_settings_menu(win: MainWindow, bar: QMenuBar) -> None:
    """Add the Settings menu."""
    menu = bar.addMenu(translate("MainWindow", "&Settings"))
    scale_menu = menu.addMenu(translate("MainWindow", "Rating &scale of this dossier"))
    group = QActionGroup(win)
    for name in PRESETS:
        a = scale_menu.addAction(name)
        a.setCheckable(True)
        a.setChecked(name == win.dossier.scale.name)
        group.addAction(a)
        a.triggered.connect(lambda _c=False, n=name: _set_scale(win, n))
    lang_menu = menu.addMenu(translate("MainWindow", "Interface &language"))
    lgroup = QActionGroup(win)
    current = win.language
    for code in available_languages():
        label = LANGUAGE_NAMES.get(code, code)
        a = lang_menu.addAction(label)
        a.setCheckable(True)
        a.setChecked(code == current)
        lgroup.addAction(a)
        a.triggered.connect(lambda _c=False, c=code: _set_language(win, c))
    menu.addAction(translate("MainWindow", "Your &name…"), lambda: _set_user_name(win))
    menu.addAction(translate("MainWindow", "&Organisation name…"), lambda: _set_organisation(win))
    theme_menu = menu.addMenu(translate("MainWindow", "&Theme"))
    tgroup = QActionGroup(win)
    theme = str(QSettings().value("ui/theme", "light"))
    for code, label in (("light", translate("MainWindow", "Light")), ("dark", translate("MainWindow", "Dark"))):
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

    name, ok = QInputDialog.getText(win, translate("MainWindow", "Your name"),
                                    translate("MainWindow", "Your name, as history and reports will show it:"),
                                    text=win.store.user)
    if ok and name.strip():
        QSettings().setValue("user/name", name.strip())
        win.store.user = name.strip()


def _set_organisation(win: MainWindow) -> None:
    from PySide6.QtWidgets import QInputDialog

    from workbench.services import dossiers

    current = dossiers.get_setting(win.store, "organisation", "")
    name, ok = QInputDialog.getText(win, translate("MainWindow", "Organisation"),
                                    translate("MainWindow", "Name of the fact-checking organisation "
                                                            "(signs reports and ClaimReview):"),
                                    text=current)
    if ok:
        dossiers.put_setting(win.store, "organisation", name.strip())


def _set_language(win: MainWindow, code: str) -> None:
    """Switch the interface language now (the window is rebuilt in it) and for the next start."""
    from workbench.ui.window_context import switch_language

    switch_language(win, code)


def _set_theme(code: str) -> None:
    from workbench.ui.theme import apply_theme

    QSettings().setValue("ui/theme", code)
    apply_theme(code)
