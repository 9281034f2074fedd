"""The figures of 08_cross_entropy_in_practice draw what they claim to draw."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers
from helpers import plotting
from helpers.training import gradient_wrt_logit, train_logistic


@pytest.mark.parametrize("y", [0, 1])
def test_logit_gradients_draws_both_gradients(y):
    fig = plotting.plot_logit_gradients(y=y, z_max=8.0, n=161)
    ax = fig.axes[0]
    ce, se = ax.get_lines()[:2]
    z = ce.get_xdata()
    assert z[0] == -8.0 and z[-1] == 8.0 and len(z) == 161
    np.testing.assert_allclose(ce.get_ydata(), gradient_wrt_logit(y, z))
    np.testing.assert_allclose(se.get_ydata(), gradient_wrt_logit(y, z, "squared_error"))
    assert "cross-entropy" in ce.get_label() and "squared error" in se.get_label()
    assert ax.get_xlabel().startswith("logit z") and "∂ℓ/∂z" in ax.get_ylabel()
    assert f"y = {y}" in ax.get_title()
    low, high = ax.get_ylim()
    assert low <= min(ce.get_ydata()) and high >= max(ce.get_ydata())


def test_learning_curves_draw_each_run():
    X = np.array([[-1.0], [1.0]])
    runs = {
        "cross-entropy": train_logistic(X, [0, 1], epochs=12, initial_weights=[-5.0]),
        "squared error": train_logistic(
            X, [0, 1], loss="squared_error", epochs=12, initial_weights=[-5.0]
        ),
    }
    fig = plotting.plot_learning_curves(runs)
    acc_ax, loss_ax = fig.axes
    assert acc_ax.get_ylabel() == "accuracy" and loss_ax.get_ylabel() == "log loss (nats)"
    assert acc_ax.get_xlabel().startswith("epoch")
    for ax, field in ((acc_ax, "accuracy"), (loss_ax, "log_loss")):
        lines = ax.get_lines()
        assert [line.get_label() for line in lines] == list(runs)
        for line, run in zip(lines, runs.values(), strict=True):
            np.testing.assert_array_equal(line.get_xdata(), np.arange(13))
            np.testing.assert_array_equal(line.get_ydata(), getattr(run, field))
        legend = ax.get_legend()
        assert [t.get_text() for t in legend.get_texts()] == list(runs)
    assert loss_ax.get_ylim()[0] == 0


def test_learning_curves_show_the_first_epochs_only_when_asked():
    X = np.array([[-1.0], [1.0]])
    run = train_logistic(X, [0, 1], epochs=150, initial_weights=[-5.0])
    whole = plotting.plot_learning_curves({"cross-entropy": run})
    line = whole.axes[1].get_lines()[0]
    assert line.get_xdata().size == 151 and line.get_marker() in ("None", None, "")
    first = plotting.plot_learning_curves({"cross-entropy": run}, last_epoch=20)
    for ax, field in zip(first.axes, ("accuracy", "log_loss"), strict=True):
        line = ax.get_lines()[0]
        np.testing.assert_array_equal(line.get_xdata(), np.arange(21))
        np.testing.assert_array_equal(line.get_ydata(), getattr(run, field)[:21])
        assert line.get_marker() == "o"  # 21 epochs: each one marked
    longer = plotting.plot_learning_curves({"cross-entropy": run}, last_epoch=500)
    assert longer.axes[0].get_lines()[0].get_xdata().size == 151  # at most the run's last


@pytest.mark.parametrize(("epsilon", "k"), [(0.1, 3), (0.2, 5)])
def test_label_smoothing_loss_marks_the_smoothed_optimum(epsilon, k):
    fig = plotting.plot_label_smoothing_loss(epsilon, k, n=300)
    ax = fig.axes[0]
    hard, smooth, marker = ax.get_lines()[:3]
    p = hard.get_xdata()
    np.testing.assert_allclose(hard.get_ydata(), -np.log(p))
    others = (1 - p) / (k - 1)
    target = helpers.smooth_labels([0], k, epsilon)[0]
    expected = -(target[0] * np.log(p) + (k - 1) * target[1] * np.log(others))
    np.testing.assert_allclose(smooth.get_ydata(), expected)
    best_p, best = marker.get_xdata()[0], marker.get_ydata()[0]
    assert best_p == pytest.approx(1 - epsilon + epsilon / k)
    assert best == pytest.approx(helpers.entropy(target, base=math.e))
    assert np.all(smooth.get_ydata() >= best - 1e-12)  # the marked point is the minimum
    assert np.all(np.diff(hard.get_ydata()) < 0)  # the one-hot loss keeps falling towards p = 1
    assert "cross-entropy (nats)" == ax.get_ylabel()
    texts = " ".join(t.get_text() for t in ax.texts)
    assert f"{best:.3f} nats" in texts
