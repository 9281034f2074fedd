#!/usr/bin/env python3
"""Set up the course and run it, with nothing installed but Python (3.11.5 to 3.14).

    python3 tasks.py lab        set up .venv and open the series in JupyterLab (127.0.0.1 only)
    python3 tasks.py test       set up .venv and run every test: lint, unit, property, doctests,
                                strict nbval over notebooks/, Binder and browser checks
    python3 tasks.py setup      only create / update .venv
    python3 tasks.py notebooks  re-execute notebooks in place on a fresh kernel (after editing one)
    python3 tasks.py bench      print the benchmark ratios
    python3 tasks.py site       build the course as a static HTML book (offline) in book/_build/html
    python3 tasks.py doctor     check the set-up (Python, .venv, pins, kernel, extensions): OK/FAIL
    python3 tasks.py student    write the student edition (no solutions), the answer key and an
                                nbgrader source into student/ (git-ignored)
    python3 tasks.py quiz       export the quiz bank to Moodle GIFT and Markdown in quiz/
    python3 tasks.py lock       regenerate the pins (requirements*.txt) from pyproject.toml with uv
                                (`lock --upgrade` or `lock --upgrade-package NAME` to move them)

Extra arguments go to the tool underneath (`jupyter lab`, `pytest`, ...). Standard library only.
Python 3.11.5 to 3.14 (on Windows: `py -3.12 tasks.py lab`).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".course-installed"
UV = BIN / ("uv.exe" if os.name == "nt" else "uv")
# The supported Pythons: the lowest patch release every pin installs on (soupsieve needs 3.11.5)
# up to the newest every pin has wheels for (tests/test_lock.py proves both, on every platform).
OLDEST, NEWEST = (3, 11, 5), (3, 14)
WITH_PIP = "COURSE_SETUP_WITH_PIP"  # set to 1 to install with pip instead of uv


def run(*cmd: str | Path, **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT, **kwargs)


def python_problem(version: tuple[int, ...] | None = None) -> str | None:
    """Why this Python (or `version`) cannot run the course, with what to install; or None."""
    version = tuple(sys.version_info[:3]) if version is None else version
    if OLDEST <= version[:3] and version[:2] <= NEWEST:
        return None
    shown = ".".join(map(str, version[:3]))
    return (
        f"Python {shown} is not supported: the course needs Python 3.11.5 to 3.14. "
        "Install Python 3.12 from https://www.python.org/downloads/ (or your package manager), "
        "then run this with it: `python3.12 tasks.py lab` (Windows: `py -3.12 tasks.py lab`)."
    )


def pinned(name: str, requirements: str = "requirements-dev.txt") -> str | None:
    """The version the lock pins for `name` (None when it is not pinned there)."""
    text = (ROOT / requirements).read_text(encoding="utf-8")
    found = re.search(rf"^{re.escape(name)}==([^\s;#]+)", text, re.M | re.I)
    return found.group(1) if found else None


def installer() -> list[str | Path]:
    """The command that installs requirements into .venv: uv (itself installed into .venv by
    pip, at the version the dev lock pins: ~5 s for everything), else pip (~30 s)."""
    pip = [PYTHON, "-m", "pip", "install", "--disable-pip-version-check"]
    if os.environ.get(WITH_PIP):
        print(f"{WITH_PIP} is set: installing with pip (slower than uv).", flush=True)
        return pip
    try:
        install_uv()
    except subprocess.CalledProcessError:
        print("uv could not be installed: installing with pip instead (slower).", flush=True)
        return pip
    return [UV, "pip", "install", "--python", PYTHON, "--compile-bytecode"]


def install_uv() -> None:
    """Install uv into .venv with pip, at the version the dev lock pins, unless it is there."""
    if not UV.exists():
        version = pinned("uv")
        run(
            PYTHON,
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--quiet",
            f"uv=={version}" if version else "uv",
        )


def setup(requirements: str = "requirements-dev.txt") -> None:
    """Create .venv and install the pinned requirements, unless they are already installed.

    A stamp in .venv records what was installed and a hash of every requirements file, so a
    second run installs nothing; the dev requirements include the others.
    """
    if problem := python_problem():
        sys.exit(problem)
    if not PYTHON.exists():
        print(f"Creating a virtual environment in {VENV.name}/ ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    compile_helpers()
    files = ["pyproject.toml", "requirements.txt", "requirements-dev.txt"]
    digest = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in files)).hexdigest()
    installed = STAMP.read_text().split() if STAMP.exists() else []
    if installed[-1:] == [digest] and requirements in installed:
        return
    # `-e .` (helpers, editable) is resolved against the working directory: the repository root.
    run(*installer(), "-r", requirements)
    # Build matplotlib's font cache now: the first import otherwise prints a notice to stderr,
    # which strict nbval would see as an unexpected output in the first notebook.
    run(PYTHON, "-c", "import matplotlib.pyplot")
    levels = ["requirements.txt"] + (["requirements-dev.txt"] if "dev" in requirements else [])
    if installed[-1:] == [digest]:
        levels = sorted(set(levels) | set(installed[:-1]))
    STAMP.write_text(" ".join([*levels, digest]) + "\n")


def compile_helpers() -> None:
    """Compile helpers' bytecode, only the modules that changed (~0.1 s when none did).

    uv's --compile-bytecode covers site-packages, not the editable helpers; a kernel that may
    not write bytecode (PYTHONDONTWRITEBYTECODE is set in many containers, or a read-only
    checkout) would otherwise compile helpers again in every notebook it runs.
    """
    run(PYTHON, "-m", "compileall", "-q", "helpers")


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


def student(args: list[str]) -> None:
    setup("requirements.txt")
    run(PYTHON, ROOT / "tools" / "student_edition.py", *args)


def quiz(args: list[str]) -> None:
    setup("requirements.txt")
    run(PYTHON, ROOT / "tools" / "quiz.py", *args)


def site(args: list[str]) -> None:
    setup("requirements-dev.txt")
    run(PYTHON, ROOT / "tools" / "build_site.py", *args)


LOCK_HEADER = """\
# {title}
# Generated from pyproject.toml ({extras}) by `python3 tasks.py lock`, which runs
#   uv pip compile pyproject.toml --universal --python-version 3.11.5 {flags}
# One lock for Linux, macOS and Windows (platform markers), Python 3.11.5 to 3.14.
# Do not edit by hand: change the ranges in pyproject.toml, then `python3 tasks.py lock`
# (pins stay where they are unless a range excludes them; `lock --upgrade` moves them all).
# Install from the repository root:  python -m pip install -r {name}
"""
EDITABLE = """
# The course's own `helpers` package, editable so `import helpers` works in any kernel
# of this environment (resolved against pip's working directory: run pip from the repo root).
-e .
"""
LOCKS = {
    # name: (extra, title); the dev lock first: the notebooks lock is constrained to its pins.
    "requirements-dev.txt": ("dev", "Everything for tests and maintenance, pinned exactly."),
    "requirements.txt": ("notebooks", "Everything the notebooks need, pinned exactly."),
}


def compile_locks(folder: Path, uv: str | Path, args: list[str] = ()) -> None:
    """Write both locks into `folder` (which may hold the current ones: uv keeps their pins).

    `folder` holds pyproject.toml and helpers/__init__.py (the version) or is the repository."""
    with tempfile.TemporaryDirectory() as scratch:
        constraints: list[str] = []
        for name, (extra, title) in LOCKS.items():
            flags = f"--extra {extra}" + (" -c requirements-dev.txt" if constraints else "")
            out = Path(scratch) / name
            if (folder / name).exists():  # the current pins, as uv's preferences
                shutil.copy(folder / name, out)
            cmd = [uv, "pip", "compile", "pyproject.toml", "--universal", "--python-version"]
            cmd += ["3.11.5", "--extra", extra, "--no-header", "--annotation-style", "line"]
            cmd += [*constraints, "--quiet", "-o", out, *args]
            subprocess.run([str(c) for c in cmd], check=True, cwd=folder)
            # uv names the scratch constraints file among each pin's sources: not a source.
            body = re.sub(r"(?<=# via )-c [^\s,]+, |, -c [^\s,]+", "", out.read_text("utf-8"))
            header = LOCK_HEADER.format(title=title, extras=extra, flags=flags, name=name)
            (folder / name).write_text(header + body + EDITABLE, encoding="utf-8")
            pins = Path(scratch) / "constraints.txt"  # uv refuses `-e .` in a constraints file
            pins.write_text(body, encoding="utf-8")
            constraints = ["-c", pins]


def lock(args: list[str]) -> None:
    """Regenerate requirements-dev.txt and requirements.txt from pyproject.toml."""
    if problem := python_problem():
        sys.exit(problem)
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    install_uv()
    compile_locks(ROOT, UV, args)
    print("Wrote requirements-dev.txt and requirements.txt; `git diff` shows what moved.")


def doctor(args: list[str]) -> None:
    """Print OK/FAIL, with the fix, for everything the course needs; exit 1 on any FAIL.

    Python and .venv are checked here; the pins, a kernel and JupyterLab's extension by
    tools/doctor.py inside .venv (`doctor --requirements FILE` checks another lock)."""
    problem = python_problem()
    print(
        f"{'OK  ' if problem is None else 'FAIL'} Python {sys.version.split()[0]} runs tasks.py"
        + ("" if problem is None else f" -- fix: {problem}"),
        flush=True,
    )
    probe = "import sys; print(sys.prefix != sys.base_prefix, *sys.version_info[:3])"
    done = (
        subprocess.run([str(PYTHON), "-c", probe], capture_output=True, text=True)
        if PYTHON.exists()
        else None
    )
    found = done.stdout.split() if done and done.returncode == 0 else []
    version = tuple(map(int, found[1:4]))
    if found[:1] != ["True"] or python_problem(version):
        shown = f" has Python {'.'.join(found[1:4])}" if found else " is missing or broken"
        print(
            f"FAIL virtual environment {VENV.name}/{shown} -- fix: delete {VENV.name}/ if it "
            "is there, then `python3 tasks.py setup` with Python 3.11.5 to 3.14",
            flush=True,
        )
        sys.exit(1)
    print(f"OK   virtual environment {VENV.name}/ (Python {'.'.join(found[1:4])})", flush=True)
    checks = subprocess.run([str(PYTHON), ROOT / "tools" / "doctor.py", *args], cwd=ROOT)
    if checks.returncode or problem:
        sys.exit(1)


COMMANDS = {
    "setup": lambda args: setup(),
    "lab": lab,
    "test": test,
    "notebooks": notebooks,
    "bench": bench,
    "site": site,
    "student": student,
    "quiz": quiz,
    "lock": lock,
    "doctor": doctor,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    try:
        COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        sys.exit(error.returncode)
