"""The figures of the worked examples (notebooks 02, 04, 05, 08): two distributions side by side,
H(P, Q) = H(P) + KL(P‖Q) as bars, and each sample's binary cross-entropy.

The two figures the explorers of :mod:`helpers.widgets` redraw are built from ``draw_…``
functions that draw into a given axes and return the artists that move as a small dataclass
(:class:`DistributionArtists`, :class:`SampleLossArtists`); the ``plot_…`` functions wrap them.
"""

from __future__ import annotations

from collections.abc import Sequence
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
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, label_bars, styled


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
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8},
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
        label_bars(ax, bars)
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
