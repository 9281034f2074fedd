"""Exercise checks for 11_calibration_and_proper_scoring: the price of a dishonest report, an
ECE by hand, and what temperature scaling cannot change.

Every expected value is computed with :mod:`helpers.calibration`; the hints name the usual
slips (the whole expected loss instead of the extra, the Brier rule instead of the log rule,
bits, an unweighted mean of the gaps, a metric that does change).
"""

from __future__ import annotations

import math

import numpy as np

from ..calibration import expected_calibration_error, expected_score
from ._core import Feedback, check_number

__all__ = ["check_dishonest_report", "check_ece_by_hand", "check_temperature_invariant"]

#: Exercise 1: the true probability of the event and the over-confident report.
TRUE_PROBABILITY = 0.6
REPORTED = 0.9

#: Exercise 2: two bins of test samples — (count, mean predicted probability, positives).
BINS = ((40, 0.9, 30), (60, 0.2, 12))


def _ece_bins() -> tuple[np.ndarray, np.ndarray]:
    """Labels and predictions with exactly the two bins of exercise 2."""
    y = np.concatenate([np.r_[np.ones(k), np.zeros(n - k)] for n, _, k in BINS])
    p = np.concatenate([np.full(n, mean) for n, mean, _ in BINS])
    return y, p


def check_dishonest_report(answer: object) -> Feedback:
    """Exercise 1: how much expected log loss (nats) a forecaster loses by reporting 0.9 for an
    event whose true probability is 0.6.

    .. math:: \\mathbb{E}_{q}[\\ell(0.9)] - \\mathbb{E}_{q}[\\ell(0.6)], \\quad q = 0.6

    >>> check_dishonest_report(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    dishonest = expected_score(REPORTED, TRUE_PROBABILITY, "log")
    honest = expected_score(TRUE_PROBABILITY, TRUE_PROBABILITY, "log")
    return check_number(
        answer,
        dishonest - honest,
        unit="nats",
        mistakes=[
            (
                dishonest,
                "That is the whole expected loss of reporting 0.9; subtract the honest one.",
            ),
            (honest, "That is the expected loss of the honest report; the question is the extra."),
            (
                expected_score(REPORTED, TRUE_PROBABILITY, "brier")
                - expected_score(TRUE_PROBABILITY, TRUE_PROBABILITY, "brier"),
                "That is the Brier score's extra, (0.9 − 0.6)²; the question is about log loss.",
            ),
            (
                (dishonest - honest) / math.log(2),
                "That is in bits; the log loss uses ln, so the answer is in nats.",
            ),
            (-math.log(REPORTED), "That is one sample's loss when the event happens, −ln 0.9."),
        ],
        hint="Expected log loss of reporting p when the truth is q: −q ln p − (1 − q) ln(1 − p). "
        "Take it at p = 0.9 minus at p = 0.6 (that difference is KL(q ‖ p)).",
    )


def check_ece_by_hand(answer: object) -> Feedback:
    """Exercise 2: the ECE of two bins — 40 samples, mean prediction 0.9, 30 positives; 60
    samples, mean prediction 0.2, 12 positives.

    .. math:: \\mathrm{ECE} = \\sum_b \\frac{n_b}{n} \\left| \\bar y_b - \\bar p_b \\right|

    >>> check_ece_by_hand(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    y, p = _ece_bins()
    gaps = [abs(k / n - mean) for n, mean, k in BINS]
    return check_number(
        answer,
        expected_calibration_error(y, p, n_bins=2),
        tolerance=5e-4,
        mistakes=[
            (float(np.mean(gaps)), "That is the plain mean of the gaps; weight each by n_b / n."),
            (max(gaps), "That is the largest gap (the maximum calibration error, MCE)."),
            (
                sum(len_b / p.size * gap**2 for (len_b, _, _), gap in zip(BINS, gaps, strict=True)),
                "That squares the gaps; the ECE weights their absolute values.",
            ),
        ],
        hint="ECE = Σ_b (n_b / n) · |observed frequency − mean prediction| over the bins.",
    )


def check_temperature_invariant(answer: object) -> Feedback:
    """Exercise 3 (a choice): which of (1) log loss, (2) Brier score, (3) accuracy, (4) ECE can
    temperature scaling **not** change?

    >>> check_temperature_invariant(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        3,
        tolerance=0.0,
        mistakes=[
            (1, "The log loss changes with T — that is the quantity T is fitted to lower."),
            (2, "The Brier score uses the probabilities themselves, and σ(z / T) moves with T."),
            (4, "The ECE compares probabilities with frequencies; softer probabilities move it."),
        ],
        hint="Answer with the number of the option: 1, 2, 3 or 4. Which one depends only on "
        "the predicted class, i.e. on the order of the logits?",
    )
