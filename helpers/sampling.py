"""From distributions to data: seeded draws, the empirical distribution, a model's loss on a sample.

Notebook 04 uses these to show that the average of −log2 Q(x_i) over a sample *is* the
cross-entropy H(P̂, Q) of the sample's empirical distribution P̂, and that it converges to
H(P, Q) as the sample grows; and that a model fitted to a small sample can score below H(P)
on it (overfitting) while scoring above H(P) on fresh data.

Events are integer indices 0..n_events−1 (the positions in P and Q). Bits by default.

>>> sample = draw([0.1, 0.4, 0.5], 1000, seed=0)
>>> empirical_distribution(sample, 3).round(3).tolist()
[0.089, 0.384, 0.527]
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import as_distribution, class_indices, log_of_base, real_number

__all__ = [
    "draw",
    "empirical_distribution",
    "fit_categorical",
    "running_cross_entropy",
    "train_and_held_out",
]

#: The largest sample :func:`draw` makes (a bound, so a typo cannot exhaust memory).
MAX_DRAWS = 10_000_000


def draw(p: ArrayLike, n: int, *, seed: int) -> NDArray[np.intp]:
    """``n`` events drawn independently from the distribution ``p``, reproducibly from ``seed``.

    Returns event indices 0..len(p)−1 (``numpy.random.default_rng(seed).choice``).

    >>> draw([0.5, 0.5], 6, seed=1).tolist()
    [1, 1, 0, 1, 0, 0]
    """
    p_arr = as_distribution(p, "p")
    if p_arr.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D), got shape {p_arr.shape}")
    count = real_number(n, "n", low=1, high=MAX_DRAWS, integer=True)
    seed_value = real_number(seed, "seed", low=0, high=2**63 - 1, integer=True)
    rng = np.random.default_rng(seed_value)
    return rng.choice(p_arr.size, size=count, p=p_arr / p_arr.sum()).astype(np.intp)


def _events(samples: ArrayLike, n_events: int) -> tuple[NDArray[np.intp], int]:
    k = real_number(n_events, "n_events", low=1, high=MAX_DRAWS, integer=True)
    indices = np.atleast_1d(class_indices(samples, "samples", k))
    if indices.ndim != 1:
        raise ValueError(f"samples must be a 1-D sequence of events, got shape {indices.shape}")
    return indices, k


def empirical_distribution(samples: ArrayLike, n_events: int) -> NDArray[np.float64]:
    """The empirical distribution P̂ of a sample: P̂(x) = (number of times x occurs) / n.

    >>> empirical_distribution([0, 2, 2, 1], 3).tolist()
    [0.25, 0.25, 0.5]
    """
    indices, k = _events(samples, n_events)
    return np.bincount(indices, minlength=k) / indices.size


def fit_categorical(
    samples: ArrayLike, n_events: int, *, pseudocount: float = 0.0
) -> NDArray[np.float64]:
    """The maximum-likelihood model of a sample, smoothed: Q(x) = (count(x) + a) / (n + k·a).

    With ``pseudocount`` a = 0 this is P̂ itself (the model that minimises the training
    cross-entropy); a > 0 (add-a smoothing) keeps every event possible, so the model's
    cross-entropy on fresh data stays finite.

    >>> fit_categorical([0, 0, 1], 3, pseudocount=1).tolist()
    [0.5, 0.3333333333333333, 0.16666666666666666]
    """
    indices, k = _events(samples, n_events)
    return _smoothed(indices, k, real_number(pseudocount, "pseudocount", low=0, high=1e6))


def _smoothed(indices: NDArray[np.intp], k: int, a: float) -> NDArray[np.float64]:
    """(count(x) + a) / (n + k·a) for checked event indices: :func:`fit_categorical`'s formula."""
    counts = np.bincount(indices, minlength=k) + a
    return counts / counts.sum()


def running_cross_entropy(
    samples: ArrayLike, q: ArrayLike, *, base: float = 2.0
) -> NDArray[np.float64]:
    """The average of −log Q(x_i) over the first m draws, for every m = 1..n.

    .. math:: \\bar\\ell_m = \\frac{1}{m}\\sum_{i=1}^{m} -\\log Q(x_i) = H(\\hat P_m, Q)

    — the cross-entropy of the first m draws' empirical distribution with Q, in bits (``base=2``)
    or nats (``base=math.e``). ``inf`` from the first draw of an event with Q(x) = 0 onwards.

    >>> running_cross_entropy([0, 1], [0.5, 0.25, 0.25]).tolist()
    [1.0, 1.5]
    """
    q_arr = as_distribution(q, "q")
    if q_arr.ndim != 1:
        raise ValueError(f"q must be one distribution (1-D), got shape {q_arr.shape}")
    indices, _ = _events(samples, q_arr.size)
    log_base = log_of_base(base)
    with np.errstate(divide="ignore"):
        surprise = -np.log(q_arr[indices]) / log_base + 0.0
    return np.cumsum(surprise) / np.arange(1, indices.size + 1)


def train_and_held_out(
    p: ArrayLike,
    sizes: ArrayLike,
    *,
    seed: int,
    pseudocount: float = 0.5,
    n_held_out: int = 10_000,
    repeats: int = 100,
    base: float = 2.0,
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Overfitting, measured: a model fitted to n draws, scored on them and on fresh draws.

    For each training size n in ``sizes`` and each of ``repeats`` seeded repetitions: draw n
    training events from P, fit Q = :func:`fit_categorical` (add-``pseudocount`` smoothing),
    and score it by the average −log Q(x) on the training draws, H(P̂_train, Q), and on
    ``n_held_out`` fresh draws. Returns the two averages over the repetitions, one per size.

    In expectation the held-out score is H(P) + KL(P‖Q) ≥ H(P); the training score is not
    bounded by H(P) and falls below it for small n, because Q was fitted to those very draws.

    >>> train, held = train_and_held_out([0.5, 0.5], [4, 1000], seed=0, repeats=20)
    >>> bool(train[0] < 1 < held[0])
    True
    """
    p_arr = as_distribution(p, "p")
    if p_arr.ndim != 1:
        raise ValueError(f"p must be one distribution (1-D), got shape {p_arr.shape}")
    size_arr = np.atleast_1d(class_indices(sizes, "sizes", MAX_DRAWS + 1))
    if size_arr.ndim != 1 or np.any(size_arr < 1):
        raise ValueError("sizes must be a 1-D sequence of sample sizes, each at least 1")
    seed_value = real_number(seed, "seed", low=0, high=2**63 - 1, integer=True)
    held_count = real_number(n_held_out, "n_held_out", low=1, high=MAX_DRAWS, integer=True)
    runs = real_number(repeats, "repeats", low=1, high=10_000, integer=True)
    if (int(size_arr.sum()) + held_count * size_arr.size) * runs > 10 * MAX_DRAWS:
        raise ValueError(
            "(sizes + n_held_out per size) × repeats is too many draws (more than 100 million)"
        )
    a = real_number(pseudocount, "pseudocount", low=0, high=1e6)
    log_base = log_of_base(base)
    rng = np.random.default_rng(seed_value)
    k = p_arr.size
    train = np.zeros(size_arr.size)
    held = np.zeros(size_arr.size)
    p_draw = p_arr / p_arr.sum()
    for i, n in enumerate(size_arr.tolist()):
        for _ in range(runs):
            sample = rng.choice(k, size=n, p=p_draw)
            fresh = rng.choice(k, size=held_count, p=p_draw)
            q = _smoothed(sample, k, a)
            with np.errstate(divide="ignore"):
                log_q = -np.log(q) / log_base + 0.0
            train[i] += log_q[sample].mean()
            held[i] += log_q[fresh].mean()
    return train / runs, held / runs
