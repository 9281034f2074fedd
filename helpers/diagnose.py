r"""What is wrong with my loss inputs? :func:`diagnose` reads (y_true, y_pred) as a loss would.

Point it at your own arrays and say what the loss expects; it returns the likely problems in
plain words — labels outside [0, 1] (masks stored as 0/255), non-integer class indices, logits
passed where probabilities are expected (and the other way round), softmax or sigmoid applied
twice, one-hot rows where class indices are expected, a softmax on multi-label targets, NaN and
inf and where they come from. Every finding is a heuristic about *likely* wiring, stated with
the numbers that triggered it.

Contract: :func:`diagnose` never raises on odd *values* — NaN, inf, negative labels, wrong
shapes are exactly what it is there to describe. It raises ``ValueError`` only for input it
cannot read at all: an unknown ``expected``, or an array that is not numbers (strings, objects,
complex, ragged lists, masked arrays) or is empty. Booleans are read as 0/1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import SUM_TOLERANCE, as_float_array, shown

__all__ = ["EXPECTED", "Diagnosis", "Finding", "diagnose"]

#: What each ``expected`` kind means: (task, label format, prediction, the losses that take it).
EXPECTED: dict[str, tuple[str, str, str, str]] = {
    "binary_probabilities": (
        "binary",
        "0/1 labels",
        "probabilities σ(z)",
        "sklearn log_loss; Keras BinaryCrossentropy(); PyTorch BCELoss",
    ),
    "binary_logits": (
        "binary",
        "0/1 labels",
        "logits z",
        "Keras BinaryCrossentropy(from_logits=True); PyTorch BCEWithLogitsLoss",
    ),
    "indices_probabilities": (
        "multiclass",
        "class indices",
        "probability rows softmax(z)",
        "sklearn log_loss; Keras SparseCategoricalCrossentropy()",
    ),
    "indices_logits": (
        "multiclass",
        "class indices",
        "logit rows z",
        "PyTorch CrossEntropyLoss; Keras SparseCategoricalCrossentropy(from_logits=True)",
    ),
    "indices_log_probabilities": (
        "multiclass",
        "class indices",
        "log-probability rows log_softmax(z)",
        "PyTorch NLLLoss",
    ),
    "onehot_probabilities": (
        "multiclass",
        "one-hot (or soft) rows",
        "probability rows softmax(z)",
        "Keras CategoricalCrossentropy()",
    ),
    "onehot_logits": (
        "multiclass",
        "one-hot (or soft) rows",
        "logit rows z",
        "Keras CategoricalCrossentropy(from_logits=True); PyTorch CrossEntropyLoss "
        "(probability targets)",
    ),
    "multilabel_probabilities": (
        "multilabel",
        "multi-hot rows",
        "independent sigmoids σ(z)",
        "Keras BinaryCrossentropy(); PyTorch BCELoss",
    ),
    "multilabel_logits": (
        "multilabel",
        "multi-hot rows",
        "logit rows z",
        "Keras BinaryCrossentropy(from_logits=True); PyTorch BCEWithLogitsLoss",
    ),
}

#: ln of the largest float64: exp(z) overflows to inf beyond it.
EXP_OVERFLOW = math.log(np.finfo(np.float64).max)


@dataclass(frozen=True)
class Finding:
    """One likely problem: a short ``code`` (stable, for programs) and a ``message`` (for you)."""

    code: str
    message: str

    def __repr__(self) -> str:
        return f"- {self.message}"


@dataclass(frozen=True)
class Diagnosis:
    """What :func:`diagnose` found. Shown in a notebook as a list of findings.

    Attributes:
        expected: the kind of input the loss expects (a key of :data:`EXPECTED`).
        findings: the likely problems, most basic first; empty when nothing looks wrong.
    """

    expected: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when nothing looks wrong."""
        return not self.findings

    @property
    def codes(self) -> tuple[str, ...]:
        """The findings' codes, in order."""
        return tuple(f.code for f in self.findings)

    def __repr__(self) -> str:
        head = f"Checked as {self.expected} ({EXPECTED[self.expected][3]}):"
        if self.ok:
            return f"{head}\n- no problems found."
        return "\n".join([head, *(repr(f) for f in self.findings)])


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


def _fmt(x: float) -> str:
    return f"{x:.4g}"


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


def _double_softmax_band(k: int) -> tuple[float, float]:
    """softmax of a probability vector (entries in [0, 1]) has entries in this band."""
    e = math.e
    return 1 / (1 + (k - 1) * e), e / (e + k - 1)


def _probability_row_findings(p: np.ndarray, out: list[Finding], *, multilabel: bool) -> None:
    """Predictions that should be probability rows (or independent sigmoids if multilabel)."""
    k = p.shape[1]
    low, high = float(p.min()), float(p.max())
    if low < 0 or high > 1:
        out.append(
            Finding(
                "logits_as_probabilities",
                (
                    f"y_pred has values from {_fmt(low)} to {_fmt(high)}, outside [0, 1]: these "
                    "look like logits passed where probabilities are expected. Use the "
                    "from-logits loss (from_logits=True, CrossEntropyLoss, BCEWithLogitsLoss) or "
                    "apply " + ("sigmoid" if multilabel else "softmax") + " first."
                ),
            )
        )
        return
    sums = p.sum(axis=1)
    normalised = np.abs(sums - 1) <= SUM_TOLERANCE
    if multilabel:
        if k > 1 and normalised.all():
            out.append(
                Finding(
                    "softmax_on_multilabel",
                    (
                        "every row of y_pred sums to 1, as a softmax output does. Multi-label "
                        "outputs are independent sigmoids (each in [0, 1], rows need not sum to "
                        "1); a softmax forces the labels to compete and cannot say yes to two of "
                        "them."
                    ),
                )
            )
        return
    if not normalised.all():
        row = int(np.argmax(~normalised))
        out.append(
            Finding(
                "rows_not_normalised",
                (
                    f"row {row} of y_pred sums to {_fmt(float(sums[row]))}, not 1: sigmoid outputs "
                    "or unnormalised scores where softmax probabilities are expected."
                ),
            )
        )
        return
    lo, hi = _double_softmax_band(k)
    if k > 2 and low >= lo - 1e-12 and high <= hi + 1e-12:
        out.append(
            Finding(
                "double_softmax",
                (
                    f"every probability lies between {lo:.4f} and {hi:.4f}, the only values "
                    f"softmax can produce from inputs in [0, 1] (k = {k}): softmax was probably "
                    "applied twice (to probabilities). The loss then stays near ln k and the "
                    "gradient is small."
                ),
            )
        )


def _binary_probability_findings(p: np.ndarray, out: list[Finding]) -> None:
    low, high = float(p.min()), float(p.max())
    if low < 0 or high > 1:
        out.append(
            Finding(
                "logits_as_probabilities",
                (
                    f"y_pred has values from {_fmt(low)} to {_fmt(high)}, outside [0, 1]: these "
                    "look like logits passed where probabilities are expected. Use "
                    "BCEWithLogitsLoss / from_logits=True, or apply the sigmoid first."
                ),
            )
        )
        return
    s1 = 1 / (1 + math.exp(-1))
    if p.size >= 2 and low >= 0.5 and high <= s1 + 1e-12:
        out.append(
            Finding(
                "double_sigmoid",
                (
                    f"every prediction lies between 0.5 and σ(1) = {s1:.4f}, the only values a "
                    "sigmoid gives for inputs in [0, 1]: the sigmoid was probably applied twice."
                ),
            )
        )


def _logit_findings(z: np.ndarray, out: list[Finding], *, rows: bool) -> None:
    """Predictions that should be logits."""
    low, high = float(z.min()), float(z.max())
    if rows and z.ndim == 2 and low >= 0 and high <= 1:
        if (np.abs(z.sum(axis=1) - 1) <= SUM_TOLERANCE).all():
            out.append(
                Finding(
                    "probabilities_as_logits",
                    (
                        "every row of y_pred is a probability distribution (entries in [0, 1], "
                        "summing to 1): these look like softmax outputs passed as logits. The loss "
                        "applies softmax again (softmax twice): drop the final softmax layer, or "
                        "use from_logits=False."
                    ),
                )
            )
            return
    if low >= 0 and high <= 1 and z.size >= 2:
        out.append(
            Finding(
                "probabilities_as_logits",
                (
                    f"every value of y_pred lies in [0, 1] ({_fmt(low)} to {_fmt(high)}): these "
                    "look like probabilities passed as logits. The loss applies the sigmoid "
                    "again, squeezing every prediction into [0.5, 0.7311]: drop the final "
                    "sigmoid, or use from_logits=False."
                ),
            )
        )
        return
    biggest = max(abs(low), abs(high))
    if biggest > EXP_OVERFLOW:
        out.append(
            Finding(
                "huge_logits",
                (
                    f"logits reach {_fmt(biggest)} in size: exp(z) overflows float64 beyond "
                    f"{EXP_OVERFLOW:.2f}, so only a stable from-logits loss stays finite; logits "
                    "this large usually mean the training step size is too large (diverging)."
                ),
            )
        )


def _certain_and_wrong(y: np.ndarray, p: np.ndarray, out: list[Finding]) -> None:
    """Probabilities of exactly 0 or 1 on the wrong side: −ln 0 = inf."""
    with np.errstate(invalid="ignore"):
        wrong = ((y == 1) & (p == 0)) | ((y == 0) & (p == 1))
    if wrong.any():
        out.append(
            Finding(
                "certain_and_wrong",
                (
                    f"{int(wrong.sum())} prediction(s) are exactly 0 or 1 on the wrong side of the "
                    "label: their loss is −ln 0 = inf (NaN in some gradients). Compute the loss "
                    "from logits, or clip probabilities to [ε, 1 − ε] as the frameworks do."
                ),
            )
        )


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
