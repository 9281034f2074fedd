"""The sampling figures of notebook 04: a sample of draws from P beside P and a model Q, the
running average −log2 Q(x) converging to H(P, Q), and training against held-out cross-entropy.
Each returns the Figure, in the course style (:func:`styled`).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from . import _checks as check
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, label_bars, styled

__all__ = ["plot_running_cross_entropy", "plot_sample_histogram", "plot_train_test_cross_entropy"]


@styled
def plot_sample_histogram(
    p_hat: ArrayLike,
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    n: int,
    ax: Axes | None = None,
) -> Figure:
    """The share of each event in a sample of ``n`` draws (P̂) beside the truth P and a model Q.

    Three bars per event, told apart by hatching as well as colour, each labelled with its value.

    >>> fig = plot_sample_histogram([0.2, 0.8], [0.25, 0.75], [0.5, 0.5], ["a", "b"], n=10)
    >>> [round(float(b.get_height()), 2) for b in fig.axes[0].containers[0]]
    [0.2, 0.8]
    >>> plt.close(fig)
    """
    arrays = [check.distribution(v, name) for v, name in ((p_hat, "p_hat"), (p, "p"), (q, "q"))]
    if len({a.size for a in arrays}) != 1:
        raise ValueError("p_hat, p and q must be over the same events")
    events = check.event_names(events, arrays[0].size)
    count = check.count(n, "n", 1, 10**9)
    check.axes(ax)
    fig, ax = figure_and_axes(ax, width=8, height=4.5)
    x = np.arange(arrays[0].size)
    width = 0.27
    styles = (
        (f"sample P̂ ({count:,} draws from P)", EXTRA_COLOUR, "xx"),
        ("P (true)", P_COLOUR, ""),
        ("Q (model)", Q_COLOUR, ".."),
    )
    for offset, values, (label, colour, hatch) in zip((-1, 0, 1), arrays, styles, strict=True):
        bars = ax.bar(
            x + offset * width,
            values,
            width,
            color=colour,
            hatch=hatch,
            label=label,
            edgecolor="white",
        )
        label_bars(ax, bars, fmt="{:.3f}")  # as the notebook prints P̂
    ax.set_xticks(x, list(events))
    ax.set_ylim(0, float(max(a.max() for a in arrays)) * 1.25)
    ax.set_xlabel("event")
    ax.set_ylabel("probability / share of the sample")
    ax.set_title("A sample from P looks like P, not like the model Q")
    ax.legend(loc="upper left", fontsize=10)
    return fig


@styled
def plot_running_cross_entropy(
    running: ArrayLike,
    cross_entropy: float,
    entropy: float,
    *,
    ax: Axes | None = None,
) -> Figure:
    """The average −log2 Q(x_i) over the first n draws against n, converging to H(P, Q).

    ``running`` is :func:`helpers.sampling.running_cross_entropy` (bits); the limits H(P, Q)
    (``cross_entropy``) and H(P) (``entropy``) are drawn as horizontal lines. n on a log axis.

    >>> fig = plot_running_cross_entropy([1.0, 1.5, 1.0], 1.2, 1.0)
    >>> fig.axes[0].get_xscale()
    'log'
    >>> plt.close(fig)
    """
    values = check.numbers_1d(running, "running")
    if np.any(values < 0):
        raise ValueError("running averages of −log2 Q(x) cannot be negative")
    ce = check.real(cross_entropy, "cross_entropy", low=0)
    h = check.real(entropy, "entropy", low=0)
    check.axes(ax)
    fig, ax = figure_and_axes(ax, width=8, height=4.5)
    n = np.arange(1, values.size + 1)
    ax.plot(n, values, color=Q_COLOUR, linewidth=1.6, label="average of −log₂ Q(xᵢ), i ≤ n")
    ax.axhline(ce, color="black", linestyle="--", linewidth=1.2, label=f"H(P, Q) = {ce:.3f} bits")
    ax.axhline(h, color=P_COLOUR, linestyle=":", linewidth=1.6, label=f"H(P) = {h:.3f} bits")
    ax.set_xscale("log")
    ax.set_xlim(1, max(values.size, 2))
    ax.set_xlabel("number of draws n (log scale)")
    ax.set_ylabel("average code length (bits per draw)")
    ax.set_title("The average loss on a sample converges to the cross-entropy")
    ax.legend(loc="center right", fontsize=10)  # the curve and both limits stay clear of it
    return fig


@styled
def plot_train_test_cross_entropy(
    sizes: ArrayLike,
    train: ArrayLike,
    held_out: ArrayLike,
    entropy: float,
    *,
    ax: Axes | None = None,
) -> Figure:
    """Training and held-out cross-entropy of a fitted model against the training size.

    The training curve (circles, solid) starts below H(P) — the model fits the very draws it
    is scored on — and the held-out curve (squares, dashed) stays above it; both approach H(P)
    (dotted) as the training sample grows. Bits; training size on a log axis.

    >>> fig = plot_train_test_cross_entropy([5, 50], [0.9, 0.99], [1.2, 1.01], 1.0)
    >>> len(fig.axes[0].lines)
    3
    >>> plt.close(fig)
    """
    n = check.numbers_1d(sizes, "sizes")
    tr = check.numbers_1d(train, "train")
    ho = check.numbers_1d(held_out, "held_out")
    if not n.size == tr.size == ho.size:
        raise ValueError("sizes, train and held_out must have one value per training size")
    if np.any(n < 1):
        raise ValueError("sizes must be at least 1 (they are on a log axis)")
    h = check.real(entropy, "entropy", low=0)
    check.axes(ax)
    fig, ax = figure_and_axes(ax, width=8, height=4.5)
    ax.plot(n, tr, "o-", color=P_COLOUR, label="on the training sample")
    ax.plot(n, ho, "s--", color=Q_COLOUR, label="on held-out draws")
    ax.axhline(h, color="black", linestyle=":", linewidth=1.4, label=f"H(P) = {h:.3f} bits")
    ax.fill_between(n, tr, h, where=tr < h, color=P_COLOUR, alpha=0.15, interpolate=True)
    ax.set_xscale("log")
    ax.set_xlabel("training sample size n (log scale)")
    ax.set_ylabel("cross-entropy (bits per draw)")
    ax.set_title("Below H(P) on its own training data, above it on fresh data")
    ax.legend(loc="upper right", fontsize=10)
    return fig
