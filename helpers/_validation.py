"""Input checks shared by every measure and loss: clear ValueErrors instead of silent NaNs."""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: How far a distribution's sum may stray from 1 and still count as normalised.
SUM_TOLERANCE = 1e-6


def as_float_array(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """Return ``values`` as a non-empty float64 array, or raise ValueError saying why not."""
    try:
        array = np.asarray(values)
    except (ValueError, TypeError) as error:  # ragged nested lists and the like
        raise ValueError(f"{name} must be an array of numbers: {error}") from None
    if array.dtype == bool or not np.issubdtype(array.dtype, np.number):
        raise ValueError(f"{name} must contain numbers, got dtype {array.dtype}")
    if np.iscomplexobj(array):
        raise ValueError(f"{name} must contain real numbers, got complex values")
    if array.size == 0:
        raise ValueError(f"{name} is empty")
    return array.astype(np.float64, copy=False)


def _where(array: np.ndarray, mask: np.ndarray) -> str:
    """Describe the first position where ``mask`` holds, e.g. ``[2]`` or ``[0, 1]``."""
    index = np.unravel_index(int(np.argmax(mask)), array.shape)
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def check_unit_interval(array: np.ndarray, name: str) -> None:
    """Raise ValueError unless every entry is a finite number in [0, 1]."""
    low, high = array.min(), array.max()  # NaN propagates, so it fails the test below too
    if low >= 0.0 and high <= 1.0:
        return
    for mask, problem in (
        (np.isnan(array), "is NaN"),
        (np.isinf(array), "is infinite"),
        (array < 0, "is negative"),
        (array > 1, "is greater than 1"),
    ):
        if mask.any():
            bad = array[mask].flat[0]
            raise ValueError(
                f"{name}{_where(array, mask)} = {bad} {problem}; probabilities must lie in [0, 1]"
            )


def as_distribution(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """Return ``values`` as float64 probability distributions along the last axis.

    Raises ValueError for non-numbers, empty input, NaN or inf, entries outside [0, 1], or a
    distribution (a row, for 2-D input) whose sum differs from 1 by more than ``SUM_TOLERANCE``.
    """
    array = as_float_array(values, name)
    if array.ndim == 0:
        raise ValueError(f"{name} must be a 1-D distribution or a batch of them, got a scalar")
    check_unit_interval(array, name)
    totals = array.sum(axis=-1)
    off = np.abs(totals - 1.0) > SUM_TOLERANCE
    if off.any():
        if array.ndim == 1:
            raise ValueError(
                f"{name} sums to {float(totals):.10g}, not 1; it is not a distribution"
            )
        row = _where(totals, off)
        raise ValueError(
            f"{name}{row[:-1]}, :] sums to {float(totals[off].flat[0]):.10g}, not 1; "
            "each distribution (the last axis) must sum to 1"
        )
    return array


def check_same_events(p: np.ndarray, q: np.ndarray, p_name: str = "p", q_name: str = "q") -> None:
    """Raise ValueError unless two batches of distributions are over the same events."""
    if p.shape[-1] != q.shape[-1]:
        raise ValueError(
            f"{p_name} has {p.shape[-1]} events but {q_name} has {q.shape[-1]}; "
            "both must be distributions over the same events (last axis)"
        )
    try:
        np.broadcast_shapes(p.shape, q.shape)
    except ValueError:
        raise ValueError(
            f"shape mismatch: {p_name} has shape {p.shape} and {q_name} has shape {q.shape}"
        ) from None


def check_same_shape(a: np.ndarray, b: np.ndarray, a_name: str, b_name: str) -> None:
    """Raise ValueError unless two arrays have exactly the same shape."""
    if a.shape != b.shape:
        raise ValueError(
            f"shape mismatch: {a_name} has shape {a.shape} but {b_name} has shape {b.shape}"
        )


def log_of_base(base: float) -> float:
    """Return ln(base) after checking ``base`` is a finite positive number other than 1."""
    if isinstance(base, bool) or not isinstance(base, numbers.Real):
        raise ValueError(f"base must be a positive number other than 1, got {base!r}")
    base = float(base)
    if not math.isfinite(base) or base <= 0 or base == 1:
        raise ValueError(f"base must be a finite positive number other than 1, got {base!r}")
    return math.log(base)


REDUCTIONS = ("mean", "sum", "none")


def check_reduction(reduction: str) -> None:
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")


def check_eps(eps: float | None) -> None:
    if eps is None:
        return
    if isinstance(eps, bool) or not isinstance(eps, numbers.Real) or not 0 < eps < 0.5:
        raise ValueError(f"eps must be None (exact) or a number in (0, 0.5), got {eps!r}")


def reduce(losses: np.ndarray, reduction: str) -> float | NDArray[np.float64]:
    """Apply a loss reduction: the mean or sum as a float, or the per-sample array."""
    losses = losses + 0.0  # a perfect prediction's loss is -0.0 after negation: show it as 0.0
    if reduction == "mean":
        return float(losses.mean())
    if reduction == "sum":
        return float(losses.sum())
    return losses


def scalar_or_array(values: np.ndarray) -> float | NDArray[np.float64]:
    """A 0-d result becomes a plain float; a batch stays an array."""
    values = values + 0.0  # -0.0 (the negated sum of zero terms) becomes 0.0
    return float(values) if values.ndim == 0 else values
