"""helpers.training: the gradients with respect to the logit, and the gradient-descent demo."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import binary_cross_entropy_with_logits, sigmoid
from helpers.training import (
    LOSSES,
    TrainingHistory,
    gradient_wrt_logit,
    train_logistic,
    tune_learning_rate,
)

LOGITS = st.floats(-30, 30, allow_nan=False)
LABELS = st.sampled_from([0, 1])


def numerical_derivative(loss, y, z, h=1e-6):
    return (loss(y, z + h) - loss(y, z - h)) / (2 * h)


def ce_loss(y, z):
    return binary_cross_entropy_with_logits([y], [z])


def se_loss(y, z):
    return float(0.5 * (sigmoid(z) - y) ** 2)


@given(LABELS, st.floats(-10, 10))
def test_gradients_match_finite_differences(y, z):
    ce, se = gradient_wrt_logit(y, z), gradient_wrt_logit(y, z, "squared_error")
    assert float(ce) == pytest.approx(numerical_derivative(ce_loss, y, z), abs=1e-6)
    assert float(se) == pytest.approx(numerical_derivative(se_loss, y, z), abs=1e-6)


@given(LABELS, LOGITS)
def test_squared_error_gradient_is_the_cross_entropy_one_times_the_sigmoid_slope(y, z):
    s = sigmoid(z)
    ce, se = gradient_wrt_logit(y, z), gradient_wrt_logit(y, z, "squared_error")
    np.testing.assert_allclose(se, ce * s * (1 - s), rtol=1e-12, atol=0)
    assert abs(se) <= abs(ce) / 4 + 1e-15  # σ(1 − σ) ≤ 1/4
    assert np.sign(se) == np.sign(ce) or se == 0


def test_confident_mistakes_vanish_only_under_squared_error():
    z = np.array([-20.0, -10.0, -5.0])
    ce, se = gradient_wrt_logit(1, z), gradient_wrt_logit(1, z, "squared_error")
    assert np.all(np.abs(ce) > 0.99)
    assert np.all(np.abs(se) < 0.007) and abs(se[0]) < 1e-8


def test_gradient_broadcasts_labels_and_logits():
    grads = gradient_wrt_logit([[0], [1]], [-1.0, 0.0, 1.0])
    assert grads.shape == (2, 3)
    np.testing.assert_allclose(grads[1] - grads[0], -1.0)


@pytest.mark.parametrize(
    ("y", "z", "loss", "match"),
    [
        (1, 0.0, "hinge", "loss must be one of"),
        (2, 0.0, "cross_entropy", "is not a label 0 or 1"),
        (0.5, 0.0, "cross_entropy", "is not a label 0 or 1"),
        (1, np.nan, "cross_entropy", "NaN or infinite"),
        (1, np.inf, "squared_error", "NaN or infinite"),
        ([0, 1, 1], [0.0, 1.0], "cross_entropy", "shape mismatch"),
        ("a", 0.0, "cross_entropy", "numbers"),
    ],
)
def test_gradient_refuses_bad_input(y, z, loss, match):
    with pytest.raises(ValueError, match=match):
        gradient_wrt_logit(y, z, loss)


# --- train_logistic ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def blobs():
    rng = np.random.default_rng(0)
    n = 100
    X = np.vstack(
        [rng.normal([-1.5, -1.5], 1.0, size=(n, 2)), rng.normal([1.5, 1.5], 1.0, size=(n, 2))]
    )
    return X, np.repeat([0, 1], n)


def test_history_shape_and_start(blobs):
    X, y = blobs
    run = train_logistic(X, y, epochs=7, initial_weights=[-2.0, -2.0], initial_bias=0.5)
    assert isinstance(run, TrainingHistory) and run.loss == "cross_entropy"
    for series in (run.accuracy, run.log_loss, run.squared_error):
        assert series.shape == (8,)
    np.testing.assert_array_equal(run.epochs, np.arange(8))
    z0 = X @ [-2.0, -2.0] + 0.5
    assert run.log_loss[0] == pytest.approx(binary_cross_entropy_with_logits(y, z0))
    assert run.accuracy[0] == pytest.approx(np.mean((z0 > 0) == (y == 1)))
    assert run.squared_error[0] == pytest.approx(np.mean(0.5 * (sigmoid(z0) - y) ** 2))


def test_one_step_is_one_gradient_step(blobs):
    X, y = blobs
    w0, b0, lr = np.array([0.3, -0.2]), 0.1, 0.7
    for loss in LOSSES:
        run = train_logistic(X, y, loss=loss, lr=lr, epochs=1, initial_weights=w0, initial_bias=b0)
        g = gradient_wrt_logit(y, X @ w0 + b0, loss)
        np.testing.assert_allclose(run.weights, w0 - lr * X.T @ g / len(y))
        assert run.bias == pytest.approx(b0 - lr * g.mean())


def test_cross_entropy_escapes_a_confident_mistake_faster(blobs):
    """The notebook's claim: from a confidently wrong start, cross-entropy needs a few steps,
    squared error dozens — yet both get there."""
    X, y = blobs
    runs = {
        loss: train_logistic(X, y, loss=loss, lr=1.0, epochs=150, initial_weights=[-2.0, -2.0])
        for loss in LOSSES
    }
    first = {loss: int(np.argmax(run.accuracy >= 0.95)) for loss, run in runs.items()}
    assert runs["cross_entropy"].accuracy[0] < 0.05
    assert 0 < first["cross_entropy"] <= 3
    assert first["squared_error"] > 10 * first["cross_entropy"]
    assert runs["squared_error"].accuracy[-1] >= 0.95
    assert np.all(np.diff(runs["cross_entropy"].log_loss) <= 1e-12)  # monotone here


def test_training_is_deterministic(blobs):
    X, y = blobs
    a = train_logistic(X, y, epochs=20, seed=3)
    b = train_logistic(X, y, epochs=20, seed=3)
    c = train_logistic(X, y, epochs=20, seed=4)
    np.testing.assert_array_equal(a.log_loss, b.log_loss)
    np.testing.assert_array_equal(a.weights, b.weights)
    assert not np.array_equal(a.log_loss, c.log_loss)  # the seed sets the random start


def test_inputs_are_not_modified(blobs):
    X, y = blobs
    X0, w0 = X.copy(), np.array([-2.0, -2.0])
    train_logistic(X, y, epochs=3, initial_weights=w0)
    np.testing.assert_array_equal(X, X0)
    np.testing.assert_array_equal(w0, [-2.0, -2.0])


GOOD_X, GOOD_Y = [[0.0, 1.0], [1.0, 0.0]], [0, 1]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"loss": "hinge"}, "loss must be one of"),
        ({"lr": 0}, "lr"),
        ({"lr": -0.1}, "lr"),
        ({"lr": np.nan}, "lr"),
        ({"lr": "fast"}, "lr"),
        ({"epochs": 0}, "epochs"),
        ({"epochs": 2.5}, "epochs"),
        ({"epochs": True}, "epochs"),
        ({"X": [0.0, 1.0]}, "2-D"),
        ({"X": [[0.0, np.nan], [1.0, 0.0]]}, "NaN or infinite"),
        ({"y": [0, 2]}, "is not a label 0 or 1"),
        ({"y": [0, 1, 1]}, "shape mismatch"),
        ({"initial_weights": [1.0]}, "shape mismatch"),
        ({"initial_weights": [1.0, np.inf]}, "NaN or infinite"),
        ({"initial_bias": np.nan}, "initial_bias"),
        ({"initial_bias": "0"}, "initial_bias"),
    ],
)
def test_train_logistic_refuses_bad_input(kwargs, match):
    arguments = {"X": GOOD_X, "y": GOOD_Y, **kwargs}
    X, y = arguments.pop("X"), arguments.pop("y")
    with pytest.raises(ValueError, match=match):
        train_logistic(X, y, **arguments)


# --- tune_learning_rate -------------------------------------------------------------------------


def test_tune_picks_the_rate_with_the_lowest_own_loss(blobs):
    X, y = blobs
    for loss in LOSSES:
        best, runs = tune_learning_rate(X, y, [0.25, 1.0, 4.0], loss=loss, epochs=5)
        assert sorted(runs) == [0.25, 1.0, 4.0]
        field = "log_loss" if loss == "cross_entropy" else "squared_error"
        finals = {rate: getattr(run, field)[-1] for rate, run in runs.items()}
        assert finals[best] == min(finals.values())
        again = train_logistic(X, y, loss=loss, lr=best, epochs=5)
        np.testing.assert_array_equal(again.log_loss, runs[best].log_loss)


def test_tune_passes_on_the_start(blobs):
    X, y = blobs
    _, runs = tune_learning_rate(X, y, [1.0], loss="squared_error", initial_weights=[-6.0, -6.0])
    assert runs[1.0].accuracy[0] < 0.1  # started confidently wrong, as asked


def test_tune_skips_overflowing_rates_and_raises_when_all_do():
    X, y = [[1e150], [-1e150]], [1, 0]
    with pytest.raises(ValueError, match="overflow"):
        tune_learning_rate(X, y, [1e160, 1e170], epochs=2, initial_weights=[-1e-150])
    best, runs = tune_learning_rate(X, y, [1e-300, 1e170], epochs=2, initial_weights=[-1e-150])
    assert best == 1e-300 and list(runs) == [1e-300]


def test_tune_shows_the_overflow_as_train_logistic_does():
    X, y, start = [[1e150], [-1e150]], [1, 0], {"epochs": 2, "initial_weights": [-1e-150]}
    with pytest.raises(ValueError) as direct:
        train_logistic(X, y, lr=1e160, **start)
    with pytest.raises(ValueError) as tuned:
        tune_learning_rate(X, y, [1e160, 1e170], **start)
    assert str(tuned.value) == str(direct.value)


def test_tune_re_raises_any_other_error_at_once(monkeypatch):
    X, y = [[1e150], [-1e150]], [1, 0]
    with pytest.raises(ValueError, match=r"X\[0, 0\] = nan is not finite"):
        tune_learning_rate([[np.nan], [1.0]], y, [1e-300, 1e170], epochs=2)
    calls = []

    def refuses(*args, lr, **kwargs):  # a ValueError that is not an overflow, whatever it says
        calls.append(lr)
        raise ValueError("this run overflowed nothing: the input is bad")

    monkeypatch.setattr("helpers.training.train_logistic", refuses)
    with pytest.raises(ValueError, match="input is bad"):
        tune_learning_rate(X, y, [1.0, 2.0])
    assert calls == [1.0]  # raised at the first rate, not skipped for being about "overflowed"


@pytest.mark.parametrize("lrs", [[], [0.0], [-1.0], [[1.0, 2.0]], [np.nan], "fast"])
def test_tune_refuses_bad_grids(blobs, lrs):
    X, y = blobs
    with pytest.raises(ValueError):
        tune_learning_rate(X, y, lrs)


def test_tune_judges_at_the_epoch_asked(blobs):
    X, y = blobs
    start = {"initial_weights": [-2.0, -2.0], "epochs": 150}
    best, runs = tune_learning_rate(X, y, loss="squared_error", at_epoch=10, **start)
    assert best == 64.0 and all(run.accuracy.size == 151 for run in runs.values())
    assert tune_learning_rate(X, y, loss="cross_entropy", at_epoch=10, **start)[0] == 4.0
    with pytest.raises(ValueError, match="at_epoch"):
        tune_learning_rate(X, y, epochs=5, at_epoch=6)
