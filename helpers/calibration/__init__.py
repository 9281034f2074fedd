r"""Calibration and proper scoring rules: is a predicted probability of 0.8 right 80 % of the time?

Scoring rules, and what each rewards (notebook 11):

    expected_score        the expected score of reporting p when the truth is q, for the log loss
                          (nats), the Brier score and the 0-1 loss (1 − accuracy)
    brier_score           mean squared error of probabilities: binary (n,) or multi-class (n, k)

Reliability (calibration) of predicted probabilities:

    reliability_curve     binned mean prediction against observed frequency, with the counts
    expected_calibration_error   ECE: the count-weighted mean gap of that curve
    top_label             multi-class → binary: "was the top class right?" and its confidence
    decompose_score       score = reliability − resolution + uncertainty + within-bin term, exact

Recalibration: :func:`binary_logits` (the log-odds a fitted scikit-learn binary classifier
gives, without taking the log of a probability rounded to 0 or 1), :func:`fit_temperature`
(one T > 0 minimising a validation log loss), :func:`temperature_log_loss` and
:func:`apply_temperature` (σ(z / T) or softmax(z / T)); dividing logits by T > 0 never changes
their order, so the predicted class — and the accuracy — stay the same.

Binary probabilities are those of class 1 and binary labels are 0 or 1. Bins follow
``sklearn.calibration.calibration_curve``: ``"uniform"`` splits [0, 1] into ``n_bins`` equal
intervals, ``"quantile"`` puts edges at the predictions' percentiles; each bin is closed on the
right, (a, b], except the first, [0, b]; empty bins are left out.

>>> round(expected_score(0.9, 0.6, "log"), 4), round(expected_score(0.6, 0.6, "log"), 4)
(0.9842, 0.673)

Where things are (every name is re-exported here, so ``helpers.calibration.X`` works):

    scores        expected_score, brier_score, decompose_score and its Decomposition
    reliability   ReliabilityCurve, reliability_curve, top_label, expected_calibration_error
    temperature   apply_temperature, binary_logits, temperature_log_loss, fit_temperature
    _common       the input checks and the binning the modules share
"""

from __future__ import annotations

from ._common import MAX_BINS as MAX_BINS  # public constants, not in __all__ (as before)
from .reliability import (
    STRATEGIES,
    ReliabilityCurve,
    expected_calibration_error,
    reliability_curve,
    top_label,
)
from .scores import RULES, Decomposition, brier_score, decompose_score, expected_score
from .temperature import MAX_LOGIT as MAX_LOGIT
from .temperature import (
    apply_temperature,
    binary_logits,
    fit_temperature,
    temperature_log_loss,
)

__all__ = [
    "RULES",
    "STRATEGIES",
    "Decomposition",
    "ReliabilityCurve",
    "apply_temperature",
    "binary_logits",
    "brier_score",
    "decompose_score",
    "expected_calibration_error",
    "expected_score",
    "fit_temperature",
    "reliability_curve",
    "temperature_log_loss",
    "top_label",
]
