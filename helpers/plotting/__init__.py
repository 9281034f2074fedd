"""The course's figures, drawn in one consistent style.

Importing this module imports matplotlib (``helpers`` itself does not): reach it as
``helpers.plotting`` and it loads on first use. Importing it applies the course style once
(:data:`STYLE`), so every notebook's figures share fonts, sizes and colours.

Every function draws a new figure and returns the matplotlib ``Figure`` (in a notebook, assign
it — ``fig = helpers.plotting.…`` — and JupyterLab shows it once, below the cell). Pass ``ax=``
where offered to draw into an existing axes instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib as mpl  # noqa: F401 - the doctests use it
import matplotlib.pyplot as plt  # noqa: F401 - the doctests use it
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ._style import (  # noqa: F401 - re-exported: notebooks use helpers.plotting.<name>
    EXTRA_COLOUR,
    P_COLOUR,
    Q_COLOUR,
    STYLE,
    apply_style,
    course_style,
    figure_and_axes,
    styled,
    subplots,
)
from ._style import label_bars as _label_bars

apply_style()  # TODO(#10): each figure applies the style itself (styled); then drop this


def plot_distributions(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    labels: tuple[str, str] = ("P (true)", "Q (model)"),
    title: str = "Two distributions over the same events",
    ax: Axes | None = None,
) -> Figure:
    """Side-by-side bar chart of two distributions over named events, each bar labelled.

    >>> fig = plot_distributions([0.1, 0.4, 0.5], [0.8, 0.15, 0.05], ["red", "green", "blue"])
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['red', 'green', 'blue']
    >>> plt.close(fig)
    """
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    if ax is None:
        fig, ax = subplots()
    else:
        fig = ax.figure
    x = np.arange(len(events))
    width = 0.38
    for offset, values, label, colour in (
        (-width / 2, p, labels[0], P_COLOUR),
        (width / 2, q, labels[1], Q_COLOUR),
    ):
        bars = ax.bar(x + offset, values, width, label=label, color=colour)
        _label_bars(ax, bars)
    ax.set_xticks(x, list(events))
    ax.set_ylim(0, max(1.0, float(np.max([p, q]))) * 1.12)
    ax.set_ylabel("probability")
    ax.set_xlabel("event")
    ax.set_title(title)
    ax.legend()
    return fig


# --- 01_entropy, 02_cross_entropy, 03_kl_divergence -------------------------------------------


def plot_surprise(marked: Sequence[float] = (1, 1 / 2, 1 / 4, 1 / 8)) -> Figure:
    """The surprise of an event, −log2 P(x) in bits, against its probability P(x).

    Certain events (P = 1) carry 0 bits; every halving of the probability adds one bit. The
    probabilities in ``marked`` are drawn as labelled points.

    >>> fig = plot_surprise()
    >>> fig.axes[0].get_ylabel()
    'surprise −log₂ P(x) (bits)'
    >>> plt.close(fig)
    """
    marked = np.asarray(marked, dtype=float)
    if marked.size and (np.any(marked <= 0) or np.any(marked > 1)):
        raise ValueError("marked probabilities must lie in (0, 1]")
    fig, ax = subplots()
    p = np.linspace(0.01, 1.0, 400)
    ax.plot(p, -np.log2(p), color=P_COLOUR, label="−log₂ P(x)")
    bits = -np.log2(marked) + 0.0
    ax.plot(marked, bits, "o", color=Q_COLOUR)
    for x, y in zip(marked, bits, strict=True):
        ax.annotate(
            f"P = {x:g}: {y:g} bit{'' if y == 1 else 's'}",
            (x, y),
            xytext=(8, 6) if x < 0.9 else (-8, 8),
            textcoords="offset points",
            ha="left" if x < 0.9 else "right",
            fontsize=10,
        )
    ax.set_xlim(0, 1.05)
    ax.set_ylim(0, float(-np.log2(p[0])) * 1.05)
    ax.set_xlabel("probability of the event P(x)")
    ax.set_ylabel("surprise −log₂ P(x) (bits)")
    ax.set_title("Rare events are surprising")
    return fig


def plot_binary_entropy(n: int = 501) -> Figure:
    """The binary-entropy curve H(p) = −p log2 p − (1 − p) log2(1 − p), in bits, for p in [0, 1].

    Computed with :func:`helpers.entropy` on the distributions (p, 1 − p); the maximum, 1 bit at
    p = 0.5, is marked.

    >>> fig = plot_binary_entropy()
    >>> line = fig.axes[0].lines[0]
    >>> float(line.get_ydata().max()), float(line.get_xdata()[line.get_ydata().argmax()])
    (1.0, 0.5)
    >>> plt.close(fig)
    """
    from ..information import entropy

    if n < 3:
        raise ValueError(f"n must be at least 3, got {n}")
    p = np.linspace(0.0, 1.0, n)
    h = entropy(np.column_stack([p, 1 - p]))
    fig, ax = subplots()
    ax.plot(p, h, color=P_COLOUR, label="H(p)")
    top = int(np.argmax(h))
    ax.plot(p[top], h[top], "o", color=Q_COLOUR)
    ax.annotate(
        f"maximum: {h[top]:.3g} bit at p = {p[top]:.3g}",
        (p[top], h[top]),
        xytext=(0, -28),
        textcoords="offset points",
        ha="center",
        fontsize=10,
    )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.1)
    ax.set_xlabel("probability of heads p")
    ax.set_ylabel("entropy H(p) (bits)")
    ax.set_title("Binary entropy: a coin is most uncertain when fair")
    return fig


def plot_code_lengths(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    labels: tuple[str, str] = ("P", "Q"),
) -> Figure:
    """Code lengths as areas: P's events coded with P's own code (left) and with Q's code (right).

    Each event is a bar whose **width** is P(x), how often it occurs, and whose **height** is its
    ideal code length in bits: −log2 P(x) with P's code, −log2 Q(x) with Q's. A bar's area is then
    P(x) · length, and the total area is the average message length: H(P) on the left, the
    cross-entropy H(P, Q) = −Σ P(x) log2 Q(x) on the right (drawn as a dashed line: the height of
    a rectangle of width 1 with the same area). Events with Q(x) = 0 would need infinitely long
    codes and are refused.

    >>> fig = plot_code_lengths([0.5, 0.5], [0.25, 0.75], ["a", "b"])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[1].patches]
    [2.0, 0.415]
    >>> plt.close(fig)
    """
    from ..information import cross_entropy, entropy

    p_arr = np.asarray(p, dtype=float)
    q_arr = np.asarray(q, dtype=float)
    average_p, average_q = entropy(p_arr), cross_entropy(p_arr, q_arr)
    if p_arr.ndim != 1 or len(events) != p_arr.size:
        raise ValueError("p must be one distribution with one probability per event")
    if not np.all(q_arr[p_arr > 0] > 0):
        raise ValueError("Q gives probability 0 to an event P can produce: infinite code length")
    lefts = np.concatenate([[0.0], np.cumsum(p_arr)[:-1]])
    fig, axes = subplots(2, width=11, height=4.5)
    panels = (
        (axes[0], p_arr, average_p, P_COLOUR, f"{labels[0]}'s own code", "H"),
        (axes[1], q_arr, average_q, Q_COLOUR, f"{labels[1]}'s code", "cross-entropy H"),
    )
    shown = p_arr > 0
    top = float(np.max(-np.log2(np.concatenate([p_arr[shown], q_arr[shown]]))))
    for ax, code, average, colour, title, name in panels:
        lengths = -np.log2(code[shown]) + 0.0
        bars = ax.bar(
            lefts[shown],
            lengths,
            width=p_arr[shown],
            align="edge",
            color=colour,
            alpha=0.75,
            edgecolor="white",
            linewidth=2,
        )
        for bar, event in zip(bars, np.asarray(events)[shown], strict=True):
            ax.annotate(
                f"{event}\n{bar.get_height():.2f} bits",
                (max(bar.get_x() + bar.get_width() / 2, 0.065), bar.get_height()),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=10,
                bbox={"boxstyle": "round,pad=0.1", "facecolor": "white", "edgecolor": "none"},
            )
        symbol = f"{name}({labels[0]})" if name == "H" else f"{name}({labels[0]}, {labels[1]})"
        ax.axhline(
            average,
            color="black",
            linestyle="--",
            linewidth=1.2,
            zorder=1.5,
            label=f"average = {symbol} = {average:.3f} bits",
        )
        ax.legend(loc="upper left", fontsize=10)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, top * 1.3)
        ax.set_xlabel(f"share of {labels[0]}'s events (bar width = {labels[0]}(x))")
        ax.set_ylabel("code length (bits)")
        ax.set_title(f"{labels[0]}'s events, {title}")
    return fig


def plot_kl_decomposition(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
) -> Figure:
    """Each event's share of H(P, Q), split into its share of H(P) and of KL(P‖Q), in bits.

    Per event x: −P(x) log2 Q(x) = −P(x) log2 P(x) + P(x) log2(P(x)/Q(x)). Each event gets a
    narrow bar for its cross-entropy term and beside it a stacked bar: the entropy term, then the
    KL term on top of it. A negative KL term (Q gives x more probability than P does) is drawn
    hatched, reaching down from the top of the entropy term; it can be negative for one event,
    but the terms' sum, KL(P‖Q), cannot.

    >>> fig = plot_kl_decomposition([0.5, 0.5], [0.25, 0.75], ["a", "b"])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].containers[0]]
    [1.0, 0.208]
    >>> plt.close(fig)
    """
    from matplotlib.patches import Patch

    p_arr = np.asarray(p, dtype=float)
    q_arr = np.asarray(q, dtype=float)
    if p_arr.shape != q_arr.shape or p_arr.ndim != 1 or len(events) != p_arr.size:
        raise ValueError("p and q must be distributions with one probability per event")
    if not np.all(q_arr[p_arr > 0] > 0):
        raise ValueError("Q gives probability 0 to an event P can produce: infinite terms")
    with np.errstate(divide="ignore", invalid="ignore"):
        shown = p_arr > 0
        cross = np.where(shown, -p_arr * np.log2(np.where(shown, q_arr, 1.0)), 0.0) + 0.0
        ent = np.where(shown, -p_arr * np.log2(np.where(shown, p_arr, 1.0)), 0.0) + 0.0
    kl = cross - ent
    x = np.arange(p_arr.size)
    width = 0.36
    fig, ax = subplots(width=8, height=4.5)
    bars_cross = ax.bar(
        x - width / 2, cross, width, color=Q_COLOUR, label="−P log₂ Q  (cross-entropy term)"
    )
    ax.bar(x + width / 2, ent, width, color=P_COLOUR, label="−P log₂ P  (entropy term)")
    bars_kl = ax.bar(
        x + width / 2,
        kl,
        width,
        bottom=ent,
        color=EXTRA_COLOUR,
        alpha=0.85,
        label="P log₂(P/Q)  (KL term)",
    )
    negative = kl < 0
    for bar, value in zip(bars_kl, kl, strict=True):
        if value < 0:
            bar.set_hatch("//")
            bar.set_facecolor("none")
            bar.set_edgecolor(EXTRA_COLOUR)
            bar.set_label("_nolegend_")
    _label_bars(ax, bars_cross)
    for xi, e, k in zip(x, ent, kl, strict=True):
        ax.annotate(
            f"{e:.2f}\n{k:+.2f}",
            (xi + width / 2, max(e, e + k)),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=10,
        )
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xticks(x, list(events))
    ax.set_ylim(0, float(max(cross.max(), ent.max())) * 1.3)
    ax.set_xlabel("event")
    ax.set_ylabel("contribution (bits)")
    ax.set_title("Each event's cross-entropy = entropy term + KL term")
    handles, _ = ax.get_legend_handles_labels()
    handles = [*handles[:2], Patch(color=EXTRA_COLOUR, alpha=0.85, label="P log₂(P/Q)  (KL term)")]
    if negative.any():
        handles.append(
            Patch(
                facecolor="none",
                edgecolor=EXTRA_COLOUR,
                hatch="//",
                label="a negative KL term, taken off the entropy term",
            )
        )
    ax.legend(handles=handles, loc="upper left", fontsize=10)
    return fig


def plot_cross_entropy_vs_kl(
    p: ArrayLike,
    qs: ArrayLike,
    parameter: ArrayLike,
    *,
    xlabel: str = "model parameter",
) -> Figure:
    """H(P, Q) and KL(P‖Q), in bits, over a family of models Q, with H(P) as a dashed line.

    The two curves differ by the constant H(P) at every Q, so they have the same minimiser: the
    best Q in the family for one is the best for the other (both marked).

    Args:
        p: the true distribution.
        qs: a batch of model distributions, one row per member of the family.
        parameter: the family's parameter, one value per row of ``qs`` (the x axis).
        xlabel: the x axis's label.

    >>> q = np.linspace(0.05, 0.95, 19)
    >>> fig = plot_cross_entropy_vs_kl([0.3, 0.7], np.column_stack([q, 1 - q]), q)
    >>> [line.get_label() for line in fig.axes[0].lines[:3]]
    ['cross-entropy H(P, Q)', 'KL(P‖Q)', 'H(P)']
    >>> plt.close(fig)
    """
    from ..information import cross_entropy, entropy, kl_divergence

    qs_arr = np.asarray(qs, dtype=float)
    t = np.asarray(parameter, dtype=float)
    if qs_arr.ndim != 2 or t.shape != (qs_arr.shape[0],):
        raise ValueError("qs must be a batch of distributions and parameter one value per row")
    ce = cross_entropy(p, qs_arr)
    kl = kl_divergence(p, qs_arr)
    h = entropy(p)
    fig, ax = subplots()
    ax.plot(t, ce, color=Q_COLOUR, label="cross-entropy H(P, Q)")
    ax.plot(t, kl, color=EXTRA_COLOUR, label="KL(P‖Q)")
    ax.axhline(h, color=P_COLOUR, linestyle="--", label="H(P)")
    best = int(np.argmin(ce))
    ax.plot([t[best], t[best]], [kl[best], ce[best]], "o:", color="black", label="both minima")
    ax.annotate(
        f"gap = H(P) = {h:.3f} bits",
        (t[best], (kl[best] + ce[best]) / 2),
        xytext=(8, 0),
        textcoords="offset points",
        va="center",
        fontsize=10,
    )
    finite = np.isfinite(ce)
    ax.set_ylim(0, float(min(ce[finite].max(), 3 * h + 1)))
    ax.set_xlabel(xlabel)
    ax.set_ylabel("bits")
    ax.set_title("Minimising H(P, Q) over Q minimises KL(P‖Q)")
    ax.legend(loc="upper center")
    return fig


# --- 08_cross_entropy_in_practice -------------------------------------------------------------


def plot_logit_gradients(y: int = 1, z_max: float = 10.0, n: int = 401) -> Figure:
    """The gradient of each loss with respect to the logit z, for one sample with label ``y``.

    Cross-entropy: σ(z) − y. Squared error ½(σ(z) − y)²: (σ(z) − y)·σ(z)(1 − σ(z)), which
    vanishes for confident mistakes (z ≪ 0 when y = 1). Lines are labelled by loss.

    >>> fig = plot_logit_gradients()
    >>> [line.get_label() for line in fig.axes[0].get_lines()][:2]
    ['cross-entropy: σ(z) − y', 'squared error: (σ(z) − y)·σ(z)(1 − σ(z))']
    >>> plt.close(fig)
    """
    from ..training import gradient_wrt_logit

    z = np.linspace(-z_max, z_max, n)
    fig, ax = subplots()
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


def plot_learning_curves(histories: dict[str, object]) -> Figure:
    """Accuracy and log loss (nats) per epoch, one line per training run.

    ``histories`` maps a label to a :class:`helpers.training.TrainingHistory`.

    >>> from helpers.training import train_logistic
    >>> run = train_logistic([[-1.0], [1.0]], [0, 1], epochs=5)
    >>> fig = plot_learning_curves({"cross-entropy": run})
    >>> [ax.get_ylabel() for ax in fig.axes]
    ['accuracy', 'log loss (nats)']
    >>> plt.close(fig)
    """
    fig, (acc_ax, loss_ax) = subplots(2, width=11, height=4)
    colours = (Q_COLOUR, EXTRA_COLOUR, P_COLOUR, "#805ad5")
    for (label, history), colour in zip(histories.items(), colours, strict=False):
        acc_ax.plot(history.epochs, history.accuracy, color=colour, lw=2.5, label=label)
        loss_ax.plot(history.epochs, history.log_loss, color=colour, lw=2.5, label=label)
    acc_ax.set_ylim(-0.03, 1.03)
    acc_ax.set_ylabel("accuracy")
    acc_ax.set_title("Accuracy per epoch")
    loss_ax.set_ylim(bottom=0)
    loss_ax.set_ylabel("log loss (nats)")
    loss_ax.set_title("Log loss per epoch")
    for ax in (acc_ax, loss_ax):
        ax.set_xlabel("epoch (gradient steps)")
        ax.legend(title="trained with", fontsize=10)
    return fig


def plot_label_smoothing_loss(epsilon: float = 0.1, n_classes: int = 3, n: int = 500) -> Figure:
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

    k = n_classes
    p = np.linspace(0.3, 0.9999, n)
    rows = np.column_stack([p, np.repeat(((1 - p) / (k - 1))[:, None], k - 1, axis=1)])
    target = smooth_labels([0], k, epsilon)
    hard = categorical_cross_entropy(np.zeros(n, dtype=int), rows, reduction="none")
    smooth = categorical_cross_entropy(np.repeat(target, n, axis=0), rows, reduction="none")
    best_p = float(target[0, 0])
    best = float(entropy(target[0], base=np.e))
    fig, ax = subplots()
    ax.plot(p, hard, color=P_COLOUR, lw=2.5, label="one-hot target: −ln p")
    ax.plot(p, smooth, color=Q_COLOUR, lw=2.5, label=f"smoothed target (ε = {epsilon:g})")
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
    ax.set_xlabel("predicted probability p of the true class")
    ax.set_ylabel("cross-entropy (nats)")
    ax.set_title(f"Label smoothing: the best prediction is no longer 1 (k = {k})")
    ax.legend(fontsize=10)
    return fig


# --- 04_colour_events, 05_binary_cross_entropy --------------------------------------------------


def plot_cross_entropy_totals(
    p: ArrayLike,
    q: ArrayLike,
    *,
    labels: tuple[str, str] = ("P", "Q"),
) -> Figure:
    """H(P, Q) beside H(P) + KL(P‖Q) stacked, then the same for the reverse direction, in bits.

    The identity H(P, Q) = H(P) + KL(P‖Q) drawn as bars of equal height: the cross-entropy (the
    *total* average code length when P's events are coded with Q's code) next to its two parts,
    the entropy H(P) (the length P's own code needs) and KL(P‖Q) (the *extra* length). The right
    pair swaps the roles, H(Q, P) = H(Q) + KL(Q‖P), to show that neither measure is symmetric.
    Each bar and segment is labelled with its value.

    >>> fig = plot_cross_entropy_totals([0.1, 0.4, 0.5], [0.8, 0.15, 0.05])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].patches]
    [3.288, 1.361, 1.927, 2.906, 0.884, 2.022]
    >>> plt.close(fig)
    """
    from ..information import cross_entropy, entropy, kl_divergence

    a, b = labels
    fig, ax = subplots(width=8, height=4.5)
    directions = ((p, q, a, b, 0.0), (q, p, b, a, 2.4))
    top = 0.0
    for first, second, name1, name2, x in directions:
        total = cross_entropy(first, second)
        h = entropy(first)
        kl = kl_divergence(first, second)
        if not np.isfinite(total):
            raise ValueError(f"H({name1}, {name2}) is infinite: nothing finite to draw")
        top = max(top, total)
        ax.bar(x, total, 0.8, color=Q_COLOUR, label="cross-entropy" if x == 0 else None)
        ax.bar(x + 1, h, 0.8, color=P_COLOUR, label="entropy" if x == 0 else None)
        ax.bar(
            x + 1, kl, 0.8, bottom=h, color=EXTRA_COLOUR, label="KL divergence" if x == 0 else None
        )
        ax.annotate(
            f"{total:.3f}", (x, total), xytext=(0, 3), textcoords="offset points", ha="center"
        )
        ax.annotate(
            f"{h + kl:.3f}", (x + 1, h + kl), xytext=(0, 3), textcoords="offset points", ha="center"
        )
        for bottom, height, text in ((0.0, h, f"H({name1})"), (h, kl, f"KL({name1}‖{name2})")):
            ax.text(
                x + 1,
                bottom + height / 2,
                f"{text}\n{height:.3f}",
                ha="center",
                va="center",
                color="white",
                fontsize=10,
                fontweight="bold",
            )
        ax.text(
            x,
            total / 2,
            f"H({name1}, {name2})",
            ha="center",
            va="center",
            color="white",
            fontsize=10,
            fontweight="bold",
        )
    ax.set_xticks(
        [0, 1, 2.4, 3.4],
        [f"H({a}, {b})", f"H({a}) + KL({a}‖{b})", f"H({b}, {a})", f"H({b}) + KL({b}‖{a})"],
    )
    ax.tick_params(axis="x", labelsize=10)
    ax.set_ylim(0, top * 1.22)
    ax.set_ylabel("average code length (bits)")
    ax.set_title("Cross-entropy = entropy + KL divergence, both ways")
    ax.legend(loc="upper center", ncol=3, fontsize=10)
    return fig


def plot_sample_losses(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    highlight: int | None = None,
    top: float | None = None,
    show_predictions: bool = True,
    ax: Axes | None = None,
) -> Figure:
    """Each sample's binary cross-entropy loss in nats as a bar, with the mean as a dashed line.

    The loss of sample i is ``−[y ln ŷ + (1 − y) ln(1 − ŷ)]`` (:func:`helpers.binary_cross_entropy`
    with ``reduction="none"``). Bars are coloured by the true label, labelled with their loss,
    and each tick names the sample's label y and (unless ``show_predictions=False``) its
    predicted probability ŷ. ``highlight`` (a 0-based index) outlines one sample's bar; ``top``
    fixes the y axis's upper limit (default: a little above the largest finite loss). An
    infinite loss (ŷ = 0 for y = 1, or ŷ = 1 for y = 0) is drawn as a bar up to the top of the
    axes, labelled ∞.

    >>> fig = plot_sample_losses([1, 0], [0.8, 0.4])
    >>> [round(float(b.get_height()), 3) for b in fig.axes[0].patches]
    [0.223, 0.511]
    >>> plt.close(fig)
    """
    from ..losses import binary_cross_entropy

    y = np.asarray(y_true, dtype=float)
    losses = np.atleast_1d(binary_cross_entropy(y, y_prob, reduction="none"))
    prob = np.asarray(y_prob, dtype=float)
    if y.ndim != 1:
        raise ValueError("y_true and y_prob must be 1-D: one label and one prediction per sample")
    if highlight is not None and not 0 <= highlight < y.size:
        raise ValueError(f"highlight must be a sample index in 0..{y.size - 1}, got {highlight}")
    if ax is None:
        fig, ax = subplots(width=9, height=4.5)
    else:
        fig = ax.figure
    finite = np.isfinite(losses)
    if top is None:
        top = max(0.5, float(losses[finite].max()) if finite.any() else 1.0) * 1.2
    elif not top > 0:
        raise ValueError(f"top must be a positive number, got {top!r}")
    heights = np.where(finite, losses, top)
    x = np.arange(1, y.size + 1)
    colours = np.where(y >= 0.5, EXTRA_COLOUR, "#805ad5")
    bars = ax.bar(x, heights, 0.7, color=colours)
    for bar, loss in zip(bars, losses, strict=True):
        inside = not np.isfinite(loss)  # an infinite loss's bar fills the axes: label inside
        ax.annotate(
            "∞" if inside else f"{loss:.3f}",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, -3 if inside else 3),
            textcoords="offset points",
            ha="center",
            va="top" if inside else "bottom",
            fontsize=9,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5, "alpha": 0.8},
        )
    if highlight is not None:
        bars[highlight].set_edgecolor("black")
        bars[highlight].set_linewidth(2.5)
    mean = float(losses.mean())
    mean_line = ax.axhline(
        min(mean, top),
        color="black",
        linestyle="--",
        linewidth=1.2,
        label=f"mean = {mean:.3f} nats" if np.isfinite(mean) else "mean = ∞",
    )
    ticks = [f"{i}\ny={yi:g}" for i, yi in zip(x, y, strict=True)]
    if show_predictions:
        ticks = [f"{tick}\nŷ={pi:g}" for tick, pi in zip(ticks, prob, strict=True)]
    ax.set_xticks(x, ticks)
    ax.tick_params(axis="x", labelsize=9)
    ax.set_xlim(0.4, y.size + 0.6)
    ax.set_ylim(0, top)
    ax.set_xlabel(
        "sample (true label y, predicted probability ŷ of class 1)"
        if show_predictions
        else "sample (true label y)"
    )
    ax.set_ylabel("loss (nats)")
    ax.set_title("Binary cross-entropy of each sample")
    from matplotlib.patches import Patch

    handles = [
        Patch(color=EXTRA_COLOUR, label="true label y = 1"),
        Patch(color="#805ad5", label="true label y = 0"),
        mean_line,
    ]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=10)
    return fig


# --- 06_log_loss_and_likelihood, 07_reading_cross_entropy_values --------------------------------


def plot_loss_curve(
    x: ArrayLike,
    loss: ArrayLike,
    *,
    x_best: float | None = None,
    xlabel: str = "parameter",
    ylabel: str = "mean loss (nats)",
    title: str = "The loss as one parameter varies",
    label: str | None = None,
    colour: str = P_COLOUR,
    ax: Axes | None = None,
) -> Figure:
    """A loss (nats) against one parameter, with the fitted value ``x_best`` marked.

    The curve is drawn as given (compute it with ``helpers``); ``x_best`` gets a dashed vertical
    line and a point at the loss read off the curve there (linear interpolation).

    >>> fig = plot_loss_curve([0, 1, 2], [1.0, 0.5, 1.0], x_best=1.0, xlabel="w")
    >>> [float(v) for v in fig.axes[0].lines[0].get_ydata()]
    [1.0, 0.5, 1.0]
    >>> plt.close(fig)
    """
    x = np.asarray(x, dtype=float)
    loss = np.asarray(loss, dtype=float)
    if x.ndim != 1 or x.shape != loss.shape or x.size < 2:
        raise ValueError("x and loss must be 1-D arrays of the same length (at least 2)")
    if ax is None:
        fig, ax = subplots()
    else:
        fig = ax.figure
    ax.plot(x, loss, color=colour, label=label or ylabel)
    if x_best is not None:
        if not x.min() <= x_best <= x.max():
            raise ValueError(f"x_best = {x_best} lies outside the plotted range of x")
        at = float(np.interp(x_best, x, loss))
        ax.axvline(x_best, color="black", linestyle="--", linewidth=1)
        ax.plot([x_best], [at], "o", color=Q_COLOUR)
        ax.annotate(
            f"minimum at {x_best:.3g}\nloss {at:.4g}",
            (x_best, 0.96),
            xycoords=ax.get_xaxis_transform(),  # x in data, y as a fraction of the axes
            xytext=(6, 0),
            textcoords="offset points",
            va="top",
            fontsize=10,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5, "alpha": 0.85},
        )
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return fig


def plot_true_class_loss(marked: Sequence[float] = (0.9, 0.5, 0.1, 0.01)) -> Figure:
    """The loss of one sample, −ln p in nats, against the probability p given to its true class.

    Computed with :func:`helpers.binary_cross_entropy` (label 1, predicted probability p). The
    curve rises without bound as p → 0: at p = 0 exactly the loss is infinite. The
    probabilities in ``marked`` are drawn as labelled points.

    >>> fig = plot_true_class_loss()
    >>> fig.axes[0].get_xlabel()
    'probability given to the true class p'
    >>> plt.close(fig)
    """
    from ..losses import binary_cross_entropy

    marked = np.asarray(marked, dtype=float)
    if marked.size and (np.any(marked <= 0) or np.any(marked > 1)):
        raise ValueError("marked probabilities must lie in (0, 1]")
    p = np.linspace(0.001, 1.0, 1000)
    loss = binary_cross_entropy(np.ones_like(p), p, reduction="none")
    fig, ax = subplots()
    ax.plot(p, loss, color=P_COLOUR, label="−ln p")
    marked_loss = np.atleast_1d(
        binary_cross_entropy(np.ones_like(marked), marked, reduction="none")
    )
    ax.plot(marked, marked_loss, "o", color=Q_COLOUR)
    for x, y in zip(marked, marked_loss, strict=True):
        ax.annotate(
            f"p = {x:g}: {y:.3f} nats",
            (x, y),
            xytext=(10, 4) if x < 0.7 else (-4, 10),
            textcoords="offset points",
            ha="left" if x < 0.7 else "right",
            fontsize=10,
        )
    ax.annotate(
        "→ ∞ as p → 0",
        (0.001, float(loss[0])),
        xytext=(14, -4),
        textcoords="offset points",
        fontsize=10,
        va="top",
    )
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, float(loss[0]) * 1.05)
    ax.set_xlabel("probability given to the true class p")
    ax.set_ylabel("loss of the sample −ln p (nats)")
    ax.set_title("Confident and wrong costs the most")
    return fig


def plot_clipped_losses(
    p: ArrayLike,
    curves: dict[str, ArrayLike],
    *,
    title: str = "What frameworks do near p = 0",
) -> Figure:
    """Several versions of a sample's loss (nats) against p, on a logarithmic p axis.

    ``curves`` maps a name (say "exact" or "Keras (clip at 1e-7)") to losses computed over the
    probabilities ``p`` given to the true class. On a log axis the exact −ln p is a straight
    line; clipping shows as the flat floor each framework puts under it.

    >>> import numpy as np
    >>> p = np.logspace(-10, 0, 11)
    >>> fig = plot_clipped_losses(p, {"exact": -np.log(p), "clipped": np.minimum(-np.log(p), 5)})
    >>> fig.axes[0].get_xscale(), len(fig.axes[0].lines)
    ('log', 2)
    >>> plt.close(fig)
    """
    p = np.asarray(p, dtype=float)
    if p.ndim != 1 or p.size < 2 or np.any(p <= 0) or np.any(p > 1):
        raise ValueError("p must be a 1-D array of probabilities in (0, 1]")
    if not curves:
        raise ValueError("curves must name at least one loss curve")
    fig, ax = subplots(width=8, height=4.5)
    styles = ["-", "--", "-.", ":"]
    colours = ["#718096", Q_COLOUR, EXTRA_COLOUR, "#805ad5", P_COLOUR, "#c53030"]
    for i, (name, values) in enumerate(curves.items()):
        values = np.asarray(values, dtype=float)
        if values.shape != p.shape:
            raise ValueError(f"curve {name!r} has shape {values.shape}, p has shape {p.shape}")
        first = i == 0  # the reference curve: thick, grey, underneath the others
        ax.plot(
            p,
            values,
            styles[i % len(styles)],
            color=colours[i % len(colours)],
            linewidth=4 if first else 2,
            alpha=0.6 if first else 1.0,
            zorder=1 if first else 2,
            label=name,
        )
        if not first:
            ax.annotate(
                f"{values[0]:.2f}",
                (p[0], values[0]),
                xytext=(0, 4),
                textcoords="offset points",
                fontsize=10,
                color=colours[i % len(colours)],
            )
    ax.set_xscale("log")
    ax.set_xlabel("probability given to the true class p (log scale)")
    ax.set_ylabel("loss of the sample (nats)")
    ax.set_title(title)
    ax.legend(fontsize=10)
    return fig


def plot_baseline_log_loss(
    marked: Sequence[float] = (0.5, 0.01),
    thresholds: dict[str, float] | None = None,
    n: int = 999,
) -> Figure:
    """The no-skill log loss H(π) in nats against the prevalence π of the positive class.

    Always predicting the base rate π scores H(π) = −π ln π − (1 − π) ln(1 − π)
    (:func:`helpers.likelihood.baseline_log_loss`). The prevalences in ``marked`` are labelled;
    ``thresholds`` (name → log loss) are drawn as dotted horizontal lines — e.g. the cut-offs
    of a fixed "good log loss" table, which ignore π.

    >>> fig = plot_baseline_log_loss()
    >>> line = fig.axes[0].lines[0]
    >>> round(float(line.get_ydata().max()), 4), float(line.get_xdata()[line.get_ydata().argmax()])
    (0.6931, 0.5)
    >>> plt.close(fig)
    """
    from ..likelihood import baseline_log_loss

    if n < 3:
        raise ValueError(f"n must be at least 3, got {n}")
    marked = np.asarray(marked, dtype=float)
    if marked.size and (np.any(marked < 0) or np.any(marked > 1)):
        raise ValueError("marked prevalences must lie in [0, 1]")
    prevalence = np.linspace(0.0, 1.0, n)
    fig, ax = subplots(width=8, height=4.5)
    ax.plot(
        prevalence, baseline_log_loss(prevalence), color=P_COLOUR, label="no-skill log loss H(π)"
    )
    for name, value in (thresholds or {}).items():
        ax.axhline(value, color=EXTRA_COLOUR, linestyle=":", linewidth=1.5)
        ax.annotate(
            name, (1.0, value), xytext=(0, 3), textcoords="offset points", ha="right", fontsize=9
        )
    if marked.size:
        marked_loss = np.atleast_1d(baseline_log_loss(marked))
        ax.plot(marked, marked_loss, "o", color=Q_COLOUR)
        for x, y in zip(marked, marked_loss, strict=True):
            ax.annotate(
                f"π = {x:g}: {y:.3f} nats",
                (x, y),
                xytext=(8, 8) if x < 0.5 else (0, 8),
                textcoords="offset points",
                ha="left" if x < 0.5 else "center",
                fontsize=10,
            )
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 0.8)
    ax.set_xlabel("prevalence π (fraction of positive samples)")
    ax.set_ylabel("log loss of predicting π (nats)")
    ax.set_title("A model that knows nothing scores H(π)")
    ax.legend(loc="upper left", fontsize=10)
    return fig
