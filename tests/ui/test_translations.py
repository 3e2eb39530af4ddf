"""The interface in French: Qt Linguist catalog complete and compiled fresh, Qt's own strings French, no empty label,
no English left in menus, docks, panels and dialogs, shortcut hints with their modifiers, live switching."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTreeWidget,
    QWidget,
)

from workbench.core import i18n
from workbench.ui.i18n import compiled_catalog, install_language, lrelease_program

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "translations" / "workbench_fr.ts"


@pytest.fixture
def french():
    install_language("fr")
    yield
    install_language("en")


def english_only() -> set[str]:
    """English source texts whose French translation differs (seeing one of them in French is a bug)."""
    return {src.replace("&", "") for (_ctx, src), fr in i18n.parse_ts(TS).items()
            if fr.replace("&", "") != src.replace("&", "") and len(src) > 2}


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(__import__("sys").executable).parent))
    if not found:
        pytest.skip("pyside6-lupdate not installed")
    return found


def test_catalog_has_a_finished_translation_for_every_string_in_the_code(tmp_path):
    copy = tmp_path / "workbench_fr.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (REPO / "workbench" / "ui").rglob("*.py"))
    sources += [str(REPO / "workbench" / "core" / "messages.py"), str(REPO / "workbench" / "app.py")]
    subprocess.run([lupdate(), *sources, "-ts", str(copy), "-no-obsolete", "-locations", "none", "-silent"],
                   check=True, capture_output=True, timeout=120)
    import xml.etree.ElementTree as ET

    unfinished = [m.findtext("source") for m in ET.parse(copy).getroot().iter("message")
                  if m.find("translation").get("type") == "unfinished"]
    assert not unfinished, f"translate these in {TS.name} (make translations, then pyside6-linguist): {unfinished}"
    assert i18n.parse_ts(copy) == i18n.parse_ts(TS), "run `make translations`: the catalog is out of date"


def test_translations_keep_placeholders_accelerators_and_are_never_empty():
    for (ctx, src), fr in i18n.parse_ts(TS).items():
        assert fr.strip(), (ctx, src)
        assert sorted(re.findall(r"\{\d*\}", src)) == sorted(re.findall(r"\{\d*\}", fr)), (ctx, src, fr)
        assert ("&" in src.replace("&&", "")) == ("&" in fr.replace("&&", "")), (ctx, src, fr)


def test_compiled_catalog_is_never_stale(tmp_path, monkeypatch):
    if lrelease_program() is None:
        pytest.skip("no lrelease")
    qm = compiled_catalog("fr", cache=tmp_path / "cache")
    assert qm is not None
    translator = QTranslator()
    assert translator.load(str(qm))
    for (ctx, src), fr in i18n.parse_ts(TS).items():
        assert translator.translate(ctx, src) == fr, (ctx, src)
    # a shipped .qm whose stamp names another .ts is ignored; an edited .ts gets a new compiled file
    folder = tmp_path / "translations"
    folder.mkdir()
    ts = folder / "workbench_fr.ts"
    shutil.copy(TS, ts)
    (folder / "workbench_fr.qm").write_bytes(b"stale")
    (folder / "workbench_fr.qm.sha256").write_text("0" * 64, encoding="ascii")
    monkeypatch.setattr("workbench.ui.i18n.catalog_path", lambda lang: folder / f"workbench_{lang}.ts")
    first = compiled_catalog("fr", cache=tmp_path / "cache2")
    assert first is not None and first.parent == tmp_path / "cache2"
    ts.write_text(ts.read_text(encoding="utf-8").replace("&amp;Fichier", "&amp;Fichiers"), encoding="utf-8")
    second = compiled_catalog("fr", cache=tmp_path / "cache2")
    assert second != first
    t2 = QTranslator()
    assert t2.load(str(second))
    assert t2.translate("MainWindow", "&File") == "&Fichiers"
    from workbench.ui.i18n import ts_digest

    (folder / "workbench_fr.qm.sha256").write_text(ts_digest(ts), encoding="ascii")
    assert compiled_catalog("fr", cache=tmp_path / "cache2") == folder / "workbench_fr.qm"


def test_qt_own_strings_are_french_and_unknown_strings_stay_english(qapp, french):
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    assert QCoreApplication.translate("MainWindow", "Never heard of this") == "Never heard of this"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert QCoreApplication.translate("QFileDialog", "File &name:") not in ("", "File &name:")
    native = QKeySequence("Ctrl+Shift+Z").toString(QKeySequence.SequenceFormat.NativeText)
    assert native == "Ctrl+Maj+Z"


def test_core_reader_and_report_labels_share_the_catalog():
    from workbench.core.messages import REPORT_LABELS
    from workbench.io.exporters._common import LABELS, label, labels

    assert i18n.translate("MainWindow", "&File", "fr") == "&Fichier"
    assert i18n.translate("Nowhere", "&File", "fr") == "&Fichier"  # same text in another context
    assert i18n.translate("MainWindow", "unknown text", "fr") == "unknown text"
    assert i18n.translate("MainWindow", "&File", "en") == "&File"
    assert label("fr", "report") == "Rapport de vérification"
    assert label("en", "report") == "Verification report"
    for key, english in LABELS["en"].items():
        assert REPORT_LABELS.get(key) == english, f"add {key!r} to workbench/core/messages.py REPORT_LABELS"
        assert labels("fr")[key] != english or english in ("Action", "Verdict", "Sources", "URL", "SHA-256",
                                                          "Note", "Archive", "Source", "page", "—", "Date",
                                                          "Contexte", "original", "verdict", "sources", "PDF"), \
            f"translate report label {english!r}"  # the same word in both languages
    assert i18n.translate_message("Import", "the file is too large (12 MiB)", "fr") == \
        "le fichier est trop volumineux (12 MiB)"
    assert "es" not in i18n.available_languages() or i18n.translate("MainWindow", "&File", "es")


def test_import_errors_and_compare_notes_translated(qapp, french):
    from workbench.ui.i18n import translate_error, translate_note

    assert translate_error("scan.pdf: not a PDF file") == "scan.pdf : ce n’est pas un fichier PDF"
    assert translate_error("a: b.txt: the file is empty") == "a: b.txt : le fichier est vide"
    assert translate_error("x.bin: something new") == "x.bin: something new"
    note = translate_note("TASS vs RIA: Ushakov quoted in different words (translation or paraphrase)")
    assert note == "TASS contre RIA: Ushakov cité en d’autres termes (traduction ou paraphrase)"


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every label, button, placeholder, title, combo item, header and menu action under root."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel) and not w.pixmap().isNull():
            continue
        if isinstance(w, QLabel) or (isinstance(w, QAbstractButton) and w.icon().isNull()):
            out.append((where, w.text()))
        elif isinstance(w, QLineEdit) and w.placeholderText():
            out.append((where + ".placeholder", w.placeholderText()))
        elif isinstance(w, QGroupBox):
            out.append((where, w.title()))
        elif isinstance(w, QDockWidget):
            out.append((where, w.windowTitle()))
        elif isinstance(w, QComboBox):
            out += [(where, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QTreeWidget):
            header = w.headerItem()
            out += [(where + ".header", header.text(c)) for c in range(header.columnCount())]
            out += [(where + ".item", w.topLevelItem(i).text(c)) for i in range(w.topLevelItemCount())
                    for c in range(w.columnCount())]
        elif isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            out += [(where + ".header", str(model.headerData(c, Qt.Orientation.Horizontal)))
                    for c in range(model.columnCount()) if not w.isColumnHidden(c)]
        if isinstance(w, QMenu) or w is root:
            for a in w.actions():
                if not a.isSeparator():
                    out.append((where + ".action", a.text()))
                    if a.toolTip():
                        out.append((where + ".tooltip", a.toolTip()))
    return out


def assert_french(root: QWidget, allow_empty: tuple[type, ...] = ()) -> None:
    english = english_only()
    bad = []
    for where, text in visible_texts(root):
        clean = text.replace("&", "").strip()
        if not clean and not where.startswith(tuple(t.__name__ for t in allow_empty)) and ".action" in where:
            bad.append((where, "<empty>"))
        elif clean in english:
            bad.append((where, text))
    assert not bad, f"English or empty in the French interface: {bad}"


def french_window(qtbot, store, dossier):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    win = MainWindow(store, dossier, runner=SyncRunner(), language="fr", fresh_layout=True)
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_menus_panels_and_dialogs_in_french(qtbot, store, dossier, french, settings_dir):
    from workbench.services import claims as claims_svc
    from workbench.ui.dialogs.export_dialog import ExportDialog
    from workbench.ui.dialogs.forms import (
        ExternalReferenceDialog,
        PasteSourceDialog,
        RelateDialog,
        ShortcutsDialog,
        SourceMetadataDialog,
    )

    claim = claims_svc.create(store, next(iter(claims_svc_sources(store, dossier))), 0, 8)
    win = french_window(qtbot, store, dossier)
    win.select_claim(claim.id)
    assert win.claims_dock.windowTitle() == "Affirmations"
    assert win.suggest_dock.windowTitle() == "Suggestions"  # a short tab: "Suggérer des affirmations" was cut
    assert win.actions_by_name["new_claim"].text() == "&Nouvelle affirmation depuis la sélection"
    assert win.claims_model.headerData(1, Qt.Orientation.Horizontal) == "Énoncé"
    for menu in win.menuBar().findChildren(QMenu):
        menu.aboutToShow.emit()  # menus filled on demand (Open dossier)
    assert_french(win)
    for dock in win.findChildren(QDockWidget):
        assert dock.windowTitle().strip()
    from workbench.ui.dialogs.import_progress import ImportProgressDialog
    from workbench.ui.tasks import Task

    native = QKeySequence.SequenceFormat.NativeText
    dialogs: list[QDialog] = [
        ImportProgressDialog(win, Task("import"), ["a.pdf", "b.docx"]),
        ExportDialog(win.store, win.dossier, win.runner, win, language=win.language),
        SourceMetadataDialog(win, next(iter(win.sources.values()))),
        PasteSourceDialog(win),
        ExternalReferenceDialog(win),
        RelateDialog(win, win.claims_model.claims()),
        ShortcutsDialog(win, [(a.text().replace("&", ""), a.shortcut().toString(native))
                              for a in win.actions_by_name.values() if not a.shortcut().isEmpty()]),
    ]
    for dialog in dialogs:
        dialog.show()
        assert dialog.windowTitle().strip(), type(dialog).__name__
        assert_french(dialog)
        for box in dialog.findChildren(QDialogButtonBox):
            for button in box.buttons():
                assert button.text().replace("&", "").strip(), f"empty button in {type(dialog).__name__}"
                assert button.text().replace("&", "") not in ("Cancel", "Close", "Save", "Apply"), \
                    f"English button {button.text()!r} in {type(dialog).__name__}"
        dialog.close()


def claims_svc_sources(store, dossier):
    from workbench.services import sources

    return [s.id for s in sources.list_all(store, dossier.id)]


def test_file_dialog_in_french_has_labels_and_headers(qtbot, qapp, french):
    dialog = QFileDialog(None, "Importer")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.text()]
    assert any("fichier" in t.lower() for t in labels), labels
    assert not {t.replace("&", "") for t in labels} & {"Look in:", "Files of type:", "File name:"}, labels
    for box in dialog.findChildren(QDialogButtonBox):
        texts = [b.text().replace("&", "") for b in box.buttons()]
        assert all(texts) and "Annuler" in texts, texts
    views = [v for v in dialog.findChildren(QWidget) if type(v).__name__ == "QTreeView"]
    headers = [views[0].model().headerData(c, Qt.Orientation.Horizontal) for c in range(views[0].model().columnCount())]
    assert "Nom" in headers and all(headers), headers
    # the text context menu of a field: no empty entries
    field = QLineEdit("texte")
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert all(t.replace("&", "").strip() for t in texts) and any("Copier" in t.replace("&", "") for t in texts), texts


def test_shortcut_hints_keep_their_modifiers(qtbot, store, dossier, french, settings_dir):
    win = french_window(qtbot, store, dossier)
    seen = 0
    for name, action in win.actions_by_name.items():
        portable = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        native = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if not portable:
            continue
        seen += 1
        if "Ctrl" in portable:
            assert "Ctrl" in native, (name, native)
        if "Shift" in portable:
            assert "Maj" in native, (name, native)
        if "Alt" in portable:
            assert "Alt" in native, (name, native)
        assert len(native) > 1, (name, native)
    assert seen > 15
    assert win.actions_by_name["undo"].shortcut().toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+Z"


def test_undo_labels_translated(qtbot, store, dossier, french, settings_dir):
    from workbench.services import claims as claims_svc

    win = french_window(qtbot, store, dossier)
    claim = claims_svc.create(store, claims_svc_sources(store, dossier)[0], 0, 8)
    win.refresh_all()
    win.select_claim(claim.id)
    win.edit_claim_field(claim.id, "claimant", "Le préfet")
    assert win.undo.stack.undoText() == "Modifier l’auteur"
    win.editor.tabs.setCurrentWidget(win.editor.history)  # the history is read when its tab shows
    history = [win.editor.history.item(i).text() for i in range(win.editor.history.count())]
    assert any("l’auteur — modification" in line for line in history), history
    assert not any(" update " in line or " create" in line for line in history), history
    assert win.actions_by_name["undo"].text().startswith("&Annuler")


def test_language_switched_live_keeps_the_context(qtbot, window, store, dossier):
    from workbench.services import claims as claims_svc
    from workbench.ui.window_context import switch_language

    claim = claims_svc.create(store, claims_svc_sources(store, dossier)[0], 0, 8)
    window.refresh_all()
    window.select_claim(claim.id)
    panes = window.reading.source_ids()
    assert window.actions_by_name["new_claim"].text() == "&New claim from selection"
    try:
        new = switch_language(window, "fr")
        qtbot.addWidget(new)
        assert new.actions_by_name["new_claim"].text() == "&Nouvelle affirmation depuis la sélection"
        assert new.claims_dock.windowTitle() == "Affirmations"
        assert new.reading.source_ids() == panes
        assert new.current_claim_id == claim.id
        assert new.size() == window.size()
        qtbot.waitUntil(lambda: not window.isVisible())
        back = switch_language(new, "en")
        qtbot.addWidget(back)
        assert back.actions_by_name["new_claim"].text() == "&New claim from selection"
    finally:
        install_language("en")


def test_settings_menu_switches_the_language_at_once(qtbot, window):
    from PySide6.QtWidgets import QMenu

    try:
        action = next(a for m in window.menuBar().findChildren(QMenu) for a in m.actions() if a.text() == "Français")
        action.trigger()
        new = window.replacement
        assert new is not None
        qtbot.addWidget(new)
        assert new.language == "fr" and new.menuBar().actions()[0].text() == "&Fichier"
        assert not window.team.live_timer.isActive()
    finally:
        install_language("en")


def test_source_badges_in_french_before_the_title(qapp, french):
    import datetime as dt

    from workbench.core.values import SourceInfo
    from workbench.ui.models.simple_models import SourcesModel

    source = SourceInfo(id=4, dossier_id=1, title="Xi s'entretient avec Poutine", outlet="x", author="",
                        published=dt.date(2025, 1, 22), url="", language="fr", kind="txt", reliability_note="",
                        imported_at=dt.datetime(2026, 2, 4), sha256="", text_sha256="", text_length=10)
    model = SourcesModel()
    model.set_rows([source])
    model.set_flags({4: ["recycled"]})
    index = model.index(0, 0)
    assert model.data(index) == "[recyclée] Xi s'entretient avec Poutine"
    assert "recyclée" in model.data(index, Qt.ItemDataRole.ToolTipRole)
