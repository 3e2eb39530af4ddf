"""The sample dossier (``resources/sample/``): what a newcomer sees on first run, and what docs and demos use.

``dossier.json`` lists the source files with their metadata and the claims, located by exact quotes, so that the
sample is built through the same importers and services as real work.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from workbench.core.errors import WorkbenchError
from workbench.core.text import quote_range
from workbench.core.values import DossierInfo
from workbench.paths import resources_dir
from workbench.services import claims, dossiers, evidence, sources
from workbench.services.store import Store

SAMPLE_AUTHOR = "Workbench sample"


def sample_dir() -> Path:
    """Folder of the sample dossier."""
    return resources_dir() / "sample"


def load(store: Store, folder: Path | None = None) -> DossierInfo:
    """Create the sample dossier in ``store`` and make it current."""
    from workbench.io.registry import read_file

    store = Store(store.db, SAMPLE_AUTHOR)  # the sample's history is signed by its author, not by whoever opens it
    folder = folder or sample_dir()
    manifest: dict[str, Any] = json.loads((folder / "dossier.json").read_text(encoding="utf-8"))
    event = manifest.get("event_date")
    dossier = dossiers.create(
        store,
        manifest["name"],
        description=manifest.get("description", ""),
        scale=manifest.get("scale", "default"),
        event_date=dt.date.fromisoformat(event) if event else None,
    )
    ids: list[int] = []
    texts: dict[int, str] = {}
    for entry in manifest["sources"]:
        bundle = read_file(folder / entry["file"])
        meta = {k: entry[k] for k in sources.EDITABLE if entry.get(k)}
        if "published" in meta:
            meta["published"] = dt.date.fromisoformat(meta["published"])
        result = sources.add(store, dossier.id, bundle, **meta)
        ids.append(result.source.id)
        texts[result.source.id] = sources.text(store, result.source.id)

    def locate(index: int, quote: str) -> tuple[int, int, int]:
        sid = ids[index]
        try:
            start, end = quote_range(texts[sid], quote)
        except WorkbenchError as exc:
            raise WorkbenchError(f"sample dossier: {exc} (source {manifest['sources'][index]['file']})") from exc
        return sid, start, end

    for spec in manifest["claims"]:
        sid, start, end = locate(spec["source"], spec["quote"])
        fields = {k: spec[k] for k in ("statement", "claimant", "claim_date", "status", "verdict", "rationale", "tags")
                  if spec.get(k) is not None}
        claim = claims.create(store, sid, start, end, **fields)
        for app in spec.get("appearances", []):
            claims.add_appearance(store, claim.id, *locate(app["source"], app["quote"]))
        for ev in spec.get("evidence", []):
            if "quote" in ev:
                evidence.cite_span(store, claim.id, ev["stance"], *locate(ev["source"], ev["quote"]),
                                   note=ev.get("note", ""))
            else:
                evidence.cite_external(store, claim.id, ev["stance"], url=ev.get("url", ""), title=ev.get("title", ""),
                                       publisher=ev.get("publisher", ""), published=ev.get("published"),
                                       note=ev.get("note", ""))
    return dossier
