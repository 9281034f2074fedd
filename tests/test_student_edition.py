"""The student edition (`python3 tasks.py student`): no solution code, still runs, a full key,
and nbgrader's cell metadata (its generate_assignment makes the same student version)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import student_edition as se  # noqa: E402

SOURCES = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("edition") / "student"
    se.build(out)
    return out


def code_lines(text: str) -> list[str]:
    """A solution's lines that are code (not blank, not a bare check call shared with the
    exercise cell)."""
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith("helpers.exercises.check_")
    ]


def test_every_notebook_with_exercises_has_solutions_found() -> None:
    for path in SOURCES[1:]:
        found = se.exercises(load(path))
        assert len(found) >= 2, path.name
        assert all(ex["exercise"] is not None for ex in found), path.name
        assert all(ex["label"] is not None for ex in found), path.name


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem[:2])
def test_student_copy_has_no_solution_code(edition: Path, path: Path) -> None:
    nb = load(path)
    student = load(edition / "notebooks" / path.name)
    text = "\n".join(se.source(c) for c in student["cells"])
    solutions = [nb["cells"][ex["solution"]] for ex in se.exercises(nb)]
    for cell in solutions:
        for line in code_lines(se.source(cell)):
            assert line not in text, (path.name, line)
    assert not any(se.is_solution(c) for c in student["cells"])
    assert "**Solution**" not in text and "worked solutions" not in text
    # everything else identical, in order
    kept = [
        c
        for i, c in enumerate(nb["cells"])
        if i not in {ex[k] for ex in se.exercises(nb) for k in ("solution", "label")}
    ]
    assert len(kept) == len(student["cells"])
    for a, b in zip(kept, student["cells"], strict=True):
        assert se.without_solution_mentions(se.source(a)) == se.source(b)
        assert a.get("outputs") == b.get("outputs")
        meta = {k: v for k, v in b["metadata"].items() if k != "nbgrader"}
        assert meta == a["metadata"]


def test_exercise_cells_carry_nbgraders_schema(edition: Path) -> None:
    """nbgrader's documented cell metadata (schema 3) for an autograded-answer cell."""
    ids = set()
    for path in SOURCES[1:]:
        student = load(edition / "notebooks" / path.name)
        marked = [c for c in student["cells"] if "nbgrader" in c["metadata"]]
        assert len(marked) == len(se.exercises(load(path)))
        for cell in marked:
            meta = cell["metadata"]["nbgrader"]
            assert cell["cell_type"] == "code" and se.is_exercise(cell)
            assert set(meta) == {
                "grade",
                "grade_id",
                "locked",
                "schema_version",
                "solution",
                "task",
            }
            assert meta["solution"] is True and meta["grade"] is False
            assert meta["locked"] is False and meta["task"] is False
            assert meta["schema_version"] == 3
            assert meta["grade_id"] not in ids and meta["grade_id"].replace("_", "").isalnum()
            ids.add(meta["grade_id"])


@pytest.mark.parametrize("path", SOURCES[1:], ids=lambda p: p.stem[:2])
def test_answer_key_has_every_solution(edition: Path, path: Path) -> None:
    nb = load(path)
    key = (edition / "answer_key" / f"{path.stem}.md").read_text(encoding="utf-8")
    for ex in se.exercises(nb):
        assert se.source(nb["cells"][ex["solution"]]).rstrip() in key
        printed = se.output_text(nb["cells"][ex["solution"]])
        assert printed in key  # the worked answer's printed value (once executed)
    assert key.count("```python") == len(se.exercises(nb))


# Four by default (~35 s: the first, one with a data file, two of the newest); every notebook
# (~110 s) with COURSE_STUDENT_ALL=1.
EXECUTED = [
    p.stem
    for p in SOURCES
    if os.environ.get("COURSE_STUDENT_ALL") or p.stem[:2] in {"01", "06", "09", "12"}
]


@pytest.mark.parametrize("name", EXECUTED, ids=lambda n: n[:2])
def test_student_copy_runs_and_checks_say_not_answered(edition: Path, name: str) -> None:
    """Executed top to bottom on a fresh kernel (12 reads ../data/, copied alongside)."""
    import nbclient
    import nbformat

    path = edition / "notebooks" / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    answers = [c for c in nb.cells if "nbgrader" in c.metadata]
    assert answers or name.startswith("00")
    for cell in answers:
        shown = "".join(
            o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in cell.outputs
        )
        assert "Not answered yet" in shown
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors


def test_tasks_student_writes_the_folder_that_git_ignores() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "student/" in ignored
    tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
    assert '"student"' in tasks and "student_edition.py" in tasks


NBGRADER = shutil.which("nbgrader") or os.environ.get("COURSE_NBGRADER")


@pytest.mark.skipif(not NBGRADER, reason="nbgrader is not installed (it is not among the pins)")
def test_nbgrader_generate_assignment_makes_the_student_version(edition: Path) -> None:
    folder = edition / "nbgrader"
    env = dict(os.environ, PATH=f"{Path(NBGRADER).parent}{os.pathsep}{os.environ['PATH']}")
    subprocess.run(
        [NBGRADER, "generate_assignment", se.ASSIGNMENT, "--force"],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )
    for path in SOURCES[1:]:
        made = load(folder / "release" / se.ASSIGNMENT / path.name)
        student = load(edition / "notebooks" / path.name)
        assert len(made["cells"]) == len(student["cells"])
        for a, b in zip(made["cells"], student["cells"], strict=True):
            lines = [line for line in se.source(a).splitlines() if line.strip()]
            assert lines == [line for line in se.source(b).splitlines() if line.strip()]
            assert "BEGIN SOLUTION" not in se.source(a)
            if "nbgrader" in b["metadata"]:
                for key in ("grade", "grade_id", "locked", "solution", "schema_version"):
                    assert a["metadata"]["nbgrader"][key] == b["metadata"]["nbgrader"][key]
