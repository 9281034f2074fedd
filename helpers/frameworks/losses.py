r"""Losses as the frameworks define them: PyTorch's weighted ``CrossEntropyLoss`` and
``NLLLoss``, and the focal loss; all in nats.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._numerics import p_times
from .._validation import as_float_array, check_reduction, reduce
from ..losses import log_softmax, target_rows
from ._common import _class_weights, _is_index_target, _logits_2d, _non_negative, _total_weight

__all__ = ["focal_loss_with_logits", "nll_loss", "weighted_cross_entropy_with_logits"]


def weighted_cross_entropy_with_logits(
    y_true: ArrayLike,
    logits: ArrayLike,
    class_weights: ArrayLike | None = None,
    *,
    reduction: str = "mean",
) -> float | NDArray[np.float64]:
    r"""Class-weighted softmax cross-entropy from logits, as PyTorch's ``CrossEntropyLoss``.

    Each sample's loss is its cross-entropy with every class's term scaled by that class's
    weight :math:`w_c`:

    .. math:: \ell_i = -\sum_{c} w_c\, y_{ic} \ln \mathrm{softmax}(z_i)_c

    which for a class-index target :math:`t_i` is
    :math:`w_{t_i}\,(-\ln \mathrm{softmax}(z_i)_{t_i})`.
    ``reduction="mean"`` follows PyTorch's documented convention (PyTorch 2.x docs):

    * class-index targets (shape (n,)): a **weighted mean**, divided by the sum of the targets'
      weights, :math:`\sum_i \ell_i / \sum_i w_{t_i}` — not by n;
    * probability (or one-hot) rows (shape (n, k)): divided by n.

    So with equal weights both are the plain mean, and scaling all weights by a constant leaves
    the index-target mean unchanged.

    Args:
        y_true: class indices (n,) or target rows (n, k), one-hot or soft.
        logits: unnormalised scores, shape (n, k), finite.
        class_weights: k non-negative weights, not all zero (``None``: all 1).
        reduction: ``"mean"``, ``"sum"`` or ``"none"`` (per-sample weighted losses).

    Raises:
        ValueError: bad logits, targets or weights, or index targets whose weights sum to 0.

    Example: two samples of classes 0 and 1 with weights (1, 3).

        >>> z = [[2.0, 0.0], [2.0, 0.0]]
        >>> weighted_cross_entropy_with_logits([0, 1], z, [1.0, 3.0], reduction="none").round(4)
        array([0.1269, 6.3808])
        >>> round(weighted_cross_entropy_with_logits([0, 1], z, [1.0, 3.0]), 4)  # ÷ (1 + 3)
        1.6269
        >>> round(weighted_cross_entropy_with_logits([[1, 0], [0, 1]], z, [1.0, 3.0]), 4)  # ÷ 2
        3.2539
    """
    check_reduction(reduction)
    z = _logits_2d(logits)
    rows = target_rows(y_true, *z.shape)
    w = _class_weights(class_weights, z.shape[1])
    log_p = log_softmax(z)
    with np.errstate(over="ignore"):  # a huge weight times a large loss is inf, quietly
        losses = -p_times(rows * w, log_p).sum(axis=-1)
        if reduction != "mean" or not _is_index_target(y_true):
            return reduce(losses, reduction)
    # Σ w_t ℓ / Σ w_t as Σ (w_t / Σ w) ℓ: finite whenever the answer is
    shares = (rows @ w) / _total_weight(rows @ w)
    return float(-p_times(rows * shares[:, None], log_p).sum()) + 0.0


def nll_loss(
    y_true: ArrayLike,
    log_probs: ArrayLike,
    class_weights: ArrayLike | None = None,
    *,
    reduction: str = "mean",
) -> float | NDArray[np.float64]:
    r"""PyTorch's ``NLLLoss``: minus the entry of each row at the target class index.

    .. math:: \ell_i = -w_{t_i}\, x_{i, t_i}

    It does **not** take a logarithm: it expects log-probabilities (``log_softmax`` outputs),
    and then it is the cross-entropy. Given anything else it still returns a number — given
    probabilities it returns minus the mean true-class probability, a *negative* "loss".
    ``"mean"`` divides by the sum of the targets' weights, as in PyTorch.

    Args:
        y_true: integer class indices, shape (n,).
        log_probs: shape (n, k): log-probabilities (``-inf`` allowed), in truth any numbers.
        class_weights: k non-negative weights (``None``: all 1).
        reduction: ``"mean"``, ``"sum"`` or ``"none"``.

    Raises:
        ValueError: non-index targets, NaN or +inf in ``log_probs``, bad weights or shapes.

    Example:
        >>> round(nll_loss([0], np.log([[0.5, 0.5]])), 4)
        0.6931
        >>> nll_loss([0, 1], [[0.9, 0.1], [0.2, 0.8]])  # probabilities by mistake: negative
        -0.85
    """
    check_reduction(reduction)
    x = as_float_array(log_probs, "log_probs")
    if x.ndim != 2:
        raise ValueError(f"log_probs must be 2-D (samples × classes), got shape {x.shape}")
    if np.isnan(x).any() or (x == np.inf).any():
        raise ValueError("log_probs contains NaN or +inf; log-probabilities are ≤ 0")
    if not _is_index_target(y_true):
        raise ValueError("NLLLoss takes integer class indices, shape (n,), as y_true")
    rows = target_rows(y_true, *x.shape)
    w = _class_weights(class_weights, x.shape[1])
    target = rows.argmax(axis=1)
    weights = w[target]
    picked = x[np.arange(x.shape[0]), target]
    with np.errstate(over="ignore"):  # a huge weight times a large entry is inf, quietly
        losses = np.where(weights == 0, 0.0, -weights * np.where(weights == 0, 0.0, picked))
        if reduction != "mean":
            return reduce(losses, reduction)
    shares = weights / _total_weight(weights)  # Σ (w_t / Σ w) ℓ: finite whenever the answer is
    picked = np.where(shares == 0, 0.0, picked)
    return float(-np.sum(np.where(shares == 0, 0.0, shares * picked))) + 0.0


def focal_loss_with_logits(
    y_true: ArrayLike,
    logits: ArrayLike,
    gamma: float = 2.0,
    *,
    reduction: str = "mean",
) -> float | NDArray[np.float64]:
    r"""Focal loss (Lin et al., 2017) from logits, in nats: cross-entropy scaled down where the
    model is already right.

    .. math:: \ell_i = -\sum_c y_{ic}\, (1 - p_{ic})^{\gamma} \ln p_{ic},
        \qquad p_i = \mathrm{softmax}(z_i)

    For a one-hot target this is :math:`-(1 - p_t)^\gamma \ln p_t`. γ = 0 gives the
    cross-entropy back exactly; a larger γ shrinks the loss of well-classified samples
    (p_t near 1) much more than that of badly classified ones. A binary (sigmoid) model with
    logit z is the two-class case with logits (0, z). ``1 − p`` is computed as ``−expm1(ln p)``
    so that it keeps its precision when p is near 1.

    Args:
        y_true: class indices (n,) or target rows (n, k).
        logits: shape (n, k), finite.
        gamma: the focusing parameter γ ≥ 0 (2 in the paper).
        reduction: ``"mean"``, ``"sum"`` or ``"none"``.

    Example:
        >>> z = [[np.log(0.9), np.log(0.1)]]  # p_t = 0.9
        >>> round(focal_loss_with_logits([0], z, gamma=0.0), 4)  # = −ln 0.9, the cross-entropy
        0.1054
        >>> round(focal_loss_with_logits([0], z, gamma=2.0), 6)  # × (1 − 0.9)² = 0.01
        0.001054
    """
    check_reduction(reduction)
    g = _non_negative(gamma, "gamma")
    z = _logits_2d(logits)
    rows = target_rows(y_true, *z.shape)
    log_p = log_softmax(z)
    factor = (-np.expm1(log_p)) ** g  # (1 − p)^γ, with 0^0 = 1
    return reduce(-p_times(rows, factor * log_p).sum(axis=-1), reduction)
