"""tasks.py's set-up: the supported Pythons, uv with a pip fallback, and `doctor`.

The set-up itself (a fresh clone, `python3 tasks.py setup`) is timed and checked by hand and in
CI, where `python3 tasks.py test` starts from nothing; here: its decisions, and `doctor` against
this environment (all OK) and against a doctored lock (a FAIL line with the fix).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import tasks  # noqa: E402 - the repository's task runner (standard library only)

# --- which Pythons ---------------------------------------------------------------------------


@pytest.mark.parametrize("version", [(3, 11, 5), (3, 11, 7), (3, 12, 0), (3, 13, 9), (3, 14, 2)])
def test_supported_pythons_are_accepted(version):
    assert tasks.python_problem(version) is None


@pytest.mark.parametrize("version", [(3, 10, 12), (3, 11, 0), (3, 11, 2), (3, 11, 4), (3, 15, 0)])
def test_other_pythons_are_refused_with_what_to_install(version):
    message = tasks.python_problem(version)
    assert message.startswith(f"Python {'.'.join(map(str, version))} is not supported")
    assert "3.11.5 to 3.14" in message  # the range ...
    assert "python.org" in message and "py -3.12 tasks.py lab" in message  # ... and what to do


def test_setup_refuses_an_unsupported_python_before_touching_anything(monkeypatch, tmp_path):
    monkeypatch.setattr(tasks.sys, "version_info", (3, 11, 2, "final", 0))
    monkeypatch.setattr(tasks, "PYTHON", tmp_path / "no-venv" / "python")
    with pytest.raises(SystemExit) as stop:
        tasks.setup()
    assert "Python 3.11.2 is not supported" in str(stop.value.code)
    assert not (tmp_path / "no-venv").exists()


# --- uv, or pip with a notice ------------------------------------------------------------------


def test_uv_installs_and_compiles_bytecode(monkeypatch):
    calls = []
    monkeypatch.delenv(tasks.WITH_PIP, raising=False)
    monkeypatch.setattr(tasks, "run", lambda *cmd, **kw: calls.append(cmd))
    monkeypatch.setattr(tasks, "UV", ROOT / "tasks.py")  # "already installed"
    command = tasks.installer()
    assert command[:3] == [tasks.UV, "pip", "install"] and "--compile-bytecode" in command
    assert calls == []


def test_uv_is_bootstrapped_at_the_version_the_dev_lock_pins(monkeypatch, tmp_path):
    calls = []
    monkeypatch.delenv(tasks.WITH_PIP, raising=False)
    monkeypatch.setattr(tasks, "run", lambda *cmd, **kw: calls.append(cmd))
    monkeypatch.setattr(tasks, "UV", tmp_path / "uv")
    tasks.installer()
    (bootstrap,) = calls
    assert bootstrap[:4] == (tasks.PYTHON, "-m", "pip", "install")
    assert bootstrap[-1] == f"uv=={tasks.pinned('uv')}"
    assert re.fullmatch(r"\d+\.\d+\.\d+", tasks.pinned("uv"))


def test_pip_is_used_with_a_one_line_notice_when_uv_cannot_be_installed(
    monkeypatch, tmp_path, capsys
):
    def no_uv(*cmd, **kw):
        raise subprocess.CalledProcessError(1, cmd)

    monkeypatch.delenv(tasks.WITH_PIP, raising=False)
    monkeypatch.setattr(tasks, "run", no_uv)
    monkeypatch.setattr(tasks, "UV", tmp_path / "uv")
    command = tasks.installer()
    assert command == [tasks.PYTHON, "-m", "pip", "install", "--disable-pip-version-check"]
    notice = capsys.readouterr().out.strip()
    assert notice == "uv could not be installed: installing with pip instead (slower)."


def test_pip_is_used_with_a_notice_when_asked(monkeypatch, capsys):
    monkeypatch.setenv(tasks.WITH_PIP, "1")
    monkeypatch.setattr(tasks, "run", lambda *cmd, **kw: pytest.fail("nothing to install"))
    assert tasks.installer()[1:4] == ["-m", "pip", "install"]
    assert "installing with pip" in capsys.readouterr().out


def test_helpers_bytecode_is_compiled_on_every_setup(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr(tasks, "run", lambda *cmd, **kw: calls.append(cmd))
    monkeypatch.setattr(tasks, "PYTHON", Path(sys.executable))  # "the venv exists"
    monkeypatch.setattr(tasks, "STAMP", tmp_path / "stamp")
    tasks.setup()  # nothing installed yet: compile, install, build the font cache
    assert calls[0] == (tasks.PYTHON, "-m", "compileall", "-q", "helpers")
    calls.clear()
    tasks.setup()  # all installed (the stamp matches): helpers may have changed, so compile
    assert calls == [(tasks.PYTHON, "-m", "compileall", "-q", "helpers")]


def test_compileall_writes_helpers_bytecode_where_imports_may_not(tmp_path):
    package = tmp_path / "helpers"
    package.mkdir()
    (package / "__init__.py").write_text("X = 1\n")
    env = {"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""}
    where = subprocess.run(
        [sys.executable, "-c", "import helpers; print(helpers.__file__)"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(where) == package / "__init__.py"
    assert not list(package.rglob("*.pyc"))  # the kernel's situation: nothing written
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "helpers"], cwd=tmp_path, env=env, check=True
    )
    assert len(list(package.rglob("*.pyc"))) == 1  # what compile_helpers runs: written anyway


# --- doctor ------------------------------------------------------------------------------------


def doctor(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, ROOT / "tasks.py", "doctor", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT)


def venv_is_this_one():
    if Path(sys.prefix).resolve() != tasks.VENV.resolve():
        pytest.skip("doctor checks .venv; these tests run elsewhere")


def test_doctor_says_ok_to_everything_in_the_set_up_environment():
    venv_is_this_one()
    done = doctor()
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stdout + done.stderr
    assert lines and all(line.startswith("OK   ") for line in lines), done.stdout
    expected = [
        "Python 3.",
        "virtual environment",
        "packages at the versions requirements.txt",
        "`import helpers` in a python3 kernel",
        "@jupyter-widgets/jupyterlab-manager",
    ]
    for what in expected:
        assert any(what in line for line in lines), (what, done.stdout)


def test_doctor_fails_a_package_at_another_version_than_the_lock_and_says_the_fix(tmp_path):
    venv_is_this_one()
    lock = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    installed = re.search(r"^numpy==(\S+)", lock, re.M).group(1)
    doctored = tmp_path / "requirements.txt"
    doctored.write_text(re.sub(r"^numpy==\S+", "numpy==1.0.0", lock, flags=re.M))
    done = doctor("--requirements", str(doctored))
    assert done.returncode == 1
    python = Path(sys.executable).relative_to(ROOT)
    expected = (
        f'FAIL numpy==1.0.0 ({installed} installed) -- fix: {python} -m pip install "numpy==1.0.0"'
    )
    assert expected in done.stdout.splitlines(), done.stdout
    assert "OK   `import helpers` in a python3 kernel" in done.stdout, done.stdout.splitlines()


def test_doctor_without_a_virtual_environment_says_to_run_setup(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(tasks, "PYTHON", tmp_path / "missing" / "python")
    with pytest.raises(SystemExit) as stop:
        tasks.doctor([])
    assert stop.value.code == 1
    last = capsys.readouterr().out.splitlines()[-1]
    assert last.startswith("FAIL virtual environment .venv/ is missing")
    assert "python3 tasks.py setup" in last


def test_doctor_tries_the_kernel_twice_and_reports_only_the_last_attempt(monkeypatch, capsys):
    sys.path.insert(0, str(ROOT / "tools"))
    import doctor as doctor_tool

    fix = "python3 tasks.py setup"
    for outcomes, shown in (
        ([(False, "a python3 kernel starts (RuntimeError: died)", fix), (True, "kernel OK", "")],
         ["OK   kernel OK"]),
        ([(False, "first", fix), (False, "second", fix)], [f"FAIL second -- fix: {fix}"]),
        ([(True, "at once", "")], ["OK   at once"]),
    ):  # fmt: skip
        calls = iter(outcomes)
        monkeypatch.setattr(doctor_tool, "_kernel_finding", calls.__next__)
        report = doctor_tool.Report()
        doctor_tool.check_kernel(report)
        assert capsys.readouterr().out.splitlines() == shown
        assert report.failed == shown[0].startswith("FAIL")
        assert next(calls, None) is None  # no attempt beyond the first success or the second
