r"""Soft targets and KL's relatives: distillation, Jensen–Shannon, mutual information, Gaussians.

The measures of notebook 10, with the conventions of :mod:`helpers.information` and
:mod:`helpers.losses`:

Discrete measures, **bits by default** (``base=2``; ``base=math.e`` for nats), like
:func:`helpers.entropy`:
    js_divergence(p, q)             Jensen–Shannon divergence, distributions along the last axis
    joint_entropy(joint)            H(X, Y) of a joint table (X along axis −2, Y along axis −1)
    conditional_entropy(joint)      H(Y | X) (or H(X | Y) with ``given="y"``)
    mutual_information(joint)       I(X; Y)
    marginals(joint)                P(x), P(y);   joint_table(x, y): a table from two label arrays

Losses and continuous measures, **nats by default**, as models are trained (and as a VAE's KL
term is written):
    tempered_softmax(logits, T), distillation_loss(student, teacher, T), distillation_gradient
    mixup_targets(y_a, y_b, n_classes, lam)
    kl_div_loss(input, target)      PyTorch's ``KLDivLoss`` arithmetic, reproduced with numpy
    gaussian_kl(mu_p, sigma_p, mu_q, sigma_q), gaussian_differential_entropy(sigma)
    gaussian_pdf, gaussian_mixture_pdf, kl_fit_objective, fit_gaussian_by_kl   (the fitting demo)

One contract everywhere: a correct number, ``inf`` where the mathematics is infinite, or a
``ValueError`` saying what is wrong and where — never NaN, never a warning.

>>> round(js_divergence([0.10, 0.40, 0.50], [0.80, 0.15, 0.05]), 4)   # bits
0.4202
>>> round(mutual_information([[0.5, 0.0], [0.0, 0.5]]), 3)            # X determines Y: 1 bit
1.0
"""

from __future__ import annotations

import math
from typing import Literal, NamedTuple

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import (
    SUM_TOLERANCE,
    Value,
    as_distribution,
    as_float_array,
    check_reduction,
    check_same_events,
    check_unit_interval,
    log_of_base,
    positive_number,
    real_number,
    reduce,
    scalar_or_array,
    shown,
)
from .information import _log, _sum_p_times, entropy, kl_divergence
from .losses import _labels_as_rows, log_softmax

__all__ = [
    "GaussianFit",
    "conditional_entropy",
    "distillation_gradient",
    "distillation_loss",
    "fit_gaussian_by_kl",
    "gaussian_differential_entropy",
    "gaussian_kl",
    "gaussian_mixture_pdf",
    "gaussian_pdf",
    "joint_entropy",
    "joint_table",
    "js_divergence",
    "kl_div_loss",
    "kl_fit_objective",
    "marginals",
    "mixup_targets",
    "mutual_information",
    "tempered_softmax",
]


KL_DIV_REDUCTIONS = ("batchmean", "sum", "mean", "none")


# --- private checks (shared by the functions below) ------------------------------------------


def _at(array: np.ndarray, bad: np.ndarray) -> str:
    """The first bad entry's index as text, e.g. ``[0, 2]`` (nothing for a single number)."""
    if array.ndim == 0:
        return ""
    return "[" + ", ".join(str(int(i)) for i in np.argwhere(bad)[0]) + "]"


def _finite_array(values: ArrayLike, name: str) -> NDArray[np.float64]:
    """A float array of finite real numbers (0-d allowed), or a ValueError naming the entry."""
    array = as_float_array(values, name)
    bad = ~np.isfinite(array)
    if bad.any():
        raise ValueError(f"{name}{_at(array, bad)} = {array[bad].flat[0]} is not a finite number")
    return array


def _positive_array(values: ArrayLike, name: str, what: str) -> NDArray[np.float64]:
    """A float array of finite numbers > 0 (standard deviations), or a ValueError."""
    array = _finite_array(values, name)
    bad = array <= 0
    if bad.any():
        raise ValueError(f"{name}{_at(array, bad)} = {array[bad].flat[0]} must be > 0 ({what})")
    return array


def _broadcast(arrays: dict[str, np.ndarray]) -> list[np.ndarray]:
    """Broadcast named arrays together, or a ValueError listing their shapes."""
    try:
        return list(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{name} {a.shape}" for name, a in arrays.items())
        raise ValueError(f"shape mismatch: {shapes} do not broadcast together") from None


def _temperature(value: object) -> float:
    return positive_number(value, "temperature")


def _fraction(value: object, name: str) -> float:
    """One real number in [0, 1]."""
    return real_number(value, name, low=0.0, high=1.0)


def _as_joint(values: ArrayLike, name: str = "joint") -> NDArray[np.float64]:
    """A joint probability table: entries in [0, 1], each table (last two axes) summing to 1."""
    array = as_float_array(values, name)
    if array.ndim < 2:
        raise ValueError(
            f"{name} must be a joint probability table (at least 2-D: X along axis -2, "
            f"Y along axis -1), got shape {array.shape}"
        )
    check_unit_interval(array, name)
    totals = array.sum(axis=(-2, -1))
    off = np.abs(totals - 1.0) > SUM_TOLERANCE
    if off.any():
        if array.ndim == 2:
            raise ValueError(
                f"{name} sums to {float(totals):.10g}, not 1; a joint probability table "
                "must sum to 1"
            )
        index = ", ".join(str(int(i)) for i in np.argwhere(off)[0])
        raise ValueError(
            f"{name}[{index}, :, :] sums to {float(totals[off].flat[0]):.10g}, not 1; "
            "each joint table (the last two axes) must sum to 1"
        )
    return array


# --- Jensen–Shannon ---------------------------------------------------------------------------


def js_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> Value:
    r"""Jensen–Shannon divergence: the average KL divergence of P and Q from their midpoint M.

    .. math:: JS(P, Q) = \tfrac12 D_{KL}(P \| M) + \tfrac12 D_{KL}(Q \| M),
              \qquad M = \tfrac12 (P + Q)

    Symmetric, ``JS(P, Q) = JS(Q, P)``; 0 only when P = Q; and never infinite: M is positive
    wherever P or Q is, so zeros in either distribution are harmless. Bounded by 1 bit
    (``log 2`` in the chosen base), reached when P and Q have disjoint supports. Its square root
    is a metric (the triangle inequality holds). Units: bits for ``base=2`` (the default).

    ``scipy.spatial.distance.jensenshannon(p, q)`` returns the **square root** of this, in
    **nats** by default: ``jensenshannon(p, q, base=2) ** 2 == js_divergence(p, q)``.

    Args:
        p, q: distributions along the last axis; batch shapes broadcast.
        base: base of the logarithm (2: bits, ``math.e``: nats).

    Returns:
        A float for one pair, an array with one value per row for a batch.

    Raises:
        ValueError: as for :func:`helpers.kl_divergence`.

    Example:
        >>> P, Q = [0.10, 0.40, 0.50], [0.80, 0.15, 0.05]
        >>> round(js_divergence(P, Q), 4), round(js_divergence(Q, P), 4)
        (0.4202, 0.4202)
        >>> js_divergence([1, 0], [0, 1])     # disjoint supports: the maximum, 1 bit
        1.0
        >>> js_divergence([[0.5, 0.5], [1, 0]], [0.5, 0.5]).round(4)
        array([0.    , 0.3113])
    """
    ln_base = log_of_base(base)
    p_array = as_distribution(p, "p")
    q_array = as_distribution(q, "q")
    check_same_events(p_array, q_array)
    m = 0.5 * (p_array + q_array)
    value = 0.5 * (
        np.asarray(kl_divergence(p_array, m, base=math.e))
        + np.asarray(kl_divergence(q_array, m, base=math.e))
    )
    # rounding can leave a few ulps outside the exact bounds [0, ln 2]
    return scalar_or_array(np.clip(value, 0.0, math.log(2)) / ln_base)


# --- joint tables: joint and conditional entropy, mutual information ---------------------------


def marginals(joint: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    r"""The marginal distributions of a joint table: ``P(x) = Σ_y P(x, y)``, ``P(y) = Σ_x P(x, y)``.

    X runs along axis −2 (rows), Y along axis −1 (columns); leading axes are a batch.

    Example:
        >>> p_x, p_y = marginals([[0.3, 0.1], [0.2, 0.4]])
        >>> p_x.round(3), p_y.round(3)
        (array([0.4, 0.6]), array([0.5, 0.5]))
    """
    table = _as_joint(joint)
    # a sum of entries can round (or, within the sum tolerance, be) a hair above 1: keep it a
    # probability, so that the marginals can be passed to helpers.entropy
    return np.minimum(table.sum(axis=-1), 1.0), np.minimum(table.sum(axis=-2), 1.0)


def joint_entropy(joint: ArrayLike, base: float = 2) -> Value:
    r"""Joint entropy of X and Y from their joint probability table.

    .. math:: H(X, Y) = -\sum_{x, y} P(x, y) \log P(x, y)

    The entropy of the pair, i.e. of the table read as one distribution over its cells. Units:
    bits for ``base=2`` (the default). X along axis −2, Y along axis −1; leading axes are a batch.

    Raises:
        ValueError: not at least 2-D, entries outside [0, 1] (or NaN/inf), a table not summing
            to 1 (within 1e-6), or a bad ``base``.

    Example:
        >>> joint_entropy([[0.25, 0.25], [0.25, 0.25]])
        2.0
        >>> joint_entropy([[0.5, 0.0], [0.0, 0.5]])
        1.0
    """
    table = _as_joint(joint)
    return entropy(table.reshape(*table.shape[:-2], -1), base=base)


def conditional_entropy(joint: ArrayLike, given: Literal["x", "y"] = "x", base: float = 2) -> Value:
    r"""Conditional entropy: the uncertainty left in one variable once the other is known.

    .. math:: H(Y \mid X) = -\sum_{x, y} P(x, y) \log \frac{P(x, y)}{P(x)}
              = \sum_x P(x)\, H(Y \mid X = x) = H(X, Y) - H(X)

    ``given="x"`` (the default) returns H(Y | X); ``given="y"`` returns H(X | Y). Always between 0
    (one variable determines the other) and the unconditional entropy (independence). Computed
    term by term, so it is never negative. Units: bits for ``base=2`` (the default). X along
    axis −2, Y along axis −1; leading axes are a batch.

    Raises:
        ValueError: as for :func:`joint_entropy`, or ``given`` not ``"x"``/``"y"``.

    Example:
        >>> table = [[0.3, 0.1], [0.2, 0.4]]
        >>> round(conditional_entropy(table), 4), round(conditional_entropy(table, given="y"), 4)
        (0.8755, 0.8464)
    """
    if given not in ("x", "y"):
        raise ValueError(
            f'given must be "x" (for H(Y | X)) or "y" (for H(X | Y)), got {shown(given)}'
        )
    ln_base = log_of_base(base)
    table = _as_joint(joint)
    if given == "y":
        table = np.swapaxes(table, -1, -2)  # now the conditioning variable is along axis -2
    condition = table.sum(axis=-1, keepdims=True)  # P(x) ≥ P(x, y): each log ratio is ≥ 0
    with np.errstate(divide="ignore", invalid="ignore"):  # used only where P(x, y) > 0
        log_ratio = np.log(condition) - np.log(table)  # logs, not a ratio: no overflow
    flat = table.reshape(*table.shape[:-2], -1)
    value = _sum_p_times(flat, np.where(flat > 0, log_ratio.reshape(flat.shape), 0.0))
    return scalar_or_array(np.maximum(value, 0.0) / ln_base)


def mutual_information(joint: ArrayLike, base: float = 2) -> Value:
    r"""Mutual information of X and Y: how much knowing one tells about the other.

    .. math:: I(X; Y) = \sum_{x, y} P(x, y) \log \frac{P(x, y)}{P(x) P(y)}
              = D_{KL}\big(P(x, y) \,\|\, P(x) P(y)\big) = H(Y) - H(Y \mid X)

    Symmetric in X and Y, ≥ 0, and 0 exactly when X and Y are independent. Equals
    ``sklearn.metrics.mutual_info_score(x, y)`` (in nats) on the empirical table of two label
    arrays (see :func:`joint_table`). Units: bits for ``base=2`` (the default). X along axis −2,
    Y along axis −1; leading axes are a batch.

    Raises:
        ValueError: as for :func:`joint_entropy`.

    Example:
        >>> round(mutual_information([[0.3, 0.1], [0.2, 0.4]]), 4)
        0.1245
        >>> round(mutual_information([[0.12, 0.28], [0.18, 0.42]]), 12)  # independent
        0.0
    """
    ln_base = log_of_base(base)
    table = _as_joint(joint)
    p_x = table.sum(axis=-1, keepdims=True)
    p_y = table.sum(axis=-2, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):  # used only where P(x, y) > 0
        # logs, not a ratio: P(x) P(y) can underflow to 0 even where P(x, y) > 0
        log_ratio = np.log(table) - np.log(p_x) - np.log(p_y)
    flat = table.reshape(*table.shape[:-2], -1)
    value = _sum_p_times(flat, np.where(flat > 0, log_ratio.reshape(flat.shape), 0.0))
    # the exact value is ≥ 0; rounding can leave it a few ulps below 0
    return scalar_or_array(np.maximum(value, 0.0) / ln_base)


def joint_table(x: ArrayLike, y: ArrayLike) -> NDArray[np.float64]:
    r"""The empirical joint probability table of two equally long arrays of labels.

    Entry ``[i, j]`` is the fraction of samples with the i-th smallest distinct value of ``x``
    and the j-th smallest distinct value of ``y`` (as ``np.unique`` orders them).

    Raises:
        ValueError: empty, not 1-D, not numbers, NaN/inf, or different lengths.

    Example:
        >>> joint_table([0, 0, 1, 1], [0, 1, 1, 1])
        array([[0.25, 0.25],
               [0.  , 0.5 ]])
    """
    x_array, y_array = _finite_array(x, "x"), _finite_array(y, "y")
    for name, array in (("x", x_array), ("y", y_array)):
        if array.ndim != 1:
            raise ValueError(f"{name} must be a 1-D array of labels, got shape {array.shape}")
    if x_array.size != y_array.size:
        raise ValueError(f"x has {x_array.size} labels but y has {y_array.size}")
    x_values, x_index = np.unique(x_array, return_inverse=True)
    y_values, y_index = np.unique(y_array, return_inverse=True)
    counts = np.zeros((x_values.size, y_values.size))
    np.add.at(counts, (x_index, y_index), 1.0)
    return counts / x_array.size


# --- soft targets: mixup and knowledge distillation --------------------------------------------


def mixup_targets(
    y_a: ArrayLike, y_b: ArrayLike, n_classes: int, lam: float
) -> NDArray[np.float64]:
    r"""Mixup's targets: the mixture of two samples' one-hot (or soft) targets.

    .. math:: \tilde y = \lambda\, y_a + (1 - \lambda)\, y_b

    The same λ mixes the inputs, ``x̃ = λ x_a + (1 − λ) x_b`` (Zhang et al., 2018). Because
    cross-entropy is linear in its target, ``H(ỹ, q) = λ H(y_a, q) + (1 − λ) H(y_b, q)``.

    Args:
        y_a, y_b: class indices (n,) or target rows (n, k), the two samples of each pair.
        n_classes: k, the number of classes (an integer ≥ 2).
        lam: the mixing weight λ in [0, 1].

    Example:
        >>> mixup_targets([0], [2], 3, 0.7)
        array([[0.7, 0. , 0.3]])
    """
    weight = _fraction(lam, "lam")
    n_classes = real_number(n_classes, "n_classes", low=2, integer=True)
    rows = []
    for name, labels in (("y_a", y_a), ("y_b", y_b)):
        if np.ma.isMaskedArray(labels):  # np.asarray would silently drop the mask
            raise ValueError(f"{name} is a masked array; pass the labels to use")
        try:
            raw = np.asarray(labels)
        except (ValueError, TypeError) as error:
            raise ValueError(f"{name} must be an array of numbers: {error}") from None
        if raw.ndim == 0 or raw.size == 0:
            raise ValueError(f"{name} must be class indices (n,) or target rows (n, k)")
        try:
            rows.append(_labels_as_rows(raw, raw.shape[0], int(n_classes)))
        except ValueError as error:
            raise ValueError(str(error).replace("y_true", name)) from None
    if rows[0].shape != rows[1].shape:
        raise ValueError(f"y_a has {rows[0].shape[0]} samples but y_b has {rows[1].shape[0]}")
    return weight * rows[0] + (1.0 - weight) * rows[1]


def tempered_softmax(logits: ArrayLike, temperature: float) -> NDArray[np.float64]:
    r"""Softmax at temperature T: the softened probabilities a teacher hands its student.

    .. math:: p_i^{(T)} = \frac{e^{z_i / T}}{\sum_j e^{z_j / T}}

    T = 1 is the ordinary softmax; T > 1 flattens the distribution (the ranking of the classes
    is kept, the gaps shrink), T → ∞ tends to uniform, T → 0 to the one-hot of the largest logit.

    Example:
        >>> tempered_softmax([4.0, 2.0, 0.0], 1.0).round(3)
        array([0.867, 0.117, 0.016])
        >>> tempered_softmax([4.0, 2.0, 0.0], 4.0).round(3)
        array([0.506, 0.307, 0.186])
    """
    t = _temperature(temperature)
    z = _finite_array(logits, "logits")
    if z.ndim == 0:
        raise ValueError("logits must be a 1-D vector of class scores or a batch of them")
    with np.errstate(over="ignore"):  # z / T beyond float64 is ±inf: caught just below
        scaled = z / t
    if not np.isfinite(scaled).all():
        raise ValueError(f"logits / temperature overflows float64 (temperature = {t!r})")
    return np.exp(log_softmax(scaled))


def _distillation_inputs(
    student_logits: ArrayLike, teacher_logits: ArrayLike, temperature: float
) -> tuple[np.ndarray, np.ndarray, float]:
    t = _temperature(temperature)
    student = _finite_array(student_logits, "student_logits")
    teacher = _finite_array(teacher_logits, "teacher_logits")
    if student.ndim != 2:
        raise ValueError(
            f"student_logits must be 2-D (samples × classes), got shape {student.shape}"
        )
    if teacher.shape != student.shape:
        raise ValueError(
            f"shape mismatch: student_logits has shape {student.shape} but teacher_logits "
            f"has shape {teacher.shape}"
        )
    with np.errstate(over="ignore"):  # C order: sums over a row never depend on the layout
        s, z = np.ascontiguousarray(student / t), np.ascontiguousarray(teacher / t)
    if not (np.isfinite(s).all() and np.isfinite(z).all()):
        raise ValueError(f"logits / temperature overflows float64 (temperature = {t!r})")
    return s, z, t


def _expm1_minus_x_over_half_square(u: np.ndarray) -> np.ndarray:
    """g(u) = 2 (e^u − 1 − u) / u², accurately for every |u| ≤ 30 (a series near 0)."""
    small = np.abs(u) < 1e-2
    series = 1 + u * (
        1 / 3 + u * (1 / 12 + u * (1 / 60 + u * (1 / 360 + u * (1 / 2520 + u / 20160))))
    )
    safe = np.where(small, 1.0, u)
    return np.where(small, series, 2 * (np.expm1(safe) - safe) / (safe * safe))


def _scaled_soft_term(s: np.ndarray, z: np.ndarray, t: float) -> np.ndarray:
    """T² · KL(softmax(z) ‖ softmax(s)) per row, for logits already divided by T.

    The plain sum Σ p (log p − log q) loses its digits when the two softmaxes are close (a large
    T, or a student near its teacher): KL is then second order in the logit gaps while each log
    carries a rounding error of the first order, and T² magnifies it (at T = 10⁸ the plain sum
    is off by a factor of 10). With the gaps v = d − E_p[d] of d = student − teacher logits and
    u = v / T, the identity KL = ln E_p[e^u] = ln(1 + E_p[e^u − 1 − u]) (as E_p[u] = 0) gives

        T² · KL = Y · ln(1 + X) / X,   Y = ½ Σ p v² g(u),   X = Y / T²,

    with g from :func:`_expm1_minus_x_over_half_square`: no cancellation, ≥ 0, and the large-T
    limit ½ Σ p v² exactly. Rows whose gaps are too large for it (|u| > 30) use the plain sum,
    accurate there.
    """
    log_p, log_q = log_softmax(z), log_softmax(s)
    p = np.exp(log_p)
    with np.errstate(over="ignore", invalid="ignore"):
        d = (s - z) * t  # the logits' gaps, unscaled (±inf if they overflow: plain sum below)
        v = d - np.einsum("ij,ij->i", p, np.where(p > 0, d, 0.0))[:, None]
        u = v / t
    stable = np.isfinite(v).all(axis=-1) & (np.abs(v).max(axis=-1, initial=0.0) <= 1e150)
    stable &= np.abs(np.where(np.isfinite(u), u, np.inf)).max(axis=-1, initial=0.0) <= 30.0
    out = np.empty(s.shape[0])
    if stable.any():
        ps, vs, us = p[stable], v[stable], u[stable]
        y = 0.5 * np.einsum("ij,ij->i", ps, vs * vs * _expm1_minus_x_over_half_square(us))
        x = y / (t * t)
        ratio = np.where(x > 0, np.log1p(x) / np.where(x > 0, x, 1.0), 1.0)
        out[stable] = y * ratio
    if not stable.all():
        rest = ~stable
        with np.errstate(invalid="ignore"):  # -inf - -inf where both underflow: masked below
            log_ratio = np.where(p[rest] > 0, log_p[rest] - log_q[rest], 0.0)
        with np.errstate(over="ignore"):  # T² · KL beyond float64: inf
            out[rest] = np.maximum(_sum_p_times(p[rest], log_ratio), 0.0) * t * t
    return out


def distillation_loss(
    student_logits: ArrayLike,
    teacher_logits: ArrayLike,
    temperature: float,
    *,
    labels: ArrayLike | None = None,
    alpha: float = 1.0,
    reduction: str = "mean",
) -> Value:
    r"""Knowledge-distillation loss (Hinton, Vinyals & Dean, 2015), in nats.

    .. math:: \ell = \alpha\, T^2\, D_{KL}\big(p^{(T)} \,\|\, q^{(T)}\big)
              + (1 - \alpha)\, H(y, q^{(1)})

    with the teacher's softened probabilities ``p^(T) = softmax(teacher / T)``, the student's
    ``q^(T) = softmax(student / T)`` and the hard labels ``y``. The soft term uses KL rather than
    the cross-entropy ``H(p^(T), q^(T))``: they differ by ``H(p^(T))``, which does not depend on
    the student, so both give the same gradients — but KL is 0 when the student matches the
    teacher. The gradient of the soft term's KL with respect to the student's logits is
    ``(q^(T) − p^(T)) / T``, which shrinks like ``1/T²`` for large T; the factor ``T²`` keeps
    the soft term's gradients comparable across temperatures (see :func:`distillation_gradient`).

    Args:
        student_logits, teacher_logits: shape (n, k), finite.
        temperature: T > 0 (T = 1: no softening).
        labels: class indices (n,) or target rows (n, k); needed when ``alpha < 1``.
        alpha: weight of the soft term, in [0, 1] (1: soft term only).
        reduction: ``"mean"`` (float), ``"sum"`` (float) or ``"none"`` (one loss per sample).

    Raises:
        ValueError: non-finite logits, shapes that differ or are not 2-D, a bad temperature,
            ``alpha`` outside [0, 1], ``alpha < 1`` without labels, bad labels, bad reduction.

    Example:
        >>> teacher, student = [[4.0, 2.0, 0.0]], [[1.0, 1.0, 1.0]]
        >>> round(distillation_loss(student, teacher, temperature=1.0), 4)
        0.6576
        >>> round(distillation_loss(student, teacher, 4.0), 4)   # T² · KL at T = 4
        1.2547
        >>> distillation_loss(teacher, teacher, 4.0)             # a perfect student
        0.0
    """
    check_reduction(reduction)
    weight = _fraction(alpha, "alpha")
    s, z, t = _distillation_inputs(student_logits, teacher_logits, temperature)
    soft = _scaled_soft_term(s, z, t)
    losses = weight * soft
    if labels is None and weight < 1.0:
        raise ValueError("labels are needed when alpha < 1 (the hard-label term's weight)")
    if labels is not None:
        rows = _labels_as_rows(labels, *s.shape)  # checked even when alpha = 1
        if weight < 1.0:
            student_z = s * t  # the original logits (finite: checked above)
            hard = -_sum_p_times(rows, log_softmax(student_z))
            losses = losses + (1.0 - weight) * hard
    return reduce(losses, reduction)


def distillation_gradient(
    student_logits: ArrayLike,
    teacher_logits: ArrayLike,
    temperature: float,
    *,
    scaled: bool = True,
) -> NDArray[np.float64]:
    r"""Gradient of the soft distillation term with respect to the student's logits, per sample.

    .. math:: \frac{\partial}{\partial s_i} D_{KL}\big(p^{(T)} \,\|\, q^{(T)}\big)
              = \frac{q_i^{(T)} - p_i^{(T)}}{T}

    multiplied by T² when ``scaled`` (the default): ``T · (q^(T) − p^(T))``, the gradient of
    ``distillation_loss(..., alpha=1, reduction="sum")``. For large T and zero-mean logits
    ``q_i − p_i ≈ (s_i − z_i) / (k T)``, so the unscaled gradient shrinks like 1/T² and the
    scaled one tends to ``(s − z) / k``: the T² factor keeps it comparable across T.

    Example:
        >>> distillation_gradient([[1.0, 0.0, -1.0]], [[0.0, 0.0, 0.0]], 1.0).round(4)
        array([[ 0.3319, -0.0886, -0.2433]])
        >>> distillation_gradient([[1.0, 0.0, -1.0]], [[0.0, 0.0, 0.0]], 100.0).round(4)
        array([[ 0.3339, -0.0011, -0.3328]])
    """
    s, z, t = _distillation_inputs(student_logits, teacher_logits, temperature)
    difference = np.exp(log_softmax(s)) - np.exp(log_softmax(z))
    return difference * t if scaled else difference / t


# --- PyTorch's KLDivLoss, reproduced ----------------------------------------------------------


def kl_div_loss(input: ArrayLike, target: ArrayLike, reduction: str = "batchmean") -> Value:
    r"""The arithmetic of PyTorch's ``torch.nn.KLDivLoss`` / ``F.kl_div`` (``log_target=False``).

    PyTorch's convention: ``input`` holds the model's **log-probabilities** (e.g. the output of
    ``log_softmax``) and ``target`` the target **probabilities**; each element contributes

    .. math:: \ell = y \,(\ln y - x) \qquad (x = \text{input},\ y = \text{target})

    and ``reduction`` combines them: ``"batchmean"`` (the sum divided by the batch size
    ``input.shape[0]`` — the true KL divergence per sample, in nats), ``"sum"``, ``"mean"``
    (PyTorch's default: divides by the number of *elements*, so it is KL / k, not KL) or
    ``"none"`` (elementwise). Nothing checks that the inputs are distributions: if the target
    rows do not sum to 1, or probabilities are passed where log-probabilities are expected, the
    result is not a KL divergence and can be **negative** — which is what this function exists
    to show. Where the target is 0 the element is 0 (``0 · ln 0 = 0``; PyTorch gives ``nan``
    there if the input is ``-inf``).

    Args:
        input: log-probabilities (any real numbers or ``-inf``; not NaN or ``+inf``).
        target: non-negative finite numbers of the same shape (rows need not sum to 1).
        reduction: ``"batchmean"`` (default here; PyTorch's default is ``"mean"``), ``"sum"``,
            ``"mean"`` or ``"none"``.

    Example:
        >>> import numpy as np
        >>> q = np.array([[0.5, 0.25, 0.25]])
        >>> round(kl_div_loss(np.log(q), [[0.8, 0.1, 0.1]]), 4)     # KL(target ‖ q), nats
        0.1927
        >>> round(kl_div_loss(np.log(q), [[0.2, 0.1, 0.1]]), 4)     # target sums to 0.4
        -0.3665
    """
    if reduction not in KL_DIV_REDUCTIONS:
        raise ValueError(f"reduction must be one of {KL_DIV_REDUCTIONS}, got {shown(reduction)}")
    x = as_float_array(input, "input")
    y = as_float_array(target, "target")
    if x.shape != y.shape:
        raise ValueError(
            f"shape mismatch: input has shape {x.shape} but target has shape {y.shape}"
        )
    bad_x = np.isnan(x) | (x == np.inf)
    if bad_x.any():
        raise ValueError(
            f"input{_at(x, bad_x)} = {x[bad_x].flat[0]}; "
            "log-probabilities must be real numbers or -inf"
        )
    bad_y = ~np.isfinite(y) | (y < 0)
    if bad_y.any():
        raise ValueError(
            f"target{_at(y, bad_y)} = {y[bad_y].flat[0]}; "
            "target probabilities must be finite and ≥ 0"
        )
    positive = y > 0
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        elements = np.where(positive, y * (np.log(np.where(positive, y, 1.0)) - x), 0.0)
    if reduction == "none":
        return elements + 0.0
    with np.errstate(over="ignore", invalid="ignore"):
        total = float(elements.sum())
    if reduction == "sum":
        return total
    if reduction == "mean":
        return total / elements.size
    return total / (x.shape[0] if x.ndim else 1)


# --- continuous distributions: Gaussians -------------------------------------------------------


def gaussian_kl(
    mu_p: ArrayLike,
    sigma_p: ArrayLike,
    mu_q: ArrayLike,
    sigma_q: ArrayLike,
    *,
    diagonal: bool = False,
    base: float = math.e,
) -> Value:
    r"""KL divergence of the Gaussian N_q from N_p, in closed form (nats by default).

    .. math:: D_{KL}\big(\mathcal N(\mu_p, \sigma_p^2) \,\|\, \mathcal N(\mu_q, \sigma_q^2)\big)
              = \ln \frac{\sigma_q}{\sigma_p} + \frac{\sigma_p^2 + (\mu_p - \mu_q)^2}{2 \sigma_q^2}
                - \frac12

    Takes **standard deviations**, not variances. With ``μ_q = 0, σ_q = 1`` it is a VAE's KL
    term, ``½ (μ² + σ² − 1 − ln σ²)``. ≥ 0, and 0 only when both means and both standard
    deviations are equal. Computed as ``½ (expm1(2ℓ) − 2ℓ) + ½ ((μ_p − μ_q)/σ_q)²`` with
    ``ℓ = ln σ_p − ln σ_q``, which stays accurate near 0 and never gives NaN (a value beyond
    float64's range is ``inf``).

    Args:
        mu_p, sigma_p, mu_q, sigma_q: means (finite) and standard deviations (finite, > 0);
            shapes broadcast, and the result has one value per element.
        diagonal: if True, the **last axis** holds the coordinates of a Gaussian with diagonal
            covariance; the coordinates are independent, so their KL divergences add, and the
            result has one value per vector (the last axis summed out).
        base: base of the logarithm (``math.e``: nats, the default; 2: bits).

    Raises:
        ValueError: non-numbers, NaN/inf, a standard deviation ≤ 0, shapes that do not
            broadcast, a 0-d input with ``diagonal=True``, or a bad ``base``.

    Example:
        >>> round(gaussian_kl(0.0, 1.0, 1.0, 2.0), 4)
        0.4431
        >>> gaussian_kl(0.0, 1.0, 0.0, 1.0)
        0.0
        >>> round(gaussian_kl([0.5, -1.0], [0.8, 1.5], 0.0, 1.0, diagonal=True), 4)  # VAE term
        0.8877
    """
    ln_base = log_of_base(base)
    mp, mq = _finite_array(mu_p, "mu_p"), _finite_array(mu_q, "mu_q")
    sp = _positive_array(sigma_p, "sigma_p", "a standard deviation")
    sq = _positive_array(sigma_q, "sigma_q", "a standard deviation")
    mp, sp, mq, sq = _broadcast({"mu_p": mp, "sigma_p": sp, "mu_q": mq, "sigma_q": sq})
    if diagonal and mp.ndim == 0:
        raise ValueError("diagonal=True needs the coordinates along a last axis (at least 1-D)")
    log_ratio = np.log(sp) - np.log(sq)  # finite: both are finite and > 0
    with np.errstate(over="ignore"):  # beyond float64: inf, the right float for a huge KL
        spread = 0.5 * (np.expm1(2.0 * log_ratio) - 2.0 * log_ratio)
        shift = 0.5 * ((mp - mq) / sq) ** 2
        value = np.maximum(spread, 0.0) + shift
        if diagonal:
            value = value.sum(axis=-1)
    return scalar_or_array(value / ln_base)


def gaussian_differential_entropy(
    sigma: ArrayLike, *, diagonal: bool = False, base: float = math.e
) -> Value:
    r"""Differential entropy of a Gaussian N(μ, σ²) (it does not depend on μ), in nats by default.

    .. math:: h(X) = -\int p(x) \ln p(x)\, dx = \tfrac12 \ln(2 \pi e\, \sigma^2)

    Unlike the entropy of a discrete distribution it can be **negative**: for
    ``σ < 1/√(2πe) ≈ 0.242`` the density exceeds 1 over most of its mass. It changes with the
    units of x (rescaling x by c adds ln |c|). With ``diagonal=True`` the last axis holds the
    standard deviations of independent coordinates, and their entropies add.

    Raises:
        ValueError: non-numbers, NaN/inf, σ ≤ 0, a 0-d ``sigma`` with ``diagonal=True``, or a
            bad ``base``.

    Example:
        >>> round(gaussian_differential_entropy(1.0), 4)
        1.4189
        >>> round(gaussian_differential_entropy(0.1), 4)
        -0.8837
        >>> round(gaussian_differential_entropy([1.0, 0.1], diagonal=True), 4)
        0.5352
    """
    ln_base = log_of_base(base)
    s = _positive_array(sigma, "sigma", "a standard deviation")
    if diagonal and s.ndim == 0:
        raise ValueError("diagonal=True needs the coordinates along a last axis (at least 1-D)")
    value = np.log(s) + 0.5 * math.log(2 * math.pi * math.e)
    if diagonal:
        value = value.sum(axis=-1)
    return scalar_or_array(value / ln_base)


def gaussian_pdf(x: ArrayLike, mu: float, sigma: float) -> NDArray[np.float64]:
    r"""The density of N(μ, σ²) at each x: ``exp(−(x − μ)² / 2σ²) / (σ √(2π))``.

    Example:
        >>> gaussian_pdf([0.0], 0.0, 1.0).round(4)
        array([0.3989])
    """
    xs = _finite_array(x, "x")
    mean = _finite_array(mu, "mu")
    if mean.ndim != 0:
        raise ValueError(f"mu must be one finite number, got shape {mean.shape}")
    s = positive_number(sigma, "sigma")
    with np.errstate(over="ignore", under="ignore"):
        return np.exp(-0.5 * ((xs - mean) / s) ** 2) / (s * math.sqrt(2 * math.pi))


def gaussian_mixture_pdf(
    x: ArrayLike, weights: ArrayLike, mus: ArrayLike, sigmas: ArrayLike
) -> NDArray[np.float64]:
    r"""The density of a mixture of Gaussians: ``Σ_j w_j N(x; μ_j, σ_j²)``.

    Args:
        x: where to evaluate it.
        weights: the mixture weights, a distribution (summing to 1).
        mus, sigmas: each component's mean and standard deviation (> 0), as many as weights.

    Example:
        >>> gaussian_mixture_pdf([-2.0, 2.0], [0.5, 0.5], [-2.0, 2.0], [1.0, 1.0]).round(4)
        array([0.1995, 0.1995])
    """
    w = as_distribution(weights, "weights")
    m = _finite_array(mus, "mus")
    s = _positive_array(sigmas, "sigmas", "a standard deviation")
    if not (w.ndim == m.ndim == s.ndim == 1 and w.size == m.size == s.size):
        raise ValueError(
            "weights, mus and sigmas must be 1-D with one entry per component, got shapes "
            f"{w.shape}, {m.shape}, {s.shape}"
        )
    xs = _finite_array(x, "x")
    with np.errstate(over="ignore", under="ignore"):
        z = (xs[..., None] - m) / s
        return (w * np.exp(-0.5 * z * z) / (s * math.sqrt(2 * math.pi))).sum(axis=-1)


# --- fitting one Gaussian by forward or reverse KL, on a grid ---------------------------------


class GaussianFit(NamedTuple):
    """The Gaussian N(mu, sigma²) that minimises a KL divergence, and the divergence it reaches."""

    mu: float
    sigma: float
    divergence: float


def _evenly_spaced(x: ArrayLike) -> NDArray[np.float64]:
    grid = _finite_array(x, "x")
    if grid.ndim != 1 or grid.size < 3:
        raise ValueError(f"x must be a 1-D grid of at least 3 points, got shape {grid.shape}")
    steps = np.diff(grid)
    if not (steps > 0).all():
        raise ValueError("x must be strictly increasing")
    if np.abs(steps - steps.mean()).max() > 1e-6 * steps.mean():
        raise ValueError("x must be evenly spaced (the KL sums use equal cell widths)")
    return grid


def _density_as_probabilities(values: ArrayLike, size: int, name: str) -> NDArray[np.float64]:
    density = _finite_array(values, name)
    if density.shape != (size,):
        raise ValueError(f"{name} must have one value per grid point, got shape {density.shape}")
    if (density < 0).any():
        i = int(np.argmax(density < 0))
        raise ValueError(f"{name}[{i}] = {density[i]} is negative; a density is ≥ 0")
    total = density.sum()
    if not total > 0:
        raise ValueError(f"{name} is 0 everywhere on the grid; nothing to fit")
    return density / total


def kl_fit_objective(
    x: ArrayLike,
    p: ArrayLike,
    mus: ArrayLike,
    sigmas: ArrayLike,
    direction: Literal["forward", "reverse"] = "forward",
    base: float = math.e,
) -> NDArray[np.float64]:
    r"""KL divergence between a target density P and each Gaussian Q = N(μ, σ²) of a grid.

    Both densities are discretised on the evenly spaced grid ``x`` (each normalised to sum to 1
    over it, so the sums approximate the integrals, the cell width cancelling in every ratio):

    - ``direction="forward"``: :math:`D_{KL}(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}`
      (what maximum likelihood minimises: Q must cover wherever P has mass);
    - ``direction="reverse"``: :math:`D_{KL}(Q \| P) = \sum_x Q(x) \log \frac{Q(x)}{P(x)}`
      (what variational inference minimises: Q must avoid wherever P has none).

    Returns an array of shape ``(len(mus), len(sigmas))``, in nats by default; ``inf`` where a
    Q puts mass on grid points where P is 0 (reverse) or the other way round (forward).

    Example:
        >>> x = np.linspace(-6, 6, 241)
        >>> p = gaussian_pdf(x, 0.0, 1.0)
        >>> kl_fit_objective(x, p, [0.0, 1.0], [1.0], "forward").round(3)
        array([[0. ],
               [0.5]])
    """
    if direction not in ("forward", "reverse"):
        raise ValueError(f'direction must be "forward" or "reverse", got {shown(direction)}')
    ln_base = log_of_base(base)
    grid = _evenly_spaced(x)
    target = _density_as_probabilities(p, grid.size, "p")
    mu_grid = _finite_array(mus, "mus")
    sigma_grid = _positive_array(sigmas, "sigmas", "a standard deviation")
    if mu_grid.ndim != 1 or sigma_grid.ndim != 1:
        raise ValueError("mus and sigmas must be 1-D grids of candidate parameters")
    z = (grid - mu_grid[:, None, None]) / sigma_grid[None, :, None]
    with np.errstate(under="ignore"):
        q = np.exp(-0.5 * z * z)
    totals = q.sum(axis=-1, keepdims=True)
    if not (totals > 0).all():
        raise ValueError("a candidate Gaussian has no mass on the grid; widen x or narrow mus")
    q = q / totals
    log_q = _log(q)
    log_p = _log(target)
    with np.errstate(invalid="ignore"):  # -inf - -inf where both are 0: masked below
        if direction == "forward":
            ratio = np.where(target > 0, log_p - log_q, 0.0)
            value = _sum_p_times(np.broadcast_to(target, q.shape), ratio)
        else:
            ratio = np.where(q > 0, log_q - log_p, 0.0)
            value = _sum_p_times(q, ratio)
    return np.maximum(value, 0.0) / ln_base


def fit_gaussian_by_kl(
    x: ArrayLike,
    p: ArrayLike,
    mus: ArrayLike,
    sigmas: ArrayLike,
    direction: Literal["forward", "reverse"] = "forward",
    base: float = math.e,
) -> GaussianFit:
    r"""The Gaussian of the grid ``mus × sigmas`` that minimises the forward or reverse KL.

    A brute-force search over :func:`kl_fit_objective`: transparent and deterministic (ties go
    to the first minimum in grid order). Forward KL, :math:`D_{KL}(P \| Q)`, is *mass-covering*:
    for a Gaussian Q its minimiser matches P's mean and standard deviation. Reverse KL,
    :math:`D_{KL}(Q \| P)`, is *mode-seeking*: on a two-peaked P it settles on one peak.

    Example:
        >>> x = np.linspace(-16, 16, 641)
        >>> p = gaussian_mixture_pdf(x, [0.5, 0.5], [-3.0, 3.0], [1.0, 1.0])
        >>> mus, sigmas = np.linspace(-4, 4, 81), np.linspace(0.5, 4, 36)
        >>> fit_gaussian_by_kl(x, p, mus, sigmas, "forward")[:2]
        (0.0, 3.2)
        >>> abs(fit_gaussian_by_kl(x, p, mus, sigmas, "reverse").mu)
        3.0
    """
    objective = kl_fit_objective(x, p, mus, sigmas, direction, base)
    i, j = np.unravel_index(int(np.argmin(objective)), objective.shape)
    mu_grid, sigma_grid = np.asarray(mus, dtype=float), np.asarray(sigmas, dtype=float)
    return GaussianFit(float(mu_grid[i]) + 0.0, float(sigma_grid[j]), float(objective[i, j]))
