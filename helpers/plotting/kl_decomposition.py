"""The figures of notebook 03: KL(P‖Q) as the gap between cross-entropy and entropy, event by
event and over a family of models Q. Each returns the Figure, in the course style (:func:`styled`).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._validation import as_distribution
from . import _checks as check
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, styled
from .code_lengths import _pair

__all__ = ["plot_cross_entropy_vs_kl", "plot_kl_decomposition"]


@styled
def plot_kl_decomposition(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    ax: Axes | None = None,
) -> Figure:
    """Each event's share of H(P, Q) beside its share of H(P) and of KL(P‖Q), in bits.

    Per event x: −P(x) log2 Q(x) = −P(x) log2 P(x) + P(x) log2(P(x)/Q(x)). Each event gets three
    bars, all drawn from 0: its cross-entropy term, its entropy term and its KL term. A negative
    KL term (Q gives x more probability than P does) reaches *below* the zero line, solid and
    hatched, as plainly as a positive one reaches above it; every bar is labelled with its value.
    One event's KL term can be negative, but the terms' sum, KL(P‖Q), cannot.

    >>> fig = plot_kl_decomposition([0.5, 0.5], [0.25, 0.75], ["a", "b"])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].containers[0]]
    [1.0, 0.208]
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].containers[2]]
    [0.5, -0.292]
    >>> plt.close(fig)
    """
    from matplotlib.patches import Patch

    p_arr, q_arr = _pair(p, q)
    events = check.event_names(events, p_arr.size)
    check.axes(ax)
    if not np.all(q_arr[p_arr > 0] > 0):
        raise ValueError("Q gives probability 0 to an event P can produce: infinite terms")
    with np.errstate(divide="ignore", invalid="ignore"):
        shown = p_arr > 0
        cross = np.where(shown, -p_arr * np.log2(np.where(shown, q_arr, 1.0)), 0.0) + 0.0
        ent = np.where(shown, -p_arr * np.log2(np.where(shown, p_arr, 1.0)), 0.0) + 0.0
    kl = cross - ent
    x = np.arange(p_arr.size)
    width = 0.26
    fig, ax = figure_and_axes(ax, width=8, height=4.8)
    bars_cross = ax.bar(
        x - width, cross, width, color=Q_COLOUR, label="−P log₂ Q  (cross-entropy term)"
    )
    bars_ent = ax.bar(x, ent, width, color=P_COLOUR, hatch="..", label="−P log₂ P  (entropy term)")
    bars_kl = ax.bar(
        x + width,
        kl,
        width,
        color=EXTRA_COLOUR,
        edgecolor="black",
        linewidth=0.8,
        label="P log₂(P/Q)  (KL term)",
    )
    negative = kl < 0
    for bar, value in zip(bars_kl, kl, strict=True):
        if value < 0:
            bar.set_hatch("//")
    for bars in (bars_cross, bars_ent, bars_kl):
        for bar in bars:
            height = float(bar.get_height())
            ax.annotate(
                f"{height:+.2f}" if bars is bars_kl else f"{height:.2f}",
                (bar.get_x() + bar.get_width() / 2, height),
                xytext=(0, 3 if height >= 0 else -3),
                textcoords="offset points",
                ha="center",
                va="bottom" if height >= 0 else "top",
                fontsize=9,
            )
    ax.axhline(0, color="black", linewidth=1.0)
    ax.set_xticks(x, list(events))
    top = float(max(cross.max(), ent.max(), kl.max(), 0.0))
    bottom = float(min(kl.min(), 0.0))
    span = (top - bottom) or 1.0  # all 0 when P is certain and Q = P
    ax.set_ylim(bottom - 0.25 * span * (bottom < 0), top + 0.3 * span)
    ax.set_xlabel("event")
    ax.set_ylabel("contribution (bits)")
    ax.set_title("Each event: cross-entropy term = entropy term + KL term")
    handles, _ = ax.get_legend_handles_labels()
    handles = [
        *handles[:2],
        Patch(facecolor=EXTRA_COLOUR, edgecolor="black", label="P log₂(P/Q)  (KL term)"),
    ]
    if negative.any():
        handles.append(
            Patch(
                facecolor=EXTRA_COLOUR,
                edgecolor="black",
                hatch="//",
                label="a negative KL term (below 0: takes bits off)",
            )
        )
    ax.legend(handles=handles, loc="upper left", fontsize=9)
    return fig


@styled
def plot_cross_entropy_vs_kl(
    p: ArrayLike,
    qs: ArrayLike,
    parameter: ArrayLike,
    *,
    xlabel: str = "model parameter",
    ax: Axes | None = None,
) -> Figure:
    """H(P, Q) and KL(P‖Q), in bits, over a family of models Q, with H(P) as a dashed line.

    The two curves differ by the constant H(P) at every Q, so they have the same minimiser: the
    best Q in the family for one is the best for the other (both marked).

    Args:
        p: the true distribution.
        qs: a batch of model distributions, one row per member of the family.
        parameter: the family's parameter, one value per row of ``qs`` (the x axis).
        xlabel: the x axis's label.
        ax: the axes to draw into (default: a new figure).

    >>> q = np.linspace(0.05, 0.95, 19)
    >>> fig = plot_cross_entropy_vs_kl([0.3, 0.7], np.column_stack([q, 1 - q]), q)
    >>> [line.get_label() for line in fig.axes[0].lines[:3]]
    ['cross-entropy H(P, Q)', 'KL(P‖Q)', 'H(P)']
    >>> plt.close(fig)
    """
    from ..information import cross_entropy, entropy, kl_divergence

    p_arr = check.distribution(p, "p")
    qs_arr = as_distribution(qs, "qs")
    if qs_arr.ndim != 2 or qs_arr.shape[1] != p_arr.size:
        raise ValueError(
            f"qs must be a batch of distributions over p's {p_arr.size} events (2-D), "
            f"got shape {qs_arr.shape}"
        )
    t = check.numbers_1d(parameter, "parameter")
    if t.size != qs_arr.shape[0]:
        raise ValueError(f"parameter has {t.size} values for {qs_arr.shape[0]} rows of qs")
    xlabel = check.text(xlabel, "xlabel")
    check.axes(ax)
    ce = cross_entropy(p_arr, qs_arr)
    kl = kl_divergence(p_arr, qs_arr)
    h = entropy(p_arr)
    if not np.isfinite(ce).any():
        raise ValueError("every Q in qs gives probability 0 to an event of p: nothing to draw")
    fig, ax = figure_and_axes(ax)
    ax.plot(t, ce, color=Q_COLOUR, label="cross-entropy H(P, Q)")
    ax.plot(t, kl, color=EXTRA_COLOUR, linestyle="-.", label="KL(P‖Q)")
    ax.axhline(h, color=P_COLOUR, linestyle="--", label="H(P)")
    best = int(np.argmin(ce))
    ax.plot([t[best], t[best]], [kl[best], ce[best]], "o:", color="black", label="both minima")
    ax.annotate(
        f"gap = H(P) = {h:.3f} bits",
        (t[best], (kl[best] + ce[best]) / 2),
        xytext=(8, 0),
        textcoords="offset points",
        va="center",
        fontsize=10,
    )
    finite = np.isfinite(ce)
    ax.set_ylim(0, float(min(ce[finite].max(), 3 * h + 1)) or 1.0)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("bits")
    ax.set_title("Minimising H(P, Q) over Q minimises KL(P‖Q)")
    ax.legend(loc="upper center")
    return fig
