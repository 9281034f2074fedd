r"""Cross-entropy as the frameworks compute it: class weights, NLL, focal loss, metrics, wiring.

The behaviour of scikit-learn, Keras and PyTorch reproduced in numpy (notebook 09), on top of
:mod:`helpers.losses` (whose stable log-softmax and softplus every function here reuses):

* :func:`weighted_cross_entropy_with_logits` — PyTorch's ``CrossEntropyLoss(weight=w)``,
  including its convention that ``"mean"`` divides by the sum of the targets' weights;
* :func:`nll_loss` — PyTorch's ``NLLLoss``: picks ``−input[i, t_i]``, whatever the input is;
* :func:`focal_loss_with_logits` — the focal loss −(1 − p_t)^γ ln p_t (γ = 0: cross-entropy);
* :func:`cross_entropy_gradient`, :func:`double_softmax_gradient` — the gradient with respect to
  the logits, wired correctly and with softmax applied twice;
* :func:`binary_accuracy`, :func:`categorical_accuracy` — the two metrics Keras may mean by
  ``"accuracy"``;
* :func:`fit_softmax_regression` and :func:`undo_class_weights` — what class weights do to the
  predicted probabilities, and the prior correction that undoes it.

Every loss is in nats. Inputs are validated as in :mod:`helpers.losses`: a ``ValueError`` names
the problem; never a NaN or a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (
    as_distribution,
    as_float_array,
    check_reduction,
    check_same_shape,
    check_unit_interval,
    real_number,
    reduce,
)
from .information import _p_times
from .losses import _finite, _labels_as_rows, log_softmax, softmax

__all__ = [
    "SoftmaxFit",
    "binary_accuracy",
    "categorical_accuracy",
    "cross_entropy_gradient",
    "double_softmax_gradient",
    "fit_softmax_regression",
    "focal_loss_with_logits",
    "nll_loss",
    "undo_class_weights",
    "weighted_cross_entropy_with_logits",
]


#: Limits of :func:`fit_softmax_regression` (a teaching tool: beyond them, use a real library).
MAX_CLASSES = 1000
MAX_EPOCHS = 100_000

# --- private checks ------------------------------------------------------------------------------


def _logits_2d(logits: ArrayLike, name: str = "logits") -> NDArray[np.float64]:
    z = _finite(logits, name)
    if z.ndim != 2:
        raise ValueError(f"{name} must be 2-D (samples × classes), got shape {z.shape}")
    return z


def _class_weights(weights: ArrayLike | None, n_classes: int) -> NDArray[np.float64]:
    """``None`` → all ones; otherwise k finite, non-negative numbers, not all zero."""
    if weights is None:
        return np.ones(n_classes)
    w = _finite(weights, "class_weights")
    if w.shape != (n_classes,):
        raise ValueError(
            f"class_weights must have one weight per class, shape ({n_classes},), got {w.shape}"
        )
    if (w < 0).any():
        raise ValueError(f"class_weights[{int(np.argmax(w < 0))}] is negative; weights are ≥ 0")
    if not (w > 0).any():
        raise ValueError("class_weights are all 0: nothing would be learnt")
    return w


def _total_weight(weights: np.ndarray) -> float:
    """The sum of the targets' weights, the denominator of PyTorch's weighted mean."""
    with np.errstate(over="ignore"):
        total = float(weights.sum())
    if total == 0:
        raise ValueError("the targets' class weights sum to 0: the weighted mean is undefined")
    if not np.isfinite(total):
        raise ValueError(
            "the targets' class weights sum beyond float64's range: scale them down "
            "(the weighted mean does not change)"
        )
    return total


def _is_index_target(y_true: ArrayLike) -> bool:
    """Whether targets are given as class indices (1-D numbers), as PyTorch distinguishes them."""
    try:
        raw = np.asarray(y_true)
    except (ValueError, TypeError):
        return False  # _labels_as_rows raises the ValueError
    return raw.ndim == 1 and np.issubdtype(raw.dtype, np.number) and raw.dtype != bool


def _non_negative(value: object, name: str) -> float:
    return real_number(value, name, low=0)


# --- losses --------------------------------------------------------------------------------------


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
    rows = _labels_as_rows(y_true, *z.shape)
    w = _class_weights(class_weights, z.shape[1])
    with np.errstate(over="ignore"):  # a huge weight times a large loss is inf, quietly
        losses = -_p_times(rows * w, log_softmax(z)).sum(axis=-1)
        if reduction != "mean" or not _is_index_target(y_true):
            return reduce(losses, reduction)
    # Σ w_t ℓ / Σ w_t as Σ (w_t / Σ w) ℓ: finite whenever the answer is
    shares = (rows @ w) / _total_weight(rows @ w)
    return float(-_p_times(rows * shares[:, None], log_softmax(z)).sum()) + 0.0


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
    rows = _labels_as_rows(y_true, *x.shape)
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
    rows = _labels_as_rows(y_true, *z.shape)
    log_p = log_softmax(z)
    factor = (-np.expm1(log_p)) ** g  # (1 − p)^γ, with 0^0 = 1
    return reduce(-_p_times(rows, factor * log_p).sum(axis=-1), reduction)


# --- gradients -----------------------------------------------------------------------------------


def cross_entropy_gradient(y_true: ArrayLike, logits: ArrayLike) -> NDArray[np.float64]:
    r"""The gradient of each sample's softmax cross-entropy with respect to its logits.

    .. math:: \frac{\partial \ell_i}{\partial z_{ic}} = \mathrm{softmax}(z_i)_c - y_{ic}

    Example:
        >>> cross_entropy_gradient([0], [[0.0, 0.0]])
        array([[-0.5,  0.5]])
    """
    z = _logits_2d(logits)
    return softmax(z) - _labels_as_rows(y_true, *z.shape)


def double_softmax_gradient(y_true: ArrayLike, logits: ArrayLike) -> NDArray[np.float64]:
    r"""The gradient with respect to the logits z when softmax is applied twice: the network
    outputs p = softmax(z) and the loss treats p as logits, ℓ = −ln softmax(p)_t.

    With g = softmax(p) − y (the gradient with respect to p) and the softmax Jacobian,

    .. math:: \frac{\partial \ell}{\partial z_c} = p_c \left(g_c - \textstyle\sum_j p_j g_j\right)

    Every entry of p lies in [0, 1], so the second softmax can never be confident and the
    gradient reaching z is much smaller than :func:`cross_entropy_gradient`'s.

    Example:
        >>> double_softmax_gradient([0], [[0.0, 0.0]])
        array([[-0.25,  0.25]])
    """
    z = _logits_2d(logits)
    p = softmax(z)
    g = softmax(p) - _labels_as_rows(y_true, *z.shape)
    return p * (g - (p * g).sum(axis=-1, keepdims=True))


# --- metrics -------------------------------------------------------------------------------------


def binary_accuracy(y_true: ArrayLike, y_prob: ArrayLike, threshold: float = 0.5) -> float:
    r"""Keras's ``binary_accuracy``: the fraction of *entries* whose prediction
    (``y_prob > threshold``) equals the 0/1 label — per label, not per sample.

    For a (n, k) array it averages over all n·k entries, so a one-hot target with k = 5 scores
    80 % for predicting "no" everywhere.

    Example:
        >>> binary_accuracy([[1, 0, 0, 0, 0]], [[0.1, 0.1, 0.1, 0.1, 0.1]])
        0.8
    """
    y = as_float_array(y_true, "y_true")
    p = as_float_array(y_prob, "y_prob")
    check_same_shape(y, p, "y_true", "y_prob")
    check_unit_interval(y, "y_true", "labels")
    check_unit_interval(p, "y_prob")
    cut = real_number(threshold, "threshold", low=0, high=1)
    return float(np.mean((p > cut) == (y == 1)))


def categorical_accuracy(y_true: ArrayLike, y_prob: ArrayLike) -> float:
    r"""Keras's ``categorical_accuracy`` (and ``sparse_categorical_accuracy`` for indices):
    the fraction of *samples* whose highest-scoring class is the true class.

    Works on probabilities or logits alike (only the argmax matters).

    Example:
        >>> categorical_accuracy([[1, 0, 0, 0, 0]], [[0.1, 0.3, 0.2, 0.2, 0.2]])
        0.0
        >>> categorical_accuracy([0, 1], [[0.6, 0.4], [0.7, 0.3]])
        0.5
    """
    scores = _logits_2d(y_prob, "y_prob")
    rows = _labels_as_rows(y_true, *scores.shape)
    return float(np.mean(scores.argmax(axis=1) == rows.argmax(axis=1)))


# --- class weights and calibration ---------------------------------------------------------------


def undo_class_weights(y_prob: ArrayLike, class_weights: ArrayLike) -> NDArray[np.float64]:
    r"""The prior correction: turn the probabilities of a model trained with class weights
    :math:`w_c` back into estimates of the true class probabilities.

    Weighting class c by :math:`w_c` trains the model as if class c were :math:`w_c` times as
    frequent; the weighted loss is minimised by :math:`q_c \propto w_c\, p_c`. Dividing by the
    weights and renormalising undoes it:

    .. math:: \hat p_c = \frac{q_c / w_c}{\sum_j q_j / w_j}

    Args:
        y_prob: the weighted model's probabilities, shape (k,) or (n, k), rows summing to 1.
        class_weights: the k weights used in training, all positive.

    Example:
        >>> undo_class_weights([0.5, 0.5], [1.0, 9.0]).round(2)
        array([0.9, 0.1])
    """
    q = as_distribution(y_prob, "y_prob")
    w = _class_weights(class_weights, q.shape[-1])
    if (w == 0).any():
        raise ValueError("undo_class_weights needs positive weights (a weight of 0 drops a class)")
    scaled = q / w
    return scaled / scaled.sum(axis=-1, keepdims=True)


@dataclass(frozen=True)
class SoftmaxFit:
    """A softmax-regression model fitted by :func:`fit_softmax_regression`.

    Attributes:
        weights: the (d, k) weight matrix W.
        bias: the (k,) bias b.
        loss: the final weighted training loss, in nats.
    """

    weights: NDArray[np.float64]
    bias: NDArray[np.float64]
    loss: float

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """softmax(X W + b): one predicted distribution per row of X."""
        features = _finite(X, "X")
        if features.ndim != 2 or features.shape[1] != self.weights.shape[0]:
            raise ValueError(
                f"X must have shape (n, {self.weights.shape[0]}), got {features.shape}"
            )
        return softmax(features @ self.weights + self.bias)


def fit_softmax_regression(
    X: ArrayLike,
    y: ArrayLike,
    n_classes: int,
    *,
    class_weights: ArrayLike | None = None,
    lr: float = 0.5,
    epochs: int = 500,
) -> SoftmaxFit:
    r"""Fit softmax(X W + b) by full-batch gradient descent on the class-weighted cross-entropy.

    The loss is :func:`weighted_cross_entropy_with_logits` with PyTorch's weighted mean; its
    gradient with respect to sample i's logits is
    :math:`w_{t_i} (\mathrm{softmax}(z_i) - y_i) / \sum_j w_{t_j}`. W and b start at 0, so the
    result is deterministic.

    Args:
        X: features, shape (n, d), finite.
        y: class indices in 0..k−1, shape (n,).
        n_classes: k, from 2 to :data:`MAX_CLASSES`.
        class_weights: k non-negative weights (``None``: all 1).
        lr: the learning rate, a positive number.
        epochs: the number of steps, from 1 to :data:`MAX_EPOCHS`.

    Raises:
        ValueError: bad shapes, labels, weights, ``lr`` or ``epochs``, or a run that diverges
            (logits or weights overflow float64 because ``lr`` is far too large).

    Example: three points, one feature.

        >>> fit = fit_softmax_regression([[-1.0], [0.0], [1.0]], [0, 0, 1], 2, epochs=200)
        >>> fit.predict_proba([[-1.0], [1.0]]).round(2)
        array([[1.  , 0.  ],
               [0.03, 0.97]])
    """
    n_classes = real_number(n_classes, "n_classes", low=2, high=MAX_CLASSES, integer=True)
    lr = real_number(lr, "lr", low=0, low_open=True)
    epochs = real_number(epochs, "epochs", low=1, high=MAX_EPOCHS, integer=True)
    features = _finite(X, "X")
    if features.ndim != 2:
        raise ValueError(f"X must be 2-D (samples × features), got shape {features.shape}")
    if not _is_index_target(y):
        raise ValueError("y must be integer class indices, shape (n,)")
    rows = _labels_as_rows(y, features.shape[0], int(n_classes))
    w = _class_weights(class_weights, int(n_classes))
    sample_weights = rows @ w
    total = _total_weight(sample_weights)
    W = np.zeros((features.shape[1], int(n_classes)))
    b = np.zeros(int(n_classes))
    for _ in range(int(epochs)):
        with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported below
            z = features @ W + b
            if not np.isfinite(z).all():
                raise ValueError(f"training diverged (logits overflowed): lr = {lr!r} is too large")
            grad = (softmax(z) - rows) * (sample_weights / total)[:, None]
            W -= lr * features.T @ grad
            b -= lr * grad.sum(axis=0)
    if not (np.isfinite(W).all() and np.isfinite(b).all()):
        raise ValueError(f"training diverged (weights overflowed): lr = {lr!r} is too large")
    loss = weighted_cross_entropy_with_logits(y, features @ W + b, w)
    return SoftmaxFit(weights=W, bias=b, loss=float(loss))
