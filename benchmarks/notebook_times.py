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
        extra_arguments=["--Application.log_level=ERROR"],  # no TCP notice in the tables
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


#: Where a notebook's kernel CPU goes (:func:`breakdown`).
PARTS = ("kernel start", "library imports", "figure rendering", "explorers", "other work")
#: The libraries whose first import :func:`breakdown` counts as "library imports".
LIBRARIES = ("numpy", "matplotlib", "scipy", "sklearn", "ipywidgets")

#: Run first in the measured copy. It counts the CPU spent (1) in the outermost first import of
#: each library in LIBRARIES, wherever it happens (a notebook's first cell, or helpers.plotting
#: importing matplotlib on first use), and (2) inside matplotlib's ``print_figure``: layout,
#: drawing and PNG encoding, what JupyterLab's inline backend calls after each cell that leaves
#: a figure. The print_figure timer goes in at the first cell boundary after matplotlib is
#: imported; post-execute hooks run in the order they were registered, and this one is
#: registered before the inline backend's flush, so the first figure is timed too.
HOOK_CELL = f"""\
def _course_install():  # closures, not globals: the kernel clears its namespace at shutdown
    import builtins, sys, time

    builtins._course_t = times = {{"render": 0.0, "import": 0.0}}
    libraries, original_import, depth, hooked = {LIBRARIES!r}, builtins.__import__, [0], [False]

    def timed_import(name, globals=None, locals=None, fromlist=(), level=0):
        if depth[0] or level or name.partition(".")[0] not in libraries or name in sys.modules:
            return original_import(name, globals, locals, fromlist, level)
        depth[0], start = 1, time.process_time()
        try:
            return original_import(name, globals, locals, fromlist, level)
        finally:
            depth[0] = 0
            times["import"] += time.process_time() - start

    def hook(*args):
        bases = sys.modules.get("matplotlib.backend_bases")
        if bases is None or hooked[0]:
            return
        print_figure = bases.FigureCanvasBase.print_figure

        def timed(self, *args, **kwargs):
            start = time.process_time()
            try:
                return print_figure(self, *args, **kwargs)
            finally:
                times["render"] += time.process_time() - start

        bases.FigureCanvasBase.print_figure = timed
        hooked[0] = True

    builtins.__import__ = timed_import
    get_ipython().events.register("pre_run_cell", hook)
    get_ipython().events.register("post_execute", hook)


_course_install()
del _course_install
"""
READ_CELL = (
    "import psutil as _p, builtins as _b\n_t = _p.Process().cpu_times()\n"
    "print('@cpu', _t.user + _t.system, _b._course_t['render'], _b._course_t['import'])"
)


def _mark(cell: nbformat.NotebookNode) -> list[float]:
    text = "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
    line = next(line for line in text.splitlines() if line.startswith("@cpu"))
    return [float(x) for x in line.split()[1:]]


def breakdown(nb: nbformat.NotebookNode, folder: Path = NOTEBOOKS) -> dict[str, float]:
    """Where one fresh-kernel run of ``nb`` spends the kernel's CPU seconds, by :data:`PARTS`.

    A copy of the notebook gets :data:`HOOK_CELL` first and a cell reading the kernel's CPU
    time after each code cell. "library imports" and "figure rendering" are timed where they
    happen (see :data:`HOOK_CELL`); "explorers" is the rest of the cells that build an
    interactive explorer, "other work" the rest of every other cell (computing, printing,
    building figures, importing helpers).
    """
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    copy = nbformat.v4.new_notebook()
    copy.cells += [nbformat.v4.new_code_cell(HOOK_CELL), nbformat.v4.new_code_cell(READ_CELL)]
    for cell in code:
        copy.cells += [nbformat.from_dict(cell), nbformat.v4.new_code_cell(READ_CELL)]
    run_seconds(copy, folder)
    marks = [_mark(copy.cells[i]) for i in range(1, len(copy.cells), 2)]
    parts = dict.fromkeys(PARTS, 0.0)
    parts["kernel start"] = marks[0][0]
    parts["figure rendering"] = marks[-1][1] - marks[0][1]
    parts["library imports"] = marks[-1][2] - marks[0][2]
    for i, cell in enumerate(code):
        (cpu0, render0, import0), (cpu1, render1, import1) = marks[i], marks[i + 1]
        spent = (cpu1 - cpu0) - (render1 - render0) - (import1 - import0)
        parts["explorers" if "_explorer(" in cell.source else "other work"] += spent
    return parts
