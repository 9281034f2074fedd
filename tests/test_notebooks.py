"""The committed notebooks: run top to bottom on a fresh kernel, clean outputs, a complete lesson.

Strict nbval (``pytest --nbval``, configured in pyproject.toml) re-runs every notebook and
compares its outputs; these tests check what nbval does not: that what is committed is the state
of a fresh "Restart & Run All", and that every notebook has the shape of a lesson.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
BOOKS = sorted(NOTEBOOKS.glob("*.ipynb"))
LESSONS = [b for b in BOOKS if not b.name.startswith("00_")]
ADDRESS = re.compile(r"\bat 0x[0-9a-fA-F]{4,}")
MACHINE_PATH = re.compile(r"(/home/|/root/|/tmp/|/work/|/Users/|[A-Z]:\\\\|site-packages)")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def source(cell: dict) -> str:
    return "".join(cell.get("source", ""))


def text_of(output: dict) -> str:
    if output.get("output_type") == "stream":
        return "".join(output.get("text", ""))
    if output.get("output_type") == "error":
        return "\n".join(output.get("traceback", []))
    data = output.get("data", {})
    return "".join(data.get("text/plain", "")) + "".join(data.get("text/html", ""))


def test_the_series_is_there():
    names = [b.name for b in BOOKS]
    assert names[0] == "00_start_here.ipynb"
    assert all(re.fullmatch(r"\d\d_[a-z0-9_]+\.ipynb", n) for n in names), names
    assert len({n[:2] for n in names}) == len(names), "two notebooks share an order prefix"


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.name)
def test_committed_as_a_fresh_restart_and_run_all(path):
    nb = load(path)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    code = [c for c in nb["cells"] if c["cell_type"] == "code" and source(c).strip()]
    assert code, "a notebook with no code"
    counts = [c["execution_count"] for c in code]
    assert counts == list(range(1, len(code) + 1)), f"execution counts {counts}"
    for index, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            where = f"cell {index}"
            assert output["output_type"] != "error", f"{where}: error output committed"
            if output["output_type"] == "stream":
                assert output["name"] == "stdout", f"{where}: stderr committed: {text_of(output)}"
            text = text_of(output)
            assert not ADDRESS.search(text), f"{where}: memory address in output: {text[:200]}"
            assert not MACHINE_PATH.search(text), f"{where}: machine path in output: {text[:200]}"


@pytest.mark.parametrize("path", BOOKS, ids=lambda p: p.name)
def test_outputs_are_not_hidden_from_nbval(path):
    """Only widget cells may have their output ignored; nothing is skipped."""
    for index, cell in enumerate(load(path)["cells"]):
        tags = cell.get("metadata", {}).get("tags", [])
        text = source(cell)
        assert "nbval-skip" not in tags and "# NBVAL_SKIP" not in text, f"cell {index} skipped"
        if "nbval-ignore-output" in tags or "# NBVAL_IGNORE_OUTPUT" in text:
            assert "widgets" in text, f"cell {index}: output ignored but it is no widget"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_lesson_has_the_shape_of_a_lesson(path):
    cells = load(path)["cells"]
    markdown = [source(c) for c in cells if c["cell_type"] == "markdown"]
    code = "\n".join(source(c) for c in cells if c["cell_type"] == "code")
    assert markdown[0].startswith("# "), "first cell is not a title"
    everything = "\n".join(markdown)
    assert "What you will learn" in everything
    assert re.search(r"^#+ .*Summary", everything, re.M), "no summary"
    assert re.search(r"^#+ .*Exercises", everything, re.M), "no exercises"
    assert "$" in everything, "no formula in LaTeX"
    assert "import helpers" in code
    assert "sys.path" not in code, "notebooks import the installed helpers, no path tricks"
    assert "def " not in code, "helper code belongs in helpers/, not in a notebook"
    checks = re.findall(r"helpers\.exercises\.(check_\w+)\(", code)
    assert len(checks) >= 2, "fewer than two checked exercises"
    hidden = [c for c in cells if c.get("metadata", {}).get("jupyter", {}).get("source_hidden")]
    assert hidden, "no collapsed worked solutions"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_each_lesson_links_to_the_next(path):
    cells = load(path)["cells"]
    last = "\n".join(source(c) for c in cells[-3:] if c["cell_type"] == "markdown")
    later = [b for b in BOOKS if b.name > path.name]
    if later:
        assert f"]({later[0].name})" in last, f"no link to {later[0].name} at the end"


def test_start_here_links_every_notebook_in_order():
    text = "\n".join(source(c) for c in load(BOOKS[0])["cells"] if c["cell_type"] == "markdown")
    positions = []
    for book in BOOKS[1:]:
        link = f"]({book.name})"
        assert link in text, f"00_start_here does not link {book.name}"
        positions.append(text.index(link))
    assert positions == sorted(positions), "00_start_here lists the notebooks out of order"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_result_in_the_prose_is_printed_by_the_code(path):
    """A number the text quotes to three or more decimals (3.288, 0.247…) is a computed result:
    some code cell of the same notebook must print it, so strict nbval keeps the text honest."""
    cells = load(path)["cells"]
    prose = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    printed = "\n".join(text_of(o) for c in cells for o in c.get("outputs", []))
    quoted = set(re.findall(r"(?<![\w.])\d+\.\d{3,}(?![\w.])", prose))
    missing = sorted(n for n in quoted if n not in printed)
    assert not missing, f"quoted in the text but printed by no cell: {missing}"
