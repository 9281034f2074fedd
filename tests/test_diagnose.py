"""helpers.diagnose: each wiring mistake is named, clean inputs pass, odd values never raise."""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import array_shapes, arrays

import helpers
from helpers.diagnose import EXPECTED, Diagnosis, diagnose

RNG = np.random.default_rng(0)
LOGITS = RNG.normal(0.0, 2.0, size=(8, 5))
LABELS = np.array([0, 1, 2, 3, 4, 0, 1, 2])
ONE_HOT = np.eye(5)[LABELS]
PROBS = helpers.softmax(LOGITS)
Z = np.array([2.0, -1.0, 0.5, -0.3, -2.5])
Y = np.array([1, 0, 1, 1, 0])


CLEAN = [
    (Y, Z, "binary_logits"),
    (Y, helpers.sigmoid(Z), "binary_probabilities"),
    (LABELS, LOGITS, "indices_logits"),
    (LABELS, PROBS, "indices_probabilities"),
    (LABELS, helpers.log_softmax(LOGITS), "indices_log_probabilities"),
    (ONE_HOT, LOGITS, "onehot_logits"),
    (ONE_HOT, PROBS, "onehot_probabilities"),
    ((LOGITS > 0).astype(int), LOGITS, "multilabel_logits"),
    ((LOGITS > 0).astype(int), helpers.sigmoid(LOGITS), "multilabel_probabilities"),
]


@pytest.mark.parametrize(("y", "p", "expected"), CLEAN, ids=[c[2] for c in CLEAN])
def test_correct_wiring_has_no_findings(y, p, expected):
    d = diagnose(y, p, expected=expected)
    assert d.ok and d.codes == ()
    assert "no problems found" in repr(d)


def test_every_kind_is_covered():
    assert {c[2] for c in CLEAN} == set(EXPECTED)


CASES = [
    (
        "masks 0/255",
        [0, 255, 255, 0],
        [0.1, 0.9, 0.8, 0.2],
        "binary_probabilities",
        "labels_outside_unit_interval",
        "255",
    ),
    (
        "−1/+1 labels",
        [-1, 1, 1, -1],
        [0.1, 0.9, 0.8, 0.2],
        "binary_logits",
        "labels_outside_unit_interval",
        "(y + 1) / 2",
    ),
    ("soft labels", [0.2, 0.9], [0.1, 0.9], "binary_probabilities", "soft_labels", "entropy"),
    ("logits as probabilities", Y, Z, "binary_probabilities", "logits_as_probabilities", "logits"),
    (
        "probabilities as logits",
        Y,
        helpers.sigmoid(Z),
        "binary_logits",
        "probabilities_as_logits",
        "sigmoid again",
    ),
    (
        "sigmoid twice",
        Y,
        helpers.sigmoid(helpers.sigmoid(Z)),
        "binary_probabilities",
        "double_sigmoid",
        "twice",
    ),
    (
        "softmax twice (logits expected)",
        LABELS,
        PROBS,
        "indices_logits",
        "probabilities_as_logits",
        "softmax twice",
    ),
    (
        "softmax twice (probabilities)",
        LABELS,
        helpers.softmax(PROBS),
        "indices_probabilities",
        "double_softmax",
        "applied twice",
    ),
    (
        "multi-class logits as probabilities",
        LABELS,
        LOGITS,
        "indices_probabilities",
        "logits_as_probabilities",
        "softmax first",
    ),
    (
        "sigmoid outputs as softmax",
        LABELS,
        helpers.sigmoid(LOGITS),
        "indices_probabilities",
        "rows_not_normalised",
        "sigmoid",
    ),
    (
        "one-hot where indices",
        ONE_HOT,
        LOGITS,
        "indices_logits",
        "one_hot_where_indices_expected",
        "argmax",
    ),
    (
        "indices where one-hot",
        LABELS,
        LOGITS,
        "onehot_logits",
        "indices_where_one_hot_expected",
        "np.eye",
    ),
    (
        "1-based labels",
        LABELS + 1,
        LOGITS,
        "indices_logits",
        "labels_out_of_class_range",
        "1-based",
    ),
    ("non-integer labels", LABELS + 0.5, LOGITS, "indices_logits", "non_integer_labels", "integer"),
    (
        "multi-hot under softmax",
        np.array([[1, 0, 1]]),
        [[0.5, 0.0, 0.5]],
        "onehot_probabilities",
        "multi_hot_targets",
        "sigmoids",
    ),
    (
        "softmax on multi-label",
        np.array([[1, 0, 1], [0, 1, 1]]),
        helpers.softmax(LOGITS[:2, :3]),
        "multilabel_probabilities",
        "softmax_on_multilabel",
        "independent sigmoids",
    ),
    ("certain and wrong", [1, 0], [0.0, 0.2], "binary_probabilities", "certain_and_wrong", "inf"),
    (
        "true class at probability 0",
        [0, 1],
        [[0.0, 1.0], [0.3, 0.7]],
        "indices_probabilities",
        "certain_and_wrong",
        "inf",
    ),
    ("NaN outputs", [0, 1], [np.nan, 0.5], "binary_probabilities", "nan_pred", "diverged"),
    ("inf outputs", [0, 1], [np.inf, 0.5], "binary_logits", "inf_pred", "709.78"),
    ("NaN labels", [np.nan, 1], [0.2, 0.5], "binary_probabilities", "nan_labels", "missing"),
    ("huge logits", [0, 1], [-3000.0, 5000.0], "binary_logits", "huge_logits", "diverging"),
    (
        "(n, 1) vs (n,)",
        np.array([[0], [1]]),
        [0.2, 0.7],
        "binary_probabilities",
        "shape_mismatch",
        "(n, n)",
    ),
    (
        "two columns for binary",
        [0, 1],
        [[0.8, 0.2], [0.3, 0.7]],
        "binary_probabilities",
        "two_columns_for_binary",
        "class-1 column",
    ),
    (
        "NLLLoss given probabilities",
        LABELS,
        PROBS,
        "indices_log_probabilities",
        "not_log_probabilities",
        "log_softmax",
    ),
    (
        "1-D outputs for multi-class",
        LABELS,
        np.zeros(8),
        "indices_logits",
        "shape_mismatch",
        "(n, k)",
    ),
]


@pytest.mark.parametrize(
    ("y", "p", "expected", "code", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_each_mistake_is_named(y, p, expected, code, words):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = diagnose(y, p, expected=expected)
    assert isinstance(d, Diagnosis)
    assert code in d.codes, d
    assert not d.ok
    message = next(f.message for f in d.findings if f.code == code)
    assert words in message
    assert words in repr(d)


def test_booleans_are_zero_and_one():
    assert diagnose(np.array([True, False]), [0.8, 0.3], "binary_probabilities").ok
    assert diagnose([True, False], [0.8, 0.3], "binary_probabilities").ok


def test_scalars_are_one_sample():
    assert diagnose(1, 0.7, "binary_probabilities").ok
    assert diagnose(1, 3.0, "binary_probabilities").codes == ("logits_as_probabilities",)


@pytest.mark.parametrize(
    ("y", "p", "expected"),
    [
        ([1], [1], "no such kind"),
        ([1], [1], None),
        ([1], [1], 3),
        ([], [], "binary_logits"),
        (["a"], [1.0], "binary_logits"),
        ([1.0], ["a"], "binary_logits"),
        ([1j], [1.0], "binary_logits"),
        ([[1], [1, 2]], [1.0], "binary_logits"),
        (np.ma.masked_array([1.0, 0.0], mask=[0, 1]), [0.5, 0.5], "binary_logits"),
        ([None], [1.0], "binary_logits"),
        ({"a": 1}, [1.0], "binary_logits"),
    ],
)
def test_unreadable_input_is_a_value_error(y, p, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError):
            diagnose(y, p, expected=expected)


odd = st.floats(allow_nan=True, allow_infinity=True, width=64)


@given(
    arrays(np.float64, array_shapes(min_dims=1, max_dims=3, max_side=4), elements=odd),
    arrays(np.float64, array_shapes(min_dims=1, max_dims=3, max_side=4), elements=odd),
    st.sampled_from(sorted(EXPECTED)),
)
def test_odd_values_and_shapes_never_raise_or_warn(y, p, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = diagnose(y, p, expected=expected)
    assert isinstance(d, Diagnosis)
    assert all(isinstance(f.message, str) and f.message for f in d.findings)
