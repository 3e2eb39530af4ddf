"""W3C Web Annotation (JSON-LD) export: one Annotation per appearance and per evidence span.

The output is an ``AnnotationCollection`` (``@context: http://www.w3.org/ns/anno.jsonld``) whose embedded first
``AnnotationPage`` holds every annotation. Each annotation follows the Web Annotation Data Model:

* ``id``: a stable ``urn:uuid:`` IRI (UUID 5 of the dossier and the appearance/evidence id), ``type: Annotation``,
  ``created`` (claim creation) and ``modified`` (claim update) as xsd:dateTime in UTC, ``creator`` (the organisation,
  or the user who concluded the claim), ``generator`` (Workbench) and ``generated``.
* ``target``: a ``SpecificResource`` whose ``source`` is the source's http(s) URL, or ``urn:sha256:<text_sha256>``
  (the SHA-256 of the text of record) when it has none. With a URL, a ``TimeState`` gives ``sourceDate`` (import
  time) and ``cached: urn:sha256:<text_sha256>``: offsets count code points of that text of record. ``selector`` is
  ``[TextQuoteSelector(exact, prefix, suffix), TextPositionSelector(start, end)]`` (the position selector is left out
  when the stored offsets no longer hold the quote).
* Appearance: ``motivation`` ``assessing`` (concluded claim with a verdict) or ``highlighting`` (drafts
  too); bodies are ``TextualBody`` items: the claim statement (purpose ``describing``), the verdict label (purpose
  ``assessing``, concluded claims only) and the tags (purpose ``tagging``).
* :data:`EXTENSION` (an absolute IRI property) on each appearance: status, verdict key, claimant, claim date,
  rationale and external references, so that a Workbench-to-Workbench round trip loses nothing.
* Evidence span: ``motivation: linking``; bodies: the claim statement (purpose ``linking``), the stance
  ``supports``/``refutes``/``context`` (purpose ``classifying``) and the note (purpose ``commenting``).

:mod:`workbench.io.annotations_import` reads such files back (and annotations made by other tools).
"""

from __future__ import annotations

import uuid
from typing import Any

from workbench.core.anchoring import make_selector
from workbench.core.enums import SpanState
from workbench.core.values import ClaimInfo, SpanInfo
from workbench.io.exporters._common import GENERATOR, json_bytes, report_progress
from workbench.io.report import Progress, ReportModel, is_web_url, iso_datetime

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
EXTENSION = "https://w3id.org/workbench/ns#claim"
"""Workbench extension property (an absolute IRI, so JSON-LD keeps it and the W3C schemas still accept the
annotation): the claim fields the Web Annotation model has no term for, so an export/import round trip keeps them."""
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:workbench:annotations")


def _urn(model: ReportModel, *parts: object) -> str:
    d = model.dossier
    name = ":".join(str(p) for p in (d.id, iso_datetime(d.created_at), *parts))
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def _text_body(value: str, purpose: str, language: str = "") -> dict[str, Any]:
    body: dict[str, Any] = {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}
    if language:
        body["language"] = language
    return body


def _target(model: ReportModel, span: SpanInfo) -> dict[str, Any]:
    source = model.source(span.source_id)
    text = model.text_of(span.source_id)
    positions = True
    if text and 0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.exact:
        sel = make_selector(text, span.start, span.end)
        exact, prefix, suffix = sel.exact, sel.prefix, sel.suffix
        text_sha = source.text_sha256 if source is not None else sel.text_sha256
    else:
        exact, prefix, suffix = span.exact, span.prefix, span.suffix
        text_sha = span.text_sha256
        positions = span.state in (SpanState.ANCHORED.value, SpanState.MOVED.value) and 0 <= span.start < span.end
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": exact}
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    selectors: list[dict[str, Any]] = [quote]
    if positions:
        selectors.append({"type": "TextPositionSelector", "start": span.start, "end": span.end})
    target: dict[str, Any] = {"type": "SpecificResource"}
    if source is not None and is_web_url(source.url):
        target["source"] = source.url
        target["state"] = {
            "type": "TimeState",
            "sourceDate": iso_datetime(source.imported_at),
            "cached": f"urn:sha256:{text_sha}",
        }
    else:
        target["source"] = f"urn:sha256:{text_sha}"
    if source is not None and source.language:
        target["language"] = source.language
    target["selector"] = selectors
    return target


def _common(model: ReportModel, claim: ClaimInfo) -> dict[str, Any]:
    data: dict[str, Any] = {"created": iso_datetime(claim.created_at), "modified": iso_datetime(claim.updated_at)}
    if model.organisation:
        data["creator"] = {"type": "Organization", "name": model.organisation}
    elif claim.concluded_by:
        data["creator"] = {"type": "Person", "name": claim.concluded_by}
    data["generator"] = {"type": "Software", "name": GENERATOR}
    data["generated"] = iso_datetime(model.generated_at)
    return data


def claim_extension(claim: ClaimInfo) -> dict[str, Any]:
    """The claim fields carried in :data:`EXTENSION`: status, verdict key, claimant, date, rationale, references."""
    refs = [
        {"stance": e.stance, "url": e.url, "title": e.title, "publisher": e.publisher,
         "published": e.published.isoformat() if e.published else None,
         "accessed": e.accessed.isoformat() if e.accessed else None,
         "archiveUrl": e.archive_url, "quoted": e.quoted, "note": e.note}
        for e in claim.evidence
        if e.span is None
    ]
    return {
        "status": claim.status,
        "verdict": claim.verdict,
        "claimant": claim.claimant,
        "claimDate": claim.claim_date.isoformat() if claim.claim_date else None,
        "rationale": claim.rationale,
        "externalReferences": refs,
    }


def claim_annotations(model: ReportModel, claim: ClaimInfo) -> list[dict[str, Any]]:
    """The annotations of one claim: its appearances, then its evidence spans."""
    out = []
    # a draft's working verdict is not an assessment: it travels in the Workbench extension only
    verdict = model.verdict_label(claim) if model.verdict_of(claim) and not model.is_draft(claim) else ""
    extension = claim_extension(claim)
    for appearance in claim.appearances:
        bodies = [_text_body(claim.statement, "describing")]
        if verdict:
            bodies.append(_text_body(verdict, "assessing", model.language))
        bodies += [_text_body(tag, "tagging") for tag in claim.tags]
        out.append(
            {
                "id": _urn(model, "appearance", appearance.id),
                "type": "Annotation",
                "motivation": "assessing" if verdict else "highlighting",
                **_common(model, claim),
                "body": bodies,
                "target": _target(model, appearance.span),
                EXTENSION: extension,
            }
        )
    for item in claim.evidence:
        if item.span is None:
            continue
        bodies = [_text_body(claim.statement, "linking"), _text_body(item.stance, "classifying", "en")]
        if item.note:
            bodies.append(_text_body(item.note, "commenting"))
        out.append(
            {
                "id": _urn(model, "evidence", item.id),
                "type": "Annotation",
                "motivation": "linking",
                **_common(model, claim),
                "body": bodies,
                "target": _target(model, item.span),
            }
        )
    return out


def collection(model: ReportModel, progress: Progress | None = None) -> dict[str, Any]:
    """The AnnotationCollection object for the report."""
    items: list[dict[str, Any]] = []
    total = len(model.claims)
    report_progress(progress, 0, total)
    for done, claim in enumerate(model.claims, 1):
        items += claim_annotations(model, claim)
        report_progress(progress, done, total)
    coll_id = _urn(model, "collection")
    result: dict[str, Any] = {
        "@context": CONTEXT,
        "id": coll_id,
        "type": "AnnotationCollection",
        "label": model.dossier.name,
        "total": len(items),
        "generator": {"type": "Software", "name": GENERATOR},
        "generated": iso_datetime(model.generated_at),
    }
    if items:
        result["first"] = {
            "id": _urn(model, "page", 0),
            "type": "AnnotationPage",
            "partOf": coll_id,
            "startIndex": 0,
            "items": items,
        }
    return result


def export(model: ReportModel, progress: Progress | None = None) -> bytes:
    """The annotations as UTF-8 JSON-LD."""
    return json_bytes(collection(model, progress))
