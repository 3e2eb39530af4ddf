"""Window performance on a 2 MB source, printed as figures with same-run baselines.

Targets (issue: the workbench window): first paint <= 300 ms with 10,000 highlights; adding one highlight
<= 16 ms including repaint with 50,000 present; a scroll step <= 1.5x the same scroll without highlights;
window painted <= 0.5 s after start.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_ui.py
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

from workbench.ui.panels.source_view import SourceView

WORDS = [
    "la", "préfecture", "a", "annoncé", "l'évacuation", "de", "mille", "habitants", "mardi", "matin", "selon",
    "le", "maire", "qui", "a", "déclaré", "que", "la", "digue", "avait", "tenu", "🌊", "pendant", "toute", "la",
    "nuit", "malgré", "la", "crue", "exceptionnelle", "de", "la", "rivière"
]


def make_text(size: int = 2_000_000) -> str:
    rnd = random.Random(7)
    paras, total = [], 0
    while total < size:
        para = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(40, 120))) + "."
        paras.append(para)
        total += len(para) + 1
    return "\n".join(paras)


def make_marks(text: str, n: int, seed: int = 1) -> list[tuple[int, int, int, str, str, int]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        start = rnd.randrange(0, len(text) - 200)
        end = start + rnd.randint(10, 150)
        role = "appearance" if i % 3 else rnd.choice(("supports", "refutes", "context"))
        out.append((start, end, i, role, rnd.choice(("#1b8a3a", "#990000", "#d4a017")), i))
    return out


def paint(view: QPlainTextEdit) -> None:
    view.viewport().repaint()
    QApplication.processEvents()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def first_paint(text: str, marks: list) -> float:
    view = SourceView()
    view.resize(800, 1000)
    view.show()
    QApplication.processEvents()
    t = time.perf_counter()
    view.set_content(text, marks)
    paint(view)
    elapsed = time.perf_counter() - t
    view.close()
    view.deleteLater()
    QApplication.processEvents()
    return elapsed


def add_one(view: SourceView, text: str, rounds: int = 30) -> list[float]:
    rnd = random.Random(3)
    times = []
    for i in range(rounds):
        start = rnd.randrange(0, len(text) - 200)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view._map.to_utf16(start))
        view.setTextCursor(cursor)
        view.centerCursor()
        paint(view)
        t = time.perf_counter()
        view.add_mark(start, start + 60, 10_000_000 + i, "appearance", "#2e6fd8", 0)
        paint(view)
        times.append(time.perf_counter() - t)
    return times


def extra_selections_add(text: str, marks: list, rounds: int = 5) -> list[float]:
    """Baseline: the approach the guide warns against (re-apply every span with setExtraSelections)."""
    view = QPlainTextEdit()
    view.setReadOnly(True)
    view.resize(800, 1000)
    view.setPlainText(text)
    view.show()
    QApplication.processEvents()
    sels = []
    for s, e, *_ in marks:
        sel = QTextEdit.ExtraSelection()
        sel.cursor = QTextCursor(view.document())
        sel.cursor.setPosition(s)
        sel.cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
        sel.format.setBackground(QColor("#d4a017"))
        sels.append(sel)
    view.setExtraSelections(sels)
    paint(view)
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        view.setExtraSelections(sels)
        paint(view)
        times.append(time.perf_counter() - t)
    view.close()
    return times


def scroll_steps(view: QPlainTextEdit, steps: int = 60) -> list[float]:
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    paint(view)
    times = []
    for _ in range(steps):
        t = time.perf_counter()
        bar.setValue(bar.value() + bar.singleStep() * 3)
        paint(view)
        times.append(time.perf_counter() - t)
    return times


def startup(tmp: Path) -> tuple[float, float, float]:
    """Seconds from process start to a painted window: bare QMainWindow, Workbench's first paint, full window."""
    db = tmp / "bench.sqlite"
    subprocess.run([sys.executable, "-m", "workbench", "--db", str(db), "init", "--demo"], check=True,
                   capture_output=True)
    probe = (
        "import time, sys; t0 = time.perf_counter()\n"
        "{body}\n"
        "w.show(); app.processEvents(); w.repaint(); app.processEvents()\n"
        "print(time.perf_counter() - t0)\n"
    )
    bare = ("from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication([]); w = QMainWindow();"
            " w.resize(1600, 1000)")
    # What run_gui does: the shell window paints first, then the database opens and the full window replaces it.
    shell = ("from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
             f"from workbench.app import _startup_shell; w = _startup_shell({str(db)!r})")
    full = ("from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
            f"from workbench.app import _startup_shell; _startup_shell({str(db)!r})\n"
            "from workbench.services.store import Store; from workbench.services import dossiers\n"
            "from workbench.ui.main_window import MainWindow\n"
            f"s = Store.open({str(db)!r}); w = MainWindow(s, dossiers.current(s)); w.resize(1600, 1000)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    results = []
    for body in (bare, shell, full):
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-c", probe.format(body=body)], check=True, capture_output=True,
                           env=env)
            runs.append(time.perf_counter() - t)
        results.append(min(runs))
    return results[0], results[1], results[2]


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    text = make_text()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU(s); source {len(text.encode()) / 1e6:.1f} MB, "
          f"{text.count(chr(10)) + 1} paragraphs")

    base = statistics.median(first_paint(text, []) for _ in range(3))
    with10k = statistics.median(first_paint(text, make_marks(text, 10_000)) for _ in range(3))
    print(f"first paint: {ms(with10k)} with 10,000 highlights vs {ms(base)} without "
          f"(ratio {with10k / base:.2f})  [target <= 300 ms]")

    view = SourceView()
    view.resize(800, 1000)
    view.show()
    marks50k = make_marks(text, 50_000, seed=2)
    view.set_content(text, marks50k)
    paint(view)
    adds = add_one(view, text)
    baseline = extra_selections_add(text, marks50k[:50_000], rounds=3)
    print(f"add one highlight (50,000 present, incl. repaint): median {ms(statistics.median(adds))}, "
          f"max {ms(max(adds))}; setExtraSelections baseline {ms(statistics.median(baseline))} "
          f"(ratio {statistics.median(adds) / statistics.median(baseline):.2f})  [target <= 16 ms]")

    with_marks = statistics.median(scroll_steps(view))
    plain = SourceView()
    plain.resize(800, 1000)
    plain.show()
    plain.set_content(text, [])
    paint(plain)
    without = statistics.median(scroll_steps(plain))
    print(f"scroll step: {ms(with_marks)} with 50,000 highlights vs {ms(without)} without "
          f"(ratio {with_marks / without:.2f})  [target <= 1.5]")

    with tempfile.TemporaryDirectory() as tmp:
        bare, first, full = startup(Path(tmp))
    print(f"window painted after start: {first:.2f} s (bare QMainWindow {bare:.2f} s, ratio {first / bare:.2f}); "
          f"sample dossier fully shown at {full:.2f} s  [target <= 0.5 s]")


if __name__ == "__main__":
    main()
