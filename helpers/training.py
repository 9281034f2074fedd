r"""Plain gradient descent on a logistic model, under cross-entropy or squared error.

A logistic model scores each sample x with a logit z = w·x + b and predicts ŷ = σ(z). Trained
on labels y ∈ {0, 1} by minimising the mean of one of two losses per sample:

* cross-entropy (log loss), in nats: ℓ = −[y ln σ(z) + (1 − y) ln(1 − σ(z))]
* squared error: ℓ = ½ (σ(z) − y)²

By the chain rule their gradients with respect to the logit are

.. math::
    \frac{\partial \ell_{CE}}{\partial z} = \sigma(z) - y, \qquad
    \frac{\partial \ell_{SE}}{\partial z} = (\sigma(z) - y)\,\sigma(z)\,(1 - \sigma(z))

The extra factor σ(z)(1 − σ(z)) ≤ 1/4 vanishes when the model is confident, so a confidently
wrong model learns almost nothing under squared error and fastest under cross-entropy. Bishop,
*Pattern Recognition and Machine Learning* (2006), §5.2, p. 235, citing Simard et al. (2003):
"using the cross-entropy error function instead of the sum-of-squares for a classification
problem leads to faster training as well as improved generalization".

This module is numpy only (``import helpers.training``); its results are deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import _numerics
from ._validation import (
    as_float_array,
    binary_labels,
    check_same_shape,
    finite_array,
    real_number,
    shown,
)
from .losses import sigmoid

__all__ = [
    "LOSSES",
    "TrainingHistory",
    "gradient_wrt_logit",
    "train_logistic",
    "tune_learning_rate",
]

#: The losses :func:`train_logistic` can minimise.
LOSSES = ("cross_entropy", "squared_error")

#: The most gradient steps :func:`train_logistic` takes: a teaching trainer, not a workhorse.
MAX_EPOCHS = 1_000_000


class TrainingDiverged(ValueError):
    """A ValueError: a run of :func:`train_logistic` overflowed float64 (lr too large, or X
    unscaled). :func:`tune_learning_rate` skips such a rate; every other ValueError propagates."""


def _check_loss(loss: str) -> None:
    if not isinstance(loss, str) or loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}, got {shown(loss)}")


def gradient_wrt_logit(y: ArrayLike, z: ArrayLike, loss: str = "cross_entropy") -> NDArray:
    r"""The derivative of one sample's loss with respect to its logit z (per nat of loss).

    .. math::
        \text{cross-entropy: } \sigma(z) - y, \qquad
        \text{squared error } \tfrac12(\sigma(z) - y)^2\text{: }
        (\sigma(z) - y)\,\sigma(z)\,(1 - \sigma(z))

    Args:
        y: labels, 0 or 1 (broadcast against ``z``).
        z: logits, any finite numbers.
        loss: ``"cross_entropy"`` or ``"squared_error"``.

    Returns:
        An array of gradients, the broadcast shape of ``y`` and ``z``.

    Raises:
        ValueError: labels other than 0/1, NaN/inf logits, shapes that do not broadcast, or an
            unknown ``loss``.

    Example: a confident mistake (y = 1, z = −6) keeps almost the full gradient under
    cross-entropy but almost none under squared error.

        >>> gradient_wrt_logit(1, [-6.0, 0.0, 6.0]).round(3)
        array([-0.998, -0.5  , -0.002])
        >>> gradient_wrt_logit(1, [-6.0, 0.0, 6.0], loss="squared_error").round(3)
        array([-0.002, -0.125, -0.   ])
    """
    _check_loss(loss)
    labels = binary_labels(y, "y")
    s = sigmoid(z)
    try:
        error = s - labels
    except ValueError:
        raise ValueError(
            f"shape mismatch: y has shape {labels.shape} and z has shape {s.shape}"
        ) from None
    if loss == "cross_entropy":
        return error
    return error * s * (1 - s)


@dataclass(frozen=True)
class TrainingHistory:
    """What :func:`train_logistic` records, one entry per epoch from 0 (the start) to ``epochs``.

    Attributes:
        loss: the loss that was minimised (``"cross_entropy"`` or ``"squared_error"``).
        accuracy: fraction of samples classified correctly (σ(z) > ½ means class 1).
        log_loss: mean binary cross-entropy of the predictions, in nats.
        squared_error: mean of ½ (σ(z) − y)².
        weights: the final weights w.
        bias: the final bias b.
    """

    loss: str
    accuracy: NDArray[np.float64]
    log_loss: NDArray[np.float64]
    squared_error: NDArray[np.float64]
    weights: NDArray[np.float64]
    bias: float

    @property
    def epochs(self) -> NDArray[np.int64]:
        """The epoch numbers 0, 1, …, n that the other arrays are indexed by."""
        return np.arange(len(self.accuracy))


def train_logistic(
    X: ArrayLike,
    y: ArrayLike,
    *,
    loss: str = "cross_entropy",
    lr: float = 0.5,
    epochs: int = 100,
    initial_weights: ArrayLike | None = None,
    initial_bias: float = 0.0,
    seed: int = 0,
) -> TrainingHistory:
    r"""Fit ŷ = σ(X w + b) by full-batch gradient descent on the mean of ``loss``.

    Each epoch takes one step against the gradient of the mean loss over the n samples:

    .. math::
        g_i = \frac{\partial \ell_i}{\partial z_i}, \qquad
        w \leftarrow w - \eta\, \frac{1}{n} X^\top g, \qquad
        b \leftarrow b - \eta\, \frac{1}{n} \sum_i g_i

    with g from :func:`gradient_wrt_logit` and learning rate η = ``lr``. Accuracy, log loss
    (nats) and squared error are recorded before the first step and after every step.

    Args:
        X: features, shape (n, d).
        y: labels 0/1, shape (n,).
        loss: ``"cross_entropy"`` or ``"squared_error"``.
        lr: the learning rate η, a positive number.
        epochs: the number of gradient steps, an integer from 1 to ``MAX_EPOCHS`` (10⁶).
        initial_weights: w at the start, shape (d,); ``None`` draws small random weights
            (normal, standard deviation 0.01) from ``np.random.default_rng(seed)``.
        initial_bias: b at the start.
        seed: the seed for the random initial weights (an integer ≥ 0); the same seed gives
            the same run.

    Raises:
        ValueError: bad shapes, labels other than 0/1, NaN/inf, unknown ``loss``, a
            non-positive ``lr`` or ``epochs``, a bad ``seed``, or a run that overflows float64
            (features too large for this ``lr``: the message names ``X`` and ``lr``).

    Example: two points, started confidently wrong (w = −5).

        >>> X, y = [[-1.0], [1.0]], [0, 1]
        >>> ce = train_logistic(X, y, epochs=20, initial_weights=[-5.0])
        >>> se = train_logistic(X, y, loss="squared_error", epochs=20, initial_weights=[-5.0])
        >>> print(ce.accuracy[-1], se.accuracy[-1])
        1.0 0.0
        >>> print(f"{ce.log_loss[-1]:.3f} {se.log_loss[-1]:.3f}")
        0.222 4.939
    """
    _check_loss(loss)
    lr = real_number(lr, "lr", low=0, low_open=True)
    epochs = int(real_number(epochs, "epochs", low=1, high=MAX_EPOCHS, integer=True))
    seed = int(real_number(seed, "seed", low=0, integer=True))
    features = finite_array(X, "X")
    if features.ndim != 2:
        raise ValueError(f"X must be 2-D (samples × features), got shape {features.shape}")
    labels = binary_labels(y, "y")
    if labels.shape != (features.shape[0],):
        raise ValueError(
            f"shape mismatch: y has shape {labels.shape} but X has {features.shape[0]} rows"
        )
    if initial_weights is None:
        w = np.random.default_rng(seed).normal(0.0, 0.01, size=features.shape[1])
    else:
        w = finite_array(initial_weights, "initial_weights").copy()
        check_same_shape(w, features[0], "initial_weights", "one row of X")
    b = real_number(initial_bias, "initial_bias")

    n = features.shape[0]
    positive = labels == 1
    accuracy, log_loss, squared = [], [], []
    for epoch in range(epochs + 1):
        with np.errstate(all="ignore"):  # overflow is detected below and named
            z = features @ w + b
        if not np.isfinite(z).all():
            raise TrainingDiverged(
                f"X @ weights + bias overflowed float64 at epoch {epoch}: X's largest "
                f"magnitude is {np.abs(features).max():.3g} and lr = {lr:g}; scale X "
                "(e.g. standardise its columns) or use a smaller lr"
            )
        # Inputs were checked once above; inside the loop the unchecked kernels compute the same
        # numbers as sigmoid, binary_cross_entropy_with_logits and gradient_wrt_logit.
        s = _numerics.sigmoid(z)
        accuracy.append(float(np.mean((z > 0) == positive)))
        with np.errstate(over="ignore"):  # a loss beyond float64's range is inf, quietly
            per_sample = labels * _numerics.softplus(-z) + (1 - labels) * _numerics.softplus(z)
            log_loss.append(float(per_sample.mean() + 0.0))
        squared.append(float(np.mean(0.5 * (s - labels) ** 2)))
        if epoch == epochs:
            break
        g = s - labels if loss == "cross_entropy" else (s - labels) * s * (1 - s)
        with np.errstate(all="ignore"):
            w = w - lr * (features.T @ g) / n
            b = b - lr * float(g.mean())
        if not (np.isfinite(w).all() and np.isfinite(b)):
            raise TrainingDiverged(
                f"a gradient step overflowed float64 at epoch {epoch + 1}: lr = {lr:g} is too "
                f"large for X's scale (largest magnitude {np.abs(features).max():.3g})"
            )
    return TrainingHistory(
        loss=loss,
        accuracy=np.array(accuracy),
        log_loss=np.array(log_loss),
        squared_error=np.array(squared),
        weights=w,
        bias=b,
    )


def tune_learning_rate(
    X: ArrayLike,
    y: ArrayLike,
    lrs: ArrayLike = (0.25, 1.0, 4.0, 16.0, 64.0),
    *,
    loss: str = "cross_entropy",
    epochs: int = 10,
    at_epoch: int | None = None,
    **kwargs: object,
) -> tuple[float, dict[float, TrainingHistory]]:
    r"""Pick the learning rate from a small grid that leaves ``loss`` itself lowest after
    ``at_epoch`` steps: each loss judged by its own objective, so two losses compare fairly.

    .. math::
        \eta^* = \arg\min_{\eta \in \text{lrs}} \bar\ell_{\text{loss}}(\eta,\ \text{at\_epoch})

    where the mean loss is the log loss (nats) for ``"cross_entropy"`` and the mean ½(σ(z) − y)²
    for ``"squared_error"``. Ties go to the smaller rate. A rate whose run overflows float64 is
    skipped; if every rate overflows, the ValueError of the smallest one is raised.

    Args:
        X, y: as for :func:`train_logistic`.
        lrs: the candidate learning rates, positive numbers (at least one).
        loss: ``"cross_entropy"`` or ``"squared_error"``.
        epochs: gradient steps per run, as for :func:`train_logistic`.
        at_epoch: the epoch at which the runs are judged, 0 to ``epochs`` (default: the last).
        **kwargs: passed on to :func:`train_logistic` (``initial_weights``, ``seed`` …).

    Returns:
        The best rate and every run, keyed by its rate.

    Raises:
        ValueError: an empty or non-positive grid, ``at_epoch`` outside 0..``epochs``, or
            anything :func:`train_logistic` rejects.

    Example: two points, started confidently wrong; every rate of the default grid is tried.

        >>> X, y = [[-1.0], [1.0]], [0, 1]
        >>> best, runs = tune_learning_rate(X, y, loss="squared_error", initial_weights=[-5.0])
        >>> best, sorted(runs)
        (64.0, [0.25, 1.0, 4.0, 16.0, 64.0])
    """
    _check_loss(loss)
    epochs = int(real_number(epochs, "epochs", low=1, high=MAX_EPOCHS, integer=True))
    judge = epochs if at_epoch is None else at_epoch
    judge = int(real_number(judge, "at_epoch", low=0, high=epochs, integer=True))
    grid = as_float_array(lrs, "lrs")
    if grid.ndim != 1 or grid.size == 0:
        raise ValueError(f"lrs must be a non-empty 1-D list of rates, got shape {grid.shape}")
    runs: dict[float, TrainingHistory] = {}
    first_error: TrainingDiverged | None = None
    for lr in grid:
        rate = float(real_number(lr, "lrs", low=0, low_open=True))
        try:
            runs[rate] = train_logistic(X, y, loss=loss, lr=rate, epochs=epochs, **kwargs)
        except TrainingDiverged as error:  # any other ValueError (bad X, y, kwargs …) propagates
            first_error = first_error or error
    if not runs:
        assert first_error is not None
        raise first_error
    objective = "log_loss" if loss == "cross_entropy" else "squared_error"
    best = min(runs, key=lambda rate: (float(getattr(runs[rate], objective)[judge]), rate))
    return best, runs
