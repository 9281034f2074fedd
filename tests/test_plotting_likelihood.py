"""The figure of 06_log_loss_and_likelihood: a loss curve with its fitted minimum marked."""

from __future__ import annotations

import numpy as np
import pytest

from helpers import likelihood, plotting


def test_loss_curve_draws_the_curve_and_marks_the_minimum():
    q = np.linspace(0.05, 0.95, 91)
    y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    nll = [likelihood.bernoulli_nll(y, np.full(10, v)) for v in q]
    fig = plotting.plot_loss_curve(q, nll, x_best=0.3, xlabel="q", title="NLL")
    ax = fig.axes[0]
    assert np.allclose(ax.lines[0].get_xdata(), q)
    assert np.allclose(ax.lines[0].get_ydata(), nll)
    vertical = ax.lines[1]
    assert list(vertical.get_xdata()) == [0.3, 0.3]
    point = ax.lines[2]
    assert point.get_xdata()[0] == 0.3
    assert point.get_ydata()[0] == pytest.approx(likelihood.baseline_log_loss(0.3), abs=1e-3)
    assert ax.get_xlabel() == "q" and ax.get_title() == "NLL"
    assert "nats" in ax.get_ylabel()
    assert "minimum at 0.3" in ax.texts[0].get_text()


def test_loss_curve_into_given_axes_without_a_minimum():
    fig, axes = plotting.subplots(2)
    out = plotting.plot_loss_curve([0, 1], [1.0, 2.0], ax=axes[1], label="MSE")
    assert out is fig
    assert len(axes[1].lines) == 1 and not axes[0].lines
    assert axes[1].lines[0].get_label() == "MSE"


@pytest.mark.parametrize(
    ("x", "loss", "best", "match"),
    [
        ([0, 1], [1.0], None, "same length"),
        ([0], [1.0], None, "same length"),
        ([0, 1], [1.0, 2.0], 5.0, "outside"),
    ],
)
def test_loss_curve_rejects_bad_input(x, loss, best, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_loss_curve(x, loss, x_best=best)


def test_nll_against_mse_is_the_straight_line_of_the_formula():
    rng = np.random.default_rng(1)
    target = rng.normal(size=30)
    sigma = 0.5
    preds = [target + shift for shift in (0.0, 0.3, 0.6, 0.9)]
    mse = [float(np.mean((target - p) ** 2)) for p in preds]
    nll = [likelihood.gaussian_nll(target, p, sigma) for p in preds]
    fig = plotting.plot_nll_against_mse(mse, nll, sigma)
    ax = fig.axes[0]
    assert np.allclose(ax.lines[0].get_xdata(), mse) and np.allclose(ax.lines[0].get_ydata(), nll)
    line_x, line_y = ax.lines[1].get_xdata(), ax.lines[1].get_ydata()
    slope = (line_y[1] - line_y[0]) / (line_x[1] - line_x[0])
    assert slope == pytest.approx(1 / (2 * sigma**2))
    assert line_y[0] == pytest.approx(0.5 * np.log(2 * np.pi * sigma**2))
    # every computed point lies on the drawn line
    assert np.allclose(np.interp(mse, line_x, line_y), nll)
    assert "nats" in ax.get_ylabel() and "MSE" in ax.get_xlabel()
    assert "slope 1/(2σ²) = 2" in ax.texts[0].get_text()


def test_nll_against_mse_into_given_axes():
    fig, axes = plotting.subplots(2)
    assert plotting.plot_nll_against_mse([0, 1], [1.0, 2.0], 1.0, ax=axes[1], title="t") is fig
    assert not axes[0].lines and axes[1].get_title() == "t"


@pytest.mark.parametrize(
    ("mse", "nll", "sigma", "match"),
    [
        ([0, 1], [1.0], 1.0, "same length"),
        ([-1, 1], [1.0, 2.0], 1.0, "≥ 0"),
        ([0, 1], [1.0, 2.0], 0.0, "sigma"),
        ([0, 1], [1.0, 2.0], np.nan, "sigma"),
        ([0, 1], [1.0, np.inf], 1.0, "nll"),
        ([0, 1], [1.0, 2.0], 1e-200, "float64"),
    ],
)
def test_nll_against_mse_rejects_bad_input(mse, nll, sigma, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_nll_against_mse(mse, nll, sigma)
