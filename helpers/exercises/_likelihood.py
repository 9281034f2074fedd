"""Exercise checks for 06_log_loss_and_likelihood: three negative log-likelihoods, in nats.

Every expected value is computed with :mod:`helpers`; the hints name the usual slips (the total
instead of the mean, bits instead of nats, forgetting 1 − ŷ for a label 0, summing over every
class, dropping the Gaussian's constant).
"""

from __future__ import annotations

import math

from ..likelihood import (
    bernoulli_likelihood,
    bernoulli_nll,
    categorical_nll,
    gaussian_nll_from_mse,
)
from ._core import Feedback, check_number

__all__ = [
    "check_bernoulli_nll",
    "check_categorical_nll",
    "check_gaussian_nll",
    "check_nll_difference",
]

#: Exercise 1: three patients' true labels and a model's predicted probabilities of class 1.
PATIENT_LABELS = (1, 0, 1)
PATIENT_PROBS = (0.7, 0.2, 0.9)
#: Exercise 2: two samples' true colour classes (0 red, 1 green, 2 blue) and predicted rows.
COLOUR_CLASSES = (2, 0)
COLOUR_PROBS = ((0.2, 0.3, 0.5), (0.6, 0.3, 0.1))
#: Exercise 3: a regression model's mean squared error and the Gaussian's fixed σ.
REGRESSION_MSE = 0.5
REGRESSION_SIGMA = 2.0
#: Exercise 4: a second model's MSE, under the same σ.
SECOND_MSE = 1.5


def check_bernoulli_nll(answer: object) -> Feedback:
    """Exercise 1: the mean NLL (nats) of labels (1, 0, 1) under ŷ = (0.7, 0.2, 0.9).

    .. math:: -\\tfrac1n \\ln L, \\quad L = \\prod_i \\hat y_i^{y_i} (1 - \\hat y_i)^{1 - y_i}

    >>> check_bernoulli_nll(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    n = len(PATIENT_LABELS)
    return check_number(
        answer,
        bernoulli_nll(PATIENT_LABELS, PATIENT_PROBS),
        unit="nats",
        mistakes=[
            (
                bernoulli_nll(PATIENT_LABELS, PATIENT_PROBS, reduction="sum"),
                f"That is −ln L, the total over the {n} patients; the log loss is the mean: "
                f"divide by {n}.",
            ),
            (
                bernoulli_nll(PATIENT_LABELS, PATIENT_PROBS) / math.log(2),
                "That is in bits (log2); the log loss is in nats (natural log).",
            ),
            (
                bernoulli_likelihood(PATIENT_LABELS, PATIENT_PROBS),
                "That is the likelihood L itself; the question asks for −(1/n) ln L.",
            ),
            (
                bernoulli_nll((1,) * n, PATIENT_PROBS),
                "For the patient with label 0 the model's probability of that label is "
                "1 − ŷ = 0.8, not ŷ = 0.2.",
            ),
        ],
        hint="Multiply the probabilities the model gave to what happened (ŷ for a 1, 1 − ŷ "
        "for a 0), take −ln and divide by the number of patients.",
    )


def check_categorical_nll(answer: object) -> Feedback:
    """Exercise 2: the mean NLL (nats) of classes (2, 0) under two predicted rows.

    .. math:: -\\tfrac1n \\sum_i \\ln \\hat y_{i t_i}

    >>> check_categorical_nll(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    every_class = sum(-math.log(q) for row in COLOUR_PROBS for q in row) / len(COLOUR_PROBS)
    return check_number(
        answer,
        categorical_nll(COLOUR_CLASSES, COLOUR_PROBS),
        unit="nats",
        mistakes=[
            (
                categorical_nll(COLOUR_CLASSES, COLOUR_PROBS, reduction="sum"),
                "That is the total over both samples; take the mean.",
            ),
            (
                categorical_nll(COLOUR_CLASSES, COLOUR_PROBS) / math.log(2),
                "That is in bits (log2); use the natural log for nats.",
            ),
            (
                every_class,
                "Only the probability given to the TRUE class counts: the one-hot label's zeros "
                "remove every other class from the sum.",
            ),
        ],
        hint="Sample 1 is blue (class 2), sample 2 is red (class 0): average −ln of the "
        "probability each row gives its true class.",
    )


def check_gaussian_nll(answer: object) -> Feedback:
    """Exercise 3: the mean Gaussian NLL (nats) for MSE 0.5 and fixed σ = 2.

    .. math:: \\tfrac12 \\ln(2\\pi\\sigma^2) + \\frac{\\text{MSE}}{2\\sigma^2}

    >>> check_gaussian_nll(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    s, mse = REGRESSION_SIGMA, REGRESSION_MSE
    constant = 0.5 * math.log(2 * math.pi * s**2)
    return check_number(
        answer,
        gaussian_nll_from_mse(mse, s),
        unit="nats",
        mistakes=[
            (
                mse / (2 * s**2),
                "That is only MSE / (2σ²): the constant ½ ln(2πσ²) is part of the NLL too.",
            ),
            (
                constant + mse / (2 * s),
                f"The squared error is divided by 2σ² = {2 * s**2:g}, with σ squared.",
            ),
            (
                0.5 * math.log(2 * math.pi * s) + mse / (2 * s**2),
                "Inside the log it is 2πσ², with σ squared.",
            ),
            (constant + mse, "The MSE is divided by 2σ², not added as it is."),
        ],
        hint="Mean NLL = ½ ln(2πσ²) + MSE / (2σ²).",
    )


def check_nll_difference(answer: object) -> Feedback:
    """Exercise 4 (reasoning): how many nats larger the mean Gaussian NLL (fixed σ = 2) of a model
    with MSE 1.5 is than that of a model with MSE 0.5. The constant ½ ln(2πσ²) cancels; only the
    slope 1/(2σ²) of the straight line, times the MSE difference, remains.

    >>> check_nll_difference(1).status
    'wrong'
    """
    s = REGRESSION_SIGMA
    delta = SECOND_MSE - REGRESSION_MSE
    return check_number(
        answer,
        gaussian_nll_from_mse(SECOND_MSE, s) - gaussian_nll_from_mse(REGRESSION_MSE, s),
        unit="nats",
        mistakes=[
            (delta, "That is the MSE difference itself; the NLL scales it by 1/(2σ²)."),
            (delta / (2 * s), "Divide by 2σ², with σ squared."),
            (
                gaussian_nll_from_mse(SECOND_MSE, s),
                "That is the second model's NLL; the question asks for the difference.",
            ),
        ],
        hint="NLL = ½ ln(2πσ²) + MSE/(2σ²): the constant is the same for both models.",
    )
