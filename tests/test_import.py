"""`import helpers` stays light: numpy only, never matplotlib, scikit-learn or scipy."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import helpers

HEAVY = ("matplotlib", "sklearn", "scipy")


def _modules_after(code: str) -> dict[str, bool]:
    """Run ``code`` in a fresh interpreter; report which heavy packages it imported."""
    script = (
        f"import json, sys\n{code}\nprint(json.dumps({{m: m in sys.modules for m in {HEAVY}}}))"
    )
    env = {**os.environ, "MPLBACKEND": "Agg"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env
    )
    assert out.stderr == ""  # no warnings, no notices
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_import_helpers_imports_no_plotting_or_ml_library():
    loaded = _modules_after("import helpers\nimport helpers.examples")
    assert loaded == {"matplotlib": False, "sklearn": False, "scipy": False}


def test_the_core_functions_run_without_heavy_imports():
    code = (
        "import helpers\n"
        "helpers.entropy([0.5, 0.5]); helpers.cross_entropy([1, 0], [0.5, 0.5])\n"
        "helpers.kl_divergence([1, 0], [0.5, 0.5])\n"
        "helpers.binary_cross_entropy([1, 0], [0.9, 0.1])\n"
        "helpers.categorical_cross_entropy([0, 1], [[0.9, 0.1], [0.2, 0.8]])"
    )
    assert not any(_modules_after(code).values())


def test_helpers_plotting_imports_matplotlib_on_first_use():
    loaded = _modules_after("import helpers\nhelpers.plotting")
    assert loaded["matplotlib"] is True


def test_public_names_exist():
    for name in (
        "entropy",
        "cross_entropy",
        "kl_divergence",
        "binary_cross_entropy",
        "categorical_cross_entropy",
    ):
        assert callable(getattr(helpers, name)), name
        assert name in helpers.__all__
    for name in helpers.__all__:
        assert getattr(helpers, name) is not None, name
    assert helpers.examples.P == (0.10, 0.40, 0.50)
    assert isinstance(helpers.__version__, str)
