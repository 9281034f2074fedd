"""Cross-entropy losses as classifiers are trained with them — always in nats (natural log).

From probabilities: :func:`binary_cross_entropy` and :func:`categorical_cross_entropy`.
From logits, computed stably: :func:`binary_cross_entropy_with_logits` and
:func:`softmax_cross_entropy_with_logits`, with :func:`sigmoid`, :func:`softmax`,
:func:`log_softmax` and :func:`softplus` beside them, and :func:`smooth_labels` for label smoothing.

``reduction`` is ``"mean"`` (default, a float), ``"sum"`` (a float) or ``"none"`` (one loss per
sample). ``eps=None`` is the exact mathematics: a certain-and-wrong prediction costs ``inf``. A
float ``eps`` clips probabilities to ``[eps, 1 - eps]`` first, as deep-learning frameworks do
(Keras uses 1e-7; scikit-learn's ``log_loss`` uses the dtype's machine epsilon). Both sides are
clipped even for an ``eps`` so small that ``1 - eps`` rounds to 1: the upper bound is then the
largest float below 1. ``ln(1 - ŷ)`` is computed as ``log1p(-ŷ)``, exact for tiny ŷ.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import _numerics
from ._numerics import clip_probability, log, log1m, p_times, sum_p_times
from ._validation import (
    Value,
    as_distribution,
    as_float_array,
    check_eps,
    check_reduction,
    check_same_shape,
    check_unit_interval,
    class_indices,
    finite_array,
    positive_number,
    real_number,
    reduce,
)

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "categorical_cross_entropy",
    "log_softmax",
    "sigmoid",
    "smooth_labels",
    "softmax",
    "softmax_cross_entropy_with_logits",
    "softplus",
]


def _check_pos_weight(pos_weight: float | None) -> float:
    return 1.0 if pos_weight is None else positive_number(pos_weight, "pos_weight")


def binary_cross_entropy(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    reduction: str = "mean",
    eps: float | None = None,
    pos_weight: float | None = None,
) -> Value:
    r"""Binary cross-entropy (log loss) of predicted probabilities, in nats.

    Each label y is the distribution [1 − y, y] over the classes {0, 1} and each prediction ŷ is
    [1 − ŷ, ŷ]; the loss of a sample is their cross-entropy in nats:

    .. math:: \ell(y, \hat y) = -\left[\, w\, y \ln \hat y + (1 - y) \ln (1 - \hat y) \,\right]

    with ``w = pos_weight`` (1 unless given: weighting the positive class for imbalanced data).
    ``0 · ln 0 = 0``, so a perfect hard prediction costs 0, while a certain-and-wrong one
    (ŷ = 0 for y = 1) costs ``inf`` unless ``eps`` clips ŷ to ``[eps, 1 − eps]``. Soft labels
    (y strictly between 0 and 1) are allowed; their smallest possible loss is H(y), not 0.

    Args:
        y_true: labels in [0, 1] (hard 0/1 or soft).
        y_prob: predicted probabilities of class 1, same shape as ``y_true``.
        reduction: ``"mean"`` (float), ``"sum"`` (float) or ``"none"`` (array, one per sample).
        eps: ``None`` for exact maths, or a clipping margin in (0, 0.5).
        pos_weight: weight of the positive-class term, a positive number (default 1).

    Raises:
        ValueError: empty or non-numeric input, NaN/inf, labels or probabilities outside [0, 1],
            shape mismatch, unknown ``reduction``, bad ``eps`` or ``pos_weight``.

    Example:
        >>> y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
        >>> y_hat = [0.8, 0.9, 0.9, 0.6, 0.8, 0.1, 0.4, 0.2, 0.1, 0.3]
        >>> round(binary_cross_entropy(y, y_hat), 3)
        0.247
        >>> binary_cross_entropy([1, 0], [0.8, 0.4], reduction="none").round(3)
        array([0.223, 0.511])
        >>> binary_cross_entropy([1], [0.0]), round(binary_cross_entropy([1], [0.0], eps=1e-7), 3)
        (inf, 16.118)
    """
    check_reduction(reduction)
    eps = check_eps(eps)
    weight = _check_pos_weight(pos_weight)
    y = as_float_array(y_true, "y_true")
    p = as_float_array(y_prob, "y_prob")
    check_same_shape(y, p, "y_true", "y_prob")
    check_unit_interval(y, "y_true", "labels")
    check_unit_interval(p, "y_prob")
    if eps is not None:
        p = clip_probability(p, eps)
    positive = p_times(y, log(p))
    negative = p_times(1 - y, log1m(p))  # log1p(-p): binary_cross_entropy([0], [1e-17]) = 1e-17
    if weight == 1.0:
        return reduce(-(positive + negative), reduction)
    with np.errstate(over="ignore"):  # a huge pos_weight times a large loss is inf, quietly
        return reduce(-(weight * positive + negative), reduction)


def target_rows(y_true: ArrayLike, n_samples: int, n_classes: int) -> NDArray[np.float64]:
    """Integer class indices → one-hot rows; rows (one-hot or soft) → validated distributions.

    The targets of every categorical loss here and in :mod:`helpers.frameworks` and
    :mod:`helpers.divergences` (not in ``__all__``: a shared check, not a loss).
    """
    raw = as_float_array(y_true, "y_true")
    if raw.ndim == 1:
        if raw.shape[0] != n_samples:
            raise ValueError(f"y_true has {raw.shape[0]} labels but y_prob has {n_samples} rows")
        rows = np.zeros((n_samples, n_classes))
        rows[np.arange(n_samples), class_indices(raw, "y_true", n_classes)] = 1.0
        return rows
    rows = as_distribution(raw, "y_true")
    if rows.shape != (n_samples, n_classes):
        raise ValueError(
            f"shape mismatch: y_true has shape {rows.shape} but y_prob has shape "
            f"{(n_samples, n_classes)}; give class indices (n,) or rows (n, k)"
        )
    return rows


def categorical_cross_entropy(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    reduction: str = "mean",
    eps: float | None = None,
) -> Value:
    r"""Categorical cross-entropy of predicted class distributions, in nats.

    Each sample's loss is the cross-entropy of its target row y over the k classes and the
    predicted row ŷ:

    .. math:: \ell(y, \hat y) = -\sum_{c=1}^{k} y_c \ln \hat y_c

    which for a one-hot target (class index t) is just ``-ln ŷ_t``, the negative log-likelihood
    of the true class. ``0 · ln 0 = 0``; a true class given probability 0 costs ``inf`` unless
    ``eps`` clips ŷ to ``[eps, 1 − eps]`` (without renormalising, as scikit-learn does).

    Args:
        y_true: integer class indices, shape (n,), or target rows (one-hot or soft), shape (n, k).
        y_prob: predicted distributions over the k classes, shape (n, k), rows summing to 1.
        reduction: ``"mean"`` (float), ``"sum"`` (float) or ``"none"`` (array, one per sample).
        eps: ``None`` for exact maths, or a clipping margin in (0, 0.5).

    Raises:
        ValueError: bad probabilities (as for :func:`helpers.entropy`), class indices that are not
            integers in 0..k-1, shape mismatch, unknown ``reduction``, bad ``eps``.

    Example:
        >>> y_prob = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]
        >>> round(categorical_cross_entropy([0, 1], y_prob), 4)
        0.2899
        >>> categorical_cross_entropy([[1, 0, 0], [0, 1, 0]], y_prob, reduction="none").round(4)
        array([0.3567, 0.2231])
    """
    check_reduction(reduction)
    eps = check_eps(eps)
    q = as_distribution(y_prob, "y_prob")
    if q.ndim != 2:
        raise ValueError(f"y_prob must be 2-D (samples × classes), got shape {q.shape}")
    rows = target_rows(y_true, *q.shape)
    if eps is not None:
        q = clip_probability(q, eps)
    return reduce(-sum_p_times(rows, log(q)), reduction)


def sigmoid(z: ArrayLike) -> NDArray[np.float64]:
    r"""The logistic function σ(z) = 1 / (1 + e^{−z}), computed without overflow.

    Example:
        >>> sigmoid([0.0, 1000.0, -1000.0])
        array([0.5, 1. , 0. ])
    """
    return _numerics.sigmoid(finite_array(z, "z"))


def softplus(z: ArrayLike) -> NDArray[np.float64]:
    r"""softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^{−|z|}), stable for any finite z.

    It equals −ln(1 − σ(z)), the loss of logit z when the label is 0 (and softplus(−z) = −ln σ(z)).

    Example:
        >>> softplus([-40.0, 0.0, 40.0]).round(4)
        array([ 0.    ,  0.6931, 40.    ])
    """
    return _numerics.softplus(finite_array(z, "z"))


def log_softmax(logits: ArrayLike) -> NDArray[np.float64]:
    r"""Log-softmax along the last axis, computed stably with the log-sum-exp trick.

    .. math:: \ln \mathrm{softmax}(z)_i = z_i - m - \ln \sum_j e^{z_j - m}, \qquad m = \max_j z_j

    Example:
        >>> log_softmax([1000.0, 2000.0, 2500.0]).round(3)
        array([-1500.,  -500.,     0.])
    """
    z = finite_array(logits, "logits")
    with np.errstate(over="ignore"):  # a gap beyond float64's range is -inf: probability 0
        shifted = z - z.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax(logits: ArrayLike) -> NDArray[np.float64]:
    r"""softmax(z)_i = e^{z_i} / Σ_j e^{z_j} along the last axis, without overflow.

    Example:
        >>> softmax([0.0, 0.0, np.log(2)])
        array([0.25, 0.25, 0.5 ])
    """
    return np.exp(log_softmax(logits))


def binary_cross_entropy_with_logits(
    y_true: ArrayLike,
    logits: ArrayLike,
    *,
    reduction: str = "mean",
    pos_weight: float | None = None,
) -> Value:
    r"""Binary cross-entropy from logits z (ŷ = σ(z)), in nats, stable for any finite z.

    With −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z):

    .. math:: \ell(y, z) = w\, y\, \mathrm{softplus}(-z) + (1 - y)\, \mathrm{softplus}(z)

    where ``w = pos_weight`` (default 1). Equal to ``binary_cross_entropy(y, sigmoid(z))``
    wherever that is finite, but never ``inf`` or ``nan``: the naive −ln(1 − σ(z)) is ``inf`` for
    z ≥ 37 in float64 because σ(z) rounds to 1.

    Example:
        >>> round(binary_cross_entropy_with_logits([1, 0], [2.0, -1.0]), 4)
        0.22
        >>> binary_cross_entropy_with_logits([0], [40.0])
        40.0
    """
    check_reduction(reduction)
    weight = _check_pos_weight(pos_weight)
    y = as_float_array(y_true, "y_true")
    z = finite_array(logits, "logits")
    check_same_shape(y, z, "y_true", "logits")
    check_unit_interval(y, "y_true")
    with np.errstate(over="ignore"):  # w · softplus beyond float64's range is inf, quietly
        losses = weight * y * softplus(-z) + (1 - y) * softplus(z)
    return reduce(losses, reduction)


def softmax_cross_entropy_with_logits(
    y_true: ArrayLike,
    logits: ArrayLike,
    *,
    reduction: str = "mean",
) -> Value:
    r"""Categorical cross-entropy from logits, in nats, via a stable log-softmax.

    .. math:: \ell(y, z) = -\sum_c y_c \left( z_c - \ln \sum_j e^{z_j} \right)

    Equal to ``categorical_cross_entropy(y, softmax(z))`` wherever that is finite, but finite for
    any finite logits, e.g. [1000, 2000, 2500], where the naive ``log(softmax(z))`` gives nan.

    Args:
        y_true: integer class indices (n,) or target rows (n, k), one-hot or soft.
        logits: unnormalised scores, shape (n, k).
        reduction: ``"mean"``, ``"sum"`` or ``"none"``.

    Example:
        >>> softmax_cross_entropy_with_logits([1], [[1000.0, 2000.0, 2500.0]])
        500.0
    """
    check_reduction(reduction)
    z = finite_array(logits, "logits")
    if z.ndim != 2:
        raise ValueError(f"logits must be 2-D (samples × classes), got shape {z.shape}")
    rows = target_rows(y_true, *z.shape)
    # sum_p_times: a class with target 0 costs 0 even if its log-probability underflows to -inf
    return reduce(-sum_p_times(rows, log_softmax(z)), reduction)


def smooth_labels(y_true: ArrayLike, n_classes: int, epsilon: float) -> NDArray[np.float64]:
    r"""Label smoothing: move ε of each one-hot target's mass evenly over all k classes.

    .. math:: y^{LS} = (1 - \varepsilon)\, y + \varepsilon / k

    Args:
        y_true: integer class indices (n,) or one-hot rows (n, k).
        n_classes: k, the number of classes.
        epsilon: the smoothing ε in [0, 1).

    Example:
        >>> smooth_labels([0], 3, 0.1).round(4)
        array([[0.9333, 0.0333, 0.0333]])
    """
    epsilon = real_number(epsilon, "epsilon", low=0, high=1, high_open=True)
    n_classes = int(real_number(n_classes, "n_classes", low=2, integer=True))
    raw = as_float_array(y_true, "y_true")
    if raw.ndim not in (1, 2):
        raise ValueError(f"y_true must be class indices (n,) or rows (n, k), got shape {raw.shape}")
    rows = target_rows(raw, raw.shape[0], n_classes)
    return (1 - epsilon) * rows + epsilon / n_classes
