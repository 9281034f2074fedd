"""The machinery every exercise check shares: compare an answer, never raise, always say why."""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = ["Feedback", "check_number"]

Status = Literal["unanswered", "correct", "wrong"]


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


def check_number(
    answer: object,
    expected: float,
    *,
    tolerance: float = 5e-4,
    mistakes: Iterable[tuple[float, str]] = (),
    hint: str = "",
    unit: str = "",
) -> Feedback:
    """Compare a numeric ``answer`` with ``expected`` (absolute ``tolerance``); never raises.

    ``mistakes`` pairs the value a common mistake produces with a hint about that mistake; an
    answer matching none of them gets the general ``hint``.

    >>> check_number(..., 1.0)
    Not answered yet: replace the ... with your answer and run the cell.
    >>> check_number(1.0004, 1.0, unit="bits"), check_number(1.0, 1.0, unit="bits")
    (Correct! 1.0004 bits., Correct! 1 bit.)
    >>> check_number(0.693, 1.0, mistakes=[(0.693, "That is in nats.")])
    Not quite: 0.693 is not right. That is in nats.
    """
    if answer is ... or answer is None:
        return UNANSWERED
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return Feedback("wrong", f"Expected a number, got {answer!r}.")
    value = float(answer)
    if unit.endswith("s") and value == 1:
        unit = unit[:-1]  # "1 bit", "2 bits"
    if math.isinf(expected) and value == expected:
        return Feedback("correct", f"Correct! {value}{' ' + unit if unit else ''}.")
    if math.isfinite(value) and abs(value - expected) <= tolerance:
        return Feedback("correct", f"Correct! {answer:g}{' ' + unit if unit else ''}.")
    for wrong, why in mistakes:
        if (math.isinf(wrong) and value == wrong) or abs(value - wrong) <= tolerance:
            return Feedback("wrong", f"Not quite: {answer:g} is not right. {why}")
    return Feedback("wrong", f"Not quite: {answer:g} is not right. {hint}".rstrip())
