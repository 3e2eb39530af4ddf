"""Handlers of the ``workbench`` subcommands (the parser, which binds them, lives in :mod:`workbench.cli`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench import cli_revisions
from workbench.cli_context import Context, dump_json
from workbench.core.errors import ValidationError
from workbench.core.text import quote_range
from workbench.core.values import ClaimInfo, SourceInfo, SpanInfo

if TYPE_CHECKING:  # the comparison engine is imported by `compare` only (start-up time of every other command)
    from workbench.core.compare import CompareResult


def cmd_gui(ctx: Context) -> int:
    """Open the window."""
    from workbench.app import run_gui

    args = ctx.args
    return run_gui(args.db, user=args.user, open_sources=args.open, screenshot=args.screenshot, size=args.size,
                   claim=args.claim, compare=args.compare, language=args.language)


def cmd_init(ctx: Context) -> int:
    """Create or upgrade the database; ``--demo`` loads the sample dossier."""
    from workbench.services import dossiers, sample

    store = ctx.store
    if ctx.args.demo:
        dossier = sample.load(store)
        print(f"{dossier.id}\t{dossier.name}")
    else:
        dossier = dossiers.ensure_current(store)
        print(f"{dossier.id}\t{dossier.name}")
    return 0


def cmd_import(ctx: Context) -> int:
    """Import files; one line per new source, errors at the end."""
    if ctx.args.revision_of is None:  # parse the first PDF in its child while the database layer loads and opens
        from workbench.io.importers import pdf

        pdf.prefetch_file(ctx.args.paths)
    from workbench.core.values import ImportBundle
    from workbench.io.importers import text as text_importer
    from workbench.io.registry import read_file
    from workbench.services import sources
    from workbench.services.dossier_io import exchange_kind

    args = ctx.args
    if args.revision_of is not None:
        return cli_revisions.import_revision(ctx)
    overrides = {n: getattr(args, n) for n in ("title", "outlet", "author", "published", "url", "language")}
    paths = []
    failed = False
    from workbench import cli_publish  # http(s) URLs are fetched and captured

    urls = [p for p in args.paths if cli_publish.is_url(p)]
    if urls:
        failed |= not cli_publish.import_urls(ctx, urls)
        args.paths = [p for p in args.paths if not cli_publish.is_url(p)]
    for path in args.paths:  # dossier JSON and Web Annotations are data exchange, not sources
        kind = exchange_kind(path)
        if kind is None:
            paths.append(path)
        else:
            failed |= not _import_exchange(ctx, Path(path), kind)
    if not paths:
        return 1 if failed else 0
    dossier_id = ctx.dossier_id()

    def read(path: str | Path) -> ImportBundle:
        if str(path) == "-":
            return text_importer.pasted("<stdin>", sys.stdin.buffer.read())
        return read_file(path)

    interactive = sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if interactive and name:
            sys.stderr.write(f"\r[{done + 1}/{total}] {name[:60]:<60}")
            sys.stderr.flush()

    result = sources.import_files(ctx.store, dossier_id, paths, read=read, progress=progress, **overrides)
    if interactive:
        sys.stderr.write("\r" + " " * 72 + "\r")
    for src in result.added:
        print(f"{src.id}\t{src.title}")
    for src in result.reused:
        print(f"{src.id}\t{src.title}\t(already imported)", file=sys.stderr)
    for note in result.warnings:
        print(f"warning: {note}", file=sys.stderr)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    return 1 if result.errors or failed else 0


def _import_exchange(ctx: Context, path: Path, kind: str) -> bool:
    from workbench.core.errors import WorkbenchError

    try:
        data = path.read_bytes()
        if kind == "annotations":
            from workbench.services.operations import ImportAnnotations

            result = ImportAnnotations(ctx.dossier_id(), data, path.name).run(ctx.store).value
            states = ", ".join(f"{n} {s}" for s, n in sorted(result.states.items()))
            print(f"{len(result.claim_ids)} claim(s) from {path.name} ({states})")
            for line in result.skipped:
                print(f"warning: {line}", file=sys.stderr)
        else:
            from workbench.services.dossier_io import restore

            dossier = restore(ctx.store, data, path.name)
            print(f"{dossier.id}\t{dossier.name}")
    except WorkbenchError as exc:
        print(f"error: {exc}" if path.name in str(exc) else f"error: {path.name}: {exc}", file=sys.stderr)
        return False
    return True


def source_json(src: SourceInfo) -> dict[str, Any]:
    """Public JSON of a source's metadata."""
    return {
        "id": src.id,
        "title": src.title,
        "outlet": src.outlet,
        "author": src.author,
        "published": src.published.isoformat() if src.published else None,
        "url": src.url,
        "language": src.language,
        "kind": src.kind,
        "reliability_note": src.reliability_note,
        "imported_at": src.imported_at.isoformat(timespec="seconds"),
        "sha256": src.sha256,
        "text_sha256": src.text_sha256,
        "length": src.text_length,
        "claims": src.claim_count,
        "ocr": src.ocr,
    }


def cmd_sources(ctx: Context) -> int:
    """List sources."""
    from workbench.services import sources

    items = sources.list_all(ctx.store, ctx.dossier_id())
    if ctx.args.json:
        dump_json([source_json(s) for s in items])
        return 0
    for s in items:
        date = s.published.isoformat() if s.published else "-"
        print(f"{s.id}\t{s.kind}\t{date}\t{s.outlet or '-'}\t{s.title}")
    return 0


def cmd_text(ctx: Context) -> int:
    """Print the text of record byte for byte."""
    from workbench.services import sources

    body = sources.text(ctx.store, ctx.args.source_id)
    sys.stdout.buffer.write(body.encode("utf-8"))
    sys.stdout.flush()
    return 0


def _locate(ctx: Context, source_id: int, quote: str, nth: int) -> tuple[int, int]:
    from workbench.services import sources

    return quote_range(sources.text(ctx.store, source_id), quote, nth)


def _claim_fields(ctx: Context) -> dict[str, Any]:
    """The claim fields given on the command line."""
    names = ("statement", "claimant", "claim_date", "verdict", "status", "rationale", "tags")
    return {n: getattr(ctx.args, n) for n in names if getattr(ctx.args, n, None) is not None}


def cmd_claim(ctx: Context) -> int:
    """``claim add|appear|set|cite|relate|delete|history``."""
    from workbench.services import claims, evidence

    args, store = ctx.args, ctx.store
    sub = args.claim_command
    if sub == "add":
        start, end = _locate(ctx, args.source_id, args.quote, args.nth)
        claim = claims.create(store, args.source_id, start, end, **_claim_fields(ctx))
        print(claim.id)
    elif sub == "appear":
        claims.get(store, args.claim_id)
        start, end = _locate(ctx, args.source_id, args.quote, args.nth)
        app = claims.add_appearance(store, args.claim_id, args.source_id, start, end)
        print(app.id)
    elif sub == "set":
        fields = _claim_fields(ctx)
        if not fields:
            raise ValidationError("nothing to set: give --statement, --verdict, --status, ...")
        claim, _ = claims.update(store, args.claim_id, **fields)
        print(claim.id)
    elif sub == "cite":
        claims.get(store, args.claim_id)
        if args.source_id is not None:
            if not args.quote:
                raise ValidationError("--source needs --quote")
            start, end = _locate(ctx, args.source_id, args.quote, args.nth)
            ev = evidence.cite_span(store, args.claim_id, args.stance, args.source_id, start, end, note=args.note)
        elif args.url or args.title:
            ev = evidence.cite_external(
                store, args.claim_id, args.stance, url=args.url, title=args.title, publisher=args.publisher,
                published=args.published, archive_url=args.archive_url, note=args.note,
            )
        else:
            raise ValidationError("cite needs --source and --quote, or --url and --title")
        print(ev.id)
    elif sub == "relate":
        rel = claims.relate(store, args.claim_id, args.other_id, args.kind)
        print(rel.id)
    elif sub == "delete":
        claims.delete(store, "claim", args.claim_id)
    elif sub == "history":
        entries = claims.history(store, args.claim_id)
        if args.json:
            dump_json([
                {"at": h.at.isoformat(timespec="seconds"), "user": h.user, "entity": h.entity,
                 "entity_id": h.entity_id, "action": h.action, "field": h.field, "before": h.before,
                 "after": h.after}
                for h in entries
            ])
        else:
            for h in entries:
                change = f"{h.field}: {h.before!r} -> {h.after!r}" if h.field else (h.after or "")
                print(f"{h.at:%Y-%m-%d %H:%M:%S}\t{h.user}\t{h.entity} {h.entity_id}\t{h.action}\t{change}")
    return 0


def span_json(span: SpanInfo) -> dict[str, Any]:
    """Public JSON of a span."""
    return {"source_id": span.source_id, "start": span.start, "end": span.end, "exact": span.exact,
            "state": span.state, "revision_id": span.source_id}


def claim_json(claim: ClaimInfo) -> dict[str, Any]:
    """Public JSON of a claim with appearances and evidence."""
    evidence = []
    for ev in claim.evidence:
        item: dict[str, Any] = {"id": ev.id, "stance": ev.stance, "note": ev.note}
        if ev.span is not None:
            item.update(span_json(ev.span))
        else:
            item.update({"url": ev.url, "title": ev.title, "publisher": ev.publisher,
                         "published": ev.published.isoformat() if ev.published else None})
        evidence.append(item)
    return {
        "id": claim.id,
        "statement": claim.statement,
        "claimant": claim.claimant,
        "claim_date": claim.claim_date.isoformat() if claim.claim_date else None,
        "status": claim.status,
        "verdict": claim.verdict,
        "rationale": claim.rationale,
        "tags": list(claim.tags),
        "concluded_by": claim.concluded_by,
        "version": claim.version,
        "created_at": claim.created_at.isoformat(timespec="seconds"),
        "updated_at": claim.updated_at.isoformat(timespec="seconds"),
        "appearances": [dict(span_json(a.span), id=a.id) for a in claim.appearances],
        "evidence": evidence,
        "relations": [{"id": r.id, "from": r.from_claim_id, "to": r.to_claim_id, "kind": r.kind}
                      for r in claim.relations],
    }


def cmd_claims(ctx: Context) -> int:
    """List claims."""
    from workbench.services import claims

    args = ctx.args
    items = claims.list_claims(ctx.store, ctx.dossier_id(), verdicts=args.verdict, statuses=args.status,
                               source_ids=args.sources, tag=args.tag)
    if args.json:
        dump_json([claim_json(c) for c in items])
        return 0
    for c in items:
        print(f"{c.id}\t{c.verdict or '-'}\t{c.status}\t{len(c.appearances)}\t{len(c.evidence)}\t{c.statement}")
    return 0


def cmd_verdicts(ctx: Context) -> int:
    """Print the rating scale."""
    from workbench.services import dossiers

    scale = dossiers.get(ctx.store, ctx.dossier_id()).scale
    for v in scale.verdicts:
        print(f"{v.key}\t{v.label_en}\t{v.label_fr}\t{v.color}\t{v.rating_value}")
    return 0


def cmd_search(ctx: Context) -> int:
    """Full-text search."""
    from workbench.services import sources

    hits = sources.search(ctx.store, ctx.dossier_id(), ctx.args.query)
    if ctx.args.json:
        dump_json([{"source_id": h.source_id, "start": h.start, "end": h.end, "snippet": h.snippet} for h in hits])
        return 0
    for h in hits:
        print(f"{h.source_id}\t{h.start}\t{h.end}\t{h.snippet}")
    return 0


def cmd_export(ctx: Context) -> int:
    """Export a report or the dossier's data."""
    from workbench.services import reports

    args = ctx.args
    request = reports.ReportRequest(
        format=args.format,
        verdicts=tuple(args.verdict),
        source_ids=tuple(args.sources),
        claim_ids=tuple(args.claims),
        language=args.language,
        include_history=args.history,
        include_drafts=args.include_drafts,
        discrepancies=args.discrepancies,
    )
    if args.out != "-":
        print(reports.export_to_file(ctx.store, ctx.dossier_id(), request, args.out))
        return 0
    if args.format in ("pdf", "docx"):
        raise ValidationError(f"{args.format} is binary: give --out FILE")
    sys.stdout.buffer.write(reports.export(ctx.store, ctx.dossier_id(), request))
    return 0


def cmd_compare(ctx: Context) -> int:
    """Compare sources: alignments, discrepancies, recycled/relay sources, reuse."""
    from workbench.services import compare

    args = ctx.args
    interactive = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if interactive:
            sys.stderr.write(f"\rcomparing… {100 * done // max(total, 1):3d}%")
            sys.stderr.flush()

    result = compare.run(ctx.store, ctx.dossier_id(), args.source_ids, event_date=args.event_date, progress=progress,
                         language=args.language)
    if interactive:
        sys.stderr.write("\r" + " " * 20 + "\r")
    if args.json:
        dump_json(result.to_json())
        return 0
    print(format_comparison(result, args.language or "en"))
    return 0


def format_comparison(result: CompareResult, language: str = "en") -> str:
    """Readable summary of a comparison (the typed result; only ``--json`` turns it into dicts).

    Labels come from the catalogs (``COMPARE_SUMMARY``, the report's kind labels); the engine's notes are already in
    ``language``. A span's value is shown only where it says more than the quote (a figure, a date, a full name);
    the engine's internal values (``video``, ``one of several``) never reach the reader.
    """
    from workbench.core.i18n import translate
    from workbench.core.messages import COMPARE_SUMMARY, REPORT_LABELS

    def t(key: str, *values: object) -> str:
        return translate("CompareSummary", COMPARE_SUMMARY[key], language).format(*values)

    def kind(name: str) -> str:
        label = REPORT_LABELS.get(f"kind.{name}")
        return translate("Report", label, language) if label else name

    event = result.event_date.isoformat() if result.event_date else t("unknown")
    lines = [t("event_date", event), t("aligned", len(result.alignments)),
             t("discrepancies", len(result.discrepancies))]
    for d in result.discrepancies:
        lines.append(f"  [{kind(d.kind)}] {d.note}")
        for s in d.spans:
            value = f" = {s.value}" if (d.kind in ("number", "count", "date", "participant") and s.value
                                        and str(s.value).casefold() != s.exact.casefold()) else ""
            lines.append(f"      {t('span', s.source_id, s.start)}: « {s.exact} »{value}")
    for src in result.sources:  # the engine wrote the notes in ``language``
        flags = [f for f in src.flags if f != "boilerplate"]
        if flags:  # the note counts the boilerplate lines too
            when = src.published.isoformat() if src.published else t("undated")
            lines.append(t("source_flags", src.source_id, when, ", ".join(t(f"flag.{f}") for f in flags))
                         + (f" — {src.note}" if src.note else ""))
        elif src.boilerplate:
            lines.append(t("boilerplate", src.source_id, len(src.boilerplate)))
    for r in result.reuse:
        relation = t(f"relation.{r.relation}") if f"relation.{r.relation}" in COMPARE_SUMMARY else r.relation
        why = f" — {r.evidence}" if r.evidence else ""
        if r.a.source_id == r.b.source_id:
            lines.append(t("reuse_inside", relation, r.a.source_id, r.chars) + why)
        else:
            lines.append(t("reuse", relation, r.b.source_id, r.chars, r.a.source_id) + why)
    return "\n".join(lines)


def cmd_copy(ctx: Context) -> int:
    """Copy a dossier between databases (file paths or URLs); prints the new dossier's id there."""
    from workbench.services.copy import copy_dossier

    args = ctx.args
    new_id = copy_dossier(args.src, args.dst, args.copy_dossier, args.user)
    print(new_id)
    return 0


def cmd_dossiers(ctx: Context) -> int:
    """List or create dossiers."""
    from workbench.services import dossiers

    if ctx.args.new:
        d = dossiers.create(ctx.store, ctx.args.new, scale=ctx.args.scale)
        print(f"{d.id}\t{d.name}")
        return 0
    current = dossiers.current(ctx.store)
    items = dossiers.list_all(ctx.store)
    if ctx.args.json:
        dump_json([{"id": d.id, "name": d.name, "event_date": d.event_date, "scale": d.scale.name,
                    "current": current is not None and d.id == current.id} for d in items])
        return 0
    for d in items:
        mark = "*" if current is not None and d.id == current.id else " "
        print(f"{mark}{d.id}\t{d.scale.name}\t{d.name}")
    return 0
