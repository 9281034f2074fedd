"""The checks behind 08_cross_entropy_in_practice's exercises: every answer gets the right word."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers
from helpers.exercises import (
    check_ce_gradient,
    check_gradient_ratio,
    check_logit_loss,
    check_smoothed_optimum,
)
from helpers.training import gradient_wrt_logit

# --- exercise 1: label 0, logit 40 -------------------------------------------------------------


def test_logit_loss_correct():
    assert check_logit_loss(40.0)
    assert check_logit_loss(float(helpers.softplus(40.0)))
    assert check_logit_loss(np.float64(40.0002))


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (math.inf, "naive"),
        (np.inf, "softplus"),
        (float(helpers.softplus(-40.0)), "label 1"),
        (0.0, "label 1"),
        (40 / math.log(2), "bits"),
    ],
)
def test_logit_loss_mistakes(answer, hint):
    feedback = check_logit_loss(answer)
    assert feedback.status == "wrong" and hint in repr(feedback)


# --- exercise 2: gradient ratio at y = 1, z = −3 -------------------------------------------------


def test_gradient_ratio_correct():
    s = 1 / (1 + math.exp(3))
    assert check_gradient_ratio(s * (1 - s))
    assert check_gradient_ratio(round(s * (1 - s), 4))


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (1 / 0.0451767, "how many times larger"),
        (1 / (1 + math.exp(3)), "σ(z) alone"),
        (float(gradient_wrt_logit(1, -3.0, "squared_error")), "squared-error gradient itself"),
        (float(gradient_wrt_logit(1, -3.0)), "asks for a ratio"),
        (-0.0451767, "positive"),
    ],
)
def test_gradient_ratio_mistakes(answer, hint):
    feedback = check_gradient_ratio(answer)
    assert feedback.status == "wrong" and hint in repr(feedback)


# --- exercise 4: smoothed optimum, k = 10, ε = 0.1 ----------------------------------------------


def test_smoothed_optimum_correct():
    assert check_smoothed_optimum(0.91)
    assert check_smoothed_optimum(0.9 + 0.1 / 10)


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (1, "never a one-hot"),
        (1.0, "never a one-hot"),
        (0.9, "ε/k"),
        (0.01, "each wrong class"),
        (float(helpers.entropy(helpers.smooth_labels([0], 10, 0.1)[0], base=math.e)), "entropy"),
    ],
)
def test_smoothed_optimum_mistakes(answer, hint):
    feedback = check_smoothed_optimum(answer)
    assert feedback.status == "wrong" and hint in repr(feedback)


# --- exercise 3: ∂CE/∂z = σ(z) − y at y = 0, z = 2 ---------------------------------------------


def test_ce_gradient_correct():
    assert check_ce_gradient(1 / (1 + math.exp(-2)))
    assert check_ce_gradient(0.8808)


@pytest.mark.parametrize(
    ("answer", "hint"),
    [
        (1 / (1 + math.exp(-2)) - 1, "label 1"),
        (-1 / (1 + math.exp(-2)), "sign"),
        (float(gradient_wrt_logit(0, 2.0, "squared_error")), "squared-error"),
        (0.5, "σ(z) − y"),
    ],
)
def test_ce_gradient_mistakes(answer, hint):
    feedback = check_ce_gradient(answer)
    assert feedback.status == "wrong" and hint in repr(feedback)
