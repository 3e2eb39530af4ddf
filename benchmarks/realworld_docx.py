"""Word files of the real-world corpus: share of each part's paragraphs found in the text of record.

Run: ``python benchmarks/realworld_docx.py --corpus DIR`` (DIR holds a ``docx/`` folder, as
``../shared/corpus/realworld/`` does; that is the default when it exists). ``benchmarks/bench_realworld.py`` calls
:func:`run`.

Scoring follows the corpus README ("Word files"). The anchor is a plain XML walk of each package, written here
independently of the importer: every ``w:p`` of the main part (named in ``_rels/.rels``), of ``header*.xml``,
``footer*.xml``, ``footnotes.xml``, ``endnotes.xml`` and ``comments.xml``; a paragraph's text is its ``w:t`` runs
with ``w:tab``/``w:br``/``w:cr`` as spaces, skipping ``w:delText``, ``w:instrText``, ``mc:Fallback`` and nested
paragraphs (each counts on its own). Paragraphs of the main part are classed text box, nested table, table, content
control or body. Each file is imported as a user does (``workbench --db DB import FILE`` in a fresh database, then
``workbench --db DB text ID``); a paragraph is found when its whitespace-collapsed NFC text occurs in the text of
record. Targets: >= 98 % of every class and part (comments reported, not a target) and no file holding text refused.
``REALWORLD_DOCX_IN_PROCESS=1`` scores the registry's text in this process instead (what the CLI stores; two CLI
processes per file take ~8 s on a loaded machine), for quick runs on larger corpora.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import posixpath
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "realworld"
if not DEFAULT_CORPUS.exists():  # a worktree sits one level deeper than the main checkout
    DEFAULT_CORPUS = ROOT.parent.parent / "shared" / "corpus" / "realworld"
TARGET = 0.98
ANCHOR_LIMIT = 256 * 1024 * 1024  # the anchor never unpacks a part beyond this (zip bombs hold no text to find)
MAIN_CLASSES = ("body", "table", "nested table", "text box", "content control")
PARTS = ("header", "footer", "footnotes", "endnotes")
REPORTED = ("comments",)

_W_NS = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main")
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SPACE = re.compile(r"\s+")


def _local(el: Any) -> str:
    """The local name of a WordprocessingML element (transitional or Strict), else ''."""
    tag = el.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ""
    ns, _, name = tag[1:].partition("}")
    return name if ns in _W_NS else ""


def _is_fallback(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag == f"{{{_MC_NS}}}Fallback"


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _paragraph_text(p: Any) -> str:
    out: list[str] = []

    def walk(el: Any) -> None:
        for child in el:
            if _is_fallback(child):
                continue
            name = _local(child)
            if name == "p":  # a nested paragraph counts on its own
                continue
            if name == "t":
                out.append(child.text or "")
            elif name in ("tab", "br", "cr"):
                out.append(" ")
            elif name in ("delText", "instrText"):
                continue
            else:
                walk(child)

    walk(p)
    return _collapse("".join(out))


def _classify(p: Any) -> str | None:
    """The class of a main-part paragraph, or None when it sits inside mc:Fallback."""
    tables = 0
    textbox = sdt = False
    for anc in p.iterancestors():
        if _is_fallback(anc):
            return None
        name = _local(anc)
        if name == "tbl":
            tables += 1
        elif name == "txbxContent":
            textbox = True
        elif name == "sdtContent":
            sdt = True
    if textbox:
        return "text box"
    if tables >= 2:
        return "nested table"
    if tables == 1:
        return "table"
    return "content control" if sdt else "body"


def _main_part(zf: zipfile.ZipFile) -> str:
    from lxml import etree

    try:
        rels = etree.fromstring(zf.read("_rels/.rels"))
        for rel in rels.iter(f"{{{_REL_NS}}}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return str(PurePosixPath(rel.get("Target", "").lstrip("/")))
    except (KeyError, etree.XMLSyntaxError):
        pass
    return "word/document.xml"


class _TooLarge(Exception):
    """A member that expands beyond what the anchor is willing to read (a zip bomb)."""


def _read_bounded(zf: zipfile.ZipFile, name: str) -> bytes:
    info = zf.getinfo(name)
    if info.file_size > ANCHOR_LIMIT or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _TooLarge(name)
    out = bytearray()
    with zf.open(info) as fh:
        while chunk := fh.read(1 << 20):
            out += chunk
            if len(out) > ANCHOR_LIMIT:
                raise _TooLarge(name)
    return bytes(out)


def anchor_paragraphs(path: Path) -> list[tuple[str, str]]:
    """``(class or part, text)`` for each non-empty paragraph of the package, by a plain XML walk."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    found: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as zf:
        main = _main_part(zf)
        folder = posixpath.dirname(main)
        for name in zf.namelist():
            base = posixpath.basename(name)
            if name == main:
                kind = "main"
            elif posixpath.dirname(name) != folder or not base.endswith(".xml"):
                continue
            elif base.startswith("header"):
                kind = "header"
            elif base.startswith("footer"):
                kind = "footer"
            elif base in ("footnotes.xml", "endnotes.xml", "comments.xml"):
                kind = base[:-4]
            else:
                continue
            root = etree.fromstring(_read_bounded(zf, name), parser)
            if root is None:
                continue
            for p in root.iter():
                if _local(p) != "p":
                    continue
                text = _paragraph_text(p)
                if not text:
                    continue
                if kind == "main":
                    cls = _classify(p)
                    if cls is not None:
                        found.append((cls, text))
                elif not any(_is_fallback(a) for a in p.iterancestors()):
                    found.append((kind, text))
    return found


IN_PROCESS = os.environ.get("REALWORLD_DOCX_IN_PROCESS") == "1"


def workbench_text(name: str, data: bytes) -> tuple[str | None, str, list[str]]:
    """The in-process text of record (the web benchmark's reader, which calls the registry as the CLI does)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.realworld_html import workbench_text as reader

    return reader(name, data)


def _workbench(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "workbench", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)


def import_as_user(path: Path, tmp: Path) -> tuple[str | None, str]:
    """(text of record, '') or (None, the refusal line) for one file, in a fresh database."""
    db = tmp / f"{abs(hash(path.name))}.sqlite"
    done = _workbench("--db", str(db), "import", str(path))
    lines = [ln for ln in done.stdout.splitlines() if "\t" in ln]
    if done.returncode != 0 or not lines:
        reason = next((ln for ln in done.stderr.splitlines() if ln.startswith("error:")), done.stderr.strip()[-200:])
        return None, reason or f"exit status {done.returncode}"
    shown = _workbench("--db", str(db), "text", lines[0].split("\t", 1)[0])
    return shown.stdout, ""


def _reader_seconds(path: Path) -> float:
    """Wall time of the importer alone (registry.read_file) on ``path``, refusals included."""
    sys.path.insert(0, str(ROOT))
    from workbench.core.errors import ImportFailure
    from workbench.io import registry

    t = time.perf_counter()
    with contextlib.suppress(ImportFailure):
        registry.read_file(path)
    return time.perf_counter() - t


def run(corpus: Path) -> bool:
    """Score the Word files of ``corpus`` (a folder holding ``docx/``); print figures; True if targets are met."""
    folder = corpus / "docx" if (corpus / "docx").is_dir() else corpus
    files = sorted(folder.glob("*.docx"))
    if not files:
        print(f"realworld_docx: no .docx files under {folder}; skipped")
        return True
    load = os.getloadavg()
    print(f"Word files: {len(files)} in {folder} (load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, "
          f"{os.cpu_count()} CPUs)")
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    refused_with_text: list[str] = []
    refused_empty = 0
    misses: list[str] = []
    t_anchor = t_import = t_reader = 0.0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for path in files:
            t = time.perf_counter()
            try:
                paragraphs = anchor_paragraphs(path)
            except (zipfile.BadZipFile, OSError, _TooLarge) as exc:
                paragraphs = []
                print(f"  anchor skips {path.name}: {type(exc).__name__} {exc}")
            t_anchor += time.perf_counter() - t
            t = time.perf_counter()
            if IN_PROCESS:  # REALWORLD_DOCX_IN_PROCESS=1: the registry's text (what the CLI stores), no subprocess
                text, reason, _warnings = workbench_text(path.name, path.read_bytes())
            else:
                text, reason = import_as_user(path, tmp)
            t_import += time.perf_counter() - t
            t_reader += _reader_seconds(path)
            if text is None:
                if paragraphs:
                    refused_with_text.append(f"{path.name}: {reason}")
                else:
                    refused_empty += 1
            record = _collapse(text or "")
            for cls, para in paragraphs:
                total[cls] += 1
                if text is not None and para in record:
                    hit[cls] += 1
                elif cls not in REPORTED:
                    misses.append(f"{path.name} [{cls}] {para[:90]}")
    ok = not refused_with_text
    print(f"  {'class / part':<16} {'found':>7} {'of':>6} {'share':>7}")
    for cls in (*MAIN_CLASSES, *PARTS, *REPORTED):
        n, k = total[cls], hit[cls]
        share = k / n if n else 1.0
        target = cls not in REPORTED
        met = share >= TARGET or not target
        ok &= met
        mark = "" if not target else ("  ok" if met else f"  BELOW {TARGET:.0%}")
        print(f"  {cls:<16} {k:>7} {n:>6} {share:>7.1%}{mark}")
    all_n = sum(v for c, v in total.items() if c not in REPORTED)
    all_k = sum(v for c, v in hit.items() if c not in REPORTED)
    print(f"  all (targets)    {all_k:>7} {all_n:>6} {all_k / max(all_n, 1):>7.1%}")
    print(f"  files refused that hold text: {len(refused_with_text)} (target 0); refused without text: {refused_empty}")
    for line in refused_with_text:
        print(f"    {line}")
    for line in misses[:25]:
        print(f"    missed {line}")
    if len(misses) > 25:
        print(f"    ... {len(misses) - 25} more missed")
    how = "in-process text" if IN_PROCESS else "CLI import + text"
    print(f"  time: anchor XML walk {t_anchor:.2f} s; Workbench's importer in process {t_reader:.2f} s "
          f"({t_reader / max(t_anchor, 1e-9):.1f}x the anchor); {how} {t_import:.1f} s "
          f"({t_import / len(files):.2f} s/file, two processes each)")
    end = os.getloadavg()
    verdict = "met" if ok else "NOT met"
    print(f"  Word targets {verdict} (load average at the end {end[0]:.2f} {end[1]:.2f} {end[2]:.2f})")
    return ok


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus {args.corpus} not found; skipped")
        return 0
    return 0 if run(args.corpus) else 1


if __name__ == "__main__":
    sys.exit(main())
