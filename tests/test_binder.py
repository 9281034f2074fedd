"""Binder: what repo2docker would build from binder/, proved without Docker.

1. ``repo2docker --no-build`` prints the Dockerfile Binder would build (no daemon, no git needed
   for a local folder; exit 0, Dockerfile on stdout): it must install binder/requirements.txt
   from the repository root after the repository is copied in, on Python 3.11, then run postBuild.
2. binder/ alone builds a working environment: a fresh Python 3.11 venv, ``pip install -r
   binder/requirements.txt`` from a clean copy of the repository, ``binder/postBuild``, then
   strict nbval over every notebook in it (slow: a minute or two, most of it pip).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BINDER = ROOT / "binder"
BIN = Path(sys.executable).parent


def lines(path: Path) -> list[str]:
    """A requirements-style file's lines, without comments and blanks."""
    text = path.read_text(encoding="utf-8")
    return [ln.split("#", 1)[0].strip() for ln in text.splitlines() if ln.split("#", 1)[0].strip()]


def runtime_version() -> str:
    (line,) = lines(BINDER / "runtime.txt")
    assert re.fullmatch(r"python-3\.\d+", line), line
    return line.removeprefix("python-")


def test_binder_reads_the_one_pinned_requirements_file():
    """No second list of pins to drift: binder/requirements.txt only includes the root one."""
    assert lines(BINDER / "requirements.txt") == ["-r ../requirements.txt"]
    root = lines(ROOT / "requirements.txt")
    assert root[-1] == "-e .", "the course's helpers are installed by the root requirements"
    pins = root[:-1]
    # name==version, then an optional platform marker (one universal lock: Linux, macOS, Windows)
    pin = r"[A-Za-z0-9_.\-]+==[\w.]+( ; [A-Za-z_ ='!<>.0-9()]+)?"
    assert pins and all(re.fullmatch(pin, p) for p in pins), pins
    assert runtime_version() == "3.11"
    assert os.access(BINDER / "postBuild", os.X_OK), "repo2docker runs ./binder/postBuild"
    assert (BINDER / "postBuild").read_text().startswith("#!/usr/bin/env bash\n")


def repo2docker_plan() -> tuple[str, str]:
    """The Dockerfile repo2docker would build for this folder, as Binder does it (uid 1000),
    and its log."""
    repo2docker = BIN / "repo2docker"
    if not repo2docker.exists():
        pytest.skip("jupyter-repo2docker is not installed (it is in requirements-dev.txt)")
    cmd = [repo2docker, "--no-build", "--user-id", "1000", "--user-name", "jovyan", ROOT]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT.parent)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


def test_repo2docker_installs_from_binder_after_copying_the_repository():
    plan, log = repo2docker_plan()
    steps = plan.splitlines()

    def where(line: str) -> int:
        assert line in steps, f"{line!r} is not in the Dockerfile:\n{plan}"
        return steps.index(line)

    # Python 3.11, from binder/runtime.txt (the default would be 3.10).
    assert "Building conda environment for python=3.11" in log, log
    # the base environment's lock file, its name escaped: environment.py-3.11-linux-64.lock
    locks = re.findall(r"environment-2epy-2d(\d+)-2e(\d+)-2dlinux-2d64-2elock", plan)
    assert locks == [("3", "11")], plan
    # binder/requirements.txt includes ../requirements.txt, a local reference, so repo2docker
    # installs it in the assemble stage: after the whole repository is copied in, from the
    # repository root (WORKDIR), where `-e .` then means the repository: helpers is installed.
    workdir = where("WORKDIR ${REPO_DIR}")
    copy = where("COPY --chown=1000:1000 src/ ${REPO_DIR}/")
    install = where(
        'RUN ${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "binder/requirements.txt"'
    )
    post_build = where("RUN ./binder/postBuild")
    assert workdir < copy < install < post_build
    assert steps[install - 1] == "USER ${NB_USER}"
    # With binder/ present, nothing else is read: no `pip install .` of pyproject.toml, no
    # root requirements.txt, no environment.yml.
    assert "pip install --no-cache-dir ." not in plan
    assert len(re.findall(r"pip install", plan)) == 1, plan


def fresh_python() -> str:
    """A Python of binder/runtime.txt's version to build the fresh environment with."""
    version = runtime_version()
    if f"{sys.version_info.major}.{sys.version_info.minor}" == version:
        return sys.executable
    found = shutil.which(f"python{version}")
    if found is None:
        pytest.skip(f"binder/runtime.txt asks for Python {version}; none is installed here")
    return found


def copy_repository(target: Path) -> None:
    """The files a clone would have (tracked, plus new files not ignored): no .venv, no
    *.egg-info or other build artefacts of the working tree to clash with a fresh install."""
    listed = None
    if (ROOT / ".git").exists() and shutil.which("git"):
        git = ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
        done = subprocess.run(git, cwd=ROOT, capture_output=True, timeout=60)
        if done.returncode == 0:
            listed = [Path(p) for p in done.stdout.decode().split("\0") if p]
    if listed is None:  # not a git checkout: copy all but what .gitignore would ignore
        skip = {".git", ".venv", "screenshots", "build", "__pycache__", ".ruff_cache"}
        listed = [
            p.relative_to(ROOT)
            for p in ROOT.rglob("*")
            if p.is_file()
            and not skip.intersection(p.relative_to(ROOT).parts)
            and not any(part.endswith(".egg-info") for part in p.parts)
        ]
    for relative in listed:
        source = ROOT / relative
        if source.is_file():  # a tracked file deleted in the working tree is skipped
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / relative)


def run(cmd: list, cwd: Path, env: dict, timeout: float) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, (
        f"{' '.join(str(c) for c in cmd)} failed ({done.returncode}):\n"
        f"{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    )
    return done


@pytest.mark.slow
def test_binder_files_alone_build_an_environment_that_runs_every_notebook(tmp_path):
    repo, venv = tmp_path / "repo", tmp_path / "venv"
    copy_repository(repo)
    assert (repo / "binder" / "requirements.txt").exists()
    subprocess.run([fresh_python(), "-m", "venv", venv], check=True, timeout=120)
    vbin = venv / "bin"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "VIRTUAL_ENV", "MPLBACKEND", "PYTHONHOME"}
        and not k.startswith(("PYTEST", "COV_"))
    }
    env.update(
        PATH=f"{vbin}{os.pathsep}{env.get('PATH', '')}",  # as on Binder: `python` is the env's
        VIRTUAL_ENV=str(venv),
        MPLCONFIGDIR=str(tmp_path / "matplotlib"),  # a cold font cache, as in a new image
        JUPYTER_RUNTIME_DIR=str(tmp_path / "jupyter-runtime"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    python = vbin / "python"

    # What repo2docker does (see the test above): from the repository root, then postBuild.
    run([python, "-m", "pip", "install", "-r", "binder/requirements.txt"], repo, env, 900)
    run([python, "-m", "pip", "check"], repo, env, 120)
    run(["./binder/postBuild"], repo, env, 300)

    # helpers is importable from anywhere, and it is the copy's (the editable `-e .`).
    where = run([python, "-c", "import helpers; print(helpers.__file__)"], tmp_path, env, 60)
    assert Path(where.stdout.strip()).is_relative_to(repo / "helpers")
    # postBuild built matplotlib's font cache: importing pyplot is silent now.
    assert list((tmp_path / "matplotlib").glob("fontlist-*.json")), "no font cache built"
    quiet = run([python, "-c", "import matplotlib.pyplot"], tmp_path, env, 120)
    assert quiet.stderr == ""
    # ... and set JupyterLab's news default to Never (no toast over the first notebook).
    overrides = run(
        [
            python,
            "-c",
            "import json; from jupyterlab.labapp import LabApp; "
            "from jupyterlab_server.settings_utils import _get_overrides; "
            "print(json.dumps(_get_overrides(LabApp().app_settings_dir)[0]))",
        ],
        tmp_path,
        env,
        60,
    )
    settings = json.loads(overrides.stdout)
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"

    # Strict nbval over every notebook, with only what binder/ installed (pytest and nbval are
    # course requirements); -o addopts= drops the repository's addopts (dev plugins).
    notebooks = sorted((repo / "notebooks").glob("*.ipynb"))
    assert notebooks
    nbval = [python, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-q"]
    nbval += ["--rootdir", repo, "--nbval", "--nbval-current-env", "--nbval-cell-timeout=300"]
    done = run([*nbval, "notebooks"], repo, env, 1200)
    assert re.search(r"\b\d+ passed\b", done.stdout) and " failed" not in done.stdout, done.stdout
