"""Private checks shared by the modules of :mod:`helpers.divergences`."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import as_float_array, positive_number, real_number

__all__: list[str] = []


def _at(array: np.ndarray, bad: np.ndarray) -> str:
    """The first bad entry's index as text, e.g. ``[0, 2]`` (nothing for a single number)."""
    if array.ndim == 0:
        return ""
    return "[" + ", ".join(str(int(i)) for i in np.argwhere(bad)[0]) + "]"


def _finite_array(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """A float array of finite real numbers (0-d allowed), or a ValueError naming the entry."""
    array = as_float_array(values, name)
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{name}{_at(array, bad)} = {array[bad].flat[0]} is not a finite number")
    return array


def _positive_array(values: ArrayLike, name: str, what: str) -> NDArray[np.float64]:
    """A float array of finite numbers > 0 (standard deviations), or a ValueError."""
    array = _finite_array(values, name)
    bad = array <= 0
    if bad.any():
        raise ValueError(f"{name}{_at(array, bad)} = {array[bad].flat[0]} must be > 0 ({what})")
    return array


def _broadcast(arrays: dict[str, np.ndarray]) -> list[np.ndarray]:
    """Broadcast named arrays together, or a ValueError listing their shapes."""
    try:
        return list(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{name} {a.shape}" for name, a in arrays.items())
        raise ValueError(f"shape mismatch: {shapes} do not broadcast together") from None


def _temperature(value: object) -> float:
    return positive_number(value, "temperature")


def _fraction(value: object, name: str) -> float:
    """One real number in [0, 1]."""
    return real_number(value, name, low=0.0, high=1.0)
