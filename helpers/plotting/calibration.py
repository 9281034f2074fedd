"""Figures of 11_calibration_and_proper_scoring: proper scoring rules and reliability diagrams.

Each function validates its input (``ValueError``) before drawing, draws in the course style
(:func:`~helpers.plotting._style.styled`), returns the ``Figure`` and, where it draws one axes,
accepts ``ax=``. Colour never carries meaning alone: curves differ in line style and marker too,
and every curve, point and bin count is labelled.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from .._validation import shown
from ..calibration import (
    RULES,
    apply_temperature,
    expected_calibration_error,
    expected_score,
    reliability_curve,
    temperature_log_loss,
)
from . import _checks
from ._style import (
    EXTRA_COLOUR,
    LABEL_BOX,
    P_COLOUR,
    Q_COLOUR,
    figure_and_axes,
    styled,
    subplots,
)

__all__ = ["plot_expected_scores", "plot_reliability_diagram", "plot_temperature_scaling"]

_COLOURS = (P_COLOUR, Q_COLOUR, EXTRA_COLOUR, "#805ad5", "#c53030")
_STYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)))
_MARKERS = ("o", "s", "^", "D", "v")
_RULE_NAMES = {
    "log": ("log loss", "expected log loss (nats)"),
    "brier": ("Brier score", "expected Brier score (no unit)"),
    "zero_one": ("0-1 loss (1 − accuracy)", "expected 0-1 loss (error rate)"),
}


@styled
def plot_expected_scores(
    true_probs: Sequence[float] = (0.2, 0.5, 0.8),
    rules: Sequence[str] = RULES,
    *,
    n: int = 999,
) -> Figure:
    """Expected score against the reported probability p, one panel per scoring rule and one
    curve per true probability q, with a marker where p = q (the honest report).

    A strictly proper rule (log, Brier) has its single lowest point exactly at p = q; the 0-1
    loss is flat on each side of 0.5, so the honest report is one minimiser among many.

    >>> fig = plot_expected_scores((0.2, 0.7), ("log", "zero_one"))
    >>> [ax.get_title() for ax in fig.axes]
    ['log loss', '0-1 loss (1 − accuracy)']
    >>> plt.close(fig)
    """
    qs = _checks.marks(true_probs, "true_probs", open_low=True)
    if not 1 <= qs.size <= len(_COLOURS) or (qs >= 1).any():
        raise ValueError(
            f"true_probs must be 1 to {len(_COLOURS)} probabilities in (0, 1), got {qs.tolist()}"
        )
    if isinstance(rules, str) or not isinstance(rules, Sequence) or not rules:
        raise ValueError(
            f"rules must be a non-empty sequence drawn from {RULES}, got {shown(rules)}"
        )
    for rule in rules:
        if rule not in RULES:
            raise ValueError(f"rules must be drawn from {RULES}, got {shown(rule)}")
    n = _checks.count(n, "n", 3, 100_000)
    p = np.linspace(0.001, 0.999, n)
    fig, axes = subplots(len(rules), width=4.2 * len(rules) if len(rules) > 1 else None)
    axes = np.atleast_1d(axes)
    for ax, rule in zip(axes, rules, strict=True):
        for i, q in enumerate(qs):
            curve = expected_score(p, q, rule)
            ax.plot(p, curve, color=_COLOURS[i], linestyle=_STYLES[i], label=f"true q = {q:g}")
            ax.plot(
                [q],
                [expected_score(q, q, rule)],
                marker=_MARKERS[i],
                color=_COLOURS[i],
                markersize=8,
                linestyle="none",
            )
        title, ylabel = _RULE_NAMES[rule]
        ax.set_title(title)
        ax.set_xlabel("reported probability p")
        ax.set_ylabel(ylabel)
        ax.set_xlim(0, 1)
        if rule == "log":
            ax.set_ylim(0, 2.5)
        else:
            ax.set_ylim(0, 1.0)
    axes[0].legend(loc="upper center", fontsize=9, title="marker: p = q", title_fontsize=9)
    return fig


@styled
def plot_reliability_diagram(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    n_bins: int = 10,
    strategy: str = "uniform",
    label: str = "model",
    colour: str = P_COLOUR,
    marker: str = "o",
    ax: Axes | None = None,
) -> Figure:
    """Reliability diagram: each bin's observed frequency of class 1 against its mean predicted
    probability, on the diagonal of a perfectly calibrated model, with each bin's sample count
    written next to its point and a thin line showing the gap to the diagonal. The title gives
    the expected calibration error (ECE) of the same bins.

    >>> fig = plot_reliability_diagram([0, 0, 1, 1, 1], [0.1, 0.2, 0.7, 0.8, 0.9], n_bins=2)
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['n = 2', 'n = 3']
    >>> plt.close(fig)
    """
    curve = reliability_curve(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    ece = expected_calibration_error(y_true, y_prob, n_bins=n_bins, strategy=strategy)
    label = _checks.text(label, "label")
    colour = _checks.text(colour, "colour")
    marker = _checks.text(marker, "marker")
    _checks.axes(ax)
    fig, ax = figure_and_axes(ax)
    ax.plot([0, 1], [0, 1], color="grey", linestyle="--", linewidth=1, label="perfectly calibrated")
    for x, y in zip(curve.prob_pred, curve.prob_true, strict=True):
        ax.plot([x, x], [x, y], color=colour, linewidth=1, alpha=0.6)
    ax.plot(
        curve.prob_pred,
        curve.prob_true,
        color=colour,
        marker=marker,
        markersize=7,
        linestyle="-",
        label=label,
    )
    for j, (x, y, count) in enumerate(
        zip(curve.prob_pred, curve.prob_true, curve.counts, strict=True)
    ):
        step = 11 * (j % 2)  # neighbouring bins' labels on two levels, so they do not overlap
        ax.annotate(
            f"n = {count}",
            (x, y),
            xytext=(4, -(12 + step)) if y > 0.5 else (4, 6 + step),
            textcoords="offset points",
            fontsize=9,
            bbox=LABEL_BOX,
        )
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("mean predicted probability in the bin")
    ax.set_ylabel("observed frequency of class 1")
    ax.set_title(f"{label}: ECE = {ece:.3f}", fontsize=12)
    ax.legend(loc="upper left", fontsize=9)
    return fig


@styled
def plot_temperature_scaling(
    y_true: ArrayLike,
    logits: ArrayLike,
    temperature: float,
    *,
    n_bins: int = 10,
    strategy: str = "uniform",
    label: str = "model",
) -> Figure:
    """Two reliability diagrams of the same binary logits z: as trained, σ(z), and after
    temperature scaling, σ(z / T), each titled with its log loss (nats) and ECE.

    >>> fig = plot_temperature_scaling([0, 1, 1, 0], [-3.0, 4.0, 1.0, 2.0], 2.0, n_bins=2)
    >>> len(fig.axes), fig.axes[1].get_legend().get_texts()[1].get_text()
    (2, 'T = 2')
    >>> plt.close(fig)
    """
    temperature = _checks.real(temperature, "temperature", low=0, open_low=True)  # for the title
    before = apply_temperature(logits, 1.0)
    after = apply_temperature(logits, temperature)
    if before.ndim != 1:
        raise ValueError(f"logits must be 1-D (binary: one logit per sample), got {before.shape}")
    label = _checks.text(label, "label")
    loss_before = temperature_log_loss(y_true, logits, 1.0)
    loss_after = temperature_log_loss(y_true, logits, temperature)
    for probs in (before, after):  # bins and labels checked before any figure exists
        reliability_curve(y_true, probs, n_bins=n_bins, strategy=strategy)
    fig, axes = subplots(2, width=11, height=5.4)
    for ax, probs, name, colour, marker, loss in (
        (axes[0], before, "T = 1", P_COLOUR, "o", loss_before),
        (axes[1], after, f"T = {temperature:.3g}", Q_COLOUR, "s", loss_after),
    ):
        plot_reliability_diagram(
            y_true,
            probs,
            n_bins=n_bins,
            strategy=strategy,
            label=name,
            colour=colour,
            marker=marker,
            ax=ax,
        )
        ece = expected_calibration_error(y_true, probs, n_bins=n_bins, strategy=strategy)
        ax.set_title(f"{label}, {name}\nlog loss {loss:.3f} nats, ECE {ece:.3f}", fontsize=12)
    return fig
