"""Verification reports: read what a report shows into one ReportModel, then hand it to an exporter.

Filters select claims (verdicts, sources, claim ids); the sources listed are those the selected claims cite or
appear in (all sources when no filter is given). Optional: each claim's history, the comparison of sources.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.core.errors import Cancelled, NotFoundError, ValidationError
from workbench.core.values import RatingScale, SourceInfo
from workbench.io.report import ReportModel
from workbench.services import claims, dossiers, publication, sources
from workbench.services.store import Store

if TYPE_CHECKING:  # the comparison engine is imported only when a report asks for the discrepancies
    from workbench.core.compare import CompareResult

ORGANISATION_KEY = "organisation"


@dataclass(frozen=True, slots=True)
class ReportRequest:
    """What the user asked for."""

    format: str
    verdicts: tuple[str, ...] = ()
    source_ids: tuple[int, ...] = ()
    claim_ids: tuple[int, ...] = ()
    language: str = "en"
    include_history: bool = False
    discrepancies: bool = False
    include_drafts: bool = False


def build_model(
    store: Store,
    dossier_id: int,
    request: ReportRequest,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ReportModel:
    """Read the dossier into a ReportModel honouring the request's filters."""
    dossier = dossiers.get(store, dossier_id)
    scale_keys = {v.key for v in dossier.scale.verdicts}
    unknown = [v for v in request.verdicts if v not in scale_keys]
    if unknown:
        keys = ", ".join(sorted(scale_keys))
        raise ValidationError(f"unknown verdict {unknown[0]!r}; the dossier's scale has: {keys}")
    all_sources = sources.list_all(store, dossier_id)
    known = {s.id for s in all_sources}
    for sid in request.source_ids:
        if sid not in known:
            raise NotFoundError(f"no source with id {sid} in dossier {dossier_id}")
    selected = claims.list_claims(store, dossier_id, verdicts=request.verdicts, source_ids=request.source_ids,
                                  claim_ids=request.claim_ids)
    if request.claim_ids:
        found = {c.id for c in selected}
        missing = [c for c in request.claim_ids if c not in found]
        if missing and not request.verdicts and not request.source_ids:
            raise NotFoundError(f"no claim with id {missing[0]} in dossier {dossier_id}")
    filtered = bool(request.verdicts or request.source_ids or request.claim_ids)
    if filtered:
        used = {a.span.source_id for c in selected for a in c.appearances}
        used |= {e.span.source_id for c in selected for e in c.evidence if e.span is not None}
        shown = [s for s in all_sources if s.id in used]
    else:
        shown = all_sources
    if cancel is not None and cancel():
        raise Cancelled("export cancelled")
    texts = sources.texts(store, [s.id for s in shown])  # one query for every text
    if progress is not None:
        progress(len(shown), len(shown) + 1)
    history = {cid: tuple(lines) for cid, lines in claims.histories(store, [c.id for c in selected]).items()}
    discrepancies: tuple[dict[str, Any], ...] = ()
    if request.discrepancies:
        from workbench.services import compare

        result = compare.run(store, dossier_id, [s.id for s in shown] if filtered else (), cancel=cancel,
                             language=request.language)
        # The report model is a JSON edge: the typed findings become its plain dicts here, and only here.
        notes_in = {"note_language": request.language}  # the engine wrote each note in the report's language
        discrepancies = (tuple({**d.to_json(), **notes_in} for d in result.discrepancies)
                         + tuple(source_findings(result)))
    pub = publication.get(store, dossier_id)
    return ReportModel(
        dossier=dossier,
        sources=tuple(shown),
        source_texts=texts,
        claims=tuple(selected),
        history=history,
        language=request.language,
        include_history=request.include_history or request.format == "json",
        organisation=pub.organisation,
        generated_at=dt.datetime.now(dt.UTC),
        filters=_describe(request, dossier.scale, {s.id: s for s in all_sources}),
        discrepancies=discrepancies,
        publication_url=pub.publication_url,
        organisation_url=pub.organisation_url,
        organisation_logo=pub.organisation_logo,
        people=pub.people,
        include_drafts=request.include_drafts,
        paper=pub.paper,
        captures=_captures(store, [s.id for s in shown]),
        revisions=revision_notes(store, selected),
    )


def _captures(store: Store, source_ids: list[int]) -> dict[int, tuple[dict[str, Any], ...]]:
    """Archived copies (web captures) of the shown sources, for the report's "where the claim appeared"."""
    try:
        from workbench.services import capture
    except ImportError:  # pragma: no cover - capture support not installed
        return {}
    return capture.report_captures(store, source_ids)


def source_findings(result: CompareResult) -> list[dict[str, Any]]:
    """Copied text and recycled sources from a comparison, in the report's discrepancy shape.

    A reader must see when two "independent" sources are one, and when a source reports another event.
    """
    out: list[dict[str, Any]] = []
    for r in result.reuse:
        out.append({
            "kind": "copied text",
            "chars": r.chars,
            "relation": r.relation,
            "note": f"source {r.b.source_id} repeats {r.chars} characters of source {r.a.source_id}"
                    " — these two sources are not independent",
            "spans": [r.a.to_json(), r.b.to_json()],
        })
    for s in result.sources:
        if "recycled" in s.flags:
            out.append({
                "kind": "recycled source",
                "note": s.note or f"source {s.source_id} reports another event",
                "spans": [x.to_json() for x in s.evidence_for("recycled")] or [{"source_id": s.source_id}],
            })
    return out


def _describe(request: ReportRequest, scale: RatingScale, by_id: dict[int, SourceInfo]) -> str:
    """The selection line in the report's language, with verdict labels and source titles (never keys or ids)."""
    from workbench.io.exporters._common import label

    lang = request.language
    sep = " : " if lang == "fr" else ": "
    parts = []
    if request.verdicts:
        names = []
        for key in request.verdicts:
            verdict = scale.get(key)
            names.append(verdict.label(lang) if verdict is not None else key)
        parts.append(label(lang, "sel.verdict") + sep + ", ".join(names))
    if request.source_ids:
        titles = []
        for sid in request.source_ids:
            src = by_id.get(sid)
            title = (src.title or src.outlet or src.url) if src is not None else ""
            titles.append((f"« {title} »" if lang == "fr" else f"“{title}”") if title else f"n° {sid}")
        parts.append(label(lang, "sel.sources") + sep + ", ".join(titles))
    if request.claim_ids:
        parts.append(label(lang, "sel.claims") + sep + ", ".join(f"n° {c}" if lang == "fr" else f"no. {c}"
                                                                for c in request.claim_ids))
    return " ; ".join(parts) if lang == "fr" else "; ".join(parts)


def export(
    store: Store,
    dossier_id: int,
    request: ReportRequest,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> bytes:
    """Build the model and render it in ``request.format``."""
    from workbench.io.exporters import EXPORTERS

    if request.format not in EXPORTERS:
        raise ValidationError(f"unknown format {request.format!r}; use one of: {', '.join(EXPORTERS)}")
    model = build_model(store, dossier_id, request, cancel=cancel,
                        progress=(lambda d, t: progress(d, 2 * t)) if progress else None)

    def render_progress(done: int, total: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled("export cancelled")
        if progress is not None:
            progress(total + done, 2 * max(total, 1))

    return EXPORTERS[request.format].export(model, render_progress)


def export_to_file(
    store: Store,
    dossier_id: int,
    request: ReportRequest,
    path: str | Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Export and write ``path`` atomically (a crash or a cancel never leaves half a report); return the path."""
    data = export(store, dossier_id, request, progress=progress, cancel=cancel)
    target = Path(path).expanduser()
    tmp = target.with_name(target.name + ".part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(f"cannot write {target}: {exc.strerror or exc}") from exc
    return target


def extension(fmt: str) -> str:
    """File extension of a format (with its dot)."""
    from workbench.io.exporters import EXPORTERS

    return EXPORTERS[fmt].extension


def formats() -> Sequence[tuple[str, str]]:
    """(key, human name) of every export format."""
    from workbench.io.exporters import EXPORTERS

    return [(k, e.name) for k, e in EXPORTERS.items()]


def revision_notes(store: Store, selected: Sequence[Any]) -> dict[int, Any]:
    """By span id: the original quote and what the newest revision says, for spans whose source was revised."""
    from workbench.services import revisions

    return revisions.report_notes(store, [c.id for c in selected])
