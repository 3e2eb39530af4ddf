"""The window's actions, menus and shortcuts in one table (also shown by Help ▸ Shortcuts)."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


translate = QCoreApplication.translate


def build_actions(win: MainWindow) -> dict[str, QAction]:
    """Create every action with its shortcut, add menus and a toolbar; return them by name."""
    acts: dict[str, QAction] = {}

    def act(
        name: str, text: str, slot: Callable[[], object], shortcut: str | QKeySequence.StandardKey = "", tip: str = ""
    ) -> QAction:
        a = QAction(text, win)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
        a.setToolTip(tip or text)
        a.triggered.connect(lambda _checked=False: slot())
        win.addAction(a)
        acts[name] = a
        return a

    act("import", translate("MainWindow", "&Import files…"), win.imports.choose_and_import, "Ctrl+O")
    act("paste", translate("MainWindow", "&Paste as new source…"), lambda: _paste_source(win), "Ctrl+Shift+V")

    def pub() -> ModuleType:  # the dialog module, imported when first used (not at start-up)
        from workbench.ui.dialogs import publication_dialog

        return publication_dialog

    act("import_url", translate("MainWindow", "Import from &URL…"), lambda: pub().import_from_url(win),
        "Ctrl+Shift+U")
    act("publication", translate("MainWindow", "P&ublication settings…"),
        lambda: pub().open_publication_settings(win))
    act("import_version", translate("MainWindow", "Import new &version of this source…"),
        win.revisions.choose_for_current_pane)
    act("export", translate("MainWindow", "&Export report…"), lambda: _export(win), "Ctrl+Shift+E")
    act("quit", translate("MainWindow", "&Quit"), win.close, QKeySequence.StandardKey.Quit)
    act("new_dossier", translate("MainWindow", "&New dossier…"), lambda: _new_dossier(win))
    act("event_date", translate("MainWindow", "Event &date…"), lambda: _event_date(win))
    act("relate", translate("MainWindow", "&Link to another claim…"), lambda: _relate(win), "Ctrl+Shift+J")
    undo = win.undo.stack.createUndoAction(win, translate("MainWindow", "&Undo"))
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = win.undo.stack.createRedoAction(win, translate("MainWindow", "&Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for name, a in (("undo", undo), ("redo", redo)):
        win.addAction(a)
        acts[name] = a
    act("new_claim", translate("MainWindow", "&New claim from selection"), win.new_claim_from_selection, "Ctrl+N")
    act(
        "add_appearance",
        translate("MainWindow", "Add selection as &appearance"),
        lambda: win.add_selection_as("appearance"),
        "Ctrl+Shift+A",
    )
    act(
        "cite_supports",
        translate("MainWindow", "Cite selection as &supporting"),
        lambda: win.add_selection_as("supports"),
        "Ctrl+Shift+S",
    )
    act(
        "cite_refutes",
        translate("MainWindow", "Cite selection as &refuting"),
        lambda: win.add_selection_as("refutes"),
        "Ctrl+Shift+R",
    )
    act(
        "cite_context",
        translate("MainWindow", "Cite selection as &context"),
        lambda: win.add_selection_as("context"),
        "Ctrl+Shift+X",
    )
    act(
        "cite_external",
        translate("MainWindow", "Cite e&xternal reference…"),
        lambda: _cite_external(win),
        "Ctrl+Shift+L",
    )
    act("delete_claim", translate("MainWindow", "&Delete claim"), win.delete_current_claim, "Ctrl+Del")
    act("next_claim", translate("MainWindow", "Ne&xt claim"), lambda: win.step_claim(1), "Alt+Down")
    act("prev_claim", translate("MainWindow", "Pre&vious claim"), lambda: win.step_claim(-1), "Alt+Up")
    for n in range(1, 10):
        act(
            f"verdict_{n}",
            translate("MainWindow", "Verdict {0}").format(n),
            lambda n=n: win.set_verdict_number(n),
            f"Ctrl+{n}",
        )
    act(
        "search",
        translate("MainWindow", "&Search sources"),
        lambda: (win.search_dock.raise_(), win.search_field.setFocus()),
        "Ctrl+F",
    )
    act("filter", translate("MainWindow", "&Filter claims"), lambda: win.filter_text.setFocus(), "Ctrl+Shift+F")
    act("add_pane", translate("MainWindow", "Add &pane"), lambda: win.reading.add_pane(), "Ctrl+T")
    act(
        "close_pane",
        translate("MainWindow", "&Close pane"),
        lambda: win.reading.current and win.reading.remove_pane(win.reading.current),
        "Ctrl+W",
    )
    link = act("link_scroll", translate("MainWindow", "&Linked scrolling"), lambda: None, "Ctrl+Shift+K")
    link.setCheckable(True)
    link.toggled.connect(lambda on: setattr(win.reading, "linked_scrolling", on))
    act(
        "compare",
        translate("MainWindow", "C&ompare sources"),
        lambda: (win.compare_dock.raise_(), win.compare_panel.run()),
        "Ctrl+Shift+M",
    )
    act(
        "claim_from_pair",
        translate("MainWindow", "Claim from compared &pair"),
        lambda: win.compare_panel.claim_from_current(),
        "Ctrl+Shift+P",
    )
    act(
        "counterpart",
        translate("MainWindow", "Show &counterpart in another source"),
        lambda: win.compare.show_counterpart(),
        "Ctrl+Shift+O",
    )
    act("shortcuts", translate("MainWindow", "&Keyboard shortcuts"), lambda: _shortcuts(win, acts), "F1")
    act("guide", translate("MainWindow", "User &guide"), lambda: _guide(win), "Shift+F1")
    act("about", translate("MainWindow", "&About Workbench"), lambda: _about(win))
    act("view_original", translate("MainWindow", "View &original (image or page)"), lambda: _view_original(win),
        "Ctrl+Shift+I")

    bar = win.menuBar()
    m = bar.addMenu(translate("MainWindow", "&File"))
    for n in ("import", "import_url", "import_version", "paste", "export"):
        m.addAction(acts[n])
    m.addSeparator()
    m.addAction(acts["quit"])
    m = bar.addMenu(translate("MainWindow", "&Dossier"))
    m.addAction(acts["new_dossier"])
    open_menu = m.addMenu(translate("MainWindow", "&Open dossier"))
    open_menu.aboutToShow.connect(lambda: _fill_dossiers(win, open_menu))
    m.addAction(acts["event_date"])
    m.addAction(acts["publication"])
    m = bar.addMenu(translate("MainWindow", "&Edit"))
    m.addAction(acts["undo"])
    m.addAction(acts["redo"])
    m = bar.addMenu(translate("MainWindow", "&Claim"))
    for n in (
        "new_claim",
        "add_appearance",
        "cite_supports",
        "cite_refutes",
        "cite_context",
        "cite_external",
        "relate",
        "delete_claim",
        "next_claim",
        "prev_claim",
    ):
        m.addAction(acts[n])
    verdicts = m.addMenu(translate("MainWindow", "Set &verdict"))
    for i, v in enumerate(win.dossier.scale.verdicts[:9], start=1):
        a = acts[f"verdict_{i}"]
        a.setText(f"{i}. {v.label(win.language)}")
        verdicts.addAction(a)
    m.addSeparator()
    m.addAction(acts["compare"])
    m.addAction(acts["claim_from_pair"])
    m.addAction(acts["counterpart"])
    m = bar.addMenu(translate("MainWindow", "&View"))
    for n in ("search", "filter", "add_pane", "close_pane", "link_scroll", "view_original"):
        m.addAction(acts[n])
    m.addSeparator()
    for dock in (win.sources_dock, win.claims_dock, win.editor_dock, win.search_dock, win.compare_dock):
        m.addAction(dock.toggleViewAction())
    from workbench.ui.settings_menu import build_settings_menu

    build_settings_menu(win, bar)
    m = bar.addMenu(translate("MainWindow", "&Help"))
    m.addAction(acts["guide"])
    m.addAction(acts["shortcuts"])
    m.addSeparator()
    m.addAction(acts["about"])

    tools = win.addToolBar(translate("MainWindow", "Main"))
    tools.setObjectName("MainToolbar")
    for n in ("import", "new_claim", "add_appearance", "cite_supports", "cite_refutes", "cite_context", "add_pane"):
        tools.addAction(acts[n])
    return acts


def _view_original(win: MainWindow) -> None:
    from workbench.ui.dialogs.original_view import show_original

    show_original(win)


def _fill_dossiers(win: MainWindow, menu: object) -> None:
    from PySide6.QtWidgets import QMenu

    from workbench.core.values import DossierInfo
    from workbench.services import dossiers
    from workbench.ui.undo import error_line

    assert isinstance(menu, QMenu)

    def fill(found: list[DossierInfo]) -> None:  # the list is read on the database worker
        import shiboken6

        if not shiboken6.isValid(menu):  # the window went meanwhile
            return
        menu.clear()
        for d in found:
            a = menu.addAction(d.name)
            a.setCheckable(True)
            a.setChecked(d.id == win.dossier.id)
            a.triggered.connect(lambda _c=False, i=d.id: win.team.switch_dossier(i))

    win.ops.submit(dossiers.list_all, fill, lambda exc: win.show_error(error_line(exc)))


def _new_dossier(win: MainWindow) -> None:
    from PySide6.QtWidgets import QInputDialog

    name, ok = QInputDialog.getText(
        win, translate("MainWindow", "New dossier"), translate("MainWindow", "Name of the investigation:")
    )
    if ok and name.strip():
        win.team.new_dossier(name.strip())


def _event_date(win: MainWindow) -> None:
    import datetime as dt

    from PySide6.QtWidgets import QInputDialog

    current = win.dossier.event_date.isoformat() if win.dossier.event_date else ""
    text, ok = QInputDialog.getText(
        win,
        translate("MainWindow", "Event date"),
        translate("MainWindow", "Date of the event (YYYY-MM-DD; empty: inferred from the sources):"),
        text=current,
    )
    if not ok:
        return
    try:
        value = dt.date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        win.show_error(translate("MainWindow", "Bad date {0}: use YYYY-MM-DD").format(text))
        return
    win.team.set_event_date(value)


def _relate(win: MainWindow) -> None:
    from workbench.ui.dialogs.forms import RelateDialog

    if win.current_claim_id is None:
        win.statusBar().showMessage(translate("MainWindow", "Select or create a claim first."), 4000)
        return
    others = [c for c in win.claims_model.claims() if c.id != win.current_claim_id]
    answer = RelateDialog.ask(win, others)
    if answer is not None:
        win.relate_current(*answer)


def _guide(win: MainWindow) -> None:
    from workbench.ui.window_help import show_guide

    show_guide(win)


def _about(win: MainWindow) -> None:
    from workbench.ui.window_help import show_about

    show_about(win)


def _shortcuts(win: MainWindow, acts: dict[str, QAction]) -> None:
    from workbench.ui.dialogs.forms import ShortcutsDialog

    dialog = ShortcutsDialog(win, shortcut_rows(acts))
    if win.quiet_errors:
        dialog.show()
    else:
        dialog.exec()


def shortcut_rows(acts: dict[str, QAction]) -> list[tuple[str, str]]:
    """(action, key) for Help ▸ Shortcuts: only actions that exist now, keys in the interface language."""
    native = QKeySequence.SequenceFormat.NativeText
    return [(a.text().replace("&", ""), a.shortcut().toString(native)) for a in acts.values()
            if not a.shortcut().isEmpty() and a.isVisible()]


def _paste_source(win: MainWindow) -> None:
    from workbench.ui.dialogs.forms import PasteSourceDialog

    result = PasteSourceDialog.ask(win)
    if result is None:
        return
    text, meta = result
    win.imports.add_pasted_source(text, meta)


def _cite_external(win: MainWindow) -> None:
    from workbench.ui.dialogs.forms import ExternalReferenceDialog

    claim_id = win.current_claim_id
    if claim_id is None:
        win.statusBar().showMessage(translate("MainWindow", "Select or create a claim first."), 4000)
        return
    result = ExternalReferenceDialog.ask(win)
    if result is not None:
        stance, fields = result
        win.cite_external(claim_id, stance, **fields)


def _export(win: MainWindow) -> None:
    try:
        from workbench.ui.dialogs.export_dialog import ExportDialog
    except ImportError:  # pragma: no cover - exporters not installed
        win.show_error(translate("MainWindow", "Export is not available in this build."))
        return
    ExportDialog(win.store, win.dossier, win.runner, win, language=win.language, sources=win.sources.values(),
                 show_error=win.show_error, status=win.statusBar().showMessage).exec()
