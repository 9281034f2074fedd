"""The figures of notebook 01: the surprise −log2 P(x) of one event and the binary-entropy curve.
Each returns the Figure, in the course style (:func:`styled`).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import _checks as check
from ._style import P_COLOUR, Q_COLOUR, figure_and_axes, styled

__all__ = ["plot_binary_entropy", "plot_surprise"]


@styled
def plot_surprise(
    marked: Sequence[float] = (1, 1 / 2, 1 / 4, 1 / 8), *, ax: Axes | None = None
) -> Figure:
    """The surprise of an event, −log2 P(x) in bits, against its probability P(x).

    Certain events (P = 1) carry 0 bits; every halving of the probability adds one bit. The
    probabilities in ``marked`` are drawn as labelled points.

    >>> fig = plot_surprise()
    >>> fig.axes[0].get_ylabel()
    'surprise −log₂ P(x) (bits)'
    >>> plt.close(fig)
    """
    marked = check.marks(marked, "marked")
    check.axes(ax)
    fig, ax = figure_and_axes(ax)
    p = np.linspace(0.01, 1.0, 400)
    ax.plot(p, -np.log2(p), color=P_COLOUR, label="−log₂ P(x)")
    bits = -np.log2(marked) + 0.0
    ax.plot(marked, bits, "o", color=Q_COLOUR)
    for x, y in zip(marked, bits, strict=True):
        ax.annotate(
            f"P = {x:g}: {y:g} bit{'' if y == 1 else 's'}",
            (x, y),
            xytext=(8, 6) if x < 0.9 else (-8, 8),
            textcoords="offset points",
            ha="left" if x < 0.9 else "right",
            fontsize=10,
        )
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, float(-np.log2(p[0])) * 1.05)
    ax.set_xlabel("probability of the event P(x)")
    ax.set_ylabel("surprise −log₂ P(x) (bits)")
    ax.set_title("Rare events are surprising")
    return fig


@styled
def plot_binary_entropy(n: int = 501, *, ax: Axes | None = None) -> Figure:
    """The binary-entropy curve H(p) = −p log2 p − (1 − p) log2(1 − p), in bits, for p in [0, 1].

    Computed with :func:`helpers.entropy` on the distributions (p, 1 − p); the maximum, 1 bit at
    p = 0.5, is marked.

    >>> fig = plot_binary_entropy()
    >>> line = fig.axes[0].lines[0]
    >>> float(line.get_ydata().max()), float(line.get_xdata()[line.get_ydata().argmax()])
    (1.0, 0.5)
    >>> plt.close(fig)
    """
    from ..information import entropy

    n = check.count(n, "n", 3)
    check.axes(ax)
    p = np.linspace(0.0, 1.0, n)
    h = entropy(np.column_stack([p, 1 - p]))
    fig, ax = figure_and_axes(ax)
    ax.plot(p, h, color=P_COLOUR, label="H(p)")
    top = int(np.argmax(h))
    ax.plot(p[top], h[top], "o", color=Q_COLOUR)
    ax.annotate(
        f"maximum: {h[top]:.3g} bit at p = {p[top]:.3g}",
        (p[top], h[top]),
        xytext=(0, -28),
        textcoords="offset points",
        ha="center",
        fontsize=10,
    )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.1)
    ax.set_xlabel("probability of heads p")
    ax.set_ylabel("entropy H(p) (bits)")
    ax.set_title("Binary entropy: a coin is most uncertain when fair")
    return fig
