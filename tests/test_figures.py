"""The committed figures are what the code draws today: re-execute each notebook and compare pixels.

Strict nbval compares a notebook's text outputs but not its ``image/png`` data, so a change in
:mod:`helpers.plotting` could leave a stale figure committed while every other test passes. This
test runs each notebook that shows figures on a fresh kernel (working directory ``notebooks/``,
like nbval and ``tools/run_notebooks.py``) and compares every PNG output with the committed one,
cell by cell: the same number of images, the same pixel size, and an RMS difference of at most
:data:`RMS_TOLERANCE` (``matplotlib.testing.compare.compare_images``, 0–255 grey levels).

If it fails after a deliberate change to a figure, re-run the notebook
(``python tools/run_notebooks.py notebooks/NN_name.ipynb``) and commit it; the failure message
names the cell and keeps the two images under pytest's ``tmp_path`` for a look.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

#: Largest RMS difference (grey levels, 0–255, over every channel of every pixel) that counts as
#: the same figure. Measured here: the same code, matplotlib and FreeType redraw every committed
#: figure byte for byte (RMS 0.0). Real changes: the grid 0.1 more opaque (grid.alpha 0.3 → 0.4)
#: gives RMS 0.76–0.84; the bar labels one point higher, 8.2; one bar 0.01 taller with its label,
#: 8.2. So 0.5 catches even the faint grid change (a tolerance of 1 would not) and still leaves
#: room for sub-pixel antialiasing noise on another machine.
RMS_TOLERANCE = 0.5


def _images(cell: nbformat.NotebookNode) -> list[bytes]:
    return [
        base64.b64decode(output["data"]["image/png"])
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]


def _has_images(path: Path) -> bool:
    nb = nbformat.read(path, as_version=4)
    return any(_images(cell) for cell in nb.cells if cell.cell_type == "code")


FIGURE_NOTEBOOKS = [path for path in sorted(NOTEBOOKS.glob("*.ipynb")) if _has_images(path)]


def _execute(path: Path) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        record_timing=False,
        store_widget_state=False,
    ).execute()
    return nb


def _size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return image.size


def figure_differences(committed: list[bytes], fresh: list[bytes], where: str, folder: Path):
    """The ways ``fresh`` differs from ``committed`` (the images of one cell), as messages."""
    from matplotlib.testing.compare import compare_images

    if len(committed) != len(fresh):
        return [f"{where}: {len(committed)} committed image(s), {len(fresh)} drawn now"]
    problems = []
    for i, (old, new) in enumerate(zip(committed, fresh, strict=True)):
        if _size(old) != _size(new):
            problems.append(f"{where}, image {i}: committed {_size(old)} px, now {_size(new)} px")
            continue
        expected, actual = folder / f"{where}-{i}-committed.png", folder / f"{where}-{i}-now.png"
        expected.write_bytes(old)
        actual.write_bytes(new)
        result = compare_images(str(expected), str(actual), tol=RMS_TOLERANCE, in_decorator=True)
        if result is not None:
            problems.append(f"{where}, image {i}: RMS {result['rms']:.3f} > {RMS_TOLERANCE}")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("path", FIGURE_NOTEBOOKS, ids=lambda path: path.stem)
def test_committed_figures_are_what_the_code_draws(path, tmp_path):
    committed = nbformat.read(path, as_version=4)
    fresh = _execute(path)
    assert len(fresh.cells) == len(committed.cells)
    problems = []
    for index, (old, new) in enumerate(zip(committed.cells, fresh.cells, strict=True)):
        if old.cell_type == "code":
            problems += figure_differences(_images(old), _images(new), f"cell{index}", tmp_path)
    assert not problems, (
        f"{path.name}'s figures are stale — re-run it with tools/run_notebooks.py:\n"
        + "\n".join(problems)
    )


def test_the_check_sees_a_changed_figure(tmp_path):
    """A figure whose Q moves by 0.01 (two bars and their labels) is caught; the same figure
    drawn twice is not."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.plotting import plot_distributions

    def png(q):
        fig = plot_distributions([0.1, 0.4, 0.5], q, ["red", "green", "blue"])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        return buffer.getvalue()

    same = png([0.8, 0.15, 0.05])
    assert figure_differences([same], [png([0.8, 0.15, 0.05])], "same", tmp_path) == []
    changed = figure_differences([same], [png([0.8, 0.16, 0.04])], "changed", tmp_path)
    assert len(changed) == 1 and "RMS" in changed[0]
    fewer = figure_differences([same, same], [same], "fewer", tmp_path)
    assert fewer == ["fewer: 2 committed image(s), 1 drawn now"]


DRAW_COUNTER = """\
import matplotlib.figure, matplotlib.pyplot as plt
import helpers
draws = []
original = matplotlib.figure.Figure.draw
def counted(self, renderer):
    draws.append(self)
    return original(self, renderer)
matplotlib.figure.Figure.draw = counted
"""


@pytest.mark.slow
def test_under_the_inline_backend_a_course_figure_is_drawn_only_for_its_png():
    """A course figure is drawn twice after its cell (the two draws of the inline backend's PNG:
    layout, then pixels), not three times: IPython's post-execute redraw of a stale figure is
    skipped (``helpers.plotting._style``). A plain pyplot figure, for comparison, gets all three."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(DRAW_COUNTER),
        nbformat.v4.new_code_cell("fig = helpers.plotting.plot_binary_entropy()"),
        nbformat.v4.new_code_cell("print(sum(d is fig for d in draws))"),
        nbformat.v4.new_code_cell("plain, ax = plt.subplots()\nax.plot([1, 2, 3])"),
        nbformat.v4.new_code_cell("print(sum(d is plain for d in draws))"),
    ]
    NotebookClient(nb, timeout=120, kernel_name="python3").execute()
    assert nb.cells[1].outputs[0]["output_type"] == "display_data"  # the figure is still shown
    assert nb.cells[2].outputs[0]["text"].strip() == "2"
    assert nb.cells[4].outputs[0]["text"].strip() == "3"
