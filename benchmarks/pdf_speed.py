"""Whole-process PDF import speed on given files, against pdftotext in the same run (``realworld_pdf.py``'s method).

For each file: the median of ``--runs`` alternating runs of ``workbench --db DB import FILE`` (a fresh database each
time) and of ``pdftotext``, as pages/s and their ratio (target >= 1/3), the import process's peak RSS and the
parsing's own peak RSS (target <= 150 MiB), and the pages pdfplumber was given (ruled tables likely).

Usage: ``python benchmarks/pdf_speed.py [--runs N] FILE.pdf ...``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from realworld_pdf import MEMORY_TARGET_MIB, REPO, SPEED_TARGET, page_count, speed, worker_peak_kib

_TABLE_PAGES = """
import sys
from workbench.io.importers import pdf
seen = []
real = pdf._read_tables
def spy(data, pages, *rest, **kw):
    seen.extend(pages)
    return real(data, pages, *rest, **kw)
pdf._read_tables = spy
try:
    pdf.extract('f', open(sys.argv[1], 'rb').read())
except Exception:
    pass
print(' '.join(str(i + 1) for i in seen))
"""


def table_pages(path: Path) -> list[int]:
    """The (1-based) pages handed to pdfplumber, from a parse in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, "-c", _TABLE_PAGES, str(path)], capture_output=True, text=True, cwd=REPO, check=False
    )
    lines = proc.stdout.strip().splitlines()
    return [int(x) for x in lines[-1].split()] if lines else []


def main(argv: list[str] | None = None) -> int:
    """Print one line per file and whether every file met the speed and memory targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", type=Path, nargs="+")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    load = os.getloadavg()
    print(f"PDF import speed on {len(args.files)} files (load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    met = True
    with tempfile.TemporaryDirectory(prefix="wb-pdf-speed-") as tmp:
        for path in args.files:
            pages = page_count(path)
            if not pages:
                print(f"  {path.name}: PDFium cannot open it; skipped")
                continue
            ours, theirs, peak = speed(path, pages, Path(tmp), runs=args.runs)
            worker = worker_peak_kib(path)
            ratio = ours / theirs if theirs else 0.0
            tables = table_pages(path)
            ok = ratio >= SPEED_TARGET and max(peak, worker) / 1024 <= MEMORY_TARGET_MIB
            met = met and ok
            print(
                f"  {path.name} ({pages} pages, {len(tables)} table pages): workbench import {ours:.1f} pages/s, "
                f"pdftotext {theirs:.1f} pages/s, ratio {ratio:.2f}; peak memory: import process "
                f"{peak / 1024:.0f} MiB, parsing {worker / 1024:.0f} MiB{'' if ok else '  NOT met'}"
            )
    load = os.getloadavg()
    print(f"load average after the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print("targets met" if met else "targets NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    raise SystemExit(main())
