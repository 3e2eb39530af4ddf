"""The window's reads go through the database worker: nothing changes on screen until the worker answers.

A :class:`HeldRunner` keeps every job until the test releases it, so each test first sees the window as it was (the
GUI thread did not read the database itself), then what the worker read.
"""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from tests.ui.conftest import TEXT_A
from workbench.core.values import ImportBundle
from workbench.services import claims as claims_svc
from workbench.services import dossiers as dossiers_svc
from workbench.services import sources as sources_svc
from workbench.ui.undo import OperationRunner, _execute


class HeldRunner(OperationRunner):
    """Queues jobs; :meth:`release` runs them in order (as the worker would) and delivers their results."""

    def __init__(self, store, parent=None):
        super().__init__(store, parent)
        self.held = []

    def _launch(self, job, on_done, on_error):
        self.held.append((job, on_done, on_error))

    def release(self):
        while self.held:
            job, on_done, on_error = self.held.pop(0)
            ok, value = _execute(job, self.store)
            self._deliver((on_done, on_error, ok, value))


@pytest.fixture
def held(qtbot, store, dossier, settings_dir):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    ops = HeldRunner(store)
    win = MainWindow(store, dossier, runner=SyncRunner(), fresh_layout=True, ops=ops)
    win.quiet_errors = True
    qtbot.addWidget(win)
    ops.release()  # the live-refresh cursor
    return win, ops


def _claim(store, source_id, quote):
    start = sources_svc.text(store, source_id).index(quote)
    return claims_svc.create(store, source_id, start, start + len(quote), statement=quote).id


def test_dossier_switch_shows_the_new_dossier_after_the_worker_answers(held, store, dossier):
    win, ops = held
    other = dossiers_svc.create(store, "Autre enquête")
    src = sources_svc.add(store, other.id, ImportBundle(name="c.txt", kind="txt", original=TEXT_A.encode() + b"!",
                                                        text=TEXT_A, title="c.txt")).source
    cid = _claim(store, src.id, "1 200 habitants")
    before = win.claims_model.claims()
    switched = []
    win.sig_dossier_changed.connect(switched.append)
    win.team.switch_dossier(other.id)
    assert win.dossier.id == dossier.id and win.claims_model.claims() == before  # nothing read on the GUI thread
    assert len(ops.held) == 1  # one job: mark it current and read what to show
    ops.release()
    assert win.dossier.id == other.id and switched == [other.id]
    assert [c.id for c in win.claims_model.claims()] == [cid]
    assert set(win.sources) == {src.id} and win.reading.source_ids() == [src.id]
    assert win.windowTitle().startswith("Autre enquête")
    assert dossiers_svc.current(store).id == other.id


def test_switch_to_a_missing_dossier_is_one_line(held, dossier):
    win, ops = held
    win.team.switch_dossier(9999)
    ops.release()
    assert win.dossier.id == dossier.id
    assert "9999" in win.statusBar().currentMessage()


def test_selecting_claims_shows_the_last_one_asked_for(held, store, dossier):
    win, ops = held
    a = next(iter(win.sources))
    first, second = _claim(store, a, "1 200 habitants"), _claim(store, a, "mardi matin")
    win.refresh_all()
    ops.release()
    seen = []
    win.sig_claim_selected.connect(seen.append)
    win.select_claim(first)
    win.select_claim(second)  # the user went on before the worker answered
    assert win.editor.claim is None and win.current_claim_id is None
    ops.release()
    assert seen == [second] and win.current_claim_id == second
    assert win.editor.claim.id == second and win.editor.statement.toPlainText() == "mardi matin"


def test_event_date_and_refresh_all_go_through_the_worker(held, store, dossier):
    win, ops = held
    win.team.set_event_date(dt.date(2026, 3, 10))
    assert win.dossier.event_date is None
    ops.release()
    assert win.dossier.event_date == dt.date(2026, 3, 10)
    assert dossiers_svc.get(store, dossier.id).event_date == dt.date(2026, 3, 10)
    sources_svc.add(store, dossier.id, ImportBundle(name="n.txt", kind="txt", original=b"Nouvelle source.",
                                                    text="Nouvelle source.", title="n.txt"))
    count = win.sources_model.rowCount()
    win.refresh_all()
    assert win.sources_model.rowCount() == count
    ops.release()
    assert win.sources_model.rowCount() == count + 1


def test_drift_view_reads_on_the_worker(held, store, dossier, qtbot):
    from workbench.services import revisions as revisions_svc
    from workbench.ui.panels.drift_view import DriftDialog

    win, ops = held
    a = next(s for s in win.sources.values() if s.title == "a.txt")
    _claim(store, a.id, "1 200 habitants")
    text = TEXT_A.replace("1 200", "1 350")
    revisions_svc.import_revision(store, a.id, ImportBundle(name="a2.txt", kind="txt", original=text.encode(),
                                                            text=text, title="a.txt"))
    dialog = DriftDialog(ops, a.id, win)
    qtbot.addWidget(dialog)
    assert dialog.view.old_combo.count() == 0 and dialog.view.model.rowCount() == 0
    with qtbot.waitSignal(dialog.view.sig_loaded, timeout=1000):
        ops.release()
    assert dialog.view.old_combo.count() == 2 and dialog.view.model.rowCount() == 1
    assert "1 350" in dialog.view.new_text.toPlainText()


def test_file_import_parses_in_a_task_and_stores_on_the_worker(qtbot, store, dossier, tmp_path, monkeypatch,
                                                               settings_dir):
    """The parse runs in the task's thread, the store on the serial database worker: three different threads."""
    from workbench.io import registry
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import TaskRunner

    threads: dict[str, int] = {}
    real_read, real_import = registry.read_file, sources_svc.import_files

    def read(path, *a, **k):
        threads["parse"] = threading.get_ident()
        return real_read(path, *a, **k)

    def store_files(*a, **k):
        threads["store"] = threading.get_ident()
        return real_import(*a, **k)

    monkeypatch.setattr(registry, "read_file", read)
    monkeypatch.setattr(sources_svc, "import_files", store_files)
    win = MainWindow(store, dossier, runner=TaskRunner(), fresh_layout=True)
    win.quiet_errors = True
    qtbot.addWidget(win)
    paths = []
    for i in range(2):
        path = tmp_path / f"wire-{i}.txt"
        path.write_text(f"Dépêche {i} : la préfecture annonce des évacuations.\n", encoding="utf-8")
        paths.append(str(path))
    before = win.sources_model.rowCount()
    task = win.imports.import_paths(paths)
    with qtbot.waitSignal(task.sig_finished, timeout=30000) as finished:
        pass
    assert len(finished.args[0].added) == 2
    qtbot.waitUntil(lambda: win.ops.idle() and win.sources_model.rowCount() == before + 2, timeout=10000)
    worker: list[int] = []
    win.ops.submit(lambda _s: threading.get_ident(), worker.append)
    qtbot.waitUntil(lambda: bool(worker), timeout=5000)
    main = threading.get_ident()
    assert threads["store"] == worker[0] != main
    assert threads["parse"] not in (worker[0], main)
    win.undo.stack.undo()  # the import's undo trashes both sources in one operation
    qtbot.waitUntil(lambda: win.ops.idle() and win.sources_model.rowCount() == before, timeout=10000)
    win.runner.wait()


def test_open_dossier_menu_lists_what_the_worker_read(held, store, dossier):
    from PySide6.QtWidgets import QMenu

    win, ops = held
    dossiers_svc.create(store, "Autre enquête")
    menu = next(m for m in win.findChildren(QMenu) if m.title() == "&Open dossier")
    menu.aboutToShow.emit()
    assert [a.text() for a in menu.actions()] == []  # not read on the GUI thread
    ops.release()
    assert sorted(a.text() for a in menu.actions()) == ["Autre enquête", "Test dossier"]
    assert [a.text() for a in menu.actions() if a.isChecked()] == ["Test dossier"]


def test_refresh_all_does_not_take_back_a_claim_selected_meanwhile(held, store):
    win, ops = held
    a = next(iter(win.sources))
    first, second = _claim(store, a, "1 200 habitants"), _claim(store, a, "mardi matin")
    win.refresh_all()
    ops.release()
    win.select_claim(first)
    ops.release()
    seen = []
    win.sig_claim_selected.connect(seen.append)
    win.refresh_all()  # reads the current claim (first)...
    win.select_claim(second)  # ...but the user moves on before the worker answers
    ops.release()
    assert seen == [second]  # the first claim never came back, not even for a moment
    assert win.current_claim_id == second and win.editor.claim.id == second


def test_a_pane_pointed_at_another_source_reads_it_on_the_worker(held, store, dossier):
    win, ops = held
    extra = sources_svc.add(store, dossier.id, ImportBundle(name="d.txt", kind="txt", original=b"d",
                                                            text="Une autre source. La digue a tenu.",
                                                            title="d.txt")).source
    win.refresh_all()
    ops.release()
    pane = win.reading.panes()[0]
    win._load_pane(pane, extra.id)  # what choosing it in the pane's list does
    assert pane.source_id == extra.id and pane.title.text() == "d.txt"  # the header at once
    assert pane.view.loading and pane.view.toPlainText() == "" and "d.txt" in pane.view.placeholderText()
    start = "Une autre source. La digue a tenu.".index("digue")
    pane.view.show_range(start, start + 5)  # asked before the text is there: kept for it
    assert len(ops.held) == 1
    ops.release()
    assert not pane.view.loading and pane.view.toPlainText() == sources_svc.text(store, extra.id)
    assert pane.view.textCursor().position() == start  # the waiting scroll was applied
    first = win.reading.panes()[0]
    win._load_pane(first, extra.id)
    other = sources_svc.list_all(store, dossier.id)[0]
    win._load_pane(first, other.id)  # changed its mind before the worker answered
    ops.release()
    assert first.source_id == other.id and first.view.toPlainText() == sources_svc.text(store, other.id)


def test_a_pane_on_a_source_not_listed_yet_reads_its_header_on_the_worker_too(held, store, dossier):
    win, ops = held
    new = sources_svc.add(store, dossier.id, ImportBundle(name="e.txt", kind="txt", original=b"e",
                                                          text="Une source toute neuve.", title="e.txt")).source
    assert new.id not in win.sources  # just imported: the window has not re-listed its sources yet
    pane = win.reading.panes()[0]
    gets = []
    real = sources_svc.get
    sources_svc.get = lambda store, sid: gets.append(threading.current_thread()) or real(store, sid)
    try:
        win._load_pane(pane, new.id)
        assert gets == [] and pane.source_id == new.id and f"#{new.id}" in pane.view.placeholderText()
        ops.release()
    finally:
        sources_svc.get = real
    assert pane.title.text() == "e.txt" and pane.view.toPlainText() == sources_svc.text(store, new.id)
