#!/usr/bin/env python3
"""Benchmark helpers against its peers on this machine; prints each figure with its target.

    python3 tasks.py bench            (or: .venv/bin/python benchmarks/bench.py [--quick])

1. ``import helpers`` vs ``import numpy`` — target ≤ 1.3×.
   Each is timed as a fresh interpreter (``python -I -c "import …"``) from the outside, and a
   bare interpreter (``python -I -c "pass"``) is timed alongside; the ratio is
   (helpers − bare) / (numpy − bare), medians over many runs. Subtracting the interpreter's own
   start-up is the fair choice: left in, the ~20 ms both pay would push any ratio towards 1 and
   flatter us. Timing whole processes (rather than ``-X importtime``, which adds its own
   overhead per module and misses work done outside import statements) counts everything a
   learner waits for. The three commands run round-robin, so drift in machine load hits all
   three alike; one unmeasured warm-up round first makes sure every .pyc file is cached.
   ``-I`` keeps PYTHON* variables and the current directory out: ``helpers`` is found as
   installed (editable), as in a notebook's kernel.
2. ``helpers.cross_entropy`` on a 300,000 × 10 batch vs the bare numpy expression
   ``-(P * np.log(Q)).sum(-1)`` — target ≤ 1.5×. Ours includes everything it always does:
   validating both inputs (finite, in [0, 1], rows summing to 1), 0 · log 0 = 0 handling and
   the change of base to bits. Median of repeats, run alternately; results checked equal.
3. ``helpers.binary_cross_entropy`` on 10^6 samples vs ``sklearn.metrics.log_loss`` — target:
   ours ≥ 3× faster. Same labels and probabilities (none at 0 or 1, so log_loss's clipping is
   a no-op and both compute the exact mean); results checked equal to 1e-10.

4. The interactive explorers' slider callback (compute + redraw + PNG encode), as JupyterLab
   runs it when a learner drags a slider: each explorer's slider is set ``repeats`` times from
   Python, headless (Agg) — target: median < 50 ms. Browser transfer and paint are not included.

5. Peak extra memory of ``helpers.cross_entropy(p[:, None, :], q[None, :, :])`` for 1000 × 1000
   pairs of 50-event rows (an 8 MB result), measured with ``tracemalloc`` (which sees numpy's
   allocations) — target: ≤ 4 × the output + 16 MiB (it was ~824 MB when broadcasts were copied).

The learner's path (``--only setup|notebooks|nbval|site|browser``; all by default):

6. Set-up of a fresh clone: ``python3 tasks.py setup`` vs ``python3 -m venv && pip install -r
   requirements-dev.txt``, side by side, same caches (benchmarks/setup_time.py) — target ≤ 0.4×.
7. Each notebook on a fresh kernel (nbclient) vs a floor notebook — numpy and matplotlib
   imported, one figure drawn — measured round-robin in the same run, medians of 3; wall time
   and the kernel's own CPU time (benchmarks/notebook_times.py) — target ≤ 2×. A bar chart is
   saved to build/bench/notebooks.png (git-ignored), and a table shows where each notebook's
   kernel CPU goes: kernel start, library imports, figure rendering, explorers, other work.
8. The whole strict-nbval run (``pytest --nbval notebooks``) and the site build
   (tools/build_site.py), each against as many floor notebooks as there are notebooks
   (informative).
9. Each explorer in JupyterLab in headless Chromium: keyboard slider move to the new figure
   painted, median and 95th percentile of ≥ 30 moves (benchmarks/browser.py), against the
   callback's median time in Python (4.; informative).

A table of every figure, and the machine (cores, CPU, load average), close the run.
Exits with status 1 if a target is missed. Timings depend on the machine and its load; the
ratios are what is meant to be stable.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

import helpers

ROOT = Path(__file__).resolve().parent.parent
ROWS: list[tuple[str, str, str, str]] = []  # (what, measured, ratio, target and verdict): the table
sys.path.insert(0, str(ROOT / "benchmarks"))


def median_seconds(functions: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """Median wall time of each function, calling them round-robin ``repeats`` times."""
    for function in functions.values():  # warm-up: caches, page faults, lazy imports
        function()
    times: dict[str, list[float]] = {name: [] for name in functions}
    for _ in range(repeats):
        for name, function in functions.items():
            start = time.perf_counter()
            function()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def python_runs(code: str) -> Callable[[], None]:
    command = [sys.executable, "-I", "-c", code]
    return lambda: subprocess.run(command, check=True)


def bench_import(repeats: int) -> bool:
    subprocess.run([sys.executable, "-I", "-c", "import helpers"], check=True)  # importable?
    t = median_seconds(
        {
            "bare": python_runs("pass"),
            "numpy": python_runs("import numpy"),
            "helpers": python_runs("import helpers"),
        },
        repeats,
    )
    numpy_cost, helpers_cost = t["numpy"] - t["bare"], t["helpers"] - t["bare"]
    ratio = helpers_cost / numpy_cost
    detail = (
        f"helpers {helpers_cost * 1e3:.1f} ms, numpy {numpy_cost * 1e3:.1f} ms beyond a bare "
        f"interpreter's {t['bare'] * 1e3:.1f} ms; median of {repeats} fresh processes each"
    )
    return row("import helpers / import numpy", detail, ratio, "target <= 1.3x", ratio <= 1.3)


def bench_cross_entropy(repeats: int) -> bool:
    rng = np.random.default_rng(0)
    p = rng.dirichlet(np.ones(10), size=300_000)
    q = rng.dirichlet(np.ones(10), size=300_000)
    ours = helpers.cross_entropy(p, q, base=np.e)
    np.testing.assert_allclose(ours, -(p * np.log(q)).sum(-1), rtol=1e-12)
    t = median_seconds(
        {
            "bare": lambda: -(p * np.log(q)).sum(-1),
            "ours": lambda: helpers.cross_entropy(p, q),
        },
        repeats,
    )
    ratio = t["ours"] / t["bare"]
    detail = (
        f"ours {t['ours'] * 1e3:.1f} ms incl. validation, bare {t['bare'] * 1e3:.1f} ms; "
        f"300,000 x 10; median of {repeats}"
    )
    label = "cross_entropy / -(P*np.log(Q)).sum(-1)"
    return row(label, detail, ratio, "target <= 1.5x", ratio <= 1.5)


def bench_binary(repeats: int) -> bool:
    from sklearn.metrics import log_loss  # only here: helpers itself never imports sklearn

    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, size=1_000_000)
    prob = rng.uniform(1e-6, 1 - 1e-6, size=1_000_000)
    np.testing.assert_allclose(
        helpers.binary_cross_entropy(y, prob), log_loss(y, prob), rtol=1e-10, atol=1e-10
    )
    t = median_seconds(
        {
            "sklearn": lambda: log_loss(y, prob),
            "ours": lambda: helpers.binary_cross_entropy(y, prob),
        },
        repeats,
    )
    speedup = t["sklearn"] / t["ours"]
    detail = (
        f"ours {t['ours'] * 1e3:.1f} ms, log_loss {t['sklearn'] * 1e3:.1f} ms; "
        f"10^6 samples; median of {repeats}"
    )
    label = "binary_cross_entropy speed-up over log_loss"
    return row(label, detail, speedup, "target >= 3x", speedup >= 3)


def bench_widgets(repeats: int) -> tuple[bool, dict[str, float]]:
    """Each explorer's slider callback in Python; (all within target, {builder: median s})."""
    import matplotlib

    matplotlib.use("Agg")
    from helpers import widgets

    moves = {
        "colour explorer (Q(red) slider)": ("build_colour_explorer", "red", 0.05, 0.60),
        "binary-loss explorer (ŷ slider)": (
            "build_binary_loss_explorer",
            "probability",
            0.05,
            0.95,
        ),
        "binary-entropy explorer (p slider)": ("build_binary_entropy_explorer", "p", 0.01, 0.99),
    }
    ok = True
    medians = {}
    for label, (build, control, low, high) in moves.items():
        slider = getattr(widgets, build)().controls[control]
        times = []
        for value in np.linspace(low, high, repeats):
            start = time.perf_counter()
            slider.value = round(float(value), 2)
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1e3
        medians[build] = median / 1e3
        verdict = "PASS" if median < 50 else "MISS"
        print(
            f"{label:<46} {median:6.1f} ms median (target < 50 ms)  {verdict}   "
            f"[{repeats} slider moves; slowest {max(times) * 1e3:.0f} ms]",
            flush=True,
        )
        ROWS.append(
            (
                label,
                f"median of {repeats} moves; slowest {max(times) * 1e3:.0f} ms",
                f"{median:.1f} ms",
                f"target < 50 ms {verdict}",
            )
        )
        ok = ok and median < 50
    return ok, medians


def bench_memory() -> bool:
    import tracemalloc

    rng = np.random.default_rng(0)
    p, q = rng.dirichlet(np.ones(50), 1000), rng.dirichlet(np.ones(50), 1000)
    tracemalloc.start()
    result = helpers.cross_entropy(p[:, None, :], q[None, :, :])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    ratio = peak / result.nbytes
    ok = peak <= 4 * result.nbytes + 16 * 2**20
    label = "cross_entropy broadcast 1000×1000×50: peak/output"
    return row(label, f"peak {peak / 2**20:.1f} MiB", ratio, "target ≤ 4× + 16 MiB", ok)


OUT = Path(__file__).resolve().parent.parent / "build" / "bench"  # git-ignored (build/)


def row(what: str, measured: str, ratio: float | None, target: str, ok: bool | None) -> bool:
    """Print one line of the learner-path section and keep it for the table."""
    verdict = "" if ok is None else ("PASS" if ok else "MISS")
    text = "" if ratio is None else f"{ratio:.2f}x"
    print(f"{what:<46} {text:>7}  {measured}  ({target}) {verdict}", flush=True)
    ROWS.append((what, measured, text, f"{target} {verdict}".strip()))
    return ok is not False


def bench_setup() -> bool:
    from setup_time import setup_seconds

    t = setup_seconds()
    ratio = t["tasks"] / t["pip"]
    measured = f"tasks.py setup {t['tasks']:.1f} s vs venv + pip {t['pip']:.1f} s"
    return row(
        "set-up of a fresh clone / plain pip", measured, ratio, "target <= 0.4x", ratio <= 0.4
    )


def bench_notebooks(repeats: int, names: list[str] | None) -> tuple[bool, float, dict]:
    """Each notebook vs the floor notebook; (ok, floor's median wall s, {clock: {name: [s]}})."""
    import notebook_times as notebooks

    times = notebooks.time_notebooks(notebooks.notebook_paths(names), repeats)
    wall, cpu = times["wall"], times["cpu"]
    floor = statistics.median(wall[notebooks.FLOOR])
    floor_cpu = statistics.median(cpu[notebooks.FLOOR])
    row(
        "floor notebook (numpy + matplotlib, one figure)",
        f"{floor:.2f} s wall, {floor_cpu:.2f} s kernel CPU; median of {repeats} fresh kernels",
        1.0,
        "the floor",
        None,
    )
    ok = True
    cpu_ratios = notebooks.ratios(cpu)
    for name, ratio in notebooks.ratios(wall).items():
        measured = (
            f"{statistics.median(wall[name]):.2f} s wall; kernel CPU "
            f"{statistics.median(cpu[name]):.2f} s = {cpu_ratios[name]:.2f}x"
        )
        ok &= row(name, measured, ratio, "target <= 2x", ratio <= 2)
    print_breakdown(names)
    return ok, floor, times


def print_breakdown(names: list[str] | None) -> None:
    """Where each notebook's kernel CPU goes, beside the floor's (one more run of each)."""
    import nbformat

    import notebook_times as notebooks

    books = {notebooks.FLOOR: notebooks.floor_notebook()}
    books |= {p.stem[:2]: nbformat.read(p, as_version=4) for p in notebooks.notebook_paths(names)}
    print("\nWhere the kernel CPU goes (s, one fresh-kernel run each; notebook_times.breakdown)")
    print(f"{'':<8}" + "".join(f"{part:>18}" for part in notebooks.PARTS) + f"{'total':>9}")
    for name, nb in books.items():
        parts = notebooks.breakdown(nb)
        cells = "".join(f"{parts[part]:>18.2f}" for part in notebooks.PARTS)
        print(f"{name:<8}{cells}{sum(parts.values()):>9.2f}", flush=True)


def bench_command(label: str, command: list[str], floor: float, n: int, target: str) -> bool:
    """A whole command's wall time against n floor notebooks (informative; no verdict)."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        print(done.stdout[-2000:], done.stderr[-2000:], sep="\n")
        return row(label, f"FAILED (exit {done.returncode}) after {seconds:.1f} s", None, "", False)
    measured = f"{seconds:.1f} s vs {n} floor notebooks {n * floor:.1f} s"
    return row(label, measured, seconds / (n * floor), target, None)


def bench_browser(moves: int, callbacks: dict[str, float]) -> bool:
    import re

    import browser

    ok = True
    for name, latencies in browser.slider_to_screen(moves).items():
        source = (ROOT / "notebooks" / f"{name.split(' ')[0]}.ipynb").read_text()
        builder = "build_" + re.search(r"widgets\.(\w*explorer)\(", source).group(1)
        median, p95 = browser.summary(latencies)
        callback = callbacks.get(builder)
        ratio = median / callback if callback else None
        measured = (
            f"slider to screen median {median * 1e3:.0f} ms, p95 {p95 * 1e3:.0f} ms "
            f"({len(latencies)} moves); Python callback "
            + (f"{callback * 1e3:.1f} ms" if callback else "not measured")
        )
        ok &= row(f"{name} explorer in JupyterLab", measured, ratio, "vs callback", None)
    return ok


def save_figure(floor: float, times: dict[str, dict[str, list[float]]]) -> Path:
    """Bar chart: each notebook's median run time over the floor's (wall and kernel CPU), with
    the 2x target."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import notebook_times as notebooks

    ratios = notebooks.ratios(times["wall"])
    cpu = notebooks.ratios(times["cpu"])
    names = list(ratios)
    y = np.arange(len(names))
    fig, ax = plt.subplots(figsize=(9, 5.5), layout="constrained")
    bars = ax.barh(y - 0.2, [ratios[n] for n in names], 0.4, color="#4477AA", hatch="//")
    ax.bar_label(bars, fmt="%.2f×", padding=3, fontsize=8)
    bars = ax.barh(y + 0.2, [cpu[n] for n in names], 0.4, color="#DDAA33", label="kernel CPU")
    ax.bar_label(bars, fmt="%.2f×", padding=3, fontsize=8)
    ax.patches[0].set_label("wall time")
    ax.set_yticks(y, names)
    ax.axvline(1, color="black", linestyle="-", label=f"floor notebook ({floor:.2f} s)")
    ax.axvline(2, color="#CC6677", linestyle="--", label="target: 2× the floor")
    ax.invert_yaxis()
    ax.set_xlabel("run time on a fresh kernel / floor notebook's (ratio, medians)")
    ax.set_title("Each notebook's run time against the floor, measured in one run")
    ax.set_xlim(0, 1.15 * max(max(ratios.values()), max(cpu.values()), 2))
    ax.legend(loc="upper right")
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "notebooks.png"
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def print_table() -> None:
    widths = [max(len(r[i]) for r in ROWS) for i in range(4)]
    print()
    print(
        " | ".join(
            h.ljust(w) for h, w in zip(("what", "measured", "ratio", "target"), widths, strict=True)
        )
    )
    print("-+-".join("-" * w for w in widths))
    for r in ROWS:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))


PARTS = ("micro", "setup", "notebooks", "nbval", "site", "memory", "browser")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a rough check)")
    parser.add_argument(
        "--only", action="append", choices=PARTS, help="run only these parts (repeatable)"
    )
    parser.add_argument("--notebook", action="append", help="time only these notebooks (NN)")
    parser.add_argument("--moves", type=int, default=30, help="slider moves per explorer")
    args = parser.parse_args()
    parts = set(args.only or PARTS)
    scale = 0.3 if args.quick else 1.0
    print(f"helpers {helpers.__version__}, numpy {np.__version__}, Python {sys.version.split()[0]}")
    print(f"machine: {machine()}", flush=True)
    results = []
    callbacks: dict[str, float] = {}
    if "micro" in parts:
        results += [
            bench_import(max(5, round(40 * scale))),
            bench_cross_entropy(max(5, round(40 * scale))),
            bench_binary(max(3, round(15 * scale))),
        ]
    if "micro" in parts or "browser" in parts:
        ok, callbacks = bench_widgets(max(10, round(60 * scale)))
        results.append(ok)
    if "memory" in parts:
        results.append(bench_memory())
    if "setup" in parts:
        results.append(bench_setup())
    floor = None
    if parts & {"notebooks", "nbval", "site"}:
        repeats = 1 if args.quick else 3
        names = args.notebook if "notebooks" in parts else ["00"]
        ok, floor, times = bench_notebooks(repeats, names)
        results.append(ok)
        if "notebooks" in parts:
            print(f"figure: {save_figure(floor, times).relative_to(ROOT)}")
    n = len(list((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")))
    if "nbval" in parts:
        command = [sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", "notebooks"]
        results.append(
            bench_command("strict nbval run of every notebook", command, floor, n, "info")
        )
    if "site" in parts and (ROOT / "tools" / "build_site.py").exists():
        command = [sys.executable, str(ROOT / "tools" / "build_site.py")]
        results.append(bench_command("site build (tools/build_site.py)", command, floor, n, "info"))
    if "browser" in parts:
        results.append(bench_browser(args.moves, callbacks))
    if ROWS:
        print_table()
    return 0 if all(results) else 1


def machine() -> str:
    import os
    import platform

    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores {model}; load {load}"


if __name__ == "__main__":
    sys.exit(main())
