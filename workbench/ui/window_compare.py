"""The window's comparison views: findings shown side by side, aligned passages, counterparts.

A mixin of :class:`~workbench.ui.main_window.MainWindow` (kept apart so the window stays readable); it uses the
window's reading area, editor, store and undo helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.ui.panels.reading_area import SourcePane


class CompareViewMixin:
    """Comparison results in the panes, the sources list and the claim editor."""

    def _comparison_done(self, data: dict[str, Any]) -> None:
        """Badges in the sources list; boilerplate lines greyed in the panes."""
        flags = {s["source_id"]: list(s["flags"]) for s in data["sources"]}
        self.sources_model.set_flags(flags)
        self.boilerplate = {s["source_id"]: [(b["start"], b["end"]) for b in s.get("boilerplate", [])]
                            for s in data["sources"]}
        # source -> [(start, end, other source, other start)]
        self.aligned: dict[int, list[tuple[int, int, int, int]]] = {}
        for a in data["alignments"]:
            for mine, other in ((a["a"], a["b"]), (a["b"], a["a"])):
                self.aligned.setdefault(mine["source_id"], []).append(
                    (mine["start"], mine["end"], other["source_id"], other["start"]))
        for spans in self.aligned.values():
            spans.sort()
        self.reading.counterparts = self._aligned_offsets
        self.editor.reuse = [(r["a"]["source_id"], r["b"]["source_id"], r["chars"]) for r in data["reuse"]
                             if r["a"]["source_id"] != r["b"]["source_id"]]
        if self.editor.claim is not None:
            self.editor._show_independence(self.editor.claim)
        for pane in self.reading.panes():
            if pane.source_id is not None:
                self._decorate_pane(pane)

    def _aligned_offsets(self, source_id: int, offset: int) -> dict[int, int]:
        """For the first aligned passage at or after ``offset`` in a source: where each other source has it."""
        out: dict[int, int] = {}
        for start, end, other, other_start in self.aligned.get(source_id, []):
            if end > offset:
                if other not in out:
                    out[other] = other_start
                if start > offset + 2000:
                    break
        return out

    def _decorate_pane(self, pane: SourcePane) -> None:
        """Comparison results on a pane: boilerplate greyed, aligned passages in the margin."""
        sid = pane.source_id
        pane.view.replace_claim_marks(-1, [(a, b, "boilerplate", "#999999", 0)
                                           for a, b in self.boilerplate.get(sid, [])])
        pane.view.set_alignments([(s, e) for s, e, _o, _os in self.aligned.get(sid, [])])

    def claim_from_pair(self, a: tuple[int, int, int], b: tuple[int, int, int]) -> int | None:
        """One claim with two appearances (an aligned pair or a discrepancy), undoable."""
        from workbench.services.operations import CreateClaim

        def shown(claim: Any) -> None:
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
        claim = self.run_op(self.tr("Claim from pair"), CreateClaim((a, b)), on_done=shown)
        return claim.id if claim is not None else None

    MAX_PANES = 4
    """A finding never makes the reading area hold more panes than this (it reuses its own added panes)."""
    PANE_ROOM = 150
    """Width (px) a pane needs: a finding adds no pane the reading area has no room for (the window never grows)."""

    def show_spans_side_by_side(self, spans: list[dict[str, Any]]) -> None:
        """Show a finding's spans, each source in one pane, and keep them marked until the next finding.

        The user's panes are never taken away: a source already open is scrolled where it is; another one opens in
        an added pane, and the panes added for the previous finding are reused (so findings do not pile up panes).
        """
        for pane in self.reading.panes():
            pane.view.clear_flash()
        by_source: dict[int, list[tuple[int, int]]] = {}
        for span in spans:
            by_source.setdefault(span["source_id"], []).append((span["start"], span["end"]))
        added: list[SourcePane] = [p for p in getattr(self, "_finding_panes", []) if p in self.reading.panes()]
        spare = [p for p in added if p.source_id not in by_source]
        shown: list[tuple[SourcePane, list[tuple[int, int]]]] = []
        width_before = self.width()
        room = max(self.centre.width(), self.reading.width())
        user_panes = len(self.reading.panes()) - len(added)
        need = max([self.PANE_ROOM, *(p.minimumSizeHint().width() + 6 for p in self.reading.panes())])
        wanted = min(self.MAX_PANES, user_panes + sum(1 for sid in by_source if self.reading.pane_for(sid) is None))
        if wanted * need > room:  # make room from the left column first (the window itself must not grow)
            from PySide6.QtCore import Qt

            left = self.sources_dock.width()
            spare_px = max(0, left - self.sources_dock.minimumSizeHint().width())
            give = min(spare_px, wanted * need - room)
            if give:
                from PySide6.QtWidgets import QApplication

                self.resizeDocks([self.sources_dock], [left - give], Qt.Orientation.Horizontal)
                QApplication.processEvents()  # applied before the new pane asks for its width
                room = max(self.centre.width(), self.reading.width())
        limit = min(self.MAX_PANES, max(user_panes + 1, room // need))  # one added pane at least: it must show
        for sid, ranges in by_source.items():
            pane = self.reading.pane_for(sid)
            if pane is None:
                if spare:
                    pane = spare.pop(0)
                    self._load_pane(pane, sid)
                elif len(self.reading.panes()) < limit:
                    pane = self.reading.add_pane(sid)
                    added.append(pane)
                elif added:  # full: the last added pane shows this source
                    pane = added[-1]
                    self._load_pane(pane, sid)
                else:
                    continue
            shown.append((pane, ranges))
        for pane in spare:  # panes added for the previous finding that this one does not need
            self.reading.remove_pane(pane)
            added.remove(pane)
        self._finding_panes = added
        for pane, ranges in shown:
            pane.view.keep_marked(ranges)
        self._keep_width(width_before)

    def _keep_width(self, width: int) -> None:
        """Added panes must not push the window past its size: the left column gives the pixels back."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()  # let the layout take the new panes
        overflow = self.width() - width
        if overflow > 0:
            left = self.sources_dock.width()
            self.resizeDocks([self.sources_dock], [max(self.sources_dock.minimumSizeHint().width(), left - overflow)],
                             Qt.Orientation.Horizontal)
            self.resize(width, self.height())

    def counterparts(self) -> list[dict[str, Any]]:
        """Aligned passages of other sources for the cursor position in the current pane (after a comparison)."""
        data = self.compare_panel.result
        pane = self.reading.current
        if not data or pane is None or pane.source_id is None:
            return []
        pos = pane.view.selection_cp()
        cursor = pos[0] if pos else pane.view._map.to_cp(pane.view.textCursor().position())
        out = []
        for a in data["alignments"]:
            for mine, other in ((a["a"], a["b"]), (a["b"], a["a"])):
                if mine["source_id"] == pane.source_id and mine["start"] <= cursor < mine["end"]:
                    out.append({"mine": mine, "other": other, "score": a["score"]})
        return sorted(out, key=lambda x: -x["score"])

    def _show_counterpart_at(self, pane: SourcePane, cp: int) -> None:
        self.reading._set_current(pane)
        pane.view.select_cp(cp, cp)
        self.show_counterpart()

    def show_counterpart(self) -> None:
        """Show the best aligned passage of another source next to the current one."""
        found = self.counterparts()
        if not found:
            self.statusBar().showMessage(self.tr("No aligned passage here (run Compare first)."), 4000)
            return
        self.show_spans_side_by_side([found[0]["mine"], found[0]["other"]])
