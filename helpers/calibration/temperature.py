r"""Temperature scaling: recalibrate logits by one T > 0 fitted on validation data (notebook 11).

Dividing logits by T > 0 never changes their order, so the predicted class — and the accuracy —
stay the same; :func:`binary_logits` gets the logits of a fitted scikit-learn binary classifier.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .. import _numerics
from .._validation import (
    binary_labels,
    check_same_shape,
    finite_array,
    positive_number,
    real_number,
    shown,
)
from ..losses import log_softmax, sigmoid, softmax
from ._common import _class_indices

__all__ = [
    "MAX_LOGIT",
    "apply_temperature",
    "binary_logits",
    "fit_temperature",
    "temperature_log_loss",
]

#: Largest |logit| accepted: z / T must stay finite for every temperature searched.
MAX_LOGIT = 1e200


def _finite_logits(logits: ArrayLike) -> np.ndarray:
    z = finite_array(logits, "logits")
    if z.ndim not in (1, 2):
        raise ValueError(
            f"logits must be 1-D (binary: one logit per sample) or 2-D (samples × classes), "
            f"got shape {z.shape}"
        )
    if z.ndim == 2 and z.shape[1] < 2:
        raise ValueError(f"2-D logits need at least 2 classes (columns), got shape {z.shape}")
    too_large = np.abs(z) > MAX_LOGIT
    if too_large.any():
        where = np.unravel_index(int(np.argmax(too_large)), z.shape)
        raise ValueError(
            f"logits[{', '.join(map(str, where))}] = {z[where]:g} is too large; |logits| must be "
            f"at most {MAX_LOGIT:g}, so that z / T stays within float64"
        )
    return z


# --- temperature scaling -------------------------------------------------------------------------


def apply_temperature(logits: ArrayLike, temperature: float) -> NDArray[np.float64]:
    r"""Probabilities of logits divided by a temperature T > 0.

    .. math:: \hat y = \sigma(z / T) \ \text{(1-D, binary)}, \qquad
              \hat y = \mathrm{softmax}(z / T) \ \text{(2-D, one row per sample)}

    T > 1 softens the probabilities towards 1/2 (or uniform), T < 1 sharpens them, T = 1 leaves
    them alone. z/T keeps the order of each row's logits, so the predicted class never changes.

    Example:
        >>> apply_temperature([2.0, -2.0], 2.0).round(4)
        array([0.7311, 0.2689])
        >>> apply_temperature([[0.0, np.log(4)]], 2.0).round(4)
        array([[0.3333, 0.6667]])
    """
    z = _finite_logits(logits)
    t = positive_number(temperature, "temperature")
    s = _numerics.scaled_logits(z, t)
    return sigmoid(s) if z.ndim == 1 else softmax(s)


def binary_logits(model: object, X: ArrayLike) -> NDArray[np.float64]:
    r"""The log-odds z = ln(ŷ / (1 − ŷ)) of class 1 that a fitted binary classifier gives to X.

    Computed without ever taking the log of a probability: a confident model's ŷ rounds to
    exactly 0 or 1 in float64 (for |z| > 37), and ln 0 would turn that into ±inf. Uses the
    model's ``decision_function`` when it is the log-odds (logistic regression, gradient
    boosting with the log loss) — checked: σ(z) must reproduce ``predict_proba`` — and
    otherwise the difference of ``predict_log_proba``'s two columns (e.g. Gaussian naive Bayes,
    which computes log-probabilities directly). Duck-typed: imports nothing.

    Raises:
        ValueError: a model with neither method, a ``decision_function`` that is not the
            log-odds (e.g. a support vector machine's margin), not exactly two classes, or a
            logit that is not finite (a probability of exactly 0 or 1, as a random forest gives).

    Example:
        >>> class Model:   # any object with scikit-learn's predict_log_proba
        ...     def predict_log_proba(self, X):
        ...         return np.log([[0.8, 0.2], [0.25, 0.75]])
        >>> binary_logits(Model(), None).round(4)
        array([-1.3863,  1.0986])
    """
    if hasattr(model, "decision_function") and hasattr(model, "predict_proba"):
        z = np.asarray(model.decision_function(X), dtype=np.float64)
        proba = np.asarray(model.predict_proba(X), dtype=np.float64)
        if z.ndim != 1 or proba.shape != (z.size, 2):
            raise ValueError(
                f"binary_logits needs a binary classifier; decision_function gave shape {z.shape}"
            )
        if np.isfinite(z).all() and not np.allclose(sigmoid(z), proba[:, 1], rtol=0, atol=1e-9):
            raise ValueError(
                f"{type(model).__name__}.decision_function is not the log-odds of its "
                "predict_proba; calibrate its probabilities instead"
            )
    elif hasattr(model, "predict_log_proba"):
        with np.errstate(divide="ignore"):  # a probability of 0 gives -inf: refused below
            log_proba = np.asarray(model.predict_log_proba(X), dtype=np.float64)
        if log_proba.ndim != 2 or log_proba.shape[1] != 2:
            raise ValueError(
                "binary_logits needs a binary classifier; predict_log_proba gave shape "
                f"{log_proba.shape}"
            )
        with np.errstate(invalid="ignore"):  # -inf - -inf is nan: refused below
            z = log_proba[:, 1] - log_proba[:, 0]
    else:
        raise ValueError(
            f"{type(model).__name__} has neither decision_function nor predict_log_proba"
        )
    if not np.isfinite(z).all():
        i = int(np.argmax(~np.isfinite(z)))
        raise ValueError(
            f"sample {i} has no finite logit ({z[i]}): the model gives a probability of exactly "
            "0 or 1 there"
        )
    return z + 0.0


def _loss_function(y_true: ArrayLike, logits: ArrayLike):
    """Validated inputs and a fast function T ↦ mean log loss (nats) of the scaled logits."""
    z = _finite_logits(logits)
    if z.ndim == 1:
        y = binary_labels(y_true, "y_true")
        check_same_shape(y, z, "y_true", "logits")

        def loss(t: float) -> float:
            s = _numerics.scaled_logits(z, t)
            with np.errstate(over="ignore"):  # a mean beyond float64's range is inf, quietly
                return float(np.mean(y * _numerics.softplus(-s) + (1 - y) * _numerics.softplus(s)))

    else:
        rows = np.arange(z.shape[0])
        t_index = _class_indices(y_true, *z.shape)

        def loss(t: float) -> float:
            with np.errstate(over="ignore"):  # a mean beyond float64's range is inf, quietly
                return float(-np.mean(log_softmax(_numerics.scaled_logits(z, t))[rows, t_index]))

    return z, loss


def temperature_log_loss(y_true: ArrayLike, logits: ArrayLike, temperature: float) -> float:
    r"""Mean log loss (nats) of logits divided by T, computed stably from the logits:

    .. math:: \mathcal{L}(T) = -\frac1n \sum_i \ln \mathrm{softmax}(z_i / T)_{t_i}

    (for 1-D binary logits: the binary cross-entropy of σ(z_i / T)). This is what
    :func:`fit_temperature` minimises.

    Example:
        >>> round(temperature_log_loss([1, 0], [2.0, -1.0], 1.0), 4)
        0.22
    """
    t = positive_number(temperature, "temperature")
    _, loss = _loss_function(y_true, logits)
    return loss(t)


#: Golden ratio step of the golden-section search.
_INVERSE_PHI = (math.sqrt(5) - 1) / 2


def fit_temperature(
    y_true: ArrayLike,
    logits: ArrayLike,
    *,
    bounds: tuple[float, float] = (1e-2, 1e3),
    tol: float = 1e-9,
) -> float:
    r"""The temperature T > 0 that minimises the mean log loss of the scaled logits z / T.

    .. math:: \hat T = \arg\min_{T > 0} \; -\frac1n \sum_i \ln \mathrm{softmax}(z_i / T)_{t_i}

    — one parameter fitted by cross-entropy minimisation, on data the model was *not* trained on
    (a validation set). The loss is convex in 1/T, so it has a single minimum; it is found by
    golden-section search on ln T within ``bounds`` (to a relative precision of about ``tol``).
    T > 1 means the model was over-confident on that data, T < 1 under-confident.

    Args:
        y_true: binary labels 0/1 with 1-D logits; class indices 0..k−1 with 2-D logits.
        logits: finite logits: 1-D for a binary model (log-odds of class 1), or (n, k).
        bounds: the search interval (T_min, T_max), 0 < T_min < T_max < inf.
        tol: stop when the interval in ln T is narrower than this.

    Returns:
        T̂ as a float. If the logits carry no information (every row's logits equal), every T
        gives the same loss and 1.0 is returned.

    Raises:
        ValueError: bad labels or logits (as for the losses), bad ``bounds`` or ``tol``, or a
            minimum at the edge of ``bounds`` — e.g. logits that separate the labels perfectly,
            whose loss keeps falling as T → 0.

    Example:
        >>> rng = np.random.default_rng(0)
        >>> z = rng.normal(0, 3, size=20_000)
        >>> y = (rng.random(z.size) < sigmoid(z / 2.0)).astype(int)   # the truth is T = 2
        >>> round(fit_temperature(y, z), 2)
        2.01
    """
    if not isinstance(bounds, tuple | list) or len(bounds) != 2:
        raise ValueError(f"bounds must be two numbers (T_min, T_max), got {shown(bounds)}")
    t_min = positive_number(bounds[0], "bounds[0] (T_min)")
    t_max = positive_number(bounds[1], "bounds[1] (T_max)")
    if t_min >= t_max:
        raise ValueError(f"bounds must have T_min < T_max, got {shown(bounds)}")
    tol = real_number(tol, "tol", low=1e-15, high=1, high_open=True)
    z, loss = _loss_function(y_true, logits)
    spread = z if z.ndim == 1 else z - z[:, :1]
    if not spread.any():
        return 1.0  # logits all 0 (binary) or equal within each row: T changes nothing
    low, high = math.log(t_min), math.log(t_max)
    a, b = low, high
    c, d = b - _INVERSE_PHI * (b - a), a + _INVERSE_PHI * (b - a)
    fc, fd = loss(math.exp(c)), loss(math.exp(d))
    while b - a > tol:
        if fc <= fd:
            b, d, fd = d, c, fc
            c = b - _INVERSE_PHI * (b - a)
            fc = loss(math.exp(c))
        else:
            a, c, fc = c, d, fd
            d = a + _INVERSE_PHI * (b - a)
            fd = loss(math.exp(d))
    best = (a + b) / 2
    edge = 1e3 * tol + 1e-12
    if best - low < edge or high - best < edge:
        raise ValueError(
            f"the validation log loss is smallest at the edge of bounds = ({t_min:g}, {t_max:g}) "
            f"(T = {math.exp(best):.4g}): no minimum inside; logits that separate the labels "
            "perfectly have none (the loss keeps falling as T → 0) — check the data or widen "
            "the bounds"
        )
    return math.exp(best)
