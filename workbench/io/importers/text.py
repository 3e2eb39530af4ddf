"""Plain text and Markdown: detect the encoding, normalise to the text of record.

Encodings come from :mod:`workbench.io.importers.encoding` (BOM, UTF-32/16 without BOM, UTF-8 with a few bad bytes
replaced and a warning, then charset-normalizer with mojibake checks); binary junk is refused rather than stored as
mojibake. The language is the one detected on the decoded text; title, byline, outlet and date come from
:mod:`.text_meta`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.core.errors import ImportFailure
from workbench.core.text import normalize_text
from workbench.core.values import ImportBundle
from workbench.io.importers import text_meta
from workbench.io.importers.encoding import decode_text, detect_language


def decode(name: str, data: bytes) -> str:
    """Decode ``data`` to str, or raise ImportFailure if it is not text (see :mod:`.encoding`)."""
    return decode_text(name, data).text


def read(name: str, data: bytes) -> ImportBundle:
    """Import a .txt or .md file."""
    decoded = decode_text(name, data)
    text = normalize_text(decoded.text)
    if not text.strip():
        raise ImportFailure(name, "the file holds no text")
    kind = "md" if Path(name).suffix.lower() in {".md", ".markdown"} else "txt"
    meta = text_meta.guess(text)
    return ImportBundle(name=name, kind=kind, original=data, text=text, title=meta.title or Path(name).stem,
                        author=meta.author, outlet=meta.outlet, published=meta.published,
                        language=detect_language(text), warnings=decoded.warnings)


def pasted(name: str, data: bytes) -> ImportBundle:
    """Text pasted in the window or piped to ``workbench import -``: the text importer's rules, kind ``pasted``."""
    if not data.strip():
        raise ImportFailure(name, "nothing to import: the text is empty")
    bundle = read(name, data)
    return replace(bundle, kind="pasted")
