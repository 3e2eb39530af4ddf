"""After an edit the window shows the claim the operation saved, without reading it back (issue 12's per-edit cost),
and the claim's history is read only when the History tab shows."""

from __future__ import annotations

from workbench.services import claims as claims_svc
from workbench.services import sources as sources_svc
from workbench.ui import main_window as main_window_module


def sample_claim(claim_id):
    import datetime as dt

    from workbench.core.enums import Status
    from workbench.core.values import ClaimInfo

    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return ClaimInfo(claim_id, 1, "A statement", "", None, Status.TO_CHECK, None, "", (), now, now, 1, "")


def _claim(store, dossier):
    return claims_svc.create(store, sources_svc.list_all(store, dossier.id)[0].id, 0, 8)


def _spy(monkeypatch, name):
    calls: list[int] = []
    real = getattr(claims_svc, name)  # main_window's claims_svc is this module: the spy replaces it for all

    def counted(store, claim_id, *a, **k):
        calls.append(claim_id)
        return real(store, claim_id, *a, **k)

    monkeypatch.setattr(main_window_module.claims_svc, name, counted)
    return calls


def test_an_edit_shows_the_saved_claim_without_reading_it_back(window, store, dossier, monkeypatch):
    claim = _claim(store, dossier)
    window.refresh_all()
    window.select_claim(claim.id)
    real_get = claims_svc.get
    gets, histories = _spy(monkeypatch, "get"), _spy(monkeypatch, "history")
    verdict = dossier.scale.verdicts[0].key
    window.edit_claim_field(claim.id, "verdict", verdict)
    shown = window.editor.claim
    assert shown is not None and shown.verdict == verdict and shown.version > claim.version
    assert shown == real_get(store, claim.id)  # what the outcome held is what the database holds
    assert window.claims_model.claims()[window.claims_model.row_of(claim.id)].verdict == verdict
    assert gets == [] and histories == []  # History tab hidden: nothing read after the edit


def test_undo_and_redo_show_their_saved_claim_too(window, store, dossier, monkeypatch):
    claim = _claim(store, dossier)
    window.refresh_all()
    window.select_claim(claim.id)
    window.edit_claim_field(claim.id, "claimant", "Alice")
    real_get = claims_svc.get
    gets = _spy(monkeypatch, "get")
    window.undo.stack.undo()
    assert window.editor.claimant.text() == "" and window.editor.claim.claimant == ""
    window.undo.stack.redo()
    assert window.editor.claimant.text() == "Alice"
    assert window.editor.claim == real_get(store, claim.id)
    assert gets == []


def test_history_loads_when_its_tab_shows_and_follows_edits(window, store, dossier, monkeypatch):
    claim = _claim(store, dossier)
    window.refresh_all()
    histories = _spy(monkeypatch, "history")
    window.select_claim(claim.id)
    editor = window.editor
    assert histories == [] and editor.history.count() == 0  # not read while another tab shows
    editor.tabs.setCurrentWidget(editor.history)
    assert histories == [claim.id]
    lines = editor.history.count()
    assert lines >= 1 and "created" in editor.history.item(lines - 1).text()
    window.edit_claim_field(claim.id, "claimant", "Alice")  # the tab is visible: it follows the edit
    assert editor.history.count() == lines + 1 and "Alice" in editor.history.item(0).text()
    other = claims_svc.create(store, sources_svc.list_all(store, dossier.id)[1].id, 0, 6)
    claims_svc.update(store, other.id, claimant="Bob")
    window.refresh_all()
    window.select_claim(other.id)
    assert editor.history.count() == lines + 1 and "Bob" in editor.history.item(0).text()  # its own history
    assert not any("Alice" in editor.history.item(i).text() for i in range(editor.history.count()))


def test_editor_asks_for_history_only_when_shown(qtbot):
    from workbench.ui.panels.claim_editor import ClaimEditor

    editor = ClaimEditor()
    qtbot.addWidget(editor)
    asked: list[int] = []
    editor.sig_history_wanted.connect(asked.append)
    editor.show_claim(sample_claim(7))
    assert asked == []
    editor.tabs.setCurrentWidget(editor.history)
    assert asked == [7]
    editor.set_history(8, [])  # an answer for a claim no longer shown is ignored
    editor.tabs.setCurrentIndex(0)
    editor.tabs.setCurrentWidget(editor.history)
    assert asked == [7, 7]  # still not loaded
    editor.set_history(7, [])
    editor.tabs.setCurrentIndex(0)
    editor.tabs.setCurrentWidget(editor.history)
    assert asked == [7, 7]  # loaded: not asked again until the claim is shown anew
    editor.show_claim(sample_claim(7))
    assert asked == [7, 7, 7]


def test_open_sources_keeps_the_panes_already_in_place(window, store, dossier, monkeypatch):
    a, b = (s.id for s in sources_svc.list_all(store, dossier.id))
    window.open_sources([a])
    first = window.reading.panes()[0]
    texts: list[int] = []
    real_text = sources_svc.text
    monkeypatch.setattr(main_window_module.sources_svc, "text",
                        lambda st, sid: texts.append(sid) or real_text(st, sid))
    window.open_sources([a, b])
    assert window.reading.source_ids() == [a, b] and window.reading.panes()[0] is first
    assert texts == [b]  # the text already shown is not read and laid out again
    window.open_sources([b, a])  # another order: panes follow it
    assert window.reading.source_ids() == [b, a]


def test_highlights_paint_only_marked_blocks_and_follow_changes(qtbot):
    from workbench.ui.panels.source_view import SourceView

    view = SourceView()
    qtbot.addWidget(view)
    text = "".join(f"Ligne {i} : rien à signaler.\n" for i in range(2000)) + "Le préfet a dit « oui ».\n"
    start = text.index("préfet")
    view.set_content(text, [(start, start + 6, 1, "appearance", "#ff0000", 1)])
    doc = view.document()
    painted = [b for b in (doc.findBlockByNumber(n) for n in range(doc.blockCount())) if b.layout().formats()]
    assert [b.blockNumber() for b in painted] == [2000]  # one block of 2,001 carries formats
    (rng,) = painted[0].layout().formats()
    assert painted[0].position() + rng.start == start and rng.length == 6
    view.replace_claim_marks(1, [])  # the claim lost its appearance: its highlight goes
    assert doc.findBlockByNumber(2000).layout().formats() == []
    view.replace_claim_marks(1, [(0, 5, "supports", "#00ff00", 2)])
    assert [r.length for r in doc.findBlockByNumber(0).layout().formats()] == [5]
