"""First run and help: the empty-dossier page, the user guide, About, the name prompt, the verdict shortcuts.

Kept out of :mod:`workbench.ui.main_window` (functions of the window, wired once in its constructor):

* an empty dossier shows what to do (drop files, import, paste) instead of a blank grey centre;
* Help ▸ User guide shows ``docs/user-guide.md`` (``user-guide.fr.md`` in French) with its screenshots, Help ▸ About
  names the version, the licence and the Qt in use;
* the first edit asks for the person's name when none was ever given, so history is never signed "root";
* the verdict shortcuts follow the dossier's scale (no "Verdict 9" on an 8-verdict scale).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

translate = QCoreApplication.translate


class EmptyDossier(QWidget):
    """The centre of the window while the dossier has no source: what to do next."""

    def __init__(self, win: MainWindow) -> None:
        super().__init__()
        self.setObjectName("EmptyDossier")
        self.setAcceptDrops(False)  # drops reach the window, which imports them
        title = QLabel(translate("MainWindow", "This dossier has no source yet"))
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.4)
        title.setFont(font)
        text = QLabel(translate(
            "MainWindow",
            "Drop PDF, Word, HTML or text files on this window, import them, or paste an article's text.\n"
            "Then select a sentence in a source and press Ctrl+N to turn it into a claim."))
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.import_button = QPushButton(translate("MainWindow", "Import files…"))
        self.paste_button = QPushButton(translate("MainWindow", "Paste text…"))
        self.guide_button = QPushButton(translate("MainWindow", "Read the user guide"))
        self.import_button.clicked.connect(win.imports.choose_and_import)
        self.paste_button.clicked.connect(lambda: win.actions_by_name["paste"].trigger())
        self.guide_button.clicked.connect(lambda: show_guide(win))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.import_button, self.paste_button, self.guide_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        lay.addWidget(title)
        lay.addWidget(text)
        lay.addLayout(buttons)
        lay.addStretch(2)


def guide_path(language: str) -> Path | None:
    """The user guide in ``language`` (English if there is none), from a checkout or the installed wheel."""
    from workbench.paths import resources_dir

    for folder in (resources_dir().parent / "docs", resources_dir().parent / "_data" / "docs"):
        for name in (f"user-guide.{language}.md", "user-guide.md"):
            if (folder / name).is_file():
                return folder / name
    return None


def show_guide(win: MainWindow) -> QDialog:
    """Help ▸ User guide: the Markdown guide with its screenshots, in the interface language."""
    dialog = QDialog(win)
    dialog.setWindowTitle(translate("MainWindow", "User guide"))
    browser = QTextBrowser()
    browser.setOpenExternalLinks(True)
    path = guide_path(win.language)
    if path is None:
        browser.setPlainText(translate("MainWindow", "The user guide is not installed."))
    else:
        browser.setSearchPaths([str(path.parent)])
        browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        browser.setMarkdown(path.read_text(encoding="utf-8"))
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    box.rejected.connect(dialog.reject)
    lay = QVBoxLayout(dialog)
    lay.addWidget(browser)
    lay.addWidget(box)
    screen = win.screen().availableGeometry() if win.screen() else None
    dialog.resize(min(900, screen.width() - 40) if screen else 900, min(800, screen.height() - 60) if screen else 700)
    dialog.browser = browser  # type: ignore[attr-defined]
    if not win.quiet_errors:
        dialog.show()
    return dialog


def about_text() -> str:
    """Version, licence and Qt of this build."""
    import PySide6

    from workbench import __version__

    return translate("MainWindow", "Workbench {0}\nA desktop fact-checking workbench: sources side by side, claims, "
                                   "evidence, comparison and reports.\nFree software under the GNU GPL version 3 "
                                   "or later.\nQt for Python (PySide6) {1}.").format(__version__, PySide6.__version__)


def show_about(win: MainWindow) -> None:
    """Help ▸ About Workbench."""
    QMessageBox.about(win, translate("MainWindow", "About Workbench"), about_text())


def ask_name_once(win: MainWindow) -> None:
    """Before the first edit, when nobody ever said who they are: ask (history never says "root")."""
    if win.name_known:
        return
    win.name_known = True
    if win.quiet_errors:
        return
    suggestion = "" if win.store.user in ("root", "unknown", "") else win.store.user
    name, ok = QInputDialog.getText(win, translate("MainWindow", "Your name"),
                                    translate("MainWindow", "Your name, as history and reports will show it:"),
                                    text=suggestion)
    if ok and name.strip():
        QSettings().setValue("user/name", name.strip())
        win.store.user = name.strip()


def update_verdict_actions(win: MainWindow) -> None:
    """Ctrl+1… only for the verdicts the dossier's scale has, labelled with them."""
    verdicts = win.dossier.scale.verdicts
    for n in range(1, 10):
        action = win.actions_by_name.get(f"verdict_{n}")
        if action is None:
            continue
        present = n <= len(verdicts)
        action.setEnabled(present)
        action.setVisible(present)
        if present:
            action.setText(translate("MainWindow", "Verdict: {0}").format(verdicts[n - 1].label(win.language)))
