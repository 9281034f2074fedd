"""The machinery every exercise check shares: compare an answer, never raise, always say why.

How an answer is judged (:func:`check_number`):

* ``...`` or ``None``: "Not answered yet".
* Not one real number (a string, a list, a bool, a complex number, an array of several values):
  "Expected a number", echoing at most 40 characters of what was given; a number typed in quotes
  ("0.5") is told that without the quotes it is a number.
* Any real number is accepted in any type — ``int`` (even ``10**400``), ``float``, ``Fraction``,
  ``Decimal``, numpy scalars, 0-d arrays — and judged by its value, as ``float()`` gives it.
* **Correct** when it is within the tolerance of the expected value — by default relative to the
  expected value's size: 0.1 % of it, but at least 5e-4 (three decimals) for values up to 0.5,
  and at most 5 % of it for values below 0.01 (so 0 is never "correct" for 0.0003);
  ``tolerance=`` sets an absolute tolerance instead. So 1.04 for 1.0397, 0.206 for 0.2063 and
  0.385 for 0.38477 are correct.
* **Close** when it is not, but it is the expected value rounded to as many decimals as the
  learner gave (1.21 for 1.2075, 0.38 for 0.38477): "Close — give one more decimal".
* Otherwise, the hint of the first matching common mistake, or the general hint.
"""

from __future__ import annotations

import decimal
import math
import numbers
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np

from .._validation import shown

__all__ = ["Feedback", "check_number"]

Status = Literal["unanswered", "correct", "wrong"]

#: A decimal number as a learner types it (no nan, inf, hex or other scripts' digits).
_PLAIN_NUMBER = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*", re.ASCII)

#: The default tolerance: this fraction of the expected value's size, …
RELATIVE_TOLERANCE = 1e-3
#: … but at least this much (three decimals) …
ABSOLUTE_TOLERANCE = 5e-4
#: … unless that is more than this fraction of a small expected value.
SMALL_VALUE_TOLERANCE = 0.05


@dataclass(frozen=True)
class Feedback:
    """What a check says about an answer. Shown in a notebook as its message.

    >>> Feedback("correct", "Correct!")
    Correct!
    >>> bool(Feedback("wrong", "Not quite."))
    False
    """

    status: Status
    message: str

    def __repr__(self) -> str:
        return self.message

    def __bool__(self) -> bool:
        return self.status == "correct"


UNANSWERED = Feedback(
    "unanswered", "Not answered yet: replace the ... with your answer and run the cell."
)


def _as_number(answer: object) -> tuple[float, object] | None:
    """The answer's value as a float and the object it came from, or None if it is not one real
    number. Integers and fractions beyond float64's range become ±inf."""
    if isinstance(answer, np.ndarray):
        if np.ma.isMaskedArray(answer) or answer.ndim != 0:
            return None
        answer = answer[()]  # a 0-d array is its one number
    if isinstance(answer, bool | np.bool_):
        return None
    if not isinstance(answer, numbers.Real | decimal.Decimal):
        return None
    try:
        return float(answer), answer
    except OverflowError:  # float(10**400)
        return (math.inf if answer > 0 else -math.inf), answer  # type: ignore[operator]
    except ValueError:  # Decimal("sNaN")
        return math.nan, answer


def _quoted(answer: object) -> str:
    """A hint for a number typed in quotes ('0.5' is text to Python), else ""."""
    if isinstance(answer, str) and len(answer) <= 40 and _PLAIN_NUMBER.fullmatch(answer):
        return f" Without the quotes, {answer.strip()} is a number."
    return ""


def _decimals(answer: object, value: float) -> int | None:
    """How many decimal places the learner gave: 2 for 1.21, 0 for 3, 5 for 1e-05."""
    if not math.isfinite(value):
        return None
    if isinstance(answer, numbers.Integral):
        return 0
    try:
        if isinstance(answer, decimal.Decimal):
            exponent = answer.as_tuple().exponent
        elif isinstance(answer, np.floating):
            exponent = decimal.Decimal(str(answer)).as_tuple().exponent  # float32's own digits
        else:
            exponent = decimal.Decimal(repr(value)).as_tuple().exponent
    except (ValueError, ArithmeticError):  # pragma: no cover - repr of a finite float parses
        return None
    return max(0, -exponent) if isinstance(exponent, int) else None


def _display(answer: object, value: float) -> str:
    """The answer as the messages show it: ``1.0004``, ``Fraction(1, 3)`` → 0.333333, never more
    than 40 characters."""
    if isinstance(answer, numbers.Integral) and not math.isfinite(value):
        return shown(answer)  # 10**400: its first digits
    if isinstance(answer, decimal.Decimal):
        return shown(str(answer)).strip("'")
    return f"{value:g}"


def _tolerance(expected: float, tolerance: float | None) -> float:
    if tolerance is not None:
        return tolerance
    size = abs(expected) if math.isfinite(expected) else 0.0
    floor = min(ABSOLUTE_TOLERANCE, SMALL_VALUE_TOLERANCE * size)
    return max(RELATIVE_TOLERANCE * size, floor, 1e-12)


def _matches(value: float, target: float, tolerance: float | None) -> bool:
    if math.isinf(target) or math.isinf(value):
        return value == target
    return abs(value - target) <= _tolerance(target, tolerance)


def check_number(
    answer: object,
    expected: float,
    *,
    tolerance: float | None = None,
    mistakes: Iterable[tuple[float, str]] = (),
    hint: str = "",
    unit: str = "",
) -> Feedback:
    """Compare a numeric ``answer`` with ``expected``; never raises, whatever ``answer`` is.

    Correct within ``tolerance`` (default: relative to ``expected``'s size, see the module's
    docstring; a number gives an absolute tolerance). An answer that is ``expected`` rounded to
    the learner's own number of decimals, but not yet within the tolerance, is "Close — give
    one more decimal".
    ``mistakes`` pairs the value a common mistake produces with a hint about that mistake; an
    answer matching none of them gets the general ``hint``.

    >>> check_number(..., 1.0)
    Not answered yet: replace the ... with your answer and run the cell.
    >>> check_number(1.0004, 1.0, unit="bits"), check_number(1.0, 1.0, unit="bits")
    (Correct! 1.0004 bits., Correct! 1 bit.)
    >>> check_number(0.693, 1.0, mistakes=[(0.693, "That is in nats.")])
    Not quite: 0.693 is not right. That is in nats.
    >>> check_number(1.21, 1.2075)
    Close — give one more decimal: 1.21 is right to 2 decimal places, but not yet precise enough.
    """
    try:
        return _check_number(answer, expected, tolerance, mistakes, hint, unit)
    except Exception:  # a last resort: a check must never raise in a learner's notebook
        return Feedback("wrong", f"Expected a number, got {shown(answer)}.")


def _check_number(
    answer: object,
    expected: float,
    tolerance: float | None,
    mistakes: Iterable[tuple[float, str]],
    hint: str,
    unit: str,
) -> Feedback:
    if answer is ... or answer is None:
        return UNANSWERED
    number = _as_number(answer)
    if number is None:
        return Feedback("wrong", f"Expected a number, got {shown(answer)}.{_quoted(answer)}")
    value, answer = number
    text = _display(answer, value)
    if unit.endswith("s") and value == 1:
        unit = unit[:-1]  # "1 bit", "2 bits"
    if _matches(value, expected, tolerance):
        return Feedback("correct", f"Correct! {text}{' ' + unit if unit else ''}.")
    for wrong, why in mistakes:
        if _matches(value, wrong, tolerance):
            return Feedback("wrong", f"Not quite: {text} is not right. {why}")
    places = _decimals(answer, value)
    if places is not None and value != 0 and math.isfinite(expected):
        half_unit = 0.5 * 10.0**-places
        if abs(value - expected) <= half_unit * (1 + 1e-9):  # right to its own rounding
            return Feedback(
                "wrong",
                f"Close — give one more decimal: {text} is right to {places} decimal "
                f"place{'' if places == 1 else 's'}, but not yet precise enough.",
            )
    return Feedback("wrong", f"Not quite: {text} is not right. {hint}".rstrip())
