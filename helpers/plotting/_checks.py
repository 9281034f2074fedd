"""Input checks for the figure functions: a ValueError saying what and where, before any drawing.

Built on :mod:`helpers._validation` (arrays, distributions); what is added here is what only
figures take — event names, axis labels, counts of points, marked values, an ``ax``. Every check
runs before a figure is created, so a refused call leaves no half-drawn figure behind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from .._validation import as_distribution, as_float_array, real_number, shown


def distribution(values: object, name: str) -> NDArray[np.float64]:
    """One distribution (1-D, entries in [0, 1], sum 1), or ValueError."""
    array = as_distribution(values, name)  # type: ignore[arg-type]
    if array.ndim != 1:
        raise ValueError(f"{name} must be one distribution (1-D), got shape {array.shape}")
    return array


def numbers_1d(
    values: object, name: str, *, allow_empty: bool = False, finite: bool = True
) -> NDArray[np.float64]:
    """A 1-D float array of real numbers (no bool, mask, NaN; no ±inf if ``finite``)."""
    if allow_empty and not np.ma.isMaskedArray(values):
        if (isinstance(values, Sequence) and not isinstance(values, str) and len(values) == 0) or (
            isinstance(values, np.ndarray) and values.shape == (0,)
        ):
            return np.empty(0)
    array = as_float_array(values, name)  # type: ignore[arg-type]
    if array.ndim != 1:
        raise ValueError(f"{name} must be 1-D (one value per point), got shape {array.shape}")
    bad = np.isnan(array) | (np.isinf(array) if finite else False)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(f"{name}[{i}] = {array[i]} is not a finite number")
    return array


def marks(
    values: object,
    name: str,
    *,
    low: float = 0.0,
    high: float = 1.0,
    open_low: bool = True,
    what: str = "probabilities",
) -> NDArray[np.float64]:
    """Values to mark on a curve: 1-D (possibly empty), each in (low, high] or [low, high]."""
    array = numbers_1d(values, name, allow_empty=True)
    outside = (array <= low if open_low else array < low) | (array > high)
    if outside.any():
        i = int(np.argmax(outside))
        span = f"({low:g}, {high:g}]" if open_low else f"[{low:g}, {high:g}]"
        raise ValueError(
            f"{name}[{i}] = {array[i]:g} is outside {span}: {name} must be {what} in {span}"
        )
    return array


def text(value: object, name: str) -> str:
    """A string (a title, an axis label, a colour)."""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string, got {type(value).__name__}")
    return value


def colour(value: object, name: str) -> str:
    """A colour matplotlib understands (a name like ``"red"``, or ``"#2b6cb0"``)."""
    from matplotlib.colors import is_color_like

    if not isinstance(value, str) or not is_color_like(value):
        raise ValueError(f"{name} must be a matplotlib colour, e.g. '#2b6cb0', got {shown(value)}")
    return value


def event_names(events: object, n: int, name: str = "events") -> list[str]:
    """``n`` event names, each a string."""
    if (
        isinstance(events, str | bytes)
        or not isinstance(events, Sequence | np.ndarray)
        or (isinstance(events, np.ndarray) and events.ndim != 1)
    ):
        raise ValueError(f"{name} must be a sequence of {n} names, got {shown(events)}")
    names = list(events)
    if len(names) != n:
        raise ValueError(f"{name} has {len(names)} names for {n} probabilities")
    for i, event in enumerate(names):
        if not isinstance(event, str):
            raise ValueError(f"{name}[{i}] must be a string, got {type(event).__name__}")
    return names


def label_pair(labels: object, name: str = "labels") -> tuple[str, str]:
    """Two names, e.g. ``("P", "Q")``."""
    if isinstance(labels, str) or not isinstance(labels, Sequence) or len(labels) != 2:
        raise ValueError(f"{name} must be two strings, e.g. ('P', 'Q'), got {shown(labels)}")
    return text(labels[0], f"{name}[0]"), text(labels[1], f"{name}[1]")


def count(value: object, name: str, minimum: int, maximum: int = 10**6) -> int:
    """An integer (not a bool) from ``minimum`` to ``maximum`` (a figure's points, classes …)."""
    return int(real_number(value, name, low=minimum, high=maximum, integer=True))


def real(
    value: object,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    open_low: bool = False,
    open_high: bool = False,
) -> float:
    """One finite real number (not a bool) in [low, high]; ``open_…`` excludes that end."""
    return real_number(value, name, low=low, high=high, low_open=open_low, high_open=open_high)


def flag(value: object, name: str) -> bool:
    """True or False."""
    if not isinstance(value, bool | np.bool_):
        raise ValueError(f"{name} must be True or False, got {shown(value)}")
    return bool(value)


def named_values(values: object, name: str) -> dict[str, object]:
    """A non-empty mapping whose keys are strings (names in a legend)."""
    if not isinstance(values, Mapping):
        raise ValueError(f"{name} must be a dict of name → value, got {type(values).__name__}")
    if not values:
        raise ValueError(f"{name} must name at least one entry")
    for key in values:
        if not isinstance(key, str):
            raise ValueError(f"{name}'s names must be strings, got {shown(key)}")
    return dict(values)


def axes(ax: object) -> None:
    """``None`` (draw a new figure) or a matplotlib ``Axes`` to draw into."""
    from matplotlib.axes import Axes

    if ax is not None and not isinstance(ax, Axes):
        raise ValueError(f"ax must be a matplotlib Axes or None, got {type(ax).__name__}")
