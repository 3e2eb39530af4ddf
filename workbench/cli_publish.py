"""CLI handlers for publishing: publication settings, web capture (``import URL``), evidence packs and their check.

``cli.py`` registers the parsers and binds them to these handlers; the work is done by services (``publication``,
``capture``, ``pack``), so the window and the CLI share it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.cli_context import Context

SETTING_KEYS = ("organisation", "organisation-url", "organisation-logo", "publication-url", "paper-size", "user-name")


def cmd_setting(ctx: Context) -> int:
    """Print or change a setting: a publication setting (database), or your language or theme (user settings).

    ``publication-url`` belongs to the current dossier (``--dossier``), ``user-name`` to the acting user (``--user``);
    ``organisation-logo`` takes the path of a PNG or JPEG file.
    """
    from workbench.services import publication

    key, value = ctx.args.key, ctx.args.value
    if key in ("language", "theme"):  # yours, not the database's: kept in your user settings
        from workbench.cli_ui import user_setting

        return user_setting(key, value)
    dossier_id = ctx.dossier_id() if key == "publication-url" else None
    if value is None:
        stored = publication.get_value(ctx.store, key, dossier_id)
        print(f"<{len(stored) * 3 // 4} bytes>" if key == "organisation-logo" and stored else stored)
        return 0
    if key == "organisation-logo" and value.strip():
        from workbench.core.errors import ValidationError

        path = Path(value).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(f"{path}: cannot read the logo ({exc.strerror or exc})") from exc
        value = publication.logo_value(data, str(path))
    publication.set_value(ctx.store, key, value, dossier_id)
    return 0


def is_url(arg: str) -> bool:
    """True if a ``workbench import`` argument is a web address to fetch rather than a file."""
    return arg.lower().startswith(("http://", "https://"))


def import_urls(ctx: Context, urls: list[str]) -> bool:
    """Fetch and capture each URL as a source; print id TAB title; errors on stderr. True if all worked."""
    from workbench.core.errors import WorkbenchError
    from workbench.services import capture

    ok = True
    dossier_id = ctx.dossier_id()
    for url in urls:
        try:
            result = capture.import_url(ctx.store, dossier_id, url)
        except WorkbenchError as exc:
            print(f"error: {exc}", file=sys.stderr)
            ok = False
            continue
        if result.created:
            print(f"{result.source.id}\t{result.source.title}")
        else:
            print(f"{result.source.id}\t{result.source.title}\t(already imported)", file=sys.stderr)
    return ok


def cmd_pack(ctx: Context) -> int:
    """Write an evidence pack (zip) of the dossier or of some claims; prints its path and file count."""
    from workbench.services import pack

    out = pack.write_pack(ctx.store, ctx.dossier_id(), Path(ctx.args.out), claim_ids=tuple(ctx.args.claims))
    print(f"{out.path}\t{out.files} files")
    return 0


def cmd_verify(ctx: Context) -> int:
    """Check an evidence pack: "ok: N files, M quotes verified", or one line per mismatch and exit 1."""
    from workbench.io.pack_verify import verify_pack

    report = verify_pack(Path(ctx.args.file))
    if report.problems:
        for line in report.problems:
            print(line)
        return 1
    print(f"ok: {report.files} files, {report.quotes} quotes verified")
    return 0
