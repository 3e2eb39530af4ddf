"""Editing as a person does it: every field saved as you type, one undo step per visit to a field, Tab moves on,
Ctrl+Z in an empty-history field undoes the last action, tags complete from the dossier's tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from workbench.services import claims as claims_svc
from workbench.services import sources as sources_svc


def claim_in(window, store, dossier, **fields):
    sid = sources_svc.list_all(store, dossier.id)[0].id
    claim = claims_svc.create(store, sid, 0, 8)
    if fields:
        claims_svc.update(store, claim.id, **fields)
    window.refresh_all()
    window.select_claim(claim.id)
    return claim.id


def test_claimant_date_and_tags_saved_as_you_type(window, store, dossier, qtbot):
    cid = claim_in(window, store, dossier)
    editor = window.editor
    editor.claimant.setFocus()
    qtbot.keyClicks(editor.claimant, "Le prefet")
    qtbot.waitUntil(lambda: claims_svc.get(store, cid).claimant == "Le prefet", timeout=5000)
    assert editor.claimant.hasFocus()  # saved without leaving the field
    qtbot.keyClicks(editor.claim_date, "2026-03-0")  # half a date is not saved (nor refused) on a pause
    qtbot.keyClicks(editor.claim_date, "4")
    qtbot.waitUntil(lambda: str(claims_svc.get(store, cid).claim_date) == "2026-03-04", timeout=5000)
    qtbot.keyClicks(editor.tags, "crue, evacuation")
    qtbot.waitUntil(lambda: claims_svc.get(store, cid).tags == ("crue", "evacuation"), timeout=5000)


def test_one_undo_step_per_visit_to_a_field(window, store, dossier, qtbot):
    cid = claim_in(window, store, dossier)
    editor = window.editor
    editor.claimant.setFocus()
    qtbot.keyClicks(editor.claimant, "Le")
    qtbot.waitUntil(lambda: claims_svc.get(store, cid).claimant == "Le", timeout=5000)
    qtbot.keyClicks(editor.claimant, " maire")
    qtbot.waitUntil(lambda: claims_svc.get(store, cid).claimant == "Le maire", timeout=5000)
    assert window.undo.stack.count() == 1  # two pauses, one step
    editor.rationale.setFocus()  # leaving the field ends the step
    editor.claimant.setFocus()
    qtbot.keyClicks(editor.claimant, " adjoint")
    qtbot.waitUntil(lambda: claims_svc.get(store, cid).claimant == "Le maire adjoint", timeout=5000)
    assert window.undo.stack.count() == 2
    window.undo.stack.undo()
    assert claims_svc.get(store, cid).claimant == "Le maire"
    window.undo.stack.undo()
    assert claims_svc.get(store, cid).claimant == ""


def test_tab_and_shift_tab_move_between_fields(window, store, dossier, qtbot):
    claim_in(window, store, dossier)
    editor = window.editor
    editor.statement.setFocus()
    qtbot.keyClick(editor.statement, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.claimant
    assert "\t" not in editor.statement.toPlainText()
    editor.rationale.setFocus()
    qtbot.keyClick(editor.rationale, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.tags
    assert "\t" not in editor.rationale.toPlainText()
    qtbot.keyClick(editor.tags, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is editor.rationale


def test_ctrl_z_in_a_field_with_nothing_to_undo_undoes_the_last_action(window, store, dossier, qtbot):
    cid = claim_in(window, store, dossier)
    window.activateWindow()
    window.set_verdict_number(1)
    verdict = claims_svc.get(store, cid).verdict
    assert verdict
    editor = window.editor
    editor.claimant.setFocus()
    assert not editor.claimant.isUndoAvailable()
    qtbot.keyClick(editor.claimant, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert claims_svc.get(store, cid).verdict is None
    # with typing of its own, Ctrl+Z first undoes in the field
    qtbot.keyClicks(editor.claimant, "abc")
    qtbot.keyClick(editor.claimant, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.claimant.text() != "abc"
    assert claims_svc.get(store, cid).verdict is None


def test_tags_complete_from_the_dossier(window, store, dossier, qtbot):
    claim_in(window, store, dossier, tags=("inondation", "préfecture"))
    cid = claim_in(window, store, dossier)
    editor = window.editor
    assert set(editor.tag_completer.model().stringList()) >= {"inondation", "préfecture"}
    editor.tags.setFocus()
    qtbot.keyClicks(editor.tags, "crue, inon")
    index = editor.tag_completer.completionModel().index(0, 0)
    assert index.data() == "inondation"
    assert editor.tag_completer.pathFromIndex(index) == "crue, inondation, "
    editor.tags.setText(editor.tag_completer.pathFromIndex(index))
    editor.tags.setModified(True)
    editor.tags.editingFinished.emit()
    assert claims_svc.get(store, cid).tags == ("crue", "inondation")


def test_search_finds_other_spellings_of_a_name_and_centres_the_hit(window, store, dossier, qtbot):
    from PySide6.QtGui import QFont

    from workbench.core.values import ImportBundle
    from workbench.ui.delegates import HIT_ROLE, HitDelegate

    text = ("Long préambule sans rapport avec la suite, qui remplit la ligne avant le nom. Le conseiller Iouri "
            "Ouchakov a confirmé la rencontre, selon l'agence.\n")
    sources_svc.add(store, dossier.id, ImportBundle(name="n.txt", kind="txt", original=text.encode(), text=text,
                                                    title="n"))
    window.refresh_all()
    window.search_field.setText("Ushakov")
    assert window.search_spellings.isChecked()  # on by default
    window.run_search()
    assert window.search_model.rowCount() == 1
    index = window.search_model.index(0, 1)
    snippet = index.data()
    start, end = index.data(HIT_ROLE)
    assert snippet[start:end] == "Ouchakov"
    left, hit, right = HitDelegate().displayed_parts(snippet, (start, end), 200, QFont())
    assert hit == "Ouchakov" and left.startswith("…") and right.endswith("…")  # both ends elided, hit whole
    window.search_spellings.setChecked(False)
    window.run_search()
    assert window.search_model.rowCount() == 0


def test_evidence_list_grows_with_the_editor(qtbot):
    from workbench.ui.panels.claim_editor import ClaimEditor

    editor = ClaimEditor()
    qtbot.addWidget(editor)
    editor.resize(420, 520)
    editor.show()
    qtbot.waitExposed(editor)
    small = editor.evidence.height()
    editor.resize(420, 900)
    qtbot.waitUntil(lambda: editor.evidence.height() > small + 300)


def test_changing_the_verdict_and_quickly_back_is_two_edits(store, dossier, qtbot):
    """The edit is saved on the database worker and shown back later: a change back before that is not dropped."""
    from workbench.core.scales import DEFAULT
    from workbench.ui.panels.claim_editor import ClaimEditor

    sid = sources_svc.list_all(store, dossier.id)[0].id
    claim = claims_svc.create(store, sid, 0, 8)
    editor = ClaimEditor()
    qtbot.addWidget(editor)
    editor.set_scale(DEFAULT)
    editor.show_claim(claims_svc.get(store, claim.id), [])
    editor.show()
    sent = []
    editor.sig_edit.connect(lambda cid, field, value: sent.append((field, value)))
    editor.verdict.setFocus()
    qtbot.keyClick(editor.verdict, Qt.Key.Key_Down)
    qtbot.keyClick(editor.verdict, Qt.Key.Key_Up)  # before the first edit is shown back
    assert sent == [("verdict", DEFAULT.verdicts[0].key), ("verdict", "")]
    editor.show_claim(claims_svc.get(store, claim.id), [])  # the database's value is shown: nothing pending
    qtbot.keyClick(editor.verdict, Qt.Key.Key_Down)
    assert sent[-1] == ("verdict", DEFAULT.verdicts[0].key)


def test_a_field_edit_does_not_reload_the_sources_list(window, store, dossier, qtbot, monkeypatch):
    """Listing sources walks every text on SQLite (~0.2 s for 200 sources of 1 MB): a verdict change skips it,
    a new claim (its source's count changes) does not."""
    import workbench.ui.main_window as mw

    cid = claim_in(window, store, dossier)
    calls = []
    real = mw.sources_svc.list_all
    monkeypatch.setattr(mw.sources_svc, "list_all", lambda *a, **k: calls.append(a) or real(*a, **k))
    window.edit_claim_field(cid, "verdict", "false")
    qtbot.waitUntil(lambda: window.editor.claim is not None and window.editor.claim.verdict == "false")
    assert claims_svc.get(store, cid).verdict == "false" and calls == []
    sid = sources_svc.list_all(store, dossier.id)[0].id
    counted = window.sources[sid].claim_count
    from workbench.services import operations as ops

    window.run_op("New claim", ops.CreateClaim(((sid, 10, 20),)))
    qtbot.waitUntil(lambda: window.sources[sid].claim_count == counted + 1)  # the list was read again
