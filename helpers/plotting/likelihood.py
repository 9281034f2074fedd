"""The figure of notebook 06: a loss against one parameter, with its minimiser marked."""

from __future__ import annotations

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from . import _checks as check
from ._style import P_COLOUR, Q_COLOUR, figure_and_axes, styled


@styled
def plot_loss_curve(
    x: ArrayLike,
    loss: ArrayLike,
    *,
    x_best: float | None = None,
    xlabel: str = "parameter",
    ylabel: str = "mean loss (nats)",
    title: str = "The loss as one parameter varies",
    label: str | None = None,
    colour: str = P_COLOUR,
    ax: Axes | None = None,
) -> Figure:
    """A loss (nats) against one parameter, with the fitted value ``x_best`` marked.

    The curve is drawn as given (compute it with ``helpers``); ``x_best`` gets a dashed vertical
    line and a point at the loss read off the curve there (linear interpolation).

    >>> fig = plot_loss_curve([0, 1, 2], [1.0, 0.5, 1.0], x_best=1.0, xlabel="w")
    >>> [float(v) for v in fig.axes[0].lines[0].get_ydata()]
    [1.0, 0.5, 1.0]
    >>> plt.close(fig)
    """
    x = check.numbers_1d(x, "x")
    loss = check.numbers_1d(loss, "loss")
    if x.shape != loss.shape or x.size < 2:
        raise ValueError(
            f"x and loss must have the same length (at least 2), got {x.size} and {loss.size}"
        )
    if x_best is not None:
        x_best = check.real(x_best, "x_best")
        if not x.min() <= x_best <= x.max():
            raise ValueError(f"x_best = {x_best} lies outside the plotted range of x")
    for value, name in ((xlabel, "xlabel"), (ylabel, "ylabel"), (title, "title")):
        check.text(value, name)
    check.colour(colour, "colour")
    if label is not None:
        check.text(label, "label")
    check.axes(ax)
    fig, ax = figure_and_axes(ax)
    ax.plot(x, loss, color=colour, label=label or ylabel)
    if x_best is not None:
        at = float(np.interp(x_best, x, loss))
        ax.axvline(x_best, color="black", linestyle="--", linewidth=1)
        ax.plot([x_best], [at], "o", color=Q_COLOUR)
        ax.annotate(
            f"minimum at {x_best:.3g}\nloss {at:.4g}",
            (x_best, 0.96),
            xycoords=ax.get_xaxis_transform(),  # x in data, y as a fraction of the axes
            xytext=(6, 0),
            textcoords="offset points",
            va="top",
            fontsize=10,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5, "alpha": 0.85},
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return fig
