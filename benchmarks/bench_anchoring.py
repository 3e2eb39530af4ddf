"""Re-anchoring benchmark: 10,000 spans on a 2 MB text after scattered edits and after a change of the whole text.

Run: ``nice .venv/bin/python benchmarks/bench_anchoring.py [--corpus DIR] [--spans N] [--mb M]``.

The text is built from real articles: every ``.txt`` file under ``--corpus`` (default: the shared French corpus when
it exists), each copy's paragraphs numbered so that no two are identical, up to 2 MB. Without a corpus the text is
generated from sentences written here (figures, names and dates varied). Two revisions are made of it: scattered
edits (figures changed, sentences deleted and inserted, words replaced: about one edit per 10 kB) and a whole-text
change (accents dropped, quotes and apostrophes re-typed), and, beyond the issue's two cases, every paragraph
re-wrapped (line breaks all moved). For each, it prints the time of
:func:`workbench.core.drift.reanchor_revision` for all spans, the ratio against a plain ``difflib`` opcode pass over
the lines of the two texts measured in the same run, the states found, and checks that every non-orphaned span
quotes the new text exactly. It also times the one-span-at-a-time ``reanchor`` on a sample, for comparison. The
machine's load average is printed first: the figures are only comparable at a similar load.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from workbench.core.anchoring import Selector, make_selector, reanchor  # noqa: E402
from workbench.core.drift import reanchor_revision  # noqa: E402
from workbench.core.text import normalize_text, sha256_hex  # noqa: E402

DEFAULT_CORPUS = ROOT.parent.parent / "shared" / "corpus" / "putin-xi-2026-fr"
TARGET_SCATTERED_S = 2.0
TARGET_WHOLE_S = 20.0
SENTENCES = [
    "Selon la préfecture, {n} habitants ont été évacués à {place} dans la nuit de {day}.",
    "Le maire, {name}, a déclaré : « la digue n’a pas cédé », avant de quitter la réunion.",
    "Les secours sont arrivés vers {h} heures ; {m} pompiers étaient mobilisés selon le SDIS.",
    "D’après l’agence, le coût des dégâts dépasserait {n} euros, un chiffre que {name} conteste.",
    "« Nous n’avons jamais reçu d’alerte », affirme {name}, habitante de {place} depuis {m} ans.",
    "La crue a atteint {h},{m} mètres le {day}, selon les relevés de la station de {place}.",
]
NAMES = ["Anne Dupont", "Paul Marchand", "Irène Castel", "Jonas Berg", "Nadia Soler", "Élise Ferré"]
PLACES = ["Saint-Aubin", "Valdor", "Lerne-sur-Mer", "Castelnau", "Brévannes"]
DAYS = ["lundi", "mardi", "mercredi", "12 mars", "3 avril", "vendredi 9 mai"]


def corpus_text(corpus: Path | None, size: int, rng: random.Random) -> tuple[str, str]:
    """About ``size`` characters of text of record and where it came from."""
    paragraphs: list[str] = []
    origin = "generated sentences"
    if corpus is not None and corpus.is_dir():
        for path in sorted(corpus.rglob("*.txt")):
            if path.name.lower() != "readme.txt":
                body = normalize_text(path.read_text(encoding="utf-8", errors="replace"))
                paragraphs.extend(p for p in body.split("\n") if p.strip())
        if paragraphs:
            origin = f"{corpus} ({len(paragraphs)} paragraphs)"
    if not paragraphs:
        for _ in range(400):
            paragraphs.append(" ".join(
                rng.choice(SENTENCES).format(n=f"{rng.randint(1, 99)} {rng.randint(100, 999)}",
                                             place=rng.choice(PLACES), day=rng.choice(DAYS), name=rng.choice(NAMES),
                                             h=rng.randint(1, 23), m=rng.randint(2, 59))
                for _ in range(rng.randint(2, 6))))
    out: list[str] = []
    total, copy = 0, 0
    while total < size:
        copy += 1
        for i, para in enumerate(paragraphs):
            line = f"§{copy}.{i} {para}"
            out.append(line)
            total += len(line) + 1
            if total >= size:
                break
    return normalize_text("\n".join(out)), origin


def scattered_edits(text: str, rng: random.Random) -> str:
    """About one edit per 10 kB: figures changed, sentences deleted or inserted, words replaced."""
    pieces = re.split(r"(?<=[.!?])( )", text)
    n_edits = max(10, len(text) // 10_000)
    for _ in range(n_edits):
        i = rng.randrange(0, len(pieces), 2)
        kind = rng.random()
        if kind < 0.3:
            pieces[i] = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), pieces[i], count=1)
        elif kind < 0.5:
            pieces[i] = ""
        elif kind < 0.7:
            pieces[i] = "Ajout de la rédaction : ce passage a été précisé. " + pieces[i]
        else:
            words = pieces[i].split(" ")
            if words:
                words[rng.randrange(len(words))] = rng.choice(["toutefois", "officiellement", "pas", "près de"])
            pieces[i] = " ".join(words)
    return normalize_text("".join(pieces))


def whole_text_change(text: str) -> str:
    """Accents dropped, French quotes re-typed as straight ones, apostrophes straightened: every line changes."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    plain = re.sub(r"«\s*", '"', plain)
    plain = re.sub(r"\s*»", '"', plain)
    return normalize_text(plain.replace("’", "'"))


def reflowed(text: str) -> str:
    """Every paragraph re-wrapped at 90 columns (a PDF extracted again, a page re-saved): line breaks all change."""
    import textwrap

    return normalize_text("\n".join(textwrap.fill(p, 90) for p in text.split("\n")))


def make_spans(text: str, n: int, rng: random.Random) -> list[Selector]:
    """``n`` spans of 2 to 15 words at word boundaries."""
    starts = [m.start() for m in re.finditer(r"(?<!\S)\S", text)]
    digest = sha256_hex(text)
    out: list[Selector] = []
    for _ in range(n):
        k = rng.randrange(len(starts) - 20)
        a, b = starts[k], starts[k + rng.randint(2, 15)] - 1
        out.append(make_selector(text, a, max(b, a + 1), digest))
    return out


def run_case(name: str, old: str, new: str, spans: list[Selector], target: float) -> bool:
    t = time.perf_counter()
    SequenceMatcher(None, old.splitlines(True), new.splitlines(True)).get_opcodes()
    baseline = time.perf_counter() - t
    t = time.perf_counter()
    drifts = reanchor_revision(old, new, spans)
    elapsed = time.perf_counter() - t
    states = Counter(d.state.value for d in drifts)
    misquotes = sum(1 for d in drifts if d.state.value != "orphaned" and new[d.start : d.end] != d.exact)
    ok = elapsed <= target and misquotes == 0
    print(f"{name}: {len(spans)} spans, {len(old) / 1e6:.2f} M chars -> {len(new) / 1e6:.2f} M chars")
    print(f"  re-anchored in {elapsed:.2f} s (target <= {target:.0f} s); plain difflib line opcodes {baseline:.3f} s;"
          f" ratio {elapsed / max(baseline, 1e-9):.1f}x")
    print(f"  states: {dict(sorted(states.items()))}; misquotes: {misquotes}; {'OK' if ok else 'FAIL'}")
    sample = spans[:: max(1, len(spans) // 20)][:20]
    t = time.perf_counter()
    for sel in sample:
        reanchor(new, sel)
    per = (time.perf_counter() - t) / len(sample)
    print(f"  one span at a time (reanchor, sample of {len(sample)}): {per * 1000:.1f} ms/span,"
          f" about {per * len(spans):.0f} s for all")
    return ok


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.is_dir() else None)
    p.add_argument("--spans", type=int, default=10_000)
    p.add_argument("--mb", type=float, default=2.0)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--generated", action="store_true", help="use the generated sentences, not the corpus")
    args = p.parse_args(argv)
    if args.generated:
        args.corpus = None
    rng = random.Random(args.seed)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"machine: {os.cpu_count()} CPU(s), load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.corpus is not None and not args.corpus.is_dir():
        print(f"corpus {args.corpus} not found: skipped")
        return 0
    old, origin = corpus_text(args.corpus, int(args.mb * 1_000_000), rng)
    print(f"text: {origin}")
    spans = make_spans(old, args.spans, rng)
    ok = run_case("scattered edits", old, scattered_edits(old, rng), spans, TARGET_SCATTERED_S)
    ok &= run_case("whole text changed (accents, quotes)", old, whole_text_change(old), spans, TARGET_WHOLE_S)
    ok &= run_case("whole text re-wrapped (every line break moved)", old, reflowed(old), spans, TARGET_WHOLE_S)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
