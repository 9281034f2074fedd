r"""The two metrics Keras may mean by ``"accuracy"``: per entry (binary) and per sample
(categorical).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .._validation import as_float_array, check_same_shape, check_unit_interval, real_number
from ..losses import target_rows
from ._common import _logits_2d

__all__ = ["binary_accuracy", "categorical_accuracy"]


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
    rows = target_rows(y_true, *scores.shape)
    return float(np.mean(scores.argmax(axis=1) == rows.argmax(axis=1)))
