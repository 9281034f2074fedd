"""Exercise checks for 05_binary_cross_entropy: one sample's loss, a mean loss, a loss in bits.

Every expected value is computed with :mod:`helpers`; the hints name the usual slips (−ln(1 − ŷ)
where y = 1 needs −ln ŷ, bits for nats, a sum for a mean, a change not made).
"""

from __future__ import annotations

import math

import numpy as np

from ..examples import Y_PROB, Y_TRUE
from ..losses import binary_cross_entropy
from ._core import Feedback, check_number

__all__ = [
    "check_changed_mean_loss",
    "check_coin_flip_bits",
    "check_new_sample_loss",
    "check_no_skill_bits",
]

#: Exercise 1: a new sample's true label and predicted probability of class 1.
NEW_SAMPLE = (1, 0.3)
#: Exercise 2: which sample's prediction changes (1-based, as in the table) and its new value.
CHANGED_SAMPLE, CHANGED_PROB = 4, 0.9
#: Exercise 3: the prediction of a model that always says "50 : 50".
COIN_FLIP = 0.5
#: Exercise 4: 100 e-mails of which 20 are spam; a model that knows nothing about the e-mails.
SPAM, EMAILS = 20, 100


def check_new_sample_loss(answer: object) -> Feedback:
    """Exercise 1: the loss, in nats, of a sample with y = 1 and ŷ = 0.3.

    .. math:: \\ell = -[y \\ln \\hat y + (1 - y) \\ln (1 - \\hat y)]

    >>> check_new_sample_loss(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    y, p = NEW_SAMPLE
    return check_number(
        answer,
        binary_cross_entropy([y], [p]),
        unit="nats",
        mistakes=[
            (
                binary_cross_entropy([1 - y], [p]),
                "That is −ln(1 − ŷ), the loss if the label were 0; for y = 1 only −ln ŷ remains.",
            ),
            (-math.log2(p), "That is in bits; losses use the natural log (nats)."),
            (-math.log10(p), "That uses log base 10; losses use the natural log (nats)."),
            (math.log(p), "Mind the sign: ln ŷ is negative; the loss is −ln ŷ."),
            (1 - p, "That is 1 − ŷ, not a loss; take −ln of the probability given to class 1."),
        ],
        hint="With y = 1 the loss is −ln ŷ: use math.log, or helpers.binary_cross_entropy.",
    )


def _changed_probs() -> np.ndarray:
    probs = np.array(Y_PROB, dtype=float)
    probs[CHANGED_SAMPLE - 1] = CHANGED_PROB
    return probs


def check_changed_mean_loss(answer: object) -> Feedback:
    """Exercise 2: the mean loss in nats after sample 4's prediction changes from 0.6 to 0.9.

    .. math:: \\bar\\ell = \\frac{1}{10} \\sum_i \\ell_i

    >>> check_changed_mean_loss(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    probs = _changed_probs()
    new = binary_cross_entropy(Y_TRUE, probs)
    wrong_term = probs.copy()
    wrong_term[CHANGED_SAMPLE - 1] = 1 - CHANGED_PROB
    return check_number(
        answer,
        new,
        unit="nats",
        mistakes=[
            (
                binary_cross_entropy(Y_TRUE, Y_PROB),
                "That is the mean before the change; set sample 4's ŷ to 0.9 first.",
            ),
            (
                binary_cross_entropy(Y_TRUE, probs, reduction="sum"),
                "That is the sum of the ten losses; the mean divides it by 10.",
            ),
            (new / math.log(2), "That is in bits; the question asks for nats."),
            (
                binary_cross_entropy(Y_TRUE, wrong_term),
                "Sample 4 has label y = 1, so its loss is −ln ŷ = −ln 0.9, not −ln(1 − 0.9).",
            ),
        ],
        hint="Copy Y_PROB, set sample 4 (index 3) to 0.9, and take the mean loss of all ten.",
    )


def check_coin_flip_bits(answer: object) -> Feedback:
    """Exercise 3: the mean loss, in bits, of a model that predicts ŷ = 0.5 for every sample.

    .. math:: -\\log_2 \\hat y \\text{ or } -\\log_2 (1 - \\hat y) \\text{ per sample, averaged}

    >>> check_coin_flip_bits(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    probs = np.full(len(Y_TRUE), COIN_FLIP)
    nats = binary_cross_entropy(Y_TRUE, probs)
    return check_number(
        answer,
        nats / math.log(2),
        unit="bits",
        mistakes=[
            (nats, "That is in nats (ln 2); divide by ln 2 for bits."),
            (nats * math.log(2), "You multiplied by ln 2; to turn nats into bits divide by it."),
            (
                binary_cross_entropy(Y_TRUE, probs, reduction="sum") / math.log(2),
                "That is the sum over the ten samples; the question asks for the mean.",
            ),
            (COIN_FLIP, "That is the prediction ŷ itself, not its loss −log₂ ŷ."),
        ],
        hint="Every sample's loss is −ln 0.5 nats, whatever its label; convert to bits.",
    )


def check_no_skill_bits(answer: object) -> Feedback:
    """Exercise 4 (reasoning): the mean loss, in bits, of the best model that knows nothing about
    the inputs, on 100 e-mails of which 20 are spam. It predicts one constant ŷ for all; the
    best constant is the base rate π, and its loss is the entropy of the prior, H(π).

    >>> check_no_skill_bits(1).status
    'wrong'
    """
    prior = SPAM / EMAILS
    labels = np.r_[np.ones(SPAM), np.zeros(EMAILS - SPAM)]
    nats = binary_cross_entropy(labels, np.full(EMAILS, prior))
    return check_number(
        answer,
        nats / math.log(2),
        unit="bits",
        mistakes=[
            (1.0, "1 bit is the no-skill bar only for balanced classes; here 20 % are spam."),
            (nats, "That is in nats; divide by ln 2 for bits."),
            (prior, "That is the base rate π itself, not its loss H(π)."),
            (
                -math.log2(prior),
                "That is −log₂ π, the loss of a spam e-mail only; average over all.",
            ),
        ],
        hint="Predict ŷ = π = 0.2 for every e-mail; its mean loss is the entropy of the prior, "
        "H(π) = −π log₂ π − (1 − π) log₂(1 − π).",
    )
