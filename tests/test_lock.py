"""The pins (requirements*.txt) are generated from pyproject.toml, current, and install everywhere
the README claims: Python 3.11.5 to 3.14 on Linux x86-64, macOS (arm64, x86-64) and Windows.

1. The lock is current: `tasks.compile_locks` (what `python3 tasks.py lock` runs) regenerates
   both files in a scratch folder from pyproject.toml, with the committed pins as uv's
   preferences, and must reproduce them byte for byte. It runs uv `--offline` (from uv's cache)
   first and online only when the cache cannot answer; the test says which in its output.
2. Structurally, without uv: every range pyproject declares has a pin that satisfies it, the
   notebooks lock is the dev lock's subset with the same versions, both end with `-e .`.
3. (slow) Every pin has a wheel for each supported Python and platform: pip's own finder with
   `--only-binary=:all: --python-version X --platform ... --no-deps` (as in STACK-NOTES,
   "Python versions"; `install --dry-run` rather than `download`: the same check, without
   fetching the files), over the pins whose markers hold on that platform.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import tasks  # noqa: E402 - the repository's task runner (standard library only)

LOCKS = ("requirements.txt", "requirements-dev.txt")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;#]+)\s*(?:;([^#]*))?", re.M)

# The supported Pythons: the lowest patch release, then every minor release up to the newest.
PYTHONS = ["3.11.5", "3.12", "3.13", "3.14"]
MANYLINUX = [f"manylinux_2_{minor}_x86_64" for minor in range(5, 29)]  # glibc 2.5 to 2.28
PLATFORMS = {
    # name: (pip --platform tags, marker environment). pip widens a macosx tag to the older
    # macOS releases and universal2 wheels itself; manylinux_2_X tags are listed one by one.
    "linux-x86_64": (
        ["manylinux1_x86_64", "manylinux2010_x86_64", "manylinux2014_x86_64", *MANYLINUX],
        {"sys_platform": "linux", "os_name": "posix", "platform_system": "Linux",
         "platform_machine": "x86_64"},
    ),
    "macos-arm64": (
        ["macosx_12_0_arm64"],
        {"sys_platform": "darwin", "os_name": "posix", "platform_system": "Darwin",
         "platform_machine": "arm64"},
    ),
    "macos-x86_64": (
        ["macosx_12_0_x86_64"],
        {"sys_platform": "darwin", "os_name": "posix", "platform_system": "Darwin",
         "platform_machine": "x86_64"},
    ),
    "windows-amd64": (
        ["win_amd64"],
        {"sys_platform": "win32", "os_name": "nt", "platform_system": "Windows",
         "platform_machine": "AMD64"},
    ),
}  # fmt: skip
# Pins published only as a source distribution (pure Python, so they install anywhere): none
# today. A pin that loses its wheels must be added here by name, never skipped silently.
SDIST_ONLY: set[str] = set()


def pins(name: str) -> dict[str, tuple[str, str]]:
    """{canonical name: (version, marker)} of one lock file."""
    text = (ROOT / name).read_text(encoding="utf-8")
    return {canonicalize_name(n): (v, m.strip()) for n, v, m in PIN.findall(text)}


def environment(python: str, platform: str) -> dict[str, str]:
    major_minor = ".".join(python.split(".")[:2])
    full = python if python.count(".") == 2 else f"{python}.0"
    return {
        **PLATFORMS[platform][1],
        "python_version": major_minor,
        "python_full_version": full,
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "platform_release": "",
        "platform_version": "",
    }


def applies(marker: str, env: dict[str, str]) -> bool:
    return not marker or Marker(marker).evaluate(env)


# --- 1. the lock is what `python3 tasks.py lock` generates today ------------------------------


def test_the_lock_is_current(tmp_path):
    uv = tasks.UV if tasks.UV.exists() else shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not installed (python3 tasks.py setup installs it into .venv)")
    (tmp_path / "helpers").mkdir()
    shutil.copy(ROOT / "helpers" / "__init__.py", tmp_path / "helpers")  # the version
    for name in ("pyproject.toml", "README.md", *LOCKS):
        shutil.copy(ROOT / name, tmp_path / name)
    try:
        tasks.compile_locks(tmp_path, uv, ["--offline"])
        print("regenerated offline, from uv's cache")
    except subprocess.CalledProcessError:
        for name in LOCKS:  # the offline attempt may have written nothing: start again
            shutil.copy(ROOT / name, tmp_path / name)
        try:
            tasks.compile_locks(tmp_path, uv)
            print("regenerated online (uv's cache could not answer offline)")
        except subprocess.CalledProcessError:
            pytest.skip("uv could not resolve offline (cold cache) nor reach the index")
    for name in LOCKS:
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        assert fresh == (ROOT / name).read_text(encoding="utf-8"), (
            f"{name} is not what `python3 tasks.py lock` generates from pyproject.toml today: "
            "run it and commit the result"
        )


# --- 2. the same promise, checked structurally (no uv, no network) ----------------------------


def test_both_locks_say_how_to_regenerate_them_and_install_helpers_last():
    for name in LOCKS:
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "`python3 tasks.py lock`" in text.split("\n\n")[0], name
        assert "--universal" in text.split("\n\n")[0], name
        lines = [ln.split("#")[0].strip() for ln in text.splitlines() if ln.split("#")[0].strip()]
        assert lines[-1] == "-e ." and lines.count("-e .") == 1, name
        assert len(pins(name)) == len(lines) - 1, f"{name}: a line is neither a pin nor `-e .`"


def declared(extra: str) -> list[Requirement]:
    """The requirements an extra brings, with the project's own extras expanded."""
    project = PYPROJECT["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for text in project["optional-dependencies"][extra]:
        requirement = Requirement(text)
        if canonicalize_name(requirement.name) == canonicalize_name(project["name"]):
            for inner in sorted(requirement.extras):
                found += declared(inner)
        else:
            found.append(requirement)
    return found


@pytest.mark.parametrize(("lock", "extra"), [("requirements.txt", "notebooks"),
                                             ("requirements-dev.txt", "dev")])  # fmt: skip
def test_every_declared_range_has_a_pin_inside_it(lock, extra):
    locked = pins(lock)
    for requirement in declared(extra):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{lock} does not pin {requirement}"
        version, marker = locked[name]
        assert not marker, f"{name} is needed everywhere but pinned only where {marker}"
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock} pins {name}=={version}, outside pyproject's {requirement}"
        )


def test_the_notebooks_lock_is_the_dev_locks_subset_with_the_same_versions():
    notebooks, dev = pins("requirements.txt"), pins("requirements-dev.txt")
    assert {n: v for n, (v, _) in notebooks.items()} == {n: dev[n][0] for n in notebooks}


def test_the_lock_covers_windows_and_macos_and_tasks_agrees_on_the_pythons():
    locked = pins("requirements.txt")
    # What pip would otherwise add unpinned on Windows and macOS, pinned here under a marker.
    assert "sys_platform == 'win32'" in locked["colorama"][1]
    assert "os_name == 'nt'" in locked["pywinpty"][1]
    assert "sys_platform == 'darwin'" in locked["appnope"][1]
    assert PYPROJECT["project"]["requires-python"] == ">=3.11.5,<3.15"
    assert (tasks.OLDEST, tasks.NEWEST) == ((3, 11, 5), (3, 14))
    assert PYTHONS[0] == ".".join(map(str, tasks.OLDEST))
    assert PYTHONS[-1] == ".".join(map(str, tasks.NEWEST))


def test_the_pins_hold_on_every_supported_platform_and_python():
    """Each target's markers pick exactly one of a pair (e.g. pexpect vs pywinpty)."""
    locked = pins("requirements-dev.txt")
    for platform in PLATFORMS:
        for python in PYTHONS:
            env = environment(python, platform)
            chosen = {n for n, (_, m) in locked.items() if applies(m, env)}
            windows = platform.startswith("windows")
            assert ("pywinpty" in chosen) == windows and ("pexpect" in chosen) != windows
            assert ("appnope" in chosen) == platform.startswith("macos")


# --- 3. every pin has a wheel for every supported Python and platform (slow) ------------------


def missing_wheels(python: str, platform: str, folder: Path) -> tuple[str, list[str]]:
    """The pins (markers evaluated for the target) without a wheel for it: pip's answer."""
    env = environment(python, platform)
    wanted = [
        f"{name}=={version}"
        for name, (version, marker) in pins("requirements-dev.txt").items()
        if applies(marker, env) and name not in SDIST_ONLY
    ]
    requirements = folder / f"{platform}-{python}.txt"
    requirements.write_text("\n".join(wanted) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-deps"]
    cmd += ["--disable-pip-version-check", "--only-binary=:all:", "--python-version", python]
    cmd += ["--implementation", "cp", "--target", str(folder / f"target-{platform}-{python}")]
    for tag in PLATFORMS[platform][0]:
        cmd += ["--platform", tag]
    done = subprocess.run([*cmd, "-r", str(requirements)], capture_output=True, text=True)
    if done.returncode == 0:
        return f"{platform} {python}", []
    # pip names the first pin without a wheel
    return f"{platform} {python}", [
        line for line in done.stderr.splitlines() if line.startswith("ERROR")
    ] or [done.stderr[-2000:]]


@pytest.mark.slow
def test_every_pin_has_a_wheel_for_every_supported_python_and_platform(tmp_path):
    targets = [(python, platform) for python in PYTHONS for platform in PLATFORMS]
    # Mostly waiting on the index, so a few at a time.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda t: missing_wheels(*t, tmp_path), targets))
    failures = {target: errors for target, errors in results if errors}
    assert not failures, failures
    assert SDIST_ONLY <= set(pins("requirements-dev.txt")), "an exception no longer pinned"
