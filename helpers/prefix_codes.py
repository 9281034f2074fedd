"""Prefix codes, by hand: decode a bit string, and measure how much code space codewords use.

A prefix code gives each event a codeword of bits such that no codeword is the start of
another, so a stream of codewords can be read back without separators. A codeword of length ℓ
uses 2^−ℓ of all possible codewords (every bit string that starts with it); the Kraft sum
Σ 2^−ℓ(x) of a prefix code is therefore at most 1 — short codewords are expensive.

>>> code = {"a": "0", "b": "10", "c": "11"}
>>> decode_prefix("100110", code)
['b', 'a', 'c', 'a']
>>> kraft_sum([1, 2, 2])
1.0
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping

import numpy as np
from numpy.typing import ArrayLike

from ._validation import as_float_array, shown

__all__ = ["decode_prefix", "kraft_sum"]

#: The longest bit string or codeword accepted (a bound against accidents, not a limit of the idea).
MAX_BITS = 1_000_000


def _bits(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string of 0s and 1s, got {shown(value)}")
    if len(value) > MAX_BITS:
        raise ValueError(f"{name} is longer than {MAX_BITS:,} bits")
    bad = next((i for i, c in enumerate(value) if c not in "01"), None)
    if bad is not None:
        raise ValueError(f"{name}[{bad}] = {value[bad]!r} is not a bit (0 or 1)")
    return value


def _check_code(code: object) -> dict[str, str]:
    if not isinstance(code, Mapping) or not code:
        raise ValueError(f"code must be a non-empty mapping event → codeword, got {shown(code)}")
    words: dict[str, str] = {}
    for event, word in code.items():
        word = _bits(word, f"code[{shown(event, 20)}]")
        if not word:
            raise ValueError(f"code[{shown(event, 20)}] is the empty codeword")
        if word in words:
            raise ValueError(
                f"codeword {word!r} is used for both {shown(words[word], 20)} and "
                f"{shown(event, 20)}"
            )
        words[word] = event
    ordered = sorted(words)  # a prefix of a word sorts immediately before some word it starts
    for shorter, longer in itertools.pairwise(ordered):
        if longer.startswith(shorter):
            raise ValueError(
                f"not a prefix code: {shown(shorter)} ({shown(words[shorter], 20)}) is the start "
                f"of {shown(longer)} ({shown(words[longer], 20)})"
            )
    return words


def decode_prefix(bits: str, code: Mapping[str, str]) -> list[str]:
    """Read a bit string back into events with a prefix code ``{event: codeword}``.

    Reads bit by bit; as soon as the bits read so far form a codeword, that event is decoded
    and reading starts afresh. A ValueError if ``code`` is not a prefix code or the bits do not
    end on a codeword.

    >>> decode_prefix("0100", {"a": "0", "b": "10", "c": "11"})
    ['a', 'b', 'a']
    """
    words = _check_code(code)
    text = _bits(bits, "bits")
    longest = max(map(len, words))
    events: list[str] = []
    start = 0
    for end in range(1, len(text) + 1):
        piece = text[start:end]
        if piece in words:
            events.append(words[piece])
            start = end
        elif end - start >= longest:  # longer than every codeword: none can start here
            raise ValueError(f"no codeword starts at bit {start}: {shown(piece)} matches none")
    if start != len(text):
        left = shown(text[start:])
        raise ValueError(f"bits end in the middle of a codeword: {left} is left over")
    return events


def kraft_sum(lengths: ArrayLike) -> float:
    """The share of code space used by codewords of these lengths: Σ 2^−ℓ.

    At most 1 for any prefix code (Kraft's inequality); exactly 1 for a complete one, such as
    the code with lengths −log2 P(x) of a dyadic distribution.

    >>> kraft_sum([1, 2, 3, 3])
    1.0
    """
    ell = as_float_array(lengths, "lengths")
    if ell.ndim != 1:
        raise ValueError(f"lengths must be a 1-D sequence, got shape {ell.shape}")
    if not np.all(np.isfinite(ell)) or np.any(ell < 1) or np.any(ell != np.round(ell)):
        raise ValueError("lengths must be whole numbers of bits, each at least 1")
    return float(np.sum(np.exp2(-ell)))
