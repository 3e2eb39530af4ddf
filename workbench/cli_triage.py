"""``workbench triage``: the sentences of the dossier's sources most worth checking, with the reasons.

Output is a contract: with ``--json`` a list of objects with ``source_id``, ``start``, ``end``, ``exact``,
``score`` and ``reasons``, best first; without it one line per sentence.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.cli_context import Context


def add_parser(sub: Any) -> None:
    """Register the ``triage`` subcommand."""
    tr = sub.add_parser("triage", help="rank each source's sentences by how worth checking they are")
    tr.add_argument("source_ids", nargs="*", type=int, metavar="SOURCE_ID")
    # No default here: importing the comparison engine for a number would cost every command 0.15 s at start-up.
    tr.add_argument("--top", type=_positive, help="sentences per source (default: TRIAGE_TOP)")
    tr.add_argument("--json", action="store_true")
    tr.add_argument("--language", choices=["en", "fr"], default="en",
                    help="language of the reasons in the text output (--json keeps the English keys)")
    tr.set_defaults(func=cmd_triage)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"bad --top {value!r}; use a positive whole number")
    return n


def cmd_triage(ctx: Context) -> int:
    """Print the top sentences per source, best first."""
    from workbench.cli_context import dump_json
    from workbench.core.compare.triage import REASONS_FR
    from workbench.core.compare.tuning import TRIAGE_TOP
    from workbench.services import triage

    top = ctx.args.top if ctx.args.top is not None else TRIAGE_TOP
    items = triage.run(ctx.store, ctx.dossier_id(), ctx.args.source_ids, top)
    if ctx.args.json:
        dump_json([it.to_json() for it in items])
        return 0
    french = getattr(ctx.args, "language", "en") == "fr"
    for it in items:
        text = " ".join(it.exact.split())
        reasons = ", ".join(REASONS_FR.get(r, r) if french else r for r in it.reasons)
        print(f"{it.score:.2f}  source {it.source_id} @{it.start}-{it.end}  [{reasons}]  {text}")
    return 0
