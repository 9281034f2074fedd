"""The binary-loss explorer (notebook 05): change one sample's predicted probability; watch its
loss and the mean loss of the 10-sample example follow."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from .._validation import as_float_array, real_number
from ..examples import Y_PROB, Y_TRUE
from ..losses import binary_cross_entropy
from ._common import Explorer, Renderer, assemble, new_figure, number, slider, state_field

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes

__all__ = [
    "binary_loss_explorer",
    "binary_loss_readout",
    "binary_loss_state",
    "build_binary_loss_explorer",
    "draw_binary_losses",
    "loss_axis_top",
    "update_binary_losses",
]


def binary_loss_state(y_prob: ArrayLike, index: int, y_true: ArrayLike = Y_TRUE) -> dict[str, Any]:
    r"""The numbers the binary-loss explorer shows: every sample's loss and the mean, in nats.

    .. math:: \ell_i = -\left[\, y_i \ln \hat y_i + (1 - y_i) \ln(1 - \hat y_i) \,\right], \qquad
              \bar\ell = \frac{1}{N} \sum_i \ell_i

    ``index`` (0-based) is the sample being changed; its label, prediction and loss are picked
    out. The mean is also given in bits (nats / ln 2).

    Returns:
        ``"losses"`` (array), ``"mean"``, ``"mean_bits"``, ``"loss"`` (floats), ``"index"``,
        ``"y"``, ``"p"`` and ``"y_true"``, ``"y_prob"`` (arrays).

    >>> state = binary_loss_state(Y_PROB, 3)
    >>> round(state["loss"], 3), round(state["mean"], 3), round(state["mean_bits"], 3)
    (0.511, 0.247, 0.356)
    """
    losses = binary_cross_entropy(y_true, y_prob, reduction="none")  # validates both
    y = np.asarray(y_true, dtype=float)
    prob = np.asarray(y_prob, dtype=float)
    if y.ndim != 1:
        raise ValueError(
            f"y_true and y_prob must be 1-D (one label and one prediction per sample), "
            f"got shape {y.shape}"
        )
    index = real_number(index, "index", low=0, high=losses.size - 1, integer=True)
    mean = float(losses.mean())
    return {
        "y_true": y,
        "y_prob": prob,
        "losses": losses,
        "mean": mean,
        "mean_bits": mean / math.log(2),
        "index": int(index),
        "y": float(y[index]),
        "p": float(prob[index]),
        "loss": float(losses[index]),
    }


def binary_loss_readout(state: dict[str, Any]) -> str:
    """The binary-loss explorer's readout as HTML: the chosen sample's loss, then the mean.

    >>> print(binary_loss_readout(binary_loss_state(Y_PROB, 6)))  # doctest: +ELLIPSIS
    <div>sample 7: y = 0, ŷ = 0.40 → loss −ln(1 − ŷ) = <b>0.511 nats</b></div>...
    """
    y, p = state_field(state, "y", "binary_loss_readout"), state["p"]
    formula = "−ln ŷ" if y == 1 else ("−ln(1 − ŷ)" if y == 0 else "−[y ln ŷ + (1 − y) ln(1 − ŷ)]")
    n = state["losses"].size
    return (
        f"<div>sample {state['index'] + 1}: y = {y:g}, ŷ = {p:.2f} → loss {formula} = "
        f"<b>{number(state['loss'])} nats</b></div>"
        f"<div>mean over the {n} samples = <b>{number(state['mean'])} nats</b> "
        f"= {number(state['mean_bits'])} bits</div>"
    )


#: Heights the binary-loss explorer's y axis snaps to (nats), so it rescales only now and then.
_LOSS_TOPS = (0.75, 1.5, 3.0, 6.0)


def loss_axis_top(losses: ArrayLike) -> float:
    """The smallest of 0.75, 1.5, 3 and 6 nats that leaves room above the largest finite loss.

    Losses are ≥ 0 and may be ``inf`` (a certain, wrong prediction); NaN or a negative loss is
    a ValueError.

    >>> loss_axis_top([0.2, 0.5]), loss_axis_top([0.2, 1.9]), loss_axis_top([np.inf, 9.0])
    (0.75, 3.0, 10.8)
    """
    values = as_float_array(losses, "losses")
    if np.isnan(values).any() or (values < 0).any():
        raise ValueError("losses must be numbers ≥ 0 (inf allowed), got NaN or a negative one")
    finite = values[np.isfinite(values)]
    need = 1.2 * float(finite.max()) if finite.size else _LOSS_TOPS[0]
    return next((top for top in _LOSS_TOPS if top >= need), need)


def draw_binary_losses(ax: Axes, state: dict[str, Any]) -> dict[str, Any]:
    """Draw every sample's loss as a bar into ``ax`` (cleared first), the chosen one outlined.

    Returns what :func:`update_binary_losses` needs: ``"bar"`` and ``"label"`` (the chosen
    sample's bar and value label), ``"mean"`` (the dashed line), and what was drawn: ``"top"``
    (the y limit), ``"index"`` and ``"losses"`` — taken from the artists
    :func:`helpers.plotting.draw_sample_losses` returns.
    """
    from ..plotting import course_style, draw_sample_losses

    index = state_field(state, "index", "draw_binary_losses")
    top = loss_axis_top(state["losses"])
    binary_cross_entropy(state["y_true"], state["y_prob"])  # refuse bad data before clearing
    with course_style():
        ax.clear()
        drawn = draw_sample_losses(
            ax,
            state["y_true"],
            state["y_prob"],
            highlight=index,
            top=top,
            show_predictions=False,
        )
    drawn.mean_legend.set_text("mean loss")  # its value changes: see the readout
    return {
        "bar": drawn.bars[index],
        "label": drawn.labels[index],
        "mean": drawn.mean,
        "top": drawn.top,
        "index": index,
        "losses": state["losses"].copy(),
    }


def update_binary_losses(artists: dict[str, Any], state: dict[str, Any]) -> bool:
    """Move the chosen sample's bar and label and the mean line (drawn by
    :func:`draw_binary_losses`) to the state's values.

    Returns False, changing nothing, when more than that changed — another sample chosen, another
    sample's loss, or losses that no longer fit the y axis: then draw again with
    :func:`draw_binary_losses`.
    """
    index = state_field(state, "index", "update_binary_losses")
    losses, top = state["losses"], artists["top"]
    others = np.arange(losses.size) != index
    if (
        index != artists["index"]
        or losses.shape != artists["losses"].shape
        or loss_axis_top(losses) != top
        or not np.array_equal(losses[others], artists["losses"][others])
    ):
        return False
    loss = losses[index]
    inside = not np.isfinite(loss)
    bar, label = artists["bar"], artists["label"]
    bar.set_height(top if inside else loss)
    label.xy = (label.xy[0], bar.get_height())
    label.set_text("∞" if inside else f"{loss:.3f}")
    label.set_position((0, -3 if inside else 3))
    label.set_verticalalignment("top" if inside else "bottom")
    artists["mean"].set_ydata([min(state["mean"], top)] * 2)
    artists["losses"] = losses.copy()
    return True


def _moving(artists: dict[str, Any]) -> list[Any]:
    return [artists["bar"], artists["label"], artists["mean"]]


def build_binary_loss_explorer(
    y_true: Sequence[float] = Y_TRUE, y_prob: Sequence[float] = Y_PROB
) -> Explorer:
    """The binary-loss explorer and its parts; see :func:`binary_loss_explorer`."""
    import ipywidgets as widgets

    first = binary_loss_state(y_prob, 0, y_true)  # validates the data
    original = first["y_prob"].copy()
    probs = original.copy()
    labels = first["y_true"]
    choose = widgets.Dropdown(
        options=[(f"sample {i + 1} (y = {y:g})", i) for i, y in enumerate(labels)],
        value=0,
        description="sample",
    )
    probability = slider("predicted ŷ", float(probs[0]), 0.01, 0.99)
    reset = widgets.Button(description="reset all", tooltip="back to the example's predictions")
    controls = {"sample": choose, "probability": probability}
    fig, ax = new_figure(9.0, 4.5)
    box, readout, image = assemble(fig, controls, [probability], extra=[reset])
    explorer = Explorer(box, fig, image, readout, controls, first)
    renderer = Renderer(fig)
    busy = [False]

    def show() -> None:
        state = binary_loss_state(probs, choose.value, labels)
        explorer.state = state
        readout.value = binary_loss_readout(state)
        if update_binary_losses(explorer.artists, state):
            image.value = renderer.quick()
        else:  # another sample chosen, or the y axis must grow or shrink: draw it all again
            explorer.artists = draw_binary_losses(ax, state)
            image.value = renderer.full(_moving(explorer.artists))

    def set_slider(value: float) -> None:
        busy[0] = True
        try:
            probability.value = value
        finally:
            busy[0] = False

    def moved(change: dict[str, Any]) -> None:
        if busy[0]:
            return
        probs[choose.value] = change["new"]
        show()

    def chosen(change: dict[str, Any]) -> None:
        set_slider(float(probs[change["new"]]))
        show()

    def restore(_button: Any) -> None:
        probs[:] = original
        set_slider(float(probs[choose.value]))
        show()

    explorer.artists = draw_binary_losses(ax, first)
    readout.value = binary_loss_readout(first)
    image.value = renderer.full(_moving(explorer.artists))
    probability.observe(moved, names="value")
    choose.observe(chosen, names="value")
    reset.on_click(restore)
    explorer.controls["reset"] = reset
    return explorer


def binary_loss_explorer() -> Any:
    """A sample chooser and a slider for its predicted probability ŷ, updating that sample's loss
    and the mean loss of the 10-sample example (in nats, and bits) and the per-sample bar chart.
    Returns the widget (an ``ipywidgets.VBox``)."""
    return build_binary_loss_explorer().widget
