"""File ▸ Export: preview and export from the dialog, with filters, through the same service as the CLI."""

from __future__ import annotations

from PySide6.QtCore import Qt

from workbench.services import claims as claims_svc


def test_export_dialog_preview_and_files(window, store, dossier, tmp_path):
    from tests.ui.test_window import select
    from workbench.ui.dialogs.export_dialog import ExportDialog

    pane = window.reading.panes()[0]
    select(pane, pane.view.text, "1 200 habitants")
    cid = window.new_claim_from_selection()
    claims_svc.update(store, cid, verdict="false", status="concluded", rationale="<script>alert(1)</script>",
                      claimant="Le maire")
    from workbench.services import publication

    for key, value in (("organisation", "Vérif"), ("organisation-url", "https://verif.example"),
                       ("publication-url", "https://verif.example/fc/{claim}")):
        publication.set_value(store, key, value, dossier.id)
    dialog = ExportDialog(window.store, window.dossier, window.runner, window, language=window.language,
                          sources=window.sources.values(), show_error=window.show_error)
    dialog.run_preview()
    assert "1 200 habitants" in dialog.preview.toPlainText()
    assert "<script>alert(1)</script>" in dialog.preview.toPlainText()  # shown as text, never run
    for fmt in ("html", "md", "csv", "json", "claimreview", "annotations", "docx", "pdf"):
        dialog.format.setCurrentIndex(dialog.format.findData(fmt))
        dialog.path.setText(str(tmp_path / f"out{dialog.request().format}"))
        dialog.run_export()
        assert dialog.written is not None and dialog.written.stat().st_size > 100, fmt
    # a verdict filter that matches nothing gives an empty report, not an error
    dialog.verdicts.item(0).setCheckState(Qt.CheckState.Checked)  # "true"
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.path.setText(str(tmp_path / "filtered.csv"))
    dialog.run_export()
    assert (tmp_path / "filtered.csv").read_text(encoding="utf-8-sig").count("\n") == 1


def test_export_dialog_on_the_sample_dossier(qtbot, tmp_path):
    """Every format from the sample dossier through the dialog, as a user would, in the background."""
    import json

    from workbench.services import sample
    from workbench.services.store import Store
    from workbench.ui.dialogs.export_dialog import ExportDialog
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import TaskRunner

    store = Store.open(str(tmp_path / "sample.sqlite"), user="tester")
    try:
        dossier = sample.load(store)
        from workbench.services import publication

        for key, value in (("organisation", "Vérif"), ("organisation-url", "https://verif.example"),
                           ("publication-url", "https://verif.example/fc/{claim}")):
            publication.set_value(store, key, value, dossier.id)  # ClaimReview refuses without them
        win = MainWindow(store, dossier, runner=TaskRunner(), fresh_layout=True)
        win.quiet_errors = True
        qtbot.addWidget(win)
        dialog = ExportDialog(win.store, win.dossier, win.runner, win, sources=win.sources.values(),
                              show_error=win.show_error)
        qtbot.addWidget(dialog)
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        dialog.discrepancies.setChecked(True)
        for fmt in ("html", "pdf", "md", "docx", "json", "csv", "claimreview", "annotations"):
            dialog.format.setCurrentIndex(dialog.format.findData(fmt))
            target = tmp_path / f"sample.{fmt}"
            dialog.path.setText(str(target))
            dialog.written = None
            dialog.run_export()
            qtbot.waitUntil(lambda t=target: dialog.written == t, timeout=60000)
            assert target.stat().st_size > 500, fmt
        doc = json.loads((tmp_path / "sample.json").read_text(encoding="utf-8"))
        assert len(doc["sources"]) == 5 and len(doc["claims"]) == 5
        html = (tmp_path / "sample.html").read_text(encoding="utf-8")
        assert "Divergences entre les sources" in html or "divergences" in html.lower()
        win.runner.wait()
    finally:
        store.close()


def test_export_dialog_needs_no_window(qtbot, store, dossier, tmp_path):
    """The dialog gets the store, the dossier and a runner: no main window; what happens is said in the dialog."""
    from workbench.ui.dialogs.export_dialog import ExportDialog
    from workbench.ui.tasks import SyncRunner

    dialog = ExportDialog(store, dossier, SyncRunner())
    qtbot.addWidget(dialog)
    assert dialog.sources.count() == 0  # no sources offered: none were given
    dialog.path.setText("")
    dialog.run_export()
    assert dialog.message.text() == "Choose a file to export to."
    target = tmp_path / "report.md"
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.path.setText(str(target))
    dialog.run_export()
    assert dialog.written == target and target.stat().st_size > 0
    assert str(target) in dialog.message.text()


def test_claimreview_refusal_points_to_the_window_settings_in_french(qtbot, store, dossier, settings_dir):
    """The French window showed the command line's English refusal ("workbench setting organisation NAME")."""
    from workbench.ui.dialogs.export_dialog import ExportDialog
    from workbench.ui.i18n import install_language
    from workbench.ui.tasks import SyncRunner

    cli = ("ClaimReview not written: it needs the organisation name (workbench setting organisation NAME); the "
           "organisation URL (workbench setting organisation-url URL); the publication URL (workbench setting "
           "publication-url URL, may hold {claim}); who made claim 2 (its claimant)")
    install_language("fr")
    try:
        shown: list[str] = []
        dialog = ExportDialog(store, dossier, SyncRunner(), language="fr", show_error=shown.append)
        qtbot.addWidget(dialog)
        dialog._failed(cli)
        assert shown == ["ClaimReview non écrit : Google demande le nom de l’organisation (Dossier ▸ Réglages de "
                         "publication) ; l’URL de l’organisation (Dossier ▸ Réglages de publication) ; l’URL de "
                         "publication (Dossier ▸ Réglages de publication) ; l’auteur de l’affirmation 2."]
        dialog._failed("disk full")
        assert shown[-1] == "disk full"
    finally:
        install_language("en")


def test_report_is_offered_under_the_dossier_name(qtbot, store, dossier):
    """The suggested file is named after the dossier (it was "report.html" in every language)."""
    import dataclasses
    from pathlib import Path

    from workbench.ui.dialogs.export_dialog import ExportDialog
    from workbench.ui.tasks import SyncRunner

    named = dataclasses.replace(dossier, name="Poutine–Xi : l'appel du 4 février")
    dialog = ExportDialog(store, named, SyncRunner())
    qtbot.addWidget(dialog)
    dialog.path.setText("")
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog._suggest_path()
    assert Path(dialog.path.text()).name == "Poutine-Xi-l-appel-du-4-février.md"
    assert ExportDialog(store, dataclasses.replace(dossier, name="« ? »"), SyncRunner()).default_stem() == "report"
