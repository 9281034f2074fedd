"""Exercise checks for 08_cross_entropy_in_practice: losses from logits, gradients, smoothing.

Every expected value is computed here with ``helpers``; the constants below are the exercises'
inputs, as stated in the notebook.
"""

from __future__ import annotations

import math

import numpy as np

from ..information import entropy
from ..losses import binary_cross_entropy_with_logits, sigmoid, smooth_labels, softplus
from ..training import gradient_wrt_logit
from ._core import Feedback, check_number

__all__ = [
    "check_ce_gradient",
    "check_gradient_ratio",
    "check_logit_loss",
    "check_smoothed_optimum",
]

#: Exercise 1: the loss of a sample with label 0 whose logit is 40.
LOGIT_LOSS_LABEL = 0
LOGIT_LOSS_Z = 40.0

#: Exercise 2: a positive sample (y = 1) with logit −3.
RATIO_Y = 1
RATIO_Z = -3.0

#: Exercise 3: a negative sample (y = 0) with logit 2: ∂CE/∂z = σ(z) − y by reasoning.
CE_GRAD_Y = 0
CE_GRAD_Z = 2.0

#: Exercise 4: label smoothing with k = 10 classes and ε = 0.1.
SMOOTH_CLASSES = 10
SMOOTH_EPSILON = 0.1


def check_logit_loss(answer: object) -> Feedback:
    """Exercise 1: binary cross-entropy (nats) of label 0 with logit z = 40.

    >>> check_logit_loss(...)
    Not answered yet: replace the ... with your answer and run the cell.
    >>> check_logit_loss(float("inf")).status
    'wrong'
    """
    expected = binary_cross_entropy_with_logits([LOGIT_LOSS_LABEL], [LOGIT_LOSS_Z])
    label_one = float(softplus(-LOGIT_LOSS_Z))  # the loss if the label were 1
    return check_number(
        answer,
        expected,
        mistakes=[
            (
                math.inf,
                "That is the naive −ln(1 − σ(z)): σ(40) rounds to 1 in float64. "
                "Use softplus(z) = ln(1 + e^z) instead.",
            ),
            (label_one, "That is the loss for label 1, −ln σ(40). The label here is 0."),
            (expected / math.log(2), "That is in bits; losses are in nats (natural log)."),
        ],
        hint="For label 0 the loss is −ln(1 − σ(z)) = softplus(z) = ln(1 + e^z).",
        unit="nats",
    )


def check_gradient_ratio(answer: object) -> Feedback:
    """Exercise 2: for y = 1 and z = −3, the fraction of the cross-entropy gradient that squared
    error keeps: ∂SE/∂z divided by ∂CE/∂z (a number below 1).

    >>> check_gradient_ratio(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    ce = float(gradient_wrt_logit(RATIO_Y, RATIO_Z))
    se = float(gradient_wrt_logit(RATIO_Y, RATIO_Z, "squared_error"))
    s = float(sigmoid(RATIO_Z))
    return check_number(
        answer,
        se / ce,
        mistakes=[
            (
                ce / se,
                "That is how many times larger the cross-entropy gradient is (∂CE/∂z ÷ ∂SE/∂z); "
                "the question asks for the fraction squared error keeps, ∂SE/∂z ÷ ∂CE/∂z.",
            ),
            (s, "That is σ(z) alone; the factor is σ(z)·(1 − σ(z))."),
            (
                se,
                "That is the squared-error gradient itself; divide it by the "
                "cross-entropy gradient σ(z) − y.",
            ),
            (ce, "That is the cross-entropy gradient σ(z) − y; the question asks for a ratio."),
            (-se / ce, "Both gradients are negative here, so their ratio is positive."),
        ],
        hint="The ratio is the extra factor σ(z)·(1 − σ(z)) at z = −3.",
    )


def check_ce_gradient(answer: object) -> Feedback:
    """Exercise 3 (reasoning with ∂CE/∂z = σ(z) − y): the cross-entropy gradient with respect to
    the logit for a sample with label 0 and logit z = 2. Its sign says which way the logit moves.

    >>> check_ce_gradient(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    expected = float(gradient_wrt_logit(CE_GRAD_Y, CE_GRAD_Z))
    s = float(sigmoid(CE_GRAD_Z))
    return check_number(
        answer,
        expected,
        mistakes=[
            (s - 1, "That is σ(z) − 1, the gradient for label 1; this sample's label is 0."),
            (-expected, "Mind the sign: σ(z) − y with y = 0 is positive, so the step lowers z."),
            (
                float(gradient_wrt_logit(CE_GRAD_Y, CE_GRAD_Z, "squared_error")),
                "That is the squared-error gradient; cross-entropy's has no σ(z)(1 − σ(z)) factor.",
            ),
        ],
        hint="Use ∂CE/∂z = σ(z) − y with y = 0 and z = 2 (helpers.sigmoid gives σ).",
    )


def check_smoothed_optimum(answer: object) -> Feedback:
    """Exercise 4: the loss-minimising predicted probability of the true class under label
    smoothing with k = 10 classes and ε = 0.1.

    >>> bool(check_smoothed_optimum(1))
    False
    """
    target = smooth_labels([0], SMOOTH_CLASSES, SMOOTH_EPSILON)[0]
    other = float(target[1])
    return check_number(
        answer,
        float(target[0]),
        mistakes=[
            (
                1.0,
                "With a smoothed target the best prediction is the smoothed target itself, "
                "never a one-hot.",
            ),
            (
                1 - SMOOTH_EPSILON,
                "Close: the true class keeps 1 − ε and also gets its share ε/k of the spread mass.",
            ),
            (other, "That is the probability each wrong class should get, ε/k."),
            (
                float(entropy(target, base=np.e)),
                "That is the smallest loss (the smoothed "
                "target's entropy in nats), not the best probability.",
            ),
        ],
        hint="The cross-entropy H(y_LS, q) is smallest at q = y_LS = (1 − ε)·y + ε/k.",
    )
