"""Exercise checks for 02_cross_entropy: the cross-entropy of a new pair, and of a one-hot label.

Every expected value is computed with :mod:`helpers`; the hints name the usual slips (the
arguments swapped, nats for bits, entropy instead of cross-entropy, summing over every event).
"""

from __future__ import annotations

import math

import numpy as np

from ..information import cross_entropy, entropy
from ..prefix_codes import kraft_sum
from ._core import Feedback, check_number

__all__ = ["check_code_space", "check_cross_entropy_coin", "check_cross_entropy_one_hot"]

#: Exercise 1: a fair coin P, coded with a code built for a biased coin Q.
COIN_P = (0.5, 0.5)
COIN_Q = (0.25, 0.75)
#: Exercise 2: a one-hot label P (the true class is the second) and a model's prediction Q.
ONE_HOT_P = (0.0, 1.0, 0.0)
ONE_HOT_Q = (0.2, 0.7, 0.1)


def check_cross_entropy_coin(answer: object) -> Feedback:
    """Exercise 1: H(P, Q) in bits for P = (0.5, 0.5), Q = (0.25, 0.75).

    .. math:: H(P, Q) = -\\sum_x P(x) \\log_2 Q(x) \\text{ bits}

    >>> check_cross_entropy_coin(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        cross_entropy(COIN_P, COIN_Q),
        unit="bits",
        mistakes=[
            (
                entropy(COIN_P),
                "1 bit is H(P), the fair coin coded with its own code (and here also H(Q, P), "
                "the arguments swapped). Code P's events with Q's code: -sum P log2 Q.",
            ),
            (
                entropy(COIN_Q),
                "That is H(Q), the entropy of the model; cross-entropy averages Q's code "
                "lengths -log2 Q(x) with P's probabilities.",
            ),
            (cross_entropy(COIN_P, COIN_Q, base=math.e), "That is in nats; bits use log2."),
            (
                float(-np.log2(COIN_Q).sum()),
                "You summed the code lengths; weight each by how often it is used, P(x).",
            ),
        ],
        hint="H(P, Q) = -sum over x of P(x) log2 Q(x); P is the fair coin.",
    )


def check_cross_entropy_one_hot(answer: object) -> Feedback:
    """Exercise 2: H(P, Q) in bits for the one-hot P = (0, 1, 0) and Q = (0.2, 0.7, 0.1).

    .. math:: H(P, Q) = -\\log_2 Q(\\text{true class}) \\text{ bits (one-hot P)}

    >>> check_cross_entropy_one_hot(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        cross_entropy(ONE_HOT_P, ONE_HOT_Q),
        unit="bits",
        mistakes=[
            (
                0.0,
                "0 is the entropy H(P) of the one-hot label; the cross-entropy uses Q's code "
                "and Q is not certain of the true class.",
            ),
            (
                cross_entropy(ONE_HOT_Q, ONE_HOT_P),
                "inf is H(Q, P): the arguments are swapped. P, the label, comes first.",
            ),
            (
                cross_entropy(ONE_HOT_P, ONE_HOT_Q, base=math.e),
                "That is in nats; the question asks for bits (log2).",
            ),
            (
                float(-np.log2(ONE_HOT_Q).sum()),
                "You summed -log2 Q over every class; classes with P(x) = 0 contribute nothing.",
            ),
            (ONE_HOT_Q[1], "That is Q's probability of the true class; take -log2 of it."),
        ],
        hint="Only the true class has P(x) > 0, so H(P, Q) is the surprise -log2 Q(true class).",
    )


#: Exercise 3: the codeword lengths (bits) a four-event prefix code already has.
CODE_SPACE_LENGTHS = (1, 2, 3)


def check_code_space(answer: object) -> Feedback:
    """Exercise 3: the shortest length of a fourth codeword next to codewords of 1, 2 and 3 bits.

    .. math:: \\sum_x 2^{-\\ell(x)} \\le 1 \\;\\Rightarrow\\;
              \\ell_4 \\ge -\\log_2\\Bigl(1 - \\sum_{i \\le 3} 2^{-\\ell_i}\\Bigr)

    >>> check_code_space(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    left = 1.0 - kraft_sum(CODE_SPACE_LENGTHS)
    shortest = -math.log2(left)
    return check_number(
        answer,
        shortest,
        unit="bits",
        tolerance=1e-9,
        mistakes=[
            (left, "That is the share of code space left, not a length: which ℓ has 2^-ℓ = it?"),
            *(
                (float(n), "Too short: with it the shares 2^-ℓ add up to more than 1.")
                for n in range(1, int(shortest))
            ),
            (
                shortest + 1,
                "That length works, but a shorter one does too: it would leave code space unused.",
            ),
        ],
        hint="Add up 2^-ℓ of the three codewords; the fourth may use at most what is left.",
    )
