"""The checks of 11_calibration_and_proper_scoring: right answers pass, each slip gets its hint."""

from __future__ import annotations

import math

import pytest

from helpers.exercises import (
    check_dishonest_report,
    check_ece_by_hand,
    check_temperature_invariant,
)

KL = 0.6 * math.log(0.6 / 0.9) + 0.4 * math.log(0.4 / 0.1)  # KL(0.6 ‖ 0.9) in nats


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_dishonest_report, KL),
        (check_dishonest_report, 0.3112),
        (check_ece_by_hand, 0.06),
        (check_ece_by_hand, 0.4 * 0.15),
        (check_temperature_invariant, 3),
        (check_temperature_invariant, 3.0),
    ],
)
def test_correct(check, answer):
    feedback = check(answer)
    assert feedback.status == "correct" and bool(feedback)
    assert repr(feedback).startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (check_dishonest_report, -0.6 * math.log(0.9) - 0.4 * math.log(0.1), "whole expected"),
        (check_dishonest_report, -0.6 * math.log(0.6) - 0.4 * math.log(0.4), "honest report"),
        (check_dishonest_report, 0.09, "Brier"),
        (check_dishonest_report, KL / math.log(2), "bits"),
        (check_dishonest_report, -math.log(0.9), "one sample"),
        (check_ece_by_hand, 0.075, "plain mean"),
        (check_ece_by_hand, 0.15, "largest gap"),
        (check_ece_by_hand, 0.4 * 0.15**2, "squares"),
        (check_temperature_invariant, 1, "fitted to lower"),
        (check_temperature_invariant, 2, "Brier"),
        (check_temperature_invariant, 4, "ECE"),
    ],
)
def test_specific_mistakes_get_specific_hints(check, answer, hint):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert hint in repr(feedback)


def test_a_choice_near_three_is_not_three():
    assert check_temperature_invariant(2.9).status == "wrong"
