"""The two-distribution figures and the colour-event tables of notebooks 02 and 04 draw and print
the tutorial's data."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers
import helpers.plotting as hp
from helpers.examples import COLOURS, P, Q
from helpers.tables import (
    colour_event_table,
    event_contributions,
    format_table,
)


def heights(container) -> list[float]:
    return [float(bar.get_height()) for bar in container]


# --- figures ------------------------------------------------------------------------------------


def test_plot_distributions_shows_p_and_q_with_their_values():
    fig = hp.plot_distributions(P, Q, COLOURS)
    ax = fig.axes[0]
    assert heights(ax.containers[0]) == pytest.approx(P)
    assert heights(ax.containers[1]) == pytest.approx(Q)
    assert [t.get_text() for t in ax.texts] == ["0.10", "0.40", "0.50", "0.80", "0.15", "0.05"]
    assert ax.get_ylabel() == "probability"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["P (true)", "Q (model)"]


def test_plot_cross_entropy_totals_draws_the_identity_both_ways():
    fig = hp.plot_cross_entropy_totals(P, Q)
    ax = fig.axes[0]
    expected = [
        helpers.cross_entropy(P, Q),
        helpers.entropy(P),
        helpers.kl_divergence(P, Q),
        helpers.cross_entropy(Q, P),
        helpers.entropy(Q),
        helpers.kl_divergence(Q, P),
    ]
    assert heights(ax.patches) == pytest.approx(expected)
    kl_segment = ax.patches[2]
    assert kl_segment.get_y() == pytest.approx(helpers.entropy(P))  # stacked on H(P)
    assert kl_segment.get_y() + kl_segment.get_height() == pytest.approx(ax.patches[0].get_height())
    texts = [t.get_text() for t in ax.texts]
    assert "3.288" in texts and "2.906" in texts
    assert "H(P)\n1.361" in texts and "KL(P‖Q)\n1.927" in texts and "KL(Q‖P)\n2.022" in texts
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "H(P, Q)",
        "H(P) + KL(P‖Q)",
        "H(Q, P)",
        "H(Q) + KL(Q‖P)",
    ]
    assert "bits" in ax.get_ylabel()


def test_plot_cross_entropy_totals_refuses_an_infinite_cross_entropy():
    with pytest.raises(ValueError, match="infinite"):
        hp.plot_cross_entropy_totals([0.5, 0.5], [1.0, 0.0])


# --- tables -------------------------------------------------------------------------------------


def test_event_contributions_add_up_to_the_three_measures():
    terms = event_contributions(P, Q)
    assert terms["entropy"].sum() == pytest.approx(helpers.entropy(P))
    assert terms["cross_entropy"].sum() == pytest.approx(helpers.cross_entropy(P, Q))
    assert terms["kl"].sum() == pytest.approx(helpers.kl_divergence(P, Q))
    np.testing.assert_allclose(terms["surprise_q"], -np.log2(Q))
    np.testing.assert_allclose(terms["cross_entropy"], terms["entropy"] + terms["kl"])
    assert terms["kl"][0] < 0  # Q over-rates red
    nats = event_contributions(P, Q, base=math.e)
    assert nats["kl"].sum() == pytest.approx(helpers.kl_divergence(P, Q, base=math.e))


def test_event_contributions_with_zeros():
    terms = event_contributions([0.5, 0.5, 0.0], [0.5, 0.0, 0.5])
    assert terms["entropy"].tolist() == [0.5, 0.5, 0.0]
    assert math.isinf(terms["cross_entropy"][1]) and terms["cross_entropy"][2] == 0.0
    assert terms["kl"][2] == 0.0 and math.isinf(terms["kl"][1])
    with pytest.raises(ValueError):
        event_contributions([[0.5, 0.5]], [[0.5, 0.5]])
    with pytest.raises(ValueError):
        event_contributions([0.5, 0.6], [0.5, 0.5])


def test_colour_event_table_prints_the_tutorials_numbers():
    lines = colour_event_table(P, Q, COLOURS).splitlines()
    assert lines[3].split() == ["red", "0.100", "0.800", "0.322", "0.332", "0.032", "-0.300"]
    assert lines[5].split() == ["blue", "0.500", "0.050", "4.322", "0.500", "2.161", "1.661"]
    assert lines[-1].split() == ["total", "1.000", "1.000", "1.361", "3.288", "1.927"]
    assert colour_event_table(Q, P, COLOURS).splitlines()[-1].split()[-2:] == ["2.906", "2.022"]
    with pytest.raises(ValueError):
        colour_event_table(P, Q, ["red", "green"])


def test_format_table_alignment_rounding_and_errors():
    text = format_table(["name", "v"], [["a", -0.0001], ["bb", math.inf], ["c", 7]], digits=2)
    lines = text.splitlines()
    assert lines[2:] == ["a     0.00", "bb       ∞", "c        7"]
    with pytest.raises(ValueError):
        format_table(["a", "b"], [["only one"]])
    with pytest.raises(ValueError):
        format_table(["a"], [], digits=-1)


def test_colour_event_table_names_the_reverse_direction():
    lines = colour_event_table(Q, P, COLOURS, labels=("Q", "P")).splitlines()
    assert lines[0].split()[:3] == ["event", "Q(x)", "P(x)"]
    assert "→ KL(Q‖P)" in lines[1] and "→ H(Q,P)" in lines[1]
    assert lines[4].split()[-1] == "-0.212"  # green's term of KL(Q‖P)


def test_draw_distributions_returns_the_artists_it_drew():
    _fig, ax = hp.subplots()
    drawn = hp.draw_distributions(ax, P, Q, COLOURS)
    assert list(drawn.p_bars) == list(ax.containers[0])
    assert list(drawn.q_bars) == list(ax.containers[1])
    assert [b.get_height() for b in drawn.q_bars] == pytest.approx(Q)
    assert [t.get_text() for t in drawn.q_labels] == [f"{v:.2f}" for v in Q]
    assert [t.get_text() for t in drawn.p_labels] == [f"{v:.2f}" for v in P]
    assert all(label in ax.texts for label in drawn.p_labels + drawn.q_labels)
