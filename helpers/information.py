"""Information measures: entropy, cross-entropy and KL divergence of discrete distributions.

Every function takes distributions along the **last axis**: a 1-D array is one distribution and
gives a plain ``float``; a 2-D array is a batch of rows and gives one value per row. ``base`` is
the logarithm's base: 2 (the default) measures in bits, ``math.e`` in nats.

Conventions, as in information theory: ``0 · log 0 = 0`` (an event that never happens costs
nothing), and a true event given probability 0 costs ``inf`` — returned as ``inf``, without a
RuntimeWarning and never as NaN. Bad input raises ``ValueError`` (see ``helpers._validation``).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_distribution, check_same_events, log_of_base, scalar_or_array

__all__ = ["cross_entropy", "entropy", "kl_divergence"]

Result = float | NDArray[np.float64]


def _log(q: np.ndarray) -> np.ndarray:
    """Natural log of probabilities, with log 0 = -inf and no warning."""
    with np.errstate(divide="ignore"):
        return np.log(q)


def _p_times(p: np.ndarray, log_q: np.ndarray) -> np.ndarray:
    """p · log q elementwise, with 0 · log q = 0 even where log q = -inf (0 log 0 = 0)."""
    if np.isneginf(log_q).any():
        return np.multiply(
            p, log_q, out=np.zeros(np.broadcast_shapes(p.shape, log_q.shape)), where=p > 0
        )
    return p * log_q


def entropy(p: ArrayLike, base: float = 2) -> Result:
    r"""Entropy of a distribution: its average surprise.

    .. math:: H(P) = -\sum_x P(x) \log P(x)

    Units: bits for ``base=2`` (the default), nats for ``base=math.e``. Events with
    ``P(x) = 0`` contribute nothing (``0 · log 0 = 0``), so a certain (one-hot) distribution has
    entropy exactly 0 and the uniform distribution over ``n`` events has the maximum, ``log n``.

    Args:
        p: probabilities along the last axis, each distribution summing to 1.
        base: base of the logarithm, a positive number other than 1.

    Returns:
        A float for one distribution, an array with one value per row for a batch.

    Raises:
        ValueError: empty or non-numeric input, NaN/inf, entries outside [0, 1], a distribution
            not summing to 1 (within 1e-6), or a bad ``base``.

    Example:
        >>> round(entropy([0.10, 0.40, 0.50]), 3)   # bits
        1.361
        >>> entropy([0.5, 0.5]), entropy([1.0, 0.0])
        (1.0, 0.0)
        >>> entropy([[0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]])
        array([2., 0.])
    """
    ln_base = log_of_base(base)
    p = as_distribution(p, "p")
    return scalar_or_array(-_p_times(p, _log(p)).sum(axis=-1) / ln_base)


def cross_entropy(p: ArrayLike, q: ArrayLike, base: float = 2) -> Result:
    r"""Cross-entropy of Q relative to P: the average cost of events from P coded for Q.

    .. math:: H(P, Q) = -\sum_x P(x) \log Q(x)

    ``P`` is the true (target) distribution, ``Q`` the model's approximation. H(P, Q) is the
    *total* average message length, in bits for ``base=2``, when events drawn from P are encoded
    with a code optimal for Q; it equals H(P) + KL(P‖Q), so H(P, Q) ≥ H(P), with equality only when
    Q = P (and H(P, P) = H(P), not 0). It is not symmetric. Events with ``P(x) = 0`` contribute 0
    whatever Q says; if ``Q(x) = 0`` where ``P(x) > 0`` the result is ``inf``.

    Args:
        p: true probabilities along the last axis.
        q: model probabilities over the same events; batch shapes broadcast against ``p``'s.
        base: base of the logarithm (2: bits, ``math.e``: nats).

    Returns:
        A float for one pair of distributions, an array with one value per row for a batch.

    Raises:
        ValueError: as for :func:`entropy`, and if ``p`` and ``q`` are over different numbers of
            events or their batch shapes do not broadcast.

    Example:
        >>> P, Q = [0.10, 0.40, 0.50], [0.80, 0.15, 0.05]
        >>> round(cross_entropy(P, Q), 3), round(cross_entropy(Q, P), 3)
        (3.288, 2.906)
        >>> cross_entropy([0.5, 0.5], [1.0, 0.0])
        inf
    """
    ln_base = log_of_base(base)
    p = as_distribution(p, "p")
    q = as_distribution(q, "q")
    check_same_events(p, q)
    return scalar_or_array(-_p_times(p, _log(q)).sum(axis=-1) / ln_base)


def kl_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> Result:
    r"""Kullback–Leibler divergence of Q from P: the *extra* cost of coding P with Q's code.

    .. math:: D_{KL}(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)} = H(P, Q) - H(P)

    Always ≥ 0 (Gibbs' inequality), 0 only when P = Q, and not symmetric. Units: bits for
    ``base=2``, nats for ``base=math.e``. Events with ``P(x) = 0`` contribute 0; ``Q(x) = 0``
    where ``P(x) > 0`` gives ``inf``. Agrees with ``scipy.stats.entropy(p, q, base=base)`` on
    normalised input (scipy silently renormalises; this function raises instead).

    Args:
        p: true probabilities along the last axis.
        q: model probabilities over the same events; batch shapes broadcast against ``p``'s.
        base: base of the logarithm (2: bits, ``math.e``: nats).

    Returns:
        A float for one pair of distributions, an array with one value per row for a batch.

    Raises:
        ValueError: as for :func:`cross_entropy`.

    Example:
        >>> P, Q = [0.10, 0.40, 0.50], [0.80, 0.15, 0.05]
        >>> round(kl_divergence(P, Q), 3), round(kl_divergence(Q, P), 3)
        (1.927, 2.022)
        >>> kl_divergence(P, P)
        0.0
    """
    ln_base = log_of_base(base)
    p = as_distribution(p, "p")
    q = as_distribution(q, "q")
    check_same_events(p, q)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_ratio = np.log(p) - np.log(q)  # nan only where p = q = 0: masked out below
        terms = np.multiply(p, log_ratio, out=np.zeros(log_ratio.shape), where=p > 0)
    return scalar_or_array(terms.sum(axis=-1) / ln_base)
