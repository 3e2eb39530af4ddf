"""A verdict change refreshes what changed and nothing else (issue 12: key press to repainted window ≤ 30 ms).

Each test fails if an edit goes back to work the profile showed it did for nothing: reloading the sources list,
rebuilding the editor's evidence / appearance / relation lists, signalling every cell of the claim's row, or
repainting a source pane's whole viewport for one highlight's colour.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject

from workbench.services import claims as claims_svc
from workbench.services import operations as ops
from workbench.services import sources as sources_svc
from workbench.ui import main_window as main_window_module


def test_a_verdict_edit_refreshes_only_the_verdict(window, store, dossier, monkeypatch):
    source_id = sources_svc.list_all(store, dossier.id)[0].id
    claim = claims_svc.create(store, source_id, 0, 8)
    window.refresh_all()
    window.open_sources([source_id])
    window.select_claim(claim.id)
    listed: list[int] = []
    real_list = sources_svc.list_all
    monkeypatch.setattr(main_window_module.sources_svc, "list_all",
                        lambda st, did: listed.append(did) or real_list(st, did))
    filled: list[int] = []
    real_fill = window.editor._fill_lists
    monkeypatch.setattr(window.editor, "_fill_lists", lambda c: filled.append(c.id) or real_fill(c))
    cells: list[tuple[int, int, int]] = []
    window.claims_model.dataChanged.connect(
        lambda top, bottom, _roles=(): cells.append((top.row(), top.column(), bottom.column())))
    verdict = dossier.scale.verdicts[0].key

    window.edit_claim_field(claim.id, "verdict", verdict)
    assert window.editor.claim.verdict == verdict
    row = window.claims_model.row_of(claim.id)
    assert cells == [(row, 2, 2)]  # the verdict cell only, not the row's seven
    assert filled == [] and listed == []  # lists and sources list left as they were
    assert window.claims_model.data(window.claims_model.index(row, 2)) != "—"
    pane = window.reading.panes()[0]
    (mark,) = [m for m in pane.view.marks() if m.claim_id == claim.id]
    assert mark.color == dossier.scale.get(verdict).color  # the highlight took the verdict's colour

    window.run_op("Add appearance", ops.AddAppearance(claim.id, source_id, 10, 20))  # the lists do change now
    assert filled == [claim.id] and window.editor.appearances.count() == 2
    window.edit_claim_field(claim.id, "statement", "Another statement")
    assert cells[-1] == (row, 1, 1)  # the statement cell (its tooltip holds the statement too)
    assert filled == [claim.id]


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.regions: list = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.regions.append(event.region().boundingRect())
        return False


def test_a_highlight_colour_change_repaints_its_block_not_the_viewport(qtbot):
    from workbench.ui.panels.source_view import SourceView

    view = SourceView()
    qtbot.addWidget(view)
    view.resize(420, 600)
    view.show()
    qtbot.waitExposed(view)
    text = "".join(f"Ligne {i} : rien à signaler ce jour-là.\n" for i in range(400))
    start = text.index("Ligne 3 ")
    view.set_content(text, [(start, start + 7, 1, "appearance", "#ff0000", 1)])
    qtbot.waitUntil(lambda: view.viewport().visibleRegion().boundingRect().height() > 0)
    paints = _Paints()
    view.viewport().installEventFilter(paints)
    qtbot.wait(1)  # nothing left to paint from setting the text
    paints.regions.clear()

    view.replace_claim_marks(1, [(start, start + 7, "appearance", "#00aa00", 1)])
    qtbot.waitUntil(lambda: bool(paints.regions))
    block = view.document().findBlock(start)
    (fmt,) = block.layout().formats()
    assert fmt.format.background().color().name() == "#00aa00"
    shown = view.blockBoundingGeometry(block).translated(view.contentOffset()).toAlignedRect()
    assert all(r.height() < view.viewport().height() // 4 for r in paints.regions), paints.regions
    assert any(r.intersects(shown) for r in paints.regions)

    paints.regions.clear()
    far = text.index("Ligne 390 ")  # out of sight: formats set, nothing repainted
    view.replace_claim_marks(2, [(far, far + 5, "appearance", "#0000ff", 2)])
    assert [r.length for r in view.document().findBlock(far).layout().formats()] == [5]
    qtbot.wait(5)
    assert paints.regions == []


def test_italic_boilerplate_still_takes_qts_full_relayout(qtbot):
    from workbench.ui.panels.source_view import SourceView

    view = SourceView()
    qtbot.addWidget(view)
    text = "Menu Accueil Contact\nLe préfet a parlé.\n"
    view.set_content(text, [(0, 20, 0, "boilerplate", "", 0)])
    (fmt,) = view.document().firstBlock().layout().formats()
    assert fmt.format.fontItalic()
    view.replace_claim_marks(0, [])
    assert view.document().firstBlock().layout().formats() == []


def test_the_threaded_runner_lets_the_gui_thread_in_within_a_millisecond(store):
    from workbench.ui.undo import SWITCH_INTERVAL_S, ThreadedRunner

    runner = ThreadedRunner(store)
    try:
        assert sys.getswitchinterval() <= SWITCH_INTERVAL_S <= 0.001
    finally:
        runner.stop()
