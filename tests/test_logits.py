"""The stable losses from logits: sigmoid, softplus, (log-)softmax, the two *_with_logits losses
and label smoothing — against the naive formulas, against each other, and by their properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import helpers
from helpers import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    log_softmax,
    sigmoid,
    smooth_labels,
    softmax,
    softmax_cross_entropy_with_logits,
    softplus,
)

# Logits as a trained network produces them, and far beyond (the losses must stay finite).
MODERATE = st.floats(-30, 30, allow_nan=False)
# Where the naive formulas still have (nearly) all their digits: beyond |z| ≈ 15, 1 − σ(z)
# cancels catastrophically (at z = 25 the naive loss is already wrong in the 7th digit).
NAIVE = st.floats(-15, 15, allow_nan=False)
LARGE = st.floats(-1e6, 1e6, allow_nan=False)


def logit_rows(elements=LARGE, max_rows: int = 5, max_classes: int = 6):
    shapes = st.tuples(st.integers(1, max_rows), st.integers(2, max_classes))
    return hnp.arrays(np.float64, shapes, elements=elements)


def logit_vectors(elements=LARGE, max_size: int = 8):
    return hnp.arrays(np.float64, st.integers(1, max_size), elements=elements)


def naive_binary(y, z):
    """−[y ln σ(z) + (1 − y) ln(1 − σ(z))] straight from the formula (finite for small |z|)."""
    s = 1 / (1 + np.exp(-np.asarray(z, dtype=float)))
    y = np.asarray(y, dtype=float)
    return -(y * np.log(s) + (1 - y) * np.log(1 - s))


def naive_log_softmax(z):
    z = np.asarray(z, dtype=float)
    e = np.exp(z)
    return np.log(e / e.sum(axis=-1, keepdims=True))


# --- sigmoid and softplus ----------------------------------------------------------------------


def test_sigmoid_values():
    assert sigmoid(0.0) == 0.5
    np.testing.assert_allclose(sigmoid([-2.0, 2.0]), [1 / (1 + math.e**2), 1 / (1 + math.e**-2)])
    assert sigmoid(1000.0) == 1.0 and sigmoid(-1000.0) == 0.0  # no overflow warning


def test_softplus_values():
    np.testing.assert_allclose(softplus([-1.0, 0.0, 1.0]), np.log1p(np.exp([-1.0, 0.0, 1.0])))
    assert softplus(1000.0) == 1000.0
    assert softplus(-1000.0) == 0.0


@given(NAIVE)
def test_softplus_is_minus_log_one_minus_sigmoid(z):
    np.testing.assert_allclose(softplus(z), -np.log1p(-sigmoid(z)), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(softplus(-z), -np.log(sigmoid(z)), rtol=1e-9, atol=1e-12)


@given(logit_vectors(st.floats(-1e300, 1e300)))
def test_sigmoid_and_softplus_finite_and_in_range(z):
    s, sp = sigmoid(z), softplus(z)
    assert np.all((s >= 0) & (s <= 1))
    assert np.all(np.isfinite(sp)) and np.all(sp >= 0) and np.all(sp >= z)


@given(logit_vectors(MODERATE))
def test_sigmoid_symmetry(z):
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), atol=1e-15)


# --- log_softmax and softmax -------------------------------------------------------------------


def test_log_softmax_of_huge_logits():
    z = [1000.0, 2000.0, 2500.0]
    np.testing.assert_array_equal(log_softmax(z), [-1500.0, -500.0, 0.0])
    with np.errstate(all="ignore"):
        assert np.isnan(naive_log_softmax(z)).any()  # what the stable version avoids


def test_softmax_rows_are_distributions():
    probabilities = softmax([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0)
    np.testing.assert_allclose(probabilities[1], 1 / 3)
    np.testing.assert_allclose(probabilities[0], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())


@given(logit_rows(MODERATE))
def test_log_softmax_equals_the_naive_formula_where_finite(z):
    np.testing.assert_allclose(log_softmax(z), naive_log_softmax(z), rtol=1e-9, atol=1e-9)


@given(logit_rows(), st.floats(-1e6, 1e6))
def test_log_softmax_is_shift_invariant(z, c):
    np.testing.assert_allclose(log_softmax(z + c), log_softmax(z), atol=1e-6)


@given(logit_rows(st.floats(-1e300, 1e300)))
def test_softmax_is_a_distribution_for_any_finite_logits(z):
    probabilities = softmax(z)
    assert np.all(np.isfinite(probabilities)) and np.all(probabilities >= 0)
    np.testing.assert_allclose(probabilities.sum(axis=-1), 1.0, rtol=1e-12)


def test_log_softmax_when_the_gap_exceeds_float64():
    """A gap beyond ~1.8e308 is a log-probability of −inf: no warning, no nan."""
    np.testing.assert_array_equal(log_softmax([1e308, -1e308]), [0.0, -np.inf])
    np.testing.assert_array_equal(softmax([1e308, -1e308]), [1.0, 0.0])


# --- binary cross-entropy with logits ---------------------------------------------------------


def test_binary_with_logits_values():
    assert binary_cross_entropy_with_logits([1], [0.0]) == pytest.approx(math.log(2))
    assert binary_cross_entropy_with_logits([0], [40.0]) == 40.0
    losses = binary_cross_entropy_with_logits([1, 0], [2.0, -1.0], reduction="none")
    np.testing.assert_allclose(losses, [math.log1p(math.exp(-2)), math.log1p(math.exp(-1))])
    assert binary_cross_entropy_with_logits([1, 0], [2.0, -1.0], reduction="sum") == (
        pytest.approx(losses.sum())
    )
    assert binary_cross_entropy_with_logits([1, 0], [2.0, -1.0]) == pytest.approx(losses.mean())


def test_naive_binary_loss_overflows_at_z_37():
    """The docstring's claim: the naive −ln(1 − σ(z)) is inf from z = 37 in float64."""
    z = np.arange(30.0, 45.0)
    with np.errstate(all="ignore"):
        naive = naive_binary(np.zeros_like(z), z)
    assert z[np.isinf(naive)].min() == 37.0
    np.testing.assert_array_equal(
        binary_cross_entropy_with_logits(np.zeros_like(z), z, reduction="none"),
        z + np.log1p(np.exp(-z)),
    )


def test_stable_binary_loss_keeps_the_digits_the_naive_one_loses():
    exact = 25 + math.log1p(math.exp(-25))  # softplus(25) = −ln(1 − σ(25))
    assert binary_cross_entropy_with_logits([0], [25.0]) == pytest.approx(exact, rel=1e-15)
    assert abs(naive_binary(0.0, 25.0) - exact) > 1e-6


@given(st.lists(st.tuples(st.floats(0, 1), NAIVE), min_size=1, max_size=10))
def test_binary_with_logits_equals_the_naive_formula_where_finite(pairs):
    y, z = np.array(pairs).T
    np.testing.assert_allclose(
        binary_cross_entropy_with_logits(y, z, reduction="none"),
        naive_binary(y, z),
        rtol=1e-7,
        atol=1e-9,
    )


@given(st.lists(st.tuples(st.sampled_from([0.0, 1.0]), NAIVE), min_size=1, max_size=10))
def test_binary_with_logits_equals_binary_cross_entropy_of_sigmoid(pairs):
    y, z = np.array(pairs).T
    np.testing.assert_allclose(
        binary_cross_entropy_with_logits(y, z, reduction="none"),
        binary_cross_entropy(y, sigmoid(z), reduction="none"),
        rtol=1e-7,
        atol=1e-9,
    )


@given(st.lists(st.tuples(st.floats(0, 1), LARGE), min_size=1, max_size=10))
def test_binary_with_logits_equals_softmax_with_logits_on_zero_and_z(pairs):
    """σ(z) = softmax([0, z])[1], so the binary loss is the two-class softmax loss."""
    y, z = np.array(pairs).T
    rows = np.column_stack([1 - y, y])
    logits = np.column_stack([np.zeros_like(z), z])
    np.testing.assert_allclose(
        binary_cross_entropy_with_logits(y, z, reduction="none"),
        softmax_cross_entropy_with_logits(rows, logits, reduction="none"),
        rtol=1e-9,
        atol=1e-9,
    )


@given(logit_vectors(st.floats(-1e300, 1e300)), st.data())
def test_binary_with_logits_is_finite_and_non_negative(z, data):
    y = data.draw(hnp.arrays(np.float64, z.shape, elements=st.floats(0, 1)))
    losses = binary_cross_entropy_with_logits(y, z, reduction="none")
    assert np.all(np.isfinite(losses)) and np.all(losses >= 0)


@given(st.lists(st.tuples(st.floats(0, 1), LARGE), min_size=1, max_size=10))
def test_pos_weight_one_is_unweighted(pairs):
    y, z = np.array(pairs).T
    assert binary_cross_entropy_with_logits(y, z, pos_weight=1.0) == (
        binary_cross_entropy_with_logits(y, z)
    )


@given(
    st.lists(st.tuples(st.sampled_from([0.0, 1.0]), NAIVE), min_size=1, max_size=10),
    st.floats(0.1, 20),
)
def test_pos_weight_scales_only_the_positive_terms(pairs, weight):
    y, z = np.array(pairs).T
    plain = binary_cross_entropy_with_logits(y, z, reduction="none")
    weighted = binary_cross_entropy_with_logits(y, z, reduction="none", pos_weight=weight)
    np.testing.assert_allclose(weighted, np.where(y == 1, weight * plain, plain), rtol=1e-12)
    np.testing.assert_allclose(
        weighted,
        binary_cross_entropy(y, sigmoid(z), reduction="none", pos_weight=weight),
        rtol=1e-7,
        atol=1e-9,
    )


# --- softmax cross-entropy with logits --------------------------------------------------------


def test_softmax_with_logits_values():
    assert softmax_cross_entropy_with_logits([1], [[1000.0, 2000.0, 2500.0]]) == 500.0
    assert softmax_cross_entropy_with_logits([0], [[0.0, 0.0, 0.0]]) == pytest.approx(math.log(3))
    one_hot = softmax_cross_entropy_with_logits([[0, 0, 1]], [[1000.0, 2000.0, 2500.0]])
    assert one_hot == 0.0


def test_softmax_with_logits_class_indices_equal_one_hot_rows():
    z = [[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]]
    by_index = softmax_cross_entropy_with_logits([2, 0], z, reduction="none")
    by_rows = softmax_cross_entropy_with_logits([[0, 0, 1], [1, 0, 0]], z, reduction="none")
    np.testing.assert_array_equal(by_index, by_rows)


@given(logit_rows(MODERATE), st.data())
def test_softmax_with_logits_equals_minus_log_of_softmax(z, data):
    labels = data.draw(hnp.arrays(np.int64, z.shape[0], elements=st.integers(0, z.shape[1] - 1)))
    naive = -naive_log_softmax(z)[np.arange(z.shape[0]), labels]
    np.testing.assert_allclose(
        softmax_cross_entropy_with_logits(labels, z, reduction="none"),
        naive,
        rtol=1e-9,
        atol=1e-9,
    )


@given(logit_rows(MODERATE), st.data())
def test_softmax_with_logits_equals_categorical_cross_entropy_of_softmax(z, data):
    raw = data.draw(hnp.arrays(np.float64, z.shape, elements=st.floats(0.01, 1)))
    targets = raw / raw.sum(axis=1, keepdims=True)  # soft targets too
    np.testing.assert_allclose(
        softmax_cross_entropy_with_logits(targets, z, reduction="none"),
        categorical_cross_entropy(targets, softmax(z), reduction="none"),
        rtol=1e-7,
        atol=1e-9,
    )


@given(logit_rows(), st.floats(-1e6, 1e6), st.data())
def test_softmax_with_logits_is_shift_invariant(z, c, data):
    labels = data.draw(hnp.arrays(np.int64, z.shape[0], elements=st.integers(0, z.shape[1] - 1)))
    np.testing.assert_allclose(
        softmax_cross_entropy_with_logits(labels, z + c, reduction="none"),
        softmax_cross_entropy_with_logits(labels, z, reduction="none"),
        rtol=1e-9,
        atol=1e-6,
    )


@given(logit_rows(), st.data())
def test_softmax_with_logits_is_finite_and_non_negative(z, data):
    labels = data.draw(hnp.arrays(np.int64, z.shape[0], elements=st.integers(0, z.shape[1] - 1)))
    losses = softmax_cross_entropy_with_logits(labels, z, reduction="none")
    assert np.all(np.isfinite(losses)) and np.all(losses >= 0)


@given(logit_rows(st.floats(-1e300, 1e300)), st.data())
def test_softmax_with_logits_never_nan(z, data):
    """Even past float64's range (a gap over ~1.8e308) the loss is a number or inf, never nan."""
    labels = data.draw(hnp.arrays(np.int64, z.shape[0], elements=st.integers(0, z.shape[1] - 1)))
    losses = softmax_cross_entropy_with_logits(labels, z, reduction="none")
    assert not np.isnan(losses).any() and np.all(losses >= 0)


def test_softmax_with_logits_beyond_float64_range():
    z = [[1e308, -1e308], [1e308, -1e308]]
    losses = softmax_cross_entropy_with_logits([0, 1], z, reduction="none")
    np.testing.assert_array_equal(losses, [0.0, np.inf])  # 2e308 nats does not fit in float64


# --- label smoothing ---------------------------------------------------------------------------


def test_smooth_labels_values():
    np.testing.assert_allclose(smooth_labels([0], 3, 0.1), [[0.9 + 0.1 / 3, 0.1 / 3, 0.1 / 3]])
    np.testing.assert_array_equal(smooth_labels([1, 0], 2, 0.0), [[0.0, 1.0], [1.0, 0.0]])
    np.testing.assert_allclose(smooth_labels([[0, 0, 1]], 3, 0.3), [[0.1, 0.1, 0.8]])


def test_label_smoothing_worked_example():
    """q = [.8, .1, .1], true class 0, ε = 0.1, k = 3: 0.223 → 0.362 nats, minimum 0.291."""
    q = np.array([[0.8, 0.1, 0.1]])
    target = smooth_labels([0], 3, 0.1)
    assert round(categorical_cross_entropy([0], q), 3) == 0.223
    assert round(categorical_cross_entropy(target, q), 3) == 0.362
    assert round(helpers.entropy(target[0], base=math.e), 3) == 0.291
    assert categorical_cross_entropy(target, target) == pytest.approx(
        helpers.entropy(target[0], base=math.e)
    )
    assert round(float(target[0, 0]), 3) == 0.933


@given(st.integers(2, 10), st.floats(0, 0.99), st.data())
def test_smoothed_targets_are_distributions_and_keep_the_argmax(k, epsilon, data):
    labels = data.draw(st.lists(st.integers(0, k - 1), min_size=1, max_size=6))
    rows = smooth_labels(labels, k, epsilon)
    np.testing.assert_allclose(rows.sum(axis=1), 1.0)
    np.testing.assert_allclose(rows.min(axis=1), epsilon / k)
    if epsilon < 0.99 * (k - 1) / k:
        np.testing.assert_array_equal(rows.argmax(axis=1), labels)


@given(st.integers(2, 6), st.floats(0.01, 0.5), logit_rows(MODERATE, max_rows=1, max_classes=6))
def test_the_smoothed_target_minimises_the_smoothed_loss(k, epsilon, z):
    """H(y_LS, q) ≥ H(y_LS, y_LS) = H(y_LS) for every prediction q (Gibbs' inequality)."""
    target = smooth_labels([0], k, epsilon)
    logits = np.resize(z, (1, k))
    best = helpers.entropy(target[0], base=math.e)
    assert softmax_cross_entropy_with_logits(target, logits) >= best - 1e-12
    assert softmax_cross_entropy_with_logits(target, np.log(target)) == pytest.approx(best)


# --- bad input ---------------------------------------------------------------------------------

BAD_LOGITS = [np.nan, np.inf, -np.inf]


@pytest.mark.parametrize("bad", BAD_LOGITS)
def test_nan_and_inf_logits_are_refused(bad):
    with pytest.raises(ValueError, match="NaN or infinite"):
        binary_cross_entropy_with_logits([1, 0], [0.5, bad])
    with pytest.raises(ValueError, match="NaN or infinite"):
        softmax_cross_entropy_with_logits([0], [[0.5, bad]])
    for function in (sigmoid, softplus, log_softmax, softmax):
        with pytest.raises(ValueError, match="NaN or infinite"):
            function([0.0, bad])


@pytest.mark.parametrize("bad", [[], "abc", [True, False], [1 + 2j], [[1.0], [1.0, 2.0]]])
def test_non_numbers_are_refused(bad):
    for function in (sigmoid, softplus, log_softmax, softmax):
        with pytest.raises(ValueError):
            function(bad)


def test_shape_mismatch_is_refused():
    with pytest.raises(ValueError, match="shape mismatch"):
        binary_cross_entropy_with_logits([1, 0, 1], [0.5, 0.2])
    with pytest.raises(ValueError, match="labels but"):
        softmax_cross_entropy_with_logits([0, 1, 2], [[0.0, 1.0, 2.0]])
    with pytest.raises(ValueError, match="shape mismatch"):
        softmax_cross_entropy_with_logits([[0, 1], [1, 0]], [[0.0, 1.0, 2.0]] * 2)
    with pytest.raises(ValueError, match="2-D"):
        softmax_cross_entropy_with_logits([0], [0.0, 1.0])


@pytest.mark.parametrize("labels", [[2, 0], [-1, 0], [0.5, 0], [np.nan, 0]])
def test_bad_class_indices_are_refused(labels):
    with pytest.raises(ValueError, match="class index"):
        softmax_cross_entropy_with_logits(labels, [[0.0, 1.0], [1.0, 0.0]])


@pytest.mark.parametrize("rows", [[[0.5, 0.6]], [[1.5, -0.5]], [[np.nan, 1.0]]])
def test_bad_target_rows_are_refused(rows):
    with pytest.raises(ValueError):
        softmax_cross_entropy_with_logits(rows, [[0.0, 1.0]])


@pytest.mark.parametrize("labels", [[1.5], [-0.1], [np.nan], [np.inf]])
def test_bad_binary_labels_are_refused(labels):
    with pytest.raises(ValueError, match="y_true"):
        binary_cross_entropy_with_logits(labels, [0.0])


@pytest.mark.parametrize("reduction", ["average", "", None, "MEAN"])
def test_bad_reduction_is_refused(reduction):
    with pytest.raises(ValueError, match="reduction"):
        binary_cross_entropy_with_logits([1], [0.0], reduction=reduction)
    with pytest.raises(ValueError, match="reduction"):
        softmax_cross_entropy_with_logits([0], [[0.0, 1.0]], reduction=reduction)


@pytest.mark.parametrize("weight", [0, -1.0, np.nan, np.inf, "heavy"])
def test_bad_pos_weight_is_refused(weight):
    with pytest.raises(ValueError):
        binary_cross_entropy_with_logits([1], [0.0], pos_weight=weight)


@pytest.mark.parametrize("epsilon", [-0.1, 1.0, 1.5, np.nan, np.inf, "0.1", None, True, 1j])
def test_bad_smoothing_epsilon_is_refused(epsilon):
    with pytest.raises(ValueError, match="epsilon"):
        smooth_labels([0], 3, epsilon)


@pytest.mark.parametrize("k", [1, 0, 2.5, True, "3"])
def test_bad_number_of_classes_is_refused(k):
    with pytest.raises(ValueError, match="n_classes"):
        smooth_labels([0], k, 0.1)


def test_smoothing_labels_out_of_range_are_refused():
    with pytest.raises(ValueError, match="class index"):
        smooth_labels([3], 3, 0.1)
