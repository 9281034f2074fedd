"""The figures of notebook 07 (reading cross-entropy values): the loss −ln p of one sample, what
frameworks clip near p = 0, and the no-skill log loss H(π) against the prevalence π.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from . import _checks as check
from ._style import EXTRA_COLOUR, LABEL_BOX, P_COLOUR, Q_COLOUR, figure_and_axes, styled


@styled
def plot_true_class_loss(
    marked: Sequence[float] = (0.9, 0.5, 0.1, 0.01), *, ax: Axes | None = None
) -> Figure:
    """The loss of one sample, −ln p in nats, against the probability p given to its true class.

    Computed with :func:`helpers.binary_cross_entropy` (label 1, predicted probability p). The
    curve rises without bound as p → 0: at p = 0 exactly the loss is infinite. The
    probabilities in ``marked`` are drawn as labelled points.

    >>> fig = plot_true_class_loss()
    >>> fig.axes[0].get_xlabel()
    'probability given to the true class p'
    >>> plt.close(fig)
    """
    from ..losses import binary_cross_entropy

    marked = check.marks(marked, "marked")
    check.axes(ax)
    p = np.linspace(0.001, 1.0, 1000)
    loss = binary_cross_entropy(np.ones_like(p), p, reduction="none")
    fig, ax = figure_and_axes(ax)
    ax.plot(p, loss, color=P_COLOUR, label="−ln p")
    marked_loss = np.atleast_1d(
        binary_cross_entropy(np.ones_like(marked), marked, reduction="none")
    )
    ax.plot(marked, marked_loss, "o", color=Q_COLOUR)
    for x, y in zip(marked, marked_loss, strict=True):
        ax.annotate(
            f"p = {x:g}: {y:.3f} nats",
            (x, y),
            xytext=(10, 4) if x < 0.7 else (-4, 10),
            textcoords="offset points",
            ha="left" if x < 0.7 else "right",
            fontsize=10,
            bbox=LABEL_BOX,
        )
    ax.annotate(
        "→ ∞ as p → 0",
        (0.001, float(loss[0])),
        xytext=(14, -4),
        textcoords="offset points",
        fontsize=10,
        va="top",
    )
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, float(loss[0]) * 1.05)
    ax.set_xlabel("probability given to the true class p")
    ax.set_ylabel("loss of the sample −ln p (nats)")
    ax.set_title("Confident and wrong costs the most")
    return fig


@styled
def plot_clipped_losses(
    p: ArrayLike,
    curves: dict[str, ArrayLike],
    *,
    title: str = "What frameworks do near p = 0",
    ax: Axes | None = None,
) -> Figure:
    """Several versions of a sample's loss (nats) against p, on a logarithmic p axis.

    ``curves`` maps a name (say "exact" or "Keras (clip at 1e-7)") to losses computed over the
    probabilities ``p`` given to the true class. On a log axis the exact −ln p is a straight
    line; clipping shows as the flat floor each framework puts under it.

    >>> import numpy as np
    >>> p = np.logspace(-10, 0, 11)
    >>> fig = plot_clipped_losses(p, {"exact": -np.log(p), "clipped": np.minimum(-np.log(p), 5)})
    >>> fig.axes[0].get_xscale(), len(fig.axes[0].lines)
    ('log', 2)
    >>> plt.close(fig)
    """
    p = check.marks(p, "p")
    if p.size < 2:
        raise ValueError(f"p must have at least 2 probabilities, got {p.size}")
    named = check.named_values(curves, "curves")
    checked = {}
    for name, values in named.items():
        values = check.numbers_1d(values, f"curves[{name!r}]", finite=False)
        if values.shape != p.shape:
            raise ValueError(f"curve {name!r} has shape {values.shape}, p has shape {p.shape}")
        checked[name] = values
    title = check.text(title, "title")
    check.axes(ax)
    fig, ax = figure_and_axes(ax, width=8, height=4.5)
    styles = ["-", "--", "-.", ":"]
    colours = ["#718096", Q_COLOUR, EXTRA_COLOUR, "#805ad5", P_COLOUR, "#c53030"]
    for i, (name, values) in enumerate(checked.items()):
        first = i == 0  # the reference curve: thick, grey, underneath the others
        ax.plot(
            p,
            values,
            styles[i % len(styles)],
            color=colours[i % len(colours)],
            linewidth=4 if first else 2,
            alpha=0.6 if first else 1.0,
            zorder=1 if first else 2,
            label=name,
        )
        if not first:
            ax.annotate(
                f"{values[0]:.2f}",
                (p[0], values[0]),
                xytext=(0, 4),
                textcoords="offset points",
                fontsize=10,
                color=colours[i % len(colours)],
            )
    ax.set_xscale("log")
    ax.set_xlabel("probability given to the true class p (log scale)")
    ax.set_ylabel("loss of the sample (nats)")
    ax.set_title(title)
    ax.legend(fontsize=10)
    return fig


@styled
def plot_baseline_log_loss(
    marked: Sequence[float] = (0.5, 0.01),
    thresholds: dict[str, float] | None = None,
    n: int = 999,
    *,
    ax: Axes | None = None,
) -> Figure:
    """The no-skill log loss H(π) in nats against the prevalence π of the positive class.

    Always predicting the base rate π scores H(π) = −π ln π − (1 − π) ln(1 − π)
    (:func:`helpers.likelihood.baseline_log_loss`). The prevalences in ``marked`` are labelled;
    ``thresholds`` (name → log loss) are drawn as horizontal lines, each with its own dash pattern
    and labelled above the curve's peak — e.g. the cut-offs of a fixed "good log loss" table,
    which ignore π.

    >>> fig = plot_baseline_log_loss()
    >>> line = fig.axes[0].lines[0]
    >>> round(float(line.get_ydata().max()), 4), float(line.get_xdata()[line.get_ydata().argmax()])
    (0.6931, 0.5)
    >>> plt.close(fig)
    """
    from ..likelihood import baseline_log_loss

    n = check.count(n, "n", 3)
    marked = check.marks(marked, "marked", open_low=False, what="prevalences")
    lines = {}
    if thresholds is not None:
        for name, value in check.named_values(thresholds, "thresholds").items():
            lines[name] = check.real(value, f"thresholds[{name!r}]")
    check.axes(ax)
    prevalence = np.linspace(0.0, 1.0, n)
    fig, ax = figure_and_axes(ax, width=8, height=4.5)
    ax.plot(
        prevalence, baseline_log_loss(prevalence), color=P_COLOUR, label="no-skill log loss H(π)"
    )
    dashes = (":", "--", "-.", (0, (6, 2, 1, 2, 1, 2)))  # told apart by more than the label
    for i, (name, value) in enumerate(lines.items()):
        ax.axhline(value, color=EXTRA_COLOUR, linestyle=dashes[i % len(dashes)], linewidth=1.5)
        # labelled at π = 0.5, where the curve is furthest from every line, so no label crosses it
        ax.annotate(
            name, (0.5, value), xytext=(0, 3), textcoords="offset points", ha="center", fontsize=9
        )
    if marked.size:
        marked_loss = np.atleast_1d(baseline_log_loss(marked))
        ax.plot(marked, marked_loss, "o", color=Q_COLOUR)
        for x, y in zip(marked, marked_loss, strict=True):
            ax.annotate(
                f"π = {x:g}: {y:.3f} nats",
                (x, y),
                xytext=(8, 8) if x < 0.5 else (0, 8),
                textcoords="offset points",
                ha="left" if x < 0.5 else "center",
                fontsize=10,
            )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 0.8)
    ax.set_xlabel("prevalence π (fraction of positive samples)")
    ax.set_ylabel("log loss of predicting π (nats)")
    ax.set_title("A model that knows nothing scores H(π)")
    ax.legend(loc="upper left", fontsize=10)
    return fig
