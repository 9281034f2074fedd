"""The tutorial's figures, computed from helpers.examples and rounded to 3 decimals."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers
from helpers.examples import COLOURS, Y_PROB, Y_TRUE, P, Q


def test_the_example_data_is_what_the_tutorial_states():
    assert COLOURS == ("red", "green", "blue")
    assert P == (0.10, 0.40, 0.50)
    assert Q == (0.80, 0.15, 0.05)
    assert math.fsum(P) == math.fsum(Q) == 1.0
    assert Y_TRUE == (1, 1, 1, 1, 1, 0, 0, 0, 0, 0)
    assert Y_PROB == (0.8, 0.9, 0.9, 0.6, 0.8, 0.1, 0.4, 0.2, 0.1, 0.3)
    assert all(0 < y < 1 for y in Y_PROB)  # predicted probabilities, not labels


@pytest.mark.parametrize(
    "quantity, expected",
    [
        (lambda: helpers.cross_entropy(P, Q), 3.288),
        (lambda: helpers.cross_entropy(Q, P), 2.906),
        (lambda: helpers.entropy(P), 1.361),
        (lambda: helpers.entropy(Q), 0.884),
        (lambda: helpers.kl_divergence(P, Q), 1.927),
        (lambda: helpers.kl_divergence(Q, P), 2.022),
    ],
    ids=["H(P,Q)", "H(Q,P)", "H(P)", "H(Q)", "KL(P||Q)", "KL(Q||P)"],
)
def test_colour_example_in_bits(quantity, expected):
    assert round(quantity(), 3) == expected


def test_the_colour_figures_fit_together():
    # Cross-entropy is the total; KL is the extra over the entropy.
    assert round(helpers.entropy(P) + helpers.kl_divergence(P, Q), 3) == 3.288
    assert round(helpers.entropy(Q) + helpers.kl_divergence(Q, P), 3) == 2.906


def test_binary_example_mean_loss_in_nats():
    assert round(helpers.binary_cross_entropy(Y_TRUE, Y_PROB), 3) == 0.247


def test_binary_example_per_sample_losses_in_nats():
    per_sample = helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="none")
    expected = [0.223, 0.105, 0.105, 0.511, 0.223, 0.105, 0.511, 0.223, 0.105, 0.357]
    assert per_sample.round(3).tolist() == expected
    # 0.247 is the mean of the unrounded losses (the rounded ones average to 0.2468).
    assert round(float(np.mean(per_sample)), 3) == 0.247
