"""The checks of 12_cross_entropy_is_compression: right answers pass, each slip gets its hint."""

from __future__ import annotations

import math

import pytest

from helpers.exercises import (
    check_entropy_bound_choice,
    check_kl_difference,
    check_size_from_perplexity,
)


@pytest.mark.parametrize(
    ("check", "answer"),
    [
        (check_size_from_perplexity, 1500),
        (check_size_from_perplexity, 4000 * math.log2(8) / 8),
        (check_size_from_perplexity, 1501),  # what the coder really writes
        (check_kl_difference, 0.7),
        (check_kl_difference, 3.2 - 2.5),
        (check_entropy_bound_choice, 2),
        (check_entropy_bound_choice, 2.0),
    ],
)
def test_correct(check, answer):
    feedback = check(answer)
    assert feedback.status == "correct" and bool(feedback)
    assert repr(feedback).startswith("Correct!")


@pytest.mark.parametrize(
    ("check", "answer", "hint"),
    [
        (check_size_from_perplexity, 12000, "in bits"),
        (check_size_from_perplexity, 4000 * math.log(8) / 8, "nats"),
        (check_size_from_perplexity, 4000, "log2 of it"),
        (check_size_from_perplexity, 32000, "log2 of it"),
        (check_kl_difference, -0.7, "better model"),
        (check_kl_difference, 3.2 / 2.5, "ratio"),
        (check_kl_difference, 2**3.2 - 2**2.5, "perplexities"),
        (check_entropy_bound_choice, 1, "perfect model"),
        (check_entropy_bound_choice, 3, "other way round"),
        (check_entropy_bound_choice, 4, "KL part alone"),
    ],
)
def test_specific_mistakes_get_specific_hints(check, answer, hint):
    feedback = check(answer)
    assert feedback.status == "wrong"
    assert hint in repr(feedback)
