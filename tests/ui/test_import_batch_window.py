"""The import dialog gives each file its own row and outcome, even when two files share a name."""

from __future__ import annotations

import os

import pytest

from tests.io import docx_fixtures as D


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file kinds")
def test_each_file_its_own_row(qtbot, store, dossier, tmp_path):
    from workbench.ui.main_window import MainWindow
    from workbench.ui.tasks import TaskRunner

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    good = tmp_path / "a" / "rapport.docx"
    good.write_bytes(D.full_document())
    broken = tmp_path / "b" / "rapport.docx"  # same name, other folder: its error must not mark the good one
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    fifo = tmp_path / "tube.txt"
    os.mkfifo(fifo)
    noted = tmp_path / "pied.docx"
    sect = '<w:sectPr><w:footerReference r:id="rF"/></w:sectPr>'  # the footer part is missing
    noted.write_bytes(D.package(D.document(D.p("Le corps reste."), sect), rels=[("rF", "footer", "footer1.xml")]))
    win = MainWindow(store, dossier, runner=TaskRunner(), fresh_layout=True)
    win.quiet_errors = True
    qtbot.addWidget(win)
    win.show()
    win.imports.import_paths([str(good), str(broken), str(fifo), str(noted)])
    dialog = win.imports.import_dialog
    qtbot.waitUntil(lambda: bool(dialog.buttons.standardButtons() & dialog.buttons.StandardButton.Close),
                    timeout=30000)
    results = [dialog.files.topLevelItem(i).text(2) for i in range(4)]
    assert results[0] == "imported"
    assert results[1].startswith("error: not a valid Word document")
    assert results[2].startswith("error: not a regular file (a named pipe")
    assert results[3] == "imported, with notes: part word/footer1.xml is missing from the package"
    assert "Imported 2" in dialog.summary.text()
    win.runner.wait()
