"""Compare findings open in added panes and stay marked; a claim from a pair scrolls every pane to it; both themes
stay readable when switched live, with stance colours of at least 4.5:1 against the page."""

from __future__ import annotations

import pytest

from workbench.core.values import ImportBundle
from workbench.services import sources as sources_svc


def third_source(store, dossier):
    text = "Troisième source : la préfecture confirme 1 200 évacués.\n"
    sources_svc.add(store, dossier.id, ImportBundle(name="c.txt", kind="txt", original=text.encode(), text=text,
                                                    title="c.txt", outlet="C.TXT"))
    return [s.id for s in sources_svc.list_all(store, dossier.id)]


def finding(a, b):
    return [{"source_id": a, "start": 0, "end": 4, "exact": "x"}, {"source_id": b, "start": 2, "end": 6, "exact": "y"}]


def test_a_finding_adds_panes_and_keeps_its_spans_marked(window, store, dossier):
    a, b, c = third_source(store, dossier)
    window.refresh_all()
    window.open_sources([a])  # the user's own pane
    mine = window.reading.panes()[0]
    window.compare.show_spans_side_by_side(finding(a, b))
    assert window.reading.source_ids() == [a, b]  # b added beside, a kept
    assert window.reading.panes()[0] is mine
    for pane in window.reading.panes():
        assert pane.view.extraSelections(), "the finding's span is marked"
        assert not pane.view._flash_timer.isActive(), "and stays marked"
    window.compare.show_spans_side_by_side(finding(a, c))  # the next finding reuses the added pane
    assert window.reading.source_ids() == [a, c]
    assert window.reading.panes()[0] is mine
    window.compare.show_spans_side_by_side([finding(a, c)[0]])
    assert window.reading.source_ids() == [a]  # the added pane goes when no longer needed; the user's stays


def test_claim_from_pair_scrolls_every_pane_to_the_new_appearances(window, store, dossier):
    a, b = [s.id for s in sources_svc.list_all(store, dossier.id)]
    window.open_sources([a, b, a])  # the same source twice
    cid = window.compare.claim_from_pair((a, 10, 20), (b, 15, 25))
    assert cid is not None
    for pane in window.reading.panes():
        start = 10 if pane.source_id == a else 15
        assert pane.view.textCursor().position() == pane.view._map.to_utf16(start)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_stance_colours_contrast_with_the_page(theme):
    from workbench.ui.theme import PAGES, STANCE_COLORS, contrast

    for stance, color in STANCE_COLORS[theme].items():
        ratio = contrast(color, PAGES[theme])
        assert ratio >= 4.5, f"{stance} {color} on {PAGES[theme]}: {ratio:.2f}:1"


def test_dark_theme_switched_live_is_readable(window, qapp):
    from PySide6.QtGui import QPalette

    from workbench.ui.theme import STANCE_COLORS, apply_theme, contrast, is_dark, stance_colors

    pane = window.reading.panes()[0]
    try:
        apply_theme("dark")
        assert is_dark()
        qapp.processEvents()
        for label in (pane.title, pane.meta, window.editor.heading):
            fg = label.palette().color(label.foregroundRole()).name()
            bg = label.palette().color(QPalette.ColorRole.Window).name()
            assert contrast(fg, bg) >= 3.0, (label.text(), fg, bg)
        assert contrast(pane.title.palette().color(pane.title.foregroundRole()).name(),
                        pane.title.palette().color(QPalette.ColorRole.Window).name()) >= 4.5
        assert stance_colors() == STANCE_COLORS["dark"]
        pane.view.highlighter.reset_theme()
        fmt = pane.view.highlighter._format("", 0, stance_colors()["refutes"])
        assert fmt.foreground().color().name() == STANCE_COLORS["dark"]["refutes"]
    finally:
        apply_theme("light")
        qapp.processEvents()
    assert not is_dark()
    assert contrast(pane.title.palette().color(pane.title.foregroundRole()).name(), "#ffffff") >= 4.5


def test_two_spans_of_one_source_share_its_pane(window, store, dossier):
    a, b = [s.id for s in sources_svc.list_all(store, dossier.id)]
    window.open_sources([b])
    spans = [{"source_id": a, "start": 0, "end": 4, "exact": "x"}, {"source_id": a, "start": 10, "end": 14,
                                                                     "exact": "y"},
             {"source_id": b, "start": 0, "end": 4, "exact": "z"}]
    window.compare.show_spans_side_by_side(spans)
    assert sorted(window.reading.source_ids()) == sorted([a, b])
    assert len(window.reading.pane_for(a).view.extraSelections()) == 2
