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
    if np.ma.isMaskedArray(values):  # np.asarray would silently drop the mask
        raise ValueError(f"{name} is a masked array; pass the values to use (e.g. .compressed())")
    try:
        array = np.asarray(values)
    except (ValueError, TypeError) as error:  # ragged nested lists and the like
        raise ValueError(f"{name} must be an array of numbers: {error}") from None
    if array.dtype.kind == "c":
        raise ValueError(f"{name} must contain real numbers, got complex values")
    if array.dtype.kind not in "iuf":  # not bool, str, object, datetime or timedelta
        raise ValueError(f"{name} must contain numbers, got dtype {array.dtype}")
    if array.size == 0:
        raise ValueError(f"{name} is empty")
    return array.astype(np.float64, copy=False)


def _where(array: np.ndarray, mask: np.ndarray) -> str:
    """Describe the first position where ``mask`` holds, e.g. ``[2]`` or ``[0, 1]``."""
    if array.ndim == 0:
        return ""  # a single number: no index to show
    index = np.unravel_index(int(np.argmax(mask)), array.shape)
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def check_unit_interval(array: np.ndarray, name: str, what: str = "probabilities") -> None:
    """Raise ValueError unless every entry is a finite number in [0, 1].

    The message names the first bad entry and its index, e.g.
    ``y_true[3] = 2.0 is greater than 1; labels must lie in [0, 1]`` for ``what="labels"``.
    """
    low, high = array.min(), array.max()  # NaN propagates, so it fails the test below too
    if low >= 0.0 and high <= 1.0:
        return
    outside = ~((array >= 0.0) & (array <= 1.0))  # NaN compares false: it is outside too
    bad = float(array.flat[int(np.argmax(outside))])  # the first bad entry, in index order
    if math.isnan(bad):
        problem = "is NaN"
    elif math.isinf(bad):
        problem = "is infinite"
    else:
        problem = "is negative" if bad < 0 else "is greater than 1"
    raise ValueError(f"{name}{_where(array, outside)} = {bad} {problem}; {what} must lie in [0, 1]")


def as_probability_array(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """:func:`as_float_array` for distributions: at least 1-D (the events are the last axis)."""
    array = as_float_array(values, name)
    if array.ndim == 0:
        raise ValueError(f"{name} must be a 1-D distribution or a batch of them, got a scalar")
    return array


def row_sums(array: np.ndarray) -> NDArray[np.float64]:
    """The sum of each distribution (over the last axis), one value per row.

    ``einsum`` adds each row in one pass, several times faster than ``.sum(axis=-1)`` over short
    rows, and on one thread (a BLAS matrix-vector product would contend for cores). Each row's
    sum is the same whichever batch or block the row is in.
    """
    k = array.shape[-1]
    return np.einsum("ij->i", array.reshape(-1, k)).reshape(array.shape[:-1])


def is_distribution_block(rows: np.ndarray) -> bool:
    """The checks of :func:`as_distribution` as a fast yes/no, without a message: whether every
    entry is in [0, 1] (so none is NaN or inf) and every row sums to 1 within tolerance."""
    return bool(
        rows.min() >= 0.0
        and rows.max() <= 1.0
        and (np.abs(row_sums(rows) - 1.0) <= SUM_TOLERANCE).all()
    )


def as_distribution(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """Return ``values`` as float64 probability distributions along the last axis.

    Raises ValueError for non-numbers, empty input, NaN or inf, entries outside [0, 1], or a
    distribution (a row, for 2-D input) whose sum differs from 1 by more than ``SUM_TOLERANCE``.
    """
    array = as_probability_array(values, name)
    check_unit_interval(array, name)
    totals = row_sums(array)
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


def positive_number(value: object, name: str) -> float:
    """Return ``value`` as a float after checking it is one finite positive real number."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ValueError(f"{name} must be a finite positive number, got {value!r}")
    number = float(value)
    if not math.isfinite(number) or number <= 0:
        raise ValueError(f"{name} must be a finite positive number, got {value!r}")
    return number


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
