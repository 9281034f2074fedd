"""Checks of 10_soft_targets_and_divergences' exercises: right answers pass, each common slip gets
its hint."""

from __future__ import annotations

import math

import pytest

import helpers
from helpers import divergences
from helpers.exercises import (
    check_js_from_scipy,
    check_mixup_floor,
    check_mutual_information,
    check_reverse_kl_choice,
)


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_mixup_floor, -0.7 * math.log(0.7) - 0.3 * math.log(0.3)),
        (check_mixup_floor, helpers.entropy([0.7, 0.3], base=math.e)),
        (check_js_from_scipy, 0.25 / math.log(2)),
        (check_js_from_scipy, 0.3607),
        (check_reverse_kl_choice, 2),
        (check_reverse_kl_choice, 2.0),
        (check_mutual_information, 1 - helpers.entropy([0.8, 0.2])),
        (check_mutual_information, divergences.mutual_information([[0.4, 0.1], [0.1, 0.4]])),
    ],
)
def test_correct_answers(check, answer):
    feedback = check(answer)
    assert feedback and feedback.message.startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (check_mixup_floor, 0.0, "cannot reach 0"),
        (check_mixup_floor, helpers.entropy([0.7, 0.3]), "bits"),
        (check_mixup_floor, -math.log(0.7), "only class A"),
        (check_js_from_scipy, 0.5, "square root"),
        (check_js_from_scipy, 0.25, "in nats"),
        (check_js_from_scipy, 0.5 / math.log(2), "still a square root"),
        (check_js_from_scipy, (0.5 / math.log(2)) ** 2, "√(ln 2)"),
        (check_reverse_kl_choice, 1, "forward KL"),
        (check_reverse_kl_choice, 3, "one peak"),
        (check_reverse_kl_choice, 4, "1, 2 or 3"),
        (
            check_mutual_information,
            divergences.mutual_information([[0.4, 0.1], [0.1, 0.4]], math.e),
            "nats",
        ),
        (check_mutual_information, helpers.entropy([0.8, 0.2]), "H(Y | X)"),
        (check_mutual_information, 1.0, "H(Y)"),
        (check_mutual_information, divergences.joint_entropy([[0.4, 0.1], [0.1, 0.4]]), "joint"),
    ],
)
def test_each_common_mistake_gets_its_hint(check, answer, words):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert words in feedback.message


def test_the_choice_is_exact():
    assert check_reverse_kl_choice(2.0004).status == "wrong"
