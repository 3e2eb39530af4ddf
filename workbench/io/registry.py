"""The one door to the importers: pick the reader by extension (or content) and run it.

Importers are pure functions ``read(name: str, data: bytes) -> ImportBundle`` that raise
:class:`~workbench.core.errors.ImportFailure` with a one-line reason. Modules are imported lazily so that start-up
does not pay for pdfplumber or trafilatura. :func:`read_file` reads only regular files: a named pipe would block the
import forever and a device (``/dev/zero``) never ends, so both are refused by name before anything is opened.
"""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Callable
from pathlib import Path

from workbench.core.errors import ImportFailure, NeedsOCR
from workbench.core.values import ImportBundle

MAX_BYTES = 200 * 1024 * 1024
"""Largest file read from disk. What a file expands to is bounded by each importer (a .docx: its unzip budget)."""

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
    ".warc": "warc",  # web archives; ".gz" is a gzipped WARC (x.warc.gz)
    ".gz": "warc",
    ".mhtml": "mhtml",
    ".mht": "mhtml",
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


def _not_regular(mode: int) -> str:
    """Why a file of this ``st_mode`` is not read ('' for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        kind = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    return f"not a regular file ({kind}): only regular files are imported"


def is_regular_file(path: str | Path) -> bool:
    """Whether ``path`` names a regular file (following links), without opening it: a FIFO would block an open."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _too_large(name: str, size: int) -> ImportFailure:
    return ImportFailure(name, f"the file is too large ({size // 1_048_576} MiB, limit {MAX_BYTES // 1_048_576})")


def read_file(path: str | Path) -> ImportBundle:
    """Read and import a regular file from disk; pipes, devices, sockets and folders are refused by name.

    The kind is checked before opening (opening a FIFO blocks until a writer comes) and again on the open
    descriptor, which is opened non-blocking, so a file swapped for a pipe in between cannot hang the import either.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        problem = _not_regular(os.stat(path).st_mode)
        if problem:
            raise ImportFailure(name, problem)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        with os.fdopen(fd, "rb") as fh:
            info = os.fstat(fh.fileno())
            problem = _not_regular(info.st_mode)
            if problem:
                raise ImportFailure(name, problem)
            if info.st_size > MAX_BYTES:
                raise _too_large(name, info.st_size)
            data = fh.read(MAX_BYTES + 1)  # sizes can lie (files that grow, /proc): never read past the limit
    except OSError as exc:
        raise ImportFailure(name, exc.strerror or str(exc)) from exc
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    return read_bytes(name, data)
