"""helpers.sampling: the mean loss on a sample IS the cross-entropy of its empirical P̂."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers
from helpers.examples import P, Q
from helpers.sampling import (
    draw,
    empirical_distribution,
    fit_categorical,
    running_cross_entropy,
    train_and_held_out,
)


def test_draws_are_seeded_and_follow_p():
    a, b = draw(P, 50_000, seed=4), draw(P, 50_000, seed=4)
    assert np.array_equal(a, b) and a.dtype == np.intp
    observed = np.bincount(a, minlength=3)
    assert scipy.stats.chisquare(observed, np.multiply(P, a.size)).pvalue > 1e-4
    assert not np.array_equal(a, draw(P, 50_000, seed=5))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 3), min_size=1, max_size=40),
    st.lists(st.floats(0.01, 1.0), min_size=4, max_size=4),
)
def test_the_mean_surprise_is_the_cross_entropy_of_the_empirical_distribution(sample, weights):
    q = np.array(weights) / sum(weights)
    running = running_cross_entropy(sample, q)
    p_hat = empirical_distribution(sample, 4)
    assert running[-1] == pytest.approx(helpers.cross_entropy(p_hat, q), rel=1e-9)
    assert running[0] == pytest.approx(-math.log2(q[sample[0]]))


def test_running_cross_entropy_converges_and_handles_units_and_zeros():
    sample = draw(P, 100_000, seed=0)
    assert running_cross_entropy(sample, Q)[-1] == pytest.approx(
        helpers.cross_entropy(P, Q), abs=0.02
    )
    nats = running_cross_entropy([0, 1], [0.5, 0.5], base=math.e)
    np.testing.assert_allclose(nats, math.log(2))
    assert running_cross_entropy([0, 1, 0], [1.0, 0.0]).tolist() == [0.0, math.inf, math.inf]


def test_fit_categorical_is_the_empirical_distribution_and_smooths():
    sample = [0, 0, 2]
    np.testing.assert_allclose(fit_categorical(sample, 3), empirical_distribution(sample, 3))
    np.testing.assert_allclose(fit_categorical(sample, 3, pseudocount=1), [0.5, 1 / 6, 1 / 3])


@pytest.mark.parametrize("pseudocount", [0.0, 0.5, 3.0])
def test_train_and_held_out_scores_the_fit_categorical_model(pseudocount):
    p, n = [0.2, 0.3, 0.5], 7
    train, held = train_and_held_out(
        p, [n], seed=3, pseudocount=pseudocount, n_held_out=50, repeats=1
    )
    rng = np.random.default_rng(3)  # the same draws, in the same order
    sample, fresh = rng.choice(3, size=n, p=p), rng.choice(3, size=50, p=p)
    with np.errstate(divide="ignore"):
        surprise = -np.log(fit_categorical(sample, 3, pseudocount=pseudocount)) / math.log(2)
    assert train[0] == surprise[sample].mean() + 0.0
    assert held[0] == surprise[fresh].mean() + 0.0


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: draw([0.5, 0.6], 3, seed=0), "sums to"),
        (lambda: draw(P, 0, seed=0), "n must be"),
        (lambda: draw(P, 3, seed=-1), "seed must be"),
        (lambda: draw(P, 2.5, seed=0), "n must be"),
        (lambda: empirical_distribution([0, 3], 3), "not a class index"),
        (lambda: empirical_distribution([[0, 1]], 3), "1-D"),
        (lambda: fit_categorical([0], 2, pseudocount=-1), "pseudocount"),
        (lambda: running_cross_entropy([0], [[0.5, 0.5]]), "1-D"),
        (lambda: running_cross_entropy([0], [0.5, 0.5], base=1), "base"),
    ],
)
def test_bad_input_is_a_value_error_saying_what(call, words):
    with pytest.raises(ValueError, match=words):
        call()
