"""The project's promises outside the code: README's commands, pins, and the series' table."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def requirement_lines(name: str) -> list[str]:
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one():
    assert "python3 tasks.py lab" in README
    assert "python3 tasks.py test" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^python3 tasks\.py test\s*$", ci, re.M), ".ci/run must call README's command"


def test_every_requirement_is_pinned_exactly():
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in requirement_lines(name):
            if line.startswith(("-e", "-r")):
                continue
            # name==version, then an optional environment marker (the lock is universal)
            pin = r"[A-Za-z0-9_.\-\[\]]+==[0-9][0-9A-Za-z.+\-]*"
            assert re.fullmatch(rf"{pin}( ; [A-Za-z_ ='!<>.0-9()]+)?", line), (name, line)


def test_the_course_needs_no_deep_learning_framework():
    for name in ("requirements.txt", "requirements-dev.txt"):
        names = {line.split("==")[0].lower() for line in requirement_lines(name)}
        assert not names & {"torch", "tensorflow", "keras", "jax", "jaxlib"}, name


def test_helpers_is_installed_by_the_requirements():
    assert "-e ." in requirement_lines("requirements.txt")


def test_readme_lists_every_notebook_with_a_binder_link_in_order():
    positions = []
    for name in NOTEBOOKS:
        assert f"(notebooks/{name})" in README, f"README does not link {name}"
        assert f"urlpath=lab/tree/notebooks/{name})" in README, f"no Binder link for {name}"
        positions.append(README.index(f"(notebooks/{name})"))
    assert positions == sorted(positions)
    linked = set(re.findall(r"notebooks/(\d\d_\w+\.ipynb)", README))
    assert linked <= set(NOTEBOOKS), (
        f"README links notebooks that do not exist: {linked - set(NOTEBOOKS)}"
    )
