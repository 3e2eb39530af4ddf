"""The Compare panel: discrepancies by kind, text reuse, recycled sources and aligned passages.

Runs the comparison in the background (progress + cancel in the status bar). Activating a finding shows its spans
side by side (first span in the left pane, second in the next); "Claim from this pair" turns an alignment or a
discrepancy into one claim with two appearances. Nothing is stored until the user asks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTreeView, QVBoxLayout, QWidget

from workbench.core.i18n import translate
from workbench.core.values import SourceInfo
from workbench.services.store import Store
from workbench.ui.i18n import translate_note
from workbench.ui.models.findings_model import Finding, FindingsModel, Group
from workbench.ui.tasks import TaskRunner

KIND_LABELS = {
    "number": QT_TRANSLATE_NOOP("ComparePanel", "Figures and amounts"),
    "count": QT_TRANSLATE_NOOP("ComparePanel", "Counts and ordinals"),
    "date": QT_TRANSLATE_NOOP("ComparePanel", "Dates"),
    "participant": QT_TRANSLATE_NOOP("ComparePanel", "Who spoke / who said it"),
    "quote_wording": QT_TRANSLATE_NOOP("ComparePanel", "Quote wording"),
    "other": QT_TRANSLATE_NOOP("ComparePanel", "Other"),
}


def _short(text: str, limit: int) -> str:
    """``text`` cut in its middle to ``limit`` characters (both ends of a quote say the most)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


@dataclass(frozen=True)
class CompareDeps:
    """What the Compare panel needs, and nothing more (not the window)."""

    store: Store
    runner: TaskRunner
    dossier_id: Callable[[], int]
    """The open dossier (it changes when another one is opened)."""
    sources: Callable[[], Mapping[int, SourceInfo]]
    language: str
    show_spans: Callable[[list[dict[str, Any]]], None]
    """Show a finding's spans side by side in the reading area."""
    claim_from_pair: Callable[[tuple[int, int, int], tuple[int, int, int]], int | None]
    """Run the "claim with two appearances" operation."""
    show_error: Callable[[str], None]


class ComparePanel(QWidget):
    """Lists what the comparison found and jumps the panes to it."""

    sig_result = Signal(object)
    """A comparison finished: the JSON-like result dict."""

    def __init__(self, deps: CompareDeps) -> None:
        super().__init__()
        self.deps = deps
        self.model = FindingsModel()
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)  # findings on two lines: the compared values, then the engine's note
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.summary = QLabel(self.tr("Compare the dossier's sources to find contradictions and copies."))
        self.summary.setWordWrap(True)
        self.run_button = QPushButton(self.tr("Compare sources"))
        self.claim_button = QPushButton(self.tr("Claim from this pair"))
        self.claim_button.setEnabled(False)
        row = QVBoxLayout()  # stacked: two buttons side by side make the dock too wide for a 1366 px screen
        row.setSpacing(2)
        row.addWidget(self.run_button)
        row.addWidget(self.claim_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(row)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)
        self.run_button.clicked.connect(self.run)
        self.view.activated.connect(self._show)
        self.view.clicked.connect(self._show)
        self.claim_button.clicked.connect(self.claim_from_current)
        self.result: dict[str, Any] | None = None

    def run(self) -> None:
        """Start the comparison in the background."""
        from workbench.services import compare

        store, dossier_id, language = self.deps.store, self.deps.dossier_id(), self.deps.language
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Comparing…"))

        def work(progress: Any, cancelled: Any) -> dict[str, Any]:
            result = compare.run(store, dossier_id, progress=lambda d, t: progress(d, t, ""), cancel=cancelled,
                                 language=language)
            return result.to_json()

        task = self.deps.runner.start(self.tr("Compare"), work, self.show_result, self._failed)
        task.sig_cancelled.connect(lambda: (self.run_button.setEnabled(True), self.summary.setText(
            self.tr("Comparison cancelled."))))

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.summary.setText(message)
        self.deps.show_error(message)

    def show_result(self, data: dict[str, Any]) -> None:
        """Fill the tree from a comparison result."""
        from workbench.io.report import format_date  # report wording, loaded with the first result (not at start-up)
        from workbench.io.report_text import name_sources, value_words

        self.run_button.setEnabled(True)
        self.result = data
        titles = {sid: s.outlet or s.title for sid, s in self.deps.sources().items()}

        def name(span: dict[str, Any]) -> str:
            return titles.get(span["source_id"], self.tr("source {0}").format(span["source_id"]))

        def score(value: Any) -> str:  # the interface's decimal sign: 0,67 in French
            return QLocale().toString(float(value), "f", 2)

        def note_text(note: str) -> str:  # "la source 3", "sources 2, 3" -> their names, then phrases translated
            return translate_note(name_sources(note or "", titles, self.deps.language))

        def value(s: dict[str, Any]) -> str:  # in the interface language; "" when it repeats the passage
            shown = value_words(str(s.get("value") or ""), self.deps.language, format_date, s["exact"])
            return f" = {shown}" if shown else ""

        def discrepancy(d: dict[str, Any], kind: str) -> Finding:
            sides = " ≠ ".join(f"{name(s)} « {_short(s['exact'], 60)} »" for s in d["spans"][:3])
            note = note_text(d.get("note", ""))
            details = "\n".join(f"{name(s)}: « {s['exact']} »{value(s)}" for s in d["spans"])
            tail = f"\n{note}" if note else ""
            return Finding(sides + tail, d["spans"], kind, details + tail)

        groups: list[Group] = []
        for kind, label in KIND_LABELS.items():
            items = [d for d in data["discrepancies"] if d["kind"] == kind]
            if items:
                groups.append(Group(QCoreApplication.translate("ComparePanel", label),
                                    [discrepancy(d, kind) for d in items]))
        flagged = []
        for s in data["sources"]:
            flags = [f for f in s["flags"] if f != "boilerplate"]
            for flag in flags:
                spans = s.get("evidence", {}).get(flag, [])
                note = note_text(s.get("note") or "")
                shown_flag = translate("Compare", flag, self.deps.language)
                text = f"{titles.get(s['source_id'], s['source_id'])}: {shown_flag}" + (f" — {note}" if note else "")
                flagged.append(Finding(text, spans, flag, text))
        if flagged:
            groups.append(Group(self.tr("Recycled and relayed sources"), flagged))
        relation = {"copy": self.tr("copy"), "translation": self.tr("translation"),
                    "common-source": self.tr("common source")}
        def reuse_text(r: dict[str, Any]) -> str:
            if r["a"]["source_id"] == r["b"]["source_id"]:  # a page that holds its own original (or a copy of itself)
                said = self.tr("{0} gives the same passage twice ({1} characters)").format(name(r["a"]), r["chars"])
            else:
                said = self.tr("{0} repeats {1} characters of {2}").format(name(r["b"]), r["chars"], name(r["a"]))
            return said + f" ({relation.get(r.get('relation', 'copy'), r.get('relation', ''))})"

        if data["reuse"]:
            groups.append(Group(self.tr("Copied passages"), [
                Finding(reuse_text(r), [r["a"], r["b"]], "reuse", r.get("evidence", "")) for r in data["reuse"]]))
        boiler = [Finding(f"{titles.get(s['source_id'], s['source_id'])}: « {b['exact'][:80]} »", [b], "boilerplate")
                  for s in data["sources"] for b in s.get("boilerplate", [])]
        if boiler:
            groups.append(Group(self.tr("Boilerplate (not the article)"), boiler))
        if data["alignments"]:
            groups.append(Group(self.tr("Aligned passages"), [
                Finding(f"{score(a['score'])} · {name(a['a'])} ↔ {name(a['b'])}: {a['a']['exact'][:70]}"
                        + (self.tr(" (recycled: another event)") if a.get("relation") == "recycled" else ""),
                        [a["a"], a["b"]], "alignment") for a in data["alignments"]]))
        self.model.set_groups(groups)
        for row in range(min(len(groups), 4)):
            self.view.expand(self.model.index(row, 0))
        self.summary.setText(self.tr("{0} discrepancies, {1} copied passages, {2} aligned passages; event date {3}.")
                             .format(len(data["discrepancies"]), len(data["reuse"]), len(data["alignments"]),
                                     data.get("event_date") or "?"))
        self.sig_result.emit(data)

    def _show(self, index: Any) -> None:
        finding = self.model.finding(index)
        self.claim_button.setEnabled(finding is not None and len({s["source_id"] for s in (finding.spans or [])}) > 1)
        if finding is None or not finding.spans:
            return
        self.deps.show_spans(finding.spans)

    def current_finding(self) -> Finding | None:
        """The selected finding."""
        return self.model.finding(self.view.currentIndex())

    def claim_from_current(self) -> int | None:
        """Turn the selected pair into one claim with two appearances (undoable)."""
        finding = self.current_finding()
        if finding is None:
            return None
        first = finding.spans[0]
        second = next((s for s in finding.spans[1:] if s["source_id"] != first["source_id"]), None)
        if second is None:
            return None
        return self.deps.claim_from_pair((first["source_id"], first["start"], first["end"]),
                                           (second["source_id"], second["start"], second["end"]))
