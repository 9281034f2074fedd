"""Interactive explorers for JupyterLab: move a slider, watch the numbers and the figure follow.

- :func:`colour_explorer` (notebook 04): set the model Q over red, green and blue; see the P-vs-Q
  histogram and H(P, Q) = H(P) + KL(P‖Q) update.
- :func:`binary_loss_explorer` (notebook 05): change one sample's predicted probability; see its
  loss and the mean loss of the 10-sample example update.
- :func:`binary_entropy_explorer` (notebook 01): move p along the binary-entropy curve.

Each explorer is built from plain functions that need no browser: a ``…_state`` function computes
the numbers (with :mod:`helpers`), a ``draw_…`` function draws them into a matplotlib axes and a
``…_readout`` function writes them as HTML. The widget only wires sliders to those functions and
shows the figure as a PNG in an ``ipywidgets.Image``, which works under any matplotlib backend.
The ``build_…`` functions return an :class:`Explorer` holding the widget and its parts (for tests);
the ``…_explorer`` functions return just the widget, for a notebook cell.

Importing this module imports neither ipywidgets nor matplotlib: they load when an explorer is
built or a figure drawn. The explorers need a live kernel (JupyterLab, Binder); on GitHub the
static figures beside them tell the same story.

CSS classes, for browser tests: the container has ``ce-explorer``, each slider ``ce-slider``,
the numeric readout ``ce-readout``.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from .examples import COLOURS, Y_PROB, Y_TRUE, P, Q
from .information import cross_entropy, entropy, kl_divergence
from .losses import binary_cross_entropy

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "Explorer",
    "binary_entropy_explorer",
    "binary_entropy_readout",
    "binary_entropy_state",
    "binary_loss_explorer",
    "binary_loss_readout",
    "binary_loss_state",
    "build_binary_entropy_explorer",
    "build_binary_loss_explorer",
    "build_colour_explorer",
    "colour_explorer",
    "colour_readout",
    "colour_state",
    "draw_binary_entropy",
    "draw_binary_losses",
    "draw_colour",
    "loss_axis_top",
    "update_binary_entropy",
    "update_binary_losses",
    "update_colour",
]

#: Tolerance for Q(red) + Q(green) exceeding 1 by rounding only.
_SUM_SLACK = 1e-9


def _number(value: float, digits: int = 3) -> str:
    """A value for a readout: ``3.288``, or ``∞`` for an infinite one."""
    return "∞" if math.isinf(value) else f"{value:.{digits}f}"


def _probability(value: object, name: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, got {value!r}") from None
    if not 0.0 <= number <= 1.0:  # also rejects NaN
        raise ValueError(f"{name} must lie in [0, 1], got {value!r}")
    return number


# --- the colour events (notebook 04) --------------------------------------------------------


def colour_state(q_red: float, q_green: float, p: ArrayLike = P) -> dict[str, Any]:
    r"""The numbers the colour explorer shows for a model Q = (Q(red), Q(green), 1 − both).

    .. math:: H(P, Q) = H(P) + D_{KL}(P \| Q) \quad \text{(bits)}

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
    red = _probability(q_red, "Q(red)")
    green = _probability(q_green, "Q(green)")
    if red + green > 1 + _SUM_SLACK:
        raise ValueError(
            f"Q(red) + Q(green) = {red + green:g} exceeds 1, so Q(blue) would be negative"
        )
    q = np.array([red, green, max(0.0, round(1.0 - red - green, 12))])
    p_arr = np.asarray(p, dtype=float)
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
    q = state["q"]
    lines = [
        "Q = (" + ", ".join(f"{c} {v:.2f}" for c, v in zip(COLOURS, q, strict=True)) + ")",
        f"<b>H(P, Q) = {_number(state['cross_entropy'])} bits</b> = "
        f"H(P) {_number(state['entropy'])} bits + KL(P‖Q) {_number(state['kl'])} bits",
    ]
    if state["note"]:
        lines.append(f"<i>{state['note']}</i>")
    return "".join(f"<div>{line}</div>" for line in lines)


def draw_colour(ax: Axes, state: dict[str, Any]) -> dict[str, list]:
    """Draw P and the state's Q side by side into ``ax`` (cleared first), values on the bars.

    Returns the artists that change with Q — ``{"bars": [...], "labels": [...]}``, Q's bars and
    their value labels — for :func:`update_colour`.
    """
    from matplotlib.text import Annotation

    from .plotting import plot_distributions

    ax.clear()
    plot_distributions(
        state["p"], state["q"], COLOURS, ax=ax, title="The true P against your model Q"
    )
    bars = list(ax.containers[1])
    centres = [bar.get_x() + bar.get_width() / 2 for bar in bars]
    notes = [t for t in ax.texts if isinstance(t, Annotation)]
    labels = [
        next(t for t in notes if math.isclose(t.xy[0], c) and t.xy[1] == bar.get_height())
        for c, bar in zip(centres, bars, strict=True)
    ]
    return {"bars": bars, "labels": labels}


def update_colour(artists: dict[str, list], state: dict[str, Any]) -> None:
    """Move Q's bars and value labels (drawn by :func:`draw_colour`) to the state's Q."""
    for bar, label, value in zip(artists["bars"], artists["labels"], state["q"], strict=True):
        bar.set_height(value)
        label.xy = (label.xy[0], value)
        label.set_text(f"{value:.2f}")


# --- the 10-sample binary example (notebook 05) ---------------------------------------------


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
    y = np.asarray(y_true, dtype=float)
    prob = np.asarray(y_prob, dtype=float)
    losses = np.atleast_1d(binary_cross_entropy(y, prob, reduction="none"))
    if isinstance(index, bool) or not isinstance(index, int | np.integer):
        raise ValueError(f"index must be an integer, got {index!r}")
    if not 0 <= index < losses.size:
        raise ValueError(f"index must be in 0..{losses.size - 1}, got {index}")
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
    y, p = state["y"], state["p"]
    formula = "−ln ŷ" if y == 1 else ("−ln(1 − ŷ)" if y == 0 else "−[y ln ŷ + (1 − y) ln(1 − ŷ)]")
    n = state["losses"].size
    return (
        f"<div>sample {state['index'] + 1}: y = {y:g}, ŷ = {p:.2f} → loss {formula} = "
        f"<b>{_number(state['loss'])} nats</b></div>"
        f"<div>mean over the {n} samples = <b>{_number(state['mean'])} nats</b> "
        f"= {_number(state['mean_bits'])} bits</div>"
    )


#: Heights the binary-loss explorer's y axis snaps to (nats), so it rescales only now and then.
_LOSS_TOPS = (0.75, 1.5, 3.0, 6.0)


def loss_axis_top(losses: ArrayLike) -> float:
    """The smallest of 0.75, 1.5, 3 and 6 nats that leaves room above the largest finite loss.

    >>> loss_axis_top([0.2, 0.5]), loss_axis_top([0.2, 1.9]), loss_axis_top([np.inf, 9.0])
    (0.75, 3.0, 10.8)
    """
    values = np.asarray(losses, dtype=float)
    finite = values[np.isfinite(values)]
    need = 1.2 * float(finite.max()) if finite.size else _LOSS_TOPS[0]
    return next((top for top in _LOSS_TOPS if top >= need), need)


def draw_binary_losses(ax: Axes, state: dict[str, Any]) -> dict[str, Any]:
    """Draw every sample's loss as a bar into ``ax`` (cleared first), the chosen one outlined.

    Returns what :func:`update_binary_losses` needs: ``"bar"`` and ``"label"`` (the chosen
    sample's bar and value label), ``"mean"`` (the dashed line), and what was drawn: ``"top"``
    (the y limit), ``"index"`` and ``"losses"``.
    """
    from matplotlib.text import Annotation

    from .plotting import plot_sample_losses

    ax.clear()
    top = loss_axis_top(state["losses"])
    plot_sample_losses(
        state["y_true"],
        state["y_prob"],
        highlight=state["index"],
        top=top,
        show_predictions=False,
        ax=ax,
    )
    ax.get_legend().get_texts()[-1].set_text("mean loss")  # its value changes: see the readout
    labels = [t for t in ax.texts if isinstance(t, Annotation)]
    return {
        "bar": ax.containers[0][state["index"]],
        "label": labels[state["index"]],
        "mean": ax.lines[-1],
        "top": top,
        "index": state["index"],
        "losses": state["losses"].copy(),
    }


def update_binary_losses(artists: dict[str, Any], state: dict[str, Any]) -> bool:
    """Move the chosen sample's bar and label and the mean line (drawn by
    :func:`draw_binary_losses`) to the state's values.

    Returns False, changing nothing, when more than that changed — another sample chosen, another
    sample's loss, or losses that no longer fit the y axis: then draw again with
    :func:`draw_binary_losses`.
    """
    index, losses, top = state["index"], state["losses"], artists["top"]
    others = np.arange(losses.size) != index
    if (
        index != artists["index"]
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


# --- binary entropy (notebook 01) -----------------------------------------------------------


def binary_entropy_state(p: float) -> dict[str, float]:
    r"""The entropy in bits of a coin that lands heads with probability p.

    .. math:: H(p) = -p \log_2 p - (1 - p) \log_2 (1 - p)

    >>> binary_entropy_state(0.5)
    {'p': 0.5, 'entropy': 1.0}
    >>> round(binary_entropy_state(0.1)["entropy"], 3)
    0.469
    """
    prob = _probability(p, "p")
    return {"p": prob, "entropy": float(entropy([prob, 1.0 - prob]))}


def binary_entropy_readout(state: dict[str, float]) -> str:
    """The binary-entropy explorer's readout as HTML.

    >>> binary_entropy_readout(binary_entropy_state(0.5))
    '<div>p = 0.50: <b>H(p) = 1.000 bits</b></div>'
    """
    return f"<div>p = {state['p']:.2f}: <b>H(p) = {_number(state['entropy'])} bits</b></div>"


_CURVE_P = np.linspace(0.0, 1.0, 201)


def draw_binary_entropy(ax: Axes, state: dict[str, float]) -> dict[str, Any]:
    """Draw the binary-entropy curve into ``ax`` (cleared first) with a marker at the state's p.

    Returns the artists that move with p — ``"marker"``, ``"guide"`` (a dotted line down to the
    axis) and ``"label"`` — for :func:`update_binary_entropy`.
    """
    from .plotting import P_COLOUR, Q_COLOUR

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
    p, h = state["p"], state["entropy"]
    artists["marker"].set_data([p], [h])
    artists["guide"].set_data([p, p], [0, h])
    artists["label"].xy = (p, h)
    artists["label"].set_text(f"H({p:.2f}) = {h:.3f} bits")
    artists["label"].set_horizontalalignment(
        "left" if p < 0.15 else "right" if p > 0.85 else "center"
    )


# --- the widgets ----------------------------------------------------------------------------


@dataclass
class Explorer:
    """An explorer's parts: ``widget`` (show it), ``figure``, ``image`` (the figure as a PNG
    widget), ``readout``, ``controls`` (by name), ``state`` (the numbers shown, from the
    ``…_state`` function) and ``artists`` (what moves in the figure)."""

    widget: Any
    figure: Figure
    image: Any
    readout: Any
    controls: dict[str, Any]
    state: dict[str, Any] = field(default_factory=dict)
    artists: dict[str, Any] = field(default_factory=dict)


class _Renderer:
    """Render a figure to PNG, redrawing only the artists that move (Agg blitting).

    :meth:`full` draws everything except the moving artists, keeps that background, then adds
    them; :meth:`quick` restores the background and redraws only the moving artists. Either
    returns the PNG bytes (fast zlib level 1: the image is re-sent on every slider move).
    """

    def __init__(self, fig: Figure) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.figure = fig
        self.canvas = FigureCanvasAgg(fig)
        self.moving: list[Any] = []
        self.background: Any = None

    def full(self, moving: Sequence[Any]) -> bytes:
        self.moving = list(moving)
        for artist in self.moving:
            artist.set_animated(True)
        self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        return self.quick()

    def quick(self) -> bytes:
        from PIL import Image

        self.canvas.restore_region(self.background)
        for artist in self.moving:
            self.figure.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw")
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


def _new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A figure outside pyplot (never shown twice by the inline backend, never left open)."""
    from matplotlib.figure import Figure

    from . import plotting  # noqa: F401  (applies the course style to rcParams)

    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.add_subplot()


def _assemble(
    fig: Figure, controls: dict[str, Any], sliders: Sequence[Any], extra: Sequence[Any] = ()
):
    """The container (controls, readout, figure) with the CSS classes the browser test uses.

    The figure's image is shown at its own pixel width (as the static figures are), not
    stretched to the notebook's width.
    """
    import ipywidgets as widgets

    readout = widgets.HTML()
    readout.add_class("ce-readout")
    for slider in sliders:
        slider.add_class("ce-slider")
    image = widgets.Image(format="png", width=str(round(fig.get_figwidth() * fig.dpi)))
    image.add_class("ce-figure")
    box = widgets.VBox([widgets.HBox([*controls.values(), *extra]), readout, image])
    box.add_class("ce-explorer")
    return box, readout, image


def _slider(description: str, value: float, low: float = 0.0, high: float = 1.0) -> Any:
    import ipywidgets as widgets

    return widgets.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=0.01,
        description=description,
        readout_format=".2f",
        continuous_update=True,
        style={"description_width": "initial"},
        layout=widgets.Layout(width="360px"),
    )


def build_colour_explorer(q_red: float = Q[0], q_green: float = Q[1]) -> Explorer:
    """The colour explorer and its parts; see :func:`colour_explorer`."""
    first = colour_state(q_red, q_green)  # validates the starting point
    red, green = _slider("Q(red)", first["q"][0]), _slider("Q(green)", first["q"][1])
    controls = {"red": red, "green": green}
    fig, ax = _new_figure(7.0, 4.0)
    box, readout, image = _assemble(fig, controls, [red, green])
    explorer = Explorer(box, fig, image, readout, controls, first)
    renderer = _Renderer(fig)
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
        if mover.value + other.value > 1 + _SUM_SLACK:
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


def build_binary_loss_explorer(
    y_true: Sequence[float] = Y_TRUE, y_prob: Sequence[float] = Y_PROB
) -> Explorer:
    """The binary-loss explorer and its parts; see :func:`binary_loss_explorer`."""
    import ipywidgets as widgets

    original = np.asarray(y_prob, dtype=float)
    probs = original.copy()
    labels = np.asarray(y_true, dtype=float)
    first = binary_loss_state(probs, 0, labels)  # validates the data
    choose = widgets.Dropdown(
        options=[(f"sample {i + 1} (y = {y:g})", i) for i, y in enumerate(labels)],
        value=0,
        description="sample",
    )
    slider = _slider("predicted ŷ", float(probs[0]), 0.01, 0.99)
    reset = widgets.Button(description="reset all", tooltip="back to the example's predictions")
    controls = {"sample": choose, "probability": slider}
    fig, ax = _new_figure(9.0, 4.5)
    box, readout, image = _assemble(fig, controls, [slider], extra=[reset])
    explorer = Explorer(box, fig, image, readout, controls, first)
    renderer = _Renderer(fig)
    busy = [False]

    def show() -> None:
        state = binary_loss_state(probs, choose.value, labels)
        explorer.state = state
        readout.value = binary_loss_readout(state)
        if update_binary_losses(explorer.artists, state):
            image.value = renderer.quick()
        else:  # another sample chosen, or the y axis must grow or shrink: draw it all again
            explorer.artists = draw_binary_losses(ax, state)
            image.value = renderer.full(_moving_losses(explorer.artists))

    def set_slider(value: float) -> None:
        busy[0] = True
        try:
            slider.value = value
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
    image.value = renderer.full(_moving_losses(explorer.artists))
    slider.observe(moved, names="value")
    choose.observe(chosen, names="value")
    reset.on_click(restore)
    explorer.controls["reset"] = reset
    return explorer


def _moving_losses(artists: dict[str, Any]) -> list[Any]:
    return [artists["bar"], artists["label"], artists["mean"]]


def binary_loss_explorer() -> Any:
    """A sample chooser and a slider for its predicted probability ŷ, updating that sample's loss
    and the mean loss of the 10-sample example (in nats, and bits) and the per-sample bar chart.
    Returns the widget (an ``ipywidgets.VBox``)."""
    return build_binary_loss_explorer().widget


def build_binary_entropy_explorer(p: float = 0.3) -> Explorer:
    """The binary-entropy explorer and its parts; see :func:`binary_entropy_explorer`."""
    first = binary_entropy_state(p)
    slider = _slider("p", first["p"])
    controls = {"p": slider}
    fig, ax = _new_figure(7.0, 4.0)
    box, readout, image = _assemble(fig, controls, [slider])
    explorer = Explorer(box, fig, image, readout, controls, first)
    renderer = _Renderer(fig)

    def moved(change: dict[str, Any]) -> None:
        state = binary_entropy_state(change["new"])
        explorer.state = state
        readout.value = binary_entropy_readout(state)
        update_binary_entropy(explorer.artists, state)
        image.value = renderer.quick()

    explorer.artists = draw_binary_entropy(ax, first)
    readout.value = binary_entropy_readout(first)
    image.value = renderer.full(list(explorer.artists.values()))
    slider.observe(moved, names="value")
    return explorer


def binary_entropy_explorer(p: float = 0.3) -> Any:
    """A slider for p moving a marker along the binary-entropy curve, showing H(p) in bits.
    Returns the widget (an ``ipywidgets.VBox``)."""
    return build_binary_entropy_explorer(p).widget
