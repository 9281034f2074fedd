"""The tables' input contract: bad input is a ValueError saying what and where — never another
exception, never a warning, never a table showing "nan"."""

from __future__ import annotations

import math

import numpy as np
import pytest

from helpers.examples import COLOURS, Y_PROB, Y_TRUE, P, Q
from helpers.tables import (
    binary_sample_table,
    colour_event_table,
    event_contributions,
    format_table,
)

MASKED = np.ma.masked_array([0.5, 0.5], mask=[True, False])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"header": None}, "header"),
        ({"header": "ab"}, "header"),
        ({"header": ["a", 1]}, r"header\[1\]"),
        ({"header": []}, "at least one column"),
        ({"rows": None}, "rows"),
        ({"rows": [None]}, r"rows\[0\]"),
        ({"rows": [["a", math.nan]]}, r"\[0\]\[1\]"),
        ({"rows": [["a", object()]]}, r"\[0\]\[1\]"),
        ({"rows": [["a", 0.5, 1.0]]}, "2 cells"),
        ({"total": ["t", math.nan]}, r"total\[1\]"),
        ({"total": 3}, "total"),
        ({"subheader": [1, 2]}, r"subheader\[0\]"),
        ({"digits": -1}, "digits"),
        ({"digits": 2.5}, "digits"),
        ({"digits": True}, "digits"),
        ({"digits": None}, "digits"),
        ({"digits": 10**400}, "digits"),
    ],
)
def test_format_table_refuses_bad_input(kwargs, match):
    call = {"header": ["x", "value"], "rows": [["a", 0.5]], **kwargs}
    with pytest.raises(ValueError, match=match):
        format_table(**call)


def test_format_table_shows_inf_and_exact_integers():
    text = format_table(["x", "v"], [["a", math.inf], ["b", 10**30], ["c", np.float32(0.25)]])
    assert "∞" in text and str(10**30) in text and "0.250" in text and "nan" not in text


@pytest.mark.parametrize(
    ("p", "q", "match"),
    [
        ([0.5, 0.6], [0.5, 0.5], "sums to"),
        ([0.5, math.nan], [0.5, 0.5], "NaN"),
        (MASKED, [0.5, 0.5], "masked"),
        ([True, False], [0.5, 0.5], "bool"),
        (None, [0.5, 0.5], "p"),
        ([[0.5, 0.5]], [0.5, 0.5], "1-D"),
        ([0.5, 0.5], [0.2, 0.3, 0.5], "events"),
        ("ab", [0.5, 0.5], "p"),
    ],
)
def test_event_contributions_refuses_bad_distributions(p, q, match):
    with pytest.raises(ValueError, match=match):
        event_contributions(p, q)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"events": None}, "events"),
        ({"events": "rgb"}, "events"),
        ({"events": COLOURS[:2]}, "2 event names"),
        ({"events": [1, 2, 3]}, r"events\[0\]"),
        ({"labels": "PQ"}, "labels"),
        ({"labels": ("P", None)}, r"labels\[1\]"),
        ({"digits": "3"}, "digits"),
        ({"q": [0.8, 0.15, math.nan]}, "NaN"),
        ({"q": MASKED}, "masked"),
    ],
)
def test_colour_event_table_refuses_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        colour_event_table(**{"p": P, "q": Q, "events": COLOURS, **kwargs})


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"y_true": None}, "y_true"),
        ({"y_prob": [0.5] * 9}, "shape"),
        ({"y_prob": np.full(10, math.nan)}, "NaN"),
        ({"y_true": np.ones(10, dtype=bool)}, "bool"),
        ({"y_true": 1, "y_prob": 0.5}, "1-D"),
        ({"losses": [0.1] * 9}, "shape"),
        ({"losses": [math.nan] * 10}, "not a loss"),
        ({"losses": [-0.1] * 10}, "not a loss"),
        ({"losses": np.ma.masked_array(np.ones(10))}, "masked"),
        ({"losses": ["a"] * 10}, "losses"),
        ({"losses": [0.1] * 10, "y_true": [2] * 10}, "y_true"),  # labels checked even so
    ],
)
def test_binary_sample_table_refuses_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        binary_sample_table(**{"y_true": Y_TRUE, "y_prob": Y_PROB, **kwargs})


def test_binary_sample_table_shows_an_infinite_loss():
    table = binary_sample_table([1, 0], [0.0, 0.5])
    assert "∞" in table and "nan" not in table
