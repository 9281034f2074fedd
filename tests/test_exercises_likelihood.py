"""The checks of 06_log_loss_and_likelihood: right answers pass, each usual slip gets its hint."""

from __future__ import annotations

import math

import pytest

from helpers.exercises import (
    check_bernoulli_nll,
    check_categorical_nll,
    check_gaussian_nll,
    check_nll_difference,
)


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_bernoulli_nll, -math.log(0.7 * 0.8 * 0.9) / 3),
        (check_bernoulli_nll, 0.2284),
        (check_categorical_nll, -(math.log(0.5) + math.log(0.6)) / 2),
        (check_categorical_nll, 0.602),
        (check_gaussian_nll, 0.5 * math.log(2 * math.pi * 4) + 0.5 / 8),
        (check_gaussian_nll, 1.6746),
    ],
)
def test_correct(check, answer):
    feedback = check(answer)
    assert feedback.status == "correct" and bool(feedback)
    assert repr(feedback).startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (check_bernoulli_nll, -math.log(0.7 * 0.8 * 0.9), "total"),
        (check_bernoulli_nll, -math.log2(0.7 * 0.8 * 0.9) / 3, "bits"),
        (check_bernoulli_nll, 0.504, "likelihood L itself"),
        (check_bernoulli_nll, -math.log(0.7 * 0.2 * 0.9) / 3, "1 − ŷ = 0.8"),
        (check_categorical_nll, -(math.log(0.5) + math.log(0.6)), "total"),
        (check_categorical_nll, -(math.log2(0.5) + math.log2(0.6)) / 2, "bits"),
        (
            check_categorical_nll,
            -sum(math.log(q) for q in (0.2, 0.3, 0.5, 0.6, 0.3, 0.1)) / 2,
            "TRUE class",
        ),
        (check_gaussian_nll, 0.0625, "constant"),
        (check_gaussian_nll, 0.5 * math.log(8 * math.pi) + 0.125, "σ squared"),
        (check_gaussian_nll, 0.5 * math.log(4 * math.pi) + 0.0625, "Inside the log"),
        (check_gaussian_nll, 0.5 * math.log(8 * math.pi) + 0.5, "not added"),
    ],
)
def test_specific_mistakes_get_specific_hints(check, answer, hint):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert hint in repr(feedback)


def test_nll_difference_is_the_slope_times_the_mse_difference():
    assert check_nll_difference(1.0 / 8)
    assert check_nll_difference(0.125)
    for wrong, hint in [(1.0, "MSE difference"), (0.25, "σ squared"), (1 / 4, "σ squared")]:
        feedback = check_nll_difference(wrong)
        assert feedback.status == "wrong" and hint in feedback.message
