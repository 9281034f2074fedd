"""Exercise checks for 09_cross_entropy_in_the_frameworks: the loss at initialisation, a wiring
diagnosis (a choice), PyTorch's weighted mean, and the focal factor.

Every expected value is computed here with ``helpers`` — the choice too: its answer is the option
whose finding :func:`helpers.diagnose.diagnose` reports for the exercise's arrays. The constants
below are the exercises' inputs, as stated in the notebook.
"""

from __future__ import annotations

import math

import numpy as np

from ..diagnose import diagnose
from ..frameworks import focal_loss_with_logits, weighted_cross_entropy_with_logits
from ..losses import softmax, softmax_cross_entropy_with_logits
from ._core import Feedback, check_number

__all__ = [
    "check_focal_ratio",
    "check_initial_loss",
    "check_weighted_mean",
    "check_wiring_choice",
]

#: Exercise 1: the number of classes of a freshly initialised classifier.
INITIAL_CLASSES = 100

#: Exercise 2: the options, each the diagnose() finding it stands for.
WIRING_OPTIONS = {
    1: "indices_where_one_hot_expected",
    2: "probabilities_as_logits",
    3: "huge_logits",
    4: "labels_out_of_class_range",
}
#: Exercise 2: the model's last layer is a softmax over 10 classes; the loss expects logits.
WIRING_LOGITS = np.array(
    [
        [2.0, 0.5, -1.0, 0.0, 0.3, -0.2, 1.1, -0.7, 0.2, 0.0],
        [-0.5, 1.5, 0.2, 0.1, -1.0, 0.4, 0.0, 0.3, -0.3, 0.6],
    ]
)
WIRING_LABELS = np.array([0, 1])

#: Exercise 3: PyTorch CrossEntropyLoss(weight=...) on three samples.
WEIGHTED_LABELS = np.array([0, 0, 1])
WEIGHTED_LOGITS = np.array([[1.0, 0.0], [2.0, 0.0], [1.0, 0.0]])
WEIGHTED_CLASS_WEIGHTS = np.array([1.0, 4.0])

#: Exercise 4: the focal loss with γ = 2 against the cross-entropy, at true-class probability 0.9.
FOCAL_GAMMA = 2.0
FOCAL_P = 0.9


def check_initial_loss(answer: object) -> Feedback:
    """Exercise 1: the loss, in nats, of a 100-class classifier that predicts the uniform
    distribution (all logits equal), as it roughly does at initialisation.

    >>> check_initial_loss(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    logits = np.zeros((1, INITIAL_CLASSES))
    expected = softmax_cross_entropy_with_logits([0], logits)
    return check_number(
        answer,
        expected,
        mistakes=[
            (expected / math.log(2), "That is in bits (log base 2); losses are in nats."),
            (expected / math.log(10), "That is log base 10; losses use the natural log."),
            (1 / INITIAL_CLASSES, "That is the true class's probability; the loss is −ln of it."),
            (math.log(2), "That is ln 2, the binary case; here there are 100 classes."),
        ],
        hint="Uniform predictions give every class 1/k, and the loss is −ln(1/k) = ln k.",
        unit="nats",
    )


def _wiring_answer() -> int:
    codes = diagnose(WIRING_LABELS, softmax(WIRING_LOGITS), "indices_logits").codes
    return next(option for option, code in WIRING_OPTIONS.items() if code in codes)


def check_wiring_choice(answer: object) -> Feedback:
    """Exercise 2 (a choice, 1–4): a network ending in softmax, compiled with
    ``SparseCategoricalCrossentropy(from_logits=True)``, whose loss stays near ln 10.

    >>> check_wiring_choice(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        _wiring_answer(),
        tolerance=0.01,
        mistakes=[
            (1, "The labels are class indices and the loss is the sparse one: they match."),
            (
                3,
                "Logits this large would make the loss large, not stuck near ln 10; and the "
                "softmax outputs are all in [0, 1].",
            ),
            (
                4,
                "Class indices 0 to 9 are valid for 10 classes, and an out-of-range label "
                "raises an error rather than leaving the loss stuck near ln 10.",
            ),
        ],
        hint="Answer with the option's number, 1, 2, 3 or 4.",
    )


def check_weighted_mean(answer: object) -> Feedback:
    """Exercise 3: PyTorch's ``CrossEntropyLoss(weight=[1, 4])`` (reduction="mean") on three
    samples: the weighted losses summed, divided by the sum of the targets' weights.

    >>> check_weighted_mean(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    expected = weighted_cross_entropy_with_logits(
        WEIGHTED_LABELS, WEIGHTED_LOGITS, WEIGHTED_CLASS_WEIGHTS
    )
    per_sample = weighted_cross_entropy_with_logits(
        WEIGHTED_LABELS, WEIGHTED_LOGITS, WEIGHTED_CLASS_WEIGHTS, reduction="none"
    )
    unweighted = softmax_cross_entropy_with_logits(WEIGHTED_LABELS, WEIGHTED_LOGITS)
    return check_number(
        answer,
        expected,
        mistakes=[
            (
                float(per_sample.mean()),
                "That divides by n = 3; PyTorch divides the weighted sum "
                "by the sum of the targets' weights, 1 + 1 + 4.",
            ),
            (unweighted, "That is the unweighted mean; multiply each loss by its class's weight."),
            (
                float(per_sample.sum()),
                "That is the weighted sum; PyTorch's mean divides it by "
                "the sum of the targets' weights.",
            ),
        ],
        hint="Weight each sample's loss by its class's weight, sum, and divide by 1 + 1 + 4.",
        unit="nats",
    )


def check_focal_ratio(answer: object) -> Feedback:
    """Exercise 4: focal loss (γ = 2) divided by cross-entropy at true-class probability 0.9.

    .. math:: \\frac{-(1 - p_t)^\\gamma \\ln p_t}{-\\ln p_t}

    >>> check_focal_ratio(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    logits = np.array([[math.log(FOCAL_P), math.log(1 - FOCAL_P)]])
    focal = focal_loss_with_logits([0], logits, FOCAL_GAMMA)
    ce = focal_loss_with_logits([0], logits, 0.0)
    return check_number(
        answer,
        focal / ce,
        tolerance=1e-5,
        mistakes=[
            (ce / focal, "That is upside down: the focal loss is the smaller one."),
            (1 - FOCAL_P, "That is (1 − p) itself; the factor is (1 − p)^γ with γ = 2."),
            (FOCAL_P**FOCAL_GAMMA, "That is p^γ; the factor is (1 − p)^γ."),
            (focal, "That is the focal loss itself; the question asks for the ratio to −ln p."),
        ],
        hint="The focal loss is the cross-entropy times (1 − p)^γ.",
    )
