"""The Workbench dossier JSON format (``"format": "workbench-dossier", "version": 1``): write and read.

The format is documented in ``docs/formats.md``. :func:`dossier_to_json` turns a
:class:`~workbench.io.report.ReportModel` into the JSON object; :func:`parse_dossier_json` reads it back into a
:class:`DossierDocument` of frozen values (the same :mod:`workbench.core.values` types the services use), validating
types, vocabularies, cross references, text hashes and span offsets, and raising
:class:`~workbench.core.errors.ImportFailure` with a one-line reason (naming the JSON path) on bad input.

Ids in the file are those of the exporting database; a service restoring a document into another database maps them
to new ids. Timestamps are UTC (``...Z``) and are read back as timezone-aware UTC datetimes.
"""

from __future__ import annotations

import builtins
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from workbench import __version__
from workbench.core.enums import RelationKind, SourceKind, SpanState, Stance, Status
from workbench.core.errors import ImportFailure
from workbench.core.text import sha256_hex
from workbench.core.values import (
    AppearanceInfo,
    ClaimInfo,
    DossierInfo,
    EvidenceInfo,
    HistoryEntry,
    RatingScale,
    RelationInfo,
    SourceInfo,
    SpanInfo,
    Verdict,
)
from workbench.io.report import ReportModel, iso_date, iso_datetime

FORMAT = "workbench-dossier"
VERSION = 1
MAX_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class DossierDocument:
    """A parsed dossier file: plain frozen values mirroring the JSON.

    ``claims`` have their appearances, evidence and relations filled in (each relation is listed on both claims, as
    in a :class:`~workbench.io.report.ReportModel`); ``relations`` and ``history`` also list them once each.
    """

    version: int
    generator: str
    generated_at: dt.datetime | None
    language: str
    filters: str
    organisation: str
    dossier: DossierInfo
    sources: tuple[SourceInfo, ...]
    texts: Mapping[int, str]
    spans: tuple[SpanInfo, ...]
    claims: tuple[ClaimInfo, ...]
    relations: tuple[RelationInfo, ...]
    history: tuple[HistoryEntry, ...]
    discrepancies: tuple[Mapping[str, Any], ...] = field(default=())
    publication: Mapping[str, str] = field(default_factory=dict)
    """Publication settings carried by the file: organisation-url, publication-url, paper-size, user-name:LOGIN."""

    __hash__ = None  # type: ignore[assignment]  # holds mappings

    def text_of(self, source_id: int) -> str:
        """Text of record of a source ("" if the file had none for it)."""
        return self.texts.get(source_id, "")


# ---------------------------------------------------------------------------------------------------------- writing


def _span_obj(span: SpanInfo) -> dict[str, Any]:
    return {
        "id": span.id,
        "source_id": span.source_id,
        "start": span.start,
        "end": span.end,
        "exact": span.exact,
        "prefix": span.prefix,
        "suffix": span.suffix,
        "text_sha256": span.text_sha256,
        "state": span.state,
    }


def dossier_to_json(model: ReportModel) -> dict[str, Any]:
    """The JSON object (format ``workbench-dossier`` version 1) for everything in ``model``."""
    d = model.dossier
    spans: dict[int, SpanInfo] = {}
    relations: dict[int, RelationInfo] = {}
    claims = []
    exported = {c.id for c in model.claims}
    for c in model.claims:
        for a in c.appearances:
            spans.setdefault(a.span.id, a.span)
        for ev in c.evidence:
            if ev.span is not None:
                spans.setdefault(ev.span.id, ev.span)
        for r in c.relations:  # a relation to a claim outside the export would not restore
            if r.from_claim_id in exported and r.to_claim_id in exported:
                relations.setdefault(r.id, r)
        claims.append(
            {
                "id": c.id,
                "statement": c.statement,
                "claimant": c.claimant,
                "claim_date": iso_date(c.claim_date),
                "status": c.status,
                "verdict": c.verdict,
                "rationale": c.rationale,
                "tags": list(c.tags),
                "created_at": iso_datetime(c.created_at),
                "updated_at": iso_datetime(c.updated_at),
                "version": c.version,
                "concluded_by": c.concluded_by,
                "appearances": [{"id": a.id, "span_id": a.span.id} for a in c.appearances],
                "evidence": [
                    {
                        "id": ev.id,
                        "stance": ev.stance,
                        "span_id": ev.span.id if ev.span is not None else None,
                        "url": ev.url,
                        "title": ev.title,
                        "publisher": ev.publisher,
                        "published": iso_date(ev.published),
                        "accessed": iso_date(ev.accessed),
                        "archive_url": ev.archive_url,
                        "quoted": ev.quoted,
                        "note": ev.note,
                    }
                    for ev in c.evidence
                ],
            }
        )
    history: dict[int, HistoryEntry] = {}
    for entries in model.history.values():
        for h in entries:
            history.setdefault(h.id, h)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"Workbench {__version__}",
        "generated_at": iso_datetime(model.generated_at),
        "language": model.language,
        "filters": model.filters,
        "organisation": model.organisation,
        "publication": publication_settings(model),
        "dossier": {
            "id": d.id,
            "name": d.name,
            "description": d.description,
            "event_date": iso_date(d.event_date),
            "created_at": iso_datetime(d.created_at),
            "scale": {
                "name": d.scale.name,
                "verdicts": [
                    {
                        "key": v.key,
                        "label_en": v.label_en,
                        "label_fr": v.label_fr,
                        "color": v.color,
                        "rating_value": v.rating_value,
                    }
                    for v in d.scale.verdicts
                ],
            },
        },
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "outlet": s.outlet,
                "author": s.author,
                "published": iso_date(s.published),
                "url": s.url,
                "language": s.language,
                "kind": s.kind,
                "reliability_note": s.reliability_note,
                "imported_at": iso_datetime(s.imported_at),
                "sha256": s.sha256,
                "text_sha256": s.text_sha256,
                "text_length": s.text_length,
                "text": model.source_texts.get(s.id),
            }
            for s in model.sources
        ],
        "spans": [_span_obj(s) for s in sorted(spans.values(), key=lambda s: s.id)],
        "claims": claims,
        "relations": [
            {"id": r.id, "from_claim_id": r.from_claim_id, "to_claim_id": r.to_claim_id, "kind": r.kind}
            for r in sorted(relations.values(), key=lambda r: r.id)
        ],
        "history": [
            {
                "id": h.id,
                "at": iso_datetime(h.at),
                "user": h.user,
                "entity": h.entity,
                "entity_id": h.entity_id,
                "claim_id": h.claim_id,
                "action": h.action,
                "field": h.field,
                "before": h.before,
                "after": h.after,
            }
            for h in sorted(history.values(), key=lambda h: h.id)
        ],
        "discrepancies": [
            {"kind": x["kind"], "spans": [dict(s) for s in x["spans"]], "note": x["note"]} for x in model.discrepancies
        ],
    }


# ---------------------------------------------------------------------------------------------------------- reading


class _Reader:
    """Typed access to JSON values with error messages that name the path.

    Its methods ``int``, ``str`` and ``list`` shadow the builtins inside the class body, so annotations after them
    spell ``builtins.int`` and ``builtins.str``.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, path: str, reason: str) -> ImportFailure:
        return ImportFailure(self.name, f"{path}: {reason}" if path else reason)

    def obj(self, value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(path, f"expected an object, found {type(value).__name__}")
        return value

    def list(self, obj: dict[str, Any], key: str, path: str) -> list[Any]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{path}.{key}", "expected a list")
        return value

    def int(self, obj: dict[str, Any], key: str, path: str, *, minimum: int | None = None) -> int:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{path}.{key}", f"expected an integer, found {value!r:.40}")
        if minimum is not None and value < minimum:
            raise self.fail(f"{path}.{key}", f"must be {minimum} or more, not {value}")
        return value

    def opt_int(self, obj: dict[builtins.str, Any], key: builtins.str, path: builtins.str) -> builtins.int | None:
        return None if obj.get(key) is None else self.int(obj, key, path)

    def str(
        self, obj: dict[builtins.str, Any], key: builtins.str, path: builtins.str, *, required: bool = False
    ) -> builtins.str:
        if key not in obj or obj[key] is None:
            if required:
                raise self.fail(f"{path}.{key}", "missing")
            return ""
        value = obj[key]
        if not isinstance(value, str):
            raise self.fail(f"{path}.{key}", f"expected a string, found {type(value).__name__}")
        return value

    def choice(
        self, obj: dict[builtins.str, Any], key: builtins.str, path: builtins.str, allowed: tuple[builtins.str, ...]
    ) -> builtins.str:
        value = self.str(obj, key, path, required=True)
        if value not in allowed:
            raise self.fail(f"{path}.{key}", f"{value!r:.40} is not one of {', '.join(allowed)}")
        return value

    def date(self, obj: dict[builtins.str, Any], key: builtins.str, path: builtins.str) -> dt.date | None:
        value = self.str(obj, key, path)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(f"{path}.{key}", f"not a YYYY-MM-DD date: {value!r:.40}") from None

    def datetime(
        self, obj: dict[builtins.str, Any], key: builtins.str, path: builtins.str, *, required: bool = True
    ) -> dt.datetime | None:
        value = self.str(obj, key, path, required=required)
        if not value:
            return None
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise self.fail(f"{path}.{key}", f"not an ISO 8601 timestamp: {value!r:.40}") from None
        return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)

    def req_datetime(self, obj: dict[builtins.str, Any], key: builtins.str, path: builtins.str) -> dt.datetime:
        value = self.datetime(obj, key, path, required=True)
        assert value is not None
        return value


def _unique(reader: _Reader, items: list[Any], path: str) -> None:
    seen: set[int] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise reader.fail(f"{path}[{i}].id", f"duplicate id {item.id}")
        seen.add(item.id)


def _enum_values(enum: Any) -> tuple[str, ...]:
    return tuple(m.value for m in enum)


def parse_dossier_json(data: bytes, name: str = "dossier.json") -> DossierDocument:
    """Read a ``workbench-dossier`` JSON file.

    Args:
        data: The file's bytes (UTF-8 JSON).
        name: File name used in error messages.

    Returns:
        The validated document.

    Raises:
        ImportFailure: if the bytes are not a valid version-1 dossier file (the reason names the JSON path).
    """
    r = _Reader(name)
    if len(data) > MAX_BYTES:
        raise r.fail("", "the file is too large")
    try:
        root = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise r.fail("", "not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise r.fail("", f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    root = r.obj(root, "$")
    if root.get("format") != FORMAT:
        raise r.fail("$.format", f"not a Workbench dossier file (expected {FORMAT!r})")
    version = r.int(root, "version", "$")
    if version > VERSION:
        raise r.fail("$.version", f"version {version} was written by a newer Workbench (this one reads {VERSION})")
    if version < 1:
        raise r.fail("$.version", f"unknown version {version}")

    d = r.obj(root.get("dossier"), "$.dossier")
    scale_obj = r.obj(d.get("scale"), "$.dossier.scale")
    verdicts = []
    for i, v in enumerate(r.list(scale_obj, "verdicts", "$.dossier.scale")):
        p = f"$.dossier.scale.verdicts[{i}]"
        v = r.obj(v, p)
        verdicts.append(
            Verdict(
                r.str(v, "key", p, required=True),
                r.str(v, "label_en", p),
                r.str(v, "label_fr", p),
                r.str(v, "color", p),
                r.int(v, "rating_value", p, minimum=0),
            )
        )
    if len({v.key for v in verdicts}) != len(verdicts):
        raise r.fail("$.dossier.scale.verdicts", "duplicate verdict keys")
    scale = RatingScale(r.str(scale_obj, "name", "$.dossier.scale"), tuple(verdicts))
    dossier_id = r.int(d, "id", "$.dossier")
    dossier = DossierInfo(
        dossier_id,
        r.str(d, "name", "$.dossier", required=True),
        r.str(d, "description", "$.dossier"),
        r.date(d, "event_date", "$.dossier"),
        scale,
        r.req_datetime(d, "created_at", "$.dossier"),
    )

    sources: list[SourceInfo] = []
    texts: dict[int, str] = {}
    for i, s in enumerate(r.list(root, "sources", "$")):
        p = f"$.sources[{i}]"
        s = r.obj(s, p)
        text = s.get("text")
        if text is not None and not isinstance(text, str):
            raise r.fail(f"{p}.text", "expected a string or null")
        info = SourceInfo(
            id=r.int(s, "id", p),
            dossier_id=dossier_id,
            title=r.str(s, "title", p),
            outlet=r.str(s, "outlet", p),
            author=r.str(s, "author", p),
            published=r.date(s, "published", p),
            url=r.str(s, "url", p),
            language=r.str(s, "language", p),
            kind=r.choice(s, "kind", p, _enum_values(SourceKind)),
            reliability_note=r.str(s, "reliability_note", p),
            imported_at=r.req_datetime(s, "imported_at", p),
            sha256=r.str(s, "sha256", p),
            text_sha256=r.str(s, "text_sha256", p, required=True),
            text_length=r.int(s, "text_length", p, minimum=0),
        )
        if text is not None:
            if sha256_hex(text) != info.text_sha256:
                raise r.fail(f"{p}.text", "its SHA-256 does not match text_sha256 (the text was altered)")
            if len(text) != info.text_length:
                raise r.fail(f"{p}.text_length", f"is {info.text_length} but the text has {len(text)} characters")
            texts[info.id] = text
        sources.append(info)
    _unique(r, sources, "$.sources")
    by_source = {s.id: s for s in sources}

    spans: dict[int, SpanInfo] = {}
    for i, s in enumerate(r.list(root, "spans", "$")):
        p = f"$.spans[{i}]"
        s = r.obj(s, p)
        span = SpanInfo(
            id=r.int(s, "id", p),
            source_id=r.int(s, "source_id", p),
            start=r.int(s, "start", p, minimum=0),
            end=r.int(s, "end", p, minimum=0),
            exact=r.str(s, "exact", p, required=True),
            prefix=r.str(s, "prefix", p),
            suffix=r.str(s, "suffix", p),
            text_sha256=r.str(s, "text_sha256", p),
            state=SpanState(r.choice(s, "state", p, _enum_values(SpanState))),
        )
        if span.id in spans:
            raise r.fail(f"{p}.id", f"duplicate id {span.id}")
        source = by_source.get(span.source_id)
        if source is None:
            raise r.fail(f"{p}.source_id", f"no source with id {span.source_id}")
        if span.end <= span.start:
            raise r.fail(p, f"empty span: end {span.end} is not after start {span.start}")
        text = texts.get(span.source_id)
        if text is not None and span.state != SpanState.ORPHANED:
            if span.end > len(text):
                raise r.fail(p, f"[{span.start}, {span.end}) is outside the source text (length {len(text)})")
            if span.text_sha256 == source.text_sha256 and text[span.start : span.end] != span.exact:
                raise r.fail(f"{p}.exact", "does not match the source text at [start, end)")
        spans[span.id] = span

    stances = _enum_values(Stance)
    claims_raw: list[tuple[dict[str, Any], str]] = []
    for i, c in enumerate(r.list(root, "claims", "$")):
        claims_raw.append((r.obj(c, f"$.claims[{i}]"), f"$.claims[{i}]"))
    claim_ids = {r.int(c, "id", p) for c, p in claims_raw}
    if len(claim_ids) != len(claims_raw):
        raise r.fail("$.claims", "duplicate claim ids")

    relations: list[RelationInfo] = []
    for i, x in enumerate(r.list(root, "relations", "$")):
        p = f"$.relations[{i}]"
        x = r.obj(x, p)
        rel = RelationInfo(
            r.int(x, "id", p),
            r.int(x, "from_claim_id", p),
            r.int(x, "to_claim_id", p),
            RelationKind(r.choice(x, "kind", p, _enum_values(RelationKind))),
        )
        for key in ("from_claim_id", "to_claim_id"):
            if getattr(rel, key) not in claim_ids:
                raise r.fail(f"{p}.{key}", f"no claim with id {getattr(rel, key)}")
        relations.append(rel)
    _unique(r, relations, "$.relations")

    def span_ref(obj: dict[str, Any], p: str, required: bool) -> SpanInfo | None:
        ref = r.int(obj, "span_id", p) if required else r.opt_int(obj, "span_id", p)
        if ref is None:
            return None
        if ref not in spans:
            raise r.fail(f"{p}.span_id", f"no span with id {ref}")
        return spans[ref]

    claims: list[ClaimInfo] = []
    for c, p in claims_raw:
        cid = r.int(c, "id", p)
        verdict = c.get("verdict")
        if verdict is not None and (not isinstance(verdict, str) or scale.get(verdict) is None):
            raise r.fail(f"{p}.verdict", f"{verdict!r:.40} is not a verdict of the dossier's scale")
        tags = c.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise r.fail(f"{p}.tags", "expected a list of strings")
        if len(set(tags)) != len(tags):
            raise r.fail(f"{p}.tags", "a tag is listed twice")
        appearances = []
        for j, a in enumerate(r.list(c, "appearances", p)):
            pa = f"{p}.appearances[{j}]"
            a = r.obj(a, pa)
            appearance_span = span_ref(a, pa, True)
            assert appearance_span is not None
            appearances.append(AppearanceInfo(r.int(a, "id", pa), cid, appearance_span))
        evidence = []
        for j, ev in enumerate(r.list(c, "evidence", p)):
            pe = f"{p}.evidence[{j}]"
            ev = r.obj(ev, pe)
            evidence.append(
                EvidenceInfo(
                    id=r.int(ev, "id", pe),
                    claim_id=cid,
                    stance=Stance(r.choice(ev, "stance", pe, stances)),
                    span=span_ref(ev, pe, False),
                    url=r.str(ev, "url", pe),
                    title=r.str(ev, "title", pe),
                    publisher=r.str(ev, "publisher", pe),
                    published=r.date(ev, "published", pe),
                    accessed=r.date(ev, "accessed", pe),
                    archive_url=r.str(ev, "archive_url", pe),
                    quoted=r.str(ev, "quoted", pe),
                    note=r.str(ev, "note", pe),
                )
            )
        _unique(r, appearances, f"{p}.appearances")
        _unique(r, evidence, f"{p}.evidence")
        claims.append(
            ClaimInfo(
                id=cid,
                dossier_id=dossier_id,
                statement=r.str(c, "statement", p, required=True),
                claimant=r.str(c, "claimant", p),
                claim_date=r.date(c, "claim_date", p),
                status=Status(r.choice(c, "status", p, _enum_values(Status))),
                verdict=verdict,
                rationale=r.str(c, "rationale", p),
                tags=tuple(tags),
                created_at=r.req_datetime(c, "created_at", p),
                updated_at=r.req_datetime(c, "updated_at", p),
                version=r.int(c, "version", p, minimum=0),
                concluded_by=r.str(c, "concluded_by", p),
                appearances=tuple(appearances),
                evidence=tuple(evidence),
                relations=tuple(x for x in relations if cid in (x.from_claim_id, x.to_claim_id)),
            )
        )

    history: list[HistoryEntry] = []
    for i, h in enumerate(r.list(root, "history", "$")):
        p = f"$.history[{i}]"
        h = r.obj(h, p)
        history.append(
            HistoryEntry(
                id=r.int(h, "id", p),
                at=r.req_datetime(h, "at", p),
                user=r.str(h, "user", p),
                entity=r.str(h, "entity", p, required=True),
                entity_id=r.int(h, "entity_id", p),
                claim_id=r.opt_int(h, "claim_id", p),
                action=r.str(h, "action", p, required=True),
                field=r.str(h, "field", p),
                before=h.get("before"),
                after=h.get("after"),
            )
        )
    _unique(r, history, "$.history")

    discrepancies = []
    for i, x in enumerate(r.list(root, "discrepancies", "$")):
        p = f"$.discrepancies[{i}]"
        x = r.obj(x, p)
        items = []
        for j, s in enumerate(r.list(x, "spans", p)):
            ps = f"{p}.spans[{j}]"
            s = r.obj(s, ps)
            sid = r.int(s, "source_id", ps)
            if sid not in by_source:
                raise r.fail(f"{ps}.source_id", f"no source with id {sid}")
            value = s.get("value")
            items.append(
                MappingProxyType(
                    {
                        "source_id": sid,
                        "start": r.int(s, "start", ps, minimum=0),
                        "end": r.int(s, "end", ps, minimum=0),
                        "exact": r.str(s, "exact", ps),
                        "value": "" if value is None else str(value),
                    }
                )
            )
        discrepancies.append(
            MappingProxyType({"kind": r.str(x, "kind", p), "spans": tuple(items), "note": r.str(x, "note", p)})
        )

    language = r.str(root, "language", "$") or "en"
    return DossierDocument(
        version=version,
        generator=r.str(root, "generator", "$"),
        generated_at=r.datetime(root, "generated_at", "$", required=False),
        language=language,
        filters=r.str(root, "filters", "$"),
        organisation=r.str(root, "organisation", "$"),
        dossier=dossier,
        sources=tuple(sources),
        texts=MappingProxyType(texts),
        spans=tuple(spans.values()),
        claims=tuple(claims),
        relations=tuple(relations),
        history=tuple(history),
        discrepancies=tuple(discrepancies),
        publication=MappingProxyType(_publication(root)),
    )


def publication_settings(model: ReportModel) -> dict[str, str]:
    """The publication settings of a report model, as the dossier JSON's ``publication`` object."""
    out = {"organisation-url": model.organisation_url, "publication-url": model.publication_url,
           "paper-size": model.paper}
    out.update({f"user-name:{login}": name for login, name in sorted(model.people.items())})
    return {k: v for k, v in out.items() if v}


def _publication(root: dict[str, Any]) -> dict[str, str]:
    """The optional ``publication`` object: string values only (anything else is ignored, not fatal)."""
    value = root.get("publication")
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if isinstance(v, str) and len(k) < 100}
