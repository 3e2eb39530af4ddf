"""Web archives (``.warc``, ``.warc.gz``): the archived HTML page, read by the HTML importer, with its capture time.

The source's original is the page as archived (so the text of record can be re-derived from it); the whole WARC file
travels in ``bundle.extra["capture"]`` and is stored with the source as its archived copy.
"""

from __future__ import annotations

from dataclasses import replace

from workbench.core.values import ImportBundle
from workbench.io import web_capture
from workbench.io.importers import html


def bundle_from_page(name: str, page: web_capture.ArchivedPage, archive: bytes, fmt: str) -> ImportBundle:
    """An HTML bundle for an archived page, carrying the archive as its capture."""
    bundle = html.read(name, page.html)
    capture = {"url": page.url, "captured_at": page.captured_at, "status": page.status,
               "content_type": page.content_type, "format": fmt, "archive": archive}
    return replace(bundle, url=bundle.url or page.url, extra={**bundle.extra, "capture": capture})


def read(name: str, data: bytes) -> ImportBundle:
    """Import the first HTML page of a WARC file."""
    return bundle_from_page(name, web_capture.read_warc(name, data), data, "warc")
