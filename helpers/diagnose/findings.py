"""What :func:`~helpers.diagnose.diagnose` reports: the kinds of loss input it knows
(:data:`EXPECTED`), one likely problem (:class:`Finding`) and the whole report (:class:`Diagnosis`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["EXPECTED", "Diagnosis", "Finding"]

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


def _fmt(x: float) -> str:
    return f"{x:.4g}"
