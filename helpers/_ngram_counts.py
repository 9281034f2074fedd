"""The counting behind :mod:`helpers.ngram`: texts as integer codes, contexts as integer keys.

Each context of k characters is one base-(K + 1) integer (K characters and a start-of-text
symbol), and one order's training counts are sorted arrays of such keys, so every lookup is a
``searchsorted``: for a single context (``NgramModel.probabilities``) or for every position of
a text at once (``char_probabilities``, ``context_probabilities``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


def as_codes(
    text: object, alphabet: str, name: str = "text", index: dict[str, int] | None = None
) -> NDArray[np.int64]:
    """The text as indices into the alphabet; ValueError for a non-string or a foreign char.

    Short texts (a context) are looked up character by character in ``index``; long ones in one
    vectorised pass over their code points (a training text of 50,000 characters: ~1 ms).
    """
    if not isinstance(text, str):
        raise ValueError(f"{name} must be a string, got {type(text).__name__}")
    if len(text) < 64:
        if index is None:
            index = {ch: i for i, ch in enumerate(alphabet)}
        if all(ch in index for ch in text):
            return np.array([index[ch] for ch in text], dtype=np.int64)
    else:
        points, codes = _alphabet_table(alphabet)
        text_points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        at = np.minimum(np.searchsorted(points, text_points), points.size - 1)
        if (points[at] == text_points).all():
            return codes[at]
    position = next(i for i, ch in enumerate(text) if ch not in alphabet)
    raise ValueError(f"{name}[{position}] = {text[position]!r} is not in the model's alphabet")


@functools.lru_cache(maxsize=16)
def _alphabet_table(alphabet: str) -> tuple[NDArray[np.uint32], NDArray[np.int64]]:
    """The alphabet's code points, sorted, and each one's index in the alphabet."""
    points = np.frombuffer(alphabet.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    order = np.argsort(points, kind="stable")
    return points[order], order.astype(np.int64)


def position_keys(codes: NDArray[np.int64], order: int, base: int) -> NDArray[np.int64]:
    """For every position i, the k = ``order`` characters before it as one base-``base`` number
    (the newest character is the lowest digit; positions before the text are ``base − 1``)."""
    padded = np.concatenate([np.full(order, base - 1, dtype=np.int64), codes])
    keys = np.zeros(codes.size, dtype=np.int64)
    for m in range(1, order + 1):  # m-th character back
        keys += padded[order - m : order - m + codes.size] * base ** (m - 1)
    return keys


def lookup(keys: NDArray[np.int64], query: NDArray[np.int64], *values: NDArray[np.int64]):
    """Each of ``values`` at the positions of ``query`` in the sorted ``keys``, 0 where it is
    absent: one search for all of them (a tuple when there are several)."""
    at = np.minimum(np.searchsorted(keys, query), keys.size - 1)
    found = keys[at] == query
    looked_up = tuple(np.where(found, column[at], 0) for column in values)
    return looked_up if len(looked_up) > 1 else looked_up[0]


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


@functools.lru_cache(maxsize=32)
def count_text(text: str, alphabet: str, order: int) -> Counts:
    """:func:`count` for a checked text, remembered: fitting models of orders 0..8 (each
    interpolated model uses every order up to its own) counts each order of a text once. The
    arrays are read-only, as every model that shares them only reads them."""
    counts = count(as_codes(text, alphabet), order, len(alphabet) + 1)
    for array in vars(counts).values():
        array.flags.writeable = False
    return counts
