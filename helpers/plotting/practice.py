"""The figures of notebook 08 (cross-entropy in practice): gradients with respect to the logit,
learning curves, and the loss under label smoothing.
"""

from __future__ import annotations

import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from . import _checks as check
from ._style import EXTRA_COLOUR, P_COLOUR, Q_COLOUR, figure_and_axes, styled, subplots


@styled
def plot_logit_gradients(
    y: int = 1, z_max: float = 10.0, n: int = 401, *, ax: Axes | None = None
) -> Figure:
    """The gradient of each loss with respect to the logit z, for one sample with label ``y``.

    Cross-entropy: σ(z) − y. Squared error ½(σ(z) − y)²: (σ(z) − y)·σ(z)(1 − σ(z)), which
    vanishes for confident mistakes (z ≪ 0 when y = 1). Lines are labelled by loss.

    >>> fig = plot_logit_gradients()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['cross-entropy: σ(z) − y', 'squared error: (σ(z) − y)·σ(z)(1 − σ(z))']
    >>> plt.close(fig)
    """
    from ..training import gradient_wrt_logit

    y = check.count(y, "y (the label)", 0, 1)
    # up to 10⁶: matplotlib's axis arithmetic overflows for limits near float64's largest
    z_max = check.real(z_max, "z_max", low=0.0, high=1e6, open_low=True)
    n = check.count(n, "n", 3)
    check.axes(ax)
    z = np.linspace(-z_max, z_max, n)
    fig, ax = figure_and_axes(ax)
    ax.plot(z, gradient_wrt_logit(y, z), color=Q_COLOUR, lw=2.5, label="cross-entropy: σ(z) − y")
    ax.plot(
        z,
        gradient_wrt_logit(y, z, "squared_error"),
        color=EXTRA_COLOUR,
        lw=2.5,
        label="squared error: (σ(z) − y)·σ(z)(1 − σ(z))",
    )
    wrong = z < 0 if y == 1 else z > 0
    ax.fill_between(z, -1.05, 1.05, where=wrong, color="0.5", alpha=0.08, lw=0)
    ax.text(
        -z_max * 0.95 if y == 1 else z_max * 0.95,
        0.08 if y == 1 else -0.08,
        "model says the wrong class",
        ha="left" if y == 1 else "right",
        va="bottom" if y == 1 else "top",
        fontsize=10,
        color="0.35",
    )
    ax.axhline(0, color="0.3", lw=0.8)
    ax.set_ylim(*((-1.05, 0.25) if y == 1 else (-0.25, 1.05)))
    ax.set_xlabel("logit z (log-odds)")
    ax.set_ylabel("gradient ∂ℓ/∂z")
    ax.set_title(f"Gradient of the loss with respect to the logit (y = {y})")
    ax.legend(loc="lower right" if y == 1 else "upper right", fontsize=10)
    return fig


@styled
def plot_learning_curves(histories: dict[str, object], *, last_epoch: int | None = None) -> Figure:
    """Accuracy and log loss (nats) per epoch, one line per training run.

    ``histories`` maps a label to a :class:`helpers.training.TrainingHistory`. ``last_epoch``
    shows epochs 0 … ``last_epoch`` only (at most each run's last), for runs whose action is in
    the first few steps; each epoch then gets a marker when at most 30 are shown.

    >>> from helpers.training import train_logistic
    >>> run = train_logistic([[-1.0], [1.0]], [0, 1], epochs=5)
    >>> fig = plot_learning_curves({"cross-entropy": run}, last_epoch=2)
    >>> [ax.get_ylabel() for ax in fig.axes], fig.axes[0].get_lines()[0].get_xdata().tolist()
    (['accuracy', 'log loss (nats)'], [0, 1, 2])
    >>> plt.close(fig)
    """
    runs = check.named_values(histories, "histories")
    if len(runs) > 4:
        raise ValueError(f"histories can hold at most 4 runs (one colour each), got {len(runs)}")
    stop = None if last_epoch is None else check.count(last_epoch, "last_epoch", minimum=1) + 1
    for label, history in runs.items():
        columns = [getattr(history, name, None) for name in ("epochs", "accuracy", "log_loss")]
        if any(column is None for column in columns):
            kind = type(history).__name__
            raise ValueError(f"histories[{label!r}] must be a TrainingHistory, got {kind}")
        lengths = {check.numbers_1d(c, f"histories[{label!r}]", finite=False).size for c in columns}
        if len(lengths) != 1:
            raise ValueError(f"histories[{label!r}]: epochs, accuracy, log loss differ in length")
    fig, (acc_ax, loss_ax) = subplots(2, width=11, height=4)
    colours = (Q_COLOUR, EXTRA_COLOUR, P_COLOUR, "#805ad5")
    for (label, history), colour in zip(runs.items(), colours, strict=False):
        epochs = np.asarray(history.epochs)[:stop]
        style = {"color": colour, "lw": 2.5, "label": label}
        if epochs.size <= 30:
            style |= {"marker": "o", "markersize": 5}
        acc_ax.plot(epochs, np.asarray(history.accuracy)[:stop], **style)
        loss_ax.plot(epochs, np.asarray(history.log_loss)[:stop], **style)
    acc_ax.set_ylim(-0.03, 1.03)
    acc_ax.set_ylabel("accuracy")
    acc_ax.set_title("Accuracy per epoch")
    loss_ax.set_ylim(bottom=0)
    loss_ax.set_ylabel("log loss (nats)")
    loss_ax.set_title("Log loss per epoch")
    for ax in (acc_ax, loss_ax):
        ax.set_xlabel("epoch (gradient steps)")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))  # whole epochs
        ax.legend(title="trained with", fontsize=10)
    return fig


@styled
def plot_label_smoothing_loss(
    epsilon: float = 0.1, n_classes: int = 3, n: int = 500, *, ax: Axes | None = None
) -> Figure:
    """Cross-entropy (nats) against the predicted probability of the true class, for a one-hot
    target and for the label-smoothed target; the rest of the prediction is shared evenly.

    The one-hot loss −ln p keeps falling towards p = 1; the smoothed loss is smallest at
    p = 1 − ε + ε/k, where it equals the smoothed target's entropy (both minima are marked).

    >>> fig = plot_label_smoothing_loss(0.1, 3)
    >>> round(float(fig.axes[0].get_lines()[2].get_xdata()[0]), 4)
    0.9333
    >>> plt.close(fig)
    """
    from ..information import entropy
    from ..losses import categorical_cross_entropy, smooth_labels

    epsilon = check.real(epsilon, "epsilon", low=0.0, high=1.0, open_high=True)
    k = check.count(n_classes, "n_classes", 2)
    n = check.count(n, "n", 3)
    check.axes(ax)
    p = np.linspace(0.3, 0.9999, n)
    rows = np.column_stack([p, np.repeat(((1 - p) / (k - 1))[:, None], k - 1, axis=1)])
    target = smooth_labels([0], k, epsilon)
    hard = categorical_cross_entropy(np.zeros(n, dtype=int), rows, reduction="none")
    smooth = categorical_cross_entropy(np.repeat(target, n, axis=0), rows, reduction="none")
    best_p = float(target[0, 0])
    best = float(entropy(target[0], base=np.e))
    fig, ax = figure_and_axes(ax)
    ax.plot(p, hard, color=P_COLOUR, lw=2.5, label="one-hot target: −ln p")
    ax.plot(p, smooth, color=Q_COLOUR, lw=2.5, ls="--", label=f"smoothed target (ε = {epsilon:g})")
    ax.plot([best_p], [best], "o", color=Q_COLOUR, ms=9, label=f"minimum at p = {best_p:.3f}")
    ax.axvline(best_p, color=Q_COLOUR, ls=":", lw=1.2)
    ax.annotate(
        f"H(smoothed target) = {best:.3f} nats",
        (best_p, best),
        xytext=(-20, 60),
        textcoords="offset points",
        ha="right",
        fontsize=10,
        arrowprops={"arrowstyle": "->", "color": "0.35"},
    )
    ax.set_ylim(0, float(max(hard.max(), smooth.max())) * 1.05)
    ax.set_xlabel(
        f"predicted probability p of the true class "
        f"(each of the other {k - 1} classes gets (1 − p)/{k - 1})"
    )
    ax.set_ylabel("cross-entropy (nats)")
    ax.set_title(f"Label smoothing: the best prediction is no longer 1 (k = {k})")
    ax.legend(fontsize=10)
    return fig
