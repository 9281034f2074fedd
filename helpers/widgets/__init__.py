"""Interactive explorers for JupyterLab: move a slider, watch the numbers and the figure follow.

- :func:`binary_entropy_explorer` (notebook 01, :mod:`.binary_entropy`): move p along the
  binary-entropy curve.
- :func:`colour_explorer` (notebook 04, :mod:`.colour`): set the model Q over red, green and
  blue; see the P-vs-Q histogram and H(P, Q) = H(P) + KL(P‖Q) update.
- :func:`binary_loss_explorer` (notebook 05, :mod:`.binary_loss`): change one sample's predicted
  probability; see its loss and the mean loss of the 10-sample example update.

Each explorer is built from plain functions that need no browser: a ``…_state`` function computes
the numbers (with :mod:`helpers`; bad input is a ValueError saying what and where), a ``draw_…``
function draws them into a matplotlib axes and a ``…_readout`` function writes them as HTML. The
figures come from :mod:`helpers.plotting`'s ``draw_…`` functions, which return the artists that
move: the explorers use that interface, never the figure's internals. The widget only wires
sliders to those functions and shows the figure as a PNG in an ``ipywidgets.Image``, which works
under any matplotlib backend. The ``build_…`` functions return an :class:`Explorer` holding the
widget and its parts (for tests); the ``…_explorer`` functions return just the widget, for a
notebook cell. Shared parts (the renderer, the layout) live in :mod:`._common`.

Importing this package imports neither ipywidgets nor matplotlib: they load when an explorer is
built or a figure drawn. The explorers need a live kernel (JupyterLab, Binder); on GitHub the
static figures beside them tell the same story.

CSS classes, for browser tests: the container has ``ce-explorer``, each slider ``ce-slider``,
the numeric readout ``ce-readout``.
"""

from __future__ import annotations

from ._common import Explorer
from .binary_entropy import (
    binary_entropy_explorer,
    binary_entropy_readout,
    binary_entropy_state,
    build_binary_entropy_explorer,
    draw_binary_entropy,
    update_binary_entropy,
)
from .binary_loss import (
    binary_loss_explorer,
    binary_loss_readout,
    binary_loss_state,
    build_binary_loss_explorer,
    draw_binary_losses,
    loss_axis_top,
    update_binary_losses,
)
from .colour import (
    build_colour_explorer,
    colour_explorer,
    colour_readout,
    colour_state,
    draw_colour,
    update_colour,
)

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
