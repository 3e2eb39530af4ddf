"""Publication settings and "Import from URL…": the window side of ``workbench setting`` and ``import URL``.

Settings: the organisation, its URL and logo, the dossier's publication URL, the paper size and your name.

Both dialogs have an ``ask()`` classmethod that tests monkeypatch; the work is done by services
(``operations.EditPublication``, ``capture.import_url``), the fetch in the background runner with Cancel.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.errors import WorkbenchError
from workbench.services import operations as ops
from workbench.services import publication
from workbench.ui.undo import error_line

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class PublicationDialog(QDialog):
    """Edit the publication settings; values are checked by the service when saved."""

    def __init__(self, parent: QWidget | None, current: publication.Publication, user: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publication settings"))
        self.organisation = QLineEdit(current.organisation)
        self.organisation_url = QLineEdit(current.organisation_url)
        self.organisation_url.setPlaceholderText("https://")
        self.publication_url = QLineEdit(current.publication_url)
        self.publication_url.setPlaceholderText(self.tr("https://example.org/fact-checks/{claim}"))
        self.paper = QComboBox()
        for text, value in ((self.tr("From the report language"), ""), ("A4", "a4"), (self.tr("US Letter"), "letter")):
            self.paper.addItem(text, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(current.paper)))
        self.user_name = QLineEdit(current.people.get(user, ""))
        self.logo_path = ""
        self.logo_label = QLabel(self.tr("Logo set") if current.organisation_logo else self.tr("No logo"))
        choose = QPushButton(self.tr("Choose logo…"))
        choose.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Organisation:"), self.organisation)
        form.addRow(self.tr("Organisation URL:"), self.organisation_url)
        form.addRow(self.tr("Logo (PNG or JPEG):"), logo_row)
        form.addRow(self.tr("Publication URL of this dossier:"), self.publication_url)
        form.addRow(self.tr("Paper size:"), self.paper)
        form.addRow(self.tr("Your name in bylines:"), self.user_name)
        hint = QLabel(self.tr("{claim} in the publication URL is replaced by the claim number; without it, each "
                              "claim is an anchor of the page."))
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(_buttons(self))
        self.resize(560, 300)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo_path = path
            self.logo_label.setText(Path(path).name)

    def values(self) -> dict[str, str]:
        """The settings as typed (key -> value); the logo as a file path under ``organisation-logo-file``."""
        out = {
            "organisation": self.organisation.text().strip(),
            "organisation-url": self.organisation_url.text().strip(),
            "publication-url": self.publication_url.text().strip(),
            "paper-size": str(self.paper.currentData() or ""),
            "user-name": self.user_name.text().strip(),
        }
        if self.logo_path:
            out["organisation-logo-file"] = self.logo_path
        return out

    @classmethod
    def ask(cls, parent: QWidget | None, current: publication.Publication, user: str) -> dict[str, str] | None:
        """Show the dialog; the settings or None."""
        dialog = cls(parent, current, user)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def checked(values: dict[str, str]) -> dict[str, str]:
    """The dialog's values as settings, checked before anything goes to the database.

    The logo file is read; the first refused value raises ValidationError (or OSError for the logo) naming it.
    """
    values = dict(values)
    logo = values.pop("organisation-logo-file", "")
    if logo:
        values["organisation-logo"] = publication.logo_value(Path(logo).read_bytes(), Path(logo).name)
    return {key: publication.check(key, value) for key, value in values.items()}


def open_publication_settings(win: MainWindow) -> None:
    """Publication settings… : read them on the database worker, show, check, save as one undoable step."""
    dossier_id = win.dossier.id

    def shown(current: publication.Publication) -> None:
        if not shiboken6.isValid(win) or win.dossier.id != dossier_id:
            return  # the window closed or moved to another dossier meanwhile
        values = PublicationDialog.ask(win, current, win.store.user)
        if values is None:
            return
        try:
            settings = checked(values)
        except (WorkbenchError, OSError) as exc:
            win.show_error(str(exc))
            return
        label = QCoreApplication.translate("PublicationDialog", "Publication settings")  # the Edit menu's undo step
        win.run_op(label, ops.EditPublication(dossier_id, settings),
                   on_done=lambda _v: win.statusBar().showMessage(win.tr("Publication settings saved"), 4000))

    win.ops.submit(lambda store: publication.get(store, dossier_id), shown,
                   lambda exc: win.show_error(error_line(exc)))


class UrlImportDialog(QDialog):
    """Type or paste web addresses, one a line."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import from URL"))
        self.urls = QPlainTextEdit()
        self.urls.setPlaceholderText("https://")
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Web pages to fetch and archive (one address a line):")))
        lay.addWidget(self.urls)
        lay.addWidget(QLabel(self.tr("The page is downloaded as served (no script is run) and kept with an archived "
                                     "copy (WARC) dated at the fetch.")))
        lay.addWidget(_buttons(self))
        self.resize(560, 260)

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[str] | None:
        """The addresses typed, or None."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return [u.strip() for u in dialog.urls.toPlainText().splitlines() if u.strip()]


def import_from_url(win: MainWindow) -> None:
    """Import from URL… : fetch each page in the background and add it with its capture."""
    from workbench.services import capture, sources

    urls = UrlImportDialog.ask(win)
    if not urls:
        return
    dossier_id = win.dossier.id

    def work(progress: Any, cancelled: Any) -> sources.BatchResult:
        """Fetch each page here (no database); store it on the database worker."""
        added, reused, errors = [], [], []
        for i, url in enumerate(urls):
            if cancelled():
                break
            progress(i, len(urls), url)
            try:
                bundle = capture.fetch_bundle(url)
                result = win.bridge.run(lambda store, bundle=bundle: sources.add(store, dossier_id, bundle))
            except WorkbenchError as exc:
                errors.append(str(exc))
                continue
            (added if result.created else reused).append(result.source)
        return sources.BatchResult(tuple(added), tuple(reused), tuple(errors))

    win.runner.start(win.tr("Import from URL"), work, win.imports.imported, win.show_error)
