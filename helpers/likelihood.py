r"""Likelihood, baselines and perplexity: reading a log loss as a statistician would, in nats.

Negative log-likelihoods of three models, computed *from the likelihood* (the probability the
model gives to what was observed), so they are an independent check on :mod:`helpers.losses`:

    bernoulli_pmf, bernoulli_likelihood, bernoulli_nll   binary labels — equal to the log loss
    categorical_nll                                      class indices — equal to categorical CE
    gaussian_nll, gaussian_nll_from_mse                  real targets, fixed σ — MSE, shifted and
                                                         scaled

Judging a log loss: :func:`baseline_log_loss` (the no-skill score, H(prior)),
:func:`log_loss_skill` (1 − LL / LL_baseline), :func:`expected_log_loss_if_calibrated`,
:func:`perplexity` (exp of a cross-entropy in nats), and :func:`log_clamped_binary_cross_entropy`
(PyTorch's way of keeping a certain-and-wrong prediction finite).

>>> round(baseline_log_loss(0.5), 3), round(perplexity(baseline_log_loss(0.5)), 3)
(0.693, 2.0)
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._numerics import log, log1m, p_times
from ._validation import (
    Value,
    as_distribution,
    as_float_array,
    binary_labels,
    check_reduction,
    check_same_shape,
    check_unit_interval,
    class_indices,
    finite_array,
    positive_number,
    real_number,
    reduce,
    scalar_or_array,
)

__all__ = [
    "baseline_log_loss",
    "bernoulli_likelihood",
    "bernoulli_nll",
    "bernoulli_pmf",
    "categorical_nll",
    "expected_log_loss_if_calibrated",
    "gaussian_nll",
    "gaussian_nll_from_mse",
    "log_clamped_binary_cross_entropy",
    "log_loss_skill",
    "perplexity",
]

LN_2PI = math.log(2 * math.pi)


def _hard_labels(y_true: ArrayLike) -> NDArray[np.float64]:
    why = "; a Bernoulli likelihood needs hard labels (soft labels have a cross-entropy)"
    return binary_labels(y_true, "y_true", why)


def bernoulli_pmf(y_true: ArrayLike, y_prob: ArrayLike) -> NDArray[np.float64]:
    r"""Probability a Bernoulli model gives to each observed label:

    .. math:: P(y \mid \hat y) = \hat y^{\,y} (1 - \hat y)^{1 - y}

    that is ŷ where y = 1 and 1 − ŷ where y = 0 (a probability, no unit).

    Raises:
        ValueError: labels other than 0 and 1, probabilities outside [0, 1], NaN, empty input or a
            shape mismatch.

    Example:
        >>> bernoulli_pmf([1, 0, 1], [0.7, 0.2, 0.9])
        array([0.7, 0.8, 0.9])
    """
    y = _hard_labels(y_true)
    p = as_float_array(y_prob, "y_prob")
    check_same_shape(y, p, "y_true", "y_prob")
    check_unit_interval(p, "y_prob")
    return np.where(y == 1, p, 1 - p)


def bernoulli_likelihood(y_true: ArrayLike, y_prob: ArrayLike) -> float:
    r"""Likelihood of independent binary labels under predicted probabilities ŷ:

    .. math:: L = \prod_{i=1}^{n} \hat y_i^{\,y_i} (1 - \hat y_i)^{1 - y_i}

    A probability (no unit), multiplied in order (``math.prod``) so the result is the same on
    every machine. A product of thousands of probabilities falls below the smallest float64
    (≈ 4.9e-324) and comes out as garbage — 0.0 or that smallest number — one reason to work
    with its logarithm instead.

    Example:
        >>> round(bernoulli_likelihood([1, 0, 1], [0.7, 0.2, 0.9]), 3)
        0.504
    """
    return math.prod(bernoulli_pmf(y_true, y_prob).tolist())


def bernoulli_nll(y_true: ArrayLike, y_prob: ArrayLike, *, reduction: str = "mean") -> Value:
    r"""Negative log-likelihood of binary labels, in nats (mean over samples by default):

    .. math:: -\frac{1}{n} \ln L = -\frac{1}{n} \sum_i \ln\!\left[\hat y_i^{\,y_i}
              (1 - \hat y_i)^{1 - y_i}\right]

    Computed from the likelihood of each label, it equals the binary cross-entropy (log loss) of
    the same predictions. A label given probability 0 costs ``inf``.

    Args:
        y_true: labels, 0 or 1.
        y_prob: predicted probabilities of class 1, same shape.
        reduction: ``"mean"`` (float), ``"sum"`` (float, −ln L) or ``"none"`` (per sample).

    Example:
        >>> y = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
        >>> y_hat = [0.8, 0.9, 0.9, 0.6, 0.8, 0.1, 0.4, 0.2, 0.1, 0.3]
        >>> round(bernoulli_nll(y, y_hat), 3)
        0.247
    """
    check_reduction(reduction)
    y = _hard_labels(y_true)
    p = as_float_array(y_prob, "y_prob")
    check_same_shape(y, p, "y_true", "y_prob")
    check_unit_interval(p, "y_prob")
    # ln(1 − ŷ) as log1p(−ŷ): a label 0 given ŷ = 1e-17 costs 1e-17 nats, not 0
    return reduce(-np.where(y == 1, log(p), log1m(p)), reduction)


def categorical_nll(y_true: ArrayLike, y_prob: ArrayLike, *, reduction: str = "mean") -> Value:
    r"""Negative log-likelihood of class labels under predicted class distributions, in nats:

    .. math:: -\frac{1}{n} \sum_i \ln \hat y_{i, t_i}

    where t_i is sample i's true class: only the probability given to the true class counts. It
    equals the categorical cross-entropy with one-hot targets.

    Args:
        y_true: integer class indices 0..k−1, shape (n,).
        y_prob: predicted distributions, shape (n, k), rows summing to 1.
        reduction: ``"mean"``, ``"sum"`` or ``"none"``.

    Raises:
        ValueError: bad probabilities, indices that are not integers in 0..k−1, shape mismatch.

    Example:
        >>> round(categorical_nll([0, 1], [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]), 4)
        0.2899
    """
    check_reduction(reduction)
    q = as_distribution(y_prob, "y_prob")
    if q.ndim != 2:
        raise ValueError(f"y_prob must be 2-D (samples × classes), got shape {q.shape}")
    t = as_float_array(y_true, "y_true")
    if t.shape != (q.shape[0],):
        raise ValueError(f"y_true must be {q.shape[0]} class indices, got shape {t.shape}")
    chosen = q[np.arange(q.shape[0]), class_indices(t, "y_true", q.shape[1])]
    return reduce(-log(chosen), reduction)


def gaussian_nll(
    y_true: ArrayLike, y_pred: ArrayLike, sigma: float, *, reduction: str = "mean"
) -> Value:
    r"""Negative log-likelihood of real targets under a Gaussian with mean ŷ and fixed σ, in nats:

    .. math:: -\ln \mathcal{N}(y \mid \hat y, \sigma^2)
              = \tfrac12 \ln(2\pi\sigma^2) + \frac{(y - \hat y)^2}{2\sigma^2}

    A density, not a probability: the value can be negative when σ is small. Its mean over
    samples is ``gaussian_nll_from_mse(MSE, sigma)``. Computed as ½ ln 2π + ln σ + ½ ((y − ŷ)/σ)²,
    so any σ from 1e-300 to 1e300 works; a value beyond float64's range is ``inf``.

    Args:
        y_true: observed targets (finite).
        y_pred: predicted means, same shape.
        sigma: the model's fixed standard deviation, in the targets' units (> 0).
        reduction: ``"mean"``, ``"sum"`` or ``"none"``.

    Example:
        >>> round(gaussian_nll([1.0, 2.0], [1.5, 2.0], sigma=1.0), 4)   # ½ ln 2π + 0.125 / 2
        0.9814
    """
    check_reduction(reduction)
    s = positive_number(sigma, "sigma")
    y = finite_array(y_true, "y_true")
    mu = finite_array(y_pred, "y_pred")
    check_same_shape(y, mu, "y_true", "y_pred")
    with np.errstate(over="ignore"):  # beyond float64's range: inf
        z = (y - mu) / s
        return reduce(0.5 * LN_2PI + math.log(s) + 0.5 * z * z, reduction)


def gaussian_nll_from_mse(mse: float, sigma: float) -> float:
    r"""Mean Gaussian NLL (nats) of predictions with mean squared error ``mse``, for fixed σ:

    .. math:: \tfrac12 \ln(2\pi\sigma^2) + \frac{\mathrm{MSE}}{2\sigma^2}

    An increasing straight-line function of the MSE: minimising one minimises the other. Any
    σ from 1e-300 to 1e300 works; a value beyond float64's range is ``inf``.

    Example:
        >>> round(gaussian_nll_from_mse(0.125, sigma=1.0), 4)
        0.9814
    """
    s = positive_number(sigma, "sigma")
    m = real_number(mse, "mse", low=0)
    with np.errstate(over="ignore"):  # beyond float64's range: inf
        scaled = np.float64(m) / s / s
    return float(0.5 * LN_2PI + math.log(s) + 0.5 * scaled)


def baseline_log_loss(prevalence: ArrayLike) -> Value:
    r"""Log loss (nats) of the no-skill model that always predicts the base rate π:

    .. math:: H(\pi) = -\pi \ln \pi - (1 - \pi) \ln (1 - \pi)

    the entropy of the prior [1 − π, π] in nats — on data with prevalence π, predicting π for
    every sample scores exactly this. Largest (ln 2) at π = 0.5; 0 at π = 0 or 1.

    Args:
        prevalence: fraction π of positive samples, in [0, 1] (a number or an array).

    Example:
        >>> round(baseline_log_loss(0.5), 3), round(baseline_log_loss(0.01), 3)
        (0.693, 0.056)
        >>> baseline_log_loss([0.0, 1.0])
        array([0., 0.])
    """
    pi = as_float_array(prevalence, "prevalence")
    check_unit_interval(pi, "prevalence")
    return scalar_or_array(-(p_times(pi, log(pi)) + p_times(1 - pi, log1m(pi))))


def log_loss_skill(log_loss: ArrayLike, baseline: ArrayLike) -> Value:
    r"""Skill score of a log loss against a baseline's log loss (same data, same units):

    .. math:: \text{skill} = 1 - \frac{LL}{LL_\text{baseline}}

    1 for a perfect model (LL = 0), 0 for one no better than the baseline, negative for worse.

    Raises:
        ValueError: a negative or NaN log loss, or a baseline that is not finite and positive.

    Example:
        >>> round(log_loss_skill(0.247, 0.693), 3)
        0.644
    """
    ll = as_float_array(log_loss, "log_loss")
    base = as_float_array(baseline, "baseline")
    if np.isnan(ll).any() or (ll < 0).any():
        raise ValueError("log_loss must be ≥ 0 (it may be inf)")
    if not (np.isfinite(base).all() and (base > 0).all()):
        raise ValueError("baseline must be a finite positive log loss (0 leaves nothing to beat)")
    try:
        with np.errstate(over="ignore"):  # a tiny baseline: the skill is -inf
            return scalar_or_array(1 - ll / base)
    except ValueError:
        raise ValueError(
            f"shape mismatch: log_loss has shape {ll.shape} and baseline has shape {base.shape}"
        ) from None


def expected_log_loss_if_calibrated(y_prob: ArrayLike) -> float:
    r"""The log loss (nats) a model would score on average if its probabilities were calibrated:

    .. math:: \frac{1}{n} \sum_i H(\hat y_i), \quad
              H(p) = -p \ln p - (1 - p) \ln (1 - p)

    If each label really is 1 with probability ŷ_i, sample i's expected loss is H(ŷ_i). A model
    whose actual log loss is far above this number is overconfident.

    Example:
        >>> round(expected_log_loss_if_calibrated([0.5, 0.5]), 3)
        0.693
    """
    return float(np.mean(baseline_log_loss(y_prob)))


def perplexity(cross_entropy: ArrayLike, base: float = math.e) -> Value:
    r"""Perplexity of a cross-entropy: the effective number of equally likely choices.

    .. math:: \mathrm{PP} = b^{H}

    with b = e for a cross-entropy in nats (the default) and b = 2 for one in bits (both give
    the same perplexity). A uniform guess among k choices has cross-entropy ln k and
    perplexity k.

    Raises:
        ValueError: a negative or NaN cross-entropy, or a base that is not a number > 1.

    Example:
        >>> round(perplexity(math.log(6)), 6), perplexity(3.0, base=2)
        (6.0, 8.0)
    """
    b = real_number(base, "base", low=1, low_open=True)
    h = as_float_array(cross_entropy, "cross_entropy")
    if np.isnan(h).any() or (h < 0).any():
        raise ValueError("cross_entropy must be ≥ 0")
    with np.errstate(over="ignore"):
        return scalar_or_array(np.power(b, h))


def log_clamped_binary_cross_entropy(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    log_min: float = -100.0,
    reduction: str = "mean",
) -> Value:
    r"""Binary cross-entropy (nats) with each log clamped from below, as PyTorch's ``BCELoss`` does:

    .. math:: \ell = -\left[ y \max(\ln \hat y, m) + (1 - y) \max(\ln(1 - \hat y), m) \right]

    with m = ``log_min`` (PyTorch: −100). A certain-and-wrong prediction costs −m = 100 nats
    instead of ``inf``; the probabilities themselves are not clipped.

    Example:
        >>> log_clamped_binary_cross_entropy([1], [0.0])
        100.0
        >>> round(log_clamped_binary_cross_entropy([1, 0], [0.8, 0.4]), 4)
        0.367
    """
    check_reduction(reduction)
    log_min = real_number(log_min, "log_min", high=0, high_open=True)
    y = as_float_array(y_true, "y_true")
    p = as_float_array(y_prob, "y_prob")
    check_same_shape(y, p, "y_true", "y_prob")
    check_unit_interval(y, "y_true")
    check_unit_interval(p, "y_prob")
    log_p = np.maximum(log(p), log_min)
    log_not_p = np.maximum(log1m(p), log_min)
    return reduce(-(y * log_p + (1 - y) * log_not_p), reduction)
