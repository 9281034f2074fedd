"""The figure of notebook 06: a loss against one parameter, with its minimiser marked."""

from __future__ import annotations

import math

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..likelihood import gaussian_nll_from_mse
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


@styled
def plot_nll_against_mse(
    mse: ArrayLike,
    nll: ArrayLike,
    sigma: float,
    *,
    title: str | None = None,
    colour: str = P_COLOUR,
    ax: Axes | None = None,
) -> Figure:
    r"""The mean Gaussian NLL (nats) of several models against their MSE: points on a straight line.

    For a Gaussian noise model with fixed σ the mean negative log-likelihood is

    .. math:: \text{NLL} = \tfrac12 \ln(2\pi\sigma^2) + \frac{\text{MSE}}{2\sigma^2}

    a straight line in the MSE with slope 1/(2σ²) and intercept ½ ln(2πσ²). The given pairs
    (computed with ``helpers``) are drawn as markers, the line itself dashed, and its slope and
    intercept are written on the axes.

    Args:
        mse: the models' mean squared errors (squared units of the target), ≥ 0.
        nll: their mean Gaussian NLLs, in nats, the same length (at least 2).
        sigma: the Gaussian's fixed standard deviation, > 0.

    >>> fig = plot_nll_against_mse([0.1, 0.3], [0.426, 1.226], 0.5)
    >>> [round(float(v), 4) for v in fig.axes[0].lines[1].get_ydata()]
    [0.2258, 0.8558]
    >>> plt.close(fig)
    """
    mse = check.numbers_1d(mse, "mse")
    nll = check.numbers_1d(nll, "nll")
    if mse.shape != nll.shape or mse.size < 2:
        raise ValueError(
            f"mse and nll must have the same length (at least 2), got {mse.size} and {nll.size}"
        )
    if (mse < 0).any():
        raise ValueError(f"mse must be ≥ 0, got a smallest value of {mse.min():g}")
    sigma = check.real(sigma, "sigma", low=0.0, open_low=True)
    if title is not None:
        check.text(title, "title")
    check.colour(colour, "colour")
    check.axes(ax)
    intercept = gaussian_nll_from_mse(0.0, sigma)  # the NLL is this line in the MSE
    slope = 0.5 / sigma / sigma
    if not math.isfinite(slope):
        raise ValueError(f"sigma = {sigma:g} is too small to draw in float64 (slope 1 / 2σ²)")
    fig, ax = figure_and_axes(ax)
    ax.plot(mse, nll, "o", color=colour, ms=6, label="the models (computed NLL)")
    line_x = np.array([0.0, float(mse.max()) * 1.05])
    ax.plot(
        line_x,
        intercept + slope * line_x,
        "--",
        color="black",
        lw=1.2,
        label="½ ln(2πσ²) + MSE / (2σ²)",
    )
    ax.annotate(
        f"slope 1/(2σ²) = {slope:.4g}\nintercept ½ ln(2πσ²) = {intercept:.4g} nats",
        (0.03, 0.97),
        xycoords="axes fraction",
        va="top",
        fontsize=10,
        bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5, "alpha": 0.85},
    )
    ax.set_xlabel("MSE (squared units of the target)")
    ax.set_ylabel("mean Gaussian NLL (nats)")
    ax.set_title(title if title is not None else f"Gaussian NLL against MSE, σ = {sigma:g}")
    ax.legend(loc="lower right", fontsize=10)
    return fig
