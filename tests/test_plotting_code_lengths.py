"""The code-length figures of notebook 02: their areas are H(P), H(P, Q) and KL(P‖Q)."""

from __future__ import annotations

import numpy as np
import pytest

import helpers
from helpers import plotting
from helpers.examples import COLOURS, P, Q


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


def test_code_length_overlay_areas_are_the_cross_entropy_the_entropy_and_kl():
    fig = plotting.plot_code_length_overlay(P, Q, COLOURS)
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
        plotting.plot_code_length_overlay([0.5, 0.5], [1.0, 0.0], ["a", "b"])
    with pytest.raises(ValueError):
        plotting.plot_code_length_overlay([0.5, 0.5], [0.5, 0.5], ["a"])
