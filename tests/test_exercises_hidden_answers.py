"""Issue 17: a check never shows its expected answer where a learner can see it (notebooks 01–04).

``help(check_x)`` shows the docstring, so neither it nor the doctest in it may print the value;
the feedback to a wrong answer must not print it either (hints name the method, not the result).
"""

from __future__ import annotations

import re

import pytest

from helpers import exercises

CHECKS = [
    "check_entropy_surprise",
    "check_entropy_die",
    "check_entropy_nats",
    "check_entropy_pair",
    "check_code_space",
    "check_cross_entropy_coin",
    "check_cross_entropy_one_hot",
    "check_kl_coin",
    "check_kl_one_hot",
    "check_kl_uniform",
    "check_blue_term_raised",
    "check_green_reverse_kl_term",
    "check_better_model_kl",
    "check_training_minimum",
]


def _renderings(value: float) -> list[str]:
    """How the answer would be written: 2 to 4 decimals, and as a whole number if it is one."""
    shown = {f"{value:.{d}f}" for d in (2, 3, 4)}
    shown |= {f"{abs(value):.{d}f}" for d in (2, 3, 4)}
    return sorted(shown)


def _value(name: str) -> float:
    import math

    import helpers
    from helpers.examples import P, Q
    from helpers.exercises import _colours, _cross_entropy, _entropy

    return {
        "check_entropy_surprise": -math.log2(1 / 16),
        "check_entropy_die": math.log2(8),
        "check_entropy_nats": helpers.entropy(_entropy.NATS_DISTRIBUTION, base=math.e),
        "check_code_space": 3.0,
        "check_entropy_pair": 4.0,
        "check_cross_entropy_coin": helpers.cross_entropy(
            _cross_entropy.COIN_P, _cross_entropy.COIN_Q
        ),
        "check_cross_entropy_one_hot": -math.log2(0.7),
        "check_kl_coin": helpers.kl_divergence(_cross_entropy.COIN_P, _cross_entropy.COIN_Q),
        "check_kl_one_hot": -math.log2(0.7),
        "check_kl_uniform": helpers.kl_divergence(P, [1 / 3] * 3),
        "check_blue_term_raised": -P[2] * math.log2(_colours.RAISED_BLUE_Q[2]),
        "check_green_reverse_kl_term": Q[1] * math.log2(Q[1] / P[1]),
        "check_better_model_kl": helpers.kl_divergence(P, _colours.BETTER_Q),
        "check_training_minimum": helpers.entropy([0.0, 0.25, 0.75]),
    }[name]


@pytest.mark.parametrize("name", CHECKS)
def test_the_value_used_here_is_the_one_the_check_accepts(name):
    assert getattr(exercises, name)(_value(name)).status == "correct"


@pytest.mark.parametrize("name", CHECKS)
def test_the_docstring_does_not_reveal_the_answer(name):
    doc = getattr(exercises, name).__doc__
    value = _value(name)
    for text in _renderings(value):
        assert text not in doc, text
    if float(value).is_integer():  # 4 bits, 3 bits, 1 bit: no "= 4" or "(4)" anywhere
        whole = int(value)
        assert not re.search(rf"(=|\(|\bis)\s*{whole}(\.0*)?(?![\d./])", doc), doc


@pytest.mark.parametrize("name", CHECKS)
@pytest.mark.parametrize("offset", [0.3, -0.3, 7.0])
def test_wrong_answers_get_no_value(name, offset):
    value = _value(name)
    message = getattr(exercises, name)(value + offset).message
    for text in _renderings(value):
        assert text not in message.replace(f"{value + offset}", ""), (text, message)


@pytest.mark.parametrize("name", CHECKS)
def test_a_rounded_answer_is_told_close_without_the_value(name):
    value = _value(name)
    if float(value).is_integer():
        pytest.skip("a whole-number answer has no rounding")
    rounded = round(value, 2)
    feedback = getattr(exercises, name)(rounded)
    assert feedback.status in {"correct", "wrong"}
    message = feedback.message.replace(f"{rounded}", "")  # the learner's own number is echoed
    for text in _renderings(value):
        assert text not in message, (text, feedback.message)
