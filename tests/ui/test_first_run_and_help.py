"""First run and help: an empty dossier says what to do, the user guide and About open, the shortcut list follows
the scale, the first edit asks for a name, claims are numbered per dossier."""

from __future__ import annotations

from workbench.core.values import ImportBundle
from workbench.services import claims as claims_svc
from workbench.services import dossiers
from workbench.services import sources as sources_svc


def make(qtbot, store, dossier, **kw):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import SyncRunner

    win = MainWindow(store, dossier, runner=SyncRunner(), fresh_layout=True, **kw)
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.show()
    return win


def test_empty_dossier_shows_what_to_do(qtbot, store, settings_dir):
    empty = dossiers.create(store, "Vide")
    win = make(qtbot, store, empty)
    assert win.centre.currentWidget() is win.empty_page
    texts = " ".join(w.text() for w in win.empty_page.findChildren(type(win.empty_page.import_button)))
    assert "Import" in texts and "Paste" in texts
    text = "Un article collé.\n"
    sources_svc.add(store, empty.id, ImportBundle(name="a.txt", kind="txt", original=text.encode(), text=text,
                                                  title="a"))
    win.refresh_all()
    assert win.centre.currentWidget() is win.reading


def test_user_guide_and_about(window):
    from workbench import __version__
    from workbench.ui.window_help import about_text, guide_path, show_guide

    dialog = show_guide(window)
    assert "Workbench" in dialog.browser.toPlainText()
    assert guide_path("en").name == "user-guide.md"
    assert guide_path("fr").name == "user-guide.fr.md"
    assert __version__ in about_text()
    assert window.actions_by_name["guide"].isEnabled() and window.actions_by_name["about"].isEnabled()


def test_guides_exist_in_both_languages_with_screenshots():
    import re

    from workbench.ui.window_help import guide_path

    for lang in ("en", "fr"):
        path = guide_path(lang)
        text = path.read_text(encoding="utf-8")
        images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
        assert len(images) >= 3, lang
        for image in images:
            assert (path.parent / image).is_file(), image


def test_shortcut_list_follows_the_scale(window, store, dossier):
    from workbench.ui.actions import shortcut_rows

    verdicts = len(window.dossier.scale.verdicts)
    rows = [text for text, _key in shortcut_rows(window.actions_by_name)]
    assert not any(f"Verdict {n}" in t for t in rows for n in range(1, 10))
    listed = [t for t in rows if t.startswith("Verdict:")]
    assert len(listed) == verdicts
    assert not window.actions_by_name[f"verdict_{verdicts + 1}"].isEnabled() if verdicts < 9 else True


def test_first_edit_asks_the_name_once(window, store, dossier, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    asked = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (asked.append(1), ("Alice", True))[1]))
    window.quiet_errors = False
    window.name_known = False
    cid = claims_svc.create(store, next(iter(window.sources)), 0, 5).id
    window.refresh_all()
    window.select_claim(cid)
    window.edit_claim_field(cid, "claimant", "X")
    window.edit_claim_field(cid, "rationale", "Y")
    assert asked == [1]
    assert store.user == "Alice"
    assert claims_svc.history(store, cid)[-1].user == "Alice"


def test_claims_are_numbered_per_dossier(qtbot, store, dossier, settings_dir):
    from PySide6.QtCore import Qt

    for _ in range(3):
        claims_svc.create(store, sources_svc.list_all(store, dossier.id)[0].id, 0, 4)
    other = dossiers.create(store, "Autre")
    text = "Deuxième dossier.\n"
    sid = sources_svc.add(store, other.id, ImportBundle(name="b.txt", kind="txt", original=text.encode(),
                                                        text=text, title="b")).source.id
    cid = claims_svc.create(store, sid, 0, 8).id
    assert cid > 1
    win = make(qtbot, store, dossiers.get(store, other.id))
    assert win.claims_model.data(win.claims_model.index(0, 0), Qt.ItemDataRole.DisplayRole) == 1
    win.select_claim(cid)
    assert win.editor.heading.text().endswith("#1")
