"""Exercise checks for 04_colour_events: an event's terms, and KL for a better model.

Every expected value is computed with :mod:`helpers`; the hints name the usual slips (nats for
bits, a code length not weighted by P, the total H(P, Q) where the extra KL(P‖Q) is asked for).
"""

from __future__ import annotations

import math

from ..examples import P, Q
from ..information import cross_entropy, entropy, kl_divergence
from ..tables import event_contributions
from ._core import Feedback, check_number

__all__ = [
    "check_better_model_kl",
    "check_blue_term_raised",
    "check_green_reverse_kl_term",
    "check_training_minimum",
]

#: Exercise 1: Q with 0.20 moved from red to blue: (red, green, blue).
RAISED_BLUE_Q = (0.60, 0.15, 0.25)
#: Exercise 3: a better model than Q of the colour events (red, green, blue).
BETTER_Q = (0.20, 0.40, 0.40)

_GREEN, _BLUE = 1, 2


def check_blue_term_raised(answer: object) -> Feedback:
    """Exercise 1: blue's term of H(P, Q) in bits once Q(blue) is raised from 0.05 to 0.25.

    .. math:: -P(\\text{blue}) \\log_2 Q(\\text{blue}) \\text{ bits}

    >>> check_blue_term_raised(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    bits = event_contributions(P, RAISED_BLUE_Q)
    return check_number(
        answer,
        float(bits["cross_entropy"][_BLUE]),
        unit="bits",
        mistakes=[
            (
                float(bits["surprise_q"][_BLUE]),
                "That is blue's code length −log₂ Q(blue); weight it by how often blue "
                "happens, P(blue).",
            ),
            (
                float(event_contributions(P, RAISED_BLUE_Q, base=math.e)["cross_entropy"][_BLUE]),
                "That is in nats; use log base 2 for bits.",
            ),
            (
                float(bits["kl"][_BLUE]),
                "That is blue's KL term, only the extra bits; the cross-entropy term is the "
                "whole cost −P(blue) log₂ Q(blue).",
            ),
            (
                float(event_contributions(P, Q)["cross_entropy"][_BLUE]),
                "That is blue's term for the original Q, with Q(blue) = 0.05; use 0.25.",
            ),
        ],
        hint="Multiply how often blue happens, P(blue), by its new code length −log₂ 0.25.",
    )


def check_green_reverse_kl_term(answer: object) -> Feedback:
    """Exercise 2: green's term of KL(Q‖P) in bits — the reverse direction, Q as the truth.

    .. math:: Q(\\text{green}) \\log_2 \\frac{Q(\\text{green})}{P(\\text{green})} \\text{ bits}

    >>> check_green_reverse_kl_term(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    term = float(event_contributions(Q, P)["kl"][_GREEN])
    return check_number(
        answer,
        term,
        unit="bits",
        mistakes=[
            (
                -term,
                "Mind the sign: Q(green) < P(green), so log₂(Q/P) is negative, and so is the term.",
            ),
            (
                float(event_contributions(Q, P, base=math.e)["kl"][_GREEN]),
                "That is in nats; use log base 2 for bits.",
            ),
            (
                float(event_contributions(P, Q)["kl"][_GREEN]),
                "That is green's term of KL(P‖Q), the first direction; in KL(Q‖P) the weight is "
                "Q(green) and the ratio Q/P.",
            ),
            (
                math.log2(Q[_GREEN] / P[_GREEN]),
                "That is log₂(Q/P) alone; weight it by Q(green).",
            ),
            (
                float(event_contributions(Q, P)["cross_entropy"][_GREEN]),
                "That is green's term of the cross-entropy H(Q, P); the KL term is Q log₂(Q/P).",
            ),
        ],
        hint="With Q as the truth: Q(green) · log₂(Q(green) / P(green)); it may be negative.",
    )


def check_better_model_kl(answer: object) -> Feedback:
    """Exercise 3: KL(P‖Q') in bits for the better model Q' = (0.2, 0.4, 0.4).

    .. math:: KL(P \\| Q') = \\sum_x P(x) \\log_2 \\frac{P(x)}{Q'(x)} \\text{ bits}

    >>> check_better_model_kl(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        kl_divergence(P, BETTER_Q),
        unit="bits",
        mistakes=[
            (
                cross_entropy(P, BETTER_Q),
                "That is H(P, Q'), the total bits; the extra bits are KL(P‖Q') = H(P, Q') − H(P).",
            ),
            (
                kl_divergence(P, BETTER_Q, base=math.e),
                "That is in nats; use log base 2 for bits.",
            ),
            (
                kl_divergence(BETTER_Q, P),
                "That is KL(Q'‖P), the other direction; weight by P, the true distribution.",
            ),
            (
                kl_divergence(P, Q),
                "That is KL(P‖Q) for the old model Q; use Q' = (0.2, 0.4, 0.4).",
            ),
            (entropy(P), "That is H(P), which does not depend on the model at all."),
        ],
        hint="Use helpers.kl_divergence(P, Q'), or H(P, Q') − H(P), with Q' = (0.2, 0.4, 0.4).",
    )


#: Exercise 4: a training sample of four colours (blue, blue, green, blue), as event indices.
TRAINING_SAMPLE = (2, 2, 1, 2)


def check_training_minimum(answer: object) -> Feedback:
    """Exercise 4: the smallest average −log2 Q(x_i) any model reaches on the training sample.

    .. math:: \\min_Q \\frac{1}{n}\\sum_i -\\log_2 Q(x_i) = \\min_Q H(\\hat P, Q) = H(\\hat P)

    reached by Q = P̂, the sample's empirical distribution (bits).

    >>> check_training_minimum(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    counts = [TRAINING_SAMPLE.count(i) for i in range(len(P))]
    p_hat = [c / len(TRAINING_SAMPLE) for c in counts]
    return check_number(
        answer,
        entropy(p_hat),
        unit="bits",
        mistakes=[
            (entropy(P), "That is H(P), the floor on FRESH data; this model sees only four draws."),
            (
                cross_entropy(p_hat, P),
                "That is the average loss of the true P on these draws; a model fitted to them "
                "does better.",
            ),
            (cross_entropy(p_hat, Q), "That is the average loss of Q; it is not the best model."),
            (0.0, "Only a sample of one colour could be coded with 0 bits; this one has two."),
            (entropy(p_hat, base=math.e), "That is in nats; the question asks for bits (log2)."),
        ],
        hint="The best model is the sample's own distribution P̂; its average loss is H(P̂).",
    )
