"""The checks of 07_reading_cross_entropy_values: right answers pass, each slip gets its hint."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.exercises import (
    check_below_the_floor,
    check_clipped_loss,
    check_perplexity_bits,
    check_skill_score,
)

H10 = -(0.1 * math.log(0.1) + 0.9 * math.log(0.9))  # the no-skill log loss at 10 % prevalence


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_clipped_loss, -math.log(1e-15)),
        (check_clipped_loss, 34.539),
        (check_skill_score, 1 - 0.20 / H10),
        (check_skill_score, 0.385),
        (check_perplexity_bits, 2**3.2),
        (check_perplexity_bits, 9.19),
    ],
)
def test_correct(check, answer):
    feedback = check(answer)
    assert feedback.status == "correct" and bool(feedback)
    assert repr(feedback).startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (check_clipped_loss, -math.log(np.finfo(float).eps), "machine epsilon"),
        (check_clipped_loss, 16.118, "Keras"),
        (check_clipped_loss, math.inf, "infinite"),
        (check_clipped_loss, 15.0, "base 10"),
        (check_clipped_loss, -math.log2(1e-15), "bits"),
        (check_skill_score, 0.20 / H10, "1 minus that ratio"),
        (check_skill_score, 1 - 0.20 / math.log(2), "50 %"),
        (check_skill_score, 1 - 0.20 / (H10 / math.log(2)), "in bits"),
        (check_skill_score, H10 - 0.20, "improvement in nats"),
        (check_skill_score, 0.8, "not with 1"),
        (check_perplexity_bits, math.exp(3.2), "2^H"),
        (check_perplexity_bits, 3.2 * math.log(2), "exponential"),
        (check_perplexity_bits, 3.2, "cross-entropy itself"),
    ],
)
def test_specific_mistakes_get_specific_hints(check, answer, hint):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert hint in repr(feedback)


def test_below_the_floor_choice():
    assert check_below_the_floor(2)
    for wrong, hint in [(1, "expectation"), (3, "finite sample"), (4, "labels"), (5, "1, 2, 3")]:
        feedback = check_below_the_floor(wrong)
        assert feedback.status == "wrong" and hint in feedback.message
