"""The Suggest claims panel: top sentences per source, Enter turns the selected one into an undoable claim."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from workbench.core.values import ImportBundle
from workbench.services import claims as claims_svc
from workbench.services import dossiers, sources

TEXT = (
    "Le ministre Paul Arnaud a annoncé mardi que le chômage avait baissé de 2,4 % en un an.\n"
    "Je pense que c'est une magnifique nouvelle.\n"
    "Faut-il s'en réjouir ?\n"
)


def test_suggest_lists_and_enter_makes_a_claim(qtbot, store):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    d = dossiers.create(store, "Triage", event_date=None)
    sources.add(store, d.id, ImportBundle(name="a.txt", kind="txt", original=TEXT.encode(), text=TEXT, title="a"),
                published=dt.date(2026, 3, 3))
    win = MainWindow(store, dossiers.get(store, d.id), runner=SyncRunner(), fresh_layout=True)
    qtbot.addWidget(win)
    win.show()
    panel = win.suggest_panel
    with qtbot.waitSignal(panel.sig_done, timeout=10000):
        panel.run_button.click()
    tree = panel.tree
    assert tree.topLevelItemCount() == 1
    branch = tree.topLevelItem(0)
    src = sources.list_all(store, d.id)[0]
    assert branch.text(0) == f"{src.id} · a"  # numbered as in the panes: one outlet's two sources stay apart
    assert branch.childCount() == 1  # opinion and question are not suggested
    leaf = branch.child(0)
    assert leaf.text(0).startswith("Le ministre Paul Arnaud")
    tree.setCurrentItem(leaf)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    made = claims_svc.list_claims(store, d.id)
    assert len(made) == 1
    assert made[0].appearances[0].span.exact.startswith("Le ministre Paul Arnaud")
    win.undo.stack.undo()
    assert claims_svc.list_claims(store, d.id) == []


def test_suggest_reasons_in_french(qtbot, store, settings_dir):
    """The reasons of a suggestion (its tooltip) follow the interface language: they were English in French."""
    from workbench.ui.i18n import install_language
    from workbench.ui.main_window import MainWindow
    from workbench.ui.panels.suggest_panel import REASON_LABELS, reason_text
    from workbench.ui.tasks import SyncRunner

    d = dossiers.create(store, "Triage", event_date=None)
    sources.add(store, d.id, ImportBundle(name="a.txt", kind="txt", original=TEXT.encode(), text=TEXT, title="a"),
                published=dt.date(2026, 3, 3))
    install_language("fr")
    try:
        win = MainWindow(store, dossiers.get(store, d.id), runner=SyncRunner(), language="fr", fresh_layout=True)
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(win.suggest_panel.sig_done, timeout=10000):
            win.suggest_panel.run_button.click()
        tip = win.suggest_panel.tree.topLevelItem(0).child(0).toolTip(0)
        assert "chiffre" in tip and "personne ou organisme nommé" in tip
        assert "figure" not in tip and "named person" not in tip
        assert "," in win.suggest_panel.tree.topLevelItem(0).child(0).text(1)  # the score's decimal sign: 0,67
        english = {v for v in REASON_LABELS.values() if v not in {"date", "opinion", "question"}}
        assert not {reason_text([k]) for k in REASON_LABELS} & english  # every reason has its French words
    finally:
        install_language("en")
