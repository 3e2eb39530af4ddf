"""The working context of a window: kept per database and dossier across restarts, carried over a language switch.

What a person expects to find again: the window's size and place, the docks, the panes' sources in their order, the
current claim and the last Compare results. Geometry and dock state are per *database* (a laptop's local file and the
team server have different layouts); the panes, the current claim and the Compare results per database *and*
dossier. Everything is personal, so it lives in the user's ``QSettings`` and cache folder, never in the (possibly
shared) database.

Switching the interface language rebuilds the window from this snapshot: every text is set again by the widgets'
constructors (the Qt "retranslateUi" effect without keeping a second list of every string), and the new window opens
exactly where the old one was, with the same panes, claim and findings.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_alive: list[Any] = []  # windows made by a language switch (the caller only holds the first one)


def database_key(url: str) -> str:
    """A short stable key for a database URL or path (QSettings group names must stay simple)."""
    return hashlib.sha1(url.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def settings_group(win: MainWindow) -> str:
    """The QSettings group of the window's database."""
    engine = getattr(win.store.db, "engine", None)
    return f"databases/{database_key(str(getattr(engine, 'url', '')))}"


def _cache_file(win: MainWindow) -> Path:
    from workbench.ui.i18n import cache_dir

    return cache_dir().parent / "context" / f"{settings_group(win).split('/')[-1]}-{win.dossier.id}-compare.json"


def fit_to_screen(win: MainWindow, wanted: tuple[int, int] = (1600, 1000)) -> None:
    """First opening: a size that fits the available screen (90 % of it at most), centred."""
    screen = win.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        win.resize(*wanted)
        return
    avail = screen.availableGeometry()
    width = min(wanted[0], int(avail.width() * 0.9))
    height = min(wanted[1], int(avail.height() * 0.9))
    win.resize(width, height)
    frame = QRect(0, 0, width, height)
    frame.moveCenter(avail.center())
    win.move(frame.topLeft())


def restore_geometry(win: MainWindow) -> bool:
    """Size, position and docks of this database's last session; False when there is none (first run)."""
    settings = QSettings()
    geometry = settings.value(f"{settings_group(win)}/geometry")
    state = settings.value(f"{settings_group(win)}/state")
    done = False
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        done = win.restoreGeometry(geometry)
        screen = win.screen() or QGuiApplication.primaryScreen()
        if screen is not None and not screen.availableGeometry().intersects(win.frameGeometry()):
            fit_to_screen(win)  # the screen it was on is gone
    if isinstance(state, QByteArray) and not state.isEmpty():
        win.restoreState(state)
        done = True
    return done


def save_geometry(win: MainWindow) -> None:
    """Remember size, position and docks for this database."""
    settings = QSettings()
    settings.setValue(f"{settings_group(win)}/geometry", win.saveGeometry())
    settings.setValue(f"{settings_group(win)}/state", win.saveState())


def save_context(win: MainWindow) -> None:
    """Remember panes, current claim and Compare results of the dossier."""
    settings = QSettings()
    key = f"{settings_group(win)}/dossier{win.dossier.id}"
    settings.setValue(f"{key}/panes", ",".join(str(i) for i in win.reading.source_ids()))
    settings.setValue(f"{key}/claim", win.current_claim_id or 0)
    path = _cache_file(win)
    try:
        if win.compare_panel.result:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(win.compare_panel.result), encoding="utf-8")
        elif path.exists():
            path.unlink()
    except OSError as exc:  # a full disk must not stop the window from closing
        log.warning("cannot keep the Compare results: %s", exc)


def saved_panes(win: MainWindow, dossier_id: int | None = None) -> list[int] | None:
    """The panes' sources last time in the open dossier (or ``dossier_id``); None: never saved."""
    dossier_id = win.dossier.id if dossier_id is None else dossier_id
    value = QSettings().value(f"{settings_group(win)}/dossier{dossier_id}/panes")
    if value is None:
        return None
    return [int(x) for x in str(value).split(",") if x.isdigit()]


def restore_context(win: MainWindow) -> None:
    """Current claim and Compare results of the dossier's last session."""
    value = QSettings().value(f"{settings_group(win)}/dossier{win.dossier.id}/claim", 0)
    claim_id = int(str(value)) if str(value).isdigit() else 0
    path = _cache_file(win)
    if path.exists():
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            used = {s["source_id"] for s in data.get("sources", [])}
            used |= {span["source_id"] for d in data.get("discrepancies", []) for span in d.get("spans", [])}
            if not used <= set(win.sources):
                raise ValueError("a source it names is gone (run Compare again)")
            win.compare_panel.show_result(data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring the saved Compare results %s: %s", path, exc)
    if claim_id and win.claims_model.row_of(claim_id) is not None:
        win.select_claim(claim_id, scroll=True)


def switch_language(win: MainWindow, code: str) -> MainWindow:
    """Use ``code`` from now on (saved) and rebuild the window in it, same place, panes, claim and findings."""
    from workbench.ui.i18n import translations

    QSettings().setValue("ui/language", code)
    translations().switch(code)
    return rebuild(win)


def rebuild(win: MainWindow) -> MainWindow:
    """A new window in the current language replacing ``win``.

    The undo history starts afresh, as on a dossier switch: its steps belong to the old window's widgets.
    """
    from workbench.ui.i18n import current_language
    from workbench.ui.main_window import MainWindow

    win.editor.commit_pending()
    win.settle()  # that edit is saved before the new window reads the dossier
    geometry, state = win.saveGeometry(), win.saveState()
    panes = win.reading.source_ids()
    claim_id = win.current_claim_id
    result = win.compare_panel.result
    from workbench.ui.tasks import SyncRunner

    inline = isinstance(win.runner, SyncRunner)  # a test's window: the new one also runs its jobs inline
    new = MainWindow(win.store, win.dossier, runner=SyncRunner() if inline else None, language=current_language(),
                     fresh_layout=True)
    new.quiet_errors, new.conflict_answer = win.quiet_errors, win.conflict_answer
    new.fresh_layout = win.fresh_layout
    new.restoreGeometry(geometry)
    new.setGeometry(win.geometry())  # exactly where it was (restoreGeometry may re-fit a window not shown yet)
    new.restoreState(state)
    new.layout_restored = True
    new.open_sources([sid for sid in panes if sid in new.sources])
    if result:
        new.compare_panel.show_result(result)
    if claim_id is not None:
        new.select_claim(claim_id, scroll=True)
    win.replacement = new
    win.team.stop()  # the old window stops polling the database
    _alive.append(new)
    if win.isVisible():
        new.show()
        win.fresh_layout = True  # its closeEvent must not overwrite the state the new window now owns
        QTimer.singleShot(0, win.close)
    return new


def size_claim_columns(win: MainWindow) -> None:
    """Widths from the labels the columns can show; the statement takes the rest.

    Not ResizeToContents, which measures every row (about 0.5 s with 2,000 claims).
    """
    fm = win.fontMetrics()
    header = win.claims_view.horizontalHeader()
    model = win.claims_model

    def width(*texts: str) -> int:
        return max(fm.horizontalAdvance(t) for t in texts if t is not None) + 20

    def title(col: int) -> str:
        return str(model.headerData(col, Qt.Orientation.Horizontal) or "")

    verdicts = [v.label(win.language) for v in win.dossier.scale.verdicts] or ["—"]
    from workbench.ui.models.claims_model import status_label

    statuses = [status_label(s) for s in ("to-check", "in-progress", "in-review", "concluded")]
    numbers = str(max(len(win.claims_model.claims()), 99))
    header.resizeSection(0, width(title(0), "#" + numbers))
    header.resizeSection(2, min(width(title(2), *verdicts), fm.horizontalAdvance("M" * 14)))
    header.resizeSection(3, width(title(3), *statuses))
    header.resizeSection(4, fm.horizontalAdvance("M" * 8))
    header.resizeSection(5, width(title(5), "99"))
    header.resizeSection(6, width(title(6), "99"))
    win.claims_fitter.fit()


def on_change_event(win: MainWindow, event: Any) -> None:
    """A LanguageChange reaching a window built in another language: rebuild it (once, after the event)."""
    from PySide6.QtCore import QEvent

    from workbench.ui.i18n import current_language

    if event.type() != QEvent.Type.LanguageChange or win.rebuilding:
        return
    if current_language() == win.language or not hasattr(win, "editor"):
        return
    win.rebuilding = True

    def later() -> None:
        from PySide6.QtCore import Qt

        # A window that was shown and then closed is finished: it must not come back in the new language.
        closed = not win.isVisible() and win.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        if win.replacement is None and not closed:
            rebuild(win)

    QTimer.singleShot(0, later)
