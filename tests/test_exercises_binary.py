"""The checks behind 05_binary_cross_entropy's exercises: right answers pass, slips get hints."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.metrics import log_loss

import helpers
from helpers.examples import Y_PROB, Y_TRUE
from helpers.exercises import (
    check_changed_mean_loss,
    check_coin_flip_bits,
    check_new_sample_loss,
    check_no_skill_bits,
)

LN2 = math.log(2)


def changed() -> np.ndarray:
    probs = np.array(Y_PROB)
    probs[3] = 0.9
    return probs


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_new_sample_loss, -math.log(0.3)),
        (check_new_sample_loss, 1.204),
        (check_changed_mean_loss, float(log_loss(Y_TRUE, changed()))),
        (check_changed_mean_loss, 0.206),
        (check_coin_flip_bits, 1),
        (check_coin_flip_bits, helpers.cross_entropy([0.5, 0.5], [0.5, 0.5])),
    ],
)
def test_correct(check, answer):
    feedback = check(answer)
    assert feedback.status == "correct", feedback
    assert bool(feedback)


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (check_new_sample_loss, -math.log(0.7), "label were 0"),
        (check_new_sample_loss, -math.log2(0.3), "bits"),
        (check_new_sample_loss, -math.log10(0.3), "base 10"),
        (check_new_sample_loss, math.log(0.3), "sign"),
        (check_new_sample_loss, 0.7, "not a loss"),
        (
            check_changed_mean_loss,
            helpers.binary_cross_entropy(Y_TRUE, Y_PROB),
            "before the change",
        ),
        (check_changed_mean_loss, 10 * float(log_loss(Y_TRUE, changed())), "sum"),
        (check_changed_mean_loss, float(log_loss(Y_TRUE, changed())) / LN2, "bits"),
        (
            check_changed_mean_loss,
            (
                helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="sum")
                - -math.log(0.6)
                - math.log(0.1)
            )
            / 10,
            "not −ln(1 − 0.9)",
        ),
        (check_coin_flip_bits, LN2, "nats"),
        (check_coin_flip_bits, LN2 * LN2, "multiplied by ln 2"),
        (check_coin_flip_bits, 10, "sum"),
        (check_coin_flip_bits, 0.5, "prediction"),
    ],
)
def test_each_usual_mistake_gets_its_hint(check, answer, hint):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert hint in feedback.message, feedback.message


def test_no_skill_bits_is_the_entropy_of_the_prior():
    prior_entropy = float(helpers.entropy([0.2, 0.8]))  # bits
    assert check_no_skill_bits(prior_entropy)
    assert check_no_skill_bits(round(prior_entropy, 3))
    for wrong, hint in [(1, "balanced"), (prior_entropy * LN2, "nats"), (0.2, "base rate")]:
        feedback = check_no_skill_bits(wrong)
        assert feedback.status == "wrong" and hint in feedback.message
