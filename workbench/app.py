"""Composition root of the window: paths -> database -> services -> QApplication -> MainWindow.

Also installs ``sys.excepthook`` so that a bug shows a message and is logged instead of killing the app, and
implements ``gui --screenshot`` (render the window to a PNG and exit).
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

log = logging.getLogger("workbench")


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    from workbench.core.errors import WorkbenchError

    text = "".join(traceback.format_exception(kind, value, tb))
    log.error("unhandled error:\n%s", text)
    if isinstance(value, WorkbenchError):  # a typed condition (locked, disk full...): its one line says it all
        message = str(value)
    elif isinstance(value, MemoryError):
        message = "Out of memory; what was saved before is intact."
    else:
        message = f"Unexpected error: {value}\n\nDetails are in the log."
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
            QMessageBox.critical(None, "Workbench", message)
    except Exception:
        pass


def _log_file() -> Path:
    from workbench.paths import user_data_dir

    return user_data_dir() / "workbench.log"


def run_gui(
    db: str | None,
    *,
    user: str | None = None,
    open_sources: list[int] | None = None,
    screenshot: str | None = None,
    size: str = "1600x1000",
    claim: int | None = None,
    compare: bool = False,
    language: str | None = None,
) -> int:
    """Open the window on ``db`` (default database if None); on first run load the sample dossier.

    Python's cyclic garbage collector is paused until the window is up: start-up creates some 70,000 long-lived
    objects (modules, classes, SQLAlchemy's and Qt's tables) and the collector would walk them again and again, about
    a third of start-up's CPU time. Half a second after the window shows, one collection runs and the collector resumes
    (see :func:`_collect_and_resume`).
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(db, user=user, open_sources=open_sources, screenshot=screenshot, size=size, claim=claim,
                        compare=compare, language=language)
    finally:
        if was_enabled:
            gc.enable()


def _collect_and_resume() -> None:
    """After start-up (the window is shown): one collection, then the collector resumes.

    Not ``gc.freeze()``: frozen objects are never collected, and the start-up window's Python wrappers hold reference
    cycles, so a window replaced by a language switch, or a pane closed later, would stay in memory for good.
    """
    import gc

    gc.collect()
    gc.enable()


def _run_gui(
    db: str | None,
    *,
    user: str | None,
    open_sources: list[int] | None,
    screenshot: str | None,
    size: str,
    claim: int | None,
    compare: bool,
    language: str | None,
) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    headless = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if screenshot and headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if headless and sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
        from workbench.core.errors import WorkbenchError

        raise WorkbenchError("no display to open the window on (DISPLAY is not set): run Workbench in a desktop "
                             "session, or use the command line (workbench --help)")
    try:
        logging.basicConfig(filename=_log_file(), level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    except OSError:
        logging.basicConfig(level=logging.INFO)
    sys.excepthook = _excepthook
    QCoreApplication.setOrganizationName("Workbench")
    QCoreApplication.setApplicationName("Workbench")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from workbench.ui.i18n import install_language
    from workbench.ui.theme import apply_theme

    wanted = language or os.environ.get("WORKBENCH_LANGUAGE") or str(QSettings().value("ui/language", "en"))
    language = install_language(wanted).language  # Workbench's catalog and Qt's own (qtbase)
    apply_theme(str(QSettings().value("ui/theme", "light")))

    from workbench.paths import default_database

    target = db or default_database()
    shell = None
    if not screenshot:
        shell = _startup_shell(target)  # painted before SQLAlchemy is even imported

    from workbench.core.errors import WorkbenchError

    _import_database_layer()
    from workbench.services import dossiers, sample
    from workbench.services.store import Store
    from workbench.ui.main_window import MainWindow

    try:
        # who signs the edits: --user, else WORKBENCH_USER, else the name set in Settings, else the OS login
        saved_name = str(QSettings().value("user/name", "") or "")
        store = Store.open(target, user or os.environ.get("WORKBENCH_USER") or saved_name or None)
    except WorkbenchError as exc:
        if shell is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(shell, "Workbench", str(exc))
        raise
    try:
        dossier = dossiers.current(store)
        if dossier is None:
            if shell is not None:
                shell.statusBar().showMessage(QCoreApplication.translate("Startup", "Loading the sample dossier…"))
                QApplication.processEvents()
            dossier = sample.load(store)
        if shell is not None:
            shell.statusBar().showMessage(
                QCoreApplication.translate("Startup", "Building the window for {0}…").format(dossier.name))
            QApplication.processEvents()
        window = MainWindow(store, dossier, language=language, fresh_layout=bool(screenshot))
        window.name_known = bool(user or os.environ.get("WORKBENCH_USER") or saved_name or screenshot)
        if open_sources:
            window.open_sources(open_sources)
        if compare:
            from workbench.services import compare as compare_svc

            window.compare_panel.show_result(compare_svc.run(store, dossier.id, language=language).to_json())
            window.compare_dock.raise_()
        if not screenshot:
            window.restore_context()  # current claim and Compare results of the last session
        if claim is not None:
            window.select_claim(claim)
        if screenshot:
            return _screenshot(app, window, screenshot, size)
        window.show()
        if shell is not None:
            shell.close()
        QTimer.singleShot(500, _collect_and_resume)  # once the window is painted (see run_gui)
        return int(app.exec())
    finally:
        store.close()


# What the window's start-up uses below Qt: the services, the persistence layer, SQLAlchemy and its SQLite dialect.
_DATABASE_LAYER = (
    "workbench.services.dossiers", "workbench.services.sample", "workbench.services.store",
    "workbench.services.claims", "workbench.services.sources", "workbench.services.operations",
    "workbench.services.changes", "sqlalchemy.dialects.sqlite",
)


def _import_database_layer() -> None:
    """Import the layers under the window past PySide6's import hook (0.1-0.25 s of CPU and about 20 MiB less).

    Once PySide6 is imported, its ``__feature__`` hook (``builtins.__import__``) reads the source of every module an
    import statement returns, the first time, to see whether it mentions PySide6 (to scope ``from __feature__ import
    snake_case``), and ``linecache`` keeps those sources. A module that does not is marked -1, "ignore this module"
    (``shibokensupport.feature.pyside_feature_dict``). The layers below ui/ never import Qt (import-linter contracts),
    so they are imported with the import the hook itself hands over to (``builtins.__orig_import__``) and marked -1
    at once, as the hook would have marked them. Nothing else runs meanwhile (no other Python thread yet). Without the
    hook (another PySide6), a plain import.
    """
    import builtins
    import importlib

    before = set(sys.modules)
    hook = builtins.__import__
    plain = getattr(builtins, "__orig_import__", None)
    if plain is not None:
        builtins.__import__ = plain
    try:
        for name in _DATABASE_LAYER:
            importlib.import_module(name)
    finally:
        builtins.__import__ = hook
    feature = sys.modules.get("shibokensupport.feature")
    marks = getattr(feature, "pyside_feature_dict", None)
    if isinstance(marks, dict):
        for name in set(sys.modules) - before:
            marks.setdefault(name, -1)


def _startup_shell(target: str):  # type: ignore[no-untyped-def]
    """An empty window shown at once while the database opens (the first paint must not wait for it)."""
    from PySide6.QtCore import QCoreApplication, QRect, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    shell = QMainWindow()
    shell.setWindowTitle("Workbench")
    label = QLabel(QCoreApplication.translate(
        "Startup", "Opening the database {0}…\nChecking its schema and loading the dossier.").format(target))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    shell.setCentralWidget(label)
    shell.statusBar().showMessage(QCoreApplication.translate("Startup", "Starting Workbench…"))
    screen = QGuiApplication.primaryScreen()
    avail = screen.availableGeometry() if screen is not None else QRect(0, 0, 1200, 800)
    frame = QRect(0, 0, min(900, int(avail.width() * 0.6)), min(500, int(avail.height() * 0.6)))
    frame.moveCenter(avail.center())
    shell.setGeometry(frame)
    shell.show()
    QApplication.processEvents()
    return shell


def _screenshot(app: object, window: object, path: str, size: str) -> int:
    """Show the window at ``size``, let it lay out and paint, save a PNG."""
    from PySide6.QtWidgets import QApplication, QMainWindow

    assert isinstance(window, QMainWindow)
    try:
        width, height = (int(x) for x in size.lower().split("x"))
    except ValueError:
        width, height = 1600, 1000
    window.resize(width, height)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    window.settle()  # type: ignore[attr-defined]  # what the window asked the database worker is shown
    claim_id = getattr(window, "current_claim_id", None)
    if claim_id is not None:  # re-centre on the claim now that the panes have their final size
        window.select_claim(claim_id)  # type: ignore[attr-defined]
        window.settle()  # type: ignore[attr-defined]  # the claim is read on the database worker
        for _ in range(3):
            QApplication.processEvents()
    pixmap = window.grab()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(out)):
        from workbench.core.errors import WorkbenchError

        raise WorkbenchError(f"cannot write the screenshot {path}")
    print(out)
    window.close()
    return 0
