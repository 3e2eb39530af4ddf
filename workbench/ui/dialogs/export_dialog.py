"""File ▸ Export: format, filters, language, a preview of the HTML report, export in the background.

The preview and the file come from the same service call (``reports.export``), so what the user sees is what they
get. The file is written atomically; "Open when done" hands it to the desktop.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench.core.i18n import available_languages
from workbench.core.values import DossierInfo, SourceInfo
from workbench.services import reports
from workbench.services.store import Store
from workbench.ui.i18n import LANGUAGE_NAMES
from workbench.ui.tasks import TaskRunner


class ExportDialog(QDialog):
    """Choose what to export and where; runs the export as a background task."""

    def __init__(self, store: Store, dossier: DossierInfo, runner: TaskRunner, parent: QWidget | None = None, *,
                 language: str = "en", sources: Iterable[SourceInfo] = (),
                 show_error: Callable[[str], None] | None = None,
                 status: Callable[[str, int], None] | None = None) -> None:
        """Export ``dossier`` of ``store`` through ``runner``; ``sources`` are offered as filters.

        ``show_error`` and ``status`` say what went wrong or was written (the window's message box and status bar;
        by default a line in the dialog).
        """
        super().__init__(parent)
        self.store = store
        self.dossier = dossier
        self.runner = runner
        self.show_error = show_error or self._say
        self.status = status or (lambda text, _ms: self._say(text))
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        for key, name in reports.formats():
            self.format.addItem(QCoreApplication.translate("Formats", name), key)
        self.language = QComboBox()
        for code in available_languages():
            self.language.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.verdicts = QListWidget()
        for v in dossier.scale.verdicts:
            item = QListWidgetItem(v.label(language))
            item.setData(Qt.ItemDataRole.UserRole, v.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.verdicts.addItem(item)
        self.verdicts.setMaximumHeight(120)
        self.sources = QListWidget()
        for s in sources:
            item = QListWidgetItem(f"{s.id} · {s.title}")
            item.setData(Qt.ItemDataRole.UserRole, s.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.sources.addItem(item)
        self.sources.setMaximumHeight(120)
        self.history = QCheckBox(self.tr("Include each claim's history"))
        self.include_drafts = QCheckBox(self.tr("Count drafts (claims not concluded) in the verdict chart"))
        self.discrepancies = QCheckBox(self.tr("Add the discrepancies between sources"))
        self.open_after = QCheckBox(self.tr("Open when done"))
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Only verdicts"), self.verdicts)
        form.addRow(self.tr("Only sources"), self.sources)
        form.addRow("", self.history)
        form.addRow("", self.include_drafts)
        form.addRow("", self.discrepancies)
        form.addRow(self.tr("File"), path_row)
        form.addRow("", self.open_after)
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        left_lay.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.hide()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        left_lay.addStretch(1)
        left_lay.addLayout(buttons)
        self.preview = QTextBrowser()
        self.preview.setOpenLinks(False)
        self.preview.setMinimumWidth(520)
        lay = QHBoxLayout(self)
        lay.addWidget(left)
        lay.addWidget(self.preview, 1)
        self.preview_button.clicked.connect(self.run_preview)
        self.export_button.clicked.connect(self.run_export)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.format.currentIndexChanged.connect(self._suggest_path)
        self._task: Any = None
        self.written: Path | None = None
        self._suggest_path()
        self.resize(1100, 700)

    def request(self, fmt: str | None = None) -> reports.ReportRequest:
        """The request the form describes."""
        def checked(widget: QListWidget) -> tuple[Any, ...]:
            return tuple(widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                         if widget.item(i).checkState() == Qt.CheckState.Checked)

        return reports.ReportRequest(
            format=fmt or self.format.currentData(),
            verdicts=checked(self.verdicts),
            source_ids=checked(self.sources),
            language=self.language.currentData(),
            include_history=self.history.isChecked(),
            discrepancies=self.discrepancies.isChecked(),
            include_drafts=self.include_drafts.isChecked(),
        )

    def default_stem(self) -> str:
        """The file name a report is offered under: the dossier's name, safe for any file system.

        A name with no letter or digit gives "report" in the interface language.
        """
        stem = re.sub(r"[^\w]+", "-", self.dossier.name).strip("-_")[:60].rstrip("-")
        return stem or self.tr("report")

    def _suggest_path(self) -> None:
        fmt = self.format.currentData()
        fallback = self.default_stem()
        current = Path(self.path.text()) if self.path.text() else Path.home() / fallback
        stem = current.name.split(".")[0] or fallback
        self.path.setText(str(current.with_name(stem + reports.extension(fmt))))

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text())
        if path:
            self.path.setText(path)

    def _start(self, request: reports.ReportRequest, on_done: Any, target: Path | None = None) -> None:
        """Export in the background: bytes for the preview, or the file written (off the GUI thread) for ``target``."""
        store, dossier_id = self.store, self.dossier.id
        self.progress.show()
        self.progress.setRange(0, 0)
        self.export_button.setEnabled(False)
        self.preview_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))

        def work(progress: Any, cancelled: Any) -> bytes | Path:
            def step(done: int, total: int) -> None:
                progress(done, total, "")

            if target is None:
                return reports.export(store, dossier_id, request, progress=step, cancel=cancelled)
            return reports.export_to_file(store, dossier_id, request, target, progress=step, cancel=cancelled)

        task = self.runner.start(self.tr("Export"), work, on_done, self._failed)
        def on_progress(done: int, total: int, _label: str) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)

        task.sig_progress.connect(on_progress)
        task.sig_cancelled.connect(self._reset)
        self._task = task

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _reset(self) -> None:
        self._task = None
        self.progress.hide()
        self.export_button.setEnabled(True)
        self.preview_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Close"))

    def _failed(self, message: str) -> None:
        self._reset()
        self.show_error(self.window_message(message))

    def window_message(self, message: str) -> str:
        """An export error as the window says it (other messages are unchanged).

        ClaimReview's missing parts point to where the window sets them; the command line's message names
        ``workbench setting`` commands.
        """
        head = "ClaimReview not written: it needs "
        if not message.startswith(head):
            return message
        where = {
            "the organisation name (workbench setting organisation NAME)":
                self.tr("the organisation name (Dossier ▸ Publication settings)"),
            "the organisation URL (workbench setting organisation-url URL)":
                self.tr("the organisation URL (Dossier ▸ Publication settings)"),
            "the publication URL (workbench setting publication-url URL, may hold {claim})":
                self.tr("the publication URL (Dossier ▸ Publication settings)"),
        }
        parts = []
        for part in message[len(head):].split("; "):
            if (m := re.fullmatch(r"who made claim (\d+) \(its claimant\)", part)):
                parts.append(self.tr("who made claim {0} (its claimant)").format(m.group(1)))
            elif (m := re.fullmatch(r"the statement of claim (\d+)", part)):
                parts.append(self.tr("the statement of claim {0}").format(m.group(1)))
            else:
                parts.append(where.get(part, part))
        separator = self.tr("; ", "between the missing parts")  # « ; » in French typography
        return self.tr("ClaimReview not written: Google needs {0}.").format(separator.join(parts))

    def _cancel_or_close(self) -> None:
        if self._task is not None:
            self._task.cancel()
        else:
            self.reject()

    def run_preview(self) -> None:
        """Render the HTML report of the current choices into the preview."""
        def shown(data: bytes) -> None:
            self._reset()
            self.preview.setHtml(data.decode("utf-8"))

        self._start(self.request("html"), shown)

    def run_export(self) -> None:
        """Export to the chosen file."""
        target = Path(self.path.text()).expanduser()
        if not self.path.text().strip():
            self.show_error(self.tr("Choose a file to export to."))
            return

        def written(path: Path) -> None:
            self._reset()
            self.written = path
            self.status(self.tr("Exported {0}").format(path), 8000)
            if self.open_after.isChecked():
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        self._start(self.request(), written, target)
