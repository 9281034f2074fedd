"""Checks of 02_cross_entropy's exercises: right answers pass, each common slip gets its hint."""

from __future__ import annotations

import math

import pytest

import helpers
from helpers.exercises import check_cross_entropy_coin, check_cross_entropy_one_hot


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_cross_entropy_coin, 0.5 * 2 + 0.5 * math.log2(4 / 3)),
        (check_cross_entropy_coin, helpers.cross_entropy([0.5, 0.5], [0.25, 0.75])),
        (check_cross_entropy_one_hot, -math.log2(0.7)),
        (check_cross_entropy_one_hot, 0.515),
    ],
)
def test_correct_answers(check, answer):
    feedback = check(answer)
    assert feedback and feedback.message.startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (check_cross_entropy_coin, 1.0, "H(P)"),
        (check_cross_entropy_coin, helpers.entropy([0.25, 0.75]), "H(Q)"),
        (check_cross_entropy_coin, helpers.cross_entropy([0.5, 0.5], [0.25, 0.75], math.e), "nats"),
        (check_cross_entropy_coin, 2 + math.log2(4 / 3), "summed"),
        (check_cross_entropy_one_hot, 0, "entropy H(P)"),
        (check_cross_entropy_one_hot, math.inf, "swapped"),
        (check_cross_entropy_one_hot, -math.log(0.7), "nats"),
        (check_cross_entropy_one_hot, -math.log2(0.2 * 0.7 * 0.1), "every class"),
        (check_cross_entropy_one_hot, 0.7, "-log2 of it"),
    ],
)
def test_each_common_mistake_gets_its_hint(check, answer, words):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert words in feedback.message


def test_the_code_space_exercise_follows_kraft():
    from helpers.exercises import check_code_space
    from helpers.prefix_codes import kraft_sum

    assert check_code_space(3).status == "correct"
    assert kraft_sum([1, 2, 3, 3]) == 1.0 and kraft_sum([1, 2, 3, 2]) > 1
    assert "Too short" in check_code_space(2).message
    assert "shorter one does too" in check_code_space(4).message
    assert "share of code space" in check_code_space(0.125).message
