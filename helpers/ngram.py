r"""Character n-gram language models: the next character's probability from the last k characters.

A k-th order model (an "(k+1)-gram" model) predicts each character from the k characters before
it, using counts from a training text. Notebook 12 fits models of growing order, measures their
cross-entropy in bits per character, and turns them into compressors (:mod:`helpers.coding`).

    fit(text, order, alpha, interpolated=False)   count the training text, smooth, return a model
    model.probabilities(context)                  P(next character | context), over the alphabet
    model.code_lengths(text)                      −log2 P(x_i | the k characters before), per char
    model.cross_entropy(text)                     their mean, in bits per character
    model.perplexity(text)                        2 ** cross-entropy
    split_text(text, held_out)                    a deterministic training / held-out split

Smoothing, so that no character of the alphabet ever gets probability 0 (an unseen character
would otherwise cost −log2 0 = ∞ bits, and no coder could send it):

- **add-α** (Lidstone; α = 1 is Laplace): with n(c, x) the number of times character x followed
  context c in training, n(c) = Σ_x n(c, x), and K characters in the alphabet,

  .. math:: P(x \mid c) = \frac{n(c, x) + \alpha}{n(c) + \alpha K}

  A context never seen in training gets the uniform distribution 1/K.
- **interpolated** (Witten–Bell): each order mixes its counts with the order below,
  with T(c) the number of distinct characters seen after c,

  .. math:: P_j(x \mid c) = \frac{n(c, x) + T(c)\, P_{j-1}(x \mid c')}{n(c) + T(c)}

  where c' drops the oldest character of c; an unseen context uses P_{j−1} as it is, and order 0
  is the add-α unigram. The longer the context's history, the more its own counts are trusted.

At the start of a text the first characters have fewer than k predecessors; the missing ones are
a "start of text" symbol outside the alphabet, so the model learns how texts begin.

>>> model = fit("abracadabra", order=1, alpha=0.5, alphabet="abcdr")
>>> model.probabilities("a").round(3).tolist()   # after "a": b twice, c once, d once
[0.077, 0.385, 0.231, 0.231, 0.077]
>>> round(model.cross_entropy("abracadabra"), 3), round(model.perplexity("abracadabra"), 3)
(1.277, 2.423)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from . import _ngram_counts as counting
from ._validation import real_number, shown
from .likelihood import perplexity as _perplexity

__all__ = ["ALPHABET", "NgramModel", "fit", "max_order", "split_text"]

#: The course's alphabet: the newline and the 95 printable ASCII characters (space to ``~``).
ALPHABET = "\n" + "".join(chr(i) for i in range(32, 127))
#: The range add-α's α may take: smaller would round probabilities to 0, larger to uniform.
ALPHA_RANGE = (1e-9, 1e9)


def _check_alphabet(alphabet: object) -> str:
    if not isinstance(alphabet, str) or not alphabet:
        raise ValueError(
            f"alphabet must be a non-empty string of characters, got {shown(alphabet)}"
        )
    if len(set(alphabet)) != len(alphabet):
        seen: set[str] = set()
        twice = next(ch for ch in alphabet if ch in seen or seen.add(ch))
        raise ValueError(f"alphabet lists {twice!r} twice; each character must appear once")
    return alphabet


def max_order(alphabet: str = ALPHABET) -> int:
    """The highest order :func:`fit` supports for an alphabet: each n-gram is stored as one
    64-bit integer, a number in base K + 1 (K characters and the start-of-text symbol).

    >>> max_order(), max_order("01")
    (8, 38)
    """
    base = len(_check_alphabet(alphabet)) + 1
    order = 0
    while base ** (order + 2) < 2**63:
        order += 1
    return order


@dataclass(frozen=True, eq=False)
class NgramModel:
    """A fitted character model; make one with :func:`fit`.

    Attributes:
        alphabet: the characters it predicts, in the order of :meth:`probabilities`.
        order: how many preceding characters it looks at (0 = a unigram model).
        alpha: the add-α pseudo-count (with ``interpolated``, used at order 0 only).
        interpolated: Witten–Bell interpolation with every lower order, or plain add-α.
        n_train: the number of training characters.
    """

    alphabet: str
    order: int
    alpha: float
    interpolated: bool
    n_train: int
    _levels: tuple[counting.Counts, ...] = field(repr=False)
    _memo: dict[str, NDArray[np.float64]] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        """A short label, e.g. ``"order 2, add-α 0.1"``."""
        smoothing = "interpolated" if self.interpolated else f"add-α {self.alpha:g}"
        return f"order {self.order}, {smoothing}"

    def __repr__(self) -> str:
        return f"NgramModel({self.name}, {len(self.alphabet)} characters, {self.n_train} trained)"

    def _mix(self, level: int, previous, counts, totals, types):
        """One order's probabilities from its counts and (interpolated) the order below's."""
        k = len(self.alphabet)
        if level == 0 or not self.interpolated:
            return (counts + self.alpha) / (totals + self.alpha * k)
        mixed = (counts + types * previous) / np.maximum(totals + types, 1)
        return np.where(totals > 0, mixed, previous)

    @functools.cached_property
    def _index(self) -> dict[str, int]:
        return {ch: i for i, ch in enumerate(self.alphabet)}

    def _used_levels(self) -> range:
        return range(self.order + 1) if self.interpolated else range(self.order, self.order + 1)

    def probabilities(self, context: str = "") -> NDArray[np.float64]:
        r"""P(next character | context) for every character of the alphabet (sums to 1).

        Only the last ``order`` characters of ``context`` matter (and only they are read and
        checked); a shorter context means the start of a text.

        >>> model = fit("aab", order=1, alpha=1.0, alphabet="ab")
        >>> model.probabilities("a").tolist()      # after "a": a once, b once -> (1+1)/(2+2)
        [0.5, 0.5]
        >>> model.probabilities("").tolist()       # at the start: a once -> (1+1)/(1+2), 1/3
        [0.6666666666666666, 0.3333333333333333]
        """
        base, k = len(self.alphabet) + 1, len(self.alphabet)
        if not isinstance(context, str):
            raise ValueError(f"context must be a string, got {type(context).__name__}")
        full, context = context, context[max(0, len(context) - self.order) :]
        if context in self._memo:  # the coder asks for the same contexts again and again
            return self._memo[context]
        try:
            recent = counting.as_codes(context, self.alphabet, "context", self._index)
        except ValueError:  # say where in the context as given
            counting.as_codes(full, self.alphabet, "context", self._index)
            raise
        p = np.full(k, 1.0 / k)
        for level in self._used_levels():
            counts = self._levels[level]
            known = recent[recent.size - min(level, recent.size) :].tolist()
            key = 0
            for digit in [base - 1] * (level - len(known)) + known:  # oldest = highest digit
                key = key * base + digit
            lo, hi = np.searchsorted(counts.ngram_keys, [key * base, key * base + k])
            vector = np.zeros(k, dtype=np.int64)
            vector[counts.ngram_keys[lo:hi] - key * base] = counts.ngram_counts[lo:hi]
            total = int(counts.ngram_counts[lo:hi].sum())
            p = self._mix(level, p, vector, total, hi - lo)
        p.flags.writeable = False  # shared by every caller: read-only
        self._memo[context] = p
        return p

    def char_probabilities(self, text: str) -> NDArray[np.float64]:
        """P(x_i | the ``order`` characters before it) for every character of ``text``, read as a
        text of its own (its first characters have the start of text as context).

        >>> fit("abab", order=1, alpha=1.0, alphabet="ab").char_probabilities("ab").tolist()
        [0.6666666666666666, 0.75]
        """
        codes = counting.as_codes(text, self.alphabet, "text", self._index)
        base = len(self.alphabet) + 1
        p = np.full(codes.size, 1.0 / len(self.alphabet))
        for level in self._used_levels():
            counts = self._levels[level]
            contexts = counting.position_keys(codes, level, base)
            seen = counting.lookup(counts.ngram_keys, contexts * base + codes, counts.ngram_counts)
            totals, types = counting.lookup(
                counts.context_keys, contexts, counts.context_totals, counts.context_types
            )
            p = self._mix(level, p, seen, totals, types)
        return p

    def context_probabilities(self, text: str) -> tuple[list[str], NDArray[np.float64]]:
        """Every distinct context in ``text`` (the ``order`` characters before each position,
        fewer at its start), in order of first appearance, with its row of
        :meth:`probabilities`: the same numbers, computed for all the contexts at once. The
        arithmetic coder (:mod:`helpers.coding`) builds its tables from them.

        >>> model = fit("abab", order=1, alpha=1.0, alphabet="ab")
        >>> contexts, rows = model.context_probabilities("abba")
        >>> contexts, rows.tolist() == [model.probabilities(c).tolist() for c in contexts]
        (['', 'a', 'b'], True)
        """
        codes = counting.as_codes(text, self.alphabet, "text", self._index)
        base, k = len(self.alphabet) + 1, len(self.alphabet)
        _, first = np.unique(counting.position_keys(codes, self.order, base), return_index=True)
        first = np.sort(first)  # where each distinct context first appears
        p = np.full((first.size, k), 1.0 / k)
        for level in self._used_levels():
            counts = self._levels[level]
            keys = counting.position_keys(codes, level, base)[first] * base
            lo, hi = (np.searchsorted(counts.ngram_keys, keys + end) for end in (0, k))
            types = hi - lo  # distinct characters seen after each context
            row = np.repeat(np.arange(first.size), types)
            at = np.arange(types.sum()) - np.repeat(np.cumsum(types) - types - lo, types)
            vector = np.zeros((first.size, k), dtype=np.int64)
            vector[row, counts.ngram_keys[at] - keys[row]] = counts.ngram_counts[at]
            p = self._mix(level, p, vector, vector.sum(axis=1, keepdims=True), types[:, None])
        contexts = [text[max(0, i - self.order) : i] if self.order else "" for i in first.tolist()]
        return contexts, p

    def context_counts(self, text: str) -> NDArray[np.int64]:
        """For every character of ``text``, how often its context (the ``order`` characters
        before it) occurred in the training text: 0 means the model never saw that context, and
        add-α then falls back to the uniform 1/K.

        >>> fit("abab", order=1, alpha=1.0, alphabet="abc").context_counts("acb").tolist()
        [1, 2, 0]
        """
        codes = counting.as_codes(text, self.alphabet, "text", self._index)
        contexts = counting.position_keys(codes, self.order, len(self.alphabet) + 1)
        counts = self._levels[self.order]
        return counting.lookup(counts.context_keys, contexts, counts.context_totals)

    def code_lengths(self, text: str) -> NDArray[np.float64]:
        r"""Each character's ideal code length under the model, in bits:
        :math:`-\log_2 P(x_i \mid x_{i-k} \ldots x_{i-1})`.

        >>> fit("ab", order=0, alpha=1.0, alphabet="ab").code_lengths("ab").tolist()
        [1.0, 1.0]
        """
        return -np.log2(self.char_probabilities(text))

    def cross_entropy(self, text: str) -> float:
        r"""Cross-entropy of the model on ``text``, in bits per character:

        .. math:: H = -\frac{1}{n} \sum_{i=1}^{n} \log_2 P(x_i \mid x_{i-k} \ldots x_{i-1})

        the average code length an ideal coder driven by the model spends per character.

        Raises:
            ValueError: an empty text (no characters to average over), a non-string, or a
                character outside the alphabet.

        >>> fit("abab", order=0, alpha=1.0, alphabet="ab").cross_entropy("aaaa")
        1.0
        """
        lengths = self.code_lengths(text)
        if lengths.size == 0:
            raise ValueError("text is empty: a cross-entropy is a mean over at least one character")
        return float(lengths.mean()) + 0.0

    def perplexity(self, text: str) -> float:
        r"""Perplexity on ``text``: :math:`2^{H}` with H the cross-entropy in bits per character,
        the effective number of equally likely next characters.

        >>> fit("abcd", order=0, alpha=1.0, alphabet="abcd").perplexity("dcba")
        4.0
        """
        return float(_perplexity(self.cross_entropy(text), base=2))


def _check_order(order: object, alphabet: str) -> int:
    highest = max_order(alphabet)
    requirement = f"an integer from 0 to {highest} for a {len(alphabet)}-character alphabet"
    return real_number(order, "order", low=0, high=highest, integer=True, requirement=requirement)


def _check_alpha(alpha: object) -> float:
    low, high = ALPHA_RANGE
    requirement = f"a number between {low:g} and {high:g}"
    return real_number(alpha, "alpha", low=low, high=high, requirement=requirement)


def fit(
    text: str,
    order: int,
    alpha: float = 1.0,
    *,
    interpolated: bool = False,
    alphabet: str = ALPHABET,
) -> NgramModel:
    r"""Fit a character model of the given order to a training text.

    Counts every (context, next character) pair of ``text``, for the orders the model uses, and
    smooths them with add-α or Witten–Bell interpolation (module docstring) so that every
    character of ``alphabet`` gets a probability > 0 in every context.

    Args:
        text: the training text; every character must be in ``alphabet``.
        order: the number k of preceding characters the model looks at (0 = unigram), up to
            :func:`max_order`.
        alpha: add-α's pseudo-count, between 1e-9 and 1e9 (1 = Laplace).
        interpolated: mix every order 0..k (Witten–Bell) instead of using order k alone.
        alphabet: the characters the model predicts (default: :data:`ALPHABET`).

    Raises:
        ValueError: an empty or non-string text, a character outside the alphabet, an order or
            alpha out of range, an alphabet with a repeated character.

    >>> model = fit("hello", order=2, alpha=0.5, alphabet="ehlo")
    >>> model
    NgramModel(order 2, add-α 0.5, 4 characters, 5 trained)
    >>> float(model.probabilities("el")[2])        # "el" was followed by "l" once: 1.5 / 3
    0.5
    """
    alphabet = _check_alphabet(alphabet)
    order = _check_order(order, alphabet)
    alpha = _check_alpha(alpha)
    if not isinstance(interpolated, bool):
        raise ValueError(f"interpolated must be True or False, got {shown(interpolated)}")
    codes = counting.as_codes(text, alphabet)
    if codes.size == 0:
        raise ValueError("text is empty: there is nothing to count")
    levels = tuple(
        counting.count_text(text, alphabet, level) if interpolated or level == order else None
        for level in range(order + 1)
    )
    return NgramModel(alphabet, order, alpha, interpolated, int(codes.size), levels)


def split_text(text: str, held_out: float = 0.15) -> tuple[str, str]:
    """Split a text into training and held-out parts: the held-out part is (about) the last
    ``held_out`` fraction, starting at the beginning of a line so no line is cut in two.

    Deterministic: the same text always splits at the same place. ``train + held`` is ``text``.

    >>> split_text("one\\ntwo\\nthree\\nfour\\n", held_out=0.3)
    ('one\\ntwo\\nthree\\n', 'four\\n')
    """
    if not isinstance(text, str) or not text:
        raise ValueError("text must be a non-empty string")
    fraction = real_number(
        held_out,
        "held_out",
        low=0,
        high=1,
        low_open=True,
        high_open=True,
        requirement="a fraction between 0 and 1",
    )
    cut = round(len(text) * (1 - fraction))
    newline = text.find("\n", cut)
    if 0 <= newline < len(text) - 1:
        cut = newline + 1
    if not 0 < cut < len(text):
        raise ValueError(f"text of {len(text)} characters is too short to split")
    return text[:cut], text[cut:]
