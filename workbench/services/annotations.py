"""Import W3C Web Annotations back into a dossier: find each target source, re-anchor its selectors, rebuild claims.

Everything is checked before anything is written (a file that cannot be used changes nothing; an annotation that
does not anchor is reported and skipped). A target source is found by the SHA-256 of its text of record
(``urn:sha256:...``), else by its URL. Selectors are
re-anchored with :func:`workbench.core.anchoring.reanchor` (position, exact quote, fuzzy), and each span says how it
landed. Annotations sharing a claim statement become one claim: its appearances and its evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from workbench.core.anchoring import Selector, reanchor
from workbench.core.enums import SpanState
from workbench.core.errors import ImportFailure
from workbench.core.values import NewClaim, SourceInfo
from workbench.io.annotations_import import AnnotationRecord, parse_annotations
from workbench.services import claims, dossiers, evidence, sources
from workbench.services.store import Store


@dataclass(frozen=True, slots=True)
class AnnotationImport:
    """Outcome: claims created, and how many spans landed in each anchoring state (orphans are skipped)."""

    claim_ids: tuple[int, ...]
    states: dict[str, int]
    skipped: tuple[str, ...]


def import_annotations(
    store: Store, dossier_id: int, data: bytes, name: str = "annotations.jsonld"
) -> AnnotationImport:
    """Re-anchor the annotations of ``data`` onto the dossier's sources and create their claims."""
    records = parse_annotations(data, name)
    infos = sources.list_all(store, dossier_id)
    scale = dossiers.get(store, dossier_id).scale
    verdict_of = {label.casefold(): v.key for v in scale.verdicts for label in (v.label_en, v.label_fr, v.key)}
    by_sha = {s.text_sha256: s for s in infos}
    by_url = {s.url: s for s in infos if s.url}
    matched = {s.id for rec in records if (s := by_sha.get(rec.text_sha256) or by_url.get(rec.url)) is not None}
    texts = sources.texts(store, matched)  # the texts of every matched source in one query
    states: dict[str, int] = defaultdict(int)
    skipped: list[str] = []
    groups: dict[str, list[tuple[AnnotationRecord, SourceInfo, int, int]]] = defaultdict(list)
    for rec in records:
        source = by_sha.get(rec.text_sha256) or by_url.get(rec.url)
        if source is None:
            skipped.append(f"{rec.id}: no source of this dossier matches {rec.source}")
            continue
        text = texts[source.id]
        start = rec.start if rec.start is not None else 0
        end = rec.end if rec.end is not None else start + len(rec.exact)
        sel = Selector(start, end, rec.exact or text[start:end], rec.prefix, rec.suffix, rec.text_sha256)
        anchor = reanchor(text, sel, source.text_sha256) if sel.exact.strip() else None
        if anchor is None or anchor.state == SpanState.ORPHANED or anchor.end <= anchor.start:
            states[SpanState.ORPHANED.value] += 1
            skipped.append(f"{rec.id}: quote not found in source {source.id} ({rec.exact[:40]!r})")
            continue
        states[anchor.state.value] += 1
        statement = (rec.statement or " ".join(text[anchor.start:anchor.end].split())).strip()
        groups[statement].append((rec, source, anchor.start, anchor.end))
    new: list[NewClaim] = []
    references: list[list[dict[str, Any]]] = []
    for statement, items in groups.items():
        appearances = [i for i in items if i[0].role == "appearance"]
        cited = [i for i in items if i[0].role != "appearance"]
        if not appearances:
            skipped.extend(f"{i[0].id}: evidence without an appearance of its claim" for i in cited)
            continue
        verdict = next((verdict_of.get(i[0].verdict_label.casefold()) for i in items if i[0].verdict_label), None)
        ext = next((i[0].workbench for i in appearances if i[0].workbench), None) or {}
        fields = _extension_fields(ext, {v.key for v in scale.verdicts})
        if "verdict" not in fields:
            fields["verdict"] = verdict
        new.append(NewClaim(
            {"statement": statement, "tags": appearances[0][0].tags, **fields},
            tuple((src.id, a, b) for _rec, src, a, b in appearances),
            tuple((rec.stance or "context", src.id, a, b, rec.note) for rec, src, a, b in cited),
        ))
        references.append([r for r in ext.get("externalReferences") or () if isinstance(r, dict)
                           and (r.get("url") or r.get("title"))])
    created = claims.create_many(store, dossier_id, new)  # one transaction, a few statements per table
    for claim_id, refs in zip(created, references, strict=True):
        for ref in refs:
            evidence.cite_external(
                store, claim_id, str(ref.get("stance") or "context"), url=str(ref.get("url") or ""),
                title=str(ref.get("title") or ""), publisher=str(ref.get("publisher") or ""),
                published=ref.get("published") or None, accessed=ref.get("accessed") or None,
                archive_url=str(ref.get("archiveUrl") or ""), quoted=str(ref.get("quoted") or ""),
                note=str(ref.get("note") or ""))
    if not created and skipped:
        raise ImportFailure(name, skipped[0])
    return AnnotationImport(tuple(created), dict(states), tuple(skipped))


def _extension_fields(ext: dict[str, Any], verdict_keys: set[str]) -> dict[str, Any]:
    """Claim fields from the Workbench extension of an annotation (unknown or malformed values are left out)."""
    fields: dict[str, Any] = {}
    for key, name in (("claimant", "claimant"), ("rationale", "rationale"), ("claimDate", "claim_date"),
                      ("status", "status")):
        value = ext.get(key)
        if isinstance(value, str) and value.strip():
            fields[name] = value
    verdict = ext.get("verdict")
    if isinstance(verdict, str) and verdict in verdict_keys:
        fields["verdict"] = verdict
    if fields.get("status") not in (None, "to-check", "in-progress", "in-review", "concluded"):
        fields.pop("status")
    return fields
