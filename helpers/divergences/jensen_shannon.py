r"""The Jensen–Shannon divergence: the average KL divergence of P and Q from their midpoint.

Bits by default (``base=2``; ``base=math.e`` for nats), distributions along the last axis, like
:func:`helpers.kl_divergence`.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .._validation import Value, as_distribution, check_same_events, log_of_base, scalar_or_array
from ..information import kl_divergence

__all__ = ["js_divergence"]


def js_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> Value:
    r"""Jensen–Shannon divergence: the average KL divergence of P and Q from their midpoint M.

    .. math:: JS(P, Q) = \tfrac12 \mathrm{KL}(P \| M) + \tfrac12 \mathrm{KL}(Q \| M),
              \qquad M = \tfrac12 (P + Q)

    Symmetric, ``JS(P, Q) = JS(Q, P)``; 0 only when P = Q; and never infinite: M is positive
    wherever P or Q is, so zeros in either distribution are harmless. Bounded by 1 bit
    (``log 2`` in the chosen base), reached when P and Q have disjoint supports. Its square root
    is a metric (the triangle inequality holds). Units: bits for ``base=2`` (the default).

    ``scipy.spatial.distance.jensenshannon(p, q)`` returns the **square root** of this, in
    **nats** by default: ``jensenshannon(p, q, base=2) ** 2 == js_divergence(p, q)``.

    Args:
        p, q: distributions along the last axis; batch shapes broadcast.
        base: base of the logarithm (2: bits, ``math.e``: nats).

    Returns:
        A float for one pair, an array with one value per row for a batch.

    Raises:
        ValueError: as for :func:`helpers.kl_divergence`.

    Example:
        >>> P, Q = [0.10, 0.40, 0.50], [0.80, 0.15, 0.05]
        >>> round(js_divergence(P, Q), 4), round(js_divergence(Q, P), 4)
        (0.4202, 0.4202)
        >>> js_divergence([1, 0], [0, 1])     # disjoint supports: the maximum, 1 bit
        1.0
        >>> js_divergence([[0.5, 0.5], [1, 0]], [0.5, 0.5]).round(4)
        array([0.    , 0.3113])
    """
    ln_base = log_of_base(base)
    p_array = as_distribution(p, "p")
    q_array = as_distribution(q, "q")
    check_same_events(p_array, q_array)
    m = 0.5 * (p_array + q_array)
    value = 0.5 * (
        np.asarray(kl_divergence(p_array, m, base=math.e))
        + np.asarray(kl_divergence(q_array, m, base=math.e))
    )
    # rounding can leave a few ulps outside the exact bounds [0, ln 2]
    return scalar_or_array(np.clip(value, 0.0, math.log(2)) / ln_base)
