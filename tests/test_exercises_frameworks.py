"""The checks behind 09_cross_entropy_in_the_frameworks's exercises: each answer, the right word."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers
from helpers import frameworks
from helpers.exercises import (
    check_focal_ratio,
    check_initial_loss,
    check_weighted_mean,
    check_wiring_choice,
)


def test_initial_loss():
    assert check_initial_loss(math.log(100))
    assert check_initial_loss(4.605)
    assert check_initial_loss(np.float64(4.6052))


@pytest.mark.parametrize(
    ("answer", "hint"),
    [(math.log2(100), "bits"), (2.0, "base 10"), (0.01, "−ln"), (math.log(2), "binary")],
)
def test_initial_loss_mistakes(answer, hint):
    feedback = check_initial_loss(answer)
    assert feedback.status == "wrong" and hint in repr(feedback)


def test_wiring_choice():
    assert check_wiring_choice(2) and check_wiring_choice(2.0)
    for wrong in (1, 3, 4):
        assert not check_wiring_choice(wrong)
    assert "from_logits" not in repr(check_wiring_choice(1))  # a hint, not the answer
    assert "sparse" in repr(check_wiring_choice(1))


def test_weighted_mean():
    z = np.array([[1.0, 0.0], [2.0, 0.0], [1.0, 0.0]])
    by_hand = (
        math.log(1 + math.exp(-1))
        + math.log(1 + math.exp(-2))
        + 4 * (1 + math.log(1 + math.exp(-1)))
    ) / 6
    assert check_weighted_mean(by_hand)
    assert by_hand == pytest.approx(
        frameworks.weighted_cross_entropy_with_logits([0, 0, 1], z, [1.0, 4.0])
    )
    assert "n = 3" in repr(check_weighted_mean(by_hand * 6 / 3))
    assert "unweighted" in repr(
        check_weighted_mean(helpers.softmax_cross_entropy_with_logits([0, 0, 1], z))
    )
    assert "weighted sum" in repr(check_weighted_mean(by_hand * 6))


def test_focal_ratio():
    assert check_focal_ratio(0.01) and check_focal_ratio((1 - 0.9) ** 2)
    assert "upside down" in repr(check_focal_ratio(100))
    assert "(1 − p) itself" in repr(check_focal_ratio(0.1))
    assert "p^γ" in repr(check_focal_ratio(0.81))
