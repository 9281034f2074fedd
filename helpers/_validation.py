"""Input checks shared by every measure and loss: clear ValueErrors instead of silent NaNs.

One home for each check, with one wording of each message (see THE CONTRACT in ``helpers``):

* arrays — :func:`as_float_array` (numbers only: no bool, masked, string, complex or object
  values; ``Fraction``/``Decimal`` elements become the nearest float, as ``float()`` would),
  :func:`as_distribution`, :func:`check_unit_interval`, :func:`binary_labels`,
  :func:`class_indices`;
* scalars — :func:`real_number` (a real number with optional bounds: bool excluded,
  ``Fraction``/``Decimal``/numpy scalars/0-d arrays converted as ``float()`` would);
* options — :func:`check_reduction`, :func:`check_eps`, :func:`log_of_base`.
"""

from __future__ import annotations

import decimal
import math
import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray

#: How far a distribution's sum may stray from 1 and still count as normalised.
SUM_TOLERANCE = 1e-6
#: Rows whose sum is off by more than this (more than rounding) are divided by their sum.
ROUNDING = 1e-12

#: The one type alias for "a float for one value, an array for a batch".
Value = float | NDArray[np.float64]

#: The longest text of a caller's value that a message repeats.
SHOWN_LENGTH = 40


def shown(value: object, limit: int = SHOWN_LENGTH) -> str:
    """``repr(value)`` cut to ``limit`` characters, and never an exception (a bad ``__repr__``).

    >>> shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"
    """
    try:
        text = repr(value)
    except Exception:  # a learner's object may fail in any way
        text = f"<{type(value).__name__} object>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_bool(value: object) -> bool:
    return isinstance(value, bool | np.bool_)


def _hidden_problem(values: object) -> str | None:
    """What np.asarray would hide in a list or tuple: a bool (made 1.0) or a masked array."""
    kinds = set(map(type, values))  # type: ignore[call-overload]
    if bool in kinds or np.bool_ in kinds:
        return "a bool (True/False); use the numbers 1 and 0"
    if any(issubclass(kind, np.ma.MaskedArray) for kind in kinds):
        return "a masked array (its mask would be dropped)"
    if any(issubclass(kind, list | tuple) for kind in kinds):
        for item in values:  # type: ignore[union-attr]
            if isinstance(item, list | tuple) and (problem := _hidden_problem(item)):
                return problem
    return None


def _object_to_float(array: np.ndarray, name: str) -> NDArray[np.float64]:
    """Each element of an object array as ``float()`` gives it, or a ValueError for a non-real,
    a bool, or an integer too large for float64 (like ``float(10**400)``)."""
    out = np.empty(array.shape)
    flat = out.reshape(-1)
    for i, item in enumerate(array.flat):
        problem = None
        if _is_bool(item):
            problem = "is a bool (True/False); use the numbers 1 and 0"
        elif not isinstance(item, numbers.Real | decimal.Decimal):
            problem = f"= {shown(item)} is not a number"
        else:
            try:
                flat[i] = float(item)
            except (OverflowError, ValueError):  # float(10**400), Decimal("sNaN")
                problem = f"= {shown(item)} is not a float64 number (too large?)"
        if problem:
            where = "" if array.ndim == 0 else str(list(np.unravel_index(i, array.shape)))
            where = where.replace("np.int64(", "").replace(")", "")
            raise ValueError(f"{name}{where} {problem}; {name} must contain numbers")
    return out


def as_float_array(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """Return ``values`` as a non-empty float64 array, or raise ValueError saying why not.

    Accepted: numbers of any real numeric dtype, numpy scalars, 0-d arrays, and lists holding
    ``int``, ``float``, ``Fraction`` or ``Decimal`` (each converted as ``float()`` would).
    Rejected: masked arrays, bools (a whole bool array or one bool in a list), strings, complex,
    ``None`` and other objects, integers beyond float64's range, ragged lists, empty input.
    """
    if np.ma.isMaskedArray(values):  # np.asarray would silently drop the mask
        raise ValueError(f"{name} is a masked array; pass the values to use (e.g. .compressed())")
    if isinstance(values, list | tuple) and (problem := _hidden_problem(values)):
        raise ValueError(f"{name} contains {problem}")
    try:
        array = np.asarray(values)
    except Exception as error:  # ragged lists, a failing __array__ ...
        raise ValueError(f"{name} must be an array of numbers: {shown(error, 80)}") from None
    if array.dtype.kind == "O":
        return _object_to_float(array, name) if array.size else _empty(name)
    if array.dtype.kind == "c":
        raise ValueError(f"{name} must contain real numbers, got complex values")
    if array.dtype.kind not in "iuf":  # not bool, str, object, datetime or timedelta
        raise ValueError(f"{name} must contain numbers, got dtype {array.dtype}")
    if array.size == 0:
        _empty(name)
    with np.errstate(over="ignore"):  # a longdouble beyond float64's range becomes inf
        return array.astype(np.float64, copy=False)


def _empty(name: str) -> NDArray[np.float64]:
    raise ValueError(f"{name} is empty")


def _bound(value: float) -> str:
    return f"{int(value):,}".replace(",", "_") if float(value).is_integer() else f"{value:g}"


def real_number(
    value: object,
    name: str,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    integer: bool = False,
    finite: bool = True,
    requirement: str | None = None,
) -> float:
    """Return one real number as a ``float`` (an ``int`` if ``integer``), or raise ValueError.

    Accepted: ``int``, ``float``, ``Fraction``, ``Decimal``, numpy scalars and 0-d numeric
    arrays, converted as ``float()`` would; with ``integer=True`` only integers (``int``, numpy
    integers). Rejected, with one wording — ``{name} must be {requirement}, got {value}`` — :
    bools, strings, ``None``, arrays with more than one value, masked values, NaN, ±inf (unless
    ``finite=False``), numbers too large for a float, and numbers outside ``[low, high]`` (an
    open end with ``low_open``/``high_open``).

    >>> real_number(0.5, "lr", low=0, low_open=True)
    0.5
    >>> real_number(True, "lr", low=0, low_open=True)
    Traceback (most recent call last):
    ...
    ValueError: lr must be a finite number > 0, got True
    """
    if requirement is None:
        requirement = "an integer" if integer else ("a finite number" if finite else "a number")
        if low is not None and high is not None:
            left, right = "(" if low_open else "[", ")" if high_open else "]"
            requirement += f" in {left}{_bound(low)}, {_bound(high)}{right}"
        elif low is not None:
            requirement += f" {'>' if low_open else '≥'} {_bound(low)}"
        elif high is not None:
            requirement += f" {'<' if high_open else '≤'} {_bound(high)}"
    problem = ValueError(f"{name} must be {requirement}, got {shown(value)}")
    item = value
    if isinstance(value, np.ndarray) and not np.ma.isMaskedArray(value) and value.ndim == 0:
        item = value[()]  # a 0-d array is its one number
    if _is_bool(item):
        raise problem
    kinds = numbers.Integral if integer else numbers.Real | decimal.Decimal
    if not isinstance(item, kinds):
        raise problem
    try:
        number = int(item) if integer else float(item)  # type: ignore[arg-type]
    except (OverflowError, ValueError):  # float(10**400), Decimal("sNaN")
        raise problem from None
    if not integer and (math.isnan(number) or (finite and math.isinf(number))):
        raise problem
    if low is not None and (number < low or (low_open and number == low)):
        raise problem
    if high is not None and (number > high or (high_open and number == high)):
        raise problem
    return number


def locate(array: np.ndarray, mask: np.ndarray) -> str:
    """Describe the first position where ``mask`` holds, e.g. ``[2]`` or ``[0, 1]``."""
    if array.ndim == 0:
        return ""  # a single number: no index to show
    index = np.unravel_index(int(np.argmax(mask)), array.shape)
    return "[" + ", ".join(str(int(i)) for i in index) + "]"


def finite_array(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """A float array of finite numbers (any shape), or a ValueError naming the first NaN or ±inf."""
    array = as_float_array(values, name)
    bad = ~np.isfinite(array)
    if bad.any():
        value = array[bad].flat[0]
        where = locate(array, bad)
        raise ValueError(f"{name}{where} = {value} is not finite: no NaN or infinite values")
    return array


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
    raise ValueError(f"{name}{locate(array, outside)} = {bad} {problem}; {what} must lie in [0, 1]")


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


def normalised_rows(rows: np.ndarray) -> NDArray[np.float64] | None:
    """The checks of :func:`as_distribution` as a fast yes/no, on a C-contiguous 2-D block.

    Returns the rows if every entry is in [0, 1] (so none is NaN or inf) and every row sums to
    1 within ``SUM_TOLERANCE`` — each row off by more than rounding (``ROUNDING``) divided by
    its sum, so rows accepted within the tolerance become distributions, and a row's result
    does not depend on the other rows of its block — or ``None`` if the block fails a check.
    """
    if not (rows.min() >= 0.0 and rows.max() <= 1.0):
        return None
    totals = row_sums(rows)
    off = np.abs(totals - 1.0)
    worst = off.max()
    if not worst <= SUM_TOLERANCE:
        return None
    if worst <= ROUNDING:
        return rows  # sums of 1 up to rounding: dividing would only cost time
    return rows / np.where(off > ROUNDING, totals, 1.0)[:, None]


def is_distribution_block(rows: np.ndarray) -> bool:
    """Whether every entry is in [0, 1] and every row sums to 1 within tolerance."""
    return normalised_rows(np.ascontiguousarray(rows)) is not None


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
        row = locate(totals, off)
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
    requirement = "a finite positive number other than 1"
    number = real_number(base, "base", low=0, low_open=True, requirement=requirement)
    if number == 1:
        raise ValueError(f"base must be {requirement}, got {shown(base)}")
    return math.log(number)


def positive_number(value: object, name: str) -> float:
    """Return ``value`` as a float after checking it is one finite positive real number."""
    return real_number(value, name, low=0, low_open=True)


def class_indices(values: ArrayLike, name: str, n_classes: int) -> NDArray[np.intp]:
    """Return integer class indices in 0..n_classes−1 as an ``intp`` array, or raise ValueError
    naming the first bad one: ``y_true[1] = 3.0 is not a class index in 0..2``."""
    labels = as_float_array(values, name)
    with np.errstate(invalid="ignore"):
        bad = ~np.isfinite(labels) | (labels != np.round(labels))
        bad |= (labels < 0) | (labels >= n_classes)
    if bad.any():
        value = float(labels.flat[int(np.argmax(bad))])
        raise ValueError(
            f"{name}{locate(labels, bad)} = {value} is not a class index in 0..{n_classes - 1}"
        )
    return labels.astype(np.intp)


def binary_labels(values: ArrayLike, name: str, why: str = "") -> NDArray[np.float64]:
    """Return hard binary labels (each 0 or 1) as floats, or raise ValueError naming the first
    other value: ``y[2] = 0.5 is not a label 0 or 1`` (then ``why``, if given)."""
    labels = as_float_array(values, name)
    bad = (labels != 0) & (labels != 1)
    if bad.any():
        value = float(labels.flat[int(np.argmax(bad))])
        raise ValueError(
            f"{name}{locate(labels, bad)} = {value} is not a label 0 or 1{why}".rstrip()
        )
    return labels


REDUCTIONS = ("mean", "sum", "none")


def check_reduction(reduction: str) -> None:
    """Raise ValueError unless ``reduction`` is one of :data:`REDUCTIONS`."""
    if not isinstance(reduction, str) or reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {shown(reduction)}")


def check_eps(eps: float | None) -> float | None:
    """Return ``eps`` as a float in (0, 0.5), or None (exact maths); else raise ValueError."""
    if eps is None:
        return None
    requirement = "None (exact) or a number in (0, 0.5)"
    return real_number(
        eps, "eps", low=0, high=0.5, low_open=True, high_open=True, requirement=requirement
    )


def reduce(losses: np.ndarray, reduction: str) -> Value:
    """Apply a loss reduction: the mean or sum as a float, or the per-sample array."""
    losses = losses + 0.0  # a perfect prediction's loss is -0.0 after negation: show it as 0.0
    with np.errstate(over="ignore"):  # a sum beyond float64's range is inf, quietly
        if reduction == "mean":
            return float(losses.mean())
        if reduction == "sum":
            return float(losses.sum())
    return losses


def scalar_or_array(values: np.ndarray) -> Value:
    """A 0-d result becomes a plain float; a batch stays an array."""
    values = values + 0.0  # -0.0 (the negated sum of zero terms) becomes 0.0
    return float(values) if values.ndim == 0 else values
