#!/usr/bin/env python3
"""Set up the course and run it, with nothing installed but Python 3.11+.

    python3 tasks.py lab        set up .venv and open the series in JupyterLab (127.0.0.1 only)
    python3 tasks.py test       set up .venv and run every test: lint, unit, property, doctests,
                                strict nbval over notebooks/, Binder and browser checks
    python3 tasks.py setup      only create / update .venv
    python3 tasks.py notebooks  re-execute notebooks in place on a fresh kernel (after editing one)
    python3 tasks.py bench      print the benchmark ratios

Extra arguments go to the tool underneath (`jupyter lab`, `pytest`, ...). Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".course-installed"


def run(*cmd: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


def setup(requirements: str = "requirements-dev.txt") -> None:
    """Create .venv and install the pinned requirements, unless they are already installed.

    A stamp in .venv records what was installed and a hash of every requirements file, so a
    second run installs nothing; the dev requirements include the others.
    """
    if sys.version_info < (3, 11):  # noqa: UP036 - run by whatever python3 a user has
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print(f"Creating a virtual environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    files = ["pyproject.toml", "requirements.txt", "requirements-dev.txt"]
    digest = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in files)).hexdigest()
    installed = STAMP.read_text().split() if STAMP.exists() else []
    if installed[-1:] == [digest] and requirements in installed:
        return
    # pip resolves `-e .` against its working directory, so it runs from the repository root.
    run(PYTHON, "-m", "pip", "install", "--disable-pip-version-check", "-r", requirements)
    # Build matplotlib's font cache now: the first import otherwise prints a notice to stderr,
    # which strict nbval would see as an unexpected output in the first notebook.
    run(PYTHON, "-c", "import matplotlib.pyplot")
    levels = ["requirements.txt"] + (["requirements-dev.txt"] if "dev" in requirements else [])
    if installed[-1:] == [digest]:
        levels = sorted(set(levels) | set(installed[:-1]))
    STAMP.write_text(" ".join([*levels, digest]) + "\n")


def lab(args: list[str]) -> None:
    setup("requirements.txt")
    extra = list(args)
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in extra:
        extra.append("--allow-root")  # JupyterLab refuses to run as root without it
    cmd = [str(BIN / "jupyter"), "lab", "--ip=127.0.0.1", f"--ServerApp.root_dir={ROOT}"]
    cmd += [*extra, "notebooks/00_start_here.ipynb"]
    print("+", " ".join(cmd), flush=True)
    os.chdir(ROOT)
    if os.name == "nt":
        raise SystemExit(subprocess.call(cmd))
    os.execv(cmd[0], cmd)  # JupyterLab takes over this process: Ctrl-C and signals reach it


def test(args: list[str]) -> None:
    setup("requirements-dev.txt")
    run(PYTHON, "-m", "ruff", "check", ".")
    run(
        PYTHON,
        "-m",
        "ruff",
        "format",
        "--check",
        "helpers",
        "tests",
        "benchmarks",
        "tools",
        "tasks.py",
    )
    run(PYTHON, "-m", "pytest", "-n", "2", "--dist", "loadscope", *args)


def notebooks(args: list[str]) -> None:
    setup("requirements-dev.txt")
    run(PYTHON, ROOT / "tools" / "run_notebooks.py", *args)


def bench(args: list[str]) -> None:
    setup("requirements-dev.txt")
    run(PYTHON, ROOT / "benchmarks" / "bench.py", *args)


COMMANDS = {
    "setup": lambda args: setup(),
    "lab": lab,
    "test": test,
    "notebooks": notebooks,
    "bench": bench,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
