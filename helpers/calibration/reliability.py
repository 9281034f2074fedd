r"""Reliability (calibration) of predicted probabilities: the binned curve, the top-label
reduction of a multi-class problem, and the expected calibration error (notebook 11).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import as_distribution, as_float_array
from ._common import STRATEGIES, _binary_pair, _binned, _check_bins, _class_indices

__all__ = [
    "STRATEGIES",
    "ReliabilityCurve",
    "expected_calibration_error",
    "reliability_curve",
    "top_label",
]


class ReliabilityCurve(NamedTuple):
    """The non-empty bins of a reliability diagram, in increasing order of prediction.

    ``prob_true`` (observed frequency of class 1) and ``prob_pred`` (mean prediction) are what
    ``sklearn.calibration.calibration_curve`` returns; ``counts`` are the samples per bin and
    ``lower``/``upper`` the bin edges.
    """

    prob_true: NDArray[np.float64]
    prob_pred: NDArray[np.float64]
    counts: NDArray[np.int64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]


def reliability_curve(
    y_true: ArrayLike, y_prob: ArrayLike, *, n_bins: int = 10, strategy: str = "uniform"
) -> ReliabilityCurve:
    r"""Binned predicted probability against observed frequency, with the samples per bin.

    For each non-empty bin b with n_b samples:

    .. math:: \bar p_b = \frac{1}{n_b} \sum_{i \in b} \hat y_i, \qquad
              \bar o_b = \frac{1}{n_b} \sum_{i \in b} y_i

    A calibrated model has ō_b ≈ p̄_b, up to sampling noise of about
    √(p̄_b (1 − p̄_b) / n_b) — which is why the counts matter.

    Args:
        y_true: binary labels, 0 or 1, shape (n,) (for many classes, see :func:`top_label`).
        y_prob: predicted probabilities of class 1, shape (n,).
        n_bins: number of bins (≥ 1).
        strategy: ``"uniform"`` (equal widths) or ``"quantile"`` (about equal counts).

    Raises:
        ValueError: labels other than 0/1, probabilities outside [0, 1], NaN, a shape mismatch,
            a bad ``n_bins`` or ``strategy``.

    Example:
        >>> curve = reliability_curve([0, 0, 1, 1, 1], [0.1, 0.2, 0.7, 0.8, 0.9], n_bins=2)
        >>> curve.prob_true, curve.prob_pred.round(3), curve.counts
        (array([0., 1.]), array([0.15, 0.8 ]), array([2, 3]))
    """
    _check_bins(n_bins, strategy)
    y, p = _binary_pair(y_true, y_prob)
    _, edges, counts, positives, sums = _binned(y, p, n_bins, strategy)
    full = counts > 0
    index = np.flatnonzero(full)
    return ReliabilityCurve(
        prob_true=positives[full] / counts[full],
        prob_pred=sums[full] / counts[full],
        counts=counts[full].astype(np.int64),
        lower=edges[index],
        upper=edges[index + 1],
    )


def top_label(y_true: ArrayLike, y_prob: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""Turn a multi-class problem into the binary one calibration is usually checked on.

    For each sample, the **confidence** is the largest predicted probability, max_c ŷ_ic, and
    the **label** is 1 if that top class is the true class, else 0. A top-label-calibrated model
    is right 80 % of the times it says 0.8. Ties go to the lowest class index (``argmax``).

    Returns:
        ``(correct, confidence)``: two float arrays of shape (n,), to pass to
        :func:`reliability_curve` or :func:`expected_calibration_error`.

    Example:
        >>> correct, confidence = top_label([0, 2], [[0.7, 0.2, 0.1], [0.5, 0.1, 0.4]])
        >>> correct, confidence
        (array([1., 0.]), array([0.7, 0.5]))
    """
    q = as_distribution(y_prob, "y_prob")
    if q.ndim != 2:
        raise ValueError(f"y_prob must be 2-D (samples × classes), got shape {q.shape}")
    t = _class_indices(y_true, *q.shape)
    predicted = q.argmax(axis=1)
    return (predicted == t).astype(np.float64), q[np.arange(q.shape[0]), predicted]


def expected_calibration_error(
    y_true: ArrayLike, y_prob: ArrayLike, *, n_bins: int = 10, strategy: str = "uniform"
) -> float:
    r"""Expected calibration error: the count-weighted mean gap of the reliability curve.

    .. math:: \mathrm{ECE} = \sum_b \frac{n_b}{n} \,\bigl| \bar o_b - \bar p_b \bigr|

    in probability units (0 to 1), with the bins of :func:`reliability_curve`. With 2-D
    ``y_prob`` (multi-class) it is the top-label ECE: the bins are over the confidence
    max_c ŷ_ic and ō_b is the accuracy in the bin (see :func:`top_label`).

    It depends on the binning: even a perfectly calibrated model has an ECE above 0 on a finite
    sample — by the normal approximation, about Σ_b (n_b/n) √(2/π) √(p̄_b(1 − p̄_b)/n_b), the
    mean absolute sampling error of each bin's frequency — and more bins means fewer samples
    per bin and more of that noise. Compare ECEs only with the same bins and samples.

    Example:
        >>> ece = expected_calibration_error([0, 0, 1, 1, 1], [0.1, 0.2, 0.7, 0.8, 0.9], n_bins=2)
        >>> round(ece, 4)   # 2/5 · |0 − 0.15| + 3/5 · |1 − 0.8|
        0.18
    """
    _check_bins(n_bins, strategy)
    p = as_float_array(y_prob, "y_prob")
    if p.ndim == 2:
        y, p = top_label(y_true, p)
    else:
        y, p = _binary_pair(y_true, p)
    _, _, _, positives, sums = _binned(y, p, n_bins, strategy)
    return float(np.abs(positives - sums).sum() / p.size)  # Σ_b (n_b/n) |ō_b − p̄_b|
