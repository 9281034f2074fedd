"""The sample-loss figure of notebook 05: each sample's binary cross-entropy as a bar, with the
mean as a dashed line.

:func:`draw_sample_losses` draws into a given axes and returns the artists an explorer of
:mod:`helpers.widgets` moves (:class:`SampleLossArtists`); :func:`plot_sample_losses` wraps it.
"""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.text import Annotation, Text
from numpy.typing import ArrayLike

from . import _checks as check
from ._style import EXTRA_COLOUR, LABEL_BOX, figure_and_axes, styled

__all__ = ["SampleLossArtists", "draw_sample_losses", "plot_sample_losses"]


@dataclass
class SampleLossArtists:
    """What :func:`draw_sample_losses` drew that an explorer moves: one bar and one value label
    per sample, the dashed mean line and its legend entry's text, and the y axis's top (nats)."""

    bars: BarContainer
    labels: list[Annotation]
    mean: Line2D
    mean_legend: Text
    top: float


def _sample_losses_input(y_true, y_prob, highlight, top, show_predictions):
    from ..losses import binary_cross_entropy

    losses = binary_cross_entropy(y_true, y_prob, reduction="none")  # validates both
    y, prob = np.asarray(y_true, dtype=float), np.asarray(y_prob, dtype=float)
    if y.ndim != 1:
        raise ValueError(
            f"y_true and y_prob must be 1-D (one label and one prediction per sample), "
            f"got shape {y.shape}"
        )
    if highlight is not None:
        highlight = check.count(highlight, "highlight", 0)
        if highlight >= y.size:
            raise ValueError(
                f"highlight must be a sample index in 0..{y.size - 1}, got {highlight!r:.80}"
            )
    finite = np.isfinite(losses)
    if top is None:
        top = max(0.5, float(losses[finite].max()) if finite.any() else 1.0) * 1.2
    else:
        top = check.real(top, "top", low=0.0, open_low=True)
    check.flag(show_predictions, "show_predictions")
    return y, prob, losses, highlight, top


@styled
def draw_sample_losses(
    ax: Axes,
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    highlight: int | None = None,
    top: float | None = None,
    show_predictions: bool = True,
) -> SampleLossArtists:
    """Draw :func:`plot_sample_losses`' bars into ``ax``; return the bars, labels and mean line.

    >>> fig, ax = plt.subplots()
    >>> drawn = draw_sample_losses(ax, [1, 0], [0.8, 0.4], top=1.0)
    >>> [label.get_text() for label in drawn.labels], drawn.mean_legend.get_text()
    (['0.223', '0.511'], 'mean = 0.367 nats')
    >>> plt.close(fig)
    """
    from matplotlib.patches import Patch

    check.axes(ax)
    y, prob, losses, highlight, top = _sample_losses_input(
        y_true, y_prob, highlight, top, show_predictions
    )
    finite = np.isfinite(losses)
    heights = np.where(finite, losses, top)
    x = np.arange(1, y.size + 1)
    colours = np.where(y >= 0.5, EXTRA_COLOUR, "#805ad5")
    bars = ax.bar(x, heights, 0.7, color=colours)
    labels = []
    for bar, loss in zip(bars, losses, strict=True):
        inside = not np.isfinite(loss)  # an infinite loss's bar fills the axes: label inside
        labels.append(
            ax.annotate(
                "∞" if inside else f"{loss:.3f}",
                (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                xytext=(0, -3 if inside else 3),
                textcoords="offset points",
                ha="center",
                va="top" if inside else "bottom",
                fontsize=9,
                bbox=LABEL_BOX,
            )
        )
    if highlight is not None:
        bars[highlight].set_edgecolor("black")
        bars[highlight].set_linewidth(2.5)
    mean = float(losses.mean())
    mean_line = ax.axhline(
        min(mean, top),
        color="black",
        linestyle="--",
        linewidth=1.2,
        label=f"mean = {mean:.3f} nats" if np.isfinite(mean) else "mean = ∞",
    )
    ticks = [f"{i}\ny={yi:g}" for i, yi in zip(x, y, strict=True)]
    if show_predictions:
        ticks = [f"{tick}\nŷ={pi:g}" for tick, pi in zip(ticks, prob, strict=True)]
    ax.set_xticks(x, ticks)
    ax.tick_params(axis="x", labelsize=9)
    ax.set_xlim(0.4, y.size + 0.6)
    ax.set_ylim(0, top)
    ax.set_xlabel(
        "sample (true label y, predicted probability ŷ of class 1)"
        if show_predictions
        else "sample (true label y)"
    )
    ax.set_ylabel("loss (nats)")
    ax.set_title("Binary cross-entropy of each sample")
    handles = [
        Patch(color=EXTRA_COLOUR, label="true label y = 1"),
        Patch(color="#805ad5", label="true label y = 0"),
        mean_line,
    ]
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=10)
    return SampleLossArtists(bars, labels, mean_line, legend.get_texts()[-1], top)


@styled
def plot_sample_losses(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    highlight: int | None = None,
    top: float | None = None,
    show_predictions: bool = True,
    ax: Axes | None = None,
) -> Figure:
    """Each sample's binary cross-entropy loss in nats as a bar, with the mean as a dashed line.

    The loss of sample i is ``−[y ln ŷ + (1 − y) ln(1 − ŷ)]`` (:func:`helpers.binary_cross_entropy`
    with ``reduction="none"``). Bars are coloured by the true label, labelled with their loss,
    and each tick names the sample's label y and (unless ``show_predictions=False``) its
    predicted probability ŷ. ``highlight`` (a 0-based index) outlines one sample's bar; ``top``
    fixes the y axis's upper limit (default: a little above the largest finite loss). An
    infinite loss (ŷ = 0 for y = 1, or ŷ = 1 for y = 0) is drawn as a bar up to the top of the
    axes, labelled ∞.

    >>> fig = plot_sample_losses([1, 0], [0.8, 0.4])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].patches]
    [0.223, 0.511]
    >>> plt.close(fig)
    """
    check.axes(ax)
    _sample_losses_input(y_true, y_prob, highlight, top, show_predictions)  # before any figure
    fig, ax = figure_and_axes(ax, width=9, height=4.5)
    draw_sample_losses(
        ax, y_true, y_prob, highlight=highlight, top=top, show_predictions=show_predictions
    )
    return fig
