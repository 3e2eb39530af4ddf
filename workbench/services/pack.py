"""Write an evidence pack: everything a reader needs to check a fact-check without Workbench's database.

The layout and the checks are described in :mod:`workbench.io.pack_verify`, which also verifies packs. The pack is
written atomically (a ``.part`` file renamed at the end).
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workbench.core.errors import ValidationError, WorkbenchError
from workbench.core.values import HistoryEntry
from workbench.io import pack_verify as fmt
from workbench.io.report import ReportModel, iso_datetime
from workbench.services import reports, sources
from workbench.services.store import Store

EXTENSIONS = {"html": ".html", "pdf": ".pdf", "docx": ".docx", "text": ".txt", "txt": ".txt", "pasted": ".txt",
              "md": ".md", "warc": ".warc", "web": ".html",
              "mhtml": ".mhtml"}


@dataclass(frozen=True, slots=True)
class PackResult:
    """Where the pack was written and how many files it holds (manifest included)."""

    path: Path
    files: int


def _history_obj(h: HistoryEntry) -> dict[str, Any]:
    return {"id": h.id, "at": iso_datetime(h.at), "user": h.user, "entity": h.entity, "entity_id": h.entity_id,
            "claim_id": h.claim_id, "action": h.action, "field": h.field, "before": h.before, "after": h.after}


def _language(model: ReportModel) -> str:
    counts = Counter((s.language or "")[:2].lower() for s in model.sources)
    best = counts.most_common(1)[0][0] if counts else ""
    return best if best in ("en", "fr") else "en"


def write_pack(store: Store, dossier_id: int, path: Path, *, claim_ids: tuple[int, ...] = ()) -> PackResult:
    """Write the pack of a dossier (or of ``claim_ids``) to ``path``; returns where and how many files."""
    request = reports.ReportRequest(format="html", claim_ids=claim_ids, include_history=True)
    model = reports.build_model(store, dossier_id, request)
    language = _language(model)
    if language != model.language:
        request = reports.ReportRequest(format="html", claim_ids=claim_ids, include_history=True, language=language)
        model = reports.build_model(store, dossier_id, request)
    from workbench.io.exporters import EXPORTERS

    files: dict[str, bytes] = {}
    notes: list[str] = []
    manifest_sources = []
    for src in model.sources:
        ext = EXTENSIONS.get(src.kind, ".bin")
        original_name = f"sources/{src.id}/original{ext}"
        text_name = f"sources/{src.id}/text.txt"
        original = sources.original(store, src.id)
        files[text_name] = model.text_of(src.id).encode("utf-8")
        entry: dict[str, Any] = {"id": src.id, "title": src.title, "kind": src.kind, "original": original_name,
                                 "text": text_name, "sha256": src.sha256, "text_sha256": src.text_sha256}
        if fmt.sha256(original) == src.sha256:
            files[original_name] = original
        else:  # restored from a dossier JSON file, which carries texts of record, not the original bytes
            entry["original"] = None
            notes.append(f"source {src.id}: restored from a dossier file; its original bytes are not in this database")
        manifest_sources.append(entry)
        for cap in model.captures.get(src.id, ()):
            archive = cap.get("warc")
            if isinstance(archive, bytes | bytearray) and cap.get("name"):
                files[str(cap["name"])] = bytes(archive)
    files["reports/report.html"] = EXPORTERS["html"].export(model)
    files["reports/report.pdf"] = EXPORTERS["pdf"].export(model)
    try:
        files["claimreview.jsonld"] = EXPORTERS["claimreview"].export(model)
    except ValidationError as exc:
        notes.append(f"claimreview.jsonld not written: {exc}")
    files["annotations.jsonld"] = EXPORTERS["annotations"].export(model)
    files["dossier.json"] = EXPORTERS["json"].export(model)

    quotes = []
    for claim in model.claims:
        spans = [("appearance", a.id, a.span) for a in claim.appearances]
        spans += [("evidence", e.id, e.span) for e in claim.evidence if e.span is not None]
        for role, item_id, span in spans:
            quotes.append({"id": f"{role}-{item_id}", "claim_id": claim.id, "role": role, "source_id": span.source_id,
                           "start": span.start, "end": span.end, "exact": span.exact,
                           "text_sha256": span.text_sha256})
    entries = sorted((h for hs in model.history.values() for h in hs), key=lambda h: h.id)
    history = [_history_obj(h) for h in entries]
    hashes = fmt.chain(history)
    for obj, digest in zip(history, hashes, strict=True):
        obj["hash"] = digest
    manifest = {
        "format": fmt.FORMAT,
        "version": fmt.VERSION,
        "created_at": iso_datetime(dt.datetime.now(dt.UTC)),
        "dossier": {"id": model.dossier.id, "name": model.dossier.name},
        "claims": [c.id for c in model.claims],
        "files": {name: fmt.sha256(data) for name, data in sorted(files.items())},
        "sources": manifest_sources,
        "quotes": quotes,
        "history": history,
        "history_head": hashes[-1] if hashes else fmt.GENESIS,
        "notes": notes,
    }
    raw = json.dumps(manifest, ensure_ascii=False, indent=2, default=str).encode("utf-8")
    target = Path(path).expanduser()
    tmp = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in sorted(files.items()):
                zf.writestr(name, data)
            zf.writestr(fmt.MANIFEST, raw)
            zf.writestr(fmt.MANIFEST_HASH, fmt.sha256(raw) + "\n")
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise WorkbenchError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return PackResult(target, len(files) + 2)
