"""helpers.likelihood: NLLs from the likelihood agree with the losses; baselines; perplexity."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy import stats
from sklearn.metrics import log_loss

import helpers
from helpers import likelihood
from helpers.examples import Y_PROB, Y_TRUE

finite = st.floats(-1e3, 1e3, allow_nan=False)
probability = st.floats(0.0, 1.0)
inner_probability = st.floats(1e-6, 1 - 1e-6)
sigmas = st.floats(1e-2, 1e2)


# --- unit tests: the course's numbers -----------------------------------------------------------


def test_ten_sample_nll_is_the_log_loss():
    nll = likelihood.bernoulli_nll(Y_TRUE, Y_PROB)
    assert round(nll, 3) == 0.247
    assert nll == pytest.approx(helpers.binary_cross_entropy(Y_TRUE, Y_PROB), rel=1e-12)
    assert nll == pytest.approx(log_loss(Y_TRUE, Y_PROB), rel=1e-12)
    product = likelihood.bernoulli_likelihood(Y_TRUE, Y_PROB)
    assert -math.log(product) / len(Y_TRUE) == pytest.approx(nll, rel=1e-12)


def test_bernoulli_pmf_picks_y_hat_or_its_complement():
    assert likelihood.bernoulli_pmf([1, 0, 1], [0.7, 0.2, 0.9]).tolist() == pytest.approx(
        [0.7, 0.8, 0.9]
    )
    assert likelihood.bernoulli_nll([1], [0.0]) == math.inf
    assert likelihood.bernoulli_nll([0, 1], [0.0, 1.0]) == 0.0


def test_bernoulli_reductions():
    per_sample = likelihood.bernoulli_nll(Y_TRUE, Y_PROB, reduction="none")
    assert per_sample.shape == (10,)
    assert likelihood.bernoulli_nll(Y_TRUE, Y_PROB, reduction="sum") == pytest.approx(
        per_sample.sum()
    )


def test_likelihood_of_many_samples_underflows_but_the_nll_does_not():
    y, p = np.tile(Y_TRUE, 1000), np.tile(Y_PROB, 1000)
    assert likelihood.bernoulli_likelihood(y, p) < 1e-300
    assert likelihood.bernoulli_nll(y, p) == pytest.approx(0.2469, abs=1e-4)


def test_categorical_nll_matches_one_hot_cross_entropy_and_sklearn():
    probs = [[0.1, 0.2, 0.7], [0.2, 0.6, 0.2], [0.5, 0.3, 0.2], [0.3, 0.3, 0.4]]
    classes = [2, 1, 0, 2]
    nll = likelihood.categorical_nll(classes, probs)
    assert nll == pytest.approx(-np.log([0.7, 0.6, 0.5, 0.4]).mean())
    assert nll == pytest.approx(helpers.categorical_cross_entropy(np.eye(3)[classes], probs))
    assert nll == pytest.approx(log_loss(classes, probs, labels=[0, 1, 2]))
    assert likelihood.categorical_nll([0], [[0.0, 1.0]]) == math.inf


def test_gaussian_nll_values():
    assert likelihood.gaussian_nll([0.0], [0.0], sigma=1.0) == pytest.approx(
        0.5 * math.log(2 * math.pi)
    )
    # small σ: a density above 1, so a negative NLL
    assert likelihood.gaussian_nll([0.0], [0.0], sigma=0.1) < 0


def test_baseline_log_loss_values():
    assert likelihood.baseline_log_loss(0.5) == pytest.approx(math.log(2))
    assert round(likelihood.baseline_log_loss(0.01), 3) == 0.056
    assert likelihood.baseline_log_loss([0.0, 1.0]).tolist() == [0.0, 0.0]


def test_baseline_is_the_log_loss_of_predicting_the_base_rate():
    y = np.r_[np.ones(1), np.zeros(99)]
    loss = helpers.binary_cross_entropy(y, np.full(100, 0.01))
    assert loss == pytest.approx(likelihood.baseline_log_loss(0.01))


def test_skill_score():
    assert likelihood.log_loss_skill(0.0, 0.5) == 1.0
    assert likelihood.log_loss_skill(0.5, 0.5) == 0.0
    assert likelihood.log_loss_skill(1.0, 0.5) == -1.0
    assert likelihood.log_loss_skill(math.inf, 0.5) == -math.inf


def test_expected_log_loss_if_calibrated():
    assert likelihood.expected_log_loss_if_calibrated([0.0, 1.0]) == 0.0
    assert likelihood.expected_log_loss_if_calibrated([0.5]) == pytest.approx(math.log(2))


def test_perplexity_values():
    assert round(likelihood.perplexity(helpers.binary_cross_entropy(Y_TRUE, Y_PROB)), 3) == 1.280
    assert likelihood.perplexity(0.0) == 1.0
    assert likelihood.perplexity(3.0, base=2) == 8.0
    assert likelihood.perplexity(math.inf) == math.inf
    assert likelihood.perplexity([0.0, math.log(4)]) == pytest.approx([1.0, 4.0])


def test_log_clamp_as_pytorch():
    assert likelihood.log_clamped_binary_cross_entropy([1], [0.0]) == 100.0
    assert likelihood.log_clamped_binary_cross_entropy([0], [1.0]) == 100.0
    assert likelihood.log_clamped_binary_cross_entropy([1], [0.0], log_min=-20.0) == 20.0
    assert likelihood.log_clamped_binary_cross_entropy(Y_TRUE, Y_PROB) == pytest.approx(
        helpers.binary_cross_entropy(Y_TRUE, Y_PROB)
    )


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: likelihood.bernoulli_pmf([0.5], [0.5]), "is not a label 0 or 1"),
        (lambda: likelihood.bernoulli_pmf([1, 0], [0.5]), "shape mismatch"),
        (lambda: likelihood.bernoulli_pmf([1], [1.5]), "greater than 1"),
        (lambda: likelihood.bernoulli_pmf([], []), "empty"),
        (lambda: likelihood.bernoulli_nll([1], [0.5], reduction="max"), "reduction"),
        (lambda: likelihood.categorical_nll([3], [[0.5, 0.5]]), "class index"),
        (lambda: likelihood.categorical_nll([0.5], [[0.5, 0.5]]), "class index"),
        (lambda: likelihood.categorical_nll([0, 1], [[0.5, 0.5]]), "class indices"),
        (lambda: likelihood.categorical_nll([0], [0.5, 0.5]), "2-D"),
        (lambda: likelihood.categorical_nll([0], [[0.5, 0.6]]), "sums to"),
        (lambda: likelihood.gaussian_nll([1.0], [1.0], sigma=0.0), "sigma"),
        (lambda: likelihood.gaussian_nll([1.0], [1.0], sigma=-1.0), "sigma"),
        (lambda: likelihood.gaussian_nll([1.0], [1.0], sigma="1"), "sigma"),
        (lambda: likelihood.gaussian_nll([np.inf], [1.0], sigma=1.0), "finite"),
        (lambda: likelihood.gaussian_nll([1.0, 2.0], [1.0], sigma=1.0), "shape mismatch"),
        (lambda: likelihood.gaussian_nll_from_mse(-0.1, 1.0), "mse"),
        (lambda: likelihood.gaussian_nll_from_mse(0.1, math.nan), "sigma"),
        (lambda: likelihood.baseline_log_loss(1.2), "greater than 1"),
        (lambda: likelihood.baseline_log_loss("a"), "numbers"),
        (lambda: likelihood.log_loss_skill(-0.1, 0.5), "log_loss"),
        (lambda: likelihood.log_loss_skill(0.1, 0.0), "baseline"),
        (lambda: likelihood.log_loss_skill(0.1, math.inf), "baseline"),
        (lambda: likelihood.perplexity(-1.0), "cross_entropy"),
        (lambda: likelihood.perplexity(math.nan), "cross_entropy"),
        (lambda: likelihood.perplexity(1.0, base=1.0), "base"),
        (lambda: likelihood.perplexity(1.0, base=0.5), "base"),
        (lambda: likelihood.log_clamped_binary_cross_entropy([1], [0.5], log_min=1.0), "log_min"),
        (
            lambda: likelihood.log_clamped_binary_cross_entropy([1], [0.5], log_min=-math.inf),
            "log_min",
        ),
        (lambda: likelihood.log_clamped_binary_cross_entropy([2], [0.5]), "greater than 1"),
    ],
)
def test_bad_input_raises_value_error(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# --- properties ---------------------------------------------------------------------------------


@given(
    arrays(np.float64, st.integers(1, 40), elements=finite),
    arrays(np.float64, st.integers(1, 40), elements=finite),
    sigmas,
)
def test_gaussian_nll_is_a_constant_plus_scaled_mse(y, mu, sigma):
    n = min(y.size, mu.size)
    y, mu = y[:n], mu[:n]
    mse = float(np.mean((y - mu) ** 2))
    expected = 0.5 * math.log(2 * math.pi * sigma**2) + mse / (2 * sigma**2)
    nll = likelihood.gaussian_nll(y, mu, sigma)
    assert nll == pytest.approx(expected, rel=1e-9, abs=1e-9)
    assert nll == pytest.approx(likelihood.gaussian_nll_from_mse(mse, sigma), rel=1e-9, abs=1e-9)
    assert nll == pytest.approx(-stats.norm.logpdf(y, mu, sigma).mean(), rel=1e-9, abs=1e-9)


@given(
    arrays(np.float64, 20, elements=finite),
    arrays(np.float64, 20, elements=finite),
    arrays(np.float64, 20, elements=finite),
    sigmas,
    sigmas,
)
def test_gaussian_nll_ranks_predictions_as_mse_does(y, a, b, s1, s2):
    mse_a, mse_b = np.mean((y - a) ** 2), np.mean((y - b) ** 2)
    assume(abs(mse_a - mse_b) > 1e-6 * max(mse_a, mse_b, 1.0))
    for sigma in (s1, s2):
        nll_a, nll_b = likelihood.gaussian_nll(y, a, sigma), likelihood.gaussian_nll(y, b, sigma)
        assert (nll_a < nll_b) == (mse_a < mse_b)


@given(st.lists(st.tuples(st.integers(0, 1), probability), min_size=1, max_size=50))
def test_bernoulli_nll_equals_binary_cross_entropy(pairs):
    y, p = np.array(pairs).T
    nll = likelihood.bernoulli_nll(y, p)
    bce = helpers.binary_cross_entropy(y, p)
    if math.isinf(bce):
        assert nll == math.inf
    else:
        assert nll == pytest.approx(bce, rel=1e-9, abs=1e-12)


@given(st.integers(2, 8), st.integers(1, 20), st.data())
def test_categorical_nll_equals_categorical_cross_entropy(k, n, data):
    raw = data.draw(arrays(np.float64, (n, k), elements=st.floats(0.01, 1.0)))
    probs = raw / raw.sum(axis=1, keepdims=True)
    classes = data.draw(arrays(np.int64, n, elements=st.integers(0, k - 1)))
    nll = likelihood.categorical_nll(classes, probs)
    assert nll == pytest.approx(helpers.categorical_cross_entropy(classes, probs), rel=1e-9)


@given(st.integers(2, 1000), st.integers(1, 30))
def test_perplexity_of_a_uniform_predictor_is_the_number_of_classes(k, n):
    uniform = np.full((n, k), 1 / k)
    classes = np.arange(n) % k
    assert likelihood.perplexity(helpers.categorical_cross_entropy(classes, uniform)) == (
        pytest.approx(k, rel=1e-9)
    )


@given(st.floats(0.0, 50.0))
def test_perplexity_is_the_same_in_bits_and_nats(h_nats):
    assert likelihood.perplexity(h_nats) == pytest.approx(
        likelihood.perplexity(h_nats / math.log(2), base=2), rel=1e-9
    )


@given(probability)
def test_baseline_log_loss_is_maximised_at_one_half(pi):
    h = likelihood.baseline_log_loss(pi)
    assert 0.0 <= h <= likelihood.baseline_log_loss(0.5) + 1e-15
    assert h == pytest.approx(likelihood.baseline_log_loss(1 - pi), abs=1e-12)
    assert h == pytest.approx(helpers.entropy([pi, 1 - pi], base=math.e), abs=1e-12)


@given(st.integers(1, 200), st.integers(1, 200))
def test_predicting_the_sample_rate_scores_the_baseline_and_is_best(k, extra):
    n = k + extra
    y = np.r_[np.ones(k), np.zeros(n - k)]
    rate = k / n
    best = helpers.binary_cross_entropy(y, np.full(n, rate))
    assert best == pytest.approx(likelihood.baseline_log_loss(rate), rel=1e-9)
    for other in (rate * 0.9, min(rate * 1.1, 1 - 1e-9)):
        assert helpers.binary_cross_entropy(y, np.full(n, other)) >= best - 1e-12


@given(inner_probability, inner_probability)
def test_expected_log_loss_if_calibrated_is_the_average_loss(p, q):
    # a sample with label 1 with probability p: its expected loss is H(p) when ŷ = p
    expected = p * -math.log(p) + (1 - p) * -math.log(1 - p)
    assert likelihood.expected_log_loss_if_calibrated([p]) == pytest.approx(expected, rel=1e-9)
    # and the calibrated prediction has the lowest expected loss (Gibbs' inequality)
    other = p * -math.log(q) + (1 - p) * -math.log(1 - q)
    assert other >= expected - 1e-12


@given(st.floats(0.0, 10.0), st.floats(1e-3, 10.0))
def test_skill_score_is_one_minus_the_ratio(ll, base):
    skill = likelihood.log_loss_skill(ll, base)
    assert skill <= 1.0
    assert skill == pytest.approx(1 - ll / base)
    assert (skill > 0) == (ll < base)


@given(st.lists(st.tuples(st.integers(0, 1), probability), min_size=1, max_size=30))
def test_log_clamp_caps_each_sample_at_100_nats(pairs):
    y, p = np.array(pairs).T
    clamped = likelihood.log_clamped_binary_cross_entropy(y, p, reduction="none")
    exact = helpers.binary_cross_entropy(y, p, reduction="none")
    assert np.all(clamped <= 100.0)
    assert np.allclose(clamped, np.minimum(exact, 100.0), rtol=1e-12, atol=1e-12)
