"""The checks `python3 tasks.py doctor` runs inside .venv: pins, a kernel, JupyterLab's extension.

    .venv/bin/python tools/doctor.py [--requirements FILE ...]

Prints one line per check, ``OK`` or ``FAIL ... -- fix: ...``, and exits 1 when any fails.
Without --requirements it checks requirements.txt, plus requirements-dev.txt when
`tasks.py setup` installed it. (tasks.py checks the Python version and the venv first.)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAMP = Path(sys.prefix) / ".course-installed"
WIDGETS = "@jupyter-widgets/jupyterlab-manager"  # the explorers' JupyterLab extension
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)\s*(?:;([^#]*))?", re.M)


class Report:
    def __init__(self) -> None:
        self.failed = False

    def __call__(self, good: bool, what: str, fix: str = "") -> None:
        self.failed |= not good
        print(
            f"{'OK  ' if good else 'FAIL'} {what}" + ("" if good else f" -- fix: {fix}"), flush=True
        )


def pip_install(requirement: str) -> str:
    """The command that installs `requirement` into this environment."""
    python = Path(sys.executable)
    shown = python.relative_to(ROOT) if python.is_relative_to(ROOT) else python
    return f'{shown} -m pip install "{requirement}"'


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(path: Path) -> dict[str, str]:
    """The lock's pins that apply to this interpreter and platform (markers evaluated)."""
    from packaging.markers import Marker  # a pinned requirement of the course

    found = {}
    for name, version, marker in PIN.findall(path.read_text(encoding="utf-8")):
        if not marker.strip() or Marker(marker.strip()).evaluate():
            found[canonical(name)] = version
    return found


def check_pins(report: Report, path: Path) -> dict[str, str]:
    wanted = pins(path)
    wrong = []
    for name, version in sorted(wanted.items()):
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            have = None
        if have != version:
            wrong.append(name)
            shown = "missing" if have is None else f"{have} installed"
            report(False, f"{name}=={version} ({shown})", pip_install(f"{name}=={version}"))
    if not wrong:
        report(True, f"{len(wanted)} packages at the versions {path.name} pins")
    return wanted


def check_kernel(report: Report, attempts: int = 2) -> None:
    """Start a real ipykernel (the `python3` kernel notebooks name) and import helpers in it.

    A second attempt follows a failed first one: two kernels started at the same moment can
    pick the same free port (jupyter_client chooses ports before the kernel binds them), and
    that race is not what this check is for. Only the last attempt's finding is reported.
    """
    for attempt in range(attempts, 0, -1):
        finding = _kernel_finding()
        if finding[0] or attempt == 1:
            report(*finding)
            return


def _kernel_finding() -> tuple[bool, str, str]:
    """(good, what, fix) for one attempt of :func:`check_kernel`."""
    fix = "python3 tasks.py setup (installs ipykernel and helpers, editable, into .venv)"
    try:
        from jupyter_client.manager import start_new_kernel

        manager, client = start_new_kernel(
            kernel_name="python3", startup_timeout=60, stderr=subprocess.DEVNULL
        )
    except Exception as error:  # any failure to start is the finding
        return False, f"a python3 kernel starts ({type(error).__name__}: {error})", fix
    out: list[str] = []

    def hook(message: dict) -> None:
        if message["msg_type"] == "stream":
            out.append(message["content"]["text"])
        elif message["msg_type"] == "error":
            out.append(f"{message['content']['ename']}: {message['content']['evalue']}\n")

    try:
        code = "import helpers\nprint(helpers.__file__)"
        client.execute_interactive(code, timeout=60, output_hook=hook)
    except Exception as error:
        out.append(f"{type(error).__name__}: {error}")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    where = "".join(out).strip()
    good = Path(where).is_file() and Path(where).resolve().is_relative_to(ROOT / "helpers")
    return good, f"`import helpers` in a python3 kernel ({where or 'no output'})", fix


def check_extension(report: Report, wanted: dict[str, str]) -> None:
    """The explorers need ipywidgets' JupyterLab extension (from jupyterlab_widgets), enabled."""
    listing = subprocess.run(
        [sys.executable, "-m", "jupyter", "labextension", "list"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    text = re.sub(r"\x1b\[[0-9;]*m", "", listing.stdout + listing.stderr)  # no colours
    lines = text.splitlines()
    line = next((ln.strip() for ln in lines if WIDGETS in ln), "")
    good = re.search(r"\benabled\s+OK\b", line) is not None
    version = wanted.get("jupyterlab-widgets")
    fix = pip_install(f"jupyterlab_widgets=={version}" if version else "jupyterlab_widgets")
    report(good, f"JupyterLab extension {line or WIDGETS + ' not found'}", fix)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requirements", action="append", type=Path, help="a lock to check")
    args = parser.parse_args(argv)
    files = args.requirements
    if not files:
        installed = STAMP.read_text().split() if STAMP.exists() else []
        files = [ROOT / "requirements.txt"]
        files += [ROOT / "requirements-dev.txt"] if "requirements-dev.txt" in installed else []
    report = Report()
    wanted: dict[str, str] = {}
    for path in files:
        wanted |= check_pins(report, path)
    check_kernel(report)
    check_extension(report, wanted)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
