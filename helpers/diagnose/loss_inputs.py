r"""The entry point: :func:`diagnose` reads (y_true, y_pred) as the ``expected`` loss would.

It reads the arrays (never raising on odd values), reports NaN / inf, checks the shapes for the
task, then runs the label checks of :mod:`._labels` and the prediction checks of
:mod:`._predictions`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._validation import as_float_array, shown
from ._labels import _binary_label_findings, _index_label_findings, _row_label_findings
from ._predictions import (
    _binary_probability_findings,
    _certain_and_wrong,
    _logit_findings,
    _probability_row_findings,
)
from .findings import EXP_OVERFLOW, EXPECTED, Diagnosis, Finding, _fmt

__all__ = ["diagnose"]


def _as_numbers(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """Read an array as float64; booleans become 0/1. ValueError only if it is not numbers."""
    if isinstance(values, np.ndarray) and values.dtype == bool:
        values = values.astype(np.float64)
    elif isinstance(values, list | tuple):
        try:
            raw = np.asarray(values)
        except (ValueError, TypeError):
            raw = None
        if raw is not None and raw.dtype == bool:
            values = raw.astype(np.float64)
    return np.atleast_1d(as_float_array(values, name))


def _check_finite(array: np.ndarray, name: str, out: list[Finding]) -> np.ndarray:
    """Report NaN / inf entries and return the finite ones (flattened)."""
    nan, inf = int(np.isnan(array).sum()), int(np.isinf(array).sum())
    if nan and name == "y_pred":
        out.append(
            Finding(
                "nan_pred",
                (
                    f"y_pred has {nan} NaN value(s): the model's outputs are already NaN, so every "
                    "loss is NaN. Typical causes: exp of a large logit overflowing (inf / inf in "
                    "a naive softmax), a step size that diverged (the loss grew, then overflowed), "
                    "inf − inf or 0 · inf inside the model, or NaN in the input features."
                ),
            )
        )
    elif nan:
        out.append(
            Finding(
                "nan_labels",
                f"y_true has {nan} NaN value(s): missing labels? "
                "Drop or mask those samples; any NaN label makes the loss NaN.",
            )
        )
    if inf and name == "y_pred":
        out.append(
            Finding(
                "inf_pred",
                (
                    f"y_pred has {inf} infinite value(s): something exponentiated a large number "
                    f"(exp(z) overflows float64 for z > {EXP_OVERFLOW:.2f}) or divided by 0."
                ),
            )
        )
    elif inf:
        out.append(Finding("inf_labels", f"y_true has {inf} infinite value(s)."))
    return array[np.isfinite(array)]


def diagnose(y_true: ArrayLike, y_pred: ArrayLike, expected: str) -> Diagnosis:
    r"""Inspect the inputs of a cross-entropy loss and say, in plain words, what looks wrong.

    ``expected`` names what the loss expects (see :data:`EXPECTED`):

    ============================ ======================== ==========================
    expected                     y_true                   y_pred
    ============================ ======================== ==========================
    ``binary_probabilities``     0/1 labels (n,)          σ(z), in [0, 1] (n,)
    ``binary_logits``            0/1 labels (n,)          logits z (n,)
    ``indices_probabilities``    class indices (n,)       softmax rows (n, k)
    ``indices_logits``           class indices (n,)       logit rows (n, k)
    ``indices_log_probabilities`` class indices (n,)      log_softmax rows (n, k)
    ``onehot_probabilities``     one-hot rows (n, k)      softmax rows (n, k)
    ``onehot_logits``            one-hot rows (n, k)      logit rows (n, k)
    ``multilabel_probabilities`` multi-hot rows (n, k)    sigmoids (n, k)
    ``multilabel_logits``        multi-hot rows (n, k)    logits (n, k)
    ============================ ======================== ==========================

    Checks, each reported with the numbers behind it: NaN / inf (and where they come from);
    labels outside [0, 1] (0/255 masks, −1/+1 labels); non-integer or out-of-range class
    indices (1-based labels); one-hot rows where indices are expected and the reverse; several
    1s in a row under a multi-class loss; logits where probabilities are expected (values
    outside [0, 1], rows not summing to 1); probabilities where logits are expected; softmax or
    sigmoid applied twice; a softmax on multi-label outputs; predictions of exactly 0 or 1 on
    the wrong side (infinite loss); shapes that do not match, including the (n, 1) vs (n,)
    pair that broadcasts to (n, n).

    The findings are likely causes, not certainties: e.g. a model may honestly be unsure of
    every sample, which resembles softmax applied twice.

    Raises:
        ValueError: only for an unknown ``expected`` or arrays that are not numbers at all
            (empty, strings, complex, ragged, masked). Odd values are findings, never errors.

    Example: masks stored as 0/255 given to binary cross-entropy.

        >>> d = diagnose([0, 255, 255], [0.1, 0.8, 0.9], "binary_probabilities")
        >>> d.codes
        ('labels_outside_unit_interval',)
        >>> diagnose([0, 1], [0.2, 0.7], "binary_probabilities").ok
        True
    """
    if not isinstance(expected, str) or expected not in EXPECTED:
        raise ValueError(f"expected must be one of {sorted(EXPECTED)}, got {shown(expected)}")
    y = _as_numbers(y_true, "y_true")
    p = _as_numbers(y_pred, "y_pred")
    task, label_format, _, _ = EXPECTED[expected]
    out: list[Finding] = []
    y_finite = _check_finite(y, "y_true", out)
    p_finite_values = _check_finite(p, "y_pred", out)
    shapes_ok = True

    if task == "binary":
        if p.ndim == 2 and p.shape[1] == 2 and y.ndim == 1:
            out.append(
                Finding(
                    "two_columns_for_binary",
                    (
                        f"y_pred has shape {p.shape}: two columns, like a 2-class softmax. For a "
                        "binary loss give one probability (or logit) per sample, the class-1 "
                        "column; or keep both and use a multi-class loss with class indices."
                    ),
                )
            )
            shapes_ok = False
        elif y.shape != p.shape:
            if y.size == p.size:
                out.append(
                    Finding(
                        "shape_mismatch",
                        (
                            f"y_true has shape {y.shape} but y_pred has shape {p.shape}: reshape "
                            "one of them. Beware: (n, 1) against (n,) broadcasts to an (n, n) "
                            "array in numpy and PyTorch, silently comparing every label with "
                            "every prediction."
                        ),
                    )
                )
            else:
                out.append(
                    Finding(
                        "shape_mismatch",
                        f"y_true has shape {y.shape} but y_pred has shape {p.shape}.",
                    )
                )
            shapes_ok = y.size == p.size
        _binary_label_findings(y_finite, out)
    elif task == "multilabel":
        if y.shape != p.shape:
            out.append(
                Finding(
                    "shape_mismatch",
                    f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                    "multi-label targets and outputs are both (n, k).",
                )
            )
            shapes_ok = False
        _binary_label_findings(y_finite, out)
    else:  # multiclass
        k = p.shape[1] if p.ndim == 2 else None
        if p.ndim != 2:
            out.append(
                Finding(
                    "shape_mismatch",
                    (
                        f"y_pred has shape {p.shape}; a multi-class loss expects one row of k "
                        "scores per sample, shape (n, k)."
                    ),
                )
            )
            shapes_ok = False
        if label_format == "class indices":
            if y.ndim == 2 and y.shape == p.shape:
                out.append(
                    Finding(
                        "one_hot_where_indices_expected",
                        (
                            f"y_true has shape {y.shape}, rows like y_pred's, where class indices "
                            f"of shape ({y.shape[0]},) are expected: convert with "
                            "y_true.argmax(axis=1), or use the loss that takes one-hot rows "
                            "(CategoricalCrossentropy)."
                        ),
                    )
                )
                if y_finite.size == y.size:
                    _row_label_findings(y, out)
                shapes_ok = False
            elif y.ndim != 1 or (k is not None and y.shape[0] != p.shape[0]):
                out.append(
                    Finding(
                        "shape_mismatch",
                        f"y_true has shape {y.shape} but y_pred has shape {p.shape}; "
                        "expected (n,) class indices and (n, k) rows.",
                    )
                )
                shapes_ok = False
            else:
                _index_label_findings(y_finite, k, out)
        else:  # one-hot rows
            if y.ndim == 1 and p.ndim == 2 and y.shape[0] == p.shape[0]:
                out.append(
                    Finding(
                        "indices_where_one_hot_expected",
                        (
                            f"y_true has shape {y.shape}: class indices where one-hot rows of "
                            f"shape {p.shape} are expected. Use the sparse loss "
                            "(SparseCategoricalCrossentropy, or CrossEntropyLoss with indices), "
                            "or one-hot encode: np.eye(k)[y_true]."
                        ),
                    )
                )
                _index_label_findings(y_finite, k, out)
                shapes_ok = False
            elif y.shape != p.shape:
                out.append(
                    Finding(
                        "shape_mismatch",
                        f"y_true has shape {y.shape} but y_pred has shape {p.shape}.",
                    )
                )
                shapes_ok = False
            elif y_finite.size == y.size:
                _row_label_findings(y, out)

    if p_finite_values.size == p.size and p.size:  # prediction checks need finite values
        if expected in ("binary_probabilities",):
            _binary_probability_findings(p, out)
        elif expected in ("binary_logits", "multilabel_logits"):
            _logit_findings(p, out, rows=expected == "multilabel_logits")
        elif expected == "multilabel_probabilities" and p.ndim == 2:
            _probability_row_findings(p, out, multilabel=True)
        elif expected in ("indices_probabilities", "onehot_probabilities") and p.ndim == 2:
            _probability_row_findings(p, out, multilabel=False)
        elif expected in ("indices_logits", "onehot_logits") and p.ndim == 2:
            _logit_findings(p, out, rows=True)
        elif expected == "indices_log_probabilities" and p.ndim == 2:
            if p.max() > 1e-9:
                out.append(
                    Finding(
                        "not_log_probabilities",
                        (
                            f"y_pred has positive values (up to {_fmt(float(p.max()))}), but "
                            "log-probabilities are ≤ 0: NLLLoss expects log_softmax outputs. "
                            "Given probabilities it returns minus their mean, a negative 'loss'; "
                            "given logits it is simply wrong. Apply log_softmax, or use "
                            "CrossEntropyLoss on logits."
                        ),
                    )
                )

    if shapes_ok and task != "multiclass" and y.size == p.size:
        if expected.endswith("probabilities") and p_finite_values.size == p.size:
            _certain_and_wrong(y.reshape(p.shape), p, out)
    elif (
        shapes_ok
        and label_format == "class indices"
        and p.ndim == 2
        and expected == "indices_probabilities"
        and y_finite.size == y.size
    ):
        if (y == np.round(y)).all() and y.min() >= 0 and y.max() < p.shape[1]:
            idx = y.astype(np.int64)
            if (p[np.arange(p.shape[0]), idx] == 0).any():
                out.append(
                    Finding(
                        "certain_and_wrong",
                        (
                            "some true classes get probability exactly 0: their loss is −ln 0 = "
                            "inf. Compute the loss from logits, or clip probabilities to [ε, 1 − "
                            "ε]."
                        ),
                    )
                )
    return Diagnosis(expected=expected, findings=tuple(out))
