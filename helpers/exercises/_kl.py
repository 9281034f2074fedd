"""Exercise checks for 03_kl_divergence: KL of a coin pair, of a one-hot label, from uniform.

Every expected value is computed with :mod:`helpers`; the hints name the usual slips (the total
cross-entropy instead of the extra bits, the direction reversed, nats for bits).
"""

from __future__ import annotations

import math

from ..examples import P as COLOUR_P
from ..information import cross_entropy, entropy, kl_divergence
from ._core import Feedback, check_number
from ._cross_entropy import COIN_P, COIN_Q, ONE_HOT_P, ONE_HOT_Q  # the same pairs as in 02

__all__ = ["check_kl_coin", "check_kl_one_hot", "check_kl_uniform"]


def check_kl_coin(answer: object) -> Feedback:
    """Exercise 1: KL(P‖Q) in bits for P = (0.5, 0.5), Q = (0.25, 0.75).

    .. math:: KL(P \\| Q) = H(P, Q) - H(P) \\text{ bits}

    >>> check_kl_coin(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        kl_divergence(COIN_P, COIN_Q),
        unit="bits",
        mistakes=[
            (
                cross_entropy(COIN_P, COIN_Q),
                "That is the cross-entropy H(P, Q), the TOTAL bits using Q's code; KL is only "
                "the extra bits: subtract H(P).",
            ),
            (
                kl_divergence(COIN_Q, COIN_P),
                "That is KL(Q‖P), the other direction; KL is not symmetric. "
                "Average log2(P/Q) with P's probabilities.",
            ),
            (kl_divergence(COIN_P, COIN_Q, base=math.e), "That is in nats; bits use log2."),
            (entropy(COIN_P), "1 bit is H(P), what P's own code costs; KL is what Q's code adds."),
        ],
        hint="KL(P‖Q) = sum over x of P(x) log2(P(x)/Q(x)) = H(P, Q) - H(P).",
    )


def check_kl_one_hot(answer: object) -> Feedback:
    """Exercise 2: KL(P‖Q) in bits for the one-hot P = (0, 1, 0) and Q = (0.2, 0.7, 0.1).

    .. math:: KL(P \\| Q) = H(P, Q) - H(P) \\text{ bits}

    >>> check_kl_one_hot(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        kl_divergence(ONE_HOT_P, ONE_HOT_Q),
        unit="bits",
        mistakes=[
            (
                0.0,
                "KL is 0 only when Q = P; here Q spreads probability over the wrong classes.",
            ),
            (
                kl_divergence(ONE_HOT_Q, ONE_HOT_P),
                "inf is KL(Q‖P): the direction is reversed. P, the label, comes first.",
            ),
            (
                kl_divergence(ONE_HOT_P, ONE_HOT_Q, base=math.e),
                "That is in nats; the question asks for bits (log2).",
            ),
        ],
        hint="H(P) of a one-hot label is 0, so KL(P‖Q) = H(P, Q) - 0 = -log2 Q(true class).",
    )


def check_kl_uniform(answer: object) -> Feedback:
    """Exercise 3: KL(P‖U) in bits for the colours' P and the uniform U over three colours.

    .. math:: KL(P \\| U) = \\log_2 n - H(P) \\ge 0, \\text{ so } H(P) \\le \\log_2 n

    >>> check_kl_uniform(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    n = len(COLOUR_P)
    uniform = [1.0 / n] * n
    return check_number(
        answer,
        kl_divergence(COLOUR_P, uniform),
        unit="bits",
        mistakes=[
            (entropy(COLOUR_P), "That is H(P); KL(P‖U) is what is left of log2(3) after H(P)."),
            (math.log2(n), "That is log2(3), the entropy of U; subtract H(P) from it."),
            (
                kl_divergence(uniform, COLOUR_P),
                "That is KL(U‖P), the other direction; P, the truth, comes first.",
            ),
            (
                kl_divergence(COLOUR_P, uniform, base=math.e),
                "That is in nats; the question asks for bits (log2).",
            ),
        ],
        hint="KL(P‖U) = H(P, U) - H(P), and H(P, U) = log2(3) for any P over three events.",
    )
