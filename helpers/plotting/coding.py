"""Figures of 12_cross_entropy_is_compression: cross-entropy against model order, and file sizes.

>>> import matplotlib.pyplot as plt
>>> fig = plot_cross_entropy_by_order([0, 1, 2], [4.0, 3.0, 2.0], [4.1, 3.5, 3.8])
>>> fig.axes[0].get_ylabel()
'cross-entropy (bits per character)'
>>> plt.close(fig)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._validation import as_float_array, real_number, shown
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, styled

__all__ = ["plot_compressed_sizes", "plot_cross_entropy_by_order"]


def _finite_positive(values: ArrayLike, name: str, size: int | None = None) -> np.ndarray:
    """``values`` as a 1-D float array of finite numbers ≥ 0 (of length ``size``), or ValueError."""
    array = as_float_array(values, name)  # no masks, bools, strings, objects, empties
    if array.ndim != 1 or (size is not None and array.size != size):
        expected = f" of length {size}" if size is not None else ""
        raise ValueError(f"{name} must be a 1-D sequence{expected}, got shape {array.shape}")
    if not np.isfinite(array).all() or (array < 0).any():
        raise ValueError(f"{name} must be finite numbers ≥ 0")
    return array


def _labelled(values: object, name: str) -> dict[str, object]:
    """A mapping with string labels as keys, or ValueError."""
    if not isinstance(values, Mapping) or not all(isinstance(k, str) for k in values):
        raise ValueError(
            f"{name} must be a dict from labels (strings) to values, got {shown(values)}"
        )
    return dict(values)


def _check_ax(ax: object) -> None:
    if ax is not None and not isinstance(ax, Axes):
        raise ValueError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")


@styled
def plot_cross_entropy_by_order(
    orders: Sequence[int],
    training: ArrayLike,
    held_out: ArrayLike,
    *,
    extra: Mapping[str, ArrayLike] | None = None,
    ax: Axes | None = None,
) -> Figure:
    """Cross-entropy (bits per character) on the training and the held-out text against the
    model's order, the lowest held-out value marked; ``extra`` adds labelled curves (e.g. another
    smoothing's held-out values), dotted.

    Raises:
        ValueError: orders and values of different lengths, or values that are not finite ≥ 0.
    """
    x = _finite_positive(orders, "orders")
    train = _finite_positive(training, "training", x.size)
    held = _finite_positive(held_out, "held_out", x.size)
    extra = _labelled({} if extra is None else extra, "extra")
    curves = {k: _finite_positive(v, f"extra[{k!r}]", x.size) for k, v in extra.items()}
    _check_ax(ax)
    fig, ax = figure_and_axes(ax, width=8.0, height=4.5)
    ax.plot(x, train, "-o", color=P_COLOUR, label="training text (seen)")
    ax.plot(x, held, "--s", color=Q_COLOUR, label="held-out text (unseen)")
    for label, values in curves.items():
        ax.plot(x, values, ":^", color=EXTRA_COLOUR, label=label)
    best = int(np.argmin(held))
    ax.annotate(
        f"lowest held-out: order {x[best]:g}, {held[best]:.2f} bits/char",
        (x[best], held[best]),
        xytext=(0.97, 0.3),  # below the held-out curve, above the training curve
        textcoords="axes fraction",
        ha="right",
        arrowprops={"arrowstyle": "->"},
    )
    ax.set_xticks(x)
    ax.set_xlabel("model order k (characters of context)")
    ax.set_ylabel("cross-entropy (bits per character)")
    ax.set_ylim(0, max(train.max(), held.max(), *(v.max() for v in curves.values())) * 1.1)
    ax.set_title("More context: better on the training text, not on new text")
    ax.legend()
    return fig


@styled
def plot_compressed_sizes(
    models: Mapping[str, float],
    compressors: Mapping[str, float],
    n_chars: int,
    *,
    ax: Axes | None = None,
) -> Figure:
    """Horizontal bars: the bytes each model's arithmetic coder and each standard compressor
    needs for the same ``n_chars`` characters, each bar labelled with bytes and bits/char.
    Models are plain bars, compressors hatched.

    >>> import matplotlib.pyplot as plt
    >>> fig = plot_compressed_sizes({"order 1": 500}, {"gzip": 600}, 1000)
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['500 B = 4.00 bits/char', '600 B = 4.80 bits/char']
    >>> plt.close(fig)
    """
    n_chars = real_number(n_chars, "n_chars", low=1, high=10**12, integer=True)
    models = _labelled(models, "models")
    compressors = _labelled(compressors, "compressors")
    labels = [*models, *compressors]
    if not labels:
        raise ValueError("nothing to draw: give at least one model or compressor size")
    sizes = _finite_positive([*models.values(), *compressors.values()], "sizes")
    _check_ax(ax)
    fig, ax = figure_and_axes(ax, width=8.5, height=0.45 * len(labels) + 1.5)
    y = np.arange(len(labels))[::-1]
    for i, size in enumerate(sizes):
        is_model = i < len(models)
        ax.barh(
            y[i],
            size,
            color=P_COLOUR if is_model else Q_COLOUR,
            hatch=None if is_model else "//",
            edgecolor="white",
            label=("arithmetic coder + model" if is_model else "standard compressor")
            if i in (0, len(models))
            else None,
        )
        ax.annotate(
            f"{size:.0f} B = {size * 8 / n_chars:.2f} bits/char",
            (size, y[i]),
            xytext=(4, 0),
            textcoords="offset points",
            va="center",
            fontsize=10,
        )
    ax.set_yticks(y, labels)
    ax.set_xlim(0, sizes.max() * 1.4)
    ax.set_xlabel(f"compressed size of the {n_chars} characters (bytes)")
    ax.set_title("A better model is a smaller file")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2)
    return fig
