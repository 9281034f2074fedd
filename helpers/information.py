"""Information measures: entropy, cross-entropy and KL divergence of discrete distributions.

Every function takes distributions along the **last axis**: a 1-D array is one distribution and
gives a plain ``float``; a 2-D array is a batch of rows and gives one value per row. ``base`` is
the logarithm's base: 2 (the default) measures in bits, ``math.e`` in nats.

Conventions, as in information theory: ``0 · log 0 = 0`` (an event that never happens costs
nothing), and a true event given probability 0 costs ``inf`` — returned as ``inf``, without a
RuntimeWarning and never as NaN. Bad input raises ``ValueError`` (see ``helpers._validation``).

A distribution is accepted if it sums to 1 within 1e-6; a row whose sum is off by more than
rounding (1e-12) is divided by its sum before use (renormalised), so
KL(P‖Q) ≥ 0 and H(P, Q) ≥ H(P) hold for every accepted input up to rounding, and KL is
clamped at 0 against a rounding error of a few ulps. Results do not depend on
memory layout (C order, Fortran order, strided views) or on which batch a row is in.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from ._numerics import sum_p_times
from ._validation import (
    Value,
    as_distribution,
    as_probability_array,
    check_same_events,
    log_of_base,
    normalised_rows,
)

__all__ = ["cross_entropy", "entropy", "kl_divergence"]


#: Elements per block in :func:`_blockwise`: a block of P, of Q and of their logarithms fit in
#: the CPU's cache together, so each input is read from memory once, not once per step.
BLOCK_ELEMENTS = 1 << 17

RowsTerm = Callable[[np.ndarray, np.ndarray], np.ndarray]
BlockReader = Callable[[int, int], np.ndarray]


def _entropy_rows(p: np.ndarray, _: np.ndarray) -> np.ndarray:
    return -sum_p_times(p, np.log(p))


def _cross_entropy_rows(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    return -sum_p_times(p, np.log(q))


def _kl_rows(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):  # -inf - -inf = nan only where p = q = 0
        log_ratio = np.log(p) - np.log(q)  # +inf where q = 0 < p: KL is inf
    kl = sum_p_times(p, np.where(p > 0, log_ratio, 0.0))  # 0 · log(0 / q) = 0
    return np.maximum(kl, 0.0)  # Gibbs: ≥ 0; a rounding error of a few ulps is clamped


def _block_reader(array: np.ndarray, shape: tuple[int, ...]) -> BlockReader:
    """A function giving rows ``start:stop`` of ``array`` broadcast to ``shape``, flattened to a
    C-contiguous (rows × events) block — without materialising the broadcast, so a batch of
    1000 × 1000 pairs of rows needs memory for its output and one block, not for 10^6 rows."""
    k = shape[-1]
    if array.shape == shape:
        rows = array.reshape(-1, k)  # a view (or one copy of the input, never of a broadcast)
        return lambda start, stop: np.ascontiguousarray(rows[start:stop])
    view, batch = np.broadcast_to(array, shape), shape[:-1]
    return lambda start, stop: view[np.unravel_index(np.arange(start, stop), batch)]


def _blockwise(rows_term: RowsTerm, p: ArrayLike, q: ArrayLike | None, base: float) -> Value:
    """Validate P (and Q) and evaluate ``rows_term`` (one value per row, in nats) block by block.

    Each block of rows is checked (entries in [0, 1], rows summing to 1 within 1e-6), divided
    by its row sums if a row is off by more than rounding (so Gibbs' inequality holds for
    rows accepted within the tolerance), and then used while it is still in the CPU's cache. Every
    block is C-contiguous, so C order, Fortran order and strided views give identical results,
    and a row gives the same value alone as in any batch. If a block fails, the whole input is
    checked again by :func:`as_distribution`, which raises the ValueError naming the first bad
    entry or row. Returns the rows' values in units of ``base`` (a float for one row).
    """
    ln_base = log_of_base(base)
    p_array = as_probability_array(p, "p")
    q_array = p_array if q is None else as_probability_array(q, "q")
    check_same_events(p_array, q_array)

    def fail() -> None:
        as_distribution(p_array, "p")  # raises for a bad P,
        as_distribution(q_array, "q")  # or else for a bad Q
        raise AssertionError("a block failed but the whole input passed")  # pragma: no cover

    shape = np.broadcast_shapes(p_array.shape, q_array.shape)
    k = shape[-1]
    readers = []
    for array in (p_array, q_array) if q is not None else (p_array,):
        if array.shape != shape:  # broadcast: check (and normalise) the smaller input once
            rows = normalised_rows(np.ascontiguousarray(array.reshape(-1, k)))
            if rows is None:
                fail()
            array = rows.reshape(array.shape)
        readers.append((_block_reader(array, shape), array.shape == shape))
    out = np.empty(int(np.prod(shape[:-1], dtype=np.int64)))
    step = max(1, BLOCK_ELEMENTS // k)
    with np.errstate(divide="ignore"):  # log 0 = -inf is expected, and handled
        for start in range(0, out.size, step):
            stop = min(start + step, out.size)
            blocks = []
            for read, check in readers:
                block = read(start, stop)
                if check:
                    block = normalised_rows(block)
                    if block is None:
                        fail()
                blocks.append(block)
            out[start:stop] = rows_term(blocks[0], blocks[-1])
    out /= ln_base  # in place: the output is the only array the size of the batch
    out += 0.0  # -0.0 (the negated sum of zero terms) becomes 0.0
    return float(out[0]) if len(shape) == 1 else out.reshape(shape[:-1])


def entropy(p: ArrayLike, base: float = 2) -> Value:
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


def cross_entropy(p: ArrayLike, q: ArrayLike, base: float = 2) -> Value:
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


def kl_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> Value:
    r"""Kullback–Leibler divergence of Q from P: the *extra* cost of coding P with Q's code.

    .. math:: \mathrm{KL}(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)} = H(P, Q) - H(P)

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
