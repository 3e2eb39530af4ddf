"""Comparison benchmark: quality on the gold dossiers, speed on five generated 10,000-word sources.

Run: ``.venv/bin/python benchmarks/bench_compare.py``. Prints precision and recall per discrepancy kind, per flag,
for boilerplate lines, reuse and event dates on ``tests/data/compare_gold`` and its ``interactions``, ``events`` and
``negation`` dossiers; then the time of ``compare`` on five sources of 10,000 words generated from the gold sentences
(words substituted, figures changed, names swapped, one long passage copied), against two same-run baselines: the
time to merely fold and tokenise the texts, and the naive all-pairs rapidfuzz comparison of sentences (timed on a
sample of pairs, extrapolated).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from workbench.core.compare import CompareInput, compare  # noqa: E402
from workbench.core.compare.evaluate import load_gold, score  # noqa: E402
from workbench.core.compare.textutil import (  # noqa: E402
    content_stems,
    fold,
    mask_digits,
    split_lines,
    split_sentences,
)

GOLD = ROOT / "tests" / "data" / "compare_gold"
GOLD_DOSSIERS = (GOLD, GOLD / "interactions", GOLD / "events", GOLD / "negation")
N_SOURCES = 5
N_WORDS = 10_000
TARGET_S = 5.0
TARGET_PRECISION = 0.8
SYLLABLES = [c + v for c in "bdflmnrstv" for v in "aeio"]
NAMES = ["Irène Castel", "Mathis Ekdal", "Jonas Berg", "Clara Volmer", "Yann Peral", "Nadia Soler", "Igor Marek"]


def quality() -> bool:
    ok = True
    for root in GOLD_DOSSIERS:
        inputs, gold = load_gold(root)
        t = time.perf_counter()
        result = compare(inputs)
        elapsed = time.perf_counter() - t
        words = sum(len(i.text.split()) for i in inputs)
        print(f"gold dossier {root.name}: {len(inputs)} sources, {words} words, {elapsed:.3f} s")
        print(f"  {'kind':22s} {'precision':>9s} {'recall':>7s}   tp  fp  fn")
        for kind, s in score(result, gold).items():
            found = s.tp_gold if s.tp_gold is not None else s.tp
            print(f"  {kind:22s} {s.precision:9.2f} {s.recall:7.2f}  {found:3d} {s.fp:3d} {s.fn:3d}")
            ok &= s.precision >= TARGET_PRECISION
    return ok


def gold_sentences() -> list[str]:
    inputs, gold = load_gold(GOLD)
    boiler = {line.strip() for src in gold["sources"] for line in src.get("boilerplate_lines", [])}
    out = []
    for inp in inputs:
        folded = fold(inp.text)
        for line in split_lines(inp.text):
            if inp.text[line.start : line.end].strip() in boiler:
                continue
            out += [inp.text[s.start : s.end] for s in split_sentences(inp.text, folded, line)]
    return out


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


def vary(sentence: str, rng: random.Random) -> str:
    """A sentence of the same shape: about a third of the words replaced, figures changed, names swapped."""
    for name in ("Hélène Marchal", "Anton Vasek", "Petr Halas", "Lucie Ferrand"):
        if name in sentence and rng.random() < 0.5:
            sentence = sentence.replace(name, rng.choice(NAMES))
    sentence = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)) if rng.random() < 0.5 else m.group(0), sentence)
    words = sentence.split(" ")
    for k, w in enumerate(words):
        if len(w) > 3 and w.isalpha() and rng.random() < 0.35:
            words[k] = pseudo_word(rng)
    return " ".join(words)


def generate() -> list[CompareInput]:
    rng = random.Random(20260203)
    pool = gold_sentences()
    texts = []
    for _ in range(N_SOURCES):
        lines: list[str] = []
        para: list[str] = []
        words = 0
        while words < N_WORDS:
            s = vary(rng.choice(pool), rng)
            para.append(s)
            words += len(s.split())
            if len(para) >= rng.randint(2, 5):
                lines.append(" ".join(para))
                para = []
        lines.append(" ".join(para))
        texts.append("\n".join(lines) + "\n")
    # one long passage copied (relay) from source 1 into source 4
    chunk = " ".join(texts[0].split()[2000:2150])
    cut = texts[3].index("\n", len(texts[3]) // 2) + 1
    texts[3] = texts[3][:cut] + chunk + "\n" + texts[3][cut:]
    day = dt.date(2026, 2, 4)
    return [CompareInput(k + 1, t, day + dt.timedelta(days=k % 2)) for k, t in enumerate(texts)]


def tokenise_only(inputs: list[CompareInput]) -> tuple[float, list[list[str]]]:
    t = time.perf_counter()
    sents = []
    for inp in inputs:
        folded = fold(inp.text)
        mine = []
        for line in split_lines(inp.text):
            for s in split_sentences(inp.text, folded, line):
                content_stems(folded, s.start, s.end)
                mine.append(mask_digits(folded[s.start : s.end]))
        sents.append(mine)
    return time.perf_counter() - t, sents


def naive_all_pairs(sents: list[list[str]], sample: int = 20_000) -> tuple[float, int]:
    """Time of rapidfuzz token_sort_ratio on every cross-source sentence pair, extrapolated from a sample."""
    rng = random.Random(7)
    total = sum(len(sents[a]) * len(sents[b]) for a in range(len(sents)) for b in range(a + 1, len(sents)))
    pairs = []
    for _ in range(sample):
        a, b = rng.sample(range(len(sents)), 2)
        pairs.append((rng.choice(sents[a]), rng.choice(sents[b])))
    t = time.perf_counter()
    for x, y in pairs:
        fuzz.token_sort_ratio(x, y)
    per_pair = (time.perf_counter() - t) / sample
    return per_pair * total, total


def speed() -> bool:
    inputs = generate()
    words = sum(len(i.text.split()) for i in inputs)
    tok_s, sents = tokenise_only(inputs)
    naive_s, n_pairs = naive_all_pairs(sents)
    calls = []
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        result = compare(inputs, progress=lambda d, n: calls.append(d))
        runs.append(time.perf_counter() - t)
    best = min(runs)
    n_sent = sum(len(s) for s in sents)
    print(f"generated dossier: {len(inputs)} sources, {words} words, {n_sent} sentences")
    print(f"  compare: first {runs[0]:.2f} s, best {best:.2f} s (target <= {TARGET_S:.1f} s)")
    print(
        f"  found: {len(result.alignments)} alignments, {len(result.discrepancies)} discrepancies, "
        f"{len(result.reuse)} reused passages"
    )
    print(f"  baseline fold+split+tokenise only: {tok_s:.2f} s -> compare = {best / tok_s:.1f} x tokenising")
    print(
        f"  baseline naive all-pairs rapidfuzz ({n_pairs} pairs, extrapolated): {naive_s:.1f} s "
        f"-> compare is {naive_s / best:.1f} x faster"
    )
    return best <= TARGET_S


def main() -> int:
    ok = quality()
    ok &= speed()
    print("OK" if ok else "BELOW TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
