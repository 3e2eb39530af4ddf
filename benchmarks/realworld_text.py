"""Real-world text files: Workbench's text importer against the expected decode, on the corpus's ``text/`` folder.

Run by ``benchmarks/bench_realworld.py`` (or alone: ``python benchmarks/realworld_text.py --corpus DIR``). As the
corpus README says: each file is imported as it is named (``.txt``); the expected text is its bytes decoded with the
encoding in ``text/manifest.json``; texts are compared after NFC and whitespace collapsing. Anchors in the same run:
the expected decode itself (the ceiling) and charset-normalizer alone (``from_bytes(data).best()``). Workbench is
scored in-process through the registry (what ``workbench import`` calls); a sample of files also goes through the CLI
(``workbench --db DB import FILE`` + ``workbench --db DB text ID``) to show that both give the same text.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_EXACT = 0.95
CLI_SAMPLE = int(os.environ.get("REALWORLD_CLI_SAMPLE", "6"))  # files also run through the CLI (bench_realworld --cli)


def collapse(text: str) -> str:
    """NFC and whitespace collapsed, as the corpus README compares texts."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def run(corpus: Path) -> bool:
    """Score the text files of ``corpus``; print the figures; return whether every target is met."""
    from charset_normalizer import from_bytes

    from benchmarks.realworld_html import cli_sample, cli_text, workbench_text

    folder = corpus / "text"
    if not folder.is_dir():
        print(f"text: no folder {folder}, skipped")
        return True
    manifest: dict[str, str] = json.loads((folder / "manifest.json").read_text("utf-8"))
    exact = anchor_exact = 0
    refused: list[str] = []
    wrong: list[str] = []
    warned = 0
    cpu = cpu_anchor = 0.0
    texts: dict[str, str | None] = {}
    for name, encoding in sorted(manifest.items()):
        data = (folder / name).read_bytes()
        expected = collapse(data.decode(encoding))
        t0 = time.process_time()
        text, reason, warnings = workbench_text(name, data)
        t1 = time.process_time()
        best = from_bytes(data).best()
        t2 = time.process_time()
        cpu += t1 - t0
        cpu_anchor += t2 - t1
        warned += bool(warnings)
        texts[name] = text
        anchor_exact += best is not None and collapse(str(best)) == expected
        if text is None:
            refused.append(f"{name}: {reason}")
        elif collapse(text) == expected:
            exact += 1
        else:
            wrong.append(f"{name} (expected {encoding})")
    total = len(manifest)

    sample = cli_sample(sorted(manifest), CLI_SAMPLE)
    same = 0
    for name in sample:
        shown, _reason = cli_text(folder / name)
        same += (shown is None and texts[name] is None) or (shown is not None and shown == texts[name])

    print(f"text: {total} files")
    print(f"  decoded exactly: {exact}/{total} = {exact / total:.1%} of the expected decode "
          f"(ratio {exact / total:.3f}; target >= {TARGET_EXACT:.0%}); "
          f"charset-normalizer alone {anchor_exact}/{total} = {anchor_exact / total:.1%}")
    print(f"  refused: {len(refused)} (target 0)")
    for line in refused:
        print(f"    {line}")
    for line in wrong:
        print(f"    differs from the expected decode: {line}")
    print(f"  CPU {1000 * cpu / total:.1f} ms/file vs charset-normalizer alone "
          f"{1000 * cpu_anchor / total:.1f} ms/file; files with an import warning: {warned}")
    print(f"  CLI (workbench import + text, fresh DB) gives the in-process text on {same}/{len(sample)} sampled files")
    ok = exact >= TARGET_EXACT * total and not refused and same == len(sample)
    print(f"  text targets {'met' if ok else 'NOT met'}")
    return ok


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "../shared/corpus/realworld")
    args = parser.parse_args()
    sys.exit(0 if run(args.corpus) else 1)
