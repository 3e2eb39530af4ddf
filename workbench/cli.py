"""The ``workbench`` command: the window by default, subcommands for scripting.

Every subcommand prints plain lines or JSON on stdout; errors print ``error: ...`` on stderr and exit non-zero
without changing the database. Heavy modules (Qt, importers) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence

from workbench import __version__
from workbench.cli_context import Context
from workbench.core.errors import WorkbenchError

Handler = Callable[[Context], int]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad date {value!r}; use YYYY-MM-DD") from None


def _ids(value: str) -> list[int]:
    try:
        return [int(v) for v in value.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad id list {value!r}; use 1,2,3") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI in the README)."""
    # The handler modules import only what every command needs; each handler imports its own heavy modules.
    from workbench import cli_commands as commands
    from workbench import cli_publish, cli_revisions, cli_triage

    p = argparse.ArgumentParser(prog="workbench", description="A desktop fact-checking workbench.")
    p.add_argument("--version", action="version", version=f"workbench {__version__}")
    p.add_argument("--db", help="database file or SQLAlchemy URL (default: $WORKBENCH_DB or the user data folder)")
    p.add_argument("--user", help="your name in the history (default: $WORKBENCH_USER or your login)")
    p.add_argument("--dossier", type=int, help="dossier id (default: the last used)")
    sub = p.add_subparsers(dest="command")
    # `workbench` alone opens the window: the gui options need their defaults at the top level too.
    p.set_defaults(func=commands.cmd_gui, open=[], screenshot=None, size="1600x1000", claim=None, compare=False,
                   language=None)

    g = sub.add_parser("gui", help="open the window (default)")
    g.set_defaults(func=commands.cmd_gui)
    g.add_argument("--open", type=_ids, default=[], metavar="ID[,ID...]", help="sources to open side by side")
    g.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    g.add_argument("--size", default="1600x1000", help="window size for --screenshot (WxH)")
    g.add_argument("--claim", type=int, help="select this claim (scrolls the panes to its spans)")
    g.add_argument("--compare", action="store_true", help="compare the sources and show the Compare panel")
    g.add_argument("--language", help="interface language for this run (en, fr; default: the saved setting)")

    i = sub.add_parser("init", help="create or upgrade the database")
    i.set_defaults(func=commands.cmd_init)
    i.add_argument("--demo", action="store_true", help="load the sample dossier")

    im = sub.add_parser("import", help="import files ('-' reads stdin)")
    im.set_defaults(func=commands.cmd_import)
    im.add_argument("paths", nargs="+")
    for name in ("title", "outlet", "author", "url", "language"):
        im.add_argument(f"--{name}")
    im.add_argument("--published", type=_date)
    im.add_argument("--revision-of", type=int, metavar="SOURCE_ID", help="import FILE as a newer version of a source")

    s = sub.add_parser("sources", help="list the dossier's sources")
    s.set_defaults(func=commands.cmd_sources)
    s.add_argument("--json", action="store_true")

    rv = sub.add_parser("revisions", help="the chain of revisions of a source, oldest first")
    rv.set_defaults(func=cli_revisions.cmd_revisions)
    rv.add_argument("source_id", type=int)
    rv.add_argument("--json", action="store_true")
    dr = sub.add_parser("drift", help="what became of each quoted span when a source was revised")
    dr.set_defaults(func=cli_revisions.cmd_drift)
    dr.add_argument("old_id", type=int)
    dr.add_argument("new_id", type=int)
    dr.add_argument("--json", action="store_true")

    t = sub.add_parser("text", help="print a source's text of record")
    t.set_defaults(func=commands.cmd_text)
    t.add_argument("source_id", type=int)

    c = sub.add_parser("claim", help="create and edit claims")
    c.set_defaults(func=commands.cmd_claim)
    csub = c.add_subparsers(dest="claim_command", required=True)
    ca = csub.add_parser("add", help="new claim from a quote of a source; prints its id")
    ca.add_argument("source_id", type=int)
    _quote_args(ca)
    _claim_field_args(ca)
    cp = csub.add_parser("appear", help="add an appearance of a claim in a source")
    cp.add_argument("claim_id", type=int)
    cp.add_argument("source_id", type=int)
    _quote_args(cp)
    cs = csub.add_parser("set", help="change claim fields")
    cs.add_argument("claim_id", type=int)
    _claim_field_args(cs)
    cc = csub.add_parser("cite", help="cite evidence for a claim")
    cc.add_argument("claim_id", type=int)
    cc.add_argument("--stance", required=True, choices=["supports", "refutes", "context"])
    cc.add_argument("--source", type=int, dest="source_id")
    cc.add_argument("--quote")
    cc.add_argument("--nth", type=int, default=1)
    cc.add_argument("--url", default="")
    cc.add_argument("--title", default="")
    cc.add_argument("--publisher", default="")
    cc.add_argument("--published", type=_date)
    cc.add_argument("--archive-url", default="")
    cc.add_argument("--note", default="")
    cr = csub.add_parser("relate", help="relate two claims")
    cr.add_argument("claim_id", type=int)
    cr.add_argument("other_id", type=int)
    cr.add_argument("--kind", required=True, choices=["same-as", "contradicts", "supports"])
    cd = csub.add_parser("delete", help="delete a claim (restorable)")
    cd.add_argument("claim_id", type=int)
    ch = csub.add_parser("history", help="a claim's change log")
    ch.add_argument("claim_id", type=int)
    ch.add_argument("--json", action="store_true")

    cl = sub.add_parser("claims", help="list claims")
    cl.set_defaults(func=commands.cmd_claims)
    cl.add_argument("--json", action="store_true")
    cl.add_argument("--verdict", action="append", default=[])
    cl.add_argument("--status", action="append", default=[])
    cl.add_argument("--source", type=int, action="append", default=[], dest="sources")
    cl.add_argument("--tag", default="")

    sub.add_parser("verdicts", help="the dossier's rating scale").set_defaults(func=commands.cmd_verdicts)

    se = sub.add_parser("search", help="accent-insensitive full-text search across the dossier's sources")
    se.set_defaults(func=commands.cmd_search)
    se.add_argument("query")
    se.add_argument("--json", action="store_true")

    d = sub.add_parser("dossiers", help="list dossiers, or create one")
    d.set_defaults(func=commands.cmd_dossiers)
    d.add_argument("--new", metavar="NAME")
    d.add_argument("--scale", default="default")
    d.add_argument("--json", action="store_true")

    st = sub.add_parser("setting", help="read or change a setting: publication settings (kept in the database), "
                                        "language and theme (yours, kept in your settings)")
    st.set_defaults(func=cli_publish.cmd_setting)
    st.add_argument("key", choices=["organisation", "organisation-url", "organisation-logo", "publication-url",
                                    "paper-size", "user-name", "language", "theme"])
    st.add_argument("value", nargs="?", help="new value (omit to print the current one)")

    ex = sub.add_parser("export", help="export a verification report or the dossier's data")
    ex.set_defaults(func=commands.cmd_export)
    ex.add_argument("--format", required=True,
                    choices=["html", "pdf", "md", "docx", "json", "csv", "claimreview", "annotations"])
    ex.add_argument("--out", required=True, help="output file ('-' for stdout, text formats only)")
    ex.add_argument("--verdict", nargs="+", action="extend", default=[])
    ex.add_argument("--source", nargs="+", action="extend", type=int, default=[], dest="sources")
    ex.add_argument("--claim", nargs="+", action="extend", type=int, default=[], dest="claims")
    ex.add_argument("--language", choices=["en", "fr"], default="en")
    ex.add_argument("--history", action="store_true", help="include each claim's history")
    ex.add_argument("--discrepancies", action="store_true", help="add the comparison of sources")
    ex.add_argument("--include-drafts", action="store_true", help="count claims not concluded in the verdict chart")

    pk = sub.add_parser("pack", help="write an evidence pack (zip) that proves every quote")
    pk.set_defaults(func=cli_publish.cmd_pack)
    pk.add_argument("--claim", nargs="+", action="extend", type=int, default=[], dest="claims")
    pk.add_argument("--out", required=True, help="output .zip")
    ve = sub.add_parser("verify", help="check an evidence pack; names every file or entry that does not match")
    ve.set_defaults(func=cli_publish.cmd_verify)
    ve.add_argument("file")

    co = sub.add_parser("compare", help="compare sources: alignments, discrepancies, recycled and copied text")
    co.set_defaults(func=commands.cmd_compare)
    co.add_argument("source_ids", nargs="*", type=int)
    co.add_argument("--event-date", type=_date)
    co.add_argument("--json", action="store_true")
    co.add_argument("--language", choices=["en", "fr"], default="en", help="language of the notes")
    cli_triage.add_parser(sub)

    cp = sub.add_parser("copy", help="copy a dossier between databases (file path or URL)")
    cp.set_defaults(func=commands.cmd_copy)
    cp.add_argument("--from", dest="src", required=True)
    cp.add_argument("--to", dest="dst", required=True)
    cp.add_argument("--dossier", dest="copy_dossier", type=int)
    return p


def _quote_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quote", required=True, help="exact text to find in the source")
    p.add_argument("--nth", type=int, default=1, help="which occurrence (default: the first)")


def _claim_field_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--statement")
    p.add_argument("--claimant")
    p.add_argument("--claim-date")
    p.add_argument("--verdict")
    p.add_argument("--status")
    p.add_argument("--rationale")
    p.add_argument("--tag", action="append", dest="tags")


QUICK_EXIT_COMMANDS = frozenset({"import"})
"""Commands whose process, run as the ``workbench`` command, ends without the interpreter's teardown (see main)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``workbench`` console script.

    Run as the command (``argv`` None), an ``import`` ends with ``os._exit`` once its output is flushed and the
    database closed: tearing down the database layer's modules at interpreter exit costs a short import a
    sixth of its time and does nothing a finished command needs. Called with ``argv`` (tests, scripts), or under a
    profiler or coverage, it returns.
    """
    code, command = _main(argv)
    if argv is None and command in QUICK_EXIT_COMMANDS and not _observed():
        _quick_exit(code)
    return code


def _observed() -> bool:
    """Whether a profiler, tracer or coverage run watches this process (it writes its data at the normal exit)."""
    if sys.gettrace() is not None or sys.getprofile() is not None or "coverage" in sys.modules:
        return True
    monitoring = getattr(sys, "monitoring", None)  # cProfile and debuggers on Python 3.12+
    return monitoring is not None and any(monitoring.get_tool(tool) is not None for tool in range(6))


def _quick_exit(code: int) -> None:
    import os

    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`workbench import x | head`): nothing more to say
            code = code or 1
    os._exit(code)


def _main(argv: Sequence[str] | None) -> tuple[int, str | None]:
    import gc

    was_enabled = gc.isenabled()
    gc.disable()  # the commands' modules: long-lived objects the collector need not walk (see app.run_gui)
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
    finally:
        if was_enabled:
            gc.enable()
    handler: Handler = args.func  # bound to each subcommand by set_defaults (the window when none is given)
    command: str | None = getattr(args, "command", None)
    ctx = Context(args)
    try:
        return int(handler(ctx) or 0), command
    except WorkbenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1, command
    except MemoryError:
        print("error: out of memory; what was saved before is intact", file=sys.stderr)
        return 1, command
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130, command
    except BrokenPipeError:  # pragma: no cover - `workbench text 1 | head`
        return 0, command
    finally:
        ctx.close()
