"""helpers — the shared library of the executable course on cross-entropy for machine learning.

Information measures (bits by default, distributions along the last axis):
    entropy(p), cross_entropy(p, q), kl_divergence(p, q)
Losses (nats, as classifiers are trained):
    binary_cross_entropy, categorical_cross_entropy,
    binary_cross_entropy_with_logits, softmax_cross_entropy_with_logits,
    sigmoid, softplus, softmax, log_softmax, smooth_labels
Modules:
    helpers.examples     the tutorial's data (colour events P, Q; the 10-sample binary example)
    helpers.prefix_codes prefix codes: decode a bit string, the Kraft sum (02)
    helpers.sampling     samples drawn from P, the empirical distribution, train vs held-out (04)
    helpers.plotting     the course's figures (imports matplotlib only when first used)
    helpers.exercises    checks for the notebooks' exercises
    helpers.widgets      interactive explorers for JupyterLab (imports ipywidgets only when used)
    helpers.likelihood   likelihoods, baselines and perplexity (notebooks 06–07)
    helpers.training     gradient descent on a logistic model under either loss (notebook 08)
    helpers.tables       the per-event and per-sample tables the notebooks print
    helpers.frameworks   cross-entropy as the frameworks compute it: weights, NLL, focal (09)
    helpers.diagnose     what is wrong with my loss inputs, read from the numbers (09)
    helpers.divergences  distillation, Jensen–Shannon, mutual information, Gaussians (10)
    helpers.calibration  reliability, calibration error, proper scores, temperature (11)
    helpers.ngram        character n-gram language models (12)
    helpers.coding       arithmetic coding with a model's probabilities; compressors (12)

THE CONTRACT (every public function; tests/test_hostile.py checks it on the whole API):

* A library function returns a correct result, ``inf`` where the mathematics is infinite (or a
  value is beyond float64's range), or raises ``ValueError`` saying what is wrong and where.
  Never NaN, never a warning, never another exception type (TypeError, IndexError,
  OverflowError, ...), never a silently wrong number.
* One rule for types: numbers of any real numeric dtype, numpy scalars and 0-d arrays are
  accepted; ``Fraction`` and ``Decimal`` (as scalars or as elements of a list) are converted
  exactly as ``float()`` converts them, and integers beyond float64's range are a ValueError
  (as ``float(10**400)`` is an error). Masked arrays, bools (a bool array, or one bool in a
  list), strings, complex numbers, ``None`` and other objects are a ValueError.
* Numerics: ``0 · log 0 = 0``; ``ln(1 − p)`` via ``log1p``; ``eps`` clips to ``[eps, 1 − eps]``
  on both sides (for tiny eps, up to the largest float below 1); a distribution summing to 1
  within 1e-6 is accepted and, if off by more than rounding, divided by its sum, so KL ≥ 0
  (clamped against rounding) and H(P, Q) ≥ H(P) (up to rounding) hold for every accepted row;
  results do not depend on memory layout (C, Fortran, strided) or on the batch a row is in;
  broadcast batches are computed block by block, never materialised.
* Exercise checks (``helpers.exercises``) never raise, whatever a learner types: any numeric
  type is judged by its value, anything else gets "Expected a number", and feedback echoes at
  most 40 characters of the input.

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
    from . import (
        calibration,
        coding,
        diagnose,
        divergences,
        exercises,
        frameworks,
        likelihood,
        ngram,
        plotting,
        prefix_codes,
        sampling,
        tables,
        training,
        widgets,
    )

__version__ = "1.0.0"

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "calibration",
    "categorical_cross_entropy",
    "coding",
    "cross_entropy",
    "diagnose",
    "divergences",
    "entropy",
    "examples",
    "exercises",
    "frameworks",
    "kl_divergence",
    "likelihood",
    "log_softmax",
    "ngram",
    "plotting",
    "prefix_codes",
    "sampling",
    "sigmoid",
    "smooth_labels",
    "softmax",
    "softmax_cross_entropy_with_logits",
    "softplus",
    "tables",
    "training",
    "widgets",
]

_LAZY = {
    "calibration",
    "coding",
    "diagnose",
    "divergences",
    "exercises",
    "frameworks",
    "likelihood",
    "ngram",
    "plotting",
    "prefix_codes",
    "sampling",
    "tables",
    "training",
    "widgets",
}


def __getattr__(name: str):
    """Import the heavier submodules on first use (PEP 562)."""
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
