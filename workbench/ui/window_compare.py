"""The window's comparison views: findings shown side by side, aligned passages, counterparts.

:class:`CompareController` is built by :class:`~workbench.ui.main_window.MainWindow` with what it drives: the
reading area, the claim editor, the sources list model, the window's left column (to make room for panes), and
three callbacks (load a pane, select a claim, run an undoable operation). It keeps the last comparison's boilerplate
and aligned passages and shows them on the panes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QWidget

from workbench.core.values import ClaimInfo
from workbench.services.operations import CreateClaim, Operation
from workbench.ui.models.simple_models import SourcesModel
from workbench.ui.panels.claim_editor import ClaimEditor
from workbench.ui.panels.reading_area import ReadingArea, SourcePane

RunOp = Callable[..., Any]
"""``run_op(text, operation, *, merge_key=None, on_done=None)``: one undoable user action (see ``UndoController``)."""
Status = Callable[[str, int], None]
"""``status(message, milliseconds)``: a note in the status bar."""
Span = tuple[int, int, int]


class CompareController(QObject):
    """Comparison results in the panes, the sources list and the claim editor."""

    MAX_PANES = 4
    """A finding never makes the reading area hold more panes than this (it reuses its own added panes)."""
    PANE_ROOM = 150
    """Width (px) a pane needs: a finding adds no pane the reading area has no room for (the window never grows)."""

    def __init__(self, *, host: QMainWindow, centre: QWidget, sources_dock: QDockWidget, reading: ReadingArea,
                 editor: ClaimEditor, sources_model: SourcesModel, result: Callable[[], dict[str, Any] | None],
                 load_pane: Callable[[SourcePane, int], None], select_claim: Callable[[int], None],
                 run_op: RunOp, status: Status, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.centre = centre
        self.sources_dock = sources_dock
        self.reading = reading
        self.editor = editor
        self.sources_model = sources_model
        self.result = result
        self.load_pane = load_pane
        self.select_claim = select_claim
        self.run_op = run_op
        self.status = status
        self.boilerplate: dict[int, list[tuple[int, int]]] = {}
        self.aligned: dict[int, list[tuple[int, int, int, int]]] = {}
        """source -> [(start, end, other source, other start)] of the last comparison."""
        self.finding_panes: list[SourcePane] = []
        """Panes added to show the last finding (reused by the next one)."""

    def clear(self) -> None:
        """Forget the comparison (another dossier was opened)."""
        self.boilerplate, self.aligned = {}, {}
        self.reading.counterparts = None
        self.sources_model.set_flags({})
        self.finding_panes = []  # the old dossier's panes are gone

    def comparison_done(self, data: dict[str, Any]) -> None:
        """Badges in the sources list; boilerplate lines greyed in the panes."""
        flags = {s["source_id"]: list(s["flags"]) for s in data["sources"]}
        self.sources_model.set_flags(flags)
        self.boilerplate = {s["source_id"]: [(b["start"], b["end"]) for b in s.get("boilerplate", [])]
                            for s in data["sources"]}
        # source -> [(start, end, other source, other start)]
        self.aligned = {}
        for a in data["alignments"]:
            for mine, other in ((a["a"], a["b"]), (a["b"], a["a"])):
                self.aligned.setdefault(mine["source_id"], []).append(
                    (mine["start"], mine["end"], other["source_id"], other["start"]))
        for spans in self.aligned.values():
            spans.sort()
        self.reading.counterparts = self.aligned_offsets
        self.editor.set_reuse([(r["a"]["source_id"], r["b"]["source_id"], r["chars"]) for r in data["reuse"]
                               if r["a"]["source_id"] != r["b"]["source_id"]])
        for pane in self.reading.panes():
            if pane.source_id is not None:
                self.decorate_pane(pane)

    def aligned_offsets(self, source_id: int, offset: int) -> dict[int, int]:
        """For the first aligned passage at or after ``offset`` in a source: where each other source has it."""
        out: dict[int, int] = {}
        for start, end, other, other_start in self.aligned.get(source_id, []):
            if end > offset:
                if other not in out:
                    out[other] = other_start
                if start > offset + 2000:
                    break
        return out

    def decorate_pane(self, pane: SourcePane) -> None:
        """Comparison results on a pane: boilerplate greyed, aligned passages in the margin."""
        sid = pane.source_id
        if sid is None:
            return
        pane.view.replace_claim_marks(-1, [(a, b, "boilerplate", "#999999", 0)
                                           for a, b in self.boilerplate.get(sid, [])])
        pane.view.set_alignments([(s, e) for s, e, _o, _os in self.aligned.get(sid, [])])

    def claim_from_pair(self, a: Span, b: Span) -> int | None:
        """One claim with two appearances (an aligned pair or a discrepancy), undoable."""

        def shown(claim: ClaimInfo) -> None:
            cid = claim.id
            for pane in self.reading.panes():
                pane.view.clear_flash()
            self.select_claim(cid)
            for sid, start, end in (a, b):  # every pane of either source shows the new appearance
                if self.reading.pane_for(sid) is None:
                    self.reading.add_pane(sid)
                for pane in self.reading.panes():
                    if pane.source_id == sid:
                        pane.view.show_range(start, end, flash=False)

        # one claim, two appearances: one transaction (a failure leaves no claim with one appearance)
        op: Operation[ClaimInfo] = CreateClaim((a, b))
        claim = self.run_op(self.tr("Claim from pair"), op, on_done=shown)
        return claim.id if claim is not None else None

    def show_spans_side_by_side(self, spans: list[dict[str, Any]]) -> None:
        """Show a finding's spans, each source in one pane, and keep them marked until the next finding.

        The user's panes are never taken away: a source already open is scrolled where it is; another one opens in
        an added pane, and the panes added for the previous finding are reused (so findings do not pile up panes).
        """
        for open_pane in self.reading.panes():
            open_pane.view.clear_flash()
        by_source: dict[int, list[tuple[int, int]]] = {}
        for span in spans:
            by_source.setdefault(span["source_id"], []).append((span["start"], span["end"]))
        added: list[SourcePane] = [p for p in self.finding_panes if p in self.reading.panes()]
        spare = [p for p in added if p.source_id not in by_source]
        shown: list[tuple[SourcePane, list[tuple[int, int]]]] = []
        width_before = self.host.width()
        room = max(self.centre.width(), self.reading.width())
        user_panes = len(self.reading.panes()) - len(added)
        need = max([self.PANE_ROOM, *(p.minimumSizeHint().width() + 6 for p in self.reading.panes())])
        wanted = min(self.MAX_PANES, user_panes + sum(1 for sid in by_source if self.reading.pane_for(sid) is None))
        if wanted * need > room:  # make room from the left column first (the window itself must not grow)
            left = self.sources_dock.width()
            spare_px = max(0, left - self.sources_dock.minimumSizeHint().width())
            give = min(spare_px, wanted * need - room)
            if give:
                self.host.resizeDocks([self.sources_dock], [left - give], Qt.Orientation.Horizontal)
                QApplication.processEvents()  # applied before the new pane asks for its width
                room = max(self.centre.width(), self.reading.width())
        limit = min(self.MAX_PANES, max(user_panes + 1, room // need))  # one added pane at least: it must show
        for sid, ranges in by_source.items():
            pane: SourcePane | None = self.reading.pane_for(sid)
            if pane is None:
                if spare:
                    pane = spare.pop(0)
                    self.load_pane(pane, sid)
                elif len(self.reading.panes()) < limit:
                    pane = self.reading.add_pane(sid)
                    added.append(pane)
                elif added:  # full: the last added pane shows this source
                    pane = added[-1]
                    self.load_pane(pane, sid)
                else:
                    continue
            shown.append((pane, ranges))
        for pane in spare:  # panes added for the previous finding that this one does not need
            self.reading.remove_pane(pane)
            added.remove(pane)
        self.finding_panes = added
        for pane, ranges in shown:
            pane.view.keep_marked(ranges)
        self._keep_width(width_before)

    def _keep_width(self, width: int) -> None:
        """Added panes must not push the window past its size: the left column gives the pixels back."""
        QApplication.processEvents()  # let the layout take the new panes
        overflow = self.host.width() - width
        if overflow > 0:
            left = self.sources_dock.width()
            self.host.resizeDocks([self.sources_dock],
                                  [max(self.sources_dock.minimumSizeHint().width(), left - overflow)],
                                  Qt.Orientation.Horizontal)
            self.host.resize(width, self.host.height())

    def counterparts(self) -> list[dict[str, Any]]:
        """Aligned passages of other sources for the cursor position in the current pane (after a comparison)."""
        data = self.result()
        pane = self.reading.current
        if not data or pane is None or pane.source_id is None:
            return []
        pos = pane.view.selection_cp()
        cursor = pos[0] if pos else pane.view.cursor_cp()
        out = []
        for a in data["alignments"]:
            for mine, other in ((a["a"], a["b"]), (a["b"], a["a"])):
                if mine["source_id"] == pane.source_id and mine["start"] <= cursor < mine["end"]:
                    out.append({"mine": mine, "other": other, "score": a["score"]})
        return sorted(out, key=lambda x: -x["score"])

    def show_counterpart_at(self, pane: SourcePane, cp: int) -> None:
        """The aligned passage clicked in a pane's margin, shown beside it."""
        self.reading.set_current(pane)
        pane.view.select_cp(cp, cp)
        self.show_counterpart()

    def show_counterpart(self) -> None:
        """Show the best aligned passage of another source next to the current one."""
        found = self.counterparts()
        if not found:
            self.status(self.tr("No aligned passage here (run Compare first)."), 4000)
            return
        self.show_spans_side_by_side([found[0]["mine"], found[0]["other"]])
