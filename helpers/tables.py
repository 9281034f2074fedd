"""Per-event and per-sample tables, rendered as plain, deterministic text.

The notebooks ``print`` these tables, so what a reader sees on GitHub is exactly what strict nbval
compares: fixed-width columns, numbers rounded to ``digits`` places, no randomness. Only numpy is
imported, so ``import helpers.tables`` stays light.

- :func:`event_contributions`: each event's terms of H(P), H(P, Q) and KL(P‖Q).
- :func:`colour_event_table`: those terms as a table with totals (notebook 04).
- :func:`binary_sample_table`: labels, predictions and losses of a binary classifier (notebook 05).
- :func:`format_table`: the plain-text renderer under both.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._numerics import log as _log
from ._numerics import p_times as _p_times
from ._validation import (
    as_distribution,
    as_float_array,
    check_same_events,
    log_of_base,
    real_number,
    shown,
)
from .losses import binary_cross_entropy

__all__ = ["binary_sample_table", "colour_event_table", "event_contributions", "format_table"]


def _cell(value: object, digits: int, where: str) -> str:
    """One cell's text: a string as it is, an integer in full, a real number to ``digits``."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | np.bool_) or value is None:
        return str(value)
    if isinstance(value, np.timedelta64 | np.datetime64):  # numpy counts them as integers
        raise ValueError(f"the cell {where} must be a string or a number, got {shown(value)}")
    if isinstance(value, int | np.integer):
        return str(int(value))
    number = real_number(value, f"the cell {where}", finite=False)  # NaN, objects: ValueError
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    text = f"{number:.{digits}f}"
    return "0." + "0" * digits if text == "-0." + "0" * digits else text  # no "-0.000"


def format_table(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    total: Sequence[object] | None = None,
    subheader: Sequence[str] | None = None,
    digits: int = 3,
) -> str:
    """Render rows as a fixed-width text table: first column left-aligned, the rest right-aligned.

    Floats are shown with ``digits`` decimals (``inf`` as ∞), strings as they are. ``subheader``
    is an optional second header line; ``total`` an optional last row after a rule.

    >>> print(format_table(["x", "value"], [["a", 0.5], ["b", 0.25]], total=["total", 0.75]))
    x      value
    ------------
    a      0.500
    b      0.250
    ------------
    total  0.750
    """
    digits = int(real_number(digits, "digits", low=0, high=15, integer=True))
    lines = [_texts(header, "header")]
    if subheader is not None:
        lines.append(_texts(subheader, "subheader"))
    n = len(lines[0])
    if n == 0:
        raise ValueError("header must name at least one column")
    if not _is_sequence(rows):
        raise ValueError(f"rows must be a sequence of rows, got {shown(rows)}")
    body = [
        [_cell(v, digits, f"[{i}][{j}]") for j, v in enumerate(_row(row, f"rows[{i}]"))]
        for i, row in enumerate(rows)
    ]
    foot = []
    if total is not None:
        foot = [[_cell(v, digits, f"total[{j}]") for j, v in enumerate(_row(total, "total"))]]
    every = lines + body + foot
    if any(len(line) != n for line in every):
        raise ValueError(f"every row needs {n} cells, like the header")
    widths = [max(len(line[i]) for line in every) for i in range(n)]

    def render(line: list[str]) -> str:
        cells = [line[0].ljust(widths[0])]
        cells += [text.rjust(width) for text, width in zip(line[1:], widths[1:], strict=True)]
        return "  ".join(cells).rstrip()

    rule = "-" * (sum(widths) + 2 * (n - 1))
    out = [render(line) for line in lines] + [rule] + [render(line) for line in body]
    if foot:
        out += [rule, render(foot[0])]
    return "\n".join(out)


def _is_sequence(values: object) -> bool:
    """A list, tuple or array of at least one dimension (not a string, not a 0-d array)."""
    if isinstance(values, np.ndarray):
        return values.ndim >= 1
    return isinstance(values, Sequence) and not isinstance(values, str | bytes)


def _row(row: object, name: str) -> list[object]:
    if not _is_sequence(row):
        raise ValueError(f"{name} must be a sequence of cells, got {shown(row)}")
    return list(row)


def _texts(values: object, name: str) -> list[str]:
    cells = _row(values, name)
    for i, cell in enumerate(cells):
        if not isinstance(cell, str):
            raise ValueError(f"{name}[{i}] must be a string, got {shown(cell)}")
    return cells  # type: ignore[return-value]


def event_contributions(
    p: ArrayLike, q: ArrayLike, base: float = 2
) -> dict[str, NDArray[np.float64]]:
    r"""Each event's share of H(P), H(P, Q) and KL(P‖Q): the terms the three sums add up.

    .. math::

        h_P(x) = -P(x) \log P(x), \quad h_{PQ}(x) = -P(x) \log Q(x), \quad
        k(x) = P(x) \log \frac{P(x)}{Q(x)} = h_{PQ}(x) - h_P(x)

    Summed over the events they give :func:`helpers.entropy`, :func:`helpers.cross_entropy` and
    :func:`helpers.kl_divergence` (bits for ``base=2``). A single KL term can be negative (an
    event Q over-rates); their sum never is. ``surprise_q`` is −log Q(x), the code length of x
    under Q's code. Events with P(x) = 0 contribute 0.

    Returns:
        A dict of 1-D arrays: ``"surprise_q"``, ``"entropy"``, ``"cross_entropy"``, ``"kl"``.

    >>> terms = event_contributions([0.1, 0.4, 0.5], [0.8, 0.15, 0.05])
    >>> terms["kl"].round(3)
    array([-0.3  ,  0.566,  1.661])
    >>> round(float(terms["cross_entropy"].sum()), 3)
    3.288
    """
    ln_base = log_of_base(base)
    p = as_distribution(p, "p")
    q = as_distribution(q, "q")
    check_same_events(p, q)
    if p.ndim != 1 or q.ndim != 1:
        raise ValueError("event_contributions takes one distribution p and one q (1-D)")
    log_q = _log(q)
    h_p = -_p_times(p, _log(p)) / ln_base
    h_pq = -_p_times(p, log_q) / ln_base
    with np.errstate(invalid="ignore"):  # inf - finite is fine; only p = 0 could give nan
        kl = np.where(p > 0, h_pq - h_p, 0.0)
    return {"surprise_q": -log_q / ln_base, "entropy": h_p, "cross_entropy": h_pq, "kl": kl}


def colour_event_table(
    p: ArrayLike,
    q: ArrayLike,
    events: Sequence[str],
    *,
    labels: tuple[str, str] = ("P", "Q"),
    digits: int = 3,
) -> str:
    """A table, one row per event, of P(x), Q(x), −log₂ Q(x) and each event's share (in bits)
    of H(P), H(P, Q) and KL(P‖Q), with the totals in the last row.

    ``labels`` names the two distributions in the headers: ``("Q", "P")`` for the reverse
    direction, where Q plays the truth.

    >>> print(colour_event_table([0.5, 0.5], [0.5, 0.5], ["heads", "tails"]))
    event   P(x)   Q(x)  -log2 Q(x)  -P log2 P  -P log2 Q  P log2(P/Q)
                                        → H(P)   → H(P,Q)    → KL(P‖Q)
    ------------------------------------------------------------------
    heads  0.500  0.500       1.000      0.500      0.500        0.000
    tails  0.500  0.500       1.000      0.500      0.500        0.000
    ------------------------------------------------------------------
    total  1.000  1.000                  1.000      1.000        0.000
    """
    p_arr = as_distribution(p, "p")
    q_arr = as_distribution(q, "q")
    terms = event_contributions(p_arr, q_arr)
    events = _texts(events, "events")
    if len(events) != p_arr.shape[-1]:
        raise ValueError(f"{len(events)} event names for {p_arr.shape[-1]} probabilities")
    if isinstance(labels, str) or not isinstance(labels, Sequence) or len(labels) != 2:
        raise ValueError(f"labels must be two strings, e.g. ('P', 'Q'), got {shown(labels)}")
    a, b = _texts(labels, "labels")
    header = ["event", f"{a}(x)", f"{b}(x)", f"-log2 {b}(x)"]
    header += [f"-{a} log2 {a}", f"-{a} log2 {b}", f"{a} log2({a}/{b})"]
    subheader = ["", "", "", "", f"→ H({a})", f"→ H({a},{b})", f"→ KL({a}‖{b})"]
    rows = [
        [name, *values]
        for name, values in zip(
            events,
            zip(
                p_arr,
                q_arr,
                terms["surprise_q"],
                terms["entropy"],
                terms["cross_entropy"],
                terms["kl"],
                strict=True,
            ),
            strict=True,
        )
    ]
    total = [
        "total",
        p_arr.sum(),
        q_arr.sum(),
        "",
        terms["entropy"].sum(),
        terms["cross_entropy"].sum(),
        terms["kl"].sum(),
    ]
    return format_table(header, rows, total=total, subheader=subheader, digits=digits)


def binary_sample_table(
    y_true: ArrayLike,
    y_prob: ArrayLike,
    *,
    losses: ArrayLike | None = None,
    digits: int = 3,
) -> str:
    r"""A table, one row per sample, of the label y, the prediction ŷ, the two as distributions
    [1 − y, y] and [1 − ŷ, ŷ], and the sample's loss in nats, with the mean in the last row.

    The loss column is :func:`helpers.binary_cross_entropy` with ``reduction="none"``, unless
    ``losses`` gives the values to show (e.g. computed another way, to compare).

    >>> print(binary_sample_table([1, 0], [0.8, 0.4]))
    sample  y    ŷ  [1-y, y]      [1-ŷ, ŷ]  loss (nats)
    ---------------------------------------------------
    1       1  0.8    [0, 1]  [0.20, 0.80]        0.223
    2       0  0.4    [1, 0]  [0.60, 0.40]        0.511
    ---------------------------------------------------
    mean                                          0.367
    """
    values = binary_cross_entropy(y_true, y_prob, reduction="none")  # validates both
    y = np.asarray(y_true, dtype=float)
    prob = np.asarray(y_prob, dtype=float)
    if y.ndim != 1:
        raise ValueError(f"y_true and y_prob must be 1-D (one row per sample), got shape {y.shape}")
    if losses is not None:
        values = as_float_array(losses, "losses")
        if values.shape != y.shape:
            raise ValueError(f"losses has shape {values.shape}, y_true has shape {y.shape}")
        bad = np.isnan(values) | (values < 0)
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(f"losses[{i}] = {values[i]} is not a loss (a number ≥ 0, or inf)")

    def label(v: float) -> str:
        return f"{v:g}"

    rows = [
        [
            str(i + 1),
            label(yi),
            f"{pi:g}",
            f"[{label(1 - yi)}, {label(yi)}]",
            f"[{1 - pi:.2f}, {pi:.2f}]",
            li,
        ]
        for i, (yi, pi, li) in enumerate(zip(y, prob, values, strict=True))
    ]
    header = ["sample", "y", "ŷ", "[1-y, y]", "[1-ŷ, ŷ]", "loss (nats)"]
    total = ["mean", "", "", "", "", values.mean()]
    return format_table(header, rows, total=total, digits=digits)
