"""The counting behind :mod:`helpers.ngram`: texts as integer codes, contexts as integer keys.

Each context of k characters is one base-(K + 1) integer (K characters and a start-of-text
symbol), and one order's training counts are sorted arrays of such keys, so every lookup is a
``searchsorted``: for a single context (``NgramModel.probabilities``) or for every position of
a text at once (``char_probabilities``, ``context_probabilities``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


def as_codes(
    text: object, alphabet: str, name: str = "text", index: dict[str, int] | None = None
) -> NDArray[np.int64]:
    """The text as indices into the alphabet; ValueError for a non-string or a foreign char."""
    if not isinstance(text, str):
        raise ValueError(f"{name} must be a string, got {type(text).__name__}")
    if index is None:
        index = {ch: i for i, ch in enumerate(alphabet)}
    try:
        return np.fromiter((index[ch] for ch in text), dtype=np.int64, count=len(text))
    except KeyError:
        position = next(i for i, ch in enumerate(text) if ch not in index)
        raise ValueError(
            f"{name}[{position}] = {text[position]!r} is not in the model's alphabet"
        ) from None


def position_keys(codes: NDArray[np.int64], order: int, base: int) -> NDArray[np.int64]:
    """For every position i, the k = ``order`` characters before it as one base-``base`` number
    (the newest character is the lowest digit; positions before the text are ``base − 1``)."""
    padded = np.concatenate([np.full(order, base - 1, dtype=np.int64), codes])
    keys = np.zeros(codes.size, dtype=np.int64)
    for m in range(1, order + 1):  # m-th character back
        keys += padded[order - m : order - m + codes.size] * base ** (m - 1)
    return keys


def lookup(keys: NDArray[np.int64], values: NDArray[np.int64], query: NDArray[np.int64]):
    """``values`` at the positions of ``query`` in the sorted ``keys``; 0 where it is absent."""
    at = np.minimum(np.searchsorted(keys, query), keys.size - 1)
    return np.where(keys[at] == query, values[at], 0)


@dataclass(frozen=True)
class Counts:
    """One order's counts from training: every (context, next character) seen, and every
    context with its total n(c) and number of distinct followers T(c), all sorted by key."""

    ngram_keys: NDArray[np.int64]
    ngram_counts: NDArray[np.int64]
    context_keys: NDArray[np.int64]
    context_totals: NDArray[np.int64]
    context_types: NDArray[np.int64]


def count(codes: NDArray[np.int64], order: int, base: int) -> Counts:
    contexts = position_keys(codes, order, base)
    ngram_keys, ngram_counts = np.unique(contexts * base + codes, return_counts=True)
    context_of_ngram = ngram_keys // base
    context_keys, first, types = np.unique(context_of_ngram, return_index=True, return_counts=True)
    totals = np.add.reduceat(ngram_counts, first)
    return Counts(ngram_keys, ngram_counts, context_keys, totals, types)
