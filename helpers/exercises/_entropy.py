"""Exercise checks for 01_entropy: surprise, the entropy of a die, entropy in nats.

Every expected value is computed with :mod:`helpers`; the hints name the usual slips (nats for
bits, a probability for a surprise, dividing by ln 2 where one should multiply).
"""

from __future__ import annotations

import math

import numpy as np

from ..information import entropy
from ._core import Feedback, check_number

__all__ = [
    "check_entropy_die",
    "check_entropy_nats",
    "check_entropy_pair",
    "check_entropy_surprise",
]

#: Exercise 1: the surprise of an event with probability 1/16.
SURPRISE_PROBABILITY = 1 / 16
#: Exercise 3: the distribution whose entropy is asked for in nats.
NATS_DISTRIBUTION = (0.25, 0.25, 0.50)


def check_entropy_surprise(answer: object) -> Feedback:
    """Exercise 1: the surprise, in bits, of an event with probability 1/16.

    .. math:: I(x) = -\\log_2 P(x) \\text{ bits}

    >>> check_entropy_surprise(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    p = SURPRISE_PROBABILITY
    expected = float(-np.log2(p))
    return check_number(
        answer,
        expected,
        unit="bits",
        mistakes=[
            (float(-np.log(p)), "That is in nats (natural log); use log base 2 for bits."),
            (p, "That is the probability itself; the surprise is -log2 of it."),
            (float(np.log2(p)), "Mind the sign: log2 of a probability is negative; -log2 is not."),
            (1 / p, "That is 1/P(x); the surprise is the logarithm of it, log2(1/P(x))."),
        ],
        hint="The surprise is -log2 P(x): how many halvings take 1 down to 1/16?",
    )


def check_entropy_die(answer: object) -> Feedback:
    """Exercise 2: the entropy, in bits, of a fair 8-sided die.

    .. math:: H = -\\sum_x P(x) \\log_2 P(x) \\text{ bits}

    >>> check_entropy_die(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    die = np.full(8, 1 / 8)
    return check_number(
        answer,
        entropy(die),
        unit="bits",
        mistakes=[
            (entropy(die, base=math.e), "That is in nats; the question asks for bits (log2)."),
            (8.0, "That is the number of faces; entropy is the logarithm of it for a fair die."),
            (1 / 8, "That is the probability of one face, not the average surprise."),
            (
                entropy(np.full(6, 1 / 6)),
                "That is the entropy of an ordinary 6-sided die; this one has 8 faces.",
            ),
        ],
        hint="Each face has probability 1/8; average the surprise -log2(1/8) over the faces.",
    )


def check_entropy_nats(answer: object) -> Feedback:
    """Exercise 3: the entropy of (0.25, 0.25, 0.5) in nats.

    .. math:: H_{\\text{nats}} = H_{\\text{bits}} \\cdot \\ln 2

    >>> check_entropy_nats(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    bits = entropy(NATS_DISTRIBUTION)
    return check_number(
        answer,
        entropy(NATS_DISTRIBUTION, base=math.e),
        unit="nats",
        mistakes=[
            (bits, "That is in bits; multiply by ln 2 (or use base=math.e) to get nats."),
            (
                bits / math.log(2),
                "You divided by ln 2; to turn bits into nats multiply by ln 2 (a nat is bigger).",
            ),
            (
                entropy(NATS_DISTRIBUTION, base=10),
                "That is in bans (log base 10); nats use the natural log, base e.",
            ),
        ],
        hint="Use helpers.entropy(..., base=math.e), or the bits times ln 2.",
    )


#: Exercise 4: a fair coin and a fair 8-sided die, thrown together (independently).
PAIR_SIDES = (2, 8)


def check_entropy_pair(answer: object) -> Feedback:
    """Exercise 4: the entropy in bits of a fair coin and a fair 8-sided die thrown together.

    .. math:: H(X, Y) = -\\sum_{x, y} P(x)P(y) \\log_2 \\bigl(P(x)P(y)\\bigr) = H(X) + H(Y)
              \\text{ for independent } X, Y

    >>> check_entropy_pair(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    coin, die = (np.full(n, 1.0 / n) for n in PAIR_SIDES)
    joint = np.outer(coin, die).ravel()
    return check_number(
        answer,
        entropy(joint),
        unit="bits",
        mistakes=[
            (
                entropy(die),
                "That is the die alone; the coin adds its own uncertainty (entropies of "
                "independent events add).",
            ),
            (float(joint.size), "That is the number of outcomes, not the bits: take log2 of it."),
            (entropy(joint, base=math.e), "That is in nats; the question asks for bits (log2)."),
        ],
        hint="Each of the 2 × 8 outcomes has probability 1/16; or add the two entropies.",
    )
