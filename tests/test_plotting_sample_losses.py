"""The sample-loss figure and table of notebook 05 draw and print the tutorial's data."""

from __future__ import annotations

import math

import pytest

import helpers
import helpers.plotting as hp
from helpers.examples import Y_PROB, Y_TRUE
from helpers.tables import binary_sample_table


def heights(container) -> list[float]:
    return [float(bar.get_height()) for bar in container]


# --- figures ------------------------------------------------------------------------------------


def test_plot_sample_losses_draws_each_loss_and_the_mean():
    fig = hp.plot_sample_losses(Y_TRUE, Y_PROB, highlight=3)
    ax = fig.axes[0]
    losses = helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="none")
    assert heights(ax.containers[0]) == pytest.approx(losses)
    assert [t.get_text() for t in ax.texts] == [f"{v:.3f}" for v in losses]
    assert [t.get_text() for t in ax.texts][:4] == ["0.223", "0.105", "0.105", "0.511"]
    mean = helpers.binary_cross_entropy(Y_TRUE, Y_PROB)
    assert ax.lines[-1].get_ydata()[0] == pytest.approx(mean)
    assert ax.get_legend().get_texts()[-1].get_text() == "mean = 0.247 nats"
    assert ax.containers[0][3].get_linewidth() > 2 > ax.containers[0][0].get_linewidth()
    assert ax.get_ylabel() == "loss (nats)"
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks[0] == "1\ny=1\nŷ=0.8" and ticks[6] == "7\ny=0\nŷ=0.4"
    colours = {tuple(b.get_facecolor()) for b in ax.containers[0]}
    assert len(colours) == 2  # one colour per true label


def test_plot_sample_losses_options_and_an_infinite_loss():
    fig = hp.plot_sample_losses([1, 0, 1], [0.0, 0.5, 0.9], top=2.0, show_predictions=False)
    ax = fig.axes[0]
    assert ax.get_ylim()[1] == 2.0
    assert heights(ax.containers[0]) == pytest.approx([2.0, math.log(2), -math.log(0.9)])
    assert ax.texts[0].get_text() == "∞"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1\ny=1", "2\ny=0", "3\ny=1"]
    assert ax.get_legend().get_texts()[-1].get_text() == "mean = ∞"
    with pytest.raises(ValueError):
        hp.plot_sample_losses(Y_TRUE, Y_PROB, highlight=10)
    with pytest.raises(ValueError):
        hp.plot_sample_losses(Y_TRUE, Y_PROB, top=0)


def test_binary_sample_table_prints_the_tutorials_losses():
    lines = binary_sample_table(Y_TRUE, Y_PROB).splitlines()
    losses = [line.split()[-1] for line in lines[2:12]]
    assert losses == [
        "0.223",
        "0.105",
        "0.105",
        "0.511",
        "0.223",
        "0.105",
        "0.511",
        "0.223",
        "0.105",
        "0.357",
    ]
    assert lines[-1].split() == ["mean", "0.247"]
    assert "[0.40, 0.60]" in lines[5] and "[0, 1]" in lines[5]
    shown = binary_sample_table([1, 0], [0.8, 0.4], losses=[1.0, 2.0])
    assert shown.splitlines()[-1].split() == ["mean", "1.500"]
    with pytest.raises(ValueError):
        binary_sample_table([1, 0], [0.8, 0.4], losses=[1.0])


def test_draw_sample_losses_returns_the_artists_it_drew():
    _fig, ax = hp.subplots()
    drawn = hp.draw_sample_losses(ax, Y_TRUE, Y_PROB, highlight=2)
    losses = helpers.binary_cross_entropy(Y_TRUE, Y_PROB, reduction="none")
    assert list(drawn.bars) == list(ax.containers[0])
    assert [t.get_text() for t in drawn.labels] == [f"{v:.3f}" for v in losses]
    assert drawn.mean in ax.lines
    assert drawn.mean.get_ydata()[0] == pytest.approx(losses.mean())
    assert drawn.mean_legend is ax.get_legend().get_texts()[-1]
    assert drawn.top == ax.get_ylim()[1]
    assert drawn.bars[2].get_linewidth() == 2.5
