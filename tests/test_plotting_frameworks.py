"""The figures of 09_cross_entropy_in_the_frameworks draw what they claim to draw."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest

import helpers
from helpers import frameworks, plotting
from helpers.plotting.frameworks import double_softmax_curves


def test_double_softmax_curves_are_the_losses_and_gradients():
    c = double_softmax_curves(k=4, margin_max=6.0, n=13)
    assert c["margin"][0] == -6.0 and c["margin"][-1] == 6.0 and len(c["margin"]) == 13
    logits = np.zeros((13, 4))
    logits[:, 0] = c["margin"]
    t = np.zeros(13, dtype=int)
    np.testing.assert_allclose(
        c["loss"], helpers.softmax_cross_entropy_with_logits(t, logits, reduction="none")
    )
    np.testing.assert_allclose(
        c["double_loss"],
        helpers.softmax_cross_entropy_with_logits(t, helpers.softmax(logits), reduction="none"),
    )
    np.testing.assert_allclose(
        c["double_grad"], np.linalg.norm(frameworks.double_softmax_gradient(t, logits), axis=1)
    )
    # the softmax-twice loss is squashed into its band, the gradient shrinks on mistakes
    assert c["double_loss"].min() >= math.log(math.e + 3) - 1
    assert c["double_loss"].max() <= math.log(math.e + 3)
    assert np.all(c["double_grad"][c["margin"] < 0] < c["grad"][c["margin"] < 0])


def test_double_softmax_figure():
    fig = plotting.plot_double_softmax(k=10, n=51)
    left, right = fig.axes
    correct, twice = left.get_lines()[:2]
    c = double_softmax_curves(k=10, n=51)
    np.testing.assert_allclose(correct.get_ydata(), c["loss"])
    np.testing.assert_allclose(twice.get_ydata(), c["double_loss"])
    assert correct.get_linestyle() != twice.get_linestyle()  # not colour alone
    labels = [line.get_label() for line in left.get_lines()]
    assert any("ln k = 2.303" in label for label in labels)
    assert any("1.461" in label for label in labels)
    assert left.get_ylabel() == "loss (nats)" and left.get_xlabel().startswith("logit margin")
    assert right.get_yscale() == "log"
    np.testing.assert_allclose(right.get_lines()[1].get_ydata(), c["double_grad"])


def test_focal_figure_draws_each_gamma():
    gammas = [0.0, 1.0, 2.0]
    fig = plotting.plot_focal_loss(gammas)
    ax = fig.axes[0]
    lines = ax.get_lines()
    assert [line.get_label() for line in lines] == ["γ = 0 (cross-entropy)", "γ = 1", "γ = 2"]
    p = lines[0].get_xdata()
    np.testing.assert_allclose(lines[0].get_ydata(), -np.log(p), rtol=1e-9)
    np.testing.assert_allclose(
        lines[2].get_ydata(), -((1 - p) ** 2) * np.log(p), rtol=1e-9, atol=1e-15
    )
    assert len({line.get_linestyle() for line in lines}) == 3
    assert len({line.get_marker() for line in lines}) == 3
    assert ax.get_xlabel().startswith("predicted probability") and ax.get_ylabel() == "loss (nats)"


def test_focal_figure_draws_into_a_given_axes():
    fig, ax = plt.subplots()
    assert plotting.plot_focal_loss([2.0], ax=ax) is fig
    assert len(ax.get_lines()) == 1


@pytest.mark.parametrize(
    ("function", "kwargs"),
    [
        (plotting.plot_double_softmax, {"k": 1}),
        (plotting.plot_double_softmax, {"k": 2.5}),
        (plotting.plot_double_softmax, {"k": True}),
        (plotting.plot_double_softmax, {"margin_max": -1.0}),
        (plotting.plot_double_softmax, {"margin_max": math.inf}),
        (plotting.plot_double_softmax, {"n": 1}),
        (plotting.plot_focal_loss, {"gammas": []}),
        (plotting.plot_focal_loss, {"gammas": [-1.0]}),
        (plotting.plot_focal_loss, {"gammas": [math.nan]}),
        (plotting.plot_focal_loss, {"gammas": ["a"]}),
        (plotting.plot_focal_loss, {"gammas": [True]}),
        (plotting.plot_focal_loss, {"gammas": 2.0}),
        (plotting.plot_double_softmax, {"margin_max": 10**400}),
        (plotting.plot_double_softmax, {"k": 10**400}),
        (plotting.plot_focal_loss, {"gammas": np.ma.masked_array([0.0, 2.0], mask=[1, 0])}),
        (plotting.plot_focal_loss, {"gammas": np.array([True, False])}),
        (plotting.plot_focal_loss, {"gammas": [[0.0, 2.0]]}),
        (plotting.plot_focal_loss, {"gammas": "02"}),
        (plotting.plot_focal_loss, {"gammas": [2.0], "ax": "not an Axes"}),
    ],
)
def test_bad_input_is_a_value_error_before_drawing(function, kwargs):
    before = plt.get_fignums()
    with pytest.raises(ValueError):
        function(**kwargs)
    assert plt.get_fignums() == before


def test_focal_loss_gammas_follow_the_type_rule():
    from fractions import Fraction

    plotting.plot_focal_loss([Fraction(1, 2), 2])  # converted as float() converts it
    for bad, match in (([True, 2.0], "bool"), ([-1.0], "negative"), ([], "empty")):
        with pytest.raises(ValueError, match=match):
            plotting.plot_focal_loss(bad)
