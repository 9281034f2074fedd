"""Exercise checks for 10_soft_targets_and_divergences: a mixup target's floor, scipy's
Jensen–Shannon trap, the direction of KL in variational inference, and a mutual information.

Every expected value is computed with :mod:`helpers`; the constants below are the exercises'
inputs, as the notebook states them. The hints name the usual slips (bits for nats, the square
root for the divergence, the other direction of KL, a conditional entropy for the information).
"""

from __future__ import annotations

import math

from ..divergences import conditional_entropy, joint_entropy, mutual_information
from ..information import entropy
from ._core import Feedback, check_number

__all__ = [
    "check_js_from_scipy",
    "check_mixup_floor",
    "check_mutual_information",
    "check_reverse_kl_choice",
]

#: Exercise 1: mixup of a class-A and a class-B sample with λ = 0.7.
MIXUP_LAMBDA = 0.7

#: Exercise 2: what ``scipy.spatial.distance.jensenshannon(p, q)`` (default base) returned.
SCIPY_JS_VALUE = 0.5

#: Exercise 3: the choices, as the notebook lists them; the right one is 2.
REVERSE_KL_CHOICES = {
    1: "Q spreads over both modes, its mean between them",
    2: "Q sits on one mode and ignores the other",
    3: "Q reproduces both modes exactly",
}
REVERSE_KL_ANSWER = 2

#: Exercise 4: a joint table of a binary feature X (rows) and a binary class Y (columns).
MI_TABLE = ((0.4, 0.1), (0.1, 0.4))


def check_mixup_floor(answer: object) -> Feedback:
    """Exercise 1: the smallest cross-entropy (nats) any prediction can reach against the mixup
    target λ·y_a + (1 − λ)·y_b with λ = 0.7.

    .. math:: \\min_q H(\\tilde y, q) = H(\\tilde y)

    >>> check_mixup_floor(...)
    Not answered yet: replace the ... with your answer and run the cell.
    >>> "cannot reach 0" in check_mixup_floor(0).message
    True
    """
    target = (MIXUP_LAMBDA, 1.0 - MIXUP_LAMBDA)
    return check_number(
        answer,
        entropy(target, base=math.e),
        unit="nats",
        mistakes=[
            (
                0.0,
                "With a soft target the loss cannot reach 0: its minimum is the target's entropy "
                "H(ỹ), reached when the prediction equals the target.",
            ),
            (entropy(target), "That is in bits; losses are in nats (natural log)."),
            (
                -math.log(MIXUP_LAMBDA),
                "That is −ln 0.7, only class A's term. The target has two non-zero entries; "
                "the minimum is H(ỹ) = −0.7 ln 0.7 − 0.3 ln 0.3.",
            ),
        ],
        hint="The minimum of H(ỹ, q) over q is H(ỹ), at q = ỹ = (0.7, 0.3).",
    )


def check_js_from_scipy(answer: object) -> Feedback:
    """Exercise 2: ``scipy.spatial.distance.jensenshannon(p, q)`` returned 0.5 with its default
    base; the Jensen–Shannon divergence in bits.

    >>> check_js_from_scipy(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    nats = SCIPY_JS_VALUE**2
    return check_number(
        answer,
        nats / math.log(2),
        unit="bits",
        mistakes=[
            (
                SCIPY_JS_VALUE,
                "scipy returns the Jensen–Shannon *distance*, the square root of the divergence, "
                "and in nats by default: square it, then convert to bits.",
            ),
            (nats, "Squared: good. That is the divergence in nats; divide by ln 2 for bits."),
            (
                SCIPY_JS_VALUE / math.log(2),
                "Converted to bits, but still a square root; square the distance first.",
            ),
            (
                (SCIPY_JS_VALUE / math.log(2)) ** 2,
                "A distance in bits is the distance in nats divided by √(ln 2), not by ln 2: "
                "square first, then divide the divergence by ln 2.",
            ),
        ],
        hint="JS in nats = distance²; JS in bits = JS in nats / ln 2.",
    )


def check_reverse_kl_choice(answer: object) -> Feedback:
    """Exercise 3: fitting one Gaussian Q to a two-mode posterior P by minimising KL(Q‖P)
    (variational inference) — which choice describes the usual result?

    >>> check_reverse_kl_choice(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        REVERSE_KL_ANSWER,
        tolerance=0.0,
        mistakes=[
            (
                1,
                "That is what the forward KL(P‖Q) does (mass-covering). KL(Q‖P) averages "
                "log(Q/P) over Q, so Q is punished heavily wherever P is small — such as the "
                "valley between the modes.",
            ),
            (3, "One Gaussian has one peak; it cannot reproduce two."),
        ],
        hint="Answer with the number of the choice: 1, 2 or 3.",
    )


def check_mutual_information(answer: object) -> Feedback:
    """Exercise 4: I(X; Y) in bits for the joint table ((0.4, 0.1), (0.1, 0.4)).

    .. math:: I(X; Y) = H(Y) - H(Y \\mid X)

    >>> check_mutual_information(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        mutual_information(MI_TABLE),
        unit="bits",
        mistakes=[
            (
                mutual_information(MI_TABLE, base=math.e),
                "That is in nats; the question asks for bits (log2).",
            ),
            (
                conditional_entropy(MI_TABLE),
                "That is H(Y | X), what is left unknown; I(X; Y) = H(Y) − H(Y | X) is what X "
                "tells about Y.",
            ),
            (joint_entropy(MI_TABLE), "That is the joint entropy H(X, Y)."),
            (1.0, "1 bit is H(Y); subtract H(Y | X)."),
        ],
        hint="I(X; Y) = H(Y) − H(Y | X), or KL(P(x, y) ‖ P(x) P(y)).",
    )
