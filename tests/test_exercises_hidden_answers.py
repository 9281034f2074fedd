"""Issue 17, for every notebook: a check never shows its expected answer where a learner sees it.

``help(check_x)`` shows the docstring, so neither it nor its doctest may print the expected
value, and the feedback to a wrong answer must not print it either. The expected value is the
one each check hands to ``check_number`` (caught by a spy), so nothing is typed in here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

from helpers import exercises

# Every per-notebook module of checks (a new notebook's module is covered without listing it).
MODULES = [
    importlib.import_module(f"helpers.exercises.{info.name}")
    for info in pkgutil.iter_modules(exercises.__path__)
    if info.name not in {"_core", "_quiz"}
]
CHECKS = {
    name: (module, function)
    for module in MODULES
    for name, function in inspect.getmembers(module, inspect.isfunction)
    if name.startswith("check_") and name in module.__all__
}


#: Checks whose question states a number that the answer equals to many digits, by design.
QUESTION_IS_THE_ANSWER = {
    # BCE of label 0 at logit z = 40 is softplus(40) = 40 + 4e-18: seeing that is the exercise.
    "check_logit_loss",
}


def expected(name: str) -> float:
    """The value the check compares with: caught from its call to check_number."""
    module, function = CHECKS[name]
    seen = []
    original = module.check_number

    def spy(answer, value, *args, **kwargs):
        seen.append(value)
        return original(answer, value, *args, **kwargs)

    module.check_number = spy
    try:
        function(0.123456)
    finally:
        module.check_number = original
    assert len(seen) == 1, name
    return float(seen[0])


def renderings(value: float) -> list[str]:
    """How the answer would be written: 2 to 4 decimals, and as a whole number if it is one."""
    shown = {f"{value:.{d}f}" for d in (2, 3, 4)} | {f"{abs(value):.{d}f}" for d in (2, 3, 4)}
    return sorted(shown)


def test_the_checks_are_found():
    assert len(CHECKS) >= 12


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_the_docstring_does_not_reveal_the_answer(name):
    doc = CHECKS[name][1].__doc__ or ""
    value = expected(name)
    for text in renderings(value):
        assert text not in doc, text
    short = f"{value:.6g}"  # 0.7, 2.303: the value as a short decimal
    if not value.is_integer():
        assert not re.search(rf"(?<![\d.]){re.escape(short)}(?!\d)", doc), short
    if value.is_integer() and name not in QUESTION_IS_THE_ANSWER:  # no "= 1500", "is 3"
        whole = int(value)
        assert not re.search(rf"(=|\bis|\bCorrect!)\s*{whole}(\.0*)?(?![\d./)])", doc), doc


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("offset", [0.3, -0.3, 7.0])
def test_wrong_answers_get_no_value(name, offset):
    value = expected(name)
    answer = value + offset
    message = getattr(exercises, name)(answer).message.replace(f"{answer}", "")
    for text in renderings(value):
        assert text not in message, (text, message)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_a_rounded_answer_is_told_close_without_the_value(name):
    value = expected(name)
    if value.is_integer():
        pytest.skip("a whole-number answer has no rounding")
    rounded = round(value, 2)
    feedback = getattr(exercises, name)(rounded)
    assert feedback.status in {"correct", "wrong"}
    message = feedback.message.replace(f"{rounded}", "")  # the learner's own number is echoed
    for text in renderings(value):
        assert text not in message, (text, feedback.message)
