"""The figures of notebooks 01–03: what each one draws is the quantity it claims to draw."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pytest

import helpers
from helpers import plotting
from helpers.examples import COLOURS, P, Q


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_surprise_curve_is_minus_log2_and_marks_halvings():
    fig = plotting.plot_surprise()
    ax = fig.axes[0]
    curve, points = ax.lines[:2]
    x, y = curve.get_xdata(), curve.get_ydata()
    np.testing.assert_allclose(y, -np.log2(x))
    np.testing.assert_allclose(points.get_ydata(), [0, 1, 2, 3])
    texts = [t.get_text() for t in ax.texts]
    assert "P = 0.5: 1 bit" in texts and "P = 0.125: 3 bits" in texts
    assert "bits" in ax.get_ylabel()


def test_surprise_rejects_impossible_marks():
    with pytest.raises(ValueError):
        plotting.plot_surprise(marked=[0.0])


def test_binary_entropy_curve_is_entropy_with_its_maximum_marked():
    fig = plotting.plot_binary_entropy()
    ax = fig.axes[0]
    curve, peak = ax.lines[:2]
    p, h = curve.get_xdata(), curve.get_ydata()
    assert h[0] == 0.0 and h[-1] == 0.0
    np.testing.assert_allclose(h, helpers.entropy(np.column_stack([p, 1 - p])))
    assert tuple(peak.get_xdata()) == (0.5,) and tuple(peak.get_ydata()) == (1.0,)
    assert ax.get_ylabel() == "entropy H(p) (bits)"
    with pytest.raises(ValueError):
        plotting.plot_binary_entropy(n=2)


def test_code_lengths_are_areas_whose_totals_are_entropy_and_cross_entropy():
    fig = plotting.plot_code_lengths(P, Q, COLOURS)
    own, foreign = fig.axes
    for ax, code, total in (
        (own, P, helpers.entropy(P)),
        (foreign, Q, helpers.cross_entropy(P, Q)),
    ):
        bars = ax.patches
        np.testing.assert_allclose([b.get_width() for b in bars], P)
        np.testing.assert_allclose([b.get_height() for b in bars], -np.log2(code))
        area = sum(b.get_width() * b.get_height() for b in bars)
        assert area == pytest.approx(total)
        dashed = [line for line in ax.lines if line.get_linestyle() == "--"]
        assert dashed[0].get_ydata()[0] == pytest.approx(total)
        assert f"{total:.3f} bits" in ax.get_legend().get_texts()[0].get_text()
    assert "3.288" in foreign.get_legend().get_texts()[0].get_text()
    assert "1.361" in own.get_legend().get_texts()[0].get_text()
    assert own.get_ylabel() == "code length (bits)"


def test_code_lengths_skip_impossible_events_and_refuse_infinite_codes():
    fig = plotting.plot_code_lengths([0.5, 0.5, 0.0], [0.25, 0.5, 0.25], ["a", "b", "c"])
    assert len(fig.axes[1].patches) == 2
    with pytest.raises(ValueError, match="infinite"):
        plotting.plot_code_lengths([0.5, 0.5], [1.0, 0.0], ["a", "b"])
    with pytest.raises(ValueError):
        plotting.plot_code_lengths([0.5, 0.5], [0.5, 0.5], ["a"])


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


def test_code_length_overlay_areas_are_the_cross_entropy_the_entropy_and_kl():
    fig = plotting.information.plot_code_length_overlay(P, Q, COLOURS)
    ax = fig.axes[0]
    q_bars, p_outline, gap = ax.containers
    widths = np.array([b.get_width() for b in q_bars])
    q_h = np.array([b.get_height() for b in q_bars])
    p_h = np.array([b.get_height() for b in p_outline])
    np.testing.assert_allclose(widths, P)
    assert (widths * q_h).sum() == pytest.approx(helpers.cross_entropy(P, Q))
    assert (widths * p_h).sum() == pytest.approx(helpers.entropy(P))
    signed = np.array([b.get_height() * (1 if b.get_hatch() == "//" else -1) for b in gap])
    assert (widths * signed).sum() == pytest.approx(helpers.kl_divergence(P, Q))
    assert gap[0].get_hatch() == "\\\\"  # red: Q's codeword is shorter than P's own
    assert ax.get_ylabel() == "codeword length (bits)"
    with pytest.raises(ValueError):
        plotting.information.plot_code_length_overlay([0.5, 0.5], [1.0, 0.0], ["a", "b"])
    with pytest.raises(ValueError):
        plotting.information.plot_code_length_overlay([0.5, 0.5], [0.5, 0.5], ["a"])
