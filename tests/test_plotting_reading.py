"""The figures of 07_reading_cross_entropy_values: what they draw is what the text says."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers
from helpers import likelihood, plotting


def test_true_class_loss_draws_minus_ln_p_with_marked_points():
    fig = plotting.plot_true_class_loss(marked=(0.9, 0.5, 0.1))
    ax = fig.axes[0]
    curve, points = ax.lines[0], ax.lines[1]
    p = curve.get_xdata()
    assert np.allclose(curve.get_ydata(), -np.log(p))
    assert p.min() > 0 and p.max() == 1.0
    assert np.allclose(points.get_xdata(), [0.9, 0.5, 0.1])
    assert np.allclose(points.get_ydata(), -np.log([0.9, 0.5, 0.1]))
    texts = [t.get_text() for t in ax.texts]
    assert "p = 0.1: 2.303 nats" in texts
    assert any("∞" in t for t in texts)
    assert "nats" in ax.get_ylabel()


def test_true_class_loss_rejects_bad_marks():
    with pytest.raises(ValueError, match="marked"):
        plotting.plot_true_class_loss(marked=(0.0,))


def test_clipped_losses_draw_each_curve_on_a_log_axis_with_its_floor():
    p = np.logspace(-50, 0, 201)
    ones = np.ones_like(p)
    curves = {
        "exact": helpers.binary_cross_entropy(ones, p, reduction="none"),
        "Keras": helpers.binary_cross_entropy(ones, p, reduction="none", eps=1e-7),
        "PyTorch": likelihood.log_clamped_binary_cross_entropy(ones, p, reduction="none"),
    }
    fig = plotting.plot_clipped_losses(p, curves)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    assert [line.get_label() for line in ax.lines] == list(curves)
    for line, values in zip(ax.lines, curves.values(), strict=True):
        assert np.allclose(line.get_ydata(), values)
    assert max(ax.lines[1].get_ydata()) == pytest.approx(-math.log(1e-7))
    assert max(ax.lines[2].get_ydata()) == 100.0
    assert sorted(t.get_text() for t in ax.texts) == ["100.00", "16.12"]
    assert "nats" in ax.get_ylabel()


@pytest.mark.parametrize(
    ("p", "curves", "match"),
    [
        (np.array([0.0, 1.0]), {"a": [1.0, 0.0]}, "p must"),
        (np.array([0.1, 1.0]), {}, "at least one"),
        (np.array([0.1, 1.0]), {"a": [1.0, 2.0, 3.0]}, "shape"),
    ],
)
def test_clipped_losses_reject_bad_input(p, curves, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_clipped_losses(p, curves)


def test_baseline_log_loss_figure():
    thresholds = {"fixed table: 0.05": 0.05, "fixed table: 0.30": 0.30}
    fig = plotting.plot_baseline_log_loss(marked=(0.5, 0.01), thresholds=thresholds)
    ax = fig.axes[0]
    curve = ax.lines[0]
    x, y = curve.get_xdata(), curve.get_ydata()
    assert np.allclose(y, likelihood.baseline_log_loss(x))
    assert x[np.argmax(y)] == pytest.approx(0.5) and y.max() == pytest.approx(math.log(2))
    cut_offs = [line for line in ax.lines[1:] if line.get_marker() in ("None", None, "")]
    assert sorted(line.get_ydata()[0] for line in cut_offs) == [0.05, 0.30]
    assert len({line.get_linestyle() for line in cut_offs}) == 2  # not told apart by label alone
    labels = [t for t in ax.texts if t.get_text() in thresholds]
    assert [t.xy[0] for t in labels] == [0.5, 0.5]  # at the peak, where no label meets the curve
    points = next(line for line in ax.lines if line.get_marker() == "o")
    assert np.allclose(points.get_ydata(), [math.log(2), likelihood.baseline_log_loss(0.01)])
    texts = [t.get_text() for t in ax.texts]
    assert "π = 0.01: 0.056 nats" in texts and "π = 0.5: 0.693 nats" in texts
    assert set(thresholds) <= set(texts)


@pytest.mark.parametrize(
    ("kwargs", "match"), [({"n": 2}, "n must"), ({"marked": (1.5,)}, "prevalences")]
)
def test_baseline_log_loss_figure_rejects_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_baseline_log_loss(**kwargs)
