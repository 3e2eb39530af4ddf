"""The Compare panel: run in the background, list findings, jump panes, make a claim from a pair."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

from workbench.core.values import ImportBundle
from workbench.services import claims as claims_svc
from workbench.services import dossiers, sources
from workbench.ui.models.findings_model import FindingsModel

WIRE = ("Le gouvernement a débloqué une aide d'urgence de 3,5 millions d'euros pour les communes sinistrées, "
        "a annoncé la préfecture mardi soir.\n\nLa rivière a atteint 6,42 mètres au pont Neuf.\n")
BLOG = ("Le gouvernement a débloqué une aide d'urgence de 5 millions d'euros pour les communes sinistrées, "
        "a annoncé la préfecture mardi soir.\n\nPartagez cet article !\n")


def _dossier(store):
    d = dossiers.create(store, "Compare", event_date=None)
    for name, text, date in (("wire.txt", WIRE, "2026-03-10"), ("blog.txt", BLOG, "2026-03-11")):
        sources.add(store, d.id, ImportBundle(name=name, kind="txt", original=text.encode(), text=text, title=name),
                    published=__import__("datetime").date.fromisoformat(date))
    return dossiers.get(store, d.id)


@pytest.fixture
def compared(qtbot, store):
    """A window on the two-source dossier with the comparison already shown (synchronous runner)."""
    from workbench.services import compare as compare_svc
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    dossier = _dossier(store)
    win = MainWindow(store, dossier, runner=SyncRunner(), fresh_layout=True)
    qtbot.addWidget(win)
    win.show()
    win.compare_panel.show_result(compare_svc.run(store, dossier.id).to_json())
    return win


def test_compare_panel_finds_amount_and_makes_claim(qtbot, store, tmp_path, qtmodeltester):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import TaskRunner

    dossier = _dossier(store)
    win = MainWindow(store, dossier, runner=TaskRunner(), fresh_layout=True)  # the real threaded runner
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.compare_panel.sig_result, timeout=30000):
        win.actions_by_name["compare"].trigger()
    model: FindingsModel = win.compare_panel.model
    qtmodeltester.check(model)
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(g.startswith("Figures and amounts") for g in groups)
    amounts = model.index(groups.index(next(g for g in groups if g.startswith("Figures"))), 0)
    finding = model.finding(model.index(0, 0, amounts))
    values = sorted(s["value"] for s in finding.spans)
    assert values == [3_500_000, 5_000_000]
    # selecting it shows both spans side by side
    win.compare_panel.view.setCurrentIndex(model.index(0, 0, amounts))
    win.compare_panel._show(model.index(0, 0, amounts))
    shown = {p.source_id for p in win.reading.panes()}
    assert {s["source_id"] for s in finding.spans} <= shown
    # one action: a claim with two appearances
    win.compare_panel.claim_from_current()  # runs on the database worker thread
    qtbot.waitUntil(win.ops.idle, timeout=10000)
    (claim,) = claims_svc.list_claims(store, dossier.id)
    assert sorted(a.span.source_id for a in claim.appearances) == sorted({s["source_id"] for s in finding.spans})
    assert win.current_claim_id == claim.id  # opened once the worker answered
    win.undo.stack.undo()
    qtbot.waitUntil(win.ops.idle, timeout=10000)
    assert claims_svc.list_claims(store, dossier.id) == []
    win.runner.wait()


def test_counterpart_of_aligned_sentence(compared):
    win = compared
    wire_id = next(s.id for s in win.sources.values() if s.title == "wire.txt")
    pane = win.reading.pane_for(wire_id)
    cursor = QTextCursor(pane.view.document())
    cursor.setPosition(10)
    pane.view.setTextCursor(cursor)
    win.reading._set_current(pane)
    found = win.compare.counterparts()
    assert found and found[0]["other"]["source_id"] != wire_id
    win.compare.show_counterpart()
    other = win.reading.pane_for(found[0]["other"]["source_id"])
    assert other is not None


def test_alignment_margin_and_aligned_scrolling(compared, qtbot):
    win = compared
    wire_id = next(s.id for s in win.sources.values() if s.title == "wire.txt")
    blog_id = next(s.id for s in win.sources.values() if s.title == "blog.txt")
    pane = win.reading.pane_for(wire_id)
    assert len(pane.view.gutter.ranges) >= 1 and pane.view.gutter.width() > 0
    # the counterpart of the wire's first sentence is the blog's first sentence
    assert win.compare.aligned_offsets(wire_id, 0) == {blog_id: 0}
    # clicking the margin shows the counterpart in the blog's pane
    from PySide6.QtCore import QPoint, Qt

    qtbot.mouseClick(pane.view.gutter, Qt.MouseButton.LeftButton, pos=QPoint(3, 5))
    blog = win.reading.pane_for(blog_id)
    assert blog is not None and blog.view.textCursor().position() == 0


def test_claim_editor_warns_when_sources_copy_each_other(qtbot, store):
    import datetime as dt

    from workbench.services import compare as compare_svc
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    dossier = _dossier(store)
    copied = ("Copie : " + WIRE.split("\n")[0] + " Les pompiers ont évacué le quartier du Moulin dans la nuit, "
              "sous une pluie battante, avec des bateaux venus des communes voisines.\n")
    original = WIRE.split("\n")[0] + (" Les pompiers ont évacué le quartier du Moulin dans la nuit, sous une pluie "
                                       "battante, avec des bateaux venus des communes voisines.\n")
    for name, text, day in (("agency.txt", original, 9), ("copy.txt", copied, 12)):
        sources.add(store, dossier.id, ImportBundle(name=name, kind="txt", original=text.encode(), text=text,
                                                    title=name), published=dt.date(2026, 3, day))
    win = MainWindow(store, dossier, runner=SyncRunner(), fresh_layout=True)
    qtbot.addWidget(win)
    win.show()
    data = compare_svc.run(store, dossier.id).to_json()
    assert data["reuse"], "copy.txt repeats the agency's paragraph"
    win.compare_panel.show_result(data)
    r = data["reuse"][0]
    cid = win.compare.claim_from_pair((r["a"]["source_id"], r["a"]["start"], r["a"]["end"]),
                              (r["b"]["source_id"], r["b"]["start"], r["b"]["end"]))
    assert cid is not None and win.editor.independence.isVisibleTo(win.editor)
    assert "not independent" in win.editor.independence.text()


def test_french_findings_name_sources_and_values_in_french(qtbot, store, settings_dir):
    """Seen on a real French dossier: « la source 3 cite » became « la Euronews cite », « (sources 2, 3) » stayed
    numbers, tooltips said « … » = one of several, and a page holding its own original "repeated" itself."""
    from PySide6.QtCore import Qt

    from workbench.ui.i18n import install_language
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    dossier = _dossier(store)
    a, b = (s.id for s in sources.list_all(store, dossier.id))
    span_a = {"source_id": a, "start": 0, "end": 14, "exact": "Le gouvernement", "value": "first"}
    span_b = {"source_id": b, "start": 0, "end": 14, "exact": "Le gouvernement", "value": "one of several"}
    quote = {"source_id": b, "start": 0, "end": 14, "exact": "aide d'urgence", "value": "aide d'urgence"}
    data = {"event_date": None, "alignments": [], "sources": [], "discrepancies": [
        {"kind": "other", "note": f"Le rang diffère : « x » (source {a}) contre « y » (sources {a}, {b})",
         "spans": [span_a, span_b]},
        {"kind": "quote_wording", "note": f"la source {b} cite, la source {a} rapporte les mêmes mots",
         "spans": [span_a, quote]}],
        "reuse": [{"a": span_a, "b": span_a, "relation": "translation", "chars": 463, "first": None,
                   "evidence": ""}]}
    install_language("fr")
    try:
        win = MainWindow(store, dossier, runner=SyncRunner(), language="fr", fresh_layout=True)
        qtbot.addWidget(win)
        model = win.compare_panel.model
        win.compare_panel.show_result(data)
        texts = []
        for row in range(model.rowCount()):
            group = model.index(row, 0)
            for r in range(model.rowCount(group)):
                index = model.index(r, 0, group)
                texts.append((index.data(), index.data(Qt.ItemDataRole.ToolTipRole) or ""))
        joined = "\n".join(f"{label}\n{tip}" for label, tip in texts)
        assert "(wire.txt) contre « y » (wire.txt et blog.txt)" in joined
        assert "blog.txt cite, wire.txt rapporte les mêmes mots" in joined and "la blog.txt" not in joined
        assert "au premier rang" in joined and "un parmi d’autres" in joined
        assert "one of several" not in joined and "= first" not in joined
        assert "« aide d'urgence » = aide d'urgence" not in joined  # a quotation's value is its passage
        assert "wire.txt donne deux fois le même passage (463 caractères) (traduction)" in joined
        assert "reprend 463 caractères de wire.txt" not in joined
    finally:
        install_language("en")
