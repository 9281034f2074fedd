"""Set-up time of a fresh clone: ``python3 tasks.py setup`` against a plain pip install.

The method README records for the uv set-up (side by side, one run, the same cache state):
two fresh local clones of the committed tree; in one, ``python3 tasks.py setup`` (create the
venv, install uv, install ``requirements-dev.txt`` with it, build matplotlib's font cache); in
the other, ``python3 -m venv .venv && .venv/bin/pip install -r requirements-dev.txt``. Both use
the machine's caches as they are (warm after any earlier set-up: pip's and uv's), run one after
the other, from the clone's root (``-e .`` is resolved against it). ``python3`` is the base
interpreter this environment was made from.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def base_python() -> str:
    """The interpreter .venv was created from (a supported python3)."""
    return getattr(sys, "_base_executable", None) or sys.executable


def _clean_env() -> dict[str, str]:
    drop = ("VIRTUAL_ENV", "PYTHONPATH", "COURSE_SETUP_WITH_PIP", "PIP_", "UV_", "PYTEST")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


def _timed(commands: list[list[str]], cwd: Path) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, cwd=cwd, env=_clean_env(), check=True, capture_output=True)
    return time.perf_counter() - start


def setup_seconds(python: str | None = None) -> dict[str, float]:
    """Seconds for ``tasks.py setup`` ("tasks") and for venv + pip ("pip") in fresh clones."""
    python = python or base_python()
    with tempfile.TemporaryDirectory(prefix="course-setup-") as tmp:
        clones = {}
        for name in ("tasks", "pip"):
            clones[name] = Path(tmp) / name
            subprocess.run(
                ["git", "clone", "--quiet", "--local", str(ROOT), str(clones[name])], check=True
            )
        tasks = _timed([[python, "tasks.py", "setup"]], clones["tasks"])
        venv_python = str(clones["pip"] / ".venv" / "bin" / "python")
        pip = _timed(
            [
                [python, "-m", "venv", ".venv"],
                [venv_python, "-m", "pip", "install", "-q", "-r", "requirements-dev.txt"],
            ],
            clones["pip"],
        )
    return {"tasks": tasks, "pip": pip}
