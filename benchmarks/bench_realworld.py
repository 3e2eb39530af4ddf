"""Real-world import benchmark: every importer on a corpus laid out like ``../shared/corpus/realworld/``.

Run: ``.venv/bin/python benchmarks/bench_realworld.py [--corpus DIR] [--only html,text]`` (``make bench`` passes
the shared corpus when it exists). Runs each module ``benchmarks/realworld_*.py`` present (web pages, text files,
PDFs, Word files...): each exposes ``run(corpus: Path) -> bool``, prints its figures as ratios against anchors run in
the same process on the same files (trafilatura alone, the expected decode, pdftotext, an XML walk...) and returns
whether its targets were met. The machine's load is printed before and after, since the figures depend on it.
Exits 0 when every target is met or the corpus is missing (skipped with a message), 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "../shared/corpus/realworld"  # relative to the repository, as the shared folder sits


def _load(path: Path) -> object:
    spec = importlib.util.spec_from_file_location(f"benchmarks_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses in the module look their module up while it runs
    spec.loader.exec_module(module)
    return module


def _load_line() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min) on {os.cpu_count()} CPUs"


def main(argv: list[str] | None = None) -> int:
    """Run the real-world benchmarks; the exit status says whether every target was met."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder laid out like the shared corpus")
    parser.add_argument("--only", default="", help="comma-separated module suffixes to run (e.g. html,text)")
    parser.add_argument("--cli", type=int, default=6, metavar="N",
                        help="files per format also imported through the CLI to check the in-process text (default 6)")
    args = parser.parse_args(argv)
    os.environ["REALWORLD_CLI_SAMPLE"] = str(args.cli)
    corpus: Path = args.corpus
    if not corpus.is_dir():
        print(f"bench_realworld: no corpus at {corpus}, skipped (pass --corpus DIR)")
        return 0
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    wanted = {name.strip() for name in args.only.split(",") if name.strip()}
    modules = sorted(Path(__file__).resolve().parent.glob("realworld_*.py"))
    if wanted:
        modules = [m for m in modules if m.stem.removeprefix("realworld_") in wanted]
    print(f"corpus {corpus.resolve()}; {_load_line()}")
    results: dict[str, bool] = {}
    for path in modules:
        module = _load(path)
        run = getattr(module, "run", None)
        if not callable(run):
            continue
        started = time.perf_counter()
        try:
            results[path.stem] = bool(run(corpus))
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            print(f"{path.stem}: failed ({type(exc).__name__}: {exc})")
            results[path.stem] = False
        print(f"  ({path.stem}: {time.perf_counter() - started:.1f} s wall)")
    print(f"{_load_line()}")
    missed = [name for name, ok in results.items() if not ok]
    print("all targets met" if not missed else f"targets NOT met: {', '.join(missed)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
