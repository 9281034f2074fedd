"""The contract every exercise check keeps, whichever notebook it belongs to.

A check takes whatever a learner typed and returns a Feedback — "not answered yet" for the
``...`` a notebook is committed with, "correct", or a hint — and never raises, so a notebook
with half-done exercises still runs top to bottom. The per-topic files (test_exercises_<topic>.py)
test each check's answer and hints.
"""

from __future__ import annotations

import decimal
import fractions
import inspect
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

from helpers import exercises
from helpers.exercises import Feedback, check_number

CHECKS = {
    name: function
    for name, function in inspect.getmembers(exercises, inspect.isfunction)
    if name.startswith("check_") and name != "check_number"
}
NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def notebook_code() -> str:
    code = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code += ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return "\n".join(code)


def test_there_are_checks_and_all_are_exported():
    assert len(CHECKS) >= 16
    assert set(CHECKS) <= set(exercises.__all__)


def test_every_check_is_used_by_a_notebook_and_every_call_exists():
    called = set(re.findall(r"helpers\.exercises\.(check_\w+)\(", notebook_code()))
    assert called == set(CHECKS)


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("answer", [..., None])
def test_unanswered(name, answer):
    feedback = CHECKS[name](answer)
    assert isinstance(feedback, Feedback)
    assert feedback.status == "unanswered" and not feedback
    assert repr(feedback).startswith("Not answered yet")


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("answer", ["1.0", [1.0], True, {}, object(), 1j])
def test_a_non_number_is_wrong_and_says_so(name, answer):
    feedback = CHECKS[name](answer)
    assert feedback.status == "wrong"
    assert "Expected a number" in feedback.message


@pytest.mark.parametrize(
    ("answer", "hinted"),
    [("0.228", True), (" 2 ", True), ("-.5e-3", True), ("x", False), ("nan", False),
     ("inf", False), ("0x10", False), ("١٢", False), ("1" * 50, False)],
)  # fmt: skip
def test_a_number_in_quotes_is_told_to_drop_them(answer, hinted):
    message = check_number(answer, 0.228).message
    assert message.startswith("Expected a number, got ")
    assert ("Without the quotes, " in message) == hinted
    if hinted:
        assert message.endswith(f"Without the quotes, {answer.strip()} is a number.")


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("answer", [math.nan, math.inf, -math.inf, 1e308, -1e308, -1.0, 0, 1])
def test_odd_numbers_never_raise(name, answer):
    assert CHECKS[name](answer).status in {"correct", "wrong"}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_numpy_numbers_are_numbers(name):
    assert CHECKS[name](np.float64(1e6)).status == "wrong"
    assert "Expected a number" not in CHECKS[name](np.float32(1e6)).message


# --- a generic wrong answer gets the general hint: one table, every check ----------------------

#: A few words of each check's general hint (checks of notebooks 01–08; every check, whichever
#: notebook, is held to the generic rule below).
GENERAL_HINTS = {
    "check_entropy_surprise": "how many halvings",
    "check_entropy_die": "probability 1/8",
    "check_entropy_nats": "base=math.e",
    "check_cross_entropy_coin": "P is the fair coin",
    "check_cross_entropy_one_hot": "Only the true class",
    "check_kl_coin": "H(P, Q) - H(P)",
    "check_kl_one_hot": "one-hot label is 0",
    "check_blue_term_raised": "P(blue)",
    "check_green_reverse_kl_term": "With Q as the truth",
    "check_better_model_kl": "helpers.kl_divergence(P, Q')",
    "check_new_sample_loss": "With y = 1",
    "check_changed_mean_loss": "set sample 4",
    "check_coin_flip_bits": "convert to bits",
    "check_bernoulli_nll": "ŷ for a 1, 1 − ŷ",
    "check_categorical_nll": "true class",
    "check_gaussian_nll": "½ ln(2πσ²) + MSE / (2σ²)",
    "check_clipped_loss": "−ln(1e-15)",
    "check_skill_score": "H(0.1)",
    "check_perplexity_bits": "2^H for H in bits",
    "check_logit_loss": "softplus(z)",
    "check_gradient_ratio": "σ(z)·(1 − σ(z))",
    "check_smoothed_optimum": "q = y_LS",
    "check_below_the_floor": "1, 2, 3 or 4",
    "check_ce_gradient": "σ(z) − y with y = 0 and z = 2",
    "check_code_space": "2^-ℓ of the three codewords",
    "check_dishonest_report": "at p = 0.9 minus at p = 0.6",
    "check_ece_by_hand": "|observed frequency − mean prediction|",
    "check_entropy_bound_choice": "1, 2, 3 or 4",
    "check_entropy_pair": "2 × 8 outcomes",
    "check_focal_ratio": "(1 − p)^γ",
    "check_initial_loss": "−ln(1/k) = ln k",
    "check_js_from_scipy": "JS in nats = distance²",
    "check_kl_difference": "it cancels in the difference",
    "check_kl_uniform": "H(P, U) = log2(3)",
    "check_mixup_floor": "q = ỹ = (0.7, 0.3)",
    "check_mutual_information": "H(Y) − H(Y | X)",
    "check_nll_difference": "the constant is the same for both models",
    "check_no_skill_bits": "ŷ = π = 0.2",
    "check_reverse_kl_choice": "1, 2 or 3",
    "check_size_from_perplexity": "log2 8 = 3 bits per character",
    "check_temperature_invariant": "order of the logits",
    "check_training_minimum": "H(P̂)",
    "check_weighted_mean": "divide by 1 + 1 + 4",
    "check_wiring_choice": "1, 2, 3 or 4",
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_a_generic_wrong_answer_gets_the_general_hint(name):
    feedback = CHECKS[name](12345.678)
    assert feedback.status == "wrong"
    assert feedback.message.startswith("Not quite: 12345.7 is not right. ")
    assert len(feedback.message) > len("Not quite: 12345.7 is not right. ") + 10
    assert GENERAL_HINTS[name] in feedback.message


def test_the_hint_table_covers_every_check():
    assert set(GENERAL_HINTS) == set(CHECKS)


# --- whatever a learner types: never an exception, never an unbounded echo --------------------


class BadRepr:
    def __repr__(self):
        raise RuntimeError("repr fails")


class BadFloat(float):
    def __float__(self):
        raise RuntimeError("float fails")


HOSTILE_ANSWERS = [
    fractions.Fraction(1, 3),
    decimal.Decimal("0.5"),
    decimal.Decimal("NaN"),
    decimal.Decimal("sNaN"),
    decimal.Decimal("1e400"),
    10**400,
    -(10**400),
    10**5000,  # its repr raises ValueError (int max str digits)
    fractions.Fraction(10**400, 3),
    np.array(0.5),
    np.array(1),
    np.array([0.5]),
    np.array(True),
    np.ma.masked_array(0.5, mask=True),
    np.float16(0.5),
    np.int8(-3),
    np.longdouble(2.5),
    np.bool_(True),
    "x" * 100_000,
    b"\xff" * 1000,
    BadRepr(),
    BadFloat(1.0),
    [..., ...],
    {1: 2},
    slice(None),
    float,
]


@pytest.mark.parametrize("name", sorted(CHECKS))
@pytest.mark.parametrize("answer", HOSTILE_ANSWERS, ids=lambda a: type(a).__name__)
def test_a_check_never_raises_and_never_echoes_much(name, answer):
    feedback = CHECKS[name](answer)
    assert isinstance(feedback, Feedback) and feedback.status in {"correct", "wrong"}
    hint_free = feedback.message.split(" is not right.")[0].split(" is right to ")[0]
    assert len(hint_free) <= 120, hint_free


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_a_correct_answer_is_correct_in_any_numeric_type(name):
    """Find each check's correct answer by asking it, then offer it in every numeric type."""
    expected = _expected_of(CHECKS[name])
    if expected is None or not math.isfinite(expected):
        pytest.skip("no finite expected value")
    forms = [
        expected,
        np.float64(expected),
        np.array(expected),
        fractions.Fraction(expected),
        decimal.Decimal(repr(expected)),
    ]
    if float(expected).is_integer():
        forms += [int(expected), np.int64(int(expected))]
    for form in forms:
        assert CHECKS[name](form).status == "correct", (name, form)


def _expected_of(check):
    captured = []

    def spy(answer, expected, **kwargs):
        captured.append(expected)
        return exercises._core.check_number(answer, expected, **kwargs)

    module = inspect.getmodule(check)
    original = module.check_number
    module.check_number = spy
    try:
        check(0.0)
    finally:
        module.check_number = original
    return float(captured[0]) if captured else None


# --- check_number's rules: the tolerance and "close" ----------------------------------------


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (1.04, 1.0397),  # 2 decimals, within 0.1 %
        (0.206, 0.20634),  # 3 decimals for a value below 0.5
        (-0.212, -0.21226),
        (0.385, 0.38477),
        (34.54, 34.5388),  # 0.1 % of a large value
        (1000, 1000.4),
        (0.0452, 0.045177),
        (0.0003, 0.000301),  # small values: 5 % at most
        (0, 0),
        (1e-17, 0.0),
    ],
)
def test_within_the_tolerance_is_correct(answer, expected):
    assert check_number(answer, expected).status == "correct"


@pytest.mark.parametrize(
    ("answer", "expected", "places"),
    [
        (1.21, 1.2075187, "2 decimal places"),  # right to its own rounding, not precise enough
        (0.38, 0.38477, "2 decimal places"),
        (1.2, 1.2075187, "1 decimal place"),
        (9, 9.19, "0 decimal places"),
        (decimal.Decimal("1.21"), 1.2075187, "2 decimal places"),
        (np.float32(1.21), 1.2075187, "2 decimal places"),
        (0.05, 0.045177, "2 decimal places"),
    ],
)
def test_right_to_its_own_rounding_is_close(answer, expected, places):
    feedback = check_number(answer, expected, hint="general")
    assert feedback.status == "wrong"
    assert feedback.message.startswith("Close — give one more decimal")
    assert places in feedback.message


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (1.3, 1.2075187),  # 1.2075 rounds to 1.2, not 1.3
        (0.39, 0.38477),
        (0.0, 0.045177),  # no significant digit: not "close"
        (0.0002, 0.000301),  # outside 5 % of a small value, and not its rounding
        (math.nan, 1.0),
        (math.inf, 1.0),
    ],
)
def test_otherwise_wrong_with_the_general_hint(answer, expected):
    feedback = check_number(answer, expected, hint="general")
    assert feedback.status == "wrong" and feedback.message.endswith("general")


def test_a_common_mistake_wins_over_close():
    feedback = check_number(0.9, 0.91, mistakes=[(0.9, "forgot ε/k")])
    assert feedback.message.endswith("forgot ε/k")


def test_an_explicit_tolerance_is_absolute():
    assert check_number(1003, 1000, tolerance=3).status == "correct"
    assert check_number(1001, 1000, tolerance=0).status == "wrong"
    assert check_number(2, 2, tolerance=0).status == "correct"


def test_messages_show_the_answer_briefly():
    assert repr(check_number(fractions.Fraction(1, 3), 1 / 3)) == "Correct! 0.333333."
    assert repr(check_number(decimal.Decimal("0.5"), 0.5)) == "Correct! 0.5."
    assert "…" in repr(check_number(10**400, 1.0))
    assert len(repr(check_number("y" * 10**6, 1.0))) < 80
