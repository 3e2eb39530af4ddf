"""One translation catalog for the window and the reports: Qt Linguist ``.ts`` files read with the standard library.

The window loads the compiled ``.qm`` through ``QTranslator`` (see ``workbench/ui/i18n.py``); the reports and the
command line, which must not import Qt, read the very same ``.ts`` XML here. A catalog lives in
``resources/translations/workbench_<lang>.ts``; English is the source language and needs none. Adding a language is
adding a file (``make translations LANG=es`` creates it from the sources).

Lookups never return an empty string: an unknown or unfinished entry falls back to the English source text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

SOURCE_LANGUAGE = "en"
CATALOG_PREFIX = "workbench_"

Catalog = dict[tuple[str, str], str]
"""``(context, source text) -> translation``."""


def translations_dir() -> Path:
    """The folder of the ``.ts`` catalogs (checkout or installed wheel)."""
    from workbench.paths import resources_dir

    return resources_dir() / "translations"


def catalog_path(language: str, folder: Path | None = None) -> Path:
    """The ``.ts`` file of ``language`` (it may not exist)."""
    return (folder or translations_dir()) / f"{CATALOG_PREFIX}{language}.ts"


def available_languages(folder: Path | None = None) -> list[str]:
    """English plus every language with a catalog, sorted."""
    found = {p.stem.removeprefix(CATALOG_PREFIX) for p in (folder or translations_dir()).glob(f"{CATALOG_PREFIX}*.ts")}
    return sorted(found | {SOURCE_LANGUAGE})


def parse_ts(path: Path) -> Catalog:
    """Every finished translation of a ``.ts`` file; unfinished, obsolete and empty entries are left out."""
    import xml.etree.ElementTree as ET  # here: the window reads compiled .qm files and never parses XML at start

    catalog: Catalog = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            source = message.findtext("source", default="")
            node = message.find("translation")
            if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            text = node.text or ""
            if source and text.strip():
                catalog[(name, source)] = text
    return catalog


@lru_cache(maxsize=16)
def _catalog(language: str, folder: str) -> tuple[Catalog, dict[str, str]]:
    path = catalog_path(language, Path(folder))
    if language == SOURCE_LANGUAGE or not path.exists():
        return {}, {}
    catalog = parse_ts(path)
    by_source: dict[str, str] = {}
    for (_context, source), text in sorted(catalog.items()):
        by_source.setdefault(source, text)
    return catalog, by_source


def translate(context: str, text: str, language: str, folder: Path | None = None) -> str:
    """``text`` in ``language``: the entry of ``context`` first, else the same text in any context, else ``text``."""
    if not text or language == SOURCE_LANGUAGE:
        return text
    catalog, by_source = _catalog(language, str(folder or translations_dir()))
    return catalog.get((context, text)) or by_source.get(text) or text


def translate_message(context: str, text: str, language: str) -> str:
    """Like :func:`translate`, and a message with a variable tail is translated by its longest known head.

    ``"the file is too large (12 MiB)"`` becomes ``"le fichier est trop volumineux (12 MiB)"`` when only the head is
    in the catalog; the head must end at a word boundary.
    """
    whole = translate(context, text, language)
    if whole != text or language == SOURCE_LANGUAGE:
        return whole
    catalog, _ = _catalog(language, str(translations_dir()))
    heads = sorted((src for ctx, src in catalog if ctx == context and text.startswith(src)), key=len, reverse=True)
    for head in heads:
        rest = text[len(head):]
        if not rest or not rest[0].isalnum():
            return catalog[(context, head)] + rest
    return text


def translate_phrases(context: str, text: str, language: str) -> str:
    """Translate the known phrases of ``context`` in a generated sentence, longest first (names stay)."""
    if language == SOURCE_LANGUAGE or not text:
        return text
    catalog, _ = _catalog(language, str(translations_dir()))
    phrases = sorted((src for ctx, src in catalog if ctx == context), key=len, reverse=True)
    if not phrases:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")
    return pattern.sub(lambda m: catalog[(context, m.group(1))], text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name pyside6-lupdate looks for
    """Mark ``text`` for extraction into the catalogs under ``context``; returns it unchanged."""
    return text


def translator(context: str, language: str) -> _Bound:
    """A ``tr(text)`` bound to one context and language, for modules that translate many strings."""
    return _Bound(context, language)


class _Bound:
    """Callable returned by :func:`translator`."""

    __slots__ = ("context", "language")

    def __init__(self, context: str, language: str) -> None:
        self.context = context
        self.language = language

    def __call__(self, text: str) -> str:
        return translate(self.context, text, self.language)


def clear_cache() -> None:
    """Forget the parsed catalogs (after a catalog file changed on disk)."""
    _catalog.cache_clear()
