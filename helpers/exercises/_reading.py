"""Exercise checks for 07_reading_cross_entropy_values: clipping, skill and perplexity.

Every expected value is computed with :mod:`helpers`; the hints name the usual slips (another
framework's clipping, the 50 % baseline at another prevalence, a ratio instead of a skill score,
e raised to a cross-entropy in bits).
"""

from __future__ import annotations

import math

import numpy as np

from ..likelihood import baseline_log_loss, log_loss_skill, perplexity
from ..losses import binary_cross_entropy
from ._core import Feedback, check_number

__all__ = [
    "check_below_the_floor",
    "check_clipped_loss",
    "check_perplexity_bits",
    "check_skill_score",
]

#: Exercise 1: the clipping margin older scikit-learn versions used in log_loss.
OLD_SKLEARN_EPS = 1e-15
#: Exercise 2: a model's log loss (nats) on data with this prevalence of positives.
SKILL_LOG_LOSS = 0.20
SKILL_PREVALENCE = 0.10
#: Exercise 3: a language model's cross-entropy, in bits per token.
LM_BITS_PER_TOKEN = 3.2
#: Exercise 4: the right option of the choice (the floor holds in expectation only).
FLOOR_ANSWER = 2


def check_clipped_loss(answer: object) -> Feedback:
    """Exercise 1: the loss (nats) of ŷ = 0 for label 1 when ŷ is clipped at 1e-15.

    .. math:: -\\ln \\max(\\hat y, \\varepsilon) \\text{ nats, for label 1}

    >>> check_clipped_loss(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        binary_cross_entropy([1], [0.0], eps=OLD_SKLEARN_EPS),
        unit="nats",
        mistakes=[
            (
                binary_cross_entropy([1], [0.0], eps=float(np.finfo(float).eps)),
                "That is today's clip at float64's machine epsilon (2.2e-16); this one is 1e-15.",
            ),
            (
                binary_cross_entropy([1], [0.0], eps=1e-7),
                "That is Keras's clip at 1e-7; this one is 1e-15.",
            ),
            (math.inf, "Without clipping it is infinite; the clip replaces ŷ = 0 by 1e-15."),
            (-math.log10(OLD_SKLEARN_EPS), "That is log base 10; the log loss uses ln."),
            (-math.log2(OLD_SKLEARN_EPS), "That is in bits (log2); the log loss is in nats."),
        ],
        hint="The clipped prediction is 1e-15, so the loss is −ln(1e-15).",
    )


def check_skill_score(answer: object) -> Feedback:
    """Exercise 2: the skill score of log loss 0.20 nats on data with 10 % positives.

    .. math:: 1 - \\frac{LL}{H(\\pi)}

    >>> check_skill_score(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    baseline = baseline_log_loss(SKILL_PREVALENCE)
    return check_number(
        answer,
        log_loss_skill(SKILL_LOG_LOSS, baseline),
        mistakes=[
            (
                SKILL_LOG_LOSS / baseline,
                "That is LL / LL_baseline; the skill score is 1 minus that ratio.",
            ),
            (
                log_loss_skill(SKILL_LOG_LOSS, baseline_log_loss(0.5)),
                "That uses ln 2, the baseline at 50 % prevalence; here only 10 % are positive.",
            ),
            (
                log_loss_skill(SKILL_LOG_LOSS, baseline / math.log(2)),
                "That baseline is in bits; the model's log loss is in nats.",
            ),
            (
                baseline - SKILL_LOG_LOSS,
                "That is the improvement in nats; divide it by the baseline to get the skill.",
            ),
            (1 - SKILL_LOG_LOSS, "Compare with the no-skill baseline H(0.1), not with 1."),
        ],
        hint="The baseline predicts 0.1 for everyone and scores H(0.1) = −0.1 ln 0.1 − 0.9 ln 0.9; "
        "skill = 1 − LL / baseline.",
    )


def check_perplexity_bits(answer: object) -> Feedback:
    """Exercise 3: the perplexity of a cross-entropy of 3.2 bits per token.

    .. math:: \\mathrm{PP} = 2^{H_\\text{bits}}

    >>> check_perplexity_bits(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        perplexity(LM_BITS_PER_TOKEN, base=2),
        tolerance=5e-3,
        mistakes=[
            (
                perplexity(LM_BITS_PER_TOKEN),
                "That is e^3.2, right for nats; a cross-entropy in bits needs 2^H.",
            ),
            (
                LM_BITS_PER_TOKEN * math.log(2),
                "That converts the bits to nats; perplexity is the exponential: e^(that).",
            ),
            (LM_BITS_PER_TOKEN, "That is the cross-entropy itself; perplexity is 2 to its power."),
        ],
        hint="Perplexity = 2^H for H in bits (= e^H for H in nats).",
    )


def check_below_the_floor(answer: object) -> Feedback:
    """Exercise 4 (a choice, 1–4): a model scores below the expected loss of the true
    probabilities on its own training sample. Which reading is right?

    >>> check_below_the_floor(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        FLOOR_ANSWER,
        tolerance=0.01,
        mistakes=[
            (
                1,
                "On new data no model beats the true probabilities in expectation; a low score on "
                "the training sample says little about that.",
            ),
            (
                3,
                "A finite sample can score below the floor: the floor is an expectation, and the "
                "notebook computed a sample that does.",
            ),
            (4, "Nothing suggests wrong labels: fitting a small sample is enough to score low."),
        ],
        hint="Answer with the option's number, 1, 2, 3 or 4.",
    )
