"""Checks of 03_kl_divergence's exercises: right answers pass, each common slip gets its hint."""

from __future__ import annotations

import math

import pytest

import helpers
from helpers.exercises import check_kl_coin, check_kl_one_hot


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_kl_coin, 0.5 * math.log2(0.5 / 0.25) + 0.5 * math.log2(0.5 / 0.75)),
        (check_kl_coin, helpers.kl_divergence([0.5, 0.5], [0.25, 0.75])),
        (check_kl_one_hot, -math.log2(0.7)),
        (check_kl_one_hot, helpers.cross_entropy([0, 1, 0], [0.2, 0.7, 0.1])),
    ],
)
def test_correct_answers(check, answer):
    feedback = check(answer)
    assert feedback and feedback.message.startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "words"),
    [
        (check_kl_coin, helpers.cross_entropy([0.5, 0.5], [0.25, 0.75]), "TOTAL"),
        (check_kl_coin, helpers.kl_divergence([0.25, 0.75], [0.5, 0.5]), "other direction"),
        (check_kl_coin, helpers.kl_divergence([0.5, 0.5], [0.25, 0.75], math.e), "nats"),
        (check_kl_coin, 1.0, "own code"),
        (check_kl_one_hot, 0.0, "only when Q = P"),
        (check_kl_one_hot, math.inf, "reversed"),
        (check_kl_one_hot, -math.log(0.7), "nats"),
    ],
)
def test_each_common_mistake_gets_its_hint(check, answer, words):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert words in feedback.message


def test_the_uniform_exercise_is_log_n_minus_the_entropy():
    from helpers.examples import P

    expected = math.log2(3) - helpers.entropy(P)
    assert helpers.exercises.check_kl_uniform(expected).status == "correct"
    assert "H(P)" in helpers.exercises.check_kl_uniform(helpers.entropy(P)).message
    assert "entropy of U" in helpers.exercises.check_kl_uniform(math.log2(3)).message
    assert (
        "other direction"
        in helpers.exercises.check_kl_uniform(helpers.kl_divergence([1 / 3] * 3, P)).message
    )
