"""Import from the window (real background thread, progress, errors), paste, drop, settings, crash guard."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from workbench.services import sources as sources_svc


def test_background_import_reports_bad_file_and_keeps_good(qtbot, store, dossier, tmp_path):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import TaskRunner

    good = tmp_path / "dépêche.txt"
    good.write_text("Dépêche : la préfecture annonce 1 200 évacués.\n", encoding="cp1252")
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage without end")
    win = MainWindow(store, dossier, runner=TaskRunner(), fresh_layout=True)
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.show()
    before = len(sources_svc.list_all(store, dossier.id))
    win.imports.import_paths([str(good), str(bad)])
    assert win.progress.isVisible() and win.cancel_button.isVisible()  # progress and Cancel while it runs
    qtbot.waitUntil(lambda: win.sources_model.rowCount() == before + 1 and win.progress.isHidden(), timeout=60000)
    files = win.imports.import_dialog.files
    rows = {files.topLevelItem(i).text(0): files.topLevelItem(i).text(2) for i in range(2)}
    assert rows["scan.pdf"].startswith("error: ") and "PDF" in rows["scan.pdf"]  # the error names file and reason
    assert rows["dépêche.txt"] == "imported"
    titles = [s.title for s in sources_svc.list_all(store, dossier.id)]
    assert "Dépêche : la préfecture annonce 1 200 évacués." in titles
    assert win.sources_model.rowCount() == before + 1
    win.undo.stack.undo()  # undo the import: the new source goes to the trash
    qtbot.waitUntil(lambda: len(sources_svc.list_all(store, dossier.id)) == before, timeout=60000)
    win.runner.wait()


def test_drop_files_imports_them(window, store, dossier, tmp_path, qtbot):
    path = tmp_path / "dropped.md"
    path.write_text("# Titre déposé\n\nUn texte glissé sur la fenêtre.\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert "Titre déposé" in [s.title for s in sources_svc.list_all(store, dossier.id)]


def test_paste_source(window, store, dossier, monkeypatch):
    from workbench.ui.dialogs.forms import PasteSourceDialog

    monkeypatch.setattr(PasteSourceDialog, "ask", classmethod(lambda cls, parent: (
        "Texte collé depuis une dépêche 🌍.", {"title": "Collage", "outlet": "AFP", "published": None})))
    window.actions_by_name["paste"].trigger()
    pasted = [s for s in sources_svc.list_all(store, dossier.id) if s.title == "Collage"]
    assert pasted and pasted[0].kind == "pasted" and pasted[0].outlet == "AFP"
    assert window.reading.pane_for(pasted[0].id) is not None
    window.undo.stack.undo()  # pasting is an edit like any other: undo moves the source to the trash
    assert "Collage" not in [s.title for s in sources_svc.list_all(store, dossier.id)]


def test_edit_source_metadata_is_undoable(window, store, dossier, monkeypatch):
    from workbench.ui.dialogs.forms import SourceMetadataDialog

    sid = next(iter(window.sources))
    monkeypatch.setattr(SourceMetadataDialog, "ask", classmethod(lambda cls, parent, info: {
        "outlet": "Le Courrier", "reliability_note": "Quotidien régional"}))
    window.edit_source_metadata(sid)
    assert sources_svc.get(store, sid).outlet == "Le Courrier"
    window.undo.stack.undo()
    assert sources_svc.get(store, sid).outlet == "A.TXT"


def test_dark_theme_and_scale_preset(window, store, dossier):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from workbench.ui.settings_menu import _set_scale
    from workbench.ui.theme import apply_theme

    apply_theme("dark")
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == "#1e1e1e"
    apply_theme("light")
    _set_scale(window, "truth-o-meter")
    assert window.dossier.scale.name == "truth-o-meter"
    assert "pants-on-fire" in [window.editor.verdict.itemData(i) for i in range(window.editor.verdict.count())]


def test_excepthook_logs_instead_of_dying(caplog):
    from workbench.app import _excepthook

    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        _excepthook(type(exc), exc, exc.__traceback__)
    assert "boom in a slot" in caplog.text


def test_import_dialog_shows_each_file(qtbot, store, dossier, tmp_path):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import TaskRunner

    paths = []
    for i in range(3):
        path = tmp_path / f"wire-{i}.txt"
        path.write_text(f"Dépêche numéro {i} : la préfecture annonce des évacuations.\n", encoding="utf-8")
        paths.append(str(path))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    paths.append(str(empty))
    win = MainWindow(store, dossier, runner=TaskRunner(), fresh_layout=True)
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.show()
    task = win.imports.import_paths(paths)
    dialog = win.imports.import_dialog
    assert task is not None
    qtbot.waitUntil(lambda: bool(dialog.buttons.standardButtons() & dialog.buttons.StandardButton.Close),
                    timeout=30000)
    results = [dialog.files.topLevelItem(i).text(2) for i in range(4)]
    assert results[:3] == ["imported"] * 3
    assert results[3].startswith("error: ") and "empty" in results[3]
    assert all(bar.value() == 1 for bar in dialog.bars[:3])
    assert "Imported 3" in dialog.summary.text()
    win.runner.wait()


def test_import_dossier_json_and_annotations_from_the_window(window, store, dossier, tmp_path):
    from tests.ui.test_window import select
    from workbench.services import claims as claims_svc
    from workbench.services import reports

    pane = window.reading.panes()[0]
    select(pane, pane.view.text, "1 200 habitants")
    window.new_claim_from_selection()
    notes = tmp_path / "notes.annotations.jsonld"
    notes.write_bytes(reports.export(store, dossier.id, reports.ReportRequest(format="annotations")))
    backup = tmp_path / "backup.json"
    backup.write_bytes(reports.export(store, dossier.id, reports.ReportRequest(format="json")))
    # annotations re-anchor onto this dossier's sources: one more claim on the same span
    window.imports.import_paths([str(notes)])
    assert len(claims_svc.list_claims(store, dossier.id)) == 2
    # the dossier file becomes a new dossier, opened at once
    window.imports.import_paths([str(backup)])
    assert window.dossier.id != dossier.id and window.dossier.name == dossier.name
    assert window.claims_model.rowCount() == 1 and len(window.sources) == 2
