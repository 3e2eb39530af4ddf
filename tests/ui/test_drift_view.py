"""Revisions from the window: import a new version, drop a file onto a source, the drift view and its review."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.ui.conftest import TEXT_A
from workbench.services import claims as claims_svc
from workbench.services import revisions as revisions_svc
from workbench.services import sources as sources_svc

NEW_A = TEXT_A.replace("1 200 habitants", "1 350 habitants").replace("mardi matin", "mardi soir")


def _source_a(store, dossier):
    return next(s for s in sources_svc.list_all(store, dossier.id) if s.title == "a.txt")


def _claim(store, source_id, quote):
    body = sources_svc.text(store, source_id)
    start = body.index(quote)
    return claims_svc.create(store, source_id, start, start + len(quote), statement=quote).id


def test_import_new_version_opens_the_drift_view(window, store, dossier, tmp_path, qtbot):
    a = _source_a(store, dossier)
    figure = _claim(store, a.id, "l'évacuation de 1 200 habitants mardi matin")
    quote = _claim(store, a.id, "« Nous avons évité le pire »")
    claims_svc.update(store, figure, status="concluded", verdict="true")
    path = tmp_path / "a-v2.txt"
    path.write_text(NEW_A, encoding="utf-8")
    window.revisions.import_new_version(a.id, str(path))
    dialog = window.revisions.drift_dialog
    qtbot.addWidget(dialog)
    view = dialog.view
    rows = {view.model.row(i).claim_id: view.model.row(i) for i in range(view.model.rowCount())}
    assert rows[figure].state == "changed" and rows[figure].new.exact == "l'évacuation de 1 350 habitants mardi soir"
    assert rows[quote].state == "moved"  # "matin" became "soir": one character earlier
    assert "1 350" in view.new_text.toPlainText() and "1 200" in view.old_text.toPlainText()
    assert len(view.new_text.extraSelections()) >= 2  # differences marked and spans outlined
    shown = claims_svc.get(store, figure)
    assert shown.appearances[0].span.exact == "l'évacuation de 1 350 habitants mardi soir"
    row = next(i for i in range(view.model.rowCount()) if view.model.row(i).claim_id == figure)
    view.table.selectRow(row)
    assert view.accept_button.isEnabled()
    assert claims_svc.get(store, figure).status == "concluded"  # only if the user agrees
    with qtbot.waitSignal(view.sig_reviewed):
        view.accept_button.click()
    assert claims_svc.get(store, figure).status == "in-review"
    assert revisions_svc.pending_reviews(store, dossier.id) == {}
    dialog.grab().save(str(tmp_path / "drift.png"))
    assert (tmp_path / "drift.png").stat().st_size > 0


def test_drop_a_file_onto_a_source_imports_its_new_version(window, store, dossier, tmp_path, qtbot):
    a = _source_a(store, dossier)
    _claim(store, a.id, "1 200 habitants")
    window.refresh_all()
    path = tmp_path / "a-v2.txt"
    path.write_text(NEW_A, encoding="utf-8")
    view = window.sources_view
    row = next(r for r in range(window.sources_model.rowCount())
               if window.sources_model.data(window.sources_model.index(r, 0), Qt.ItemDataRole.DisplayRole)
               and "a.txt" in str([window.sources_model.data(window.sources_model.index(r, c))
                                   for c in range(window.sources_model.columnCount())]))
    rect = view.visualRect(window.sources_model.index(row, 0))
    point = view.viewport().mapTo(window, rect.center())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    chain = revisions_svc.chain(store, a.id)
    assert len(chain) == 2 and sources_svc.text(store, chain[-1].id) == NEW_A
    qtbot.addWidget(window.revisions.drift_dialog)
    window.revisions.drift_dialog.close()


def test_file_menu_imports_a_new_version_of_the_current_pane(window, store, dossier, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    a = _source_a(store, dossier)
    path = tmp_path / "a-v2.txt"
    path.write_text(NEW_A, encoding="utf-8")
    window.reading.add_pane(a.id)
    window.reading.current = window.reading.pane_for(a.id)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.actions_by_name["import_version"].trigger()
    assert len(revisions_svc.chain(store, a.id)) == 2
    qtbot.addWidget(window.revisions.drift_dialog)
    window.revisions.drift_dialog.close()
