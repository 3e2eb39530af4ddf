"""The evidence pack format and its verification: a zip that proves its own quotes.

A pack (``workbench pack``) holds, for a dossier or some of its claims:

* ``sources/<id>/original<ext>``: each source's bytes as imported; ``sources/<id>/text.txt``: its text of record;
* ``captures/<id>.warc.gz``: the web capture (request, response headers, body, fetch time) of a captured source;
* ``reports/report.html`` and ``reports/report.pdf``; ``claimreview.jsonld`` (when publishable);
  ``annotations.jsonld``; ``dossier.json``;
* ``manifest.json``: the SHA-256 of every file above, every source (its importer's extension, the SHA-256 of its
  original and of its text of record), every quoted passage (source, offsets, exact text, text hash) and the history
  as a hash chain (``hash = sha256(previous hash + canonical JSON of the entry)``);
* ``manifest.sha256``: the SHA-256 of ``manifest.json``.

:func:`verify_pack` recomputes all of it: file hashes, the manifest's own hash, that every quote is at its offsets
in its source's text of record, that the text of record is what the same importer makes of the original bytes
(re-imported here), and the history chain. Each mismatch is one line naming the file or the entry. The check needs
no database: it is what a reader of the pack runs.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbench.core.errors import WorkbenchError
from workbench.core.text import normalize_text

FORMAT = "workbench-evidence-pack"
VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_HASH = "manifest.sha256"
GENESIS = "0" * 64


def sha256(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def canonical(obj: Any) -> bytes:
    """Canonical JSON (sorted keys, no spaces, UTF-8) for hashing."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def chain(entries: list[dict[str, Any]]) -> list[str]:
    """The hash chain over history entries: one hash per entry, each covering all the entries before it."""
    out, prev = [], GENESIS
    for entry in entries:
        prev = sha256(prev.encode("ascii") + canonical(entry))
        out.append(prev)
    return out


@dataclass
class VerifyReport:
    """What :func:`verify_pack` found: counts and one line per problem (empty: the pack is intact)."""

    files: int = 0
    quotes: int = 0
    problems: list[str] = field(default_factory=list)


def _read_all(zf: zipfile.ZipFile, report: VerifyReport) -> dict[str, bytes]:
    data: dict[str, bytes] = {}
    for info in zf.infolist():
        if info.is_dir():
            continue
        try:
            data[info.filename] = zf.read(info)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            report.problems.append(f"{info.filename}: damaged in the zip ({exc})")
    return data


def verify_pack(path: Path) -> VerifyReport:
    """Verify an evidence pack; the report lists every file or entry that does not match."""
    report = VerifyReport()
    try:
        with zipfile.ZipFile(path) as zf:
            files = _read_all(zf, report)
    except (OSError, zipfile.BadZipFile) as exc:
        report.problems.append(f"{path}: not a readable zip ({exc})")
        return report
    raw = files.get(MANIFEST)
    if raw is None:
        report.problems.append(f"{MANIFEST}: missing from the pack")
        return report
    expected = files.get(MANIFEST_HASH, b"").decode("ascii", "replace").strip()
    if expected != sha256(raw):
        report.problems.append(f"{MANIFEST}: does not match {MANIFEST_HASH} (one of the two was changed)")
    try:
        manifest = json.loads(raw)
        if manifest.get("format") != FORMAT:
            raise ValueError("not a Workbench evidence pack manifest")
    except (ValueError, AttributeError) as exc:
        report.problems.append(f"{MANIFEST}: unreadable ({exc})")
        return report
    _check_files(manifest, files, report)
    texts = _check_sources(manifest, files, report)
    _check_quotes(manifest, texts, report)
    _check_history(manifest, report)
    return report


def _check_files(manifest: dict[str, Any], files: dict[str, bytes], report: VerifyReport) -> None:
    listed: dict[str, str] = manifest.get("files", {})
    for name, digest in sorted(listed.items()):
        data = files.get(name)
        if data is None:
            report.problems.append(f"{name}: missing from the pack")
        elif sha256(data) != digest:
            report.problems.append(f"{name}: SHA-256 does not match the manifest (the file was changed)")
    for name in sorted(set(files) - set(listed) - {MANIFEST, MANIFEST_HASH}):
        report.problems.append(f"{name}: not listed in the manifest")
    report.files = len(listed) + 2


def _check_sources(manifest: dict[str, Any], files: dict[str, bytes], report: VerifyReport) -> dict[int, str]:
    from workbench.io.registry import read_bytes

    texts: dict[int, str] = {}
    for src in manifest.get("sources", []):
        sid, text_name, original_name = int(src["id"]), src["text"], src.get("original")
        text_bytes = files.get(text_name)
        if text_bytes is None:
            continue  # already reported as missing
        text = text_bytes.decode("utf-8", "replace")
        texts[sid] = text
        if sha256(text.encode("utf-8")) != src["text_sha256"]:
            report.problems.append(f"{text_name}: text of record of source {sid} does not match its recorded hash")
        if original_name is None:
            continue  # a source restored from a dossier file has no original bytes to re-import (see notes)
        original = files.get(original_name)
        if original is None:
            continue  # already reported as missing
        if sha256(original) != src["sha256"]:
            report.problems.append(f"{original_name}: original of source {sid} does not match its recorded hash")
        try:
            bundle = read_bytes(Path(original_name).name, original)
            again = normalize_text(bundle.text)
        except WorkbenchError as exc:
            report.problems.append(f"{original_name}: cannot be re-imported ({exc})")
            continue
        if sha256(again.encode("utf-8")) != src["text_sha256"]:
            report.problems.append(
                f"{original_name}: re-importing the original does not give the text of record of source {sid}"
            )
    return texts


def _check_quotes(manifest: dict[str, Any], texts: dict[int, str], report: VerifyReport) -> None:
    for q in manifest.get("quotes", []):
        sid, start, end, exact = int(q["source_id"]), int(q["start"]), int(q["end"]), q["exact"]
        text = texts.get(sid)
        what = f"quote {q.get('id', '?')} of claim {q.get('claim_id', '?')} ({q.get('role', 'quote')})"
        if text is None:
            report.problems.append(f"{what}: source {sid} is not in the pack")
        elif text[start:end] != exact:
            report.problems.append(f"{what}: not found at {start}-{end} in the text of record of source {sid}")
        elif q.get("text_sha256") and sha256(text.encode("utf-8")) != q["text_sha256"]:
            report.problems.append(f"{what}: quoted from another version of source {sid}'s text")
        else:
            report.quotes += 1


def _check_history(manifest: dict[str, Any], report: VerifyReport) -> None:
    entries = manifest.get("history", [])
    hashes = chain([{k: v for k, v in e.items() if k != "hash"} for e in entries])
    for entry, digest in zip(entries, hashes, strict=True):
        if entry.get("hash") != digest:
            report.problems.append(f"history entry {entry.get('id', '?')}: hash chain broken (the entry was changed)")
            break
    if entries and manifest.get("history_head") != (hashes[-1] if hashes else GENESIS):
        report.problems.append("history: the chain's head does not match the manifest (entries added or removed)")
