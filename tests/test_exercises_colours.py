"""The checks behind 04_colour_events' exercises: right answers pass, usual slips get their hint."""

from __future__ import annotations

import math

import pytest

import helpers
from helpers.examples import P, Q
from helpers.exercises import (
    check_better_model_kl,
    check_blue_term_raised,
    check_green_reverse_kl_term,
)
from helpers.exercises._colours import BETTER_Q, RAISED_BLUE_Q

Q2 = RAISED_BLUE_Q
LN2 = math.log(2)


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_blue_term_raised, -P[2] * math.log2(Q2[2])),
        (check_blue_term_raised, 1),
        (check_green_reverse_kl_term, Q[1] * math.log2(Q[1] / P[1])),
        (check_green_reverse_kl_term, -0.212),
        (check_better_model_kl, helpers.kl_divergence(P, BETTER_Q)),
        (check_better_model_kl, 0.061),
        (check_better_model_kl, helpers.cross_entropy(P, BETTER_Q) - helpers.entropy(P)),
    ],
)
def test_correct(check, answer):
    feedback = check(answer)
    assert feedback.status == "correct", feedback
    assert bool(feedback)
    assert " bit" in repr(feedback)  # "1 bit", "0.061 bits"


def test_the_exercises_data():
    assert Q2[2] == 0.25 and sum(Q2) == pytest.approx(1.0)
    assert Q2[0] == pytest.approx(Q[0] - 0.20) and Q2[1] == Q[1]
    assert sum(BETTER_Q) == pytest.approx(1.0)
    assert round(helpers.kl_divergence(P, BETTER_Q), 3) == 0.061


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (check_blue_term_raised, -math.log2(Q2[2]), "weight it by how often"),
        (check_blue_term_raised, -P[2] * math.log(Q2[2]), "nats"),
        (check_blue_term_raised, P[2] * math.log2(P[2] / Q2[2]), "KL term"),
        (check_blue_term_raised, -P[2] * math.log2(Q[2]), "original Q"),
        (check_green_reverse_kl_term, -Q[1] * math.log2(Q[1] / P[1]), "sign"),
        (check_green_reverse_kl_term, Q[1] * math.log(Q[1] / P[1]), "nats"),
        (check_green_reverse_kl_term, P[1] * math.log2(P[1] / Q[1]), "first direction"),
        (check_green_reverse_kl_term, math.log2(Q[1] / P[1]), "weight it by Q(green)"),
        (check_green_reverse_kl_term, -Q[1] * math.log2(P[1]), "cross-entropy H(Q, P)"),
        (check_better_model_kl, helpers.cross_entropy(P, BETTER_Q), "total bits"),
        (check_better_model_kl, helpers.kl_divergence(P, BETTER_Q) * LN2, "nats"),
        (check_better_model_kl, helpers.kl_divergence(BETTER_Q, P), "other direction"),
        (check_better_model_kl, helpers.kl_divergence(P, Q), "old model"),
        (check_better_model_kl, helpers.entropy(P), "does not depend on the model"),
    ],
)
def test_each_usual_mistake_gets_its_hint(check, answer, hint):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert hint in feedback.message, feedback.message


def test_the_training_minimum_is_the_entropy_of_the_sample():
    from helpers.examples import P, Q
    from helpers.exercises import check_training_minimum

    p_hat = [0.0, 0.25, 0.75]  # blue, blue, green, blue
    assert check_training_minimum(helpers.entropy(p_hat)).status == "correct"
    assert check_training_minimum(0.811).status == "correct"
    assert "FRESH" in check_training_minimum(helpers.entropy(P)).message
    assert "Q" in check_training_minimum(helpers.cross_entropy(p_hat, Q)).message
