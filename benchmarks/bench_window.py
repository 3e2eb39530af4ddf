"""Window benchmark: what a user feels in a big dossier, against baselines measured in the same run.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_window.py [--corpus DIR] [--sources 200]
[--mb 1.0] [--claims 5000]``. The sources' text is real French news text (``--corpus``, default
``../shared/corpus/putin-xi-2026-fr``, repeated to the size asked) or, without it, generated sentences.

Figures printed (targets from issue 12):
- a verdict change from the key press (Down in the verdict list) to the saved edit and the repainted window, p95,
  with N sources of 1 MB and 5,000 claims, against the same with 5 small sources (targets ≤ 30 ms and ≤ 2×);
- whole process from launch to the painted window (``workbench gui``, instrumented) with the sample dossier
  (target ≤ 1 s) and with N sources and 2,000 claims (target ≤ 1.5 s), against a bare PySide6 window in the same run;
- peak memory of the window with N sources and three 1 MB panes open, against a bare window holding the same three
  texts in three text panes (target ≤ 2×).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ops import DEFAULT_CORPUS, base_text, p95, world  # noqa: E402


def _run_probe(code: str, env: dict[str, str]) -> tuple[float, dict[str, float]]:
    """Wall seconds of a whole ``python -c code`` process and the JSON it prints last."""
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    return wall, (json.loads(lines[-1]) if lines else {})


PAINT = ("w.resize(1600, 1000); w.show(); app.processEvents(); w.repaint(); app.processEvents()\n"
         "import json, re, time; hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())\n"
         "print(json.dumps({'rss_mib': int(hwm.group(1)) / 1024 if hwm else 0.0, 'cpu_s': time.process_time()}))\n")
BARE = "from PySide6.QtWidgets import QApplication, QMainWindow; app = QApplication([]); w = QMainWindow()\n"


def window_code(db: Path, open_ids: list[int] | None = None) -> str:
    opening = f"w.open_sources({open_ids!r})\n" if open_ids else ""
    return (
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from workbench.services.store import Store; from workbench.services import dossiers\n"
        "from workbench.ui.main_window import MainWindow\n"
        f"s = Store.open({str(db)!r}, user='bench'); w = MainWindow(s, dossiers.current(s))\n"
        + opening + PAINT
    )


APP = """
import json, os, re, sys, time
T0 = float(os.environ['BENCH_T0'])  # the parent's clock just before it launched this process
marks = {}
from workbench import cli  # what the `workbench` console script imports first, before Qt
cli.build_parser()  # (it imports the commands' modules)
import workbench.app as app_module
from PySide6.QtWidgets import QApplication
real_shell = app_module._startup_shell
def shell(target):
    w = real_shell(target)  # shown and painted by the application itself
    w.repaint(); QApplication.processEvents()
    marks['first_paint_s'] = time.time() - T0
    marks['first_paint_cpu_s'] = time.process_time()
    marks['first_text'] = w.centralWidget().text()
    marks['sqlalchemy_at_first_paint'] = 'sqlalchemy' in sys.modules
    return w
app_module._startup_shell = shell
def shown(_app):  # instead of waiting for the user: paint the window once, report, quit
    from workbench.ui.main_window import MainWindow
    (w,) = [x for x in QApplication.topLevelWidgets() if isinstance(x, MainWindow) and x.isVisible()]
    if OPEN:
        w.settle()  # the panes asked with --open are read on the database worker and shown
        marks['panes'] = [len(p.view.toPlainText()) for p in w.reading.panes()]
    QApplication.processEvents(); w.repaint(); QApplication.processEvents()
    marks['window_s'] = time.time() - T0
    marks['window_cpu_s'] = time.process_time()  # CPU of this process: less sensitive to the machine's load
    marks['claims'] = w.claims_model.rowCount()
    marks['sources'] = w.sources_model.rowCount()
    hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())
    marks['rss_mib'] = int(hwm.group(1)) / 1024 if hwm else 0.0
    t = time.process_time()
    getattr(app_module, '_collect_and_resume', lambda: None)()  # what the app does 0.5 s after the window shows
    marks['deferred_gc_cpu_s'] = time.process_time() - t
    print(json.dumps(marks)); return 0
QApplication.exec = shown
OPEN = sys.argv[2] if len(sys.argv) > 2 else None
sys.exit(cli.main(['--db', sys.argv[1], '--user', 'bench', 'gui', *(['--open', OPEN] if OPEN else [])]))
"""
"""The real start-up (``workbench gui``: the path a user's double-click takes), instrumented: when its first window is
painted (it says what it opens) and when the main window is painted with the dossier's sources and claims."""


def app_start(db: Path, env: dict[str, str], home: Path, runs: int = 3,
              open_ids: list[int] | None = None) -> dict[str, Any]:
    """Best of ``runs`` of the real start-up on ``db``, with settings of its own (first window, dossier shown);
    ``open_ids``: as ``workbench gui --open``, measured once those panes show their texts."""
    best: dict[str, float] = {}
    for i in range(runs):
        run_env = dict(env, HOME=str(home / f"home{i}"), XDG_CONFIG_HOME=str(home / f"home{i}" / "config"),
                       XDG_DATA_HOME=str(home / f"home{i}" / "data"))
        Path(run_env["XDG_DATA_HOME"]).mkdir(parents=True, exist_ok=True)
        run_env["BENCH_T0"] = repr(time.time())
        extra = [",".join(map(str, open_ids))] if open_ids else []
        out = subprocess.run([sys.executable, "-c", APP, str(db), *extra], check=True, capture_output=True,
                             text=True, env=run_env)
        info = json.loads([line for line in out.stdout.splitlines() if line.startswith("{")][-1])
        cpu = min(info["window_cpu_s"], best.get("window_cpu_s", info["window_cpu_s"]))
        if not best or info["window_s"] < best["window_s"]:
            best = info
        best["window_cpu_s"] = cpu  # least CPU of the runs (the load of other processes inflates wall time only)
    return best


def bare_panes_code(texts_file: Path) -> str:
    return (
        "from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QSplitter; import json\n"
        "app = QApplication([]); w = QMainWindow(); split = QSplitter(); w.setCentralWidget(split)\n"
        f"for t in json.load(open({str(texts_file)!r}, encoding='utf-8')):\n"
        "    e = QPlainTextEdit(); e.setReadOnly(True); e.setPlainText(t); split.addWidget(e)\n"
        + PAINT
    )


def best_of(code: str, env: dict[str, str], runs: int = 3) -> tuple[float, float]:
    walls, rss = [], []
    for _ in range(runs):
        wall, info = _run_probe(code, env)
        walls.append(wall)
        rss.append(info.get("rss_mib", 0.0))
    return min(walls), max(rss)


def verdict_latencies(db: Path, runs: int = 40, *, spin: bool = False) -> list[float]:
    """Key press Down/Up in the verdict list → edit saved → window repainted, in seconds, in this process.

    While the edit is saved on the database worker, the GUI thread waits for the next event as ``app.exec()``
    does (it sleeps, and the worker has the CPU and the interpreter). ``spin=True`` is the earlier loop, which
    called ``processEvents()`` without pause meanwhile: on a busy machine that loop took CPU and the interpreter
    lock from the worker it waited for.
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from workbench.services import claims, dossiers
    from workbench.services.store import Store
    from workbench.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store = Store.open(str(db), user="bench")
    dossier = dossiers.current(store)
    assert dossier is not None
    window = MainWindow(store, dossier)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    claim_id = min(c.id for c in claims.list_claims(store, dossier.id))
    window.select_claim(claim_id)
    window.settle()  # the claim is read on the database worker
    from workbench.ui.panels.claim_editor import ClaimEditor

    editor = window.findChild(ClaimEditor)  # found by type: the window's wiring may change
    combo = editor.verdict
    combo.setFocus()
    app.processEvents()
    wake = QTimer()  # waiting for events never outlasts the deadline below
    wake.start(100)
    flags = QEventLoop.ProcessEventsFlag.AllEvents
    if not spin:
        flags |= QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    times = []
    for i in range(runs):
        shown = editor.claim
        assert shown is not None
        key = Qt.Key.Key_Down if combo.currentIndex() < combo.count() - 1 and i % 2 == 0 else Qt.Key.Key_Up
        if combo.currentIndex() == 0:
            key = Qt.Key.Key_Down
        t = time.perf_counter()
        QTest.keyClick(combo, key)
        wanted = combo.currentData() or None
        deadline = t + 10
        # done when the editor shows the claim as saved by the worker (new version, new verdict): what the user sees
        while time.perf_counter() < deadline and (editor.claim is None or editor.claim.version == shown.version
                                                  or editor.claim.verdict != wanted):
            app.processEvents(flags)
        app.processEvents()  # the posted update requests: Qt repaints what the edit made dirty
        app.processEvents()
        times.append(time.perf_counter() - t)
        assert claims.get(store, claim_id).verdict == wanted, "the edit was not saved"
    wake.stop()
    window.close()
    store.close()
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sources", type=int, default=200)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--claims", type=int, default=5000)
    args = ap.parse_args()
    base = base_text(args.corpus if args.corpus.is_dir() else None)
    print(f"load average before: {os.getloadavg()[0]:.2f}; {os.cpu_count()} CPU(s); Python {sys.version.split()[0]}")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    ok = True
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        size = int(args.mb * 1_000_000)
        t = time.perf_counter()
        big_store, _big_id, _ = world(tmp / "big.db", base, args.sources, size, args.claims)
        big_store.close()
        small_store, _small_id, _ = world(tmp / "small.db", base, 5, 20_000, 50)
        small_store.close()
        start_store, _start_id, _ = world(tmp / "start.db", base, args.sources, size, 2000)
        start_store.close()
        print(f"built the dossiers in {time.perf_counter() - t:.0f} s ({args.sources} sources of {args.mb} MB)")

        big = verdict_latencies(tmp / "big.db")
        small = verdict_latencies(tmp / "small.db")
        big_p95, small_p95 = p95(big), p95(small)
        ratio = big_p95 / max(small_p95, 1e-6)
        ok &= big_p95 <= 0.030 and ratio <= 2.0
        print(f"verdict change, key press to repainted window: p95 {big_p95 * 1000:.1f} ms with {args.sources} "
              f"sources and {args.claims} claims (median {statistics.median(big) * 1000:.1f} ms), "
              f"{small_p95 * 1000:.1f} ms with 5 small sources ({ratio:.2f}x); targets <= 30 ms, <= 2x")

        subprocess.run([sys.executable, "-m", "workbench", "--db", str(tmp / "sample.db"), "init", "--demo"],
                       check=True, capture_output=True, env=env)
        bare_s, bare_rss = best_of(BARE + PAINT, env)
        bare_cpu = min(_run_probe(BARE + PAINT, env)[1]["cpu_s"] for _ in range(3))
        sample_s, _ = best_of(window_code(tmp / "sample.db"), env)
        start_s, _ = best_of(window_code(tmp / "start.db"), env)
        # not a target: this probe is not the path `workbench gui` takes (it imports PySide6 before the database
        # layer, never pauses the garbage collector and counts the process's exit); the real start-up below is
        print(f"window built and painted directly (Store.open + MainWindow), whole process with its exit, for "
              f"comparison: {sample_s:.2f} s with the sample dossier, {start_s:.2f} s with {args.sources} sources and "
              f"2000 claims; bare PySide6 window {bare_s:.2f} s (ratios {sample_s / bare_s:.1f}x, "
              f"{start_s / bare_s:.1f}x)")
        app_sample = app_start(tmp / "sample.db", env, tmp)
        app_big = app_start(tmp / "start.db", env, tmp)
        ok &= app_sample["window_s"] <= 1.0 and app_big["window_s"] <= 1.5
        for label, info in (("the sample dossier", app_sample), (f"{args.sources} sources and 2000 claims", app_big)):
            text = " ".join(str(info["first_text"]).split())
            print(f"real start-up (workbench gui) with {label}: first window painted at {info['first_paint_s']:.2f} s "
                  f"showing \"{text[:60]}…\" (SQLAlchemy imported by then: {info['sqlalchemy_at_first_paint']}); "
                  f"main window painted with its {info['sources']:.0f} sources and {info['claims']:.0f} claims at "
                  f"{info['window_s']:.2f} s; process CPU {info['window_cpu_s']:.2f} s (least of the runs; then "
                  f"{info['deferred_gc_cpu_s'] * 1000:.0f} ms of garbage collection once the window is up)")
        print(f"  targets: main window with the dossier <= 1 s (sample), <= 1.5 s ({args.sources} sources); "
              f"bare PySide6 window {bare_s:.2f} s, CPU {bare_cpu:.2f} s")

        from workbench.services import sources
        from workbench.services.store import Store

        store = Store.open(str(tmp / "start.db"), user="bench")
        ids = [s.id for s in sources.list_all(store, _start_id)][:3]
        texts = [sources.text(store, i) for i in ids]
        store.close()
        texts_file = tmp / "texts.json"
        texts_file.write_text(json.dumps(texts), encoding="utf-8")
        _w, panes_rss = best_of(bare_panes_code(texts_file), env, runs=2)
        # the real start-up (`workbench gui --open A,B,C`), measured once the three panes show their texts
        opened = app_start(tmp / "start.db", env, tmp, runs=2, open_ids=ids)
        ours_rss = opened["rss_mib"]
        _w, direct_rss = best_of(window_code(tmp / "start.db", ids), env, runs=1)
        mem_ratio = ours_rss / max(panes_rss, 1e-6)
        ok &= mem_ratio <= 2.0
        print(f"peak memory with {args.sources} sources and three 1 MB panes (workbench gui --open): {ours_rss:.0f} "
              f"MiB, bare window with the same three panes {panes_rss:.0f} MiB ({mem_ratio:.2f}x; bare empty window "
              f"{bare_rss:.0f} MiB; window built directly after importing PySide6 first {direct_rss:.0f} MiB); "
              f"target <= 2x")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print("targets met" if ok else "targets NOT met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
