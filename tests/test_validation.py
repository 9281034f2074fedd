"""Every bad input raises ValueError with a message that says what is wrong and where."""

from __future__ import annotations

import math

import numpy as np
import pytest

import helpers

nan, inf = math.nan, math.inf
P, Q = [0.1, 0.4, 0.5], [0.8, 0.15, 0.05]
Y, YP = [1, 0, 1], [0.9, 0.2, 0.7]
ROWS = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]

ent, ce, kl = helpers.entropy, helpers.cross_entropy, helpers.kl_divergence
bce, cce = helpers.binary_cross_entropy, helpers.categorical_cross_entropy

CASES = {
    # negative or > 1 probabilities: the entry, its index and the rule
    "negative p": (lambda: ent([0.5, -0.1, 0.6]), "p[1] = -0.1 is negative"),
    "negative q": (lambda: ce(P, [1.1, -0.1, 0.0]), "q[0] = 1.1 is greater than 1"),
    "negative in batch": (lambda: kl([P, [0.6, 0.5, -0.1]], Q), "p[1, 2] = -0.1 is negative"),
    "above 1": (lambda: ent([1.5, -0.5]), "p[0] = 1.5 is greater than 1; probabilities"),
    "bce prob above 1": (lambda: bce(Y, [0.9, 1.2, 0.7]), "y_prob[1] = 1.2 is greater than 1"),
    "bce prob negative": (lambda: bce(Y, [0.9, 0.2, -0.7]), "y_prob[2] = -0.7 is negative"),
    "cce prob negative": (lambda: cce([0], [[1.2, -0.2]]), "y_prob[0, 0] = 1.2 is greater"),
    # not summing to 1 (tolerance 1e-6)
    "p sum": (lambda: ent([0.2, 0.3]), "p sums to 0.5, not 1"),
    "q sum": (lambda: kl(P, [0.5, 0.5, 0.5]), "q sums to 1.5, not 1"),
    "batch row sum": (lambda: ce([P, [0.2, 0.2, 0.2]], Q), "p[1, :] sums to 0.6"),
    "cce row sum": (lambda: cce([0, 1], [[0.7, 0.2, 0.1], [0.1, 0.1, 0.1]]), "y_prob[1, :] sums"),
    "soft target rows": (lambda: cce([[0.5, 0.0, 0.0], [0, 1, 0]], ROWS), "y_true[0, :] sums"),
    "slightly off": (lambda: ent([0.5, 0.5 + 2e-6]), "sums to 1.000002"),
    # NaN and ±inf
    "nan p": (lambda: ent([0.5, nan, 0.5]), "p[1] = nan is NaN"),
    "inf q": (lambda: ce(P, [inf, 0, 0]), "q[0] = inf is infinite"),
    "-inf p": (lambda: kl([-inf, 1, 0], Q), "p[0] = -inf is infinite"),
    "bce nan prob": (lambda: bce(Y, [0.5, nan, 0.5]), "y_prob[1] = nan is NaN"),
    "bce nan label": (lambda: bce([1, nan, 0], YP), "y_true[1] = nan is NaN"),
    "cce nan index": (lambda: cce([0, nan], ROWS), "y_true[1] = nan is not a class index"),
    "cce inf prob": (lambda: cce([0, 1], [[0.7, 0.2, 0.1], [inf, 0, 0]]), "y_prob[1, 0] = inf"),
    # shape or length mismatch
    "events": (lambda: ce([0.5, 0.5], P), "p has 2 events but q has 3"),
    "kl events": (lambda: kl(P, [0.5, 0.5]), "p has 3 events but q has 2"),
    "batch rows": (lambda: ce([P, P], [Q, Q, Q]), "p has shape (2, 3) and q has shape (3, 3)"),
    "bce length": (lambda: bce([1, 0], YP), "y_true has shape (2,) but y_prob has shape (3,)"),
    "cce labels": (lambda: cce([0, 1, 2], ROWS), "y_true has 3 labels but y_prob has 2 rows"),
    "cce rows": (lambda: cce(np.eye(2), ROWS), "y_true has shape (2, 2) but y_prob has shape"),
    "cce 1-D prob": (lambda: cce([0], [0.5, 0.5]), "y_prob must be 2-D"),
    "scalar p": (lambda: ent(1.0), "p must be a 1-D distribution or a batch of them"),
    "ragged": (lambda: ent([[0.5, 0.5], [1.0]]), "p must be an array of numbers"),
    "masked": (lambda: ent(np.ma.masked_array([0.5, 0.5, 0.3], [0, 0, 1])), "p is a masked array"),
    # empty input
    "empty p": (lambda: ent([]), "p is empty"),
    "empty q": (lambda: kl(P, []), "q is empty"),
    "empty rows": (lambda: ent(np.zeros((0, 3))), "p is empty"),
    "bce empty": (lambda: bce([], []), "y_true is empty"),
    "cce empty": (lambda: cce([], np.zeros((0, 2))), "y_prob is empty"),
    # non-numeric input
    "strings": (lambda: ent(["0.5", "0.5"]), "p must contain numbers, got dtype <U3"),
    "None": (
        lambda: ce(P, [0.5, None, 0.5]),
        "q[1] = None is not a number; q must contain numbers",
    ),
    "bool": (lambda: ent([True, False]), "p contains a bool (True/False)"),
    "complex": (lambda: ent([0.5 + 0j, 0.5]), "p must contain real numbers"),
    "bce strings": (lambda: bce(["1", "0"], [0.5, 0.5]), "y_true must contain numbers"),
    "cce strings": (lambda: cce(["a", "b"], ROWS), "y_true must contain numbers"),
    "dict": (lambda: ent({"a": 0.5}), "is not a number; p must contain numbers"),
    "timedelta": (lambda: ent(np.array([1, 0], "m8[s]")), "p must contain numbers, got dtype"),
    "bytes": (lambda: kl(P, b"abc"), "q must contain numbers, got dtype |S3"),
    # labels outside [0, 1] for the binary loss
    "label 2": (lambda: bce([1, 2, 0], YP), "y_true[1] = 2.0 is greater than 1; labels must"),
    "label -1": (lambda: bce([-1, 0, 1], YP), "y_true[0] = -1.0 is negative; labels must lie"),
    # class indices for the categorical loss
    "class 3 of 3": (lambda: cce([0, 3], ROWS), "y_true[1] = 3.0 is not a class index in 0..2"),
    "class -1": (lambda: cce([-1, 0], ROWS), "y_true[0] = -1.0 is not a class index"),
    "class 0.5": (lambda: cce([0, 0.5], ROWS), "y_true[1] = 0.5 is not a class index"),
    # an unknown reduction
    "reduction avg": (lambda: bce(Y, YP, reduction="avg"), "reduction must be one of"),
    "reduction None": (lambda: cce([0, 1], ROWS, reduction=None), "got None"),
    "reduction Mean": (lambda: bce(Y, YP, reduction="Mean"), "got 'Mean'"),
    # a bad eps
    "eps 0": (lambda: bce(Y, YP, eps=0), "eps must be None (exact) or a number in (0, 0.5)"),
    "eps 0.5": (lambda: cce([0, 1], ROWS, eps=0.5), "eps must be None"),
    "eps str": (lambda: bce(Y, YP, eps="1e-7"), "got '1e-7'"),
    # a base that is not a positive number other than 1
    "base 1": (lambda: ent(P, base=1), "base must be a finite positive number other than 1"),
    "base 0": (lambda: ce(P, Q, base=0), "other than 1, got 0"),
    "base -2": (lambda: kl(P, Q, base=-2), "got -2"),
    "base nan": (lambda: ent(P, base=nan), "base must be a finite positive number"),
    "base inf": (lambda: ent(P, base=inf), "got inf"),
    "base str": (
        lambda: ent(P, base="2"),
        "base must be a finite positive number other than 1, got '2'",
    ),
    "base None": (lambda: ce(P, Q, base=None), "got None"),
    "base bool": (lambda: kl(P, Q, base=True), "got True"),
}


@pytest.mark.parametrize("call, fragment", CASES.values(), ids=CASES.keys())
def test_bad_input_raises_a_clear_value_error(call, fragment):
    with pytest.raises(ValueError) as info:
        call()
    assert fragment in str(info.value)


@pytest.mark.parametrize("function", [ent, lambda p: ce(p, p), lambda p: kl(p, p)])
def test_within_tolerance_is_accepted(function):
    assert math.isfinite(function([0.5, 0.5 + 5e-7]))


def test_numpy_scalar_bases_are_accepted():
    assert ent([0.5, 0.5], base=np.float64(2)) == 1.0
    assert ent([0.5, 0.5], base=np.int64(2)) == 1.0
    assert ent([0.5, 0.5], base=0.5) == -1.0  # a base below 1 is allowed: it flips the sign


# --- the shared checks: one home, one wording ---------------------------------------------------

from decimal import Decimal  # noqa: E402
from fractions import Fraction  # noqa: E402

from helpers._validation import (  # noqa: E402
    as_float_array,
    binary_labels,
    class_indices,
    real_number,
    shown,
)


@pytest.mark.parametrize(
    "value", [0.5, 1, Fraction(1, 2), Decimal("0.5"), np.float32(0.5), np.int8(1), np.array(0.5)]
)
def test_real_number_accepts_every_real_type_as_float_would(value):
    assert real_number(value, "x") == float(value)


@pytest.mark.parametrize(
    "value",
    [
        True,
        np.bool_(False),
        None,
        "1",
        [1.0],
        np.array([1.0]),
        1j,
        math.nan,
        math.inf,
        10**400,
        Decimal("sNaN"),
        np.ma.masked_array(1.0),
    ],
)
def test_real_number_rejects_everything_else_in_one_wording(value):
    with pytest.raises(ValueError, match=r"^x must be a finite number, got "):
        real_number(value, "x")


def test_real_number_bounds_and_integers():
    assert real_number(3, "n", low=2, integer=True) == 3
    with pytest.raises(ValueError, match=r"n must be an integer ≥ 2, got 3.0"):
        real_number(3.0, "n", low=2, integer=True)
    with pytest.raises(ValueError, match=r"eps must be a finite number in \(0, 0.5\), got 0.5"):
        real_number(0.5, "eps", low=0, high=0.5, low_open=True, high_open=True)
    with pytest.raises(ValueError, match=r"epochs must be an integer in \[1, 1_000_000\]"):
        real_number(10**400, "epochs", low=1, high=10**6, integer=True)


def test_class_indices_and_binary_labels():
    assert class_indices([0, 2.0], "y", 3).tolist() == [0, 2]
    with pytest.raises(ValueError, match=r"^y\[1\] = 3.0 is not a class index in 0..2$"):
        class_indices([0, 3], "y", 3)
    assert binary_labels([0, 1.0], "y").tolist() == [0.0, 1.0]
    with pytest.raises(ValueError, match=r"^y\[0, 1\] = 0.5 is not a label 0 or 1$"):
        binary_labels([[1, 0.5]], "y")


def test_arrays_of_fractions_and_decimals_become_floats_and_huge_integers_do_not():
    assert as_float_array([Fraction(1, 3), Decimal("0.25")], "p").tolist() == [1 / 3, 0.25]
    with pytest.raises(ValueError, match=r"p\[1\] = 1000.* is not a float64 number"):
        as_float_array([1, 10**400], "p")


def test_messages_never_echo_an_unbounded_input():
    class BadRepr:
        def __repr__(self):
            raise RuntimeError

    assert len(shown("x" * 10**6)) == 40
    assert shown(BadRepr()) == "<BadRepr object>"
    with pytest.raises(ValueError) as info:
        real_number("y" * 10**6, "lr")
    assert len(str(info.value)) < 100
