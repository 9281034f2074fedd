"""The project's promises outside the code: README's commands, pins, and the series' table."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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


# --- maintainer conventions: .pre-commit-config.yaml ------------------------------------------


def precommit_config() -> dict:
    from pre_commit.clientlib import load_config  # pre-commit's own schema check

    return load_config(str(ROOT / ".pre-commit-config.yaml"))


def test_precommit_config_is_valid_and_every_hook_is_local_with_the_locks_pins():
    config = precommit_config()
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert set(hooks) == {"ruff-check", "ruff-format", "check-json", "codespell"}
    assert all(repo["repo"] == "local" for repo in config["repos"]), "nothing fetched from GitHub"
    pins = set(requirement_lines("requirements-dev.txt"))
    for hook in hooks.values():
        assert hook["language"] == "python"
        for requirement in hook["additional_dependencies"]:
            assert requirement in pins, f"{hook['id']}: {requirement} is not the lock's pin"
    assert "jupyter" in hooks["ruff-check"]["types_or"], "ruff lints notebooks' code cells"
    assert "jupyter" in hooks["codespell"]["types_or"]


@pytest.mark.slow
def test_precommit_hooks_run_and_catch_what_they_are_for(tmp_path):
    """In a scratch git repository: each hook runs (pre-commit installs it from PyPI) and
    fails a file with its kind of mistake, and passes the course's own files."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    for name in (".pre-commit-config.yaml", "pyproject.toml", "README.md", "tasks.py"):
        shutil.copy(ROOT / name, tmp_path / name)
    (tmp_path / "notebooks").mkdir()
    shutil.copy(ROOT / "notebooks" / "00_start_here.ipynb", tmp_path / "notebooks")
    (tmp_path / "broken.json").write_text('{"a": 1,}\n')
    (tmp_path / "typo.md").write_text("The entropy of teh coin.\n")
    (tmp_path / "unused.py").write_text("import os\n")
    env = {**os.environ, "PRE_COMMIT_COLOR": "never", "SKIP": ""}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    precommit = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    done = subprocess.run(precommit, cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=900)  # fmt: skip
    assert done.returncode == 1, done.stdout + done.stderr
    out = done.stdout
    assert "broken.json: Failed to json decode" in out
    assert "typo.md:1: teh ==> the" in out
    assert "unused.py:1:8: F401" in out or "F401 [*] `os` imported but unused" in out, out
    for name in ("broken.json", "typo.md", "unused.py"):
        (tmp_path / name).unlink()
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    done = subprocess.run(precommit, cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=900)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    for name in ("ruff check", "ruff format", "check JSON", "codespell"):
        assert re.search(rf"^{re.escape(name)}.*Passed$", done.stdout, re.M), done.stdout


def test_the_version_is_declared_once_in_helpers_and_read_by_the_package_metadata():
    from importlib.metadata import version

    import helpers

    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in project
    assert 'version = { attr = "helpers.__version__" }' in project
    assert version("cross-entropy-course-helpers") == helpers.__version__


def test_one_notation_for_the_kl_divergence():
    """Notebook 03 says "also written D_KL(P‖Q); this course writes KL(P‖Q)": so do the notebooks'
    text and outputs, the quiz bank and helpers' docstrings — 03's sentence is the one D_KL."""
    other = re.compile(r"D_\{?\\?(?:KL|mathrm\{KL\}|text\{KL\})\}?|D_KL")
    found = []
    files = [*(ROOT / "notebooks").glob("*.ipynb"), ROOT / "data" / "quiz.toml"]
    files += [*(ROOT / "helpers").rglob("*.py")]
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if other.search(line) and "this course writes" not in line:
                found.append(f"{path.relative_to(ROOT)}: {line.strip()[:80]}")
    assert not found, "\n".join(found)
    intro = (ROOT / "notebooks" / "03_kl_divergence.ipynb").read_text(encoding="utf-8")
    assert "this course writes $\\\\mathrm{KL}(P \\\\| Q)$" in intro
