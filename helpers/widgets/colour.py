"""The colour explorer (notebook 04): set the model Q over red, green and blue; watch the P-vs-Q
bars and H(P, Q) = H(P) + KL(P‖Q) follow."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from .._validation import as_distribution
from ..examples import COLOURS, P, Q
from ..information import cross_entropy, entropy, kl_divergence
from ._common import (
    SUM_SLACK,
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
    "build_colour_explorer",
    "colour_explorer",
    "colour_readout",
    "colour_state",
    "draw_colour",
    "update_colour",
]


def colour_state(q_red: float, q_green: float, p: ArrayLike = P) -> dict[str, Any]:
    r"""The numbers the colour explorer shows for a model Q = (Q(red), Q(green), 1 − both).

    .. math:: H(P, Q) = H(P) + \mathrm{KL}(P \| Q) \quad \text{(bits)}

    Q(blue) is whatever probability is left, so Q is always a distribution; Q(red) + Q(green)
    above 1 would make Q(blue) negative and raises ValueError. A Q that gives 0 to an event P can
    produce makes H(P, Q) and KL(P‖Q) infinite (``inf``) and sets ``"note"`` to say why.

    Returns:
        ``{"p", "q"}`` (arrays over red, green, blue), ``"cross_entropy"``, ``"entropy"``,
        ``"kl"`` (floats, bits) and ``"note"`` (a string, empty unless something needs saying).

    >>> state = colour_state(0.80, 0.15)
    >>> state["q"].round(2), round(state["cross_entropy"], 3), round(state["kl"], 3)
    (array([0.8 , 0.15, 0.05]), 3.288, 1.927)
    >>> colour_state(0.5, 0.5)["note"]
    'Q(blue) = 0 but blue happens (P(blue) = 0.50): coding it with Q costs infinitely many bits.'
    """
    red = probability(q_red, "Q(red)")
    green = probability(q_green, "Q(green)")
    if red + green > 1 + SUM_SLACK:
        raise ValueError(
            f"Q(red) + Q(green) = {red + green:g} exceeds 1, so Q(blue) would be negative"
        )
    p_arr = as_distribution(p, "p")
    if p_arr.shape != (len(COLOURS),):
        raise ValueError(
            f"p must be one distribution over {len(COLOURS)} colours, got {p_arr.shape}"
        )
    q = np.array([red, green, max(0.0, round(1.0 - red - green, 12))])
    h_pq = cross_entropy(p_arr, q)
    note = ""
    impossible = (q == 0) & (p_arr > 0)
    if impossible.any():
        i = int(np.argmax(impossible))
        note = (
            f"Q({COLOURS[i]}) = 0 but {COLOURS[i]} happens (P({COLOURS[i]}) = {p_arr[i]:.2f}): "
            "coding it with Q costs infinitely many bits."
        )
    return {
        "p": p_arr,
        "q": q,
        "cross_entropy": h_pq,
        "entropy": entropy(p_arr),
        "kl": kl_divergence(p_arr, q),
        "note": note,
    }


def colour_readout(state: dict[str, Any]) -> str:
    """The colour explorer's readout as HTML: Q, then H(P, Q) = H(P) + KL(P‖Q) in bits.

    >>> print(colour_readout(colour_state(0.80, 0.15)))  # doctest: +ELLIPSIS
    <div>Q = (red 0.80, green 0.15, blue 0.05)</div><div><b>H(P, Q) = 3.288 bits</b> = ...
    """
    q = state_field(state, "q", "colour_readout")
    lines = [
        "Q = (" + ", ".join(f"{c} {v:.2f}" for c, v in zip(COLOURS, q, strict=True)) + ")",
        f"<b>H(P, Q) = {number(state['cross_entropy'])} bits</b> = "
        f"H(P) {number(state['entropy'])} bits + KL(P‖Q) {number(state['kl'])} bits",
    ]
    if state["note"]:
        lines.append(f"<i>{state['note']}</i>")
    return "".join(f"<div>{line}</div>" for line in lines)


def draw_colour(ax: Axes, state: dict[str, Any]) -> dict[str, list]:
    """Draw P and the state's Q side by side into ``ax`` (cleared first), values on the bars.

    Returns the artists that change with Q — ``{"bars": [...], "labels": [...]}``, Q's bars and
    their value labels, as :func:`helpers.plotting.draw_distributions` returns them — for
    :func:`update_colour`.
    """
    from ..plotting import course_style, draw_distributions

    p = as_distribution(state_field(state, "p", "draw_colour"), "state['p']")
    q = as_distribution(state_field(state, "q", "draw_colour"), "state['q']")  # before clearing
    with course_style():
        ax.clear()
        drawn = draw_distributions(ax, p, q, COLOURS, title="The true P against your model Q")
    return {"bars": list(drawn.q_bars), "labels": list(drawn.q_labels)}


def update_colour(artists: dict[str, list], state: dict[str, Any]) -> None:
    """Move Q's bars and value labels (drawn by :func:`draw_colour`) to the state's Q."""
    q = state_field(state, "q", "update_colour")
    for bar, label, value in zip(artists["bars"], artists["labels"], q, strict=True):
        bar.set_height(value)
        label.xy = (label.xy[0], value)
        label.set_text(f"{value:.2f}")


def build_colour_explorer(q_red: float = Q[0], q_green: float = Q[1]) -> Explorer:
    """The colour explorer and its parts; see :func:`colour_explorer`."""
    first = colour_state(q_red, q_green)  # validates the starting point
    red, green = slider("Q(red)", first["q"][0]), slider("Q(green)", first["q"][1])
    controls = {"red": red, "green": green}
    fig, ax = new_figure(7.0, 4.0)
    box, readout, image = assemble(fig, controls, [red, green])
    explorer = Explorer(box, fig, image, readout, controls, first)
    renderer = Renderer(fig)
    busy = [False]  # True while a callback moves the other slider: no second update

    def show(state: dict[str, Any]) -> None:
        explorer.state = state
        readout.value = colour_readout(state)
        update_colour(explorer.artists, state)
        image.value = renderer.quick()

    def moved(change: dict[str, Any]) -> None:
        if busy[0]:
            return
        mover = change["owner"]
        other = green if mover is red else red
        note = ""
        if mover.value + other.value > 1 + SUM_SLACK:
            busy[0] = True
            try:
                other.value = round(1.0 - mover.value, 10)
            finally:
                busy[0] = False
            note = (
                "Q(red) + Q(green) cannot exceed 1 (Q(blue) would be negative): "
                f"{other.description} lowered to {other.value:.2f}."
            )
        state = colour_state(red.value, green.value)
        state["note"] = f"{note} {state['note']}".strip()
        show(state)

    explorer.artists = draw_colour(ax, first)
    readout.value = colour_readout(first)
    image.value = renderer.full([*explorer.artists["bars"], *explorer.artists["labels"]])
    red.observe(moved, names="value")
    green.observe(moved, names="value")
    return explorer


def colour_explorer(q_red: float = Q[0], q_green: float = Q[1]) -> Any:
    """Sliders for Q(red) and Q(green) (Q(blue) = 1 − both) redrawing P vs Q and updating
    H(P, Q), H(P) and KL(P‖Q) in bits. Returns the widget (an ``ipywidgets.VBox``).

    If the sliders would make Q(blue) negative, the other slider is lowered so that Q stays a
    distribution, and the readout says so.
    """
    return build_colour_explorer(q_red, q_green).widget
