"""The figures of notebook 02: ideal code lengths −log2 P(x) as areas, P's own code against Q's,
so that H(P), H(P, Q) and the extra KL(P‖Q) are areas. Each returns the Figure, in the course
style (:func:`styled`).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from . import _checks as check
from ._style import (
    EXTRA_COLOUR,
    LABEL_BOX,
    P_COLOUR,
    Q_COLOUR,
    figure_and_axes,
    styled,
    subplots,
)

__all__ = ["plot_code_length_overlay", "plot_code_lengths"]


@styled
def plot_code_lengths(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    labels: tuple[str, str] = ("P", "Q"),
) -> Figure:
    """Code lengths as areas: P's events coded with P's own code (left) and with Q's code (right).

    Each event is a bar whose **width** is P(x), how often it occurs, and whose **height** is its
    ideal code length in bits: −log2 P(x) with P's code, −log2 Q(x) with Q's. A bar's area is then
    P(x) · length, and the total area is the average message length: H(P) on the left, the
    cross-entropy H(P, Q) = −Σ P(x) log2 Q(x) on the right (drawn as a dashed line: the height of
    a rectangle of width 1 with the same area). Events with Q(x) = 0 would need infinitely long
    codes and are refused.

    >>> fig = plot_code_lengths([0.5, 0.5], [0.25, 0.75], ["a", "b"])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[1].patches]
    [2.0, 0.415]
    >>> plt.close(fig)
    """
    from ..information import cross_entropy, entropy

    p_arr, q_arr = _pair(p, q)
    events = check.event_names(events, p_arr.size)
    labels = check.label_pair(labels)
    average_p, average_q = entropy(p_arr), cross_entropy(p_arr, q_arr)
    if not np.all(q_arr[p_arr > 0] > 0):
        raise ValueError("Q gives probability 0 to an event P can produce: infinite code length")
    lefts = np.concatenate([[0.0], np.cumsum(p_arr)[:-1]])
    fig, axes = subplots(2, width=11, height=4.5)
    panels = (
        (axes[0], p_arr, average_p, P_COLOUR, f"{labels[0]}'s own code", "H"),
        (axes[1], q_arr, average_q, Q_COLOUR, f"{labels[1]}'s code", "cross-entropy H"),
    )
    shown = p_arr > 0
    top = float(np.max(-np.log2(np.concatenate([p_arr[shown], q_arr[shown]]))))
    for ax, code, average, colour, title, name in panels:
        lengths = -np.log2(code[shown]) + 0.0
        bars = ax.bar(
            lefts[shown],
            lengths,
            width=p_arr[shown],
            align="edge",
            color=colour,
            alpha=0.75,
            edgecolor="white",
            linewidth=2,
        )
        for bar, event in zip(bars, np.asarray(events)[shown], strict=True):
            ax.annotate(
                f"{event}\n{bar.get_height():.2f} bits",
                (max(bar.get_x() + bar.get_width() / 2, 0.065), bar.get_height()),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=10,
                bbox=LABEL_BOX,
            )
        symbol = f"{name}({labels[0]})" if name == "H" else f"{name}({labels[0]}, {labels[1]})"
        ax.axhline(
            average,
            color="black",
            linestyle="--",
            linewidth=1.2,
            zorder=1.5,
            label=f"average = {symbol} = {average:.3f} bits",
        )
        ax.legend(loc="upper left", fontsize=10)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, top * 1.3 or 1.0)  # all lengths 0 (P certain): show 1 bit
        ax.set_xlabel(f"share of {labels[0]}'s events (bar width = {labels[0]}(x))")
        ax.set_ylabel("code length (bits)")
        ax.set_title(f"{labels[0]}'s events, {title}")
    return fig


def _pair(p: ArrayLike, q: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Two distributions over the same events (1-D, same length), or ValueError."""
    p_arr, q_arr = check.distribution(p, "p"), check.distribution(q, "q")
    if p_arr.shape != q_arr.shape:
        raise ValueError(f"p has {p_arr.size} events but q has {q_arr.size}")
    return p_arr, q_arr


@styled
def plot_code_length_overlay(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    ax: Axes | None = None,
) -> Figure:
    """KL(P‖Q) as the extra area: P's own code lengths drawn over Q's code, in one axes.

    Each event is a column whose **width** is P(x). The filled bar is the length of Q's codeword,
    −log2 Q(x); the dashed outline is the length of P's own codeword, −log2 P(x). The area of the
    filled bars is H(P, Q), the area inside the outlines H(P), so the area between them is
    KL(P‖Q) = Σ P(x) (log2 Q(x)⁻¹ − log2 P(x)⁻¹): hatched ``//`` where Q's codeword is longer
    (extra bits), hatched ``\\\\`` where it is shorter (bits saved, a negative KL term). The
    saved area is always smaller than the extra one (Gibbs' inequality).

    >>> fig = plot_code_length_overlay([0.5, 0.5], [0.25, 0.75], ["a", "b"])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].containers[0]]
    [2.0, 0.415]
    >>> plt.close(fig)
    """
    from ..information import cross_entropy, entropy, kl_divergence

    p_arr, q_arr = _pair(p, q)
    events = check.event_names(events, p_arr.size)
    check.axes(ax)
    if not np.all(q_arr[p_arr > 0] > 0):
        raise ValueError("Q gives probability 0 to an event P can produce: infinite code length")
    shown = p_arr > 0
    lefts = np.concatenate([[0.0], np.cumsum(p_arr)[:-1]])[shown]
    widths = p_arr[shown]
    own = -np.log2(p_arr[shown]) + 0.0
    theirs = -np.log2(q_arr[shown]) + 0.0
    names = np.asarray(events)[shown]
    fig, ax = figure_and_axes(ax, width=9, height=4.8)
    ax.bar(
        lefts,
        theirs,
        width=widths,
        align="edge",
        color=Q_COLOUR,
        alpha=0.45,
        edgecolor="white",
        linewidth=2,
        label="Q's codeword length −log₂ Q(x)",
    )
    ax.bar(
        lefts,
        own,
        width=widths,
        align="edge",
        facecolor="none",
        edgecolor="black",
        linestyle="--",
        linewidth=2,
        label="P's own codeword length −log₂ P(x)",
    )
    longer = theirs >= own
    gap = ax.bar(
        lefts,
        np.abs(theirs - own),
        width=widths,
        bottom=np.minimum(own, theirs),
        align="edge",
        facecolor="none",
        edgecolor=EXTRA_COLOUR,
        linewidth=0,
    )
    for bar, is_longer in zip(gap, longer, strict=True):
        bar.set_hatch("//" if is_longer else "\\\\")
    for left, width, name, a, b in zip(lefts, widths, names, own, theirs, strict=True):
        ax.annotate(
            f"{name}\nQ: {b:.2f}  P: {a:.2f} bits",
            (max(left + width / 2, 0.07), max(a, b)),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
            bbox=LABEL_BOX,
        )
    from matplotlib.patches import Patch

    kl = kl_divergence(p_arr, q_arr)
    handles, _ = ax.get_legend_handles_labels()
    handles += [
        Patch(facecolor="none", edgecolor=EXTRA_COLOUR, hatch="//", label="extra bits (Q longer)"),
        Patch(
            facecolor="none", edgecolor=EXTRA_COLOUR, hatch="\\\\", label="bits saved (Q shorter)"
        ),
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=9)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, float(max(theirs.max(), own.max())) * 1.45 or 1.0)
    ax.set_xlabel("share of P's events (column width = P(x))")
    ax.set_ylabel("codeword length (bits)")
    ax.set_title(
        f"Area: H(P, Q) = {cross_entropy(p_arr, q_arr):.3f}, H(P) = {entropy(p_arr):.3f}, "
        f"extra = KL(P‖Q) = {kl:.3f} bits"
    )
    return fig
