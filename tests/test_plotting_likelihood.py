"""The figure of 06_log_loss_and_likelihood: a loss curve with its fitted minimum marked."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import likelihood, plotting


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


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
