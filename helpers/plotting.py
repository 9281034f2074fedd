"""The course's figures, drawn in one consistent style.

Importing this module imports matplotlib (``helpers`` itself does not): reach it as
``helpers.plotting`` and it loads on first use. Importing it applies the course style once
(:data:`STYLE`), so every notebook's figures share fonts, sizes and colours.

Every function draws a new figure and returns the matplotlib ``Figure`` (in a notebook, assign
it — ``fig = helpers.plotting.…`` — and JupyterLab shows it once, below the cell). Pass ``ax=``
where offered to draw into an existing axes instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

#: Colour of the true distribution P and of the model Q in every figure.
P_COLOUR = "#2b6cb0"
Q_COLOUR = "#dd6b20"
#: A third colour for a third quantity (e.g. KL divergence, a second loss).
EXTRA_COLOUR = "#2f855a"

#: The course style: readable fonts, light grid, no top/right spines, fixed output size.
STYLE: dict[str, object] = {
    "figure.figsize": (7.0, 4.0),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.constrained_layout.use": True,
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.labelsize": 12,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.axisbelow": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "axes.prop_cycle": mpl.cycler(color=[P_COLOUR, Q_COLOUR, EXTRA_COLOUR, "#805ad5", "#c53030"]),
}


def apply_style() -> None:
    """Apply :data:`STYLE` to matplotlib's global settings (done once on import)."""
    mpl.rcParams.update(STYLE)


apply_style()


def subplots(ncols: int = 1, *, width: float | None = None, height: float | None = None):
    """A new figure with ``ncols`` axes side by side, in the course style: ``(fig, axes)``."""
    w, h = STYLE["figure.figsize"]
    fig, axes = plt.subplots(
        1, ncols, figsize=(width or w * (1 if ncols == 1 else 0.75 * ncols), height or h)
    )
    return fig, axes


def _label_bars(ax: Axes, bars, fmt: str = "{:.2f}") -> None:
    for bar in bars:
        height = bar.get_height()
        ax.annotate(
            fmt.format(height),
            (bar.get_x() + bar.get_width() / 2, height),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
        )


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
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    if ax is None:
        fig, ax = subplots()
    else:
        fig = ax.figure
    x = np.arange(len(events))
    width = 0.38
    for offset, values, label, colour in (
        (-width / 2, p, labels[0], P_COLOUR),
        (width / 2, q, labels[1], Q_COLOUR),
    ):
        bars = ax.bar(x + offset, values, width, label=label, color=colour)
        _label_bars(ax, bars)
    ax.set_xticks(x, list(events))
    ax.set_ylim(0, max(1.0, float(np.max([p, q]))) * 1.12)
    ax.set_ylabel("probability")
    ax.set_xlabel("event")
    ax.set_title(title)
    ax.legend()
    return fig
