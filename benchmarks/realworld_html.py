"""Real-world web pages: Workbench's HTML importer against trafilatura alone, on the corpus's ``html/`` folder.

Run by ``benchmarks/bench_realworld.py`` (or alone: ``python benchmarks/realworld_html.py --corpus DIR``). Metrics
are the corpus README's: the article-extraction benchmark's own scorer (``html/evaluate.py``, loaded by path,
4-token shingles averaged over pages) against ``trafilatura.extract(html, include_comments=False)`` in the same run;
pages refused although they hold an article; trafilatura's real-world "with" / "without" phrases. Workbench is
scored in-process through the registry (what ``workbench import`` calls); a sample of pages also goes through the
CLI (``workbench --db DB import FILE`` + ``workbench --db DB text ID``) to show that both give the same text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

F1_MARGIN = 0.005
TARGET_WITH = 0.97
CLI_SAMPLE = int(os.environ.get("REALWORLD_CLI_SAMPLE", "6"))  # files also run through the CLI (bench_realworld --cli)


def collapse(text: str) -> str:
    """NFC and whitespace collapsed, as the corpus README compares texts."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def squeeze(text: str) -> str:
    """NFC with every whitespace removed: phrases count "whitespace ignored"."""
    return "".join(unicodedata.normalize("NFC", text).split())


def load_evaluate(folder: Path) -> Any:
    """The benchmark's scorer, loaded by path (it is not a package)."""
    spec = importlib.util.spec_from_file_location("corpus_evaluate", folder / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def workbench_text(name: str, data: bytes) -> tuple[str | None, str, list[str]]:
    """(text of record or None, refusal reason, warnings) through the registry, as ``workbench import`` reads."""
    from workbench.core.errors import ImportFailure
    from workbench.core.text import normalize_text
    from workbench.io import registry

    try:
        bundle = registry.read_bytes(name, data)
    except ImportFailure as exc:
        return None, exc.reason, []
    return normalize_text(bundle.text), "", list(bundle.warnings)


def cli_sample(names: list[str], count: int) -> list[str]:
    """``count`` names spread evenly over ``names`` (all of them when ``count`` is at least their number)."""
    if count <= 0:
        return []
    if count >= len(names):
        return list(names)
    return [names[i * len(names) // count] for i in range(count)]


def cli_text(path: Path) -> tuple[str | None, str]:
    """The text of record as a user gets it: a fresh database, ``import FILE``, then ``text ID``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        base = [sys.executable, "-m", "workbench", "--db", db]
        run = subprocess.run([*base, "import", str(path)], capture_output=True, env=env, cwd=ROOT, timeout=300)
        lines = run.stdout.decode("utf-8").splitlines()
        if run.returncode != 0 or not lines:
            err = run.stderr.decode("utf-8", "replace").strip().splitlines()
            return None, err[-1] if err else f"exit {run.returncode}"
        source_id = lines[0].split("\t", 1)[0]
        shown = subprocess.run([*base, "text", source_id], capture_output=True, env=env, cwd=ROOT, timeout=120)
        return shown.stdout.decode("utf-8"), ""


def run(corpus: Path) -> bool:
    """Score the web pages of ``corpus``; print the figures; return whether every target is met."""
    import trafilatura

    folder = corpus / "html"
    if not folder.is_dir():
        print(f"html: no folder {folder}, skipped")
        return True
    evaluate = load_evaluate(folder)
    truth: dict[str, dict[str, str]] = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    expect: dict[str, dict[str, Any]] = json.loads((folder / "trafilatura-expectations.json").read_text("utf-8"))
    ours: dict[str, dict[str, str]] = {}
    anchor: dict[str, dict[str, str]] = {}
    refused: list[str] = []
    cpu_ours = cpu_anchor = cpu_meta = 0.0
    warned = 0
    texts: dict[str, str | None] = {}
    for key in truth:
        data = (folder / f"{key}.html").read_bytes()
        t0 = time.process_time()
        text, reason, warnings = workbench_text(f"{key}.html", data)
        t1 = time.process_time()
        extracted = trafilatura.extract(data.decode("utf-8", "replace"), include_comments=False) or ""
        t2 = time.process_time()
        trafilatura.bare_extraction(data.decode("utf-8", "replace"), include_comments=False, with_metadata=True)
        cpu_meta += time.process_time() - t2
        cpu_ours += t1 - t0
        cpu_anchor += t2 - t1
        warned += bool(warnings)
        texts[f"{key}.html"] = text
        if text is None and truth[key].get("articleBody", "").strip():
            refused.append(f"{key[:12]}….html: {reason}")
        ours[key] = {"articleBody": collapse(text or "")}
        anchor[key] = {"articleBody": collapse(extracted)}
    m_ours = evaluate.evaluate(truth, ours, 200)
    m_anchor = evaluate.evaluate(truth, anchor, 200)

    found = total_with = absent = total_without = 0
    a_found = a_absent = 0
    for name, exp in expect.items():
        data = (folder / name).read_bytes()
        t0 = time.process_time()
        text, reason, warnings = workbench_text(name, data)
        t1 = time.process_time()
        extracted = trafilatura.extract(data, include_comments=False) or ""
        t2 = time.process_time()
        trafilatura.bare_extraction(data, include_comments=False, with_metadata=True)
        cpu_meta += time.process_time() - t2
        cpu_ours += t1 - t0
        cpu_anchor += t2 - t1
        warned += bool(warnings)
        texts[name] = text
        if text is None and exp["with"]:
            refused.append(f"{name}: {reason}")
        mine, theirs = squeeze(text or ""), squeeze(extracted)
        for phrase in exp["with"]:
            total_with += 1
            found += squeeze(phrase) in mine
            a_found += squeeze(phrase) in theirs
        for phrase in exp["without"]:
            total_without += 1
            absent += squeeze(phrase) not in mine
            a_absent += squeeze(phrase) not in theirs
    pages = len(truth) + len(expect)

    # the in-process reader is what the CLI calls: show it on a sample (first pages of each suite, sorted names)
    sample = cli_sample(sorted(f"{k}.html" for k in truth), CLI_SAMPLE // 2) + cli_sample(
        sorted(expect), CLI_SAMPLE - CLI_SAMPLE // 2)
    same = 0
    for name in sample:
        shown, _reason = cli_text(folder / name)
        same += (shown is None and texts[name] is None) or (shown is not None and shown == texts[name])

    f1, a_f1 = m_ours["f1"], m_anchor["f1"]
    print(f"html: {len(truth)} benchmark pages + {len(expect)} trafilatura pages ({pages} pages)")
    print(f"  F1 {f1:.3f} (P {m_ours['precision']:.3f}, R {m_ours['recall']:.3f}) vs trafilatura alone "
          f"{a_f1:.3f} (P {m_anchor['precision']:.3f}, R {m_anchor['recall']:.3f}): ratio {f1 / a_f1:.3f}, "
          f"difference {f1 - a_f1:+.3f} (target >= {-F1_MARGIN:+.3f})")
    print(f"  refused although the page holds an article: {len(refused)} (target 0)")
    for line in refused:
        print(f"    {line}")
    print(f"  'with' phrases found: {found}/{total_with} = {found / max(total_with, 1):.1%} "
          f"(trafilatura alone {a_found}/{total_with}; ratio {found / max(a_found, 1):.3f}; target >= 97 %)")
    print(f"  'without' phrases absent: {absent}/{total_without} = {absent / max(total_without, 1):.1%} "
          f"(trafilatura alone {a_absent}/{total_without}; target 100 %)")
    print(f"  CPU {1000 * cpu_ours / pages:.1f} ms/page vs trafilatura alone {1000 * cpu_anchor / pages:.1f} ms/page "
          f"(ratio {cpu_ours / max(cpu_anchor, 1e-9):.2f}), trafilatura with its metadata "
          f"{1000 * cpu_meta / pages:.1f} ms/page (ratio {cpu_ours / max(cpu_meta, 1e-9):.2f}); "
          f"pages with an import warning: {warned}")
    print(f"  CLI (workbench import + text, fresh DB) gives the in-process text on {same}/{len(sample)} sampled pages")
    ok = (f1 >= a_f1 - F1_MARGIN and not refused and found >= TARGET_WITH * total_with
          and absent == total_without and same == len(sample))
    print(f"  html targets {'met' if ok else 'NOT met'}")
    return ok


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "../shared/corpus/realworld")
    args = parser.parse_args()
    sys.exit(0 if run(args.corpus) else 1)
