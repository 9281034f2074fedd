"""The contract every exercise check keeps, whichever notebook it belongs to.

A check takes whatever a learner typed and returns a Feedback — "not answered yet" for the
``...`` a notebook is committed with, "correct", or a hint — and never raises, so a notebook
with half-done exercises still runs top to bottom. The per-topic files (test_exercises_<topic>.py)
test each check's answer and hints.
"""

from __future__ import annotations

import inspect
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from helpers import exercises
from helpers.exercises import Feedback

CHECKS = {
    name: function
    for name, function in inspect.getmembers(exercises, inspect.isfunction)
    if name.startswith("check_") and name != "check_number"
}
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def notebook_code() -> str:
    code = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code += ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return "\n".join(code)


def test_there_are_checks_and_all_are_exported():
    assert len(CHECKS) >= 16
    assert set(CHECKS) <= set(exercises.__all__)


def test_every_check_is_used_by_a_notebook_and_every_call_exists():
    called = set(re.findall(r"helpers\.exercises\.(check_\w+)\(", notebook_code()))
    assert called == set(CHECKS)


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("answer", [..., None])
def test_unanswered(name, answer):
    feedback = CHECKS[name](answer)
    assert isinstance(feedback, Feedback)
    assert feedback.status == "unanswered" and not feedback
    assert repr(feedback).startswith("Not answered yet")


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("answer", ["1.0", [1.0], True, {}, object(), 1j])
def test_a_non_number_is_wrong_and_says_so(name, answer):
    feedback = CHECKS[name](answer)
    assert feedback.status == "wrong"
    assert "Expected a number" in feedback.message


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("answer", [math.nan, math.inf, -math.inf, 1e308, -1e308, -1.0, 0, 1])
def test_odd_numbers_never_raise(name, answer):
    assert CHECKS[name](answer).status in {"correct", "wrong"}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_numpy_numbers_are_numbers(name):
    assert CHECKS[name](np.float64(1e6)).status == "wrong"
    assert "Expected a number" not in CHECKS[name](np.float32(1e6)).message
