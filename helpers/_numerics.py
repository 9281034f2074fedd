r"""Private numerics shared by the measures and losses: logs of probabilities and p · log q sums.

The conventions of information theory, with no RuntimeWarning and never a NaN:

* ``log(0) = -inf`` (:func:`log`), and ``log(1 - p)`` through ``log1p(-p)`` (:func:`log1m`),
  which keeps tiny p exact: ``-log1m(1e-17) = 1e-17`` where ``-log(1 - 1e-17)`` gives 0.
* ``0 · log q = 0`` even where ``log q = -inf`` (:func:`p_times`, :func:`sum_p_times`).
* ``clip_probability(p, eps)`` clips to ``[eps, 1 - eps]`` on *both* sides even when
  ``1 - eps`` rounds to 1 in float64 (``eps`` below about 1.1e-16): the upper bound is then the
  largest float below 1.
* :func:`scaled_logits` divides logits by a temperature T and raises ValueError, never ±inf,
  where a tiny T takes z / T beyond float64's range (one message for every caller).

>>> float(-log1m(np.array(1e-17)))
1e-17
>>> float(sum_p_times(np.array([0.0, 1.0]), log(np.array([0.0, 0.5]))))
-0.6931471805599453
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

#: The largest float64 below 1: the upper clipping bound when ``1 - eps`` would round to 1.
BELOW_ONE = float(np.nextafter(1.0, 0.0))


def log(q: np.ndarray) -> np.ndarray:
    """Natural log of probabilities, with log 0 = -inf and no warning."""
    with np.errstate(divide="ignore"):
        return np.log(q)


def log1m(p: np.ndarray) -> np.ndarray:
    """ln(1 − p) for probabilities, accurate for tiny p (``log1p(-p)``); ln(1 − 1) = -inf."""
    with np.errstate(divide="ignore"):
        return np.log1p(-p)


def clip_probability(p: np.ndarray, eps: float) -> NDArray[np.float64]:
    """Clip probabilities to ``[eps, 1 - eps]``; both sides, even for ``eps`` < 1.1e-16."""
    return np.clip(p, eps, min(1.0 - eps, BELOW_ONE))


def has_neginf(log_q: np.ndarray) -> bool:
    """Whether a log-probability array holds -inf (a zero probability); one cheap pass."""
    return bool(log_q.size) and bool(log_q.min() == -np.inf)


def p_times(p: np.ndarray, log_q: np.ndarray) -> np.ndarray:
    """p · log q elementwise, with 0 · log q = 0 even where log q = -inf (0 log 0 = 0)."""
    if has_neginf(log_q):
        return np.multiply(
            p, log_q, out=np.zeros(np.broadcast_shapes(p.shape, log_q.shape)), where=p > 0
        )
    return p * log_q


def sum_p_times(p: np.ndarray, log_q: np.ndarray) -> np.ndarray:
    """Σ_x p(x) · log q(x) over the last axis, with 0 · log q = 0 even where log q = -inf.

    One fused multiply-and-add pass (``einsum``) over C-contiguous rows, so every row goes
    through the same kernel whatever the input's memory layout: a batch gives exactly the
    values its rows give one at a time. Returns the broadcast batch shape (0-d for one row).
    """
    if p.shape != log_q.shape:  # e.g. one q for a batch of p: view both at the full shape
        shape = np.broadcast_shapes(p.shape, log_q.shape)
        p, log_q = np.broadcast_to(p, shape), np.broadcast_to(log_q, shape)
    if has_neginf(log_q):  # log q = -inf where p = 0 would give 0 · -inf = nan: make it 0
        log_q = np.where(p > 0, log_q, 0.0)
    k = p.shape[-1]
    rows = np.einsum(
        "ij,ij->i",
        np.ascontiguousarray(p.reshape(-1, k)),
        np.ascontiguousarray(log_q.reshape(-1, k)),
    )
    return rows.reshape(p.shape[:-1])


def sigmoid(z: np.ndarray) -> np.ndarray:
    """σ(z) = 1 / (1 + e^{−z}) for finite float arrays, without overflow (no checks: callers
    validate once, e.g. before a training loop)."""
    e = np.exp(-np.abs(z))  # in (0, 1]: never overflows
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def softplus(z: np.ndarray) -> np.ndarray:
    """ln(1 + e^z) = max(z, 0) + ln(1 + e^{−|z|}) for finite float arrays (no checks)."""
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def scaled_logits(z: np.ndarray, t: float, name: str = "logits") -> NDArray[np.float64]:
    """z / T for finite logits ``z`` and a temperature ``t`` = T > 0 (both checked by the caller).

    Raises:
        ValueError: if z / T overflows float64 (T too small for the logits); the message names
            the largest |logit| and T. ``name`` is the caller's name for ``z``.

    >>> scaled_logits(np.array([3.0, -1.5]), 1.5)
    array([ 2., -1.])
    >>> scaled_logits(np.array([1e200, 0.0]), 1e-300)
    Traceback (most recent call last):
    ...
    ValueError: logits / temperature overflows float64 (largest |logit| 1e+200,
    T = 1e-300); use a larger temperature
    """
    with np.errstate(over="ignore"):  # beyond float64's range is ±inf: refused just below
        scaled = z / t
    if not np.isfinite(scaled).all():
        raise ValueError(
            f"{name} / temperature overflows float64 (largest |logit| {np.abs(z).max():g}, "
            f"T = {t:g}); use a larger temperature"
        )
    return scaled
