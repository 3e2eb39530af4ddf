"""The one door to the importers: pick the reader by extension (or content) and run it.

Importers are pure functions ``read(name: str, data: bytes) -> ImportBundle`` that raise
:class:`~workbench.core.errors.ImportFailure` with a one-line reason. Modules are imported lazily so that start-up
does not pay for pdfplumber or trafilatura.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from workbench.core.errors import ImportFailure, NeedsOCR
from workbench.core.values import ImportBundle

MAX_BYTES = 200 * 1024 * 1024

# extension -> (module, kind)
_BY_EXTENSION: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    # images are read by OCR (importers/image.py)
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".webp": "image",
    ".tif": "image",
    ".tiff": "image",
    ".bmp": "image",
    ".gif": "image",
    ".heic": "image",  # refused with a clear line (no HEIF decoder)
    ".heif": "image",
}

Reader = Callable[[str, bytes], ImportBundle]


def register(extension: str, module: str) -> None:
    """Map a file extension (with its dot) to an importer module under ``workbench.io.importers``."""
    _BY_EXTENSION[extension.lower()] = module


def supported_extensions() -> list[str]:
    """Extensions the registry can read, sorted."""
    return sorted(_BY_EXTENSION)


def _sniff(data: bytes) -> str:
    from workbench.io.importers.image import image_format

    if image_format(data):
        return "image"
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith(b"pk\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "html"
    return "text"


def reader_for(name: str, data: bytes) -> Reader:
    """The importer function for a file called ``name`` holding ``data``."""
    module = _BY_EXTENSION.get(Path(name).suffix.lower()) or _sniff(data)
    try:
        mod = importlib.import_module(f"workbench.io.importers.{module}")
    except ModuleNotFoundError as exc:  # pragma: no cover - a format whose importer is not installed
        raise ImportFailure(name, f"no importer for {module} files") from exc
    reader: Reader = mod.read
    return _or_ocr(reader) if module == "pdf" else reader


def _or_ocr(read_pdf: Reader) -> Reader:
    """The PDF reader, continued by OCR when the PDF turns out to be a scan (no text layer)."""

    def read(name: str, data: bytes) -> ImportBundle:
        try:
            return read_pdf(name, data)
        except ImportFailure as exc:
            if not NeedsOCR.matches(exc):
                raise
        from workbench.io.importers.ocr import read_scanned_pdf

        return read_scanned_pdf(name, data)

    return read


def read_bytes(name: str, data: bytes) -> ImportBundle:
    """Import ``data`` (the content of a file called ``name``) into a bundle, or raise ImportFailure."""
    if not data:
        raise ImportFailure(name, "the file is empty")
    if len(data) > MAX_BYTES:
        size, limit = len(data) // 1_048_576, MAX_BYTES // 1_048_576
        raise ImportFailure(name, f"the file is too large ({size} MiB, limit {limit})")
    return reader_for(name, data)(name, data)


def read_file(path: str | Path) -> ImportBundle:
    """Read and import a file from disk."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailure(path.name, f"the file is too large ({size // 1_048_576} MiB)")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(path.name, exc.strerror or str(exc)) from exc
    return read_bytes(path.name, data)
