"""Each notebook's run time on a fresh kernel against a floor notebook measured alongside.

The floor is what every notebook must pay anyway: a fresh ``python3`` kernel that imports numpy
and matplotlib and draws one figure (built in memory with nbformat). Each timing is the wall
time of ``nbclient``'s ``execute()``: kernel start-up, every cell, kernel shutdown — what a
learner waits for on *Restart & Run All*. Notebooks and the floor run round-robin, so drift in
the machine's load hits them alike; the median of ``repeats`` runs is kept.

Two clocks: the wall time (what a learner waits for, on an otherwise idle machine) and the
kernel's own CPU time (user + system, read by one extra cell appended to a copy of the notebook,
from the kernel's start to its last cell). On a machine shared with other jobs the wall time
also counts the time the kernel waited for a core; the CPU time does not, so its ratios are the
stable ones there (the test uses them).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
FLOOR = "floor"
FLOOR_CELLS = [
    "import numpy as np\nimport matplotlib.pyplot as plt",
    "fig, ax = plt.subplots()\nax.plot(np.arange(10), np.arange(10) ** 2, marker='o')\nfig",
]


def floor_notebook() -> nbformat.NotebookNode:
    """The floor: numpy and matplotlib imported, one figure drawn, on a fresh kernel."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in FLOOR_CELLS]
    return nb


CPU_CELL = "import psutil as _p\n_t = _p.Process().cpu_times()\nprint(_t.user + _t.system)"


def run_times(nb: nbformat.NotebookNode, folder: Path = NOTEBOOKS) -> tuple[float, float]:
    """(wall seconds, kernel CPU seconds) of running a copy of ``nb`` on a fresh kernel."""
    nb = nbformat.from_dict(nb)
    nb.cells.append(nbformat.v4.new_code_cell(CPU_CELL))
    wall = run_seconds(nb, folder)
    return wall, float(nb.cells[-1].outputs[0]["text"])


def run_seconds(nb: nbformat.NotebookNode, folder: Path = NOTEBOOKS) -> float:
    """Wall time of executing ``nb`` on a fresh python3 kernel in ``folder``; raise on an error."""
    client = NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        record_timing=False,
        store_widget_state=False,
    )
    start = time.perf_counter()
    client.execute()
    return time.perf_counter() - start


def notebook_paths(names: list[str] | None = None) -> list[Path]:
    """The notebooks to time: those named (file names or NN prefixes), else all of them."""
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if names:
        paths = [p for p in paths if p.name in names or p.name[:2] in names]
    return paths


def time_notebooks(paths: list[Path], repeats: int = 3) -> dict[str, dict[str, list[float]]]:
    """Seconds per run for the floor and each notebook, round-robin, ``repeats`` rounds:
    ``{"wall": {name: [...]}, "cpu": {name: [...]}}``."""
    books = {FLOOR: floor_notebook()} | {p.stem: nbformat.read(p, as_version=4) for p in paths}
    times: dict[str, dict[str, list[float]]] = {
        clock: {name: [] for name in books} for clock in ("wall", "cpu")
    }
    for _ in range(repeats):
        for name, nb in books.items():
            wall, cpu = run_times(nb)
            times["wall"][name].append(wall)
            times["cpu"][name].append(cpu)
    return times


def ratios(times: dict[str, list[float]]) -> dict[str, float]:
    """Each notebook's median time over the floor's median time."""
    floor = statistics.median(times[FLOOR])
    return {name: statistics.median(t) / floor for name, t in times.items() if name != FLOOR}
