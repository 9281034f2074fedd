"""The figures of 10_soft_targets_and_divergences draw what they claim to draw."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import divergences as d
from helpers import plotting
from helpers.divergences import GaussianFit


def test_the_figures_are_re_exported():
    for name in plotting.divergences.__all__:
        assert getattr(plotting, name) is getattr(plotting.divergences, name)


def test_soft_targets_draws_one_group_of_bars_per_temperature():
    logits, temps = [9.0, 5.5, 4.0, -1.0, -2.0], [1, 4]
    classes = ["cat", "dog", "fox", "car", "truck"]
    fig = plotting.plot_soft_targets(logits, temps, classes)
    ax = fig.axes[0]
    assert len(ax.containers) == 2
    for container, t in zip(ax.containers, temps, strict=True):
        heights = [bar.get_height() for bar in container]
        np.testing.assert_allclose(heights, d.tempered_softmax(logits, t))
        assert container.get_label() == f"T = {t}"
    hatches = {container[0].get_hatch() for container in ax.containers}
    assert len(hatches) == 2, "temperatures differ by hatch, not colour alone"
    assert [t.get_text() for t in ax.get_xticklabels()] == classes
    assert "probability" in ax.get_ylabel() and ax.get_xlabel() == "class"


def test_soft_targets_into_a_given_axes():
    fig, ax = plt.subplots()
    assert plotting.plot_soft_targets([1.0, 0.0], [2.0], ["a", "b"], ax=ax) is fig
    assert len(ax.containers) == 1


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (([1.0, 0.0], [], ["a", "b"]), "temperatures"),
        (([1.0, 0.0], [1, 2, 3, 4, 5, 6, 7], ["a", "b"]), "temperatures"),
        (([1.0, 0.0], [1], ["a"]), "classes has 1 names"),
        (([1.0, 0.0], [1], [1, 2]), "must be a string"),
        (([1.0, 0.0], 2.0, ["a", "b"]), "1-D"),
        (([[1.0, 0.0]], [1], ["a", "b"]), "1-D"),
        (([1.0, np.nan], [1], ["a", "b"]), "finite"),
        (([1.0, 0.0], [0], ["a", "b"]), "temperature"),
    ],
)
def test_soft_targets_refuses_bad_input_before_drawing(args, words):
    before = plt.get_fignums()
    with pytest.raises(ValueError, match=words):
        plotting.plot_soft_targets(*args)
    assert plt.get_fignums() == before


def test_kl_fits_draws_the_target_and_both_fits():
    x = np.linspace(-10, 10, 201)
    p = d.gaussian_mixture_pdf(x, [0.6, 0.4], [-3.0, 3.0], [1.0, 1.0])
    forward, reverse = GaussianFit(-0.6, 3.1, 0.46), GaussianFit(-3.0, 1.0, 0.51)
    fig = plotting.plot_kl_fits(x, p, forward, reverse)
    ax = fig.axes[0]
    target, fwd, rev = ax.get_lines()
    np.testing.assert_allclose(target.get_ydata(), p)
    np.testing.assert_allclose(fwd.get_ydata(), d.gaussian_pdf(x, -0.6, 3.1))
    np.testing.assert_allclose(rev.get_ydata(), d.gaussian_pdf(x, -3.0, 1.0))
    assert fwd.get_linestyle() != rev.get_linestyle() != target.get_linestyle()
    assert rev.get_marker() == "o"
    assert "forward KL(P‖Q)" in fwd.get_label() and "μ = -0.60" in fwd.get_label()
    assert "reverse KL(Q‖P)" in rev.get_label() and "σ = 1.00" in rev.get_label()
    assert ax.get_xlabel() == "x" and "density" in ax.get_ylabel()
    assert ax.get_ylim()[0] == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (([0.0, 1.0], [0.5], (0, 1, 0), (0, 1, 0)), "same length"),
        (([0.0, 1.0], [0.5, -0.1], (0, 1, 0), (0, 1, 0)), "p ≥ 0"),
        (([0.0, np.inf], [0.5, 0.5], (0, 1, 0), (0, 1, 0)), "finite"),
        (
            ([0.0, 1.0], [0.5, 0.5], (0, 0, 0), (0, 1, 0)),
            "forward.sigma must be a finite number > 0",
        ),
        (([0.0, 1.0], [0.5, 0.5], (0, 1, 0), "fit"), "GaussianFit"),
        (([0.0, 1.0], [0.5, 0.5], (0, 1), (0, 1, 0)), "GaussianFit"),
    ],
)
def test_kl_fits_refuses_bad_input_before_drawing(args, words):
    before = plt.get_fignums()
    with pytest.raises(ValueError, match=words):
        plotting.plot_kl_fits(*args)
    assert plt.get_fignums() == before


@pytest.mark.parametrize("base", [2, math.e])
def test_information_diagram_draws_each_quantity_to_scale(base):
    joint = np.array([[7, 1], [3, 3], [1, 5]]) / 20
    fig = plotting.plot_information_diagram(joint, base=base)
    ax = fig.axes[0]
    bars = ax.patches
    assert len(bars) == 7  # H(X,Y): 3 parts; H(X): 2; H(Y): 2
    h_x_y = d.conditional_entropy(joint, "y", base)
    h_y_x = d.conditional_entropy(joint, "x", base)
    mi = d.mutual_information(joint, base)
    widths = [bar.get_width() for bar in bars]
    np.testing.assert_allclose(widths, [h_x_y, mi, h_y_x, h_x_y, mi, mi, h_y_x])
    lefts = [bar.get_x() for bar in bars]
    np.testing.assert_allclose(lefts, [0, h_x_y, h_x_y + mi, 0, h_x_y, h_x_y, h_x_y + mi])
    assert sum(widths[:3]) == pytest.approx(d.joint_entropy(joint, base))
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0].startswith("H(X, Y) = ") and labels[2].startswith("H(Y) = ")
    assert len({bar.get_hatch() for bar in bars}) == 3, "each quantity has its own hatch"
    texts = [t.get_text() for t in ax.texts]
    assert f"I(X;Y)\n{mi:.3f}" in texts
    assert ("bits" if base == 2 else "nats") in ax.get_xlabel()


def test_information_diagram_of_independent_variables_has_no_overlap():
    fig = plotting.plot_information_diagram(np.outer([0.5, 0.5], [0.25, 0.75]))
    assert fig.axes[0].patches[1].get_width() == pytest.approx(0.0, abs=1e-12)


@pytest.mark.parametrize(
    ("joint", "words"),
    [
        ([0.5, 0.5], "2-D"),
        ([[[0.5, 0.5]]], "2-D"),
        ("table", "numbers"),
        ([[0.5, 0.6], [0.0, 0.0]], "sums to"),
        ([[np.nan, 1.0]], "NaN"),
    ],
)
def test_information_diagram_refuses_bad_input_before_drawing(joint, words):
    before = plt.get_fignums()
    with pytest.raises(ValueError, match=words):
        plotting.plot_information_diagram(joint)
    assert plt.get_fignums() == before
