"""The workbench loop as a person does it: select text, make a claim, cite, set a verdict, undo, search, filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import TEXT_A, TEXT_B
from workbench.core.utf16 import Utf16Map
from workbench.services import claims as claims_svc


def select(pane, text: str, quote: str) -> tuple[int, int]:
    """Put a selection on ``quote`` (code points) with a QTextCursor, as a mouse drag would."""
    start = text.index(quote)
    end = start + len(quote)
    m = Utf16Map(text)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(m.to_utf16(start))
    cursor.setPosition(m.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    pane.view.setTextCursor(cursor)
    pane.view.setFocus()
    win = pane.window()
    win.reading._set_current(pane)
    return start, end


def formatted_ranges(view) -> list[tuple[int, int]]:
    """UTF-16 ranges that carry a highlight format, as laid out by the highlighter."""
    out = []
    block = view.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            out.append((block.position() + r.start, block.position() + r.start + r.length))
        block = block.next()
    return out


def covered(ranges, lo, hi) -> bool:
    return all(any(a <= p < b for a, b in ranges) for p in range(lo, hi))


def test_panes_show_both_sources(window):
    panes = window.reading.panes()
    assert [p.source_id for p in panes] == list(window.sources)[:2]
    assert panes[0].view.toPlainText() == TEXT_A.rstrip("\n") or panes[0].view.toPlainText() == TEXT_A
    assert "A.TXT" in panes[0].meta.text()


def test_new_claim_from_selection_by_shortcut(window, qtbot, store, dossier):
    pane_a = window.reading.panes()[0]
    start, end = select(pane_a, TEXT_A, "l'évacuation de 1 200 habitants")
    qtbot.keyClick(pane_a.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(claims_svc.list_claims(store, dossier.id)) == 1)
    claim = claims_svc.list_claims(store, dossier.id)[0]
    span = claim.appearances[0].span
    assert (span.start, span.end, span.exact) == (start, end, "l'évacuation de 1 200 habitants")
    assert window.current_claim_id == claim.id
    assert window.editor.statement.toPlainText() == "l'évacuation de 1 200 habitants"
    assert window.claims_model.rowCount() == 1
    assert covered(formatted_ranges(pane_a.view), start, end)  # no astral chars before: cp == utf16


def test_cite_in_emoji_source_uses_right_offsets(window, store, dossier):
    pane_a, pane_b = window.reading.panes()
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    start, end = select(pane_b, TEXT_B, "2 100 habitants ont été évacués")
    window.actions_by_name["cite_refutes"].trigger()
    claim = claims_svc.get(store, cid)
    ev = claim.evidence[0]
    assert ev.stance == "refutes"
    assert (ev.span.source_id, ev.span.start, ev.span.end) == (pane_b.source_id, start, end)
    assert TEXT_B[ev.span.start:ev.span.end] == "2 100 habitants ont été évacués"
    m = Utf16Map(TEXT_B)
    assert m.to_utf16(start) == start + 3  # three emoji before the quote
    assert covered(formatted_ranges(pane_b.view), m.to_utf16(start), m.to_utf16(end))
    # the editor lists the evidence under "Refutes"
    top = window.editor.evidence.topLevelItem(1)
    assert top.text(0).endswith("(1)") and top.child(0).text(0).startswith("« 2 100 habitants")


def test_verdict_by_number_undo_redo(window, store, dossier):
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    window.actions_by_name["verdict_7"].trigger()  # 7th verdict of the default scale: false
    assert claims_svc.get(store, cid).verdict == "false"
    row = window.claims_model.row_of(cid)
    assert window.claims_model.index(row, 2).data() == "False"
    window.actions_by_name["undo"].trigger()
    assert claims_svc.get(store, cid).verdict is None
    assert window.claims_model.index(row, 2).data() == "—"
    window.actions_by_name["redo"].trigger()
    assert claims_svc.get(store, cid).verdict == "false"
    # undo twice more removes the verdict and then the claim itself
    window.actions_by_name["undo"].trigger()
    window.actions_by_name["undo"].trigger()
    assert claims_svc.list_claims(store, dossier.id) == []
    assert window.claims_model.rowCount() == 0
    assert pane_a.view.marks().of_claim(cid) == []
    window.actions_by_name["redo"].trigger()
    assert [c.id for c in claims_svc.list_claims(store, dossier.id)] == [cid]


def test_editor_field_edit_is_committed_and_undoable(window, store):
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    window.editor.claimant.setText("La préfecture")
    window.editor.claimant.editingFinished.emit()
    assert claims_svc.get(store, cid).claimant == "La préfecture"
    window.undo.stack.undo()
    assert claims_svc.get(store, cid).claimant == ""
    assert window.editor.claimant.text() == ""


def test_search_opens_hit(window, store, dossier):
    window.search_field.setText("evacues")
    window.run_search()
    assert window.search_model.rowCount() == 1
    window._open_search_hit(window.search_model.index(0, 0))
    pane = window.reading.pane_for(list(window.sources)[1])
    assert pane.view.selection_cp() is not None
    start, end = pane.view.selection_cp()
    assert TEXT_B[start:end] == "évacués"


def test_filters(window, store, dossier):
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    c1 = window.new_claim_from_selection()
    select(pane_a, TEXT_A, "Nous avons évité le pire")
    window.new_claim_from_selection()
    claims_svc.update(store, c1, verdict="true", tags=("chiffres",))
    window.refresh_all()
    assert window.claims_filter.rowCount() == 2
    window.claims_filter.set_filter(verdict="true")
    assert window.claims_filter.rowCount() == 1
    window.claims_filter.set_filter(verdict=None, text="PIRE")
    assert window.claims_filter.rowCount() == 1
    window.claims_filter.set_filter(text="", tag="chiffres")
    assert window.claims_filter.rowCount() == 1
    window.claims_filter.set_filter(tag=None, source_id=list(window.sources)[1])
    assert window.claims_filter.rowCount() == 0


def test_click_on_highlight_selects_claim(window, qtbot):
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    window.current_claim_id = None
    mark = pane_a.view.marks().of_claim(cid)[0]
    cursor = QTextCursor(pane_a.view.document())
    cursor.setPosition(mark.start + 2)
    rect = pane_a.view.cursorRect(cursor)
    qtbot.mouseClick(pane_a.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_claim_id == cid


def test_models_pass_qtmodeltester(window, qtmodeltester):
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    window.new_claim_from_selection()
    window.search_field.setText("habitants")
    window.run_search()
    for model in (window.claims_model, window.claims_filter, window.sources_model, window.search_model):
        qtmodeltester.check(model)


def test_shortcuts_dialog_lists_actions(window, qtbot):
    from workbench.ui.dialogs.forms import ShortcutsDialog

    rows = [(a.text(), a.shortcut().toString()) for a in window.actions_by_name.values() if not a.shortcut().isEmpty()]
    dialog = ShortcutsDialog(window, rows)
    qtbot.addWidget(dialog)
    keys = {dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())}
    assert {"Ctrl+N", "Ctrl+Shift+S", "Ctrl+Shift+R", "Ctrl+F", "Ctrl+1"} <= keys


def test_external_reference_dialog(window, store, monkeypatch):
    from workbench.ui.dialogs.forms import ExternalReferenceDialog

    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    monkeypatch.setattr(ExternalReferenceDialog, "ask", classmethod(lambda cls, parent: (
        "supports", {"url": "https://example.org/communique", "title": "Communiqué", "publisher": "Préfecture"})))
    window.actions_by_name["cite_external"].trigger()
    ev = claims_svc.get(store, cid).evidence[0]
    assert (ev.stance, ev.url, ev.publisher) == ("supports", "https://example.org/communique", "Préfecture")
    window.undo.stack.undo()
    assert claims_svc.get(store, cid).evidence == ()


def test_refused_edit_shows_message_not_crash(window, store):
    window.edit_claim_field(999, "verdict", "false")
    assert "no claim with id 999" in window.statusBar().currentMessage()
    assert window.undo.stack.count() == 0


def test_layout_is_remembered(window, store, dossier, qtbot):
    from workbench.ui.main_window import MainWindow

    second = list(window.sources)[1]
    window.reading.remove_pane(window.reading.panes()[0])
    window.close()
    again = MainWindow(store, dossier)
    qtbot.addWidget(again)
    assert again.reading.source_ids() == [second]


def test_other_peoples_changes_appear(window, store, dossier):
    """A second person (another Store on the same database) edits; the window refreshes only that claim."""
    from workbench.services.store import Store

    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    other = Store.open(str(store.db.engine.url.database), user="bob")
    try:
        claims_svc.update(other, cid, verdict="false", claimant="Bob's claimant")
        b_id = list(window.sources)[1]
        claims_svc.add_appearance(other, cid, b_id, TEXT_B.index("2 100"), TEXT_B.index("2 100") + 5)
    finally:
        other.close()
    window.team.poll_changes()
    row = window.claims_model.row_of(cid)
    assert window.claims_model.index(row, 2).data() == "False"
    assert window.editor.claimant.text() == "Bob's claimant"
    pane_b = window.reading.pane_for(b_id)
    assert pane_b.view.marks().of_claim(cid)


def test_conflicting_edit_is_reported_not_overwritten(window, store):
    from workbench.services.store import Store

    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    other = Store.open(str(store.db.engine.url.database), user="bob")
    try:
        claims_svc.update(other, cid, claimant="Bob")
    finally:
        other.close()
    window.conflict_answer = False  # discard mine
    window.editor.claimant.setText("Alice")
    window.editor.claimant.editingFinished.emit()
    assert claims_svc.get(store, cid).claimant == "Bob"
    assert window.editor.claimant.text() == "Bob"
    window.conflict_answer = True  # re-apply mine over theirs, knowingly
    other = Store.open(str(store.db.engine.url.database), user="bob")
    try:
        claims_svc.update(other, cid, claimant="Bob again")
    finally:
        other.close()
    window.editor.claimant.setText("Alice")
    window.editor.claimant.editingFinished.emit()
    assert claims_svc.get(store, cid).claimant == "Alice"


def test_relate_claims_and_open_related(window, store, monkeypatch):
    from workbench.ui.dialogs.forms import RelateDialog

    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    first = window.new_claim_from_selection()
    select(window.reading.panes()[1], TEXT_B, "2 100 habitants")
    second = window.new_claim_from_selection()
    monkeypatch.setattr(RelateDialog, "ask", classmethod(lambda cls, parent, claims: (first, "contradicts")))
    window.actions_by_name["relate"].trigger()
    assert [(r.from_claim_id, r.to_claim_id, r.kind) for r in claims_svc.get(store, second).relations] == \
        [(second, first, "contradicts")]
    item = window.editor.relations.item(0)
    assert f"#{first}" in item.text()
    window.editor._open_related(item)
    assert window.current_claim_id == first
    window.undo.stack.undo()
    assert claims_svc.get(store, second).relations == ()


def test_dossiers_new_switch_and_event_date(window, store, dossier):
    import datetime as dt

    from workbench.services import dossiers

    window.team.new_dossier("Second dossier")
    assert window.dossier.name == "Second dossier" and window.sources == {} and window.reading.panes() == []
    assert window.claims_model.rowCount() == 0
    window.team.set_event_date(dt.date(2026, 3, 10))
    assert dossiers.get(store, window.dossier.id).event_date == dt.date(2026, 3, 10)
    window.team.switch_dossier(dossier.id)
    assert window.dossier.id == dossier.id and len(window.reading.panes()) == 2
    assert dossiers.current(store).id == dossier.id  # opened next time


def test_typing_is_saved_after_a_pause_and_undone_as_one_step(window, store, qtbot):
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    statement = window.editor.statement
    statement.setFocus()
    statement.moveCursor(QTextCursor.MoveOperation.End)
    statement.insertPlainText(" ont été évacués")  # typed, focus still in the field
    qtbot.waitUntil(lambda: claims_svc.get(store, cid).statement.endswith("ont été évacués"), timeout=5000)
    statement.insertPlainText(" mardi")
    qtbot.waitUntil(lambda: claims_svc.get(store, cid).statement.endswith("mardi"), timeout=5000)
    window.undo.stack.undo()  # both pauses undo together, back to the statement before typing
    assert claims_svc.get(store, cid).statement == "1 200 habitants"


def test_edit_kept_while_database_unreachable_then_saved(window, store, monkeypatch):
    from workbench.core.errors import DatabaseUnreachable
    from workbench.services import changes as changes_svc

    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    cid = window.new_claim_from_selection()
    real_update, real_changes = claims_svc.update, changes_svc.changes_since

    def down(*_a, **_k):
        raise DatabaseUnreachable("the database server cannot be reached (connection refused); nothing was changed")

    monkeypatch.setattr(claims_svc, "update", down)
    monkeypatch.setattr(changes_svc, "changes_since", down)
    window.editor.claimant.setText("La préfecture")
    window.editor.claimant.editingFinished.emit()
    kept = [(op.claim_id, dict(op.fields)) for op in window.team.pending_edits]
    assert kept == [(cid, {"claimant": "La préfecture"})]
    assert window.editor.claimant.text() == "La préfecture"  # what was typed stays on screen
    window.team.poll_changes()
    assert "unreachable" in window.statusBar().currentMessage()
    monkeypatch.setattr(claims_svc, "update", real_update)
    monkeypatch.setattr(changes_svc, "changes_since", real_changes)
    window.team.poll_changes()
    assert claims_svc.get(store, cid).claimant == "La préfecture"
    assert window.team.pending_edits == []


def test_typing_then_next_claim_keeps_the_typing(window, store, qtbot):
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    first = window.new_claim_from_selection()
    select(pane_a, TEXT_A, "Nous avons évité le pire")
    second = window.new_claim_from_selection()
    window.select_claim(first)
    statement = window.editor.statement
    statement.setFocus()
    statement.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(statement, " EDITED")
    qtbot.keyClicks(window.editor.claimant, "Le maire")
    window.select_claim(second)  # Alt+Down does this, with the focus still in the field
    assert claims_svc.get(store, first).statement == "1 200 habitants EDITED"
    assert claims_svc.get(store, first).claimant == "Le maire"
    assert window.editor.claim.id == second


def test_sources_list_keeps_its_selection_when_counts_change(window):
    window.sources_view.selectRow(1)
    pane_a = window.reading.panes()[0]
    select(pane_a, TEXT_A, "1 200 habitants")
    window.new_claim_from_selection()  # the claim count of source A changes
    assert window.sources_view.selectionModel().selectedRows()[0].row() == 1
    assert window.sources_model.index(0, 4).data() == 1


def test_source_columns_are_as_narrow_as_their_contents(window) -> None:  # type: ignore[no-untyped-def]
    """The fixed widths of date and claim count must not outgrow what Qt would size them to (ResizeToContents):
    wider, they push the date out of a narrow sources list (the column fitter hides it first)."""
    import datetime as dt

    from workbench.services import sources

    for info in sources.list_all(window.store, window.dossier.id):
        sources.update(window.store, info.id, published=dt.date(2026, 12, 28))
    window.refresh_all()
    window.settle()
    view = window.sources_view
    header = view.horizontalHeader()
    for col in (2, 4):
        header.setSectionHidden(col, False)
        fitted = max(view.sizeHintForColumn(col), header.sectionSizeHint(col))
        assert header.sectionSize(col) <= fitted + 6, (col, header.sectionSize(col), fitted)


def test_pane_header_names_a_wire_once(qtbot):
    """A dispatch whose outlet and author are both "AFP" showed "AFP · AFP · 2026-02-04 · TXT" above its text."""
    import datetime as dt

    from workbench.core.values import SourceInfo
    from workbench.ui.panels.reading_area import SourcePane

    pane = SourcePane()
    qtbot.addWidget(pane)
    info = SourceInfo(7, 1, "Dépêche", "AFP", "AFP", dt.date(2026, 2, 4), "", "fr", "txt", "",
                      dt.datetime(2026, 2, 4, tzinfo=dt.UTC), "", "", 10)
    pane.set_sources([info])
    pane.show_source(info, "Une dépêche.", [])
    assert pane.meta.text() == "AFP · 2026-02-04 · TXT"


def test_filter_boxes_go_two_per_row_when_their_texts_do_not_fit(qtbot):  # type: ignore[no-untyped-def]
    """French filter texts are long: in a narrow claims dock they take two rows rather than being cut."""
    from PySide6.QtWidgets import QComboBox

    from workbench.ui.delegates import WrappingRow

    boxes = []
    for text in ("Tous les verdicts", "Tous les statuts", "Toutes les sources", "Toutes les étiquettes"):
        box = QComboBox()
        box.addItem(text)
        boxes.append(box)
    row = WrappingRow(boxes)
    qtbot.addWidget(row)
    row.show()
    row.resize(row.needed_width() + 20, 40)
    qtbot.waitUntil(lambda: row.per_row == 4)
    assert [row.grid.getItemPosition(row.grid.indexOf(b))[:2] for b in boxes] == [(0, 0), (0, 1), (0, 2), (0, 3)]
    row.resize(row.needed_width() // 2, 80)
    qtbot.waitUntil(lambda: row.per_row == 2)
    assert [row.grid.getItemPosition(row.grid.indexOf(b))[:2] for b in boxes] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    assert all(b.width() >= b.fontMetrics().horizontalAdvance(b.itemText(0)) for b in boxes)
