"""Reusable hypothesis strategies: probability distributions, pairs and batches of them.

Every distribution is a float64 numpy array that sums to 1 (to within rounding), drawn by
normalising non-negative weights. With ``zeros=True`` (the default) entries are exactly 0 often
enough to exercise the ``0 · log 0 = 0`` and ``Q(x) = 0`` conventions; ``zeros=False`` keeps every
entry at least about 1e-6 of the largest, so every logarithm is finite.
"""

from __future__ import annotations

import numpy as np
from hypothesis import settings
from hypothesis import strategies as st

#: Most events a drawn distribution has (small keeps shrinking fast; batches test scale).
MAX_EVENTS = 12


def fewer_examples(divisor: int) -> settings:
    """Settings with 1/divisor of the active profile's examples (at least 25): for tests whose
    every example is slow (calls into scipy or scikit-learn, or draws whole batches), so the
    suite stays quick while the CI profile still scales them up."""
    return settings(max_examples=max(25, settings.default.max_examples // divisor))


_positive_weight = st.floats(min_value=1e-6, max_value=1.0)
_any_weight = st.one_of(
    st.just(0.0),  # exact zeros
    st.floats(min_value=0.0, max_value=1.0, allow_subnormal=False),  # incl. tiny ones
)


def _normalise(weights: np.ndarray) -> np.ndarray:
    """Rows of non-negative weights → distributions; an all-zero row becomes one-hot."""
    weights[weights.sum(axis=-1) == 0, ..., 0] = 1.0
    return weights / weights.sum(axis=-1, keepdims=True)


def _weights(draw: st.DrawFn, count: int, zeros: bool) -> np.ndarray:
    element = _any_weight if zeros else _positive_weight
    return np.array(draw(st.lists(element, min_size=count, max_size=count)), dtype=np.float64)


@st.composite
def distributions(
    draw: st.DrawFn,
    size: int | None = None,
    *,
    min_size: int = 1,
    max_size: int = MAX_EVENTS,
    zeros: bool = True,
) -> np.ndarray:
    """One distribution over ``size`` events (or a drawn size in ``min_size..max_size``)."""
    n = size if size is not None else draw(st.integers(min_size, max_size))
    return _normalise(_weights(draw, n, zeros))


@st.composite
def distribution_pairs(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = MAX_EVENTS,
    p_zeros: bool = True,
    q_zeros: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """(P, Q): two distributions over the same number of events."""
    n = draw(st.integers(min_size, max_size))
    return draw(distributions(n, zeros=p_zeros)), draw(distributions(n, zeros=q_zeros))


@st.composite
def batches(
    draw: st.DrawFn,
    size: int | None = None,
    *,
    min_rows: int = 1,
    max_rows: int = 8,
    zeros: bool = True,
) -> np.ndarray:
    """A 2-D batch: rows are distributions over the same events (shape rows × events)."""
    n = size if size is not None else draw(st.integers(1, MAX_EVENTS))
    rows = draw(st.integers(min_rows, max_rows))
    return _normalise(_weights(draw, rows * n, zeros).reshape(rows, n))


@st.composite
def batch_pairs(
    draw: st.DrawFn, *, p_zeros: bool = True, q_zeros: bool = True
) -> tuple[np.ndarray, np.ndarray]:
    """(P, Q): two batches of the same shape, row i of P paired with row i of Q."""
    p = draw(batches(zeros=p_zeros))
    rows, n = p.shape
    q = draw(batches(n, min_rows=rows, max_rows=rows, zeros=q_zeros))
    return p, q


@st.composite
def binary_samples(
    draw: st.DrawFn, *, soft: bool = False, min_size: int = 1, max_size: int = 30
) -> tuple[np.ndarray, np.ndarray]:
    """(y_true, y_prob) for the binary loss: hard 0/1 labels (or soft ones in [0, 1]) and
    predicted probabilities of class 1 in [0, 1], exact 0 and 1 included."""
    n = draw(st.integers(min_size, max_size))
    label = st.floats(0.0, 1.0) if soft else st.sampled_from([0.0, 1.0])
    y = draw(st.lists(label, min_size=n, max_size=n))
    prob = st.one_of(st.sampled_from([0.0, 1.0]), st.floats(0.0, 1.0, allow_subnormal=False))
    p = draw(st.lists(prob, min_size=n, max_size=n))
    return np.array(y), np.array(p)
