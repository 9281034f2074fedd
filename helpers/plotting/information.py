"""The figures of notebooks 01–03: surprise, binary entropy, code lengths, KL as the gap between
cross-entropy and entropy. Each returns the Figure, in the course style (:func:`styled`).
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
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, styled, subplots


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
                bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"},
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
    ax.plot(t, kl, color=EXTRA_COLOUR, label="KL(P‖Q)")
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
            bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"},
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
