"""helpers.prefix_codes: decoding by hand and the code-space (Kraft) sum."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.prefix_codes import decode_prefix, kraft_sum

CODE = {"a": "0", "b": "10", "c": "11"}


@given(st.lists(st.sampled_from("abc"), max_size=50))
def test_decoding_inverts_encoding(events):
    bits = "".join(CODE[e] for e in events)
    assert decode_prefix(bits, CODE) == events


def test_kraft_sums():
    assert kraft_sum([1, 2, 2]) == 1.0
    assert kraft_sum([2, 2, 2]) == 0.75
    assert kraft_sum([1, 1, 1]) == 1.5  # no prefix code has these lengths


@pytest.mark.parametrize(
    ("bits", "code", "words"),
    [
        ("01", {"a": "0", "b": "01"}, "not a prefix code"),
        ("1", CODE, "middle of a codeword"),
        ("012", CODE, "not a bit"),
        ("0", {"a": "0", "b": "0"}, "used for both"),
        ("0", {"a": ""}, "empty codeword"),
        ("0", {}, "non-empty mapping"),
        (0, CODE, "string of 0s and 1s"),
    ],
)
def test_bad_codes_and_bits_are_value_errors(bits, code, words):
    with pytest.raises(ValueError, match=words):
        decode_prefix(bits, code)


@pytest.mark.parametrize("lengths", [[0], [1.5], [float("inf")], [[1, 2]], "ab", []])
def test_bad_lengths_are_value_errors(lengths):
    with pytest.raises(ValueError):
        kraft_sum(lengths)


def test_bits_that_match_no_codeword_are_refused_at_once():
    with pytest.raises(ValueError, match="no codeword starts at bit 2"):
        decode_prefix("0" + "0" + "11" * 300_000, {"a": "0", "b": "10"})
