"""The figures of notebook 03: KL(P‖Q) as the gap between cross-entropy and entropy."""

from __future__ import annotations

import numpy as np
import pytest

import helpers
from helpers import plotting
from helpers.examples import COLOURS, P, Q


def test_kl_decomposition_bars_add_up_per_event_and_in_total():
    fig = plotting.plot_kl_decomposition(P, Q, COLOURS)
    ax = fig.axes[0]
    cross, ent, kl = ax.containers
    cross_h = np.array([b.get_height() for b in cross])
    ent_h = np.array([b.get_height() for b in ent])
    kl_h = np.array([b.get_height() for b in kl])
    np.testing.assert_allclose(cross_h, -np.multiply(P, np.log2(Q)))
    np.testing.assert_allclose(ent_h, -np.multiply(P, np.log2(P)))
    np.testing.assert_allclose(ent_h + kl_h, cross_h)
    np.testing.assert_allclose([b.get_y() for b in kl], 0.0)  # every bar starts at 0
    assert ax.get_ylim()[0] < kl_h.min()  # the negative bar is fully visible below the axis
    assert cross_h.sum() == pytest.approx(helpers.cross_entropy(P, Q))
    assert kl_h.sum() == pytest.approx(helpers.kl_divergence(P, Q))
    assert kl_h[0] < 0 and kl[0].get_hatch() == "//"  # red: Q over-weights it
    assert kl[0].get_facecolor()[3] > 0.9  # drawn as solidly as the positive terms
    texts = [t.get_text() for t in ax.texts]
    assert f"{kl_h[0]:+.2f}" in texts  # the negative value is written on the figure
    assert kl[1].get_hatch() is None
    assert [t.get_text() for t in ax.get_xticklabels()] == list(COLOURS)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(labels) == 4 and "negative" in labels[-1]
    assert ax.get_ylabel() == "contribution (bits)"


def test_kl_decomposition_has_no_negative_entry_when_every_term_is_positive():
    fig = plotting.plot_kl_decomposition([0.5, 0.5], [0.5, 0.5], ["a", "b"])
    assert len(fig.axes[0].get_legend().get_texts()) == 3
    with pytest.raises(ValueError):
        plotting.plot_kl_decomposition([0.5, 0.5], [1.0, 0.0], ["a", "b"])


def test_cross_entropy_and_kl_curves_differ_by_the_entropy_and_share_a_minimum():
    q = np.linspace(0.01, 0.99, 99)
    fig = plotting.plot_cross_entropy_vs_kl([0.3, 0.7], np.column_stack([q, 1 - q]), q, xlabel="q")
    ax = fig.axes[0]
    ce, kl, h, best = ax.lines[:4]
    np.testing.assert_allclose(ce.get_ydata() - kl.get_ydata(), helpers.entropy([0.3, 0.7]))
    assert h.get_ydata()[0] == pytest.approx(helpers.entropy([0.3, 0.7]))
    assert best.get_xdata()[0] == pytest.approx(0.3)
    assert ax.get_xlabel() == "q" and ax.get_ylabel() == "bits"
    with pytest.raises(ValueError):
        plotting.plot_cross_entropy_vs_kl([0.3, 0.7], [[0.3, 0.7]], [0.1, 0.2])
