"""Restore a dossier from its JSON export (``workbench import dossier.json``), identical, ids remapped.

The JSON (``docs/formats.md``) holds the texts of record, not the original files: a restored source keeps the
original's SHA-256 and stores its text as its bytes.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from workbench.core.errors import WorkbenchError
from workbench.core.values import DossierInfo
from workbench.io.dossier_json import DossierDocument, parse_dossier_json
from workbench.io.registry import is_regular_file
from workbench.persistence import repositories as repo
from workbench.persistence.transfer import import_dossier_rows
from workbench.services import dossiers
from workbench.services.store import Store


def exchange_kind(path: str | Path) -> str | None:
    """``dossier`` or ``annotations`` for a Workbench JSON file, else None (an ordinary source)."""
    if str(path) == "-" or not is_regular_file(path):  # never open a pipe or device here: the importer refuses it
        return None
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return None
    if not head.lstrip().startswith((b"{", b"[")):
        return None
    if b"workbench-dossier" in head:
        return "dossier"
    if b"anno.jsonld" in head or b'"Annotation' in head:
        return "annotations"
    return None


def restore(store: Store, data: bytes, name: str = "dossier.json") -> DossierInfo:
    """Create a new dossier from an exported JSON file; returns it (now the current dossier)."""
    doc = parse_dossier_json(data, name)
    with store.db.transaction() as s:
        new_id = import_dossier_rows(s, document_rows(doc))
        repo.log(s, dossier_id=new_id, entity="dossier", entity_id=new_id, action="restore", user=store.user,
                 after={"file": name})
    from workbench.services import publication

    settings = dict(doc.publication)
    if doc.organisation:
        settings["organisation"] = doc.organisation
    with contextlib.suppress(WorkbenchError):  # a bad URL in a file must not stop the dossier from being restored
        publication.restore(store, new_id, settings)
    return dossiers.set_current(store, new_id)


def document_rows(doc: DossierDocument) -> dict[str, list[dict[str, Any]]]:
    """The parsed document as the row lists :func:`import_dossier_rows` takes."""
    d = doc.dossier
    rows: dict[str, list[dict[str, Any]]] = {
        "scale": [{"id": 1, "name": d.scale.name}],
        "verdicts": [
            {"id": i + 1, "scale_id": 1, "position": i, "key": v.key, "label_en": v.label_en, "label_fr": v.label_fr,
             "color": v.color, "rating_value": v.rating_value}
            for i, v in enumerate(d.scale.verdicts)
        ],
        "dossier": [{"id": d.id, "name": d.name, "description": d.description, "event_date": d.event_date,
                     "scale_id": 1, "created_at": d.created_at.replace(tzinfo=None), "deleted_at": None}],
        "sources": [],
        "spans": [],
        "claims": [],
        "claim_tags": [],
        "appearances": [],
        "evidence": [],
        "relations": [],
        "history": [],
    }
    for s in doc.sources:
        text = doc.text_of(s.id)
        rows["sources"].append({
            "id": s.id, "dossier_id": d.id, "title": s.title, "outlet": s.outlet, "author": s.author,
            "published": s.published, "url": s.url, "language": s.language, "kind": s.kind,
            "reliability_note": s.reliability_note, "filename": "", "imported_at": _naive(s.imported_at),
            "original": text.encode("utf-8"), "sha256": s.sha256, "text": text, "text_sha256": s.text_sha256,
            "page_map": [], "deleted_at": None,
        })
    for sp in doc.spans:
        rows["spans"].append({"id": sp.id, "source_id": sp.source_id, "start": sp.start, "end": sp.end,
                              "exact": sp.exact, "prefix": sp.prefix, "suffix": sp.suffix,
                              "text_sha256": sp.text_sha256, "state": sp.state})
    for c in doc.claims:
        rows["claims"].append({
            "id": c.id, "dossier_id": d.id, "statement": c.statement, "claimant": c.claimant,
            "claim_date": c.claim_date, "status": c.status, "verdict": c.verdict, "rationale": c.rationale,
            "concluded_by": c.concluded_by, "created_at": _naive(c.created_at), "updated_at": _naive(c.updated_at),
            "version": c.version, "deleted_at": None,
        })
        rows["claim_tags"] += [{"claim_id": c.id, "tag": t} for t in c.tags]
        rows["appearances"] += [{"id": a.id, "claim_id": c.id, "span_id": a.span.id,
                                 "created_at": _naive(c.created_at), "deleted_at": None} for a in c.appearances]
        rows["evidence"] += [{
            "id": e.id, "claim_id": c.id, "stance": e.stance, "span_id": e.span.id if e.span else None, "url": e.url,
            "title": e.title, "publisher": e.publisher, "published": e.published, "accessed": e.accessed,
            "archive_url": e.archive_url, "quoted": e.quoted, "note": e.note, "created_at": _naive(c.updated_at),
            "deleted_at": None,
        } for e in c.evidence]
    rows["relations"] = [{"id": r.id, "from_claim_id": r.from_claim_id, "to_claim_id": r.to_claim_id,
                          "kind": r.kind, "deleted_at": None} for r in doc.relations]
    rows["history"] = [{"id": h.id, "dossier_id": d.id, "claim_id": h.claim_id, "entity": h.entity,
                        "entity_id": h.entity_id, "action": h.action, "field": h.field, "before": h.before,
                        "after": h.after, "at": _naive(h.at), "user": h.user} for h in doc.history]
    return rows


def _naive(value: Any) -> Any:
    """Datetimes are stored naive UTC."""
    if value is not None and getattr(value, "tzinfo", None) is not None:
        import datetime as dt

        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value
