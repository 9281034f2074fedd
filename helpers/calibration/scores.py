r"""Proper scoring rules: the expected score of a report, the Brier score, and the split of a
score into reliability − resolution + uncertainty (notebook 11).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from .._validation import (
    Value,
    as_distribution,
    as_float_array,
    check_reduction,
    check_unit_interval,
    reduce,
    scalar_or_array,
    shown,
)
from ..losses import binary_cross_entropy
from ._common import _binary_pair, _binned, _check_bins, _class_indices

__all__ = ["RULES", "Decomposition", "brier_score", "decompose_score", "expected_score"]

#: The scoring rules :func:`expected_score` knows: log loss, Brier score, 0-1 loss.
RULES = ("log", "brier", "zero_one")


def _check_rule(rule: str, allowed: tuple[str, ...] = RULES) -> None:
    if not isinstance(rule, str) or rule not in allowed:
        raise ValueError(f"rule must be one of {allowed}, got {shown(rule)}")


# --- scoring rules -------------------------------------------------------------------------------


def expected_score(reported: ArrayLike, true_prob: ArrayLike, rule: str = "log") -> Value:
    r"""Expected score of reporting probability p for an event whose true probability is q.

    The label is 1 with probability q, so the expected score is
    q · S(p, 1) + (1 − q) · S(p, 0), for the rule S:

    .. math::

        \text{log:}\quad & -q \ln p - (1 - q) \ln (1 - p) = H(q, p) \ \text{nats}
        = H(q) + \mathrm{KL}(q \,\|\, p) \\
        \text{brier:}\quad & q (1 - p)^2 + (1 - q)\, p^2 = q (1 - q) + (p - q)^2 \\
        \text{zero\_one:}\quad & 1 - q \text{ if } p > 0.5 \text{ (class 1 predicted), else } q

    The log and Brier rules are *strictly proper*: p = q is their only minimiser. The 0-1 loss
    (one minus accuracy) is minimised by every p on the same side of 0.5 as q, so it cannot tell
    an honest forecast from an over-confident one. ``0 · ln 0 = 0``; reporting p = 0 (or 1)
    for an event that can happen costs ``inf`` under the log rule. Class 1 is predicted when
    p > 0.5, as scikit-learn does (p = 0.5 predicts class 0).

    Args:
        reported: reported probabilities p of class 1, in [0, 1].
        true_prob: true probabilities q of class 1, in [0, 1]; broadcast against ``reported``.
        rule: ``"log"`` (nats), ``"brier"`` or ``"zero_one"`` (no unit).

    Returns:
        A float for scalar inputs, otherwise an array of the broadcast shape.

    Raises:
        ValueError: probabilities outside [0, 1], NaN, non-numbers, empty input, shapes that do
            not broadcast, or an unknown ``rule``.

    Example:
        >>> expected_score([0.6, 0.9, 1.0], 0.6, "log").round(4)
        array([0.673 , 0.9842,    inf])
        >>> expected_score([0.6, 0.9], 0.6, "brier").round(4)
        array([0.24, 0.33])
        >>> expected_score([0.6, 0.9], 0.6, "zero_one").round(4)
        array([0.4, 0.4])
    """
    _check_rule(rule)
    p = as_float_array(reported, "reported")
    q = as_float_array(true_prob, "true_prob")
    check_unit_interval(p, "reported")
    check_unit_interval(q, "true_prob")
    try:
        p, q = np.broadcast_arrays(p, q)
    except ValueError:
        raise ValueError(
            f"shape mismatch: reported has shape {p.shape} and true_prob has shape {q.shape}"
        ) from None
    if rule == "log":
        values = np.asarray(binary_cross_entropy(q.ravel(), p.ravel(), reduction="none"))
        values = values.reshape(p.shape)
    elif rule == "brier":
        values = q * (1 - p) ** 2 + (1 - q) * p**2
    else:
        values = np.where(p > 0.5, 1 - q, q)
    return scalar_or_array(values)


def brier_score(y_true: ArrayLike, y_prob: ArrayLike, *, reduction: str = "mean") -> Value:
    r"""Brier score: the mean squared error of predicted probabilities (no unit).

    Binary, with ŷ the probability of class 1 and y ∈ {0, 1} (as
    ``sklearn.metrics.brier_score_loss``), from 0 (perfect) to 1:

    .. math:: \mathrm{BS} = \frac1n \sum_i (\hat y_i - y_i)^2

    Multi-class, with rows ŷ_i over k classes and one-hot targets (as scikit-learn for k ≥ 3),
    from 0 to 2:

    .. math:: \mathrm{BS} = \frac1n \sum_i \sum_{c=1}^{k} (\hat y_{ic} - y_{ic})^2

    (for k = 2 the multi-class form is twice the binary one). A confident mistake costs at most
    1 (binary) — against ``inf`` for the log loss.

    Args:
        y_true: binary labels 0/1 with 1-D ``y_prob``; class indices 0..k−1 with 2-D ``y_prob``.
        y_prob: probabilities of class 1, shape (n,), or distributions, shape (n, k).
        reduction: ``"mean"`` (float), ``"sum"`` (float) or ``"none"`` (one value per sample).

    Example:
        >>> brier_score([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])
        0.0375
        >>> round(brier_score([0, 1], [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1]]), 3)
        0.1
    """
    check_reduction(reduction)
    p = as_float_array(y_prob, "y_prob")
    if p.ndim == 2:
        q = as_distribution(p, "y_prob")
        t = _class_indices(y_true, *q.shape)
        rows = np.zeros_like(q)
        rows[np.arange(q.shape[0]), t] = 1.0
        return reduce(((q - rows) ** 2).sum(axis=1), reduction)
    if p.ndim != 1:
        raise ValueError(f"y_prob must be 1-D (binary) or 2-D (multi-class), got shape {p.shape}")
    y, p = _binary_pair(y_true, p)
    return reduce((p - y) ** 2, reduction)


# --- the calibration–refinement decomposition ----------------------------------------------------


class Decomposition(NamedTuple):
    r"""The parts of a score, exactly: ``score = reliability − resolution + uncertainty +
    within_bin``. ``refinement`` = uncertainty − resolution."""

    score: float
    reliability: float
    resolution: float
    uncertainty: float
    within_bin: float

    @property
    def refinement(self) -> float:
        """Uncertainty − resolution: the score of the bin-wise recalibrated forecasts."""
        return self.uncertainty - self.resolution


def _divergence(o: np.ndarray, f: np.ndarray, rule: str) -> np.ndarray:
    """d(o, f): the expected score of forecast f above that of the truth o (≥ 0)."""
    if rule == "brier":
        return (o - f) ** 2
    extra = expected_score(f, o, "log") - expected_score(o, o, "log")  # KL(o ‖ f), nats
    return np.maximum(extra, 0.0)  # rounding can leave −1e−17 where f = o


def decompose_score(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    rule: str = "brier",
    n_bins: int = 10,
    strategy: str = "uniform",
) -> Decomposition:
    r"""Split a binary Brier score or log loss into reliability, resolution and uncertainty.

    Bin the forecasts as :func:`reliability_curve` does (n_b samples, mean forecast p̄_b,
    observed frequency ō_b in bin b; ȳ overall). For a strictly proper rule with divergence d
    and entropy H — Brier: d(o, f) = (o − f)², H(o) = o(1 − o); log: d = KL(o ‖ f),
    H = binary entropy in nats — the identity

    .. math::

        S(\hat y) = \underbrace{\sum_b \tfrac{n_b}{n} d(\bar o_b, \bar p_b)}_{\text{reliability}}
        - \underbrace{\sum_b \tfrac{n_b}{n} d(\bar o_b, \bar y)}_{\text{resolution}}
        + \underbrace{H(\bar y)}_{\text{uncertainty}}
        + \underbrace{S(\hat y) - S(\bar p_{b(i)})}_{\text{within-bin}}

    holds **exactly**: the first three terms are the score of the *binned* forecasts (each ŷ_i
    replaced by its bin's mean p̄_b) — Murphy's decomposition for the Brier score — and the
    within-bin term is what binning changed. It is 0 when each bin holds one forecast value,
    and small when bins are narrow; it can have either sign. Reliability is the calibration
    error (0 for a calibrated model); resolution is how far the bins' frequencies spread from
    the base rate (larger for a sharper, better-separating model); refinement =
    uncertainty − resolution = Σ_b (n_b/n) H(ō_b) is the score after perfect recalibration.

    Args:
        y_true: binary labels 0/1, shape (n,).
        y_prob: predicted probabilities of class 1, shape (n,).
        rule: ``"brier"`` or ``"log"`` (nats).
        n_bins, strategy: the binning, as for :func:`reliability_curve`.

    Raises:
        ValueError: bad inputs as for :func:`reliability_curve`, an unknown ``rule``, or an
            infinite log loss (a label given probability 0 has no finite decomposition).

    Example:
        >>> d = decompose_score([0, 0, 1, 1], [0.2, 0.2, 0.6, 0.6], n_bins=5)
        >>> round(d.reliability, 4), round(d.resolution, 4), d.uncertainty, round(d.within_bin, 4)
        (0.1, 0.25, 0.25, 0.0)
        >>> round(d.score, 4) == round(d.reliability - d.resolution + d.uncertainty, 4)
        True
    """
    _check_rule(rule, ("brier", "log"))
    _check_bins(n_bins, strategy)
    y, p = _binary_pair(y_true, y_prob)
    ids, _, counts, positives, sums = _binned(y, p, n_bins, strategy)
    full = counts > 0
    weights = counts[full] / p.size
    observed, mean_forecast = positives[full] / counts[full], sums[full] / counts[full]
    base_rate = float(y.mean())
    if rule == "brier":
        score = float(np.mean((p - y) ** 2))
        binned_forecast = (sums / np.maximum(counts, 1))[ids]
        binned_score = float(np.mean((binned_forecast - y) ** 2))
        uncertainty = base_rate * (1 - base_rate)
    else:
        score = float(binary_cross_entropy(y, p))
        if math.isinf(score):
            i = int(np.argmax(expected_score(p, y, "log") == np.inf))
            raise ValueError(
                f"the log loss is infinite (y_prob[{i}] = {p[i]} for label {y[i]:g}); "
                "an infinite score has no finite decomposition"
            )
        binned_forecast = (sums / np.maximum(counts, 1))[ids]
        binned_score = float(binary_cross_entropy(y, binned_forecast))
        uncertainty = float(expected_score(base_rate, base_rate, "log"))
    reliability = float(weights @ _divergence(observed, mean_forecast, rule))
    resolution = float(weights @ _divergence(observed, np.full_like(observed, base_rate), rule))
    return Decomposition(
        score=score,
        reliability=reliability,
        resolution=resolution,
        uncertainty=uncertainty,
        within_bin=score - binned_score,
    )
