r"""Soft targets: mixup, tempered softmax, knowledge distillation and PyTorch's ``KLDivLoss``.

Losses in **nats**, as models are trained; logits along the last axis.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._numerics import scaled_logits, sum_p_times
from .._validation import (
    Value,
    as_float_array,
    check_reduction,
    finite_array,
    locate,
    real_number,
    reduce,
    shown,
)
from ..losses import log_softmax, target_rows
from ._common import _fraction, _temperature

__all__ = [
    "distillation_gradient",
    "distillation_loss",
    "kl_div_loss",
    "mixup_targets",
    "tempered_softmax",
]


KL_DIV_REDUCTIONS = ("batchmean", "sum", "mean", "none")


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
        raw = as_float_array(labels, name)  # the one type rule: no bools, masks or strings
        if raw.ndim == 0 or raw.size == 0:
            raise ValueError(f"{name} must be class indices (n,) or target rows (n, k)")
        try:
            rows.append(target_rows(raw, raw.shape[0], int(n_classes)))
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
    z = finite_array(logits, "logits")
    if z.ndim == 0:
        raise ValueError("logits must be a 1-D vector of class scores or a batch of them")
    return np.exp(log_softmax(scaled_logits(z, t)))


def _distillation_inputs(
    student_logits: ArrayLike, teacher_logits: ArrayLike, temperature: float
) -> tuple[np.ndarray, np.ndarray, float]:
    t = _temperature(temperature)
    student = finite_array(student_logits, "student_logits")
    teacher = finite_array(teacher_logits, "teacher_logits")
    if student.ndim != 2:
        raise ValueError(
            f"student_logits must be 2-D (samples × classes), got shape {student.shape}"
        )
    if teacher.shape != student.shape:
        raise ValueError(
            f"shape mismatch: student_logits has shape {student.shape} but teacher_logits "
            f"has shape {teacher.shape}"
        )
    # C order: sums over a row never depend on the layout
    s = np.ascontiguousarray(scaled_logits(student, t, "student_logits"))
    z = np.ascontiguousarray(scaled_logits(teacher, t, "teacher_logits"))
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
            out[rest] = np.maximum(sum_p_times(p[rest], log_ratio), 0.0) * t * t
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

    .. math:: \ell = \alpha\, T^2\, \mathrm{KL}\big(p^{(T)} \,\|\, q^{(T)}\big)
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
        rows = target_rows(labels, *s.shape)  # checked even when alpha = 1
        if weight < 1.0:
            student_z = s * t  # the original logits (finite: checked above)
            hard = -sum_p_times(rows, log_softmax(student_z))
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

    .. math:: \frac{\partial}{\partial s_i} \mathrm{KL}\big(p^{(T)} \,\|\, q^{(T)}\big)
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
            f"input{locate(x, bad_x)} = {x[bad_x].flat[0]}; "
            "log-probabilities must be real numbers or -inf"
        )
    bad_y = ~np.isfinite(y) | (y < 0)
    if bad_y.any():
        raise ValueError(
            f"target{locate(y, bad_y)} = {y[bad_y].flat[0]}; "
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
