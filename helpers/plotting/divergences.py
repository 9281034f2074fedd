"""Figures of 10_soft_targets_and_divergences: soft targets, KL fits, information quantities.

Each function validates its input (``ValueError``) before drawing, draws in the course style
(:func:`~helpers.plotting._style.styled`), accepts ``ax=`` to draw into an existing axes and
returns the ``Figure``. Colour is never the only carrier of meaning: every quantity also has
its own line style, marker or hatch, and a label.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._validation import as_float_array, real_number
from ..divergences import (
    GaussianFit,
    conditional_entropy,
    gaussian_pdf,
    joint_entropy,
    marginals,
    mutual_information,
    tempered_softmax,
)
from ._checks import axes, event_names, numbers_1d, real
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, label_bars, styled

__all__ = ["plot_information_diagram", "plot_kl_fits", "plot_soft_targets"]

_HATCHES = ("", "//", "xx", "\\\\", "..", "oo")
_COLOURS = (P_COLOUR, Q_COLOUR, EXTRA_COLOUR, "#805ad5", "#c53030", "#4a5568")


@styled
def plot_soft_targets(
    logits: ArrayLike,
    temperatures: Sequence[float],
    classes: Sequence[str],
    *,
    ax: Axes | None = None,
) -> Figure:
    """A teacher's probabilities softmax(z / T) over named classes, one group of bars per class
    and one bar (colour + hatch) per temperature, each labelled with its value.

    >>> fig = plot_soft_targets([4.0, 2.0, 0.0], [1, 4], ["cat", "dog", "car"])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].containers[1]]
    [0.506, 0.307, 0.186]
    >>> plt.close(fig)
    """
    z = numbers_1d(logits, "logits")
    temps = [float(t) for t in numbers_1d(temperatures, "temperatures")]
    if not temps or len(temps) > len(_COLOURS):
        raise ValueError(f"give between 1 and {len(_COLOURS)} temperatures, got {len(temps)}")
    rows = [tempered_softmax(z, t) for t in temps]  # checks each temperature
    classes = event_names(classes, z.size, "classes")
    axes(ax)
    fig, ax = figure_and_axes(ax, width=8, height=4.2)
    x = np.arange(rows[0].size)
    width = 0.8 / len(temps)
    for i, (t, row) in enumerate(zip(temps, rows, strict=True)):
        bars = ax.bar(
            x + (i - (len(temps) - 1) / 2) * width,
            row,
            width,
            color=_COLOURS[i],
            hatch=_HATCHES[i],
            edgecolor="white" if not _HATCHES[i] else "black",
            linewidth=0.5,
            label=f"T = {t:g}",
        )
        label_bars(ax, bars, fmt="{:.3f}")
    ax.set_xticks(x, list(classes))
    ax.set_ylim(0, 1.12)
    ax.set_xlabel("class")
    ax.set_ylabel("probability softmax(z / T)")
    ax.set_title("Raising the temperature reveals the ranking of the wrong classes")
    ax.legend(loc="upper right")
    return fig


def _fit(value: object, name: str) -> GaussianFit:
    """A GaussianFit (or a (mu, sigma, divergence) tuple) with a finite mu and sigma > 0."""
    if not isinstance(value, tuple | list) or len(value) != 3:
        raise ValueError(f"{name} must be a GaussianFit (mu, sigma, divergence)")
    mu = real(value[0], f"{name}.mu")
    sigma = real(value[1], f"{name}.sigma", low=0.0, open_low=True)
    return GaussianFit(mu, sigma, math.nan)


@styled
def plot_kl_fits(
    x: ArrayLike,
    p: ArrayLike,
    forward: GaussianFit,
    reverse: GaussianFit,
    *,
    ax: Axes | None = None,
) -> Figure:
    """The target density P (filled, solid line) with the Gaussian that minimises the forward
    KL(P‖Q) (dashed) and the one that minimises the reverse KL(Q‖P) (dotted, with markers).

    >>> x = np.linspace(-6, 6, 121)
    >>> p = np.exp(-x**2 / 2) / np.sqrt(2 * np.pi)
    >>> fig = plot_kl_fits(x, p, GaussianFit(0.0, 1.0, 0.0), GaussianFit(0.0, 1.0, 0.0))
    >>> [line.get_label().split(":")[0] for line in fig.axes[0].get_lines()]
    ['target P (two peaks)', 'forward KL(P‖Q)', 'reverse KL(Q‖P)']
    >>> plt.close(fig)
    """
    grid, density = numbers_1d(x, "x"), numbers_1d(p, "p")
    if grid.shape != density.shape or grid.size < 2:
        raise ValueError("x and p must be 1-D arrays of the same length (a density on a grid)")
    if (density < 0).any():
        raise ValueError("p must be a density: p ≥ 0 everywhere")
    fits = {"forward": _fit(forward, "forward"), "reverse": _fit(reverse, "reverse")}
    axes(ax)
    fig, ax = figure_and_axes(ax, width=8, height=4.2)
    ax.fill_between(grid, density, color=P_COLOUR, alpha=0.25)
    ax.plot(grid, density, color=P_COLOUR, linewidth=2.5, label="target P (two peaks)")
    styles = {
        "forward": dict(color=Q_COLOUR, linestyle="--", marker=None),
        "reverse": dict(color=EXTRA_COLOUR, linestyle=":", marker="o", markevery=0.05),
    }
    names = {"forward": "forward KL(P‖Q): covers the mass", "reverse": "reverse KL(Q‖P): one mode"}
    top = float(density.max())
    for key, fit in fits.items():
        curve = gaussian_pdf(grid, fit.mu, fit.sigma)
        top = max(top, float(curve.max()))
        ax.plot(
            grid,
            curve,
            linewidth=2.2,
            label=f"{names[key]}  (μ = {fit.mu:.2f}, σ = {fit.sigma:.2f})",
            **styles[key],
        )
    ax.set_ylim(0, 1.45 * top if top > 0 else 1.0)  # room for the legend above the curves
    ax.set_xlabel("x")
    ax.set_ylabel("density (per unit of x)")
    ax.set_title("One Gaussian fitted to two peaks, by each direction of KL")
    ax.legend(loc="upper right", fontsize=10)
    return fig


@styled
def plot_information_diagram(
    joint: ArrayLike,
    *,
    base: float = 2,
    ax: Axes | None = None,
) -> Figure:
    """The information quantities of a joint table as aligned horizontal bars (a Venn diagram
    drawn with bars): H(X, Y) split into H(X|Y), I(X;Y) and H(Y|X); H(X) = H(X|Y) + I(X;Y) below
    it; H(Y) = I(X;Y) + H(Y|X) below that, starting where I(X;Y) starts. Each part has its own
    colour and hatch, and is labelled with its value.

    >>> fig = plot_information_diagram([[0.3, 0.1], [0.2, 0.4]])
    >>> round(float(sum(b.get_width() for b in fig.axes[0].patches[:3])), 4)  # H(X, Y), bits
    1.8464
    >>> plt.close(fig)
    """
    table = as_float_array(joint, "joint")
    if table.ndim != 2:
        raise ValueError("joint must be one 2-D joint probability table (X rows, Y columns)")
    axes(ax)
    h_xy = joint_entropy(joint, base)  # validates the table and the base
    h_y_given_x = conditional_entropy(joint, "x", base)
    h_x_given_y = conditional_entropy(joint, "y", base)
    info = mutual_information(joint, base)
    p_x, p_y = marginals(joint)
    from ..information import entropy

    h_x, h_y = entropy(p_x, base), entropy(p_y, base)
    number = real_number(base, "base")  # valid by now: a float for the label (0-d, Fraction …)
    unit = {2.0: "bits", math.e: "nats"}.get(number, f"log base {number:g}")
    parts = {
        "H(X|Y)": (h_x_given_y, P_COLOUR, "//"),
        "I(X;Y)": (info, EXTRA_COLOUR, "xx"),
        "H(Y|X)": (h_y_given_x, Q_COLOUR, "\\\\"),
    }
    rows = [  # (row label, parts in order, where the first part starts)
        (f"H(X, Y) = {h_xy:.3f}", ["H(X|Y)", "I(X;Y)", "H(Y|X)"], 0.0),
        (f"H(X) = {h_x:.3f}", ["H(X|Y)", "I(X;Y)"], 0.0),
        (f"H(Y) = {h_y:.3f}", ["I(X;Y)", "H(Y|X)"], h_x_given_y),
    ]
    fig, ax = figure_and_axes(ax, width=8, height=3.6)
    for y, (_, names, start) in enumerate(rows):
        left = start
        for name in names:
            width, colour, hatch = parts[name]
            ax.barh(
                y,
                width,
                left=left,
                height=0.6,
                color=colour,
                alpha=0.75,
                hatch=hatch,
                edgecolor="black",
                linewidth=0.8,
                label=name,
            )
            ax.annotate(
                f"{name}\n{width:.3f}",
                (left + width / 2, y),
                ha="center",
                va="center",
                fontsize=10,
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.85},
            )
            left += width
    ax.set_yticks(range(len(rows)), [label for label, _, _ in rows])
    ax.invert_yaxis()
    ax.set_xlim(0, h_xy * 1.02 if h_xy > 0 else 1.0)
    ax.set_xlabel(f"information ({unit})")
    ax.set_title("Joint, conditional and mutual information, to scale")
    ax.grid(axis="y", visible=False)
    return fig
