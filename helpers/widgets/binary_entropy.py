"""The binary-entropy explorer (notebook 01): move p along the curve H(p), in bits."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from ..information import entropy
from ._common import (
    Explorer,
    Renderer,
    assemble,
    new_figure,
    number,
    probability,
    slider,
    state_field,
)

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = [
    "binary_entropy_explorer",
    "binary_entropy_readout",
    "binary_entropy_state",
    "build_binary_entropy_explorer",
    "draw_binary_entropy",
    "update_binary_entropy",
]


def binary_entropy_state(p: float) -> dict[str, float]:
    r"""The entropy in bits of a coin that lands heads with probability p.

    .. math:: H(p) = -p \log_2 p - (1 - p) \log_2 (1 - p)

    >>> binary_entropy_state(0.5)
    {'p': 0.5, 'entropy': 1.0}
    >>> round(binary_entropy_state(0.1)["entropy"], 3)
    0.469
    """
    prob = probability(p, "p")
    return {"p": prob, "entropy": float(entropy([prob, 1.0 - prob]))}


def binary_entropy_readout(state: dict[str, float]) -> str:
    """The binary-entropy explorer's readout as HTML.

    >>> binary_entropy_readout(binary_entropy_state(0.5))
    '<div>p = 0.50: <b>H(p) = 1.000 bits</b></div>'
    """
    p = state_field(state, "p", "binary_entropy_readout")
    return f"<div>p = {p:.2f}: <b>H(p) = {number(state['entropy'])} bits</b></div>"


_CURVE_P = np.linspace(0.0, 1.0, 201)


def draw_binary_entropy(ax: Axes, state: dict[str, float]) -> dict[str, Any]:
    """Draw the binary-entropy curve into ``ax`` (cleared first) with a marker at the state's p.

    Returns the artists that move with p — ``"marker"``, ``"guide"`` (a dotted line down to the
    axis) and ``"label"`` — for :func:`update_binary_entropy`.
    """
    from ..plotting import P_COLOUR, Q_COLOUR, course_style

    state_field(state, "p", "draw_binary_entropy")
    with course_style():
        ax.clear()
        curve = entropy(np.column_stack([_CURVE_P, 1 - _CURVE_P]))
        ax.plot(_CURVE_P, curve, color=P_COLOUR, label="H(p)")
        (guide,) = ax.plot([0, 0], [0, 0], ":", color=Q_COLOUR)
        (marker,) = ax.plot([0], [0], "o", color=Q_COLOUR, markersize=10, label="your p")
        label = ax.annotate(
            "", (0, 0), xytext=(0, 10), textcoords="offset points", ha="center", fontsize=11
        )
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.2)
        ax.set_xlabel("probability of heads p")
        ax.set_ylabel("entropy H(p) (bits)")
        ax.set_title("Binary entropy of a coin with P(heads) = p")
    artists = {"marker": marker, "guide": guide, "label": label}
    update_binary_entropy(artists, state)
    return artists


def update_binary_entropy(artists: dict[str, Any], state: dict[str, float]) -> None:
    """Move the marker, guide and label (drawn by :func:`draw_binary_entropy`) to the state's p."""
    p = state_field(state, "p", "update_binary_entropy")
    h = state["entropy"]
    artists["marker"].set_data([p], [h])
    artists["guide"].set_data([p, p], [0, h])
    artists["label"].xy = (p, h)
    artists["label"].set_text(f"H({p:.2f}) = {h:.3f} bits")
    artists["label"].set_horizontalalignment(
        "left" if p < 0.15 else "right" if p > 0.85 else "center"
    )


def build_binary_entropy_explorer(p: float = 0.3) -> Explorer:
    """The binary-entropy explorer and its parts; see :func:`binary_entropy_explorer`."""
    first = binary_entropy_state(p)
    control = slider("p", first["p"])
    controls = {"p": control}
    fig, ax = new_figure(7.0, 4.0)
    box, readout, image = assemble(fig, controls, [control])
    explorer = Explorer(box, fig, image, readout, controls, first)
    renderer = Renderer(fig)

    def moved(change: dict[str, Any]) -> None:
        state = binary_entropy_state(change["new"])
        explorer.state = state
        readout.value = binary_entropy_readout(state)
        update_binary_entropy(explorer.artists, state)
        image.value = renderer.quick()

    explorer.artists = draw_binary_entropy(ax, first)
    readout.value = binary_entropy_readout(first)
    image.value = renderer.full(list(explorer.artists.values()))
    control.observe(moved, names="value")
    return explorer


def binary_entropy_explorer(p: float = 0.3) -> Any:
    """A slider for p moving a marker along the binary-entropy curve, showing H(p) in bits.
    Returns the widget (an ``ipywidgets.VBox``)."""
    return build_binary_entropy_explorer(p).widget
