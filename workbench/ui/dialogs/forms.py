"""Small dialogs. Each has a classmethod ``ask()`` returning the user's answer or None (tests monkeypatch it)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.core.values import SourceInfo


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _date_or_none(text: str) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


class SourceMetadataDialog(QDialog):
    """Review and correct a source's metadata (the text itself never changes)."""

    FIELDS = ("title", "outlet", "author", "published", "url", "language", "reliability_note")

    def __init__(self, parent: QWidget | None, info: SourceInfo) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Source metadata"))
        self.info = info
        form = QFormLayout()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        labels = {"title": self.tr("Title"), "outlet": self.tr("Outlet"), "author": self.tr("Author"),
                  "published": self.tr("Published (YYYY-MM-DD)"), "url": self.tr("URL"),
                  "language": self.tr("Language"), "reliability_note": self.tr("Reliability note")}
        for name in self.FIELDS:
            value = getattr(info, name)
            if name == "reliability_note":
                w: QLineEdit | QPlainTextEdit = QPlainTextEdit(value)
                w.setMaximumHeight(90)
            else:
                w = QLineEdit(value.isoformat() if isinstance(value, dt.date) else (value or ""))
            self.edits[name] = w
            form.addRow(labels[name], w)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_buttons(self))

    def values(self) -> dict[str, Any]:
        """Changed fields only."""
        out: dict[str, Any] = {}
        for name, w in self.edits.items():
            text = w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text().strip()
            value: Any = _date_or_none(text) if name == "published" else text
            if value != getattr(self.info, name):
                out[name] = value
        return out

    @classmethod
    def ask(cls, parent: QWidget | None, info: SourceInfo) -> dict[str, Any] | None:
        """Show the dialog; changed fields or None."""
        dialog = cls(parent, info)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


class PasteSourceDialog(QDialog):
    """Paste a text as a new source, typing its metadata."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Paste a source"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Paste the text here"))
        self.title = QLineEdit()
        self.outlet = QLineEdit()
        self.author = QLineEdit()
        self.published = QLineEdit(placeholderText=self.tr("YYYY-MM-DD"))
        self.url = QLineEdit()
        self.language = QLineEdit()
        form = QFormLayout()
        for label, w in ((self.tr("Title"), self.title), (self.tr("Outlet"), self.outlet),
                         (self.tr("Author"), self.author), (self.tr("Published"), self.published),
                         (self.tr("URL"), self.url), (self.tr("Language"), self.language)):
            form.addRow(label, w)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addLayout(form)
        lay.addWidget(_buttons(self))
        self.resize(640, 520)

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, dict[str, Any]] | None:
        """(text, metadata) or None."""
        d = cls(parent)
        if d.exec() != QDialog.DialogCode.Accepted or not d.text.toPlainText().strip():
            return None
        meta = {"title": d.title.text().strip(), "outlet": d.outlet.text().strip(), "author": d.author.text().strip(),
                "published": _date_or_none(d.published.text()), "url": d.url.text().strip(),
                "language": d.language.text().strip()}
        return d.text.toPlainText(), meta


class ExternalReferenceDialog(QDialog):
    """Cite something outside the dossier: URL, title, publisher, dates, archive, quoted passage."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cite an external reference"))
        self.stance = QComboBox()
        for key, label in (("supports", self.tr("Supports")), ("refutes", self.tr("Refutes")),
                           ("context", self.tr("Context"))):
            self.stance.addItem(label, key)
        self.url = QLineEdit(placeholderText="https://")
        self.title = QLineEdit()
        self.publisher = QLineEdit()
        self.published = QLineEdit(placeholderText=self.tr("YYYY-MM-DD"))
        self.accessed = QLineEdit(dt.date.today().isoformat())
        self.archive_url = QLineEdit(placeholderText="https://web.archive.org/…")
        self.quoted = QPlainTextEdit()
        self.quoted.setMaximumHeight(90)
        self.note = QLineEdit()
        form = QFormLayout()
        for label, w in ((self.tr("Stance"), self.stance), (self.tr("URL"), self.url), (self.tr("Title"), self.title),
                         (self.tr("Publisher"), self.publisher), (self.tr("Published"), self.published),
                         (self.tr("Accessed"), self.accessed), (self.tr("Archive URL"), self.archive_url),
                         (self.tr("Quoted passage"), self.quoted), (self.tr("Note"), self.note)):
            form.addRow(label, w)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_buttons(self))

    @classmethod
    def ask(cls, parent: QWidget | None) -> tuple[str, dict[str, Any]] | None:
        """(stance, fields) or None."""
        d = cls(parent)
        if d.exec() != QDialog.DialogCode.Accepted:
            return None
        return d.stance.currentData(), {
            "url": d.url.text().strip(), "title": d.title.text().strip(), "publisher": d.publisher.text().strip(),
            "published": _date_or_none(d.published.text()), "accessed": _date_or_none(d.accessed.text()),
            "archive_url": d.archive_url.text().strip(), "quoted": d.quoted.toPlainText(), "note": d.note.text(),
        }


class RelateDialog(QDialog):
    """Link the current claim to another one: same as, contradicts, supports."""

    def __init__(self, parent: QWidget | None, claims: list[Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Link to another claim"))
        self.kind = QComboBox()
        for key, label in (("same-as", self.tr("is the same claim as")), ("contradicts", self.tr("contradicts")),
                           ("supports", self.tr("supports"))):
            self.kind.addItem(label, key)
        self.other = QComboBox()
        for c in claims:
            self.other.addItem(f"#{c.id} · {c.statement[:80]}", c.id)
        form = QFormLayout()
        form.addRow(self.tr("This claim"), self.kind)
        form.addRow(self.tr("Other claim"), self.other)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(_buttons(self))

    @classmethod
    def ask(cls, parent: QWidget | None, claims: list[Any]) -> tuple[int, str] | None:
        """(other claim id, kind) or None."""
        d = cls(parent, claims)
        if d.exec() != QDialog.DialogCode.Accepted or d.other.currentData() is None:
            return None
        return int(d.other.currentData()), str(d.kind.currentData())


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard shortcuts: every action with its key."""

    def __init__(self, parent: QWidget | None, rows: list[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        table = QTableWidget(len(rows), 2)  # a read-only listing, not domain data
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        for i, (text, key) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(text))
            table.setItem(i, 1, QTableWidgetItem(key))
        table.resizeColumnsToContents()
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table = table
        lay = QVBoxLayout(self)
        lay.addWidget(table)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.resize(520, 600)
