"""Private checks shared by the modules of :mod:`helpers.divergences`."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import finite_array, locate, positive_number, real_number

__all__: list[str] = []


def _positive_array(values: ArrayLike, name: str, what: str) -> NDArray[np.float64]:
    """A float array of finite numbers > 0 (standard deviations), or a ValueError."""
    array = finite_array(values, name)
    bad = array <= 0
    if bad.any():
        raise ValueError(f"{name}{locate(array, bad)} = {array[bad].flat[0]} must be > 0 ({what})")
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
