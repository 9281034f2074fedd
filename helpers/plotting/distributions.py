"""The two-distribution figures of the worked examples (notebooks 02, 04, 08): two distributions
over the same events side by side, and H(P, Q) = H(P) + KL(P‖Q) as bars, both ways.

:func:`draw_distributions` draws into a given axes and returns the artists an explorer of
:mod:`helpers.widgets` moves (:class:`DistributionArtists`); :func:`plot_distributions` wraps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.figure import Figure
from matplotlib.text import Annotation
from numpy.typing import ArrayLike

from . import _checks as check
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, label_bars, styled

__all__ = [
    "DistributionArtists",
    "draw_distributions",
    "plot_cross_entropy_totals",
    "plot_distributions",
]


@dataclass
class DistributionArtists:
    """What :func:`draw_distributions` drew that an explorer moves: each distribution's bars
    (one per event) and the value labels above them."""

    p_bars: BarContainer
    q_bars: BarContainer
    p_labels: list[Annotation]
    q_labels: list[Annotation]


def _distributions_input(p, q, events, labels, title):
    p_arr, q_arr = check.distribution(p, "p"), check.distribution(q, "q")
    if p_arr.shape != q_arr.shape:
        raise ValueError(f"p has {p_arr.size} events but q has {q_arr.size}")
    names = check.event_names(events, p_arr.size)
    return p_arr, q_arr, names, check.label_pair(labels), check.text(title, "title")


@styled
def draw_distributions(
    ax: Axes,
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    labels: tuple[str, str] = ("P (true)", "Q (model)"),
    title: str = "Two distributions over the same events",
) -> DistributionArtists:
    """Draw :func:`plot_distributions`' bars into ``ax``; return the bars and their labels.

    >>> fig, ax = plt.subplots()
    >>> drawn = draw_distributions(ax, [0.5, 0.5], [0.9, 0.1], ["heads", "tails"])
    >>> [label.get_text() for label in drawn.q_labels]
    ['0.90', '0.10']
    >>> plt.close(fig)
    """
    check.axes(ax)
    p_arr, q_arr, names, labels, title = _distributions_input(p, q, events, labels, title)
    x = np.arange(len(names))
    width = 0.38
    drawn = []
    for offset, values, label, colour in (
        (-width / 2, p_arr, labels[0], P_COLOUR),
        (width / 2, q_arr, labels[1], Q_COLOUR),
    ):
        bars = ax.bar(x + offset, values, width, label=label, color=colour)
        drawn.append((bars, label_bars(ax, bars)))
    ax.set_xticks(x, names)
    ax.set_ylim(0, max(1.0, float(np.max([p_arr, q_arr]))) * 1.12)
    ax.set_ylabel("probability")
    ax.set_xlabel("event")
    ax.set_title(title)
    ax.legend()
    (p_bars, p_labels), (q_bars, q_labels) = drawn
    return DistributionArtists(p_bars, q_bars, p_labels, q_labels)


@styled
def plot_distributions(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    labels: tuple[str, str] = ("P (true)", "Q (model)"),
    title: str = "Two distributions over the same events",
    ax: Axes | None = None,
) -> Figure:
    """Side-by-side bar chart of two distributions over named events, each bar labelled.

    >>> fig = plot_distributions([0.1, 0.4, 0.5], [0.8, 0.15, 0.05], ["red", "green", "blue"])
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['red', 'green', 'blue']
    >>> plt.close(fig)
    """
    check.axes(ax)
    _distributions_input(p, q, events, labels, title)  # refuse bad input before any figure
    fig, ax = figure_and_axes(ax)
    draw_distributions(ax, p, q, events, labels=labels, title=title)
    return fig


@styled
def plot_cross_entropy_totals(
    p: ArrayLike,
    q: ArrayLike,
    *,
    labels: tuple[str, str] = ("P", "Q"),
    ax: Axes | None = None,
) -> Figure:
    """H(P, Q) beside H(P) + KL(P‖Q) stacked, then the same for the reverse direction, in bits.

    The identity H(P, Q) = H(P) + KL(P‖Q) drawn as bars of equal height: the cross-entropy (the
    *total* average code length when P's events are coded with Q's code) next to its two parts,
    the entropy H(P) (the length P's own code needs) and KL(P‖Q) (the *extra* length). The right
    pair swaps the roles, H(Q, P) = H(Q) + KL(Q‖P), to show that neither measure is symmetric.
    Each bar and segment is labelled with its value.

    >>> fig = plot_cross_entropy_totals([0.1, 0.4, 0.5], [0.8, 0.15, 0.05])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].patches]
    [3.288, 1.361, 1.927, 2.906, 0.884, 2.022]
    >>> plt.close(fig)
    """
    from ..information import cross_entropy, entropy, kl_divergence

    p_arr, q_arr = check.distribution(p, "p"), check.distribution(q, "q")
    if p_arr.shape != q_arr.shape:
        raise ValueError(f"p has {p_arr.size} events but q has {q_arr.size}")
    a, b = check.label_pair(labels)
    check.axes(ax)
    directions = ((p_arr, q_arr, a, b, 0.0), (q_arr, p_arr, b, a, 2.4))
    values = []
    for first, second, name1, name2, _ in directions:
        total = cross_entropy(first, second)
        if not np.isfinite(total):
            raise ValueError(f"H({name1}, {name2}) is infinite: nothing finite to draw")
        values.append((total, entropy(first), kl_divergence(first, second)))
    fig, ax = figure_and_axes(ax, width=8, height=4.5)
    top = 0.0
    for (_, _, name1, name2, x), (total, h, kl) in zip(directions, values, strict=True):
        top = max(top, total)
        ax.bar(x, total, 0.8, color=Q_COLOUR, label="cross-entropy" if x == 0 else None)
        ax.bar(x + 1, h, 0.8, color=P_COLOUR, label="entropy" if x == 0 else None)
        ax.bar(
            x + 1, kl, 0.8, bottom=h, color=EXTRA_COLOUR, label="KL divergence" if x == 0 else None
        )
        ax.annotate(
            f"{total:.3f}", (x, total), xytext=(0, 3), textcoords="offset points", ha="center"
        )
        ax.annotate(
            f"{h + kl:.3f}", (x + 1, h + kl), xytext=(0, 3), textcoords="offset points", ha="center"
        )
        for bottom, height, text in ((0.0, h, f"H({name1})"), (h, kl, f"KL({name1}‖{name2})")):
            ax.text(
                x + 1,
                bottom + height / 2,
                f"{text}\n{height:.3f}",
                ha="center",
                va="center",
                color="white",
                fontsize=10,
                fontweight="bold",
            )
        ax.text(
            x,
            total / 2,
            f"H({name1}, {name2})",
            ha="center",
            va="center",
            color="white",
            fontsize=10,
            fontweight="bold",
        )
    ax.set_xticks(
        [0, 1, 2.4, 3.4],
        [f"H({a}, {b})", f"H({a}) + KL({a}‖{b})", f"H({b}, {a})", f"H({b}) + KL({b}‖{a})"],
    )
    ax.tick_params(axis="x", labelsize=10)
    ax.set_ylim(0, top * 1.22 or 1.0)  # all 0 when P = Q is certain
    ax.set_ylabel("average code length (bits)")
    ax.set_title("Cross-entropy = entropy + KL divergence, both ways")
    ax.legend(loc="upper center", ncol=3, fontsize=10)
    return fig
