"""The series in a real browser: every notebook, run through JupyterLab's UI in headless Chromium.

One JupyterLab (this environment, 127.0.0.1, random port and token) and one Chromium serve the
whole module; tools/browser_check.py does the driving (see its docstring). Each notebook is
opened, run with Run > Run All Cells, and must finish with no error or stderr output; an explorer
widget's readout must follow its slider. Screenshots go to screenshots/NAME.png.

Without Chromium this module is skipped, unless REQUIRE_BROWSER=1 (set by .ci/run): then it fails.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _load_browser_check():
    spec = importlib.util.spec_from_file_location(
        "browser_check", ROOT / "tools" / "browser_check.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"REQUIRE_BROWSER=1, but {reason}", pytrace=False)
    pytest.skip(f"{reason} (set REQUIRE_BROWSER=1 to make this a failure)")


browser_check = _load_browser_check()


@pytest.fixture(scope="module")
def lab():
    if importlib.util.find_spec("playwright") is None:
        _unavailable("Playwright is not installed (it is in requirements-dev.txt)")
    chromium = browser_check.find_chromium()
    if chromium is None:
        _unavailable("no Chromium found (apt-get install chromium)")
    with browser_check.LabServer(ROOT) as server:
        with browser_check.LabBrowser(server, chromium, ROOT / "screenshots") as browser:
            yield browser
    leftovers = server.leftovers()
    assert not leftovers, f"JupyterLab saved files or left processes behind: {leftovers}"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_in_jupyterlab(lab, name):
    expect_explorer = browser_check.expects_explorer(ROOT / "notebooks" / name)
    problems = lab.check(name, expect_explorer=expect_explorer)
    assert not problems, f"{name} in JupyterLab (see screenshots/{name[:-6]}.png):\n" + "\n".join(
        problems
    )
    assert (ROOT / "screenshots" / f"{name[:-6]}.png").stat().st_size > 10_000
