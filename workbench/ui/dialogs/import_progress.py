"""Import progress: one row per file with its own progress bar and outcome, and a Cancel button.

Fed by the import task's signals (``progress(done, total, name)`` as each file starts, then the batch result);
it never touches the database. Closing it does not stop the import; Cancel does (between files).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.i18n import translate_error
from workbench.ui.tasks import Task


class ImportProgressDialog(QDialog):
    """Shows a running import file by file."""

    def __init__(self, parent: QWidget | None, task: Task, paths: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Importing {0} file(s)").format(len(paths)))
        self.task = task
        self.names = [Path(p).name for p in paths]
        self.summary = QLabel(self.tr("Waiting…"))
        self.files = QTreeWidget()
        self.files.setHeaderLabels([self.tr("File"), self.tr("Progress"), self.tr("Result")])
        self.files.setRootIsDecorated(False)
        self.bars: list[QProgressBar] = []
        for name in self.names:
            item = QTreeWidgetItem([name, "", self.tr("waiting")])
            self.files.addTopLevelItem(item)
            bar = QProgressBar()
            bar.setRange(0, 1)
            bar.setValue(0)
            bar.setTextVisible(False)
            bar.setMaximumHeight(14)
            self.files.setItemWidget(item, 1, bar)
            self.bars.append(bar)
        self.files.setColumnWidth(0, 260)
        self.files.setColumnWidth(1, 140)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self._cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(self.files, 1)
        lay.addWidget(self.buttons)
        self.resize(640, min(520, 140 + 26 * len(paths)))
        self._current = -1
        task.sig_progress.connect(self.on_progress)
        task.sig_finished.connect(self.on_finished)
        task.sig_failed.connect(self.on_failed)
        task.sig_cancelled.connect(self.on_cancelled)

    def _row(self, i: int) -> QTreeWidgetItem:
        item = self.files.topLevelItem(i)
        assert item is not None
        return item

    def _finish_row(self, i: int) -> None:
        if 0 <= i < len(self.bars):
            self.bars[i].setRange(0, 1)
            self.bars[i].setValue(1)

    def on_progress(self, done: int, total: int, name: str) -> None:
        """File ``done`` (0-based) is starting; the ones before it are done."""
        for i in range(max(self._current, 0), min(done, len(self.bars))):
            self._finish_row(i)
            if self._row(i).text(2) == self.tr("importing…"):
                self._row(i).setText(2, self.tr("read"))
        if done < len(self.bars) and name:
            self._current = done
            self.bars[done].setRange(0, 0)  # busy: a file's parsing has no finer progress
            self._row(done).setText(2, self.tr("importing…"))
            self.files.scrollToItem(self._row(done))
        self.summary.setText(self.tr("{0} of {1} file(s)").format(min(done, total), total))

    def on_finished(self, result: Any) -> None:
        """Show each file's outcome: imported, already there, or the error naming it."""
        errors = {e.split(":", 1)[0].strip(): translate_error(e).split(":", 1)[1].strip() if ":" in e else e
                  for e in result.errors}
        reused = {s.title for s in result.reused}
        outcomes = list(getattr(result, "outcomes", ()))
        for i, name in enumerate(self.names):
            self._finish_row(i)
            item = self._row(i)
            if len(outcomes) == len(self.names):  # one outcome per file, in order: no matching by name
                self._show_outcome(item, i, outcomes[i])
            elif name in errors:
                item.setText(2, self.tr("error: {0}").format(errors[name]))
                item.setToolTip(2, errors[name])
                self.bars[i].setValue(0)
            elif item.text(2) in (self.tr("read"), self.tr("importing…"), self.tr("waiting")):
                item.setText(2, self.tr("imported"))
        self.summary.setText(self.tr("Imported {0}, already there {1}, failed {2}").format(
            len(result.added), len(reused), len(result.errors)))
        self._done()

    def _show_outcome(self, item: QTreeWidgetItem, i: int, outcome: Any) -> None:
        if outcome.status == "failed":
            reason = outcome.error.split(": ", 1)[1] if ": " in outcome.error else outcome.error
            item.setText(2, self.tr("error: {0}").format(reason))
            item.setToolTip(2, outcome.error)
            self.bars[i].setValue(0)
        elif outcome.status == "reused":
            item.setText(2, self.tr("already imported"))
        elif outcome.warnings:
            item.setText(2, self.tr("imported, with notes: {0}").format("; ".join(outcome.warnings)))
            item.setToolTip(2, "\n".join(outcome.warnings))
        else:
            item.setText(2, self.tr("imported"))

    def on_failed(self, message: str) -> None:
        """The whole task failed (not one file)."""
        self.summary.setText(message)
        self._done()

    def on_cancelled(self) -> None:
        """Stopped by the user: files not reached stay as they were."""
        for i in range(len(self.names)):
            if self._row(i).text(2) in (self.tr("waiting"), self.tr("importing…")):
                self._row(i).setText(2, self.tr("cancelled"))
                self.bars[i].setRange(0, 1)
        self.summary.setText(self.tr("Import cancelled; files already imported stay."))
        self._done()

    def _cancel(self) -> None:
        if self.buttons.standardButtons() & QDialogButtonBox.StandardButton.Cancel:
            self.task.cancel()
            self.summary.setText(self.tr("Cancelling after the current file…"))
        else:
            self.accept()

    def _done(self) -> None:
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.accept)
