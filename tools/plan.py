"""Estimated time per notebook, computed from the notebooks themselves (for planning a class).

    python tools/plan.py          prints the Markdown table README.md and TEACHING.md carry
    python tools/plan.py --write  rewrites it in both, and in notebooks/00_start_here.ipynb's
                                  markdown cell, between the plan markers (after editing a
                                  notebook); tests/test_quiz.py fails until they agree

For each notebook: the words of its prose (markdown cells) at READING_SPEED words per minute,
plus MINUTES_PER_CELL for each other code cell (run it, read its output or figure), plus
MINUTES_PER_EXERCISE for each checked exercise (solve it, check it, read the worked solution).
Totals are rounded up to 5 minutes. tests/test_quiz.py checks the tables match this computation.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import student_edition as se  # noqa: E402

#: Words per minute for technical prose with formulas (slower than the ~240 of light reading).
READING_SPEED = 120
#: Minutes for each code cell that is not an exercise: run it, read its output or figure.
MINUTES_PER_CELL = 1
#: Minutes for each checked exercise: solve, check, read the worked solution.
MINUTES_PER_EXERCISE = 6


def words(text: str) -> int:
    """Words of prose: LaTeX, code spans, links' targets and markup left out."""
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " x ", text, flags=re.S)  # a formula reads as a word
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*", text))


def estimate(path: Path) -> dict:
    """Reading, exercise and total minutes for one notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    labels = {ex["label"] for ex in se.exercises(nb)}
    prose = sum(
        words(without_block(se.source(c)))
        for i, c in enumerate(cells)
        if c["cell_type"] == "markdown" and i not in labels
    )
    n_exercises = sum(se.is_exercise(c) for c in cells)
    n_cells = sum(
        c["cell_type"] == "code" and not se.is_exercise(c) and not se.is_solution(c) for c in cells
    )
    reading = prose / READING_SPEED + n_cells * MINUTES_PER_CELL
    exercises = n_exercises * MINUTES_PER_EXERCISE
    return {
        "notebook": path.stem,
        "title": se.source(cells[0]).splitlines()[0].lstrip("# ").strip(),
        "words": prose,
        "cells": n_cells,
        "exercises": n_exercises,
        "reading": 5 * math.ceil(reading / 5),
        "exercise_minutes": 5 * math.ceil(exercises / 5) if exercises else 0,
        "total": 5 * math.ceil(reading / 5) + 5 * math.ceil(exercises / 5),
    }


def estimates() -> list[dict]:
    return [estimate(p) for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))]


def table(prefix: str = "notebooks/") -> str:
    """The Markdown table of estimated times (minutes), with a total row; links to
    `prefix` + the notebook (README, TEACHING.md: "notebooks/"; 00_start_here: "")."""
    rows = [
        "| Notebook | Prose (words) | Code cells | Exercises | Reading and running (min) "
        "| Exercises (min) | Total (min) |",
        "|---|--:|--:|--:|--:|--:|--:|",
    ]
    found = estimates()
    for e in found:
        link = f"[{e['notebook'][:2]}]({prefix}{e['notebook']}.ipynb)"
        rows.append(
            f"| {link} | {e['words']} | {e['cells']} | {e['exercises']} | {e['reading']} "
            f"| {e['exercise_minutes']} | {e['total']} |"
        )
    total = sum(e["total"] for e in found)
    rows.append(f"| **All** | | | | | | **{total}** (≈ {total / 60:.1f} h) |")
    return "\n".join(rows)


ASSUMPTIONS = (
    f"Computed by `tools/plan.py` from the notebooks: prose at {READING_SPEED} words per minute, "
    f"{MINUTES_PER_CELL} minute per code cell (run it, read its output), "
    f"{MINUTES_PER_EXERCISE} minutes per exercise; each time rounded up to a multiple of 5 minutes."
)


START, END = "<!-- plan:start (tools/plan.py --write) -->", "<!-- plan:end -->"
DOCUMENTS = ("README.md", "TEACHING.md")
#: The notebook whose markdown cell carries the table too, with links relative to notebooks/.
START_HERE = "notebooks/00_start_here.ipynb"
BLOCK = re.compile(re.escape(START) + ".*?" + re.escape(END), flags=re.S)


def without_block(text: str) -> str:
    """Markdown without the generated table (a table of numbers is not prose to read, and
    counting it would make 00_start_here's estimate depend on itself)."""
    return BLOCK.sub(" ", text)


def block(prefix: str = "notebooks/") -> str:
    """What README.md and TEACHING.md (prefix "notebooks/") and 00_start_here (prefix "")
    hold between the markers."""
    return f"{START}\n{ASSUMPTIONS}\n\n{table(prefix)}\n{END}"


def written(path: Path) -> str | None:
    """The block a document holds now (None without markers); for a notebook, the block in
    its first markdown cell that has one."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".ipynb":
        sources = (se.source(c) for c in json.loads(text)["cells"] if c["cell_type"] == "markdown")
        text = next((s for s in sources if BLOCK.search(s)), "")
    found = BLOCK.search(text)
    return found.group(0) if found else None


def write_notebook(path: Path) -> None:
    """Rewrite the block in the notebook's markdown cell, outputs untouched, written by
    nbformat as tools/run_notebooks.py writes it."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    for c in nb.cells:
        if c.cell_type == "markdown" and BLOCK.search(c.source):
            c.source = BLOCK.sub(lambda _: block(prefix=""), c.source)
            break
    else:
        raise SystemExit(f"{path.name} has no {START} … {END} markers in a markdown cell")
    nbformat.write(nb, path)


def write() -> None:
    for name in DOCUMENTS:
        path = ROOT / name
        text, old = path.read_text(encoding="utf-8"), written(path)
        if old is None:
            raise SystemExit(f"{name} has no {START} … {END} markers")
        path.write_text(text.replace(old, block()), encoding="utf-8")
        print(f"Updated the time table in {name}")
    write_notebook(ROOT / START_HERE)
    print(f"Updated the time table in {START_HERE}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        write()
    else:
        print(ASSUMPTIONS)
        print()
        print(table())
