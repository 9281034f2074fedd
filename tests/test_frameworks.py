"""helpers.frameworks: PyTorch's weighted mean and NLLLoss, focal loss, gradients, Keras metrics,
the prior correction — against hand-computed values, scikit-learn, and the identities taught."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
import sklearn.metrics
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import helpers
from helpers import frameworks

LOGITS = np.array([[2.0, 0.0, 1.0], [0.0, 1.0, 3.0], [1.0, 2.0, 0.5], [1.5, 0.5, 0.0]])
LABELS = np.array([0, 2, 1, 2])

finite = st.floats(-30, 30, allow_nan=False, allow_subnormal=False)


def logit_batches(k_min: int = 2, k_max: int = 6):
    return st.integers(1, 8).flatmap(
        lambda n: st.integers(k_min, k_max).flatmap(
            lambda k: st.tuples(
                arrays(np.float64, (n, k), elements=finite),
                arrays(np.int64, (n,), elements=st.integers(0, k - 1)),
            )
        )
    )


# --- weighted cross-entropy, PyTorch convention -------------------------------------------------


def test_weighted_mean_by_hand():
    z = np.array([[2.0, 0.0], [2.0, 0.0]])
    first = math.log(1 + math.exp(-2))  # −ln softmax([2, 0])_0
    second = 3 * (2 + first)  # 3 · (−ln softmax([2, 0])_1)
    losses = frameworks.weighted_cross_entropy_with_logits([0, 1], z, [1.0, 3.0], reduction="none")
    np.testing.assert_allclose(losses, [first, second])
    assert frameworks.weighted_cross_entropy_with_logits([0, 1], z, [1.0, 3.0]) == pytest.approx(
        (first + second) / 4
    )
    one_hot = frameworks.weighted_cross_entropy_with_logits([[1, 0], [0, 1]], z, [1.0, 3.0])
    assert one_hot == pytest.approx((first + second) / 2)  # probability targets: ÷ n
    assert frameworks.weighted_cross_entropy_with_logits(
        [0, 1], z, [1.0, 3.0], reduction="sum"
    ) == pytest.approx(first + second)


def test_weighted_mean_is_scale_invariant_for_indices_only():
    w = np.array([1.0, 2.0, 5.0])
    base = frameworks.weighted_cross_entropy_with_logits(LABELS, LOGITS, w)
    assert frameworks.weighted_cross_entropy_with_logits(LABELS, LOGITS, 10 * w) == pytest.approx(
        base
    )
    rows = np.eye(3)[LABELS]
    assert frameworks.weighted_cross_entropy_with_logits(rows, LOGITS, 10 * w) == pytest.approx(
        10 * frameworks.weighted_cross_entropy_with_logits(rows, LOGITS, w)
    )


@given(logit_batches(), st.floats(0.1, 10))
def test_equal_weights_give_the_unweighted_loss(batch, c):
    z, t = batch
    plain = helpers.softmax_cross_entropy_with_logits(t, z)
    w = np.full(z.shape[1], c)
    assert frameworks.weighted_cross_entropy_with_logits(t, z, w) == pytest.approx(
        plain, rel=1e-9, abs=1e-12
    )
    assert frameworks.weighted_cross_entropy_with_logits(t, z) == pytest.approx(
        plain, rel=1e-9, abs=1e-12
    )


def test_weighted_loss_agrees_with_sklearn_sample_weights():
    w = np.array([1.0, 2.0, 5.0])
    ours = frameworks.weighted_cross_entropy_with_logits(LABELS, LOGITS, w)
    theirs = sklearn.metrics.log_loss(LABELS, helpers.softmax(LOGITS), sample_weight=w[LABELS])
    assert ours == pytest.approx(theirs)


def test_zero_weight_targets():
    with pytest.raises(ValueError, match="sum to 0"):
        frameworks.weighted_cross_entropy_with_logits([0, 0], [[1.0, 0.0], [0.0, 1.0]], [0.0, 1.0])
    none = frameworks.weighted_cross_entropy_with_logits(
        [0, 1], [[1.0, 0.0], [0.0, 1.0]], [0.0, 1.0], reduction="none"
    )
    assert none[0] == 0.0


# --- NLLLoss -----------------------------------------------------------------------------------


def test_nll_loss_on_log_softmax_is_cross_entropy():
    assert frameworks.nll_loss(LABELS, helpers.log_softmax(LOGITS)) == pytest.approx(
        helpers.softmax_cross_entropy_with_logits(LABELS, LOGITS)
    )
    w = np.array([1.0, 2.0, 5.0])
    assert frameworks.nll_loss(LABELS, helpers.log_softmax(LOGITS), w) == pytest.approx(
        frameworks.weighted_cross_entropy_with_logits(LABELS, LOGITS, w)
    )


def test_nll_loss_on_probabilities_is_negative():
    assert frameworks.nll_loss([0, 1], [[0.9, 0.1], [0.2, 0.8]]) == pytest.approx(-0.85)
    assert frameworks.nll_loss([0], [[-np.inf, 0.0]]) == math.inf
    assert frameworks.nll_loss([1], [[-np.inf, 0.0]]) == 0.0


# --- focal loss --------------------------------------------------------------------------------


def test_focal_by_hand():
    z = [[math.log(0.9), math.log(0.1)]]
    assert frameworks.focal_loss_with_logits([0], z, 2.0) == pytest.approx(0.01 * -math.log(0.9))
    assert frameworks.focal_loss_with_logits([1], z, 2.0) == pytest.approx(0.81 * -math.log(0.1))
    assert frameworks.focal_loss_with_logits([0], z, 1.0) == pytest.approx(0.1 * -math.log(0.9))


@given(logit_batches())
def test_focal_with_gamma_zero_is_cross_entropy(batch):
    z, t = batch
    np.testing.assert_allclose(
        frameworks.focal_loss_with_logits(t, z, 0.0, reduction="none"),
        helpers.softmax_cross_entropy_with_logits(t, z, reduction="none"),
        rtol=1e-12,
        atol=1e-12,
    )


@given(logit_batches(), st.floats(0.0, 5.0), st.floats(0.0, 5.0))
def test_focal_decreases_with_gamma_and_never_exceeds_cross_entropy(batch, g1, g2):
    z, t = batch
    low, high = sorted((g1, g2))
    a = frameworks.focal_loss_with_logits(t, z, low, reduction="none")
    b = frameworks.focal_loss_with_logits(t, z, high, reduction="none")
    ce = helpers.softmax_cross_entropy_with_logits(t, z, reduction="none")
    assert np.all(b <= a + 1e-12) and np.all(a <= ce + 1e-9) and np.all(b >= 0)


def test_focal_is_finite_for_extreme_logits():
    z = [[1000.0, -1000.0], [-1000.0, 1000.0]]
    losses = frameworks.focal_loss_with_logits([0, 0], z, 2.0, reduction="none")
    assert losses[0] == 0.0 and losses[1] == pytest.approx(2000.0)


# --- equivalences ------------------------------------------------------------------------------


@given(
    arrays(np.float64, (5, 2), elements=finite), arrays(np.int64, (5,), elements=st.integers(0, 1))
)
def test_sigmoid_model_is_a_two_class_softmax_model(pairs, labels):
    two_unit = helpers.softmax_cross_entropy_with_logits(labels, pairs, reduction="none")
    one_unit = helpers.binary_cross_entropy_with_logits(
        labels, pairs[:, 1] - pairs[:, 0], reduction="none"
    )
    np.testing.assert_allclose(two_unit, one_unit, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(
        helpers.softmax(pairs)[:, 1], helpers.sigmoid(pairs[:, 1] - pairs[:, 0]), atol=1e-12
    )


# --- gradients ---------------------------------------------------------------------------------


def numerical_gradient(loss, z, h=1e-6):
    grad = np.zeros_like(z)
    for idx in np.ndindex(z.shape):
        up, down = z.copy(), z.copy()
        up[idx] += h
        down[idx] -= h
        grad[idx] = (loss(up) - loss(down)) / (2 * h)
    return grad


def test_gradients_match_finite_differences():
    def correct(z):
        return helpers.softmax_cross_entropy_with_logits(LABELS, z, reduction="sum")

    def twice(z):
        return helpers.softmax_cross_entropy_with_logits(
            LABELS, helpers.softmax(z), reduction="sum"
        )

    np.testing.assert_allclose(
        frameworks.cross_entropy_gradient(LABELS, LOGITS),
        numerical_gradient(correct, LOGITS),
        atol=1e-6,
    )
    np.testing.assert_allclose(
        frameworks.double_softmax_gradient(LABELS, LOGITS),
        numerical_gradient(twice, LOGITS),
        atol=1e-6,
    )


@given(logit_batches(3, 10))
def test_softmax_twice_loss_stays_in_its_band(batch):
    z, t = batch
    k = z.shape[1]
    loss = helpers.softmax_cross_entropy_with_logits(t, helpers.softmax(z), reduction="none")
    assert np.all(loss >= math.log(math.e + k - 1) - 1 - 1e-12)
    assert np.all(loss <= math.log(math.e + k - 1) + 1e-12)


# --- metrics -----------------------------------------------------------------------------------


def test_keras_metric_trap():
    targets = np.eye(5)[[0, 1, 2, 3, 4, 0, 1, 2, 3, 4]]
    outputs = np.full((10, 5), 0.1)
    outputs[np.arange(10), [0, 1, 2, 3, 4, 1, 2, 3, 4, 0]] = 0.45
    assert frameworks.binary_accuracy(targets, outputs) == pytest.approx(0.8)
    assert frameworks.categorical_accuracy(targets, outputs) == pytest.approx(0.5)
    assert frameworks.categorical_accuracy([0, 1, 2, 3, 4] * 2, outputs) == pytest.approx(0.5)


def test_binary_accuracy_threshold_is_strict():
    assert frameworks.binary_accuracy([1, 0], [0.5, 0.5]) == 0.5
    assert frameworks.binary_accuracy([1, 0], [0.5, 0.5], threshold=0.4) == 0.5
    assert frameworks.binary_accuracy([1, 1], [0.5, 0.6], threshold=0.4) == 1.0


# --- weights and calibration -------------------------------------------------------------------


def test_undo_class_weights_inverts_the_tilt():
    prior = np.array([0.6, 0.3, 0.1])
    w = np.array([0.5, 1.0, 4.0])
    tilted = w * prior / np.sum(w * prior)
    np.testing.assert_allclose(frameworks.undo_class_weights(tilted, w), prior)
    np.testing.assert_allclose(
        frameworks.undo_class_weights(np.array([tilted, tilted]), w), [prior, prior]
    )


def test_weighted_fit_predicts_the_tilted_prior_without_features():
    y = np.repeat([0, 1, 2], [60, 30, 10])
    X = np.zeros((100, 1))
    w = np.array([1.0, 2.0, 6.0])
    fit = frameworks.fit_softmax_regression(X, y, 3, class_weights=w, lr=1.0, epochs=3000)
    q = fit.predict_proba([[0.0]])[0]
    prior = np.array([0.6, 0.3, 0.1])
    np.testing.assert_allclose(q, w * prior / np.sum(w * prior), atol=1e-6)
    np.testing.assert_allclose(frameworks.undo_class_weights(q, w), prior, atol=1e-6)
    plain = frameworks.fit_softmax_regression(X, y, 3, lr=1.0, epochs=3000)
    np.testing.assert_allclose(plain.predict_proba([[0.0]])[0], prior, atol=1e-6)


def test_fit_is_deterministic():
    X = [[-1.0], [0.0], [1.0], [0.5]]
    a = frameworks.fit_softmax_regression(X, [0, 1, 1, 0], 2, epochs=50)
    b = frameworks.fit_softmax_regression(X, [0, 1, 1, 0], 2, epochs=50)
    np.testing.assert_array_equal(a.weights, b.weights)
    assert a.loss == b.loss


# --- hostile input: ValueError, never another exception, never a warning ------------------------

HOSTILE = [
    ("weighted_cross_entropy_with_logits", ([0], [[1.0, np.nan]])),
    ("weighted_cross_entropy_with_logits", ([0], [[1.0, 0.0]], [1.0])),
    ("weighted_cross_entropy_with_logits", ([0], [[1.0, 0.0]], [-1.0, 1.0])),
    ("weighted_cross_entropy_with_logits", ([0], [[1.0, 0.0]], [0.0, 0.0])),
    ("weighted_cross_entropy_with_logits", ([0], [[1.0, 0.0]], "ab")),
    ("weighted_cross_entropy_with_logits", ([2], [[1.0, 0.0]])),
    ("weighted_cross_entropy_with_logits", ([0.5], [[1.0, 0.0]])),
    ("weighted_cross_entropy_with_logits", ([0], [1.0, 0.0])),
    ("weighted_cross_entropy_with_logits", (["a"], [[1.0, 0.0]])),
    ("weighted_cross_entropy_with_logits", ([[1, 1]], [[1.0, 0.0]])),
    ("nll_loss", ([0], [[np.nan, 0.0]])),
    ("nll_loss", ([[1, 0]], [[0.0, 0.0]])),
    ("nll_loss", ([0], [[np.inf, 0.0]])),
    ("nll_loss", ([0], [0.0, 0.0])),
    ("focal_loss_with_logits", ([0], [[1.0, 0.0]], -1.0)),
    ("focal_loss_with_logits", ([0], [[1.0, 0.0]], np.inf)),
    ("focal_loss_with_logits", ([0], [[1.0, 0.0]], True)),
    ("focal_loss_with_logits", ([0], [[1.0, 0.0]], "2")),
    ("focal_loss_with_logits", ([0], [[1.0, 0.0]], 2.0), {"reduction": "avg"}),
    ("cross_entropy_gradient", ([0], [[np.inf, 0.0]])),
    ("double_softmax_gradient", ([3], [[1.0, 0.0]])),
    ("binary_accuracy", ([2], [0.5])),
    ("binary_accuracy", ([1], [1.5])),
    ("binary_accuracy", ([1], [0.5], 2.0)),
    ("binary_accuracy", ([1, 0], [0.5])),
    ("categorical_accuracy", ([0], [[np.nan, 1.0]])),
    ("undo_class_weights", ([0.5, 0.6], [1.0, 1.0])),
    ("undo_class_weights", ([0.5, 0.5], [0.0, 1.0])),
    ("undo_class_weights", ([0.5, 0.5], [1.0])),
    ("fit_softmax_regression", ([[0.0]], [0], 1)),
    ("fit_softmax_regression", ([[0.0]], [0], 10**400)),
    ("fit_softmax_regression", ([[0.0]], [0], 2), {"epochs": 10**400}),
    ("fit_softmax_regression", ([[0.0]], [0], 2), {"lr": 10**400}),
    ("focal_loss_with_logits", ([0], [[1.0, 0.0]], 10**400)),
    ("weighted_cross_entropy_with_logits", ([0], np.ma.masked_array([[1.0, 0.0]], mask=[[1, 0]]))),
    ("nll_loss", ([0], [[0.0, 0.0]], [True, False])),
    ("fit_softmax_regression", ([[0.0]], [0], 2), {"lr": 0}),
    ("fit_softmax_regression", ([[0.0]], [0], 2), {"epochs": 0}),
    ("fit_softmax_regression", ([[0.0]], [[1, 0]], 2)),
    ("fit_softmax_regression", ([0.0], [0], 2)),
    ("fit_softmax_regression", ([[np.nan]], [0], 2)),
    ("fit_softmax_regression", ([[0.0]], [0], 2), {"class_weights": [0.0, 1.0]}),
]


@pytest.mark.parametrize("case", HOSTILE, ids=lambda c: c[0])
def test_hostile_input_is_a_value_error(case):
    name, args, *rest = case
    kwargs = rest[0] if rest else {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError):
            getattr(frameworks, name)(*args, **kwargs)


def test_predict_proba_checks_its_input():
    fit = frameworks.fit_softmax_regression([[0.0], [1.0]], [0, 1], 2, epochs=5)
    with pytest.raises(ValueError):
        fit.predict_proba([[0.0, 1.0]])
    with pytest.raises(ValueError):
        fit.predict_proba([[np.nan]])


weights_any = arrays(np.float64, (3,), elements=st.floats(0.0, 1e308, allow_subnormal=True)).filter(
    lambda w: bool((w > 0).any())
)


@given(weights_any, st.sampled_from(["mean", "sum", "none"]))
def test_any_weights_never_warn_and_the_mean_stays_a_mean(w, reduction):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            loss = frameworks.weighted_cross_entropy_with_logits(
                LABELS, LOGITS, w, reduction=reduction
            )
            nll = frameworks.nll_loss(LABELS, helpers.log_softmax(LOGITS), w, reduction=reduction)
        except ValueError as error:  # the targets' weights sum to 0 or beyond float64
            assert "weights sum" in str(error)
            return
    np.testing.assert_allclose(loss, nll, rtol=1e-9)
    if reduction == "mean":  # a weighted mean lies between the smallest and largest loss
        ce = helpers.softmax_cross_entropy_with_logits(LABELS, LOGITS, reduction="none")
        used = w[LABELS] > 0
        assert ce[used].min() - 1e-9 <= loss <= ce[used].max() + 1e-9


def test_a_diverging_fit_is_a_value_error():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match="diverged"):
            frameworks.fit_softmax_regression([[1e5], [-1e5]], [0, 1], 2, lr=1e300, epochs=50)
