"""The figures of 11_calibration_and_proper_scoring: what they draw is what the helpers compute."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import calibration as cal
from helpers import plotting


def sample(seed: int = 0, n: int = 300) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    z = rng.normal(0, 3, size=n)
    y = (rng.random(n) < 1 / (1 + np.exp(-z / 2))).astype(int)  # over-confident logits: T = 2
    return y, z


def test_expected_scores_draw_each_rule_with_its_minimum_at_the_truth():
    fig = plotting.plot_expected_scores((0.2, 0.7))
    assert [ax.get_title() for ax in fig.axes] == [
        "log loss",
        "Brier score",
        "0-1 loss (1 − accuracy)",
    ]
    for ax, rule in zip(fig.axes, cal.RULES, strict=True):
        curves = [line for line in ax.lines if line.get_linestyle() != "None"]
        points = [line for line in ax.lines if line.get_linestyle() == "None"]
        assert [c.get_label() for c in curves] == ["true q = 0.2", "true q = 0.7"]
        for curve, point, q in zip(curves, points, (0.2, 0.7), strict=True):
            p, score = curve.get_xdata(), curve.get_ydata()
            assert np.allclose(score, cal.expected_score(p, q, rule))
            assert point.get_xdata()[0] == q
            assert point.get_ydata()[0] == pytest.approx(score.min(), abs=1e-6)
            if rule != "zero_one":  # strictly proper: the lowest point of the curve is at p = q
                assert p[np.argmin(score)] == pytest.approx(q, abs=1e-3)
        assert curves[0].get_linestyle() != curves[1].get_linestyle()
    assert "nats" in fig.axes[0].get_ylabel()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"true_probs": (0.0,)}, "true_probs"),
        ({"true_probs": (1.0,)}, "true_probs"),
        ({"true_probs": ()}, "true_probs"),
        ({"rules": ("hinge",)}, "rules"),
        ({"rules": "log"}, "rules"),
        ({"n": 2}, "n must"),
        ({"n": 10**9}, "n must"),
    ],
)
def test_expected_scores_reject_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_expected_scores(**kwargs)


@pytest.mark.parametrize("strategy", cal.STRATEGIES)
def test_reliability_diagram_draws_the_curve_with_its_counts_and_ece(strategy):
    y, z = sample()
    p = cal.apply_temperature(z, 1.0)
    fig = plotting.plot_reliability_diagram(y, p, n_bins=8, strategy=strategy, label="model")
    ax = fig.axes[0]
    curve = cal.reliability_curve(y, p, n_bins=8, strategy=strategy)
    line = next(line for line in ax.lines if line.get_label() == "model")
    assert np.allclose(line.get_xdata(), curve.prob_pred)
    assert np.allclose(line.get_ydata(), curve.prob_true)
    assert line.get_marker() == "o"
    assert [t.get_text() for t in ax.texts] == [f"n = {c}" for c in curve.counts]
    ece = cal.expected_calibration_error(y, p, n_bins=8, strategy=strategy)
    assert ax.get_title() == f"model: ECE = {ece:.3f}"
    diagonal = next(line for line in ax.lines if line.get_label() == "perfectly calibrated")
    assert diagonal.get_linestyle() == "--"


def test_reliability_diagram_draws_into_a_given_axes():
    y, z = sample()
    fig, axes = plotting.subplots(2)
    out = plotting.plot_reliability_diagram(y, cal.apply_temperature(z, 1.0), ax=axes[1])
    assert out is fig and axes[1].lines and not axes[0].lines


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (([0, 1], [0.2, 1.2]), {}, "y_prob"),
        (([0, 2], [0.2, 0.3]), {}, "label 0 or 1"),
        (([0, 1], [0.2, 0.3]), {"n_bins": 0}, "n_bins"),
        (([0, 1], [0.2, 0.3]), {"strategy": "x"}, "strategy"),
        (([0, 1], [0.2, 0.3]), {"label": 3}, "label"),
        (([0, 1], [0.2, 0.3]), {"ax": "axes"}, "ax must"),
    ],
)
def test_reliability_diagram_rejects_bad_input_before_drawing(args, kwargs, match):
    before = plt.get_fignums()
    with pytest.raises(ValueError, match=match):
        plotting.plot_reliability_diagram(*args, **kwargs)
    assert plt.get_fignums() == before


def test_temperature_scaling_figure_shows_before_and_after():
    y, z = sample()
    t = cal.fit_temperature(y, z)
    fig = plotting.plot_temperature_scaling(y, z, t, label="synthetic")
    before, after = fig.axes
    for ax, probs in (
        (before, cal.apply_temperature(z, 1.0)),
        (after, cal.apply_temperature(z, t)),
    ):
        curve = cal.reliability_curve(y, probs)
        drawn = [line for line in ax.lines if line.get_marker() in ("o", "s")]
        assert len(drawn) == 1
        assert np.allclose(drawn[0].get_ydata(), curve.prob_true)
    assert f"log loss {cal.temperature_log_loss(y, z, 1.0):.3f} nats" in before.get_title()
    assert f"log loss {cal.temperature_log_loss(y, z, t):.3f} nats" in after.get_title()
    assert f"T = {t:.3g}" in after.get_title()


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (([0, 1], [[0.0, 1.0], [1.0, 0.0]], 2.0), "1-D"),
        (([0, 1], [0.0, 1.0], 0.0), "temperature"),
        (([0, 1], [0.0, np.nan], 2.0), "logits"),
        (([0, 1, 1], [0.0, 1.0], 2.0), "shape"),
    ],
)
def test_temperature_scaling_figure_rejects_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        plotting.plot_temperature_scaling(*args)
