r"""Joint tables: joint and conditional entropy, mutual information, marginals, empirical tables.

Bits by default (``base=2``; ``base=math.e`` for nats). X runs along axis −2 (rows), Y along
axis −1 (columns); leading axes are a batch.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._numerics import sum_p_times
from .._validation import (
    SUM_TOLERANCE,
    Value,
    as_float_array,
    check_unit_interval,
    finite_array,
    log_of_base,
    scalar_or_array,
    shown,
)
from ..information import entropy

__all__ = [
    "conditional_entropy",
    "joint_entropy",
    "joint_table",
    "marginals",
    "mutual_information",
]


def _as_joint(values: ArrayLike, name: str = "joint") -> NDArray[np.float64]:
    """A joint probability table: entries in [0, 1], each table (last two axes) summing to 1."""
    array = as_float_array(values, name)
    if array.ndim < 2:
        raise ValueError(
            f"{name} must be a joint probability table (at least 2-D: X along axis -2, "
            f"Y along axis -1), got shape {array.shape}"
        )
    check_unit_interval(array, name)
    totals = array.sum(axis=(-2, -1))
    off = np.abs(totals - 1.0) > SUM_TOLERANCE
    if off.any():
        if array.ndim == 2:
            raise ValueError(
                f"{name} sums to {float(totals):.10g}, not 1; a joint probability table "
                "must sum to 1"
            )
        index = ", ".join(str(int(i)) for i in np.argwhere(off)[0])
        raise ValueError(
            f"{name}[{index}, :, :] sums to {float(totals[off].flat[0]):.10g}, not 1; "
            "each joint table (the last two axes) must sum to 1"
        )
    return array


def marginals(joint: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""The marginal distributions of a joint table: ``P(x) = Σ_y P(x, y)``, ``P(y) = Σ_x P(x, y)``.

    X runs along axis −2 (rows), Y along axis −1 (columns); leading axes are a batch.

    Example:
        >>> p_x, p_y = marginals([[0.3, 0.1], [0.2, 0.4]])
        >>> p_x.round(3), p_y.round(3)
        (array([0.4, 0.6]), array([0.5, 0.5]))
    """
    table = _as_joint(joint)
    # a sum of entries can round (or, within the sum tolerance, be) a hair above 1: keep it a
    # probability, so that the marginals can be passed to helpers.entropy
    return np.minimum(table.sum(axis=-1), 1.0), np.minimum(table.sum(axis=-2), 1.0)


def joint_entropy(joint: ArrayLike, base: float = 2) -> Value:
    r"""Joint entropy of X and Y from their joint probability table.

    .. math:: H(X, Y) = -\sum_{x, y} P(x, y) \log P(x, y)

    The entropy of the pair, i.e. of the table read as one distribution over its cells. Units:
    bits for ``base=2`` (the default). X along axis −2, Y along axis −1; leading axes are a batch.

    Raises:
        ValueError: not at least 2-D, entries outside [0, 1] (or NaN/inf), a table not summing
            to 1 (within 1e-6), or a bad ``base``.

    Example:
        >>> joint_entropy([[0.25, 0.25], [0.25, 0.25]])
        2.0
        >>> joint_entropy([[0.5, 0.0], [0.0, 0.5]])
        1.0
    """
    table = _as_joint(joint)
    return entropy(table.reshape(*table.shape[:-2], -1), base=base)


def conditional_entropy(joint: ArrayLike, given: Literal["x", "y"] = "x", base: float = 2) -> Value:
    r"""Conditional entropy: the uncertainty left in one variable once the other is known.

    .. math:: H(Y \mid X) = -\sum_{x, y} P(x, y) \log \frac{P(x, y)}{P(x)}
              = \sum_x P(x)\, H(Y \mid X = x) = H(X, Y) - H(X)

    ``given="x"`` (the default) returns H(Y | X); ``given="y"`` returns H(X | Y). Always between 0
    (one variable determines the other) and the unconditional entropy (independence). Computed
    term by term, so it is never negative. Units: bits for ``base=2`` (the default). X along
    axis −2, Y along axis −1; leading axes are a batch.

    Raises:
        ValueError: as for :func:`joint_entropy`, or ``given`` not ``"x"``/``"y"``.

    Example:
        >>> table = [[0.3, 0.1], [0.2, 0.4]]
        >>> round(conditional_entropy(table), 4), round(conditional_entropy(table, given="y"), 4)
        (0.8755, 0.8464)
    """
    if given not in ("x", "y"):
        raise ValueError(
            f'given must be "x" (for H(Y | X)) or "y" (for H(X | Y)), got {shown(given)}'
        )
    ln_base = log_of_base(base)
    table = _as_joint(joint)
    if given == "y":
        table = np.swapaxes(table, -1, -2)  # now the conditioning variable is along axis -2
    condition = table.sum(axis=-1, keepdims=True)  # P(x) ≥ P(x, y): each log ratio is ≥ 0
    with np.errstate(divide="ignore", invalid="ignore"):  # used only where P(x, y) > 0
        log_ratio = np.log(condition) - np.log(table)  # logs, not a ratio: no overflow
    flat = table.reshape(*table.shape[:-2], -1)
    value = sum_p_times(flat, np.where(flat > 0, log_ratio.reshape(flat.shape), 0.0))
    return scalar_or_array(np.maximum(value, 0.0) / ln_base)


def mutual_information(joint: ArrayLike, base: float = 2) -> Value:
    r"""Mutual information of X and Y: how much knowing one tells about the other.

    .. math:: I(X; Y) = \sum_{x, y} P(x, y) \log \frac{P(x, y)}{P(x) P(y)}
              = \mathrm{KL}\big(P(x, y) \,\|\, P(x) P(y)\big) = H(Y) - H(Y \mid X)

    Symmetric in X and Y, ≥ 0, and 0 exactly when X and Y are independent. Equals
    ``sklearn.metrics.mutual_info_score(x, y)`` (in nats) on the empirical table of two label
    arrays (see :func:`joint_table`). Units: bits for ``base=2`` (the default). X along axis −2,
    Y along axis −1; leading axes are a batch.

    Raises:
        ValueError: as for :func:`joint_entropy`.

    Example:
        >>> round(mutual_information([[0.3, 0.1], [0.2, 0.4]]), 4)
        0.1245
        >>> round(mutual_information([[0.12, 0.28], [0.18, 0.42]]), 12)  # independent
        0.0
    """
    ln_base = log_of_base(base)
    table = _as_joint(joint)
    p_x = table.sum(axis=-1, keepdims=True)
    p_y = table.sum(axis=-2, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):  # used only where P(x, y) > 0
        # logs, not a ratio: P(x) P(y) can underflow to 0 even where P(x, y) > 0
        log_ratio = np.log(table) - np.log(p_x) - np.log(p_y)
    flat = table.reshape(*table.shape[:-2], -1)
    value = sum_p_times(flat, np.where(flat > 0, log_ratio.reshape(flat.shape), 0.0))
    # the exact value is ≥ 0; rounding can leave it a few ulps below 0
    return scalar_or_array(np.maximum(value, 0.0) / ln_base)


def joint_table(x: ArrayLike, y: ArrayLike) -> NDArray[np.float64]:
    r"""The empirical joint probability table of two equally long arrays of labels.

    Entry ``[i, j]`` is the fraction of samples with the i-th smallest distinct value of ``x``
    and the j-th smallest distinct value of ``y`` (as ``np.unique`` orders them).

    Raises:
        ValueError: empty, not 1-D, not numbers, NaN/inf, or different lengths.

    Example:
        >>> joint_table([0, 0, 1, 1], [0, 1, 1, 1])
        array([[0.25, 0.25],
               [0.  , 0.5 ]])
    """
    x_array, y_array = finite_array(x, "x"), finite_array(y, "y")
    for name, array in (("x", x_array), ("y", y_array)):
        if array.ndim != 1:
            raise ValueError(f"{name} must be a 1-D array of labels, got shape {array.shape}")
    if x_array.size != y_array.size:
        raise ValueError(f"x has {x_array.size} labels but y has {y_array.size}")
    x_values, x_index = np.unique(x_array, return_inverse=True)
    y_values, y_index = np.unique(y_array, return_inverse=True)
    counts = np.zeros((x_values.size, y_values.size))
    np.add.at(counts, (x_index, y_index), 1.0)
    return counts / x_array.size
