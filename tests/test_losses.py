"""helpers.binary_cross_entropy / categorical_cross_entropy: values in nats, reductions, eps,
label formats, and agreement with sklearn.metrics.log_loss to 1e-10 (fixed and hypothesis)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import log_loss
from strategies import batches, binary_samples, distribution_pairs, fewer_examples

import helpers

TOL = {"rtol": 1e-10, "atol": 1e-10}
MACHINE_EPS = float(np.finfo(np.float64).eps)  # what log_loss clips to
Y_TRUE, Y_PROB = helpers.examples.Y_TRUE, helpers.examples.Y_PROB


# --- binary cross-entropy --------------------------------------------------------------------


def test_binary_loss_is_in_nats():
    assert helpers.binary_cross_entropy([1], [0.5]) == pytest.approx(math.log(2), rel=1e-15)
    assert helpers.binary_cross_entropy([0], [0.5]) == pytest.approx(math.log(2), rel=1e-15)


def test_binary_reductions():
    per_sample = helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="none")
    assert isinstance(per_sample, np.ndarray)
    assert per_sample.shape == (10,)
    mean = helpers.binary_cross_entropy(Y_TRUE, Y_PROB)
    total = helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="sum")
    assert type(mean) is float
    assert type(total) is float
    assert mean == pytest.approx(per_sample.mean(), rel=1e-15)
    assert total == pytest.approx(per_sample.sum(), rel=1e-15)
    np.testing.assert_allclose(per_sample, -np.log(np.where(Y_TRUE, Y_PROB, 1 - np.array(Y_PROB))))


def test_binary_perfect_prediction_costs_zero_and_certain_wrong_costs_inf():
    assert helpers.binary_cross_entropy([1, 0], [1.0, 0.0]) == 0.0
    losses = helpers.binary_cross_entropy([1, 0, 1], [0.0, 1.0, 0.5], reduction="none")
    assert losses[0] == losses[1] == math.inf
    assert losses[2] == pytest.approx(math.log(2))
    assert helpers.binary_cross_entropy([1, 0, 1], [0.0, 1.0, 0.5]) == math.inf


def test_binary_eps_clips_probabilities():
    assert helpers.binary_cross_entropy([1], [0.0], eps=1e-7) == pytest.approx(-math.log(1e-7))
    assert helpers.binary_cross_entropy([0], [1.0], eps=1e-7) == pytest.approx(-math.log(1e-7))
    # eps changes nothing for probabilities already inside [eps, 1 - eps].
    assert helpers.binary_cross_entropy(Y_TRUE, Y_PROB, eps=1e-7) == helpers.binary_cross_entropy(
        Y_TRUE, Y_PROB
    )


def test_binary_soft_labels_are_cross_entropies_of_two_point_distributions():
    y, p = [0.3, 0.9, 0.0], [0.6, 0.2, 0.0]
    expected = [
        helpers.cross_entropy([1 - a, a], [1 - b, b], base=math.e)
        for a, b in zip(y, p, strict=True)
    ]
    np.testing.assert_allclose(
        helpers.binary_cross_entropy(y, p, reduction="none"), expected, rtol=1e-14
    )
    # The smallest loss for a soft label y is its entropy H(y) (in nats), at prediction y.
    assert helpers.binary_cross_entropy([0.3], [0.3]) == pytest.approx(
        helpers.entropy([0.7, 0.3], base=math.e), rel=1e-14
    )


def test_binary_accepts_2d_arrays_elementwise():
    y = np.array([[1, 0], [0, 1]])
    p = np.array([[0.9, 0.2], [0.3, 0.6]])
    out = helpers.binary_cross_entropy(y, p, reduction="none")
    assert out.shape == (2, 2)
    assert out[1, 1] == pytest.approx(-math.log(0.6))


def test_binary_agrees_with_sklearn_on_the_tutorial_example():
    np.testing.assert_allclose(
        helpers.binary_cross_entropy(Y_TRUE, Y_PROB), log_loss(Y_TRUE, Y_PROB), **TOL
    )
    np.testing.assert_allclose(
        helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="sum"),
        log_loss(Y_TRUE, Y_PROB, normalize=False),
        **TOL,
    )


def test_binary_agrees_with_sklearn_on_random_data():
    rng = np.random.default_rng(7)
    y = rng.integers(0, 2, 1000)
    p = rng.uniform(0, 1, 1000)
    np.testing.assert_allclose(helpers.binary_cross_entropy(y, p), log_loss(y, p), **TOL)


@given(binary_samples())
@fewer_examples(4)
def test_binary_agrees_with_sklearn(sample):
    y, p = sample
    # log_loss always clips to the machine epsilon; so does ours with that eps.
    expected = log_loss(y, p, labels=[0, 1])
    np.testing.assert_allclose(helpers.binary_cross_entropy(y, p, eps=MACHINE_EPS), expected, **TOL)


@given(binary_samples())
@fewer_examples(4)
def test_binary_exact_maths_agrees_with_sklearn_away_from_0_and_1(sample):
    y, p = sample
    p = np.clip(p, 1e-3, 1 - 1e-3)  # where sklearn's clipping does nothing
    expected = log_loss(y, p, labels=[0, 1])
    np.testing.assert_allclose(helpers.binary_cross_entropy(y, p), expected, **TOL)


@given(binary_samples(soft=True))
@fewer_examples(2)
def test_binary_soft_labels_are_never_nan_or_negative(sample):
    y, p = sample
    losses = helpers.binary_cross_entropy(y, p, reduction="none")
    assert not np.isnan(losses).any()
    assert (losses >= 0).all()


# --- categorical cross-entropy ---------------------------------------------------------------

Y_PROB_3 = np.array([[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.2, 0.6], [0.5, 0.25, 0.25]])
LABELS_3 = np.array([0, 1, 2, 1])


def test_categorical_is_minus_log_of_the_true_class_probability():
    losses = helpers.categorical_cross_entropy(LABELS_3, Y_PROB_3, reduction="none")
    np.testing.assert_allclose(losses, -np.log(Y_PROB_3[np.arange(4), LABELS_3]), rtol=1e-15)


def test_categorical_indices_and_one_hot_rows_agree():
    one_hot = np.eye(3)[LABELS_3]
    for reduction in ("mean", "sum", "none"):
        np.testing.assert_array_equal(
            helpers.categorical_cross_entropy(LABELS_3, Y_PROB_3, reduction=reduction),
            helpers.categorical_cross_entropy(one_hot, Y_PROB_3, reduction=reduction),
        )


def test_categorical_soft_rows_are_row_cross_entropies_in_nats():
    soft = np.array([[0.8, 0.1, 0.1], [0.0, 0.5, 0.5], [1 / 3] * 3, [0.25, 0.5, 0.25]])
    np.testing.assert_allclose(
        helpers.categorical_cross_entropy(soft, Y_PROB_3, reduction="none"),
        helpers.cross_entropy(soft, Y_PROB_3, base=math.e),
        rtol=1e-15,
    )


def test_categorical_zero_probability_for_the_true_class_is_inf_else_ignored():
    q = np.array([[0.0, 1.0], [0.0, 1.0]])
    losses = helpers.categorical_cross_entropy([0, 1], q, reduction="none")
    assert losses[0] == math.inf
    assert losses[1] == 0.0
    assert helpers.categorical_cross_entropy([0], [[0.0, 1.0]], eps=1e-7) == pytest.approx(
        -math.log(1e-7)
    )


def test_categorical_float_class_indices_that_are_whole_numbers_are_accepted():
    assert helpers.categorical_cross_entropy(
        np.array([0.0, 1.0, 2.0, 1.0]), Y_PROB_3
    ) == helpers.categorical_cross_entropy(LABELS_3, Y_PROB_3)


def test_categorical_agrees_with_sklearn():
    for labels in (LABELS_3, np.array([0, 0, 0, 0])):
        np.testing.assert_allclose(
            helpers.categorical_cross_entropy(labels, Y_PROB_3),
            log_loss(labels, Y_PROB_3, labels=[0, 1, 2]),
            **TOL,
        )
    np.testing.assert_allclose(
        helpers.categorical_cross_entropy(LABELS_3, Y_PROB_3, reduction="sum"),
        log_loss(LABELS_3, Y_PROB_3, normalize=False),
        **TOL,
    )


def test_categorical_agrees_with_sklearn_on_a_large_random_batch():
    rng = np.random.default_rng(3)
    q = rng.dirichlet(np.ones(5), size=2000)
    y = rng.integers(0, 5, 2000)
    np.testing.assert_allclose(
        helpers.categorical_cross_entropy(y, q), log_loss(y, q, labels=range(5)), **TOL
    )


@st.composite
def _categorical_samples(draw):
    q = draw(batches(draw(st.integers(2, 8)), min_rows=1, max_rows=12))
    n, k = q.shape
    y = np.array(draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    return y, q


@given(_categorical_samples())
@fewer_examples(4)
def test_categorical_agrees_with_sklearn_hypothesis(sample):
    y, q = sample
    expected = log_loss(y, q, labels=list(range(q.shape[1])))
    np.testing.assert_allclose(
        helpers.categorical_cross_entropy(y, q, eps=MACHINE_EPS), expected, **TOL
    )


@given(distribution_pairs())
@fewer_examples(2)
def test_categorical_of_one_row_is_the_cross_entropy_in_nats(pair):
    p, q = pair
    np.testing.assert_allclose(
        helpers.categorical_cross_entropy(p[None], q[None]),
        helpers.cross_entropy(p, q, base=math.e),
        rtol=1e-15,
    )


@pytest.mark.parametrize("pos_weight", [[2.0], np.array([2.0, 3.0]), "2", True, 0, -1.0, np.inf])
@pytest.mark.parametrize(
    "loss",
    [helpers.binary_cross_entropy, helpers.binary_cross_entropy_with_logits],
    ids=["probabilities", "logits"],
)
def test_pos_weight_must_be_one_positive_number(loss, pos_weight):
    with pytest.raises(ValueError, match="pos_weight must be a finite number > 0"):
        loss([1, 0], [0.7, 0.2], pos_weight=pos_weight)


# --- numerics of the contract: both-sided clipping, log1p ---------------------------------------


def test_a_tiny_probability_for_label_0_costs_exactly_that():
    assert helpers.binary_cross_entropy([0], [1e-17]) == pytest.approx(1e-17, rel=1e-12)
    assert helpers.likelihood.bernoulli_nll([0], [1e-17]) == pytest.approx(1e-17, rel=1e-12)


@pytest.mark.parametrize("eps", [1e-20, 1e-17, 1e-7])
def test_eps_clips_both_sides_even_below_machine_epsilon(eps):
    wrong_one = helpers.binary_cross_entropy([0], [1.0], eps=eps)
    wrong_zero = helpers.binary_cross_entropy([1], [0.0], eps=eps)
    assert math.isfinite(wrong_one) and math.isfinite(wrong_zero)
    rows = helpers.categorical_cross_entropy([1], [[1.0, 0.0]], eps=eps)
    assert math.isfinite(rows)


def test_fraction_and_decimal_work_as_floats():
    from decimal import Decimal
    from fractions import Fraction

    expected = helpers.binary_cross_entropy([1, 0], [0.75, 0.5])
    assert helpers.binary_cross_entropy([1, 0], [Fraction(3, 4), Fraction(1, 2)]) == expected
    assert helpers.binary_cross_entropy([1, 0], [Decimal("0.75"), Decimal("0.5")]) == expected
    assert helpers.binary_cross_entropy([1, 0], [0.75, 0.5], eps=Fraction(1, 10**7)) > 0


@pytest.mark.parametrize(
    "y_prob", [[0.5, True], [[0.5], [False]], np.array([0.5, True], dtype=object)]
)
def test_one_bool_among_numbers_is_rejected(y_prob):
    with pytest.raises(ValueError, match="bool"):
        helpers.binary_cross_entropy(np.ones(np.shape(y_prob)), y_prob)
