"""Report export time for every format at 50, 500 and 2,000 claims, with the growth exponent.

Source texts are real documents (``--corpus DIR``: every ``*.txt`` under it, default the shared French dossier);
claims quote sentences of them, each with evidence, a rationale and a history, so a report of n claims is what a
newsroom dossier of n claims looks like. The exponent k of time ~ n^k is fitted between the smallest and the largest
size; each format is also given as a ratio to the HTML export of the same size, measured in the same run.
Times are CPU seconds of this process (``time.process_time``, best of two): on a machine shared with other jobs,
wall-clock time mostly measures the neighbours.

Run: ``nice .venv/bin/python benchmarks/bench_reports.py [--corpus DIR] [--sizes 50,500,2000] [--formats ...]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import os
import re
import sys
import time
from pathlib import Path

from workbench.core.anchoring import make_selector
from workbench.core.scales import DEFAULT
from workbench.core.text import normalize_text, sha256_hex
from workbench.core.values import (
    AppearanceInfo,
    ClaimInfo,
    DossierInfo,
    EvidenceInfo,
    HistoryEntry,
    SourceInfo,
    SpanInfo,
)
from workbench.io.exporters import EXPORTERS
from workbench.io.report import ReportModel

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent.parent / "shared" / "corpus" / "putin-xi-2026-fr"
T0 = dt.datetime(2026, 2, 1, 9, 0, tzinfo=dt.UTC)


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]{40,240}[.!?]", text)]


def synthetic_model(n: int, texts: list[str], language: str = "fr") -> ReportModel:
    """A report of ``n`` claims quoting sentences of ``texts`` (each claim: 1 appearance, 2 evidence, 4 history)."""
    sources = []
    spans_of: list[tuple[int, int, int]] = []
    for sid, text in enumerate(texts, 1):
        sources.append(SourceInfo(sid, 1, f"Document {sid}", "Agence", "", dt.date(2026, 1, sid % 28 + 1), "",
                                  language, "text", "", T0, sha256_hex(text), sha256_hex(text), len(text)))
        spans_of += [(sid, a, b) for a, b in _sentences(text)]
    by_id = dict(enumerate(texts, 1))
    digests = {sid: sha256_hex(text) for sid, text in by_id.items()}
    claims, history = [], {}
    keys = [v.key for v in DEFAULT.verdicts]
    for cid in range(1, n + 1):
        sid, a, b = spans_of[cid % len(spans_of)]
        sel = make_selector(by_id[sid], a, b, digests[sid])
        span = SpanInfo(cid, sid, a, b, sel.exact, sel.prefix, sel.suffix, sel.text_sha256, "anchored")
        sid2, c, d = spans_of[(cid * 7) % len(spans_of)]
        sel2 = make_selector(by_id[sid2], c, d, digests[sid2])
        span2 = SpanInfo(n + cid, sid2, c, d, sel2.exact, sel2.prefix, sel2.suffix, sel2.text_sha256, "anchored")
        status = "concluded" if cid % 4 else "in-review"
        evidence = (
            EvidenceInfo(cid * 2, cid, "refutes", span2, "", "", "", None, None, "", "", "Contredit par ce passage."),
            EvidenceInfo(cid * 2 + 1, cid, "context", None, f"https://example.org/ref/{cid}", "Rapport officiel",
                         "Ministère", dt.date(2026, 1, 5), dt.date(2026, 2, 2), "", "", ""),
        )
        claims.append(ClaimInfo(cid, 1, sel.exact[:160], "Le porte-parole", dt.date(2026, 1, 20), status,
                                keys[cid % len(keys)], "Premier paragraphe.\n\nSecond paragraphe de l’explication.",
                                ("tag",), T0, T0 + dt.timedelta(days=2), 3, "marie",
                                (AppearanceInfo(cid, cid, span),), evidence))
        history[cid] = (
            HistoryEntry(cid * 4, T0, "marie", "claim", cid, cid, "create", "", None, sel.exact[:160]),
            HistoryEntry(cid * 4 + 1, T0, "marie", "appearance", cid, cid, "create", "", None, {"source_id": sid}),
            HistoryEntry(cid * 4 + 2, T0 + dt.timedelta(days=1), "marie", "claim", cid, cid, "update", "status",
                         "to-check", status),
            HistoryEntry(cid * 4 + 3, T0 + dt.timedelta(days=2), "paul", "claim", cid, cid, "update", "verdict",
                         None, keys[cid % len(keys)]),
        )
    dossier = DossierInfo(1, "Dossier de mesure", "Mesure du temps d’export.", dt.date(2026, 1, 20), DEFAULT, T0)
    return ReportModel(dossier, tuple(sources), by_id, tuple(claims), history, language=language,
                       include_history=True, organisation="Rédaction", people={"marie": "Marie Dupont"},
                       publication_url="https://example.org/fc/{claim}", organisation_url="https://example.org")


def _load(corpus: Path) -> list[str]:
    texts = []
    for path in sorted(corpus.rglob("*.txt"))[:20]:
        text = normalize_text(path.read_text(encoding="utf-8", errors="replace"))
        if _sentences(text):
            texts.append(text)
    return texts


def main(argv: list[str] | None = None) -> int:
    """Time every format at every size; print seconds, ratio to HTML, exponent."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="50,500,2000")
    ap.add_argument("--formats", default="html,pdf,md,docx,claimreview,annotations,csv,json")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"skip: corpus {args.corpus} not found (give --corpus DIR)")
        return 0
    texts = _load(args.corpus)
    if not texts:
        print(f"skip: no usable .txt document under {args.corpus}")
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = [f for f in args.formats.split(",") if f in EXPORTERS]
    load = os.getloadavg()
    print(f"machine load: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} CPUs); {len(texts)} real texts")
    times: dict[str, dict[int, float]] = {f: {} for f in formats}
    for n in sizes:
        model = synthetic_model(n, texts)
        for fmt in formats:
            best = math.inf
            for _ in range(2):  # best of two (one if the first took over 5 s): less noise on a shared machine
                gc.collect()
                t0 = time.process_time()
                EXPORTERS[fmt].export(model)
                best = min(best, time.process_time() - t0)
                if best > 5:
                    break
            times[fmt][n] = best
    print("CPU seconds per export (best of two)")
    print(f"{'format':<12}" + "".join(f"{n:>10}" for n in sizes) + "   ×html(max)  exponent")
    worst = 0.0
    for fmt in formats:
        row = times[fmt]
        lo, hi = sizes[0], sizes[-1]
        k = math.log(row[hi] / row[lo]) / math.log(hi / lo) if hi > lo and row[lo] > 0 else float("nan")
        ratio = row[hi] / times["html"][hi] if "html" in times and times["html"][hi] else float("nan")
        worst = max(worst, k)
        print(f"{fmt:<12}" + "".join(f"{row[n]:>9.2f}s" for n in sizes) + f"   {ratio:>9.1f}   n^{k:.2f}")
    print(f"worst growth exponent: n^{worst:.2f}")
    load = os.getloadavg()
    print(f"machine load after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
