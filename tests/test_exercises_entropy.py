"""Checks of 01_entropy's exercises: right answers pass, each common slip gets its own hint."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers
from helpers.exercises import check_entropy_die, check_entropy_nats, check_entropy_surprise


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_entropy_surprise, 4),
        (check_entropy_surprise, -math.log2(1 / 16)),
        (check_entropy_die, 3.0),
        (check_entropy_die, helpers.entropy(np.full(8, 1 / 8))),
        (check_entropy_nats, 1.5 * math.log(2)),
        (check_entropy_nats, helpers.entropy([0.25, 0.25, 0.5], base=math.e)),
    ],
)
def test_correct_answers(check, answer):
    feedback = check(answer)
    assert feedback and feedback.status == "correct" and feedback.message.startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (check_entropy_surprise, math.log(16), "nats"),
        (check_entropy_surprise, 1 / 16, "probability itself"),
        (check_entropy_surprise, -4, "sign"),
        (check_entropy_surprise, 16, "logarithm"),
        (check_entropy_die, math.log(8), "nats"),
        (check_entropy_die, 8, "number of faces"),
        (check_entropy_die, 0.125, "probability of one face"),
        (check_entropy_die, math.log2(6), "6-sided"),
        (check_entropy_nats, 1.5, "in bits"),
        (check_entropy_nats, 1.5 / math.log(2), "divided by ln 2"),
        (check_entropy_nats, 1.5 * math.log10(2), "base 10"),
    ],
)
def test_each_common_mistake_gets_its_hint(check, answer, words):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert words in feedback.message


def test_the_pair_exercise_adds_entropies():
    from helpers.exercises import check_entropy_pair

    assert check_entropy_pair(4).status == "correct"
    assert check_entropy_pair(helpers.entropy([0.5, 0.5]) + helpers.entropy([1 / 8] * 8))
    assert "die alone" in check_entropy_pair(3).message
    assert "number of outcomes" in check_entropy_pair(16).message
