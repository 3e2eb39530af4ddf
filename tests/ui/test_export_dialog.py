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
    claims_svc.update(store, cid, verdict="false", status="concluded", rationale="<script>alert(1)</script>")
    dialog = ExportDialog(window)
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
