"""Private checks shared by the modules of :mod:`helpers.frameworks`."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import finite_array, real_number

__all__: list[str] = []


def _logits_2d(logits: ArrayLike, name: str = "logits") -> NDArray[np.float64]:
    z = finite_array(logits, name)
    if z.ndim != 2:
        raise ValueError(f"{name} must be 2-D (samples × classes), got shape {z.shape}")
    return z


def _class_weights(weights: ArrayLike | None, n_classes: int) -> NDArray[np.float64]:
    """``None`` → all ones; otherwise k finite, non-negative numbers, not all zero."""
    if weights is None:
        return np.ones(n_classes)
    w = finite_array(weights, "class_weights")
    if w.shape != (n_classes,):
        raise ValueError(
            f"class_weights must have one weight per class, shape ({n_classes},), got {w.shape}"
        )
    if (w < 0).any():
        raise ValueError(f"class_weights[{int(np.argmax(w < 0))}] is negative; weights are ≥ 0")
    if not (w > 0).any():
        raise ValueError("class_weights are all 0: nothing would be learnt")
    return w


def _total_weight(weights: np.ndarray) -> float:
    """The sum of the targets' weights, the denominator of PyTorch's weighted mean."""
    with np.errstate(over="ignore"):
        total = float(weights.sum())
    if total == 0:
        raise ValueError("the targets' class weights sum to 0: the weighted mean is undefined")
    if not np.isfinite(total):
        raise ValueError(
            "the targets' class weights sum beyond float64's range: scale them down "
            "(the weighted mean does not change)"
        )
    return total


def _is_index_target(y_true: ArrayLike) -> bool:
    """Whether targets are given as class indices (1-D numbers), as PyTorch distinguishes them."""
    try:
        raw = np.asarray(y_true)
    except (ValueError, TypeError):
        return False  # target_rows raises the ValueError
    return raw.ndim == 1 and np.issubdtype(raw.dtype, np.number) and raw.dtype != bool


def _non_negative(value: object, name: str) -> float:
    return real_number(value, name, low=0)
