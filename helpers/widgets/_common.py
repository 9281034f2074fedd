"""What every explorer shares: number formatting and checks, the :class:`Explorer` record, a
blitting PNG renderer, and the widget layout (sliders, readout, image) with its CSS classes.

Nothing here imports ipywidgets or matplotlib at import time: they load when an explorer is
built or a figure drawn.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._validation import real_number

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

#: Tolerance for Q(red) + Q(green) exceeding 1 by rounding only.
SUM_SLACK = 1e-9


def number(value: float, digits: int = 3) -> str:
    """A value for a readout: ``3.288``, or ``∞`` for an infinite one."""
    return "∞" if math.isinf(value) else f"{value:.{digits}f}"


def probability(value: object, name: str) -> float:
    """One probability in [0, 1] (a real number, not a bool, not NaN), or ValueError."""
    return real_number(value, name, low=0.0, high=1.0)


def state_field(state: object, key: str, function: str) -> Any:
    """``state[key]``, or a ValueError naming the function that needs it."""
    if not isinstance(state, dict) or key not in state:
        raise ValueError(f"{function} needs a state from the matching …_state function")
    return state[key]


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


class Renderer:
    """Render a figure to PNG, redrawing only the artists that move (Agg blitting).

    :meth:`full` draws everything except the moving artists, keeps that background, then adds
    them; :meth:`quick` restores the background and redraws only the moving artists. Either
    returns the PNG bytes (fast zlib level 1: the image is re-sent on every slider move). Both
    draw in the course style, like the static figures.
    """

    def __init__(self, fig: Figure) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.figure = fig
        self.canvas = FigureCanvasAgg(fig)
        self.moving: list[Any] = []
        self.background: Any = None

    def full(self, moving: Sequence[Any]) -> bytes:
        from ..plotting import course_style

        self.moving = list(moving)
        for artist in self.moving:
            artist.set_animated(True)
        with course_style():
            self.canvas.draw()
        self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        return self.quick()

    def quick(self) -> bytes:
        from PIL import Image

        from ..plotting import course_style

        self.canvas.restore_region(self.background)
        with course_style():
            for artist in self.moving:
                self.figure.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw")
        buffer = io.BytesIO()
        image.save(buffer, format="png", compress_level=1)
        return buffer.getvalue()


def new_figure(width: float, height: float) -> tuple[Figure, Axes]:
    """A figure outside pyplot (never shown twice by the inline backend, never left open), in
    the course style."""
    from matplotlib.figure import Figure

    from ..plotting import course_style

    with course_style():
        fig = Figure(figsize=(width, height), layout="constrained")
        return fig, fig.add_subplot()


def assemble(
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


def slider(description: str, value: float, low: float = 0.0, high: float = 1.0) -> Any:
    """A float slider from ``low`` to ``high`` in steps of 0.01, updating as it moves."""
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
