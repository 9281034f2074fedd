"""Figures of 09_cross_entropy_in_the_frameworks: softmax applied twice, and the focal loss."""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .._validation import real_number
from ..frameworks import cross_entropy_gradient, double_softmax_gradient, focal_loss_with_logits
from ..losses import softmax, softmax_cross_entropy_with_logits
from . import _checks as check
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, styled, subplots

__all__ = ["double_softmax_curves", "plot_double_softmax", "plot_focal_loss"]


def _check_int(value: object, name: str, low: int, high: int) -> int:
    return real_number(value, name, low=low, high=high, integer=True)


def _check_positive(value: object, name: str) -> float:
    return real_number(value, name, low=0, low_open=True)


def _check_gammas(gammas: object) -> list[float]:
    """A non-empty 1-D sequence of finite numbers ≥ 0 (no booleans, strings or masks)."""
    values = check.numbers_1d(gammas, "gammas")
    if (values < 0).any():
        i = int(np.argmax(values < 0))
        raise ValueError(f"gammas[{i}] = {values[i]} is negative; a focal exponent γ is ≥ 0")
    return [float(g) for g in values]


def double_softmax_curves(k: int = 10, margin_max: float = 10.0, n: int = 201) -> dict:
    r"""The data of :func:`plot_double_softmax`: loss and gradient size against the margin.

    The logits are (m, 0, …, 0) over k classes with the true class 0, so m is the true class's
    margin over every other class; k is from 2 to 1000, and n (points, from −margin_max to
    margin_max) from 2 to 100 000. Returns a dict of arrays ``margin``, ``loss``,
    ``double_loss`` (nats), ``grad`` and ``double_grad`` (Euclidean norm of ∂ℓ/∂z).

    >>> c = double_softmax_curves(k=10, n=3)
    >>> c["margin"], c["double_loss"].round(3)
    (array([-10.,   0.,  10.]), array([2.403, 2.303, 1.461]))
    """
    k = _check_int(k, "k", 2, 1000)
    n = _check_int(n, "n", 2, 100_000)
    margin_max = _check_positive(margin_max, "margin_max")
    margin = margin_max * np.linspace(-1.0, 1.0, n)  # not linspace(-m, m): 2m overflows at 1e308
    logits = np.zeros((n, k))
    logits[:, 0] = margin
    target = np.zeros(n, dtype=int)
    return {
        "margin": margin,
        "loss": softmax_cross_entropy_with_logits(target, logits, reduction="none"),
        "double_loss": softmax_cross_entropy_with_logits(target, softmax(logits), reduction="none"),
        "grad": np.linalg.norm(cross_entropy_gradient(target, logits), axis=1),
        "double_grad": np.linalg.norm(double_softmax_gradient(target, logits), axis=1),
    }


@styled
def plot_double_softmax(k: int = 10, margin_max: float = 10.0, n: int = 201) -> Figure:
    r"""Softmax applied twice: the loss is squashed towards ln k and the gradient shrinks.

    Left: the loss (nats) against the true class's logit margin m, wired correctly (softmax
    cross-entropy of the logits) and with softmax applied twice (softmax cross-entropy of the
    probabilities), with ln k and the double-softmax floor ln(e + k − 1) − 1 marked. Right: the
    size of the gradient with respect to the logits, on a log scale. ``margin_max`` is at most
    10⁶ (matplotlib cannot draw an axis spanning ±1e308).

    >>> fig = plot_double_softmax(k=5, n=11)
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['loss (nats)', '‖∂ℓ/∂z‖ (nats per logit unit)']
    >>> plt.close(fig)
    """
    # matplotlib's axis arithmetic overflows for limits near float64's largest: bound the axis
    margin_max = real_number(margin_max, "margin_max", low=0, high=1e6, low_open=True)
    c = double_softmax_curves(k, margin_max, n)
    fig, (left, right) = subplots(2)
    every = max(1, n // 10)
    left.plot(
        c["margin"],
        c["loss"],
        color=P_COLOUR,
        marker="o",
        markevery=every,
        label="correct: loss on the logits",
    )
    left.plot(
        c["margin"],
        c["double_loss"],
        color=Q_COLOUR,
        linestyle="--",
        marker="s",
        markevery=every,
        label="softmax twice: loss on the probabilities",
    )
    left.axhline(math.log(k), color="grey", linestyle=":", label=f"ln k = {math.log(k):.3f}")
    floor = math.log(math.e + k - 1) - 1
    left.axhline(
        floor, color=EXTRA_COLOUR, linestyle="-.", label=f"floor ln(e + k − 1) − 1 = {floor:.3f}"
    )
    left.set_xlabel("logit margin m of the true class")
    left.set_ylabel("loss (nats)")
    left.set_title(f"Loss, k = {k} classes")
    left.set_ylim(0, None)
    left.legend(fontsize=9)
    right.semilogy(
        c["margin"], c["grad"], color=P_COLOUR, marker="o", markevery=every, label="correct"
    )
    right.semilogy(
        c["margin"],
        c["double_grad"],
        color=Q_COLOUR,
        linestyle="--",
        marker="s",
        markevery=every,
        label="softmax twice",
    )
    right.set_xlabel("logit margin m of the true class")
    right.set_ylabel("‖∂ℓ/∂z‖ (nats per logit unit)")
    right.set_title("Gradient size (log scale)")
    right.legend(fontsize=9)
    return fig


@styled
def plot_focal_loss(
    gammas: Sequence[float] = (0.0, 0.5, 1.0, 2.0, 5.0),
    *,
    ax: Axes | None = None,
) -> Figure:
    r"""The focal loss −(1 − p)^γ ln p against the true-class probability p, one curve per γ.

    γ = 0 is the cross-entropy −ln p. Each curve has its own line style and marker.

    >>> fig = plot_focal_loss([0, 2])
    >>> [line.get_label() for line in fig.axes[0].get_lines()]
    ['γ = 0 (cross-entropy)', 'γ = 2']
    >>> plt.close(fig)
    """
    values = _check_gammas(gammas)
    fig, ax = figure_and_axes(ax)
    p = np.linspace(0.01, 0.999, 300)
    logits = np.column_stack([np.log(p) - np.log1p(-p), np.zeros_like(p)])  # softmax → (p, 1 − p)
    styles = ["-", "--", "-.", ":", (0, (5, 1))]
    markers = ["o", "s", "^", "D", "v"]
    target = np.zeros(p.size, dtype=int)
    for i, g in enumerate(values):
        loss = focal_loss_with_logits(target, logits, g, reduction="none")
        label = f"γ = {g:g}" + (" (cross-entropy)" if g == 0 else "")
        ax.plot(
            p,
            loss,
            linestyle=styles[i % len(styles)],
            marker=markers[i % len(markers)],
            markevery=30,
            label=label,
        )
    ax.set_xlabel("predicted probability of the true class, p")
    ax.set_ylabel("loss (nats)")
    ax.set_title(r"Focal loss $-(1 - p)^{\gamma}\,\ln p$")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, None)
    ax.legend()
    return fig
