"""The checks of y_pred: probabilities, probability rows, logits, and certain-and-wrong predictions.

Each appends its :class:`~.findings.Finding` objects to ``out``; none raises.
"""

from __future__ import annotations

import math

import numpy as np

from .._validation import SUM_TOLERANCE
from .findings import EXP_OVERFLOW, Finding, _fmt

__all__: list[str] = []


def _double_softmax_band(k: int) -> tuple[float, float]:
    """softmax of a probability vector (entries in [0, 1]) has entries in this band."""
    e = math.e
    return 1 / (1 + (k - 1) * e), e / (e + k - 1)


def _logits_as_probabilities(p: np.ndarray, advice: str, out: list[Finding]) -> bool:
    """Report values outside [0, 1] where probabilities belong (say what to use: ``advice``)."""
    low, high = float(p.min()), float(p.max())
    if 0 <= low and high <= 1:
        return False
    message = (
        f"y_pred has values from {_fmt(low)} to {_fmt(high)}, outside [0, 1]: these look like "
        f"logits passed where probabilities are expected. Use {advice}"
    )
    out.append(Finding("logits_as_probabilities", message))
    return True


def _probability_row_findings(p: np.ndarray, out: list[Finding], *, multilabel: bool) -> None:
    """Predictions that should be probability rows (or independent sigmoids if multilabel)."""
    k = p.shape[1]
    advice = (
        "the from-logits loss (from_logits=True, CrossEntropyLoss, BCEWithLogitsLoss) or apply "
        + ("sigmoid" if multilabel else "softmax")
        + " first."
    )
    if _logits_as_probabilities(p, advice, out):
        return
    low, high = float(p.min()), float(p.max())
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
    advice = "BCEWithLogitsLoss / from_logits=True, or apply the sigmoid first."
    if _logits_as_probabilities(p, advice, out):
        return
    low, high = float(p.min()), float(p.max())
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
                    "from logits, or bound it as the frameworks do (Keras clips probabilities to "
                    "[ε, 1 − ε]; PyTorch's BCELoss caps each log term at −100)."
                ),
            )
        )
