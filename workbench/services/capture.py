"""Web capture as a user action: fetch a live page, keep its bytes and a WARC record with the source.

``import_url`` fetches (timeouts, size limit, no script run), imports the body with the HTML importer, and stores
the source with its archived copy in one transaction (through :func:`workbench.services.sources.add`, which stores
``bundle.extra["capture"]``). ``report_captures`` gives reports and packs the archived copies of their sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from workbench.core.errors import ImportFailure
from workbench.core.values import ImportBundle
from workbench.io import web_capture
from workbench.persistence import repositories as repo
from workbench.services import sources
from workbench.services.store import Store


def _name(url: str) -> str:
    parts = urlsplit(url)
    last = parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.netloc
    return last if last.lower().endswith((".html", ".htm")) else f"{last}.html"


def import_url(store: Store, dossier_id: int, url: str, **fetch_options: Any) -> sources.AddResult:
    """Fetch ``url`` and add it as a source with its capture; an unreadable page raises ImportFailure."""
    return sources.add(store, dossier_id, fetch_bundle(url, **fetch_options))


def fetch_bundle(url: str, **fetch_options: Any) -> ImportBundle:
    """Fetch ``url`` and read it as a source bundle carrying its capture; an unreadable page raises ImportFailure.

    No database here: the window fetches in a background task and stores on its database worker.
    """
    fetched = web_capture.fetch(url, **fetch_options)
    ctype = fetched.content_type.lower()
    if ctype and "html" not in ctype:
        raise ImportFailure(url, f"not a web page (Content-Type {fetched.content_type})")
    from workbench.io.importers import html

    bundle = html.read(_name(fetched.final_url), fetched.body)
    capture = {"url": fetched.final_url, "captured_at": fetched.fetched_at, "status": fetched.status,
               "content_type": fetched.content_type, "format": "warc", "archive": web_capture.warc_record(fetched)}
    return replace(bundle, url=bundle.url or fetched.final_url, extra={**bundle.extra, "capture": capture})


def captures(store: Store, source_id: int) -> list[dict[str, Any]]:
    """Archived copies of one source, oldest first."""
    with store.db.transaction() as s:
        return [c.to_dict() for c in repo.captures_of(s, [source_id]).get(source_id, [])]


def report_captures(store: Store, source_ids: list[int]) -> dict[int, tuple[dict[str, Any], ...]]:
    """Archived copies of sources by source id, as reports and packs show them."""
    with store.db.transaction() as s:
        found = repo.captures_of(s, source_ids)
    out: dict[int, tuple[dict[str, Any], ...]] = {}
    for sid, items in found.items():
        out[sid] = tuple(
            {"url": c.url, "captured_at": c.captured_at, "sha256": c.sha256, "format": c.format,
             "name": f"captures/{sid}-{i + 1}.{'warc.gz' if c.format == 'warc' else c.format}",
             "warc": c.archive, "archive_url": ""}
            for i, c in enumerate(items)
        )
    return out


def captured_at(item: dict[str, Any]) -> dt.datetime | None:
    """When an archived copy was captured."""
    value = item.get("captured_at")
    return value if isinstance(value, dt.datetime) else None
