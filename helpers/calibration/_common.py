"""Input checks and binning shared by :mod:`.scores`, :mod:`.reliability` and :mod:`.temperature`.

Bins follow ``sklearn.calibration.calibration_curve`` (see the package docstring).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import (
    as_float_array,
    binary_labels,
    check_same_shape,
    check_unit_interval,
    class_indices,
    real_number,
    shown,
)

__all__: list[str] = []

#: The binning strategies of :func:`reliability_curve` (as in scikit-learn).
STRATEGIES = ("uniform", "quantile")
#: Most bins a reliability curve may have (each bin costs memory, even when empty).
MAX_BINS = 1_000_000


def _check_bins(n_bins: int, strategy: str) -> None:
    real_number(n_bins, "n_bins", low=1, high=MAX_BINS, integer=True)
    if not isinstance(strategy, str) or strategy not in STRATEGIES:
        raise ValueError(f"strategy must be one of {STRATEGIES}, got {shown(strategy)}")


def _binary_pair(y_true: ArrayLike, y_prob: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """Validated 1-D labels (0 or 1) and probabilities of class 1, of the same length."""
    y = binary_labels(y_true, "y_true")
    p = as_float_array(y_prob, "y_prob")
    if y.ndim != 1:
        raise ValueError(f"y_true must be 1-D (one label per sample), got shape {y.shape}")
    check_same_shape(y, p, "y_true", "y_prob")
    check_unit_interval(p, "y_prob")
    return y, p


def _class_indices(y_true: ArrayLike, n_samples: int, n_classes: int) -> NDArray[np.intp]:
    """Validated integer class indices 0..k−1, one per sample."""
    t = as_float_array(y_true, "y_true")
    if t.shape != (n_samples,):
        raise ValueError(f"y_true must be {n_samples} class indices, got shape {t.shape}")
    return class_indices(t, "y_true", n_classes)


def _bin_ids(p: np.ndarray, n_bins: int, strategy: str) -> tuple[np.ndarray, np.ndarray]:
    """Each prediction's bin (0..n_bins−1) and the n_bins + 1 edges, as scikit-learn bins."""
    if strategy == "quantile":
        edges = np.percentile(p, np.linspace(0, 100, n_bins + 1))
    else:
        edges = np.linspace(0.0, 1.0, n_bins + 1)
    return np.searchsorted(edges[1:-1], p), edges


def _binned(y: np.ndarray, p: np.ndarray, n_bins: int, strategy: str):
    ids, edges = _bin_ids(p, n_bins, strategy)
    counts = np.bincount(ids, minlength=n_bins)
    positives = np.bincount(ids, weights=y, minlength=n_bins)
    sums = np.bincount(ids, weights=p, minlength=n_bins)
    return ids, edges, counts, positives, sums
