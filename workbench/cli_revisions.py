"""Handlers of the revision subcommands: ``import FILE --revision-of ID``, ``revisions`` and ``drift``.

Kept out of cli_commands.py (shared by many features); the parser entries live in :mod:`workbench.cli`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from workbench.cli_context import Context, dump_json
from workbench.core.errors import ValidationError

if TYPE_CHECKING:  # the drift module pulls in the anchoring code: not paid by every command at start-up
    from workbench.core.drift import DriftRecord


def import_revision(ctx: Context) -> int:
    """``workbench import FILE --revision-of SOURCE_ID``: prints the new source id and title."""
    from workbench.io.registry import read_file
    from workbench.services import revisions

    args = ctx.args
    if len(args.paths) != 1 or args.paths[0] == "-":
        raise ValidationError("--revision-of takes exactly one file")
    overrides = {n: getattr(args, n) for n in ("title", "outlet", "author", "published", "url", "language")}
    result = revisions.import_revision(ctx.store, args.revision_of, read_file(args.paths[0]), **overrides)
    print(f"{result.source.id}\t{result.source.title}")
    counts: dict[str, int] = {}
    for d in result.drift:
        counts[d.state] = counts.get(d.state, 0) + 1
    if counts:
        summary = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
        print(f"re-anchored {len(result.drift)} span(s) on source {result.source.id}: {summary}", file=sys.stderr)
    return 0


def cmd_revisions(ctx: Context) -> int:
    """The chain of revisions of a source, oldest first."""
    from workbench.services import revisions

    chain = revisions.chain(ctx.store, ctx.args.source_id)
    rows = [{"id": s.id, "imported": s.imported_at.isoformat(timespec="seconds"), "text_sha256": s.text_sha256,
             "title": s.title} for s in chain]
    if ctx.args.json:
        dump_json(rows)
        return 0
    for r in rows:
        print(f"{r['id']}\t{r['imported']}\t{r['text_sha256']}\t{r['title']}")
    return 0


def drift_json(d: DriftRecord) -> dict[str, Any]:
    """Public JSON of one drift line (the contract of ``workbench drift --json``)."""
    from workbench.services.revisions import span_ref_json

    return {"claim_id": d.claim_id, "role": d.role, "state": d.state, "old": span_ref_json(d.old),
            "new": span_ref_json(d.new), "diff": d.diff, "note": d.note, "review": d.review,
            "old_source_id": d.old_source_id, "new_source_id": d.new_source_id}


def cmd_drift(ctx: Context) -> int:
    """What became of each span of OLD_ID on NEW_ID."""
    from workbench.services import revisions

    items = revisions.drift(ctx.store, ctx.args.old_id, ctx.args.new_id)
    if ctx.args.json:
        dump_json([drift_json(d) for d in items])
        return 0
    for d in items:
        now = d.new.exact if d.new is not None else "-"
        print(f"{d.claim_id}\t{d.role}\t{d.state}\t{d.old.exact}\t{now}\t{d.note}")
    return 0
