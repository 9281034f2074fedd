r"""Calibration and proper scoring rules: is a predicted probability of 0.8 right 80 % of the time?

Scoring rules, and what each rewards (notebook 11):

    expected_score        the expected score of reporting p when the truth is q, for the log loss
                          (nats), the Brier score and the 0-1 loss (1 − accuracy)
    brier_score           mean squared error of probabilities: binary (n,) or multi-class (n, k)

Reliability (calibration) of predicted probabilities:

    reliability_curve     binned mean prediction against observed frequency, with the counts
    expected_calibration_error   ECE: the count-weighted mean gap of that curve
    top_label             multi-class → binary: "was the top class right?" and its confidence
    decompose_score       score = reliability − resolution + uncertainty + within-bin term, exact

Recalibration: :func:`binary_logits` (the log-odds a fitted scikit-learn binary classifier
gives, without taking the log of a probability rounded to 0 or 1), :func:`fit_temperature`
(one T > 0 minimising a validation log loss), :func:`temperature_log_loss` and
:func:`apply_temperature` (σ(z / T) or softmax(z / T)); dividing logits by T > 0 never changes
their order, so the predicted class — and the accuracy — stay the same.

Binary probabilities are those of class 1 and binary labels are 0 or 1. Bins follow
``sklearn.calibration.calibration_curve``: ``"uniform"`` splits [0, 1] into ``n_bins`` equal
intervals, ``"quantile"`` puts edges at the predictions' percentiles; each bin is closed on the
right, (a, b], except the first, [0, b]; empty bins are left out.

>>> round(expected_score(0.9, 0.6, "log"), 4), round(expected_score(0.6, 0.6, "log"), 4)
(0.9842, 0.673)
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (
    Value,
    as_distribution,
    as_float_array,
    binary_labels,
    check_reduction,
    check_same_shape,
    check_unit_interval,
    class_indices,
    positive_number,
    real_number,
    reduce,
    scalar_or_array,
    shown,
)
from .losses import binary_cross_entropy, log_softmax, sigmoid, softmax, softplus

__all__ = [
    "RULES",
    "STRATEGIES",
    "Decomposition",
    "ReliabilityCurve",
    "apply_temperature",
    "binary_logits",
    "brier_score",
    "decompose_score",
    "expected_calibration_error",
    "expected_score",
    "fit_temperature",
    "reliability_curve",
    "temperature_log_loss",
    "top_label",
]

#: The scoring rules :func:`expected_score` knows: log loss, Brier score, 0-1 loss.
RULES = ("log", "brier", "zero_one")
#: The binning strategies of :func:`reliability_curve` (as in scikit-learn).
STRATEGIES = ("uniform", "quantile")
#: Most bins a reliability curve may have (each bin costs memory, even when empty).
MAX_BINS = 1_000_000
#: Largest |logit| accepted: z / T must stay finite for every temperature searched.
MAX_LOGIT = 1e200


# --- input checks particular to this module ------------------------------------------------------


def _check_rule(rule: str, allowed: tuple[str, ...] = RULES) -> None:
    if not isinstance(rule, str) or rule not in allowed:
        raise ValueError(f"rule must be one of {allowed}, got {shown(rule)}")


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


def _finite_logits(logits: ArrayLike) -> np.ndarray:
    z = as_float_array(logits, "logits")
    if z.ndim not in (1, 2):
        raise ValueError(
            f"logits must be 1-D (binary: one logit per sample) or 2-D (samples × classes), "
            f"got shape {z.shape}"
        )
    if z.ndim == 2 and z.shape[1] < 2:
        raise ValueError(f"2-D logits need at least 2 classes (columns), got shape {z.shape}")
    if not np.isfinite(z).all():
        bad = ~np.isfinite(z)
        where = np.unravel_index(int(np.argmax(bad)), z.shape)
        raise ValueError(
            f"logits[{', '.join(map(str, where))}] = {z[where]} is not finite; "
            "logits must be finite numbers"
        )
    too_large = np.abs(z) > MAX_LOGIT
    if too_large.any():
        where = np.unravel_index(int(np.argmax(too_large)), z.shape)
        raise ValueError(
            f"logits[{', '.join(map(str, where))}] = {z[where]:g} is too large; |logits| must be "
            f"at most {MAX_LOGIT:g}, so that z / T stays within float64"
        )
    return z


def _scaled(z: np.ndarray, t: float) -> np.ndarray:
    """z / T, or a ValueError if that overflows float64 (a tiny T)."""
    with np.errstate(over="ignore"):
        s = z / t
    if not np.isfinite(s).all():
        raise ValueError(
            f"logits / temperature overflows float64 (largest |logit| {np.abs(z).max():g}, "
            f"T = {t:g}); use a larger temperature"
        )
    return s


# --- scoring rules -------------------------------------------------------------------------------


def expected_score(reported: ArrayLike, true_prob: ArrayLike, rule: str = "log") -> Value:
    r"""Expected score of reporting probability p for an event whose true probability is q.

    The label is 1 with probability q, so the expected score is
    q · S(p, 1) + (1 − q) · S(p, 0), for the rule S:

    .. math::

        \text{log:}\quad & -q \ln p - (1 - q) \ln (1 - p) = H(q, p) \ \text{nats}
        = H(q) + \mathrm{KL}(q \,\|\, p) \\
        \text{brier:}\quad & q (1 - p)^2 + (1 - q)\, p^2 = q (1 - q) + (p - q)^2 \\
        \text{zero\_one:}\quad & 1 - q \text{ if } p > 0.5 \text{ (class 1 predicted), else } q

    The log and Brier rules are *strictly proper*: p = q is their only minimiser. The 0-1 loss
    (one minus accuracy) is minimised by every p on the same side of 0.5 as q, so it cannot tell
    an honest forecast from an over-confident one. ``0 · ln 0 = 0``; reporting p = 0 (or 1)
    for an event that can happen costs ``inf`` under the log rule. Class 1 is predicted when
    p > 0.5, as scikit-learn does (p = 0.5 predicts class 0).

    Args:
        reported: reported probabilities p of class 1, in [0, 1].
        true_prob: true probabilities q of class 1, in [0, 1]; broadcast against ``reported``.
        rule: ``"log"`` (nats), ``"brier"`` or ``"zero_one"`` (no unit).

    Returns:
        A float for scalar inputs, otherwise an array of the broadcast shape.

    Raises:
        ValueError: probabilities outside [0, 1], NaN, non-numbers, empty input, shapes that do
            not broadcast, or an unknown ``rule``.

    Example:
        >>> expected_score([0.6, 0.9, 1.0], 0.6, "log").round(4)
        array([0.673 , 0.9842,    inf])
        >>> expected_score([0.6, 0.9], 0.6, "brier").round(4)
        array([0.24, 0.33])
        >>> expected_score([0.6, 0.9], 0.6, "zero_one").round(4)
        array([0.4, 0.4])
    """
    _check_rule(rule)
    p = as_float_array(reported, "reported")
    q = as_float_array(true_prob, "true_prob")
    check_unit_interval(p, "reported")
    check_unit_interval(q, "true_prob")
    try:
        p, q = np.broadcast_arrays(p, q)
    except ValueError:
        raise ValueError(
            f"shape mismatch: reported has shape {p.shape} and true_prob has shape {q.shape}"
        ) from None
    if rule == "log":
        values = np.asarray(binary_cross_entropy(q.ravel(), p.ravel(), reduction="none"))
        values = values.reshape(p.shape)
    elif rule == "brier":
        values = q * (1 - p) ** 2 + (1 - q) * p**2
    else:
        values = np.where(p > 0.5, 1 - q, q)
    return scalar_or_array(values)


def brier_score(y_true: ArrayLike, y_prob: ArrayLike, *, reduction: str = "mean") -> Value:
    r"""Brier score: the mean squared error of predicted probabilities (no unit).

    Binary, with ŷ the probability of class 1 and y ∈ {0, 1} (as
    ``sklearn.metrics.brier_score_loss``), from 0 (perfect) to 1:

    .. math:: \mathrm{BS} = \frac1n \sum_i (\hat y_i - y_i)^2

    Multi-class, with rows ŷ_i over k classes and one-hot targets (as scikit-learn for k ≥ 3),
    from 0 to 2:

    .. math:: \mathrm{BS} = \frac1n \sum_i \sum_{c=1}^{k} (\hat y_{ic} - y_{ic})^2

    (for k = 2 the multi-class form is twice the binary one). A confident mistake costs at most
    1 (binary) — against ``inf`` for the log loss.

    Args:
        y_true: binary labels 0/1 with 1-D ``y_prob``; class indices 0..k−1 with 2-D ``y_prob``.
        y_prob: probabilities of class 1, shape (n,), or distributions, shape (n, k).
        reduction: ``"mean"`` (float), ``"sum"`` (float) or ``"none"`` (one value per sample).

    Example:
        >>> brier_score([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])
        0.0375
        >>> round(brier_score([0, 1], [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1]]), 3)
        0.1
    """
    check_reduction(reduction)
    p = as_float_array(y_prob, "y_prob")
    if p.ndim == 2:
        q = as_distribution(p, "y_prob")
        t = _class_indices(y_true, *q.shape)
        rows = np.zeros_like(q)
        rows[np.arange(q.shape[0]), t] = 1.0
        return reduce(((q - rows) ** 2).sum(axis=1), reduction)
    if p.ndim != 1:
        raise ValueError(f"y_prob must be 1-D (binary) or 2-D (multi-class), got shape {p.shape}")
    y, p = _binary_pair(y_true, p)
    return reduce((p - y) ** 2, reduction)


# --- reliability ---------------------------------------------------------------------------------


class ReliabilityCurve(NamedTuple):
    """The non-empty bins of a reliability diagram, in increasing order of prediction.

    ``prob_true`` (observed frequency of class 1) and ``prob_pred`` (mean prediction) are what
    ``sklearn.calibration.calibration_curve`` returns; ``counts`` are the samples per bin and
    ``lower``/``upper`` the bin edges.
    """

    prob_true: NDArray[np.float64]
    prob_pred: NDArray[np.float64]
    counts: NDArray[np.int64]
    lower: NDArray[np.float64]
    upper: NDArray[np.float64]


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


def reliability_curve(
    y_true: ArrayLike, y_prob: ArrayLike, *, n_bins: int = 10, strategy: str = "uniform"
) -> ReliabilityCurve:
    r"""Binned predicted probability against observed frequency, with the samples per bin.

    For each non-empty bin b with n_b samples:

    .. math:: \bar p_b = \frac{1}{n_b} \sum_{i \in b} \hat y_i, \qquad
              \bar o_b = \frac{1}{n_b} \sum_{i \in b} y_i

    A calibrated model has ō_b ≈ p̄_b, up to sampling noise of about
    √(p̄_b (1 − p̄_b) / n_b) — which is why the counts matter.

    Args:
        y_true: binary labels, 0 or 1, shape (n,) (for many classes, see :func:`top_label`).
        y_prob: predicted probabilities of class 1, shape (n,).
        n_bins: number of bins (≥ 1).
        strategy: ``"uniform"`` (equal widths) or ``"quantile"`` (about equal counts).

    Raises:
        ValueError: labels other than 0/1, probabilities outside [0, 1], NaN, a shape mismatch,
            a bad ``n_bins`` or ``strategy``.

    Example:
        >>> curve = reliability_curve([0, 0, 1, 1, 1], [0.1, 0.2, 0.7, 0.8, 0.9], n_bins=2)
        >>> curve.prob_true, curve.prob_pred.round(3), curve.counts
        (array([0., 1.]), array([0.15, 0.8 ]), array([2, 3]))
    """
    _check_bins(n_bins, strategy)
    y, p = _binary_pair(y_true, y_prob)
    _, edges, counts, positives, sums = _binned(y, p, n_bins, strategy)
    full = counts > 0
    index = np.flatnonzero(full)
    return ReliabilityCurve(
        prob_true=positives[full] / counts[full],
        prob_pred=sums[full] / counts[full],
        counts=counts[full].astype(np.int64),
        lower=edges[index],
        upper=edges[index + 1],
    )


def top_label(y_true: ArrayLike, y_prob: ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    r"""Turn a multi-class problem into the binary one calibration is usually checked on.

    For each sample, the **confidence** is the largest predicted probability, max_c ŷ_ic, and
    the **label** is 1 if that top class is the true class, else 0. A top-label-calibrated model
    is right 80 % of the times it says 0.8. Ties go to the lowest class index (``argmax``).

    Returns:
        ``(correct, confidence)``: two float arrays of shape (n,), to pass to
        :func:`reliability_curve` or :func:`expected_calibration_error`.

    Example:
        >>> correct, confidence = top_label([0, 2], [[0.7, 0.2, 0.1], [0.5, 0.1, 0.4]])
        >>> correct, confidence
        (array([1., 0.]), array([0.7, 0.5]))
    """
    q = as_distribution(y_prob, "y_prob")
    if q.ndim != 2:
        raise ValueError(f"y_prob must be 2-D (samples × classes), got shape {q.shape}")
    t = _class_indices(y_true, *q.shape)
    predicted = q.argmax(axis=1)
    return (predicted == t).astype(np.float64), q[np.arange(q.shape[0]), predicted]


def expected_calibration_error(
    y_true: ArrayLike, y_prob: ArrayLike, *, n_bins: int = 10, strategy: str = "uniform"
) -> float:
    r"""Expected calibration error: the count-weighted mean gap of the reliability curve.

    .. math:: \mathrm{ECE} = \sum_b \frac{n_b}{n} \,\bigl| \bar o_b - \bar p_b \bigr|

    in probability units (0 to 1), with the bins of :func:`reliability_curve`. With 2-D
    ``y_prob`` (multi-class) it is the top-label ECE: the bins are over the confidence
    max_c ŷ_ic and ō_b is the accuracy in the bin (see :func:`top_label`).

    It depends on the binning: even a perfectly calibrated model has an ECE above 0 on a finite
    sample — by the normal approximation, about Σ_b (n_b/n) √(2/π) √(p̄_b(1 − p̄_b)/n_b), the
    mean absolute sampling error of each bin's frequency — and more bins means fewer samples
    per bin and more of that noise. Compare ECEs only with the same bins and samples.

    Example:
        >>> ece = expected_calibration_error([0, 0, 1, 1, 1], [0.1, 0.2, 0.7, 0.8, 0.9], n_bins=2)
        >>> round(ece, 4)   # 2/5 · |0 − 0.15| + 3/5 · |1 − 0.8|
        0.18
    """
    _check_bins(n_bins, strategy)
    p = as_float_array(y_prob, "y_prob")
    if p.ndim == 2:
        y, p = top_label(y_true, p)
    else:
        y, p = _binary_pair(y_true, p)
    _, _, _, positives, sums = _binned(y, p, n_bins, strategy)
    return float(np.abs(positives - sums).sum() / p.size)  # Σ_b (n_b/n) |ō_b − p̄_b|


# --- the calibration–refinement decomposition ----------------------------------------------------


class Decomposition(NamedTuple):
    r"""The parts of a score, exactly: ``score = reliability − resolution + uncertainty +
    within_bin``. ``refinement`` = uncertainty − resolution."""

    score: float
    reliability: float
    resolution: float
    uncertainty: float
    within_bin: float

    @property
    def refinement(self) -> float:
        """Uncertainty − resolution: the score of the bin-wise recalibrated forecasts."""
        return self.uncertainty - self.resolution


def _divergence(o: np.ndarray, f: np.ndarray, rule: str) -> np.ndarray:
    """d(o, f): the expected score of forecast f above that of the truth o (≥ 0)."""
    if rule == "brier":
        return (o - f) ** 2
    extra = expected_score(f, o, "log") - expected_score(o, o, "log")  # KL(o ‖ f), nats
    return np.maximum(extra, 0.0)  # rounding can leave −1e−17 where f = o


def decompose_score(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    rule: str = "brier",
    n_bins: int = 10,
    strategy: str = "uniform",
) -> Decomposition:
    r"""Split a binary Brier score or log loss into reliability, resolution and uncertainty.

    Bin the forecasts as :func:`reliability_curve` does (n_b samples, mean forecast p̄_b,
    observed frequency ō_b in bin b; ȳ overall). For a strictly proper rule with divergence d
    and entropy H — Brier: d(o, f) = (o − f)², H(o) = o(1 − o); log: d = KL(o ‖ f),
    H = binary entropy in nats — the identity

    .. math::

        S(\hat y) = \underbrace{\sum_b \tfrac{n_b}{n} d(\bar o_b, \bar p_b)}_{\text{reliability}}
        - \underbrace{\sum_b \tfrac{n_b}{n} d(\bar o_b, \bar y)}_{\text{resolution}}
        + \underbrace{H(\bar y)}_{\text{uncertainty}}
        + \underbrace{S(\hat y) - S(\bar p_{b(i)})}_{\text{within-bin}}

    holds **exactly**: the first three terms are the score of the *binned* forecasts (each ŷ_i
    replaced by its bin's mean p̄_b) — Murphy's decomposition for the Brier score — and the
    within-bin term is what binning changed. It is 0 when each bin holds one forecast value,
    and small when bins are narrow; it can have either sign. Reliability is the calibration
    error (0 for a calibrated model); resolution is how far the bins' frequencies spread from
    the base rate (larger for a sharper, better-separating model); refinement =
    uncertainty − resolution = Σ_b (n_b/n) H(ō_b) is the score after perfect recalibration.

    Args:
        y_true: binary labels 0/1, shape (n,).
        y_prob: predicted probabilities of class 1, shape (n,).
        rule: ``"brier"`` or ``"log"`` (nats).
        n_bins, strategy: the binning, as for :func:`reliability_curve`.

    Raises:
        ValueError: bad inputs as for :func:`reliability_curve`, an unknown ``rule``, or an
            infinite log loss (a label given probability 0 has no finite decomposition).

    Example:
        >>> d = decompose_score([0, 0, 1, 1], [0.2, 0.2, 0.6, 0.6], n_bins=5)
        >>> round(d.reliability, 4), round(d.resolution, 4), d.uncertainty, round(d.within_bin, 4)
        (0.1, 0.25, 0.25, 0.0)
        >>> round(d.score, 4) == round(d.reliability - d.resolution + d.uncertainty, 4)
        True
    """
    _check_rule(rule, ("brier", "log"))
    _check_bins(n_bins, strategy)
    y, p = _binary_pair(y_true, y_prob)
    ids, _, counts, positives, sums = _binned(y, p, n_bins, strategy)
    full = counts > 0
    weights = counts[full] / p.size
    observed, mean_forecast = positives[full] / counts[full], sums[full] / counts[full]
    base_rate = float(y.mean())
    if rule == "brier":
        score = float(np.mean((p - y) ** 2))
        binned_forecast = (sums / np.maximum(counts, 1))[ids]
        binned_score = float(np.mean((binned_forecast - y) ** 2))
        uncertainty = base_rate * (1 - base_rate)
    else:
        score = float(binary_cross_entropy(y, p))
        if math.isinf(score):
            i = int(np.argmax(expected_score(p, y, "log") == np.inf))
            raise ValueError(
                f"the log loss is infinite (y_prob[{i}] = {p[i]} for label {y[i]:g}); "
                "an infinite score has no finite decomposition"
            )
        binned_forecast = (sums / np.maximum(counts, 1))[ids]
        binned_score = float(binary_cross_entropy(y, binned_forecast))
        uncertainty = float(expected_score(base_rate, base_rate, "log"))
    reliability = float(weights @ _divergence(observed, mean_forecast, rule))
    resolution = float(weights @ _divergence(observed, np.full_like(observed, base_rate), rule))
    return Decomposition(
        score=score,
        reliability=reliability,
        resolution=resolution,
        uncertainty=uncertainty,
        within_bin=score - binned_score,
    )


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
    s = _scaled(z, t)
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
            s = _scaled(z, t)
            with np.errstate(over="ignore"):  # a mean beyond float64's range is inf, quietly
                return float(np.mean(y * softplus(-s) + (1 - y) * softplus(s)))

    else:
        rows = np.arange(z.shape[0])
        t_index = _class_indices(y_true, *z.shape)

        def loss(t: float) -> float:
            with np.errstate(over="ignore"):  # a mean beyond float64's range is inf, quietly
                return float(-np.mean(log_softmax(_scaled(z, t))[rows, t_index]))

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
