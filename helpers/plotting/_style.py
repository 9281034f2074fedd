"""The course's figure style, applied explicitly by every figure function (never on import).

Every figure function is decorated with :func:`styled`, which draws it inside
``matplotlib.rc_context(STYLE)``: the learner's own matplotlib settings are left untouched, and
each figure looks the same whichever notebook draws it first.

Colours are from a palette that stays distinguishable under the common colour-vision
deficiencies (blue / orange / green differ in lightness as well as hue); never let colour be
the only carrier of meaning — pair it with a label, marker or hatch.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation

from .._validation import shown

#: Colour of the true distribution P and of the model Q in every figure.
P_COLOUR = "#2b6cb0"
Q_COLOUR = "#dd6b20"
#: A third colour for a third quantity (e.g. KL divergence, a second loss).
EXTRA_COLOUR = "#2f855a"
#: The box behind a value label: light, so a line passing behind it stays visible but does not
#: strike the text through.
LABEL_BOX = {"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}

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

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def course_style() -> Iterator[None]:
    """Draw in the course style inside a ``with`` block; settings are restored afterwards.

    >>> import matplotlib as mpl
    >>> with course_style():
    ...     mpl.rcParams["font.size"]
    12.0
    """
    # The first figure resolves the backend; in IPython that switches interactive mode on, which
    # rc_context would undo on leaving (and later figures would no longer be shown): keep it.
    with mpl.rc_context(STYLE):
        try:
            yield
        finally:
            interactive = mpl.is_interactive()
    mpl.interactive(interactive)


def styled(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator: run a figure function inside :func:`course_style`.

    Everything a figure's look depends on is fixed when its artists are created (fonts, colours,
    spines, grid, ticks, layout engine, dpi), so a figure drawn in the style keeps it when it is
    rendered later, outside the context (e.g. by JupyterLab after the cell).
    """

    @functools.wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with course_style():
            result = function(*args, **kwargs)
        if isinstance(result, Figure):
            _leave_drawing_to_the_inline_backend(result)
        return result

    return wrapper


#: The backend JupyterLab's notebooks use unless a learner picks another (``%matplotlib …``).
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def _leave_drawing_to_the_inline_backend(fig: Figure) -> None:
    """Skip a draw whose pixels nobody sees, under the inline backend only.

    After each cell, IPython's post-execute hook redraws every *stale* pyplot figure, and Agg's
    ``draw_idle`` draws at once (matplotlib issues #4780 and #5800); then the inline backend
    draws the figure again, twice, for the PNG it shows — which is all a learner sees. The first
    of the three draws is thrown away (counted with a hook on ``Figure.draw``). A finished figure
    is marked up to date so that hook skips it; the PNG is drawn from the figure as it is, so
    nothing shown changes, and any later change marks it stale again. Interactive backends
    (``%matplotlib widget``, Qt) repaint from the stale flag, so there it is left alone.

    >>> fig = plt.figure(); fig.stale
    True
    >>> _leave_drawing_to_the_inline_backend(fig); fig.stale   # not the inline backend here
    True
    >>> plt.close(fig)
    """
    if plt.get_backend() == INLINE_BACKEND:
        fig.stale = False


def apply_style() -> None:
    """Apply :data:`STYLE` to matplotlib's global settings (for a learner's own figures)."""
    mpl.rcParams.update(STYLE)


@styled
def subplots(ncols: int = 1, *, width: float | None = None, height: float | None = None):
    """A new figure with ``ncols`` axes side by side, in the course style: ``(fig, axes)``.

    ``width`` and ``height`` are in inches (default: 7 × 4 for one axes, wider for more).
    """
    from . import _checks as check

    ncols = check.count(ncols, "ncols", 1, 12)
    width = None if width is None else check.real(width, "width", low=0.0, open_low=True)
    height = None if height is None else check.real(height, "height", low=0.0, open_low=True)
    w, h = STYLE["figure.figsize"]
    fig, axes = plt.subplots(
        1, ncols, figsize=(width or w * (1 if ncols == 1 else 0.75 * ncols), height or h)
    )
    return fig, axes


def figure_and_axes(ax: Axes | None, **subplots_kwargs):
    """``(fig, ax)``: the figure of a given ``ax``, or a new one-axes figure in the course style."""
    if ax is not None and not isinstance(ax, Axes):
        raise ValueError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
    if ax is None:
        return subplots(**subplots_kwargs)
    return ax.figure, ax


def label_bars(ax: Axes, bars, fmt: str = "{:.2f}") -> list[Annotation]:
    """Write each bar's height just above it; return the labels, one per bar.

    ``bars`` is what ``ax.bar`` returns (or a list of its rectangles) and ``fmt`` a format for
    one number, e.g. ``"{:.3f}"``; anything else is a ValueError.
    """
    if not isinstance(ax, Axes):
        raise ValueError(f"ax must be a matplotlib Axes, got {type(ax).__name__}")
    if isinstance(bars, np.ndarray):
        bars = list(bars.reshape(-1))  # a 0-d array cannot be iterated
    elif isinstance(bars, Iterable) and not isinstance(bars, str | bytes):
        bars = list(bars)
    else:
        bars = [bars]
    if not all(isinstance(bar, Rectangle) for bar in bars):
        raise ValueError("bars must be the bars ax.bar returns (matplotlib Rectangles)")
    problem = ValueError(f"fmt must be a format for one number, e.g. '{{:.2f}}', got {shown(fmt)}")
    if not isinstance(fmt, str):
        raise problem
    try:
        fmt.format(1.0)
    except Exception:  # a format that does not take one number: "{:d}", "{}{}", "{x}" ...
        raise problem from None
    return [
        ax.annotate(
            fmt.format(bar.get_height()),
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
        )
        for bar in bars
    ]
