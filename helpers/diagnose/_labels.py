"""The checks of y_true: 0/1 labels, class indices, one-hot or soft target rows.

Each appends its :class:`~.findings.Finding` objects to ``out``; none raises.
"""

from __future__ import annotations

import numpy as np

from .._validation import SUM_TOLERANCE
from .findings import Finding, _fmt

__all__: list[str] = []


def _binary_label_findings(y: np.ndarray, out: list[Finding]) -> None:
    """Labels for binary / multi-label losses: 0/1 (or soft, in [0, 1])."""
    if y.size == 0:
        return
    low, high = float(y.min()), float(y.max())
    values = np.unique(y)
    if low < 0 or high > 1:
        if high == 255 and low >= 0:
            why = (
                "they look like image masks stored as 0/255: divide by 255. Binary cross-entropy "
                "with a label above 1 can be negative, and the model is pushed towards ever larger "
                "logits."
            )
        elif set(values.tolist()) <= {-1.0, 1.0}:
            why = "they look like −1/+1 labels (the SVM convention): map them with (y + 1) / 2."
        elif high > 1 and np.all(values == np.round(values)):
            why = (
                "they look like class indices: for more than two classes use a multi-class loss, "
                "or one binary label per class."
            )
        else:
            why = "binary cross-entropy needs labels in [0, 1]."
        out.append(
            Finding(
                "labels_outside_unit_interval",
                f"y_true has values from {_fmt(low)} to {_fmt(high)}, outside [0, 1]: " + why,
            )
        )
    elif not np.isin(values, (0.0, 1.0)).all():
        out.append(
            Finding(
                "soft_labels",
                (
                    "y_true has values strictly between 0 and 1 (soft labels). That is allowed, "
                    "but the smallest possible loss is then the labels' entropy, not 0."
                ),
            )
        )


def _index_label_findings(y: np.ndarray, k: int | None, out: list[Finding]) -> None:
    """Class-index labels: integers in 0..k−1."""
    if y.size == 0:
        return
    if not np.all(y == np.round(y)):
        bad = y[y != np.round(y)][0]
        out.append(
            Finding(
                "non_integer_labels",
                (
                    f"y_true should hold integer class indices but has {_fmt(float(bad))}: are "
                    "these probabilities or soft labels? Use a loss that takes probability rows."
                ),
            )
        )
        return
    low, high = int(y.min()), int(y.max())
    if k is None:
        return
    if low < 0 or high >= k:
        why = ""
        if low >= 1 and high == k:
            why = " They look 1-based: subtract 1 (classes are numbered 0..k−1)."
        elif low < 0:
            why = " A negative index is often an 'ignore' marker (PyTorch's ignore_index=-100)."
        out.append(
            Finding(
                "labels_out_of_class_range",
                f"y_true has class indices from {low} to {high}, but y_pred has "
                f"k = {k} columns, so the classes are 0..{k - 1}." + why,
            )
        )


def _row_label_findings(y: np.ndarray, out: list[Finding]) -> None:
    """One-hot / soft target rows for a multi-class loss."""
    if y.ndim != 2:
        return
    if y.min() < 0 or y.max() > 1:
        out.append(
            Finding(
                "labels_outside_unit_interval",
                f"y_true rows have values from {_fmt(float(y.min()))} to "
                f"{_fmt(float(y.max()))}; target rows must be probabilities.",
            )
        )
        return
    sums = y.sum(axis=1)
    ones = (y == 1).sum(axis=1)
    if (ones > 1).any():
        out.append(
            Finding(
                "multi_hot_targets",
                (
                    f"{int((ones > 1).sum())} target row(s) have several 1s (up to "
                    f"{int(ones.max())}): these are multi-label targets. A softmax cross-entropy "
                    "spreads one unit of probability over the classes and cannot predict two at "
                    "once: use independent sigmoids with binary cross-entropy per label."
                ),
            )
        )
    elif (np.abs(sums - 1) > SUM_TOLERANCE).any():
        row = int(np.argmax(np.abs(sums - 1) > SUM_TOLERANCE))
        out.append(
            Finding(
                "target_rows_not_distributions",
                f"target row {row} sums to {_fmt(float(sums[row]))}, not 1.",
            )
        )
