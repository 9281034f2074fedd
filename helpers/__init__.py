"""helpers — the shared library of the executable course on cross-entropy for machine learning.

Information measures (bits by default, distributions along the last axis):
    entropy(p), cross_entropy(p, q), kl_divergence(p, q)
Losses (nats, as classifiers are trained):
    binary_cross_entropy, categorical_cross_entropy,
    binary_cross_entropy_with_logits, softmax_cross_entropy_with_logits,
    sigmoid, softplus, softmax, log_softmax, smooth_labels
Modules:
    helpers.examples   the tutorial's data (colour events P, Q; the 10-sample binary example)
    helpers.plotting   the course's figures (imports matplotlib only when first used)
    helpers.exercises  checks for the notebooks' exercises
    helpers.widgets    interactive explorers for JupyterLab (imports ipywidgets only when used)
    helpers.likelihood likelihoods, baselines and perplexity (notebooks 06–07)
    helpers.training   gradient descent on a logistic model under either loss (notebook 08)
    helpers.tables     the per-event and per-sample tables the notebooks print

``import helpers`` imports numpy and nothing heavier; the plotting and widget modules load on
first access (``helpers.plotting.…``), so matplotlib and scikit-learn stay out until needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from . import examples
from .information import cross_entropy, entropy, kl_divergence
from .losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    log_softmax,
    sigmoid,
    smooth_labels,
    softmax,
    softmax_cross_entropy_with_logits,
    softplus,
)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from . import exercises, likelihood, plotting, tables, training, widgets

__version__ = "1.0.0"

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "categorical_cross_entropy",
    "cross_entropy",
    "entropy",
    "examples",
    "exercises",
    "kl_divergence",
    "likelihood",
    "log_softmax",
    "plotting",
    "sigmoid",
    "smooth_labels",
    "softmax",
    "softmax_cross_entropy_with_logits",
    "softplus",
    "tables",
    "training",
    "widgets",
]

_LAZY = {"exercises", "likelihood", "plotting", "tables", "training", "widgets"}


def __getattr__(name: str):
    """Import the heavier submodules on first use (PEP 562)."""
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
