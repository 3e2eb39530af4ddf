"""The interface language: Workbench's compiled Qt Linguist catalog plus Qt's own ``qtbase`` translations.

The catalog source is ``resources/translations/workbench_<lang>.ts`` (``make translations`` extracts it with
``pyside6-lupdate``). Qt reads compiled ``.qm`` files: the wheel ships one beside the ``.ts`` with a ``.sha256`` file
naming the ``.ts`` it was built from; a missing or stale one (a checkout, an edited ``.ts``) is compiled with
``lrelease`` (shipped in PySide6-Essentials) into the user cache under the ``.ts`` hash, so a ``.qm`` is never older
than its ``.ts``. Qt's ``qtbase_<lang>.qm`` (file dialog, button boxes, ``Ctrl``/``Maj`` in shortcut names) comes from
``QLibraryInfo``'s translations folder, which PySide6 wheels carry.

An unknown string is never translated to ``""``: ``QTranslator`` returns a null string and Qt keeps the English.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workbench.core.i18n import SOURCE_LANGUAGE, available_languages, catalog_path

log = logging.getLogger(__name__)

LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def lrelease_program() -> str | None:
    """The ``lrelease`` to compile catalogs with: PySide6's own, else one on the PATH (Debian's qt6-l10n-tools)."""
    try:
        import PySide6

        bundled = Path(PySide6.__file__).resolve().parent / ("lrelease.exe" if sys.platform == "win32" else "lrelease")
        if bundled.is_file():
            return str(bundled)
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    for name in ("pyside6-lrelease", "lrelease", "lrelease-qt6"):
        found = shutil.which(name)
        if found:
            return found
    qt6 = Path("/usr/lib/qt6/bin/lrelease")
    return str(qt6) if qt6.is_file() else None


def ts_digest(ts: Path) -> str:
    """SHA-256 of a ``.ts`` file: the name of its compiled ``.qm`` in the cache."""
    return hashlib.sha256(ts.read_bytes()).hexdigest()


def compile_catalog(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with lrelease (raises OSError when it is missing or fails)."""
    program = lrelease_program()
    if program is None:
        raise OSError("lrelease not found (it ships with PySide6-Essentials)")
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_suffix(".tmp.qm")
    proc = subprocess.run([program, "-silent", str(ts), "-qm", str(tmp)], capture_output=True, text=True,
                          timeout=120, check=False)
    if proc.returncode != 0 or not tmp.exists():
        raise OSError(f"lrelease failed on {ts.name}: {(proc.stderr or proc.stdout).strip()[:300]}")
    tmp.replace(qm)


def cache_dir() -> Path:
    """Where catalogs compiled at run time go."""
    from platformdirs import user_cache_path

    return Path(user_cache_path("workbench", "workbench")) / "translations"


def compiled_catalog(language: str, cache: Path | None = None) -> Path | None:
    """A ``.qm`` that matches the current ``.ts`` of ``language`` (shipped, cached or compiled now), or None."""
    ts = catalog_path(language)
    if language == SOURCE_LANGUAGE or not ts.exists():
        return None
    digest = ts_digest(ts)
    shipped = ts.with_suffix(".qm")
    stamp = shipped.with_suffix(".qm.sha256")
    if shipped.exists() and stamp.exists() and stamp.read_text(encoding="ascii").strip() == digest:
        return shipped
    import tempfile

    for folder in (cache or cache_dir(), Path(tempfile.gettempdir()) / "workbench-translations"):
        cached = folder / f"{ts.stem}-{digest[:16]}.qm"
        if cached.exists():
            return cached
        try:
            compile_catalog(ts, cached)
            return cached
        except (OSError, subprocess.SubprocessError) as exc:  # read-only cache: try the temp folder
            log.warning("cannot compile the %s catalog into %s: %s", language, folder, exc)
    return None


class Translations:
    """The translators installed in the application; :meth:`switch` changes the language live.

    Installing or removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget; the main window
    answers it by rebuilding its texts.
    """

    def __init__(self) -> None:
        self.language = SOURCE_LANGUAGE
        self._installed: list[QTranslator] = []

    def switch(self, language: str) -> str:
        """Install ``language`` (unknown codes fall back to English); returns the language in use."""
        if language not in available_languages():
            language = SOURCE_LANGUAGE
        for old in self._installed:
            QCoreApplication.removeTranslator(old)
        self._installed = []
        self.language = language
        QLocale.setDefault(QLocale(language))
        if language == SOURCE_LANGUAGE:
            return language
        ours = QTranslator()
        qm = compiled_catalog(language)
        if qm is not None and ours.load(str(qm)):
            QCoreApplication.installTranslator(ours)
            self._installed.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qtbase = QTranslator()
        if qtbase.load(f"qtbase_{language}", qt_dir):
            QCoreApplication.installTranslator(qtbase)
            self._installed.append(qtbase)
        else:
            log.info("no Qt translations for %s in %s", language, qt_dir)
        return language


_TRANSLATIONS = Translations()


def translations() -> Translations:
    """The application's translators (one set per process)."""
    return _TRANSLATIONS


def install_language(code: str) -> Translations:
    """Switch the application to ``code``; returns the translator set (kept alive by this module)."""
    _TRANSLATIONS.switch(code)
    return _TRANSLATIONS


def current_language() -> str:
    """The language in use."""
    return _TRANSLATIONS.language


def translate_error(line: str) -> str:
    """An import error line ``"<file>: <reason>"`` in the interface language (the file name stays as it is)."""
    from workbench.core.i18n import translate_message

    language = current_language()
    if language == SOURCE_LANGUAGE:
        return line
    start = 0
    while (cut := line.find(": ", start)) != -1:
        reason = line[cut + 2:]
        translated = translate_message("Import", reason, language)
        if translated != reason:
            return f"{line[:cut]} : {translated}" if language == "fr" else f"{line[:cut]}: {translated}"
        start = cut + 2
    return translate_message("Import", line, language)


def translate_note(text: str) -> str:
    """A comparison engine's note (English sentence with names and figures) phrase by phrase."""
    from workbench.core.i18n import translate_phrases

    return translate_phrases("Compare", text, current_language())


FIELD_LABELS = {
    "statement": QT_TRANSLATE_NOOP("Fields", "statement"),
    "claimant": QT_TRANSLATE_NOOP("Fields", "claimant"),
    "claim_date": QT_TRANSLATE_NOOP("Fields", "claim date"),
    "tags": QT_TRANSLATE_NOOP("Fields", "tags"),
    "rationale": QT_TRANSLATE_NOOP("Fields", "rationale"),
    "verdict": QT_TRANSLATE_NOOP("Fields", "verdict"),
    "status": QT_TRANSLATE_NOOP("Fields", "status"),
    "claim": QT_TRANSLATE_NOOP("Fields", "claim"),
    "appearance": QT_TRANSLATE_NOOP("Fields", "appearance"),
    "evidence": QT_TRANSLATE_NOOP("Fields", "evidence"),
    "relation": QT_TRANSLATE_NOOP("Fields", "relation"),
}
"""Names of claim fields and entities as undo labels show them ("Change claimant")."""


def field_label(name: str) -> str:
    """The translated name of a claim field or entity."""
    return QCoreApplication.translate("Fields", FIELD_LABELS.get(name, name))
