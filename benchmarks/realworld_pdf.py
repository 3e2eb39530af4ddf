"""Real-world PDFs: outcome, reading order against pdftotext, broken words, speed and memory, scored as a user sees.

Each file is imported with the ``workbench`` command into a fresh database and its text of record read back with
``workbench text``, as the corpus README says. In the same run, on the same files: ``pdftotext`` (poppler, without
``-layout``) gives the reference sentences and the speed baseline; pypdfium2's raw text (``get_text_range()`` per
page) is scored the same way as a second anchor.

Usage: ``python benchmarks/realworld_pdf.py [--corpus DIR]`` where DIR is laid out like ``../shared/corpus/realworld``
(PDFs under ``DIR/pdf``). ``bench_realworld.py`` calls :func:`run`.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# ../shared/corpus/realworld from the checkout (a worktree one level deeper looks one level further up)
DEFAULT_CORPUS = next(
    (
        p
        for p in (REPO.parent / "shared/corpus/realworld", REPO.parent.parent / "shared/corpus/realworld")
        if p.exists()
    ),
    REPO.parent / "shared/corpus/realworld",
)
DICTIONARIES = (Path("/usr/share/dict/american-english"), Path("/usr/share/dict/french"))

IMPORT_TIMEOUT_S = 900.0
SENTENCE_TARGET = 0.90
SPEED_TARGET = 1 / 3
MEMORY_TARGET_MIB = 150.0

_EXCEPTION_NAME = re.compile(r"\b[A-Z][A-Za-z]*(?:Error|Exception|Warning)\b|\bLP_c_\w+|\bTraceback\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ])")
_IGNORED = re.compile(r"[\s\-\u00ad\u2010\u2011]+")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_MID_HYPHEN = re.compile(r"[^\W\d_]{2,}- [a-zà-öø-ÿ]{2,}")


@dataclass
class FileScore:
    """What one PDF gave: its outcome and its share of the reference sentences."""

    name: str
    outcome: str  # imported | refusal | internal-error | traceback
    reason: str = ""
    pages: int = 0
    sentences: int = 0
    found: int = 0
    found_raw: int = 0
    broken: int = 0
    broken_ref: int = 0
    hyphens: int = 0
    hyphens_ref: int = 0
    warnings: list[str] = field(default_factory=list)


def _squash(text: str) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text))


def reference_sentences(pdftotext_text: str) -> list[str]:
    """Sentences of >= 8 words of pdftotext's output: paragraphs at blank lines, sentences at ``.!?`` + capital."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n", pdftotext_text.replace("\f", "\n\n")):
        flat = " ".join(para.split())
        out.extend(s for s in _SENTENCE_END.split(flat) if len(s.split()) >= 8)
    return out


def _words() -> set[str]:
    words: set[str] = set()
    for path in DICTIONARIES:
        if path.exists():
            words.update(w.strip().lower() for w in path.read_text(encoding="utf-8", errors="ignore").splitlines())
    return words


def broken_words(text: str, words: set[str]) -> tuple[int, int]:
    """(words split in two, ``word- word`` hyphens left mid-line) in ``text``."""
    if not words:
        return 0, 0
    tokens = [t.lower() for t in _TOKEN.findall(unicodedata.normalize("NFKC", text))]
    split = 0
    for a, b in itertools.pairwise(tokens):
        if (a not in words or b not in words) and (a + b) in words and len(a + b) >= 4:
            split += 1
    return split, len(_MID_HYPHEN.findall(text))


def _workbench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workbench", *args], capture_output=True, text=True, cwd=REPO, timeout=900, check=False
    )


def import_file(path: Path, db: Path) -> tuple[str, str, str, float, int, list[str]]:
    """Import ``path`` as a user does: (outcome, reason, text of record, wall seconds, peak RSS KiB, warnings)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "--db", str(db), "import", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    timer = threading.Timer(IMPORT_TIMEOUT_S, proc.kill)  # a hung import counts as a traceback, not a hung run
    timer.start()
    try:
        out, err, returncode, rss = _wait(proc)
    finally:
        timer.cancel()
    wall = time.perf_counter() - start
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    if "Traceback" in err or returncode not in (0, 1):
        return "traceback", err.strip().splitlines()[-1] if err.strip() else f"exit {returncode}", "", wall, rss, []
    if returncode != 0:
        reason = next((line for line in err.splitlines() if line.startswith("error:")), err.strip())
        kind = "internal-error" if _EXCEPTION_NAME.search(reason) else "refusal"
        return kind, reason, "", wall, rss, warnings
    source_id = out.split("\t", 1)[0].strip()
    text = _workbench("--db", str(db), "text", source_id).stdout
    return "imported", "", text, wall, rss, warnings


def _wait(proc: subprocess.Popen[str]) -> tuple[str, str, int, int]:
    """Read both pipes, then reap the process with ``wait4`` for its own peak RSS (KiB)."""
    chunks: dict[str, str] = {}

    def drain(key: str, stream: object) -> None:
        chunks[key] = stream.read()  # type: ignore[attr-defined]

    threads = [threading.Thread(target=drain, args=(k, s)) for k, s in (("out", proc.stdout), ("err", proc.stderr))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return chunks["out"], chunks["err"], proc.returncode, int(usage.ru_maxrss)


def worker_peak_kib(path: Path) -> int:
    """Peak RSS of the parsing itself (the child process's work), measured in a fresh interpreter."""
    code = (
        "import sys, resource\n"
        "from workbench.io.importers import pdf\n"
        "try:\n    pdf.extract('f', open(sys.argv[1], 'rb').read())\n"
        "except Exception:\n    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=REPO, check=False
    )
    try:
        return int(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return 0


ANCHOR_TIMEOUT_S = 60.0
"""An anchor that takes longer on a file (pdftotext loops on some decompression bombs) gives no text for it."""


def pdftotext(path: Path) -> tuple[str, float]:
    """pdftotext's text of ``path`` and its wall time."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=False, timeout=ANCHOR_TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        return "", time.perf_counter() - start
    return proc.stdout.decode("utf-8", "replace"), time.perf_counter() - start


_RAW = """
import sys, json
import pypdfium2 as pdfium
parts, pages = [], 0
try:
    doc = pdfium.PdfDocument(sys.argv[1])
    pages = len(doc)
    for index in range(pages):
        page = doc[index]
        textpage = page.get_textpage()
        parts.append(textpage.get_text_range())
        textpage.close()
        page.close()
except Exception:
    pass
sys.stdout.write(json.dumps({"text": "\\n".join(parts), "pages": pages}))
"""


def pdfium_raw(path: Path) -> tuple[str, int]:
    """pypdfium2's raw text (``get_text_range()`` per page, joined with newlines) and the page count."""
    import json

    try:
        proc = subprocess.run(
            [sys.executable, "-c", _RAW, str(path)],
            capture_output=True,
            text=True,
            timeout=ANCHOR_TIMEOUT_S,
            check=False,
        )
        result = json.loads(proc.stdout)
    except (subprocess.TimeoutExpired, ValueError):
        return "", 0
    return str(result["text"]), int(result["pages"])


def page_count(path: Path) -> int:
    """Pages of ``path`` as PDFium counts them (0 if it cannot open the file), in a child process."""
    code = (
        "import sys, pypdfium2 as p\n"
        "try:\n    print(len(p.PdfDocument(sys.argv[1])))\n"
        "except Exception:\n    print(0)\n"
    )
    try:
        proc = subprocess.run(
            [sys.executable, "-c", code, str(path)],
            capture_output=True,
            text=True,
            timeout=ANCHOR_TIMEOUT_S,
            check=False,
        )
        return int(proc.stdout.strip() or 0)
    except (subprocess.TimeoutExpired, ValueError):
        return 0


def score_file(path: Path, workdir: Path, words: set[str]) -> FileScore:
    db = workdir / f"{path.stem}.db"
    outcome, reason, text, _wall, _rss, warnings = import_file(path, db)
    ref_text, _ = pdftotext(path)
    raw_text, pages = pdfium_raw(path)
    refs = reference_sentences(ref_text)
    ours, raw = _squash(text), _squash(raw_text)
    score = FileScore(path.name, outcome, reason, pages, len(refs), warnings=warnings)
    score.found = sum(1 for s in refs if _squash(s) in ours)
    score.found_raw = sum(1 for s in refs if _squash(s) in raw)
    score.broken, score.hyphens = broken_words(text, words)
    score.broken_ref, score.hyphens_ref = broken_words(ref_text, words)
    return score


def speed(path: Path, pages: int, workdir: Path, runs: int = 3) -> tuple[float, float, int]:
    """(workbench pages/s, pdftotext pages/s, import process peak KiB): median of ``runs`` alternating runs."""
    ours: list[float] = []
    theirs: list[float] = []
    peak = 0
    for k in range(runs):
        _, _, _, wall, rss, _ = import_file(path, workdir / f"speed{k}.db")
        peak = max(peak, rss)
        ours.append(wall)
        theirs.append(pdftotext(path)[1])
    ours.sort()
    theirs.sort()
    return pages / ours[len(ours) // 2], pages / theirs[len(theirs) // 2], peak


def run(corpus: Path) -> bool:
    """Score every PDF under ``corpus/pdf`` (or ``corpus`` itself); print the figures; return whether targets met."""
    folder = corpus / "pdf" if (corpus / "pdf").is_dir() else corpus
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"realworld_pdf: no PDF under {folder}; skipped")
        return True
    if shutil.which("pdftotext") is None:
        print("realworld_pdf: pdftotext (poppler-utils) not installed; skipped")
        return True
    load = os.getloadavg()
    print(
        f"PDF import on {len(files)} real PDFs from {folder} (load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})"
    )
    with tempfile.TemporaryDirectory(prefix="wb-pdf-bench-") as tmp:
        workdir = Path(tmp)
        # speed and memory first, while this process is small: Linux children report the larger of their own peak
        # and this process's size when they were forked (ru_maxrss survives exec)
        counts = {path: page_count(path) for path in files}
        longest_path = max(files, key=lambda p: counts[p])
        ours_ps, ref_ps, peak = speed(longest_path, counts[longest_path], workdir)
        worker = worker_peak_kib(longest_path)
        words = _words()
        scores = [score_file(path, workdir, words) for path in files]
        for s in scores:
            found = f"{s.found}/{s.sentences}" if s.sentences else "-"
            note = s.reason or "; ".join(w.split(": ", 2)[-1] for w in s.warnings)
            print(f"  {s.outcome:<14} {found:>9}  {s.name}  {note[:110]}")
        longest = next(s for s in scores if s.name == longest_path.name)
    outcomes = {
        k: sum(1 for s in scores if s.outcome == k) for k in ("imported", "refusal", "internal-error", "traceback")
    }
    total = sum(s.sentences for s in scores)
    found = sum(s.found for s in scores)
    found_raw = sum(s.found_raw for s in scores)
    share = found / total if total else 1.0
    share_raw = found_raw / total if total else 1.0
    ratio = ours_ps / ref_ps if ref_ps else 0.0
    peak_mib = max(peak, worker) / 1024
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in outcomes.items()))
    print(f"pdftotext sentences found verbatim: {found}/{total} = {share:.1%} (pypdfium2 raw text: {share_raw:.1%})")
    print(
        f"broken words: split {sum(s.broken for s in scores)} (pdftotext {sum(s.broken_ref for s in scores)}), "
        f"'word- word' {sum(s.hyphens for s in scores)} (pdftotext {sum(s.hyphens_ref for s in scores)})"
    )
    print(
        f"speed on the longest file ({longest.name}, {longest.pages} pages): workbench import {ours_ps:.1f} pages/s, "
        f"pdftotext {ref_ps:.1f} pages/s, ratio {ratio:.2f} (target >= {SPEED_TARGET:.2f})"
    )
    print(f"peak memory: import process {peak / 1024:.0f} MiB, parsing {worker / 1024:.0f} MiB (target <= 150 MiB)")
    load = os.getloadavg()
    print(f"load average after the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    met = (
        outcomes["internal-error"] == 0
        and outcomes["traceback"] == 0
        and share >= SENTENCE_TARGET
        and ratio >= SPEED_TARGET
        and peak_mib <= MEMORY_TARGET_MIB
    )
    print("targets met" if met else "targets NOT met")
    return met


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--corpus DIR`` (default ../shared/corpus/realworld when it exists)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=None)
    args = parser.parse_args(argv)
    corpus = args.corpus or DEFAULT_CORPUS
    if not corpus.exists():
        print(f"realworld_pdf: corpus {corpus} not found; skipped")
        return 0
    return 0 if run(corpus) else 1


if __name__ == "__main__":
    raise SystemExit(main())
