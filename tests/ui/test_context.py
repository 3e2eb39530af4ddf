"""The working context comes back: window size and docks per database, panes in order, current claim, Compare
results; the first window fits the screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from workbench.services import claims as claims_svc
from workbench.services import sources as sources_svc
from workbench.services.store import Store


def make(qtbot, store, dossier):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    win = MainWindow(store, dossier, runner=SyncRunner())
    win.quiet_errors = True
    qtbot.addWidget(win)
    return win


def test_first_window_fits_the_available_screen(qtbot, store, dossier, settings_dir):
    win = make(qtbot, store, dossier)
    avail = QGuiApplication.primaryScreen().availableGeometry()
    assert win.width() <= avail.width() and win.height() <= avail.height()
    assert avail.contains(win.geometry().center())


def test_size_panes_claim_and_compare_results_come_back(qtbot, store, dossier, settings_dir):
    ids = [s.id for s in sources_svc.list_all(store, dossier.id)]
    claim = claims_svc.create(store, ids[1], 0, 5)
    win = make(qtbot, store, dossier)
    win.show()
    qtbot.waitExposed(win)
    win.resize(798, 760)
    win.open_sources([ids[1], ids[0]])
    win.select_claim(claim.id)
    result = {"discrepancies": [{"kind": "number", "note": "", "spans": [
        {"source_id": ids[0], "start": 0, "end": 4, "exact": "Crue", "value": 1},
        {"source_id": ids[1], "start": 0, "end": 4, "exact": "Blog", "value": 2}]}],
        "sources": [], "reuse": [], "alignments": [], "event_date": None}
    win.compare_panel.show_result(result)
    win.close()
    again = make(qtbot, store, dossier)
    again.restore_context()
    assert again.size().toTuple() == (798, 760)
    assert again.reading.source_ids() == [ids[1], ids[0]]
    assert again.current_claim_id == claim.id
    assert again.compare_panel.result == result
    assert again.compare_panel.model.rowCount() == 1


def test_geometry_is_kept_per_database(qtbot, store, dossier, settings_dir, tmp_path):
    from workbench.services import dossiers

    win = make(qtbot, store, dossier)
    win.show()
    win.resize(798, 760)
    win.close()
    other = Store.open(str(tmp_path / "other.sqlite"), user="tester")
    try:
        d2 = dossiers.create(other, "Autre")
        fresh = make(qtbot, other, d2)
        assert fresh.size().toTuple() != (798, 760)  # another database: its own layout (first time: fitted)
        again = make(qtbot, store, dossier)
        assert again.size().toTuple() == (798, 760)
    finally:
        other.close()


def test_stale_compare_results_are_dropped_and_dossier_switch_keeps_context(qtbot, store, dossier, settings_dir):
    from workbench.services import dossiers
    from workbench.ui import window_context

    ids = [s.id for s in sources_svc.list_all(store, dossier.id)]
    claim = claims_svc.create(store, ids[0], 0, 5)
    win = make(qtbot, store, dossier)
    win.select_claim(claim.id)
    win.compare_panel.result = {"discrepancies": [], "sources": [{"source_id": 999, "flags": []}], "reuse": [],
                                "alignments": []}
    window_context.save_context(win)
    again = make(qtbot, store, dossier)
    again.restore_context()  # the source 999 is gone: the old results are not shown, nothing breaks
    assert again.compare_panel.result is None
    assert again.current_claim_id == claim.id
    other = dossiers.create(store, "Autre")
    again.team.switch_dossier(other.id)
    assert again.current_claim_id is None
    again.team.switch_dossier(dossier.id)
    assert again.current_claim_id == claim.id
