r"""What class weights do to a model's probabilities: a softmax regression fitted on the
class-weighted cross-entropy, and the prior correction that undoes the weighting.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import as_distribution, finite_array, real_number
from ..losses import softmax, target_rows
from ._common import _class_weights, _is_index_target, _total_weight
from .losses import weighted_cross_entropy_with_logits

__all__ = ["SoftmaxFit", "fit_softmax_regression", "undo_class_weights"]


#: Limits of :func:`fit_softmax_regression` (a teaching tool: beyond them, use a real library).
MAX_CLASSES = 1000
MAX_EPOCHS = 100_000

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
        features = finite_array(X, "X")
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
    features = finite_array(X, "X")
    if features.ndim != 2:
        raise ValueError(f"X must be 2-D (samples × features), got shape {features.shape}")
    if not _is_index_target(y):
        raise ValueError("y must be integer class indices, shape (n,)")
    rows = target_rows(y, features.shape[0], int(n_classes))
    w = _class_weights(class_weights, int(n_classes))
    sample_weights = rows @ w
    total = _total_weight(sample_weights)
    W, b = _gradient_descent(features, rows, sample_weights / total, lr, int(epochs))
    if not (np.isfinite(W).all() and np.isfinite(b).all()):
        raise ValueError(f"training diverged (weights overflowed): lr = {lr!r} is too large")
    loss = weighted_cross_entropy_with_logits(y, features @ W + b, w)
    return SoftmaxFit(weights=W, bias=b, loss=float(loss))


def _gradient_descent(
    features: np.ndarray, rows: np.ndarray, shares: np.ndarray, lr: float, epochs: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The loop of :func:`fit_softmax_regression`, on inputs it has checked: W (d, k) and b (k,).

    Each step: z = X W + b, p = softmax(z) (shifted by each row's largest logit), and
    W −= lr Xᵀ G, b −= lr Σ_i G_i with G = (p − y) · shares. The arrays are held classes × samples
    (one row per class) and reused from step to step, so the per-class reductions run along
    contiguous rows and nothing is validated or allocated inside the loop.
    """
    n, k = rows.shape
    x_rows = np.ascontiguousarray(features.T)  # (d, n)
    targets = np.ascontiguousarray(rows.T)  # (k, n)
    W_t = np.zeros((k, features.shape[1]))  # Wᵀ, (k, d)
    b = np.zeros((k, 1))
    z = np.empty((k, n))
    largest = np.empty(n)
    totals = np.empty(n)
    step = np.empty_like(W_t)
    with np.errstate(over="ignore", invalid="ignore"):  # divergence is reported
        for _ in range(epochs):
            np.matmul(W_t, x_rows, out=z)
            z += b
            if not np.isfinite(z).all():
                raise ValueError(f"training diverged (logits overflowed): lr = {lr!r} is too large")
            np.max(z, axis=0, out=largest)
            z -= largest
            np.exp(z, out=z)
            np.sum(z, axis=0, out=totals)
            z /= totals  # softmax(z), column by column
            z -= targets
            z *= shares  # G, the gradient with respect to the logits, (k, n)
            np.matmul(z, features, out=step)
            step *= lr
            W_t -= step
            b -= lr * z.sum(axis=1, keepdims=True)
    return np.ascontiguousarray(W_t.T), b[:, 0].copy()
