"""Information measures: entropy, cross-entropy and KL divergence of discrete distributions.

Every function takes distributions along the **last axis**: a 1-D array is one distribution and
gives a plain ``float``; a 2-D array is a batch of rows and gives one value per row. ``base`` is
the logarithm's base: 2 (the default) measures in bits, ``math.e`` in nats.

Conventions, as in information theory: ``0 · log 0 = 0`` (an event that never happens costs
nothing), and a true event given probability 0 costs ``inf`` — returned as ``inf``, without a
RuntimeWarning and never as NaN. Bad input raises ``ValueError`` (see ``helpers._validation``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (
    as_distribution,
    as_probability_array,
    check_same_events,
    is_distribution_block,
    log_of_base,
    scalar_or_array,
)

__all__ = ["cross_entropy", "entropy", "kl_divergence"]

Result = float | NDArray[np.float64]


def _log(q: np.ndarray) -> np.ndarray:
    """Natural log of probabilities, with log 0 = -inf and no warning."""
    with np.errstate(divide="ignore"):
        return np.log(q)


def _has_neginf(log_q: np.ndarray) -> bool:
    """Whether a log-probability array holds -inf (a zero probability); one cheap pass."""
    return bool(log_q.size) and bool(log_q.min() == -np.inf)


def _p_times(p: np.ndarray, log_q: np.ndarray) -> np.ndarray:
    """p · log q elementwise, with 0 · log q = 0 even where log q = -inf (0 log 0 = 0)."""
    if _has_neginf(log_q):
        return np.multiply(
            p, log_q, out=np.zeros(np.broadcast_shapes(p.shape, log_q.shape)), where=p > 0
        )
    return p * log_q


def _sum_p_times(p: np.ndarray, log_q: np.ndarray) -> np.ndarray:
    """Σ_x p(x) · log q(x) over the last axis, with 0 · log q = 0 even where log q = -inf.

    One fused multiply-and-add pass (``einsum``) instead of a product array and a slow
    last-axis ``sum``; every row goes through the same 2-D kernel, so a batch gives exactly
    the values its rows give one at a time. Returns an array of shape ``p``/``log_q``'s
    broadcast batch shape (0-d for one distribution).
    """
    if p.shape != log_q.shape:  # e.g. one q for a batch of p: view both at the full shape
        shape = np.broadcast_shapes(p.shape, log_q.shape)
        p, log_q = np.broadcast_to(p, shape), np.broadcast_to(log_q, shape)
    if _has_neginf(log_q):  # log q = -inf where p = 0 would give 0 · -inf = nan: make it 0
        log_q = np.where(p > 0, log_q, 0.0)
    k = p.shape[-1]
    rows = np.einsum("ij,ij->i", p.reshape(-1, k), log_q.reshape(-1, k))
    return rows.reshape(p.shape[:-1])


#: Elements per block in :func:`_blockwise`: a block of P, of Q and of their logarithms fit in
#: the CPU's cache together, so each input is read from memory once, not once per step.
BLOCK_ELEMENTS = 1 << 17

RowsTerm = Callable[[np.ndarray, np.ndarray], np.ndarray]


def _entropy_rows(p: np.ndarray, _: np.ndarray) -> np.ndarray:
    return -_sum_p_times(p, np.log(p))


def _cross_entropy_rows(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    return -_sum_p_times(p, np.log(q))


def _kl_rows(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):  # -inf - -inf = nan only where p = q = 0
        log_ratio = np.log(p) - np.log(q)  # +inf where q = 0 < p: KL is inf
    return _sum_p_times(p, np.where(p > 0, log_ratio, 0.0))  # 0 · log(0 / q) = 0


def _blockwise(rows_term: RowsTerm, p: ArrayLike, q: ArrayLike | None, base: float) -> Result:
    """Validate P (and Q) and evaluate ``rows_term`` (one value per row, in nats) block by block.

    Each block of rows is checked (entries in [0, 1], rows summing to 1) and then used while it
    is still in the CPU's cache: one trip through memory per input instead of one per step,
    which on a large batch matters more than the arithmetic. If a block fails, the whole input
    is checked again by :func:`as_distribution`, which raises the ValueError naming the first
    bad entry or row. Returns the rows' values in units of ``base`` (a float for one row).
    """
    ln_base = log_of_base(base)
    p_array = as_probability_array(p, "p")
    q_array = p_array if q is None else as_probability_array(q, "q")
    check_same_events(p_array, q_array)
    shape = np.broadcast_shapes(p_array.shape, q_array.shape)
    k = shape[-1]
    p_rows = np.broadcast_to(p_array, shape).reshape(-1, k)
    q_rows = np.broadcast_to(q_array, shape).reshape(-1, k)
    out = np.empty(p_rows.shape[0])
    step = max(1, BLOCK_ELEMENTS // k)
    with np.errstate(divide="ignore"):  # log 0 = -inf is expected, and handled
        for start in range(0, out.size, step):
            block = slice(start, start + step)
            p_block, q_block = p_rows[block], q_rows[block]
            if not is_distribution_block(p_block) or (
                q is not None and not is_distribution_block(q_block)
            ):
                as_distribution(p_array, "p")  # raises for a bad P,
                as_distribution(q_array, "q")  # or else for a bad Q
            out[block] = rows_term(p_block, q_block)
    return scalar_or_array(out.reshape(shape[:-1]) / ln_base)


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
    return _blockwise(_entropy_rows, p, None, base)


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
    return _blockwise(_cross_entropy_rows, p, q, base)


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
    return _blockwise(_kl_rows, p, q, base)
