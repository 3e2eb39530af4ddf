"""View ▸ View original: the page image of an OCR source, with the selected words outlined."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from tests.ui.test_window import select
from workbench.core.values import ImportBundle
from workbench.services import sources

TEXT = "Bonjour le monde\n\nSuite page deux\n"


def _png(size: tuple[int, int]) -> bytes:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).rectangle((10, 10, 60, 30), fill="black")
    out = io.BytesIO()
    image.save(out, "TIFF", save_all=True, append_images=[Image.new("RGB", size, "white")])
    return out.getvalue()


def test_view_original_shows_the_page_and_outlines_the_selection(window, store, dossier, qtbot) -> None:
    words = [
        {"page": 1, "width": 400, "height": 200, "words": [[0, 7, 10, 10, 60, 30, 96.0], [8, 10, 70, 10, 90, 30, 95.0],
                                                           [11, 16, 100, 10, 160, 30, 94.0]]},
        {"page": 2, "width": 400, "height": 200, "words": [[18, 23, 10, 10, 60, 30, 90.0]]},
    ]
    bundle = ImportBundle(name="scan.tiff", kind="image", original=_png((400, 200)), text=TEXT, title="Scan",
                          page_map=((0, 1), (18, 2)), ocr={"engine": "tesseract", "pages": 2}, ocr_words=words)
    sid = sources.add(store, dossier.id, bundle).source.id
    window.refresh_all()
    pane = window.reading.pane_for(sid) or window.reading.add_pane(sid)
    select(pane, TEXT, "le monde")
    window.actions_by_name["view_original"].trigger()
    dialog = window.original_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and dialog.pages == 2
    assert not dialog.image.pixmap().isNull() and dialog.image.pixmap().width() == 400
    assert dialog.info.text() == "3 OCR word(s) on this page, 2 selected"
    pixel = dialog.image.pixmap().toImage().pixelColor(120, 20)  # inside the outlined "monde" box: tinted
    assert (pixel.red(), pixel.green(), pixel.blue()) != (255, 255, 255)
    dialog.page.setValue(2)
    assert dialog.info.text() == "1 OCR word(s) on this page, 0 selected"


def test_view_original_of_a_text_source_says_there_is_none(window) -> None:
    window.reading.add_pane()
    window.actions_by_name["view_original"].trigger()
    assert "no page image" in window.statusBar().currentMessage()


def test_importing_a_screenshot_in_the_window_reports_its_pages(window, store, dossier, qtbot, tmp_path) -> None:
    from tests.io.test_import_ocr import FRENCH, render

    path = tmp_path / "capture.png"
    render(FRENCH).save(path)
    labels: list[str] = []
    window.runner.sig_task_started.connect(lambda task: task.sig_progress.connect(lambda d, t, n: labels.append(n)))
    window.imports.import_paths([str(path)])
    assert "capture.png (page 1)" in labels
    (added,) = [s for s in sources.list_all(store, dossier.id) if s.kind == "image"]
    assert added.ocr is not None and added.ocr["language"] == "fr"
    assert window.reading.pane_for(added.id) is not None  # opened in a pane, its text is the OCR text
    assert "Saint-Aubin" in window.reading.pane_for(added.id).view.toPlainText()


def test_view_original_of_an_unlisted_source_reads_it_in_the_background(window, store, dossier, qtbot,
                                                                         monkeypatch) -> None:
    from workbench.ui.dialogs import original_view

    bundle = ImportBundle(name="scan.tiff", kind="image", original=_png((400, 200)), text=TEXT, title="Scan",
                          page_map=((0, 1),), ocr={"engine": "tesseract", "pages": 2}, ocr_words=[])
    sid = sources.add(store, dossier.id, bundle).source.id
    window.refresh_all()
    pane = window.reading.pane_for(sid) or window.reading.add_pane(sid)
    window.sources.pop(sid)  # just imported: not in the window's list yet
    reads: list[str] = []
    real_get = sources.get
    monkeypatch.setattr(original_view.sources_svc, "get", lambda st, i: reads.append("get") or real_get(st, i))
    jobs: list = []
    real_start = window.runner.start
    monkeypatch.setattr(window.runner, "start", lambda title, work, done, failed: jobs.append((work, done)))
    window.reading.current = pane
    original_view.show_original(window)
    assert reads == [] and len(jobs) == 1  # nothing read on the GUI thread: the source is read with the file
    monkeypatch.setattr(window.runner, "start", real_start)
    work, done = jobs[0]
    done(work(None, None))
    assert reads == ["get"]
    qtbot.addWidget(window.original_dialog)
    assert window.original_dialog.isVisible() and window.original_dialog.pages == 2
