"""The sampling figures of notebook 04 draw the sample, the running average and the two curves."""

from __future__ import annotations

import numpy as np
import pytest

import helpers


def test_sample_histogram_running_cross_entropy_and_overfitting_figures():
    from helpers import sampling
    from helpers.examples import COLOURS as colours
    from helpers.examples import P as p_true
    from helpers.examples import Q as q_model
    from helpers.plotting import sampling as figures

    sample = sampling.draw(p_true, 200, seed=11)
    p_hat = sampling.empirical_distribution(sample, 3)
    fig = figures.plot_sample_histogram(p_hat, p_true, q_model, colours, n=200)
    heights = [[b.get_height() for b in c] for c in fig.axes[0].containers]
    np.testing.assert_allclose(heights, [p_hat, p_true, q_model])
    assert fig.axes[0].containers[0][0].get_hatch() == "xx"
    running = sampling.running_cross_entropy(sample, q_model)
    fig = figures.plot_running_cross_entropy(
        running, helpers.cross_entropy(p_true, q_model), helpers.entropy(p_true)
    )
    line = fig.axes[0].lines[0]
    np.testing.assert_allclose(line.get_ydata(), running)
    assert fig.axes[0].get_xscale() == "log"
    fig = figures.plot_train_test_cross_entropy([5, 50], [1.1, 1.3], [1.6, 1.4], 1.36)
    assert [ln.get_marker() for ln in fig.axes[0].lines[:2]] == ["o", "s"]
    for bad in (
        lambda: figures.plot_sample_histogram(p_hat, p_true, [0.5, 0.5], colours, n=3),
        lambda: figures.plot_running_cross_entropy([-1.0], 1.0, 1.0),
        lambda: figures.plot_train_test_cross_entropy([5], [1.0, 2.0], [1.0], 1.0),
        lambda: figures.plot_train_test_cross_entropy([0], [1.0], [1.0], 1.0),
    ):
        with pytest.raises(ValueError):
            bad()
