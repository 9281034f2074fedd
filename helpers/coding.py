r"""An arithmetic coder driven by a model's probabilities, and the standard compressors to beat.

A character given probability p by a model ideally costs −log2 p bits (notebook 02), so a whole
text costs the sum, n × the model's cross-entropy in bits per character. Arithmetic coding
writes no more than a couple of bytes over that sum for the whole text. Notebook 12 uses it to
turn the character models of :mod:`helpers.ngram` into real compressors.

    encode(text, model) -> bytes            the text, compressed with the model's probabilities
    decode(data, model, n) -> str           the first n characters back, exactly
    quantise(probabilities) -> frequencies  the integer frequencies both sides code with
    code_length(text, model)                the ideal size, Σ −log2 P(x_i | context), in bits
    stdlib_size(data, method, given="")     gzip / bz2 / xz (lzma) output sizes, optionally
                                            given a training text first (from
                                            :mod:`helpers.compressors`, re-exported here)

A *model* is any object with ``alphabet`` (a string of distinct characters), ``order`` (how many
preceding characters it looks at) and ``probabilities(context) -> array`` (the next character's
distribution over ``alphabet``, given at least the last ``order`` characters): an
:class:`~helpers.ngram.NgramModel`, or a :class:`FixedModel` for one distribution everywhere.

The coder works on integers only, so encoder and decoder agree exactly on every machine. Each
distribution is first quantised to integer frequencies f_x with total F ≤ 2^30,

.. math:: f_x = \lfloor p_x (2^{30} - 2K) \rfloor + 1 \text{ for } p_x > 0, \quad f_x = 0
          \text{ for } p_x = 0,

so the coder really codes with q_x = f_x / F; :func:`code_length` with ``quantised=True`` gives
that ideal size, and the difference from the model's own is printed in notebook 12 (it is tiny).
The coder keeps a 48-bit interval [low, high] and narrows it to each character's share (the
classic integer arithmetic coder of Witten, Neal and Cleary, 1987, in the formulation of Nayuki's
"Reference arithmetic coding"); equal leading bits of low and high are output as soon as they
are fixed. The output ends with one 1 bit, and trailing zero bytes are dropped (the decoder reads
zeros past the end). So the size is at most the ideal size plus about 2 bits plus a byte's padding
(plus ~2^-16 bit per character of rounding): at most 2 bytes over, for any text, checked by the
tests. It can be under: when the final interval holds a short binary fraction, the trailing
zeros dropped are bits the text never pays for ("bbbb" in the tests: one byte, 2.04 ideal).

>>> model = FixedModel("ab", [0.75, 0.25])
>>> data = encode("aaab" * 8, model)
>>> len(data), round(code_length("aaab" * 8, model) / 8, 2)   # bytes, and the ideal in bytes
(4, 3.25)
>>> decode(data, model, 32) == "aaab" * 8
True
"""

from __future__ import annotations

import bisect
import itertools
import math
import weakref
from array import array
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validation import SUM_TOLERANCE, as_distribution, real_number, shown
from .compressors import STDLIB_METHODS, deflate_size_with_dictionary, stdlib_size

__all__ = [
    "STDLIB_METHODS",
    "FixedModel",
    "code_length",
    "decode",
    "deflate_size_with_dictionary",
    "encode",
    "quantise",
    "stdlib_size",
]

#: Bits of the coder's interval (low and high are 48-bit integers).
STATE_BITS = 48
#: Frequencies of one distribution add up to at most 2^FREQUENCY_BITS.
FREQUENCY_BITS = 30

_FULL = (1 << STATE_BITS) - 1
_HALF = 1 << (STATE_BITS - 1)
_QUARTER = 1 << (STATE_BITS - 2)


@dataclass(frozen=True)
class FixedModel:
    """A model that predicts the same distribution after every context (order 0).

    >>> FixedModel("xy", [0.5, 0.5]).probabilities("anything")
    array([0.5, 0.5])
    """

    alphabet: str
    distribution: tuple[float, ...]
    order: int = 0

    def __init__(self, alphabet: str, distribution: ArrayLike) -> None:
        _check_alphabet(alphabet)
        p = as_distribution(distribution, "distribution")
        if p.shape != (len(alphabet),):
            raise ValueError(
                f"distribution has shape {p.shape}; it needs one probability per character "
                f"of the {len(alphabet)}-character alphabet"
            )
        object.__setattr__(self, "alphabet", alphabet)
        object.__setattr__(self, "distribution", tuple(p.tolist()))
        object.__setattr__(self, "order", 0)

    def probabilities(self, context: str = "") -> NDArray[np.float64]:
        """The fixed distribution, whatever the context."""
        return np.array(self.distribution)


def _check_alphabet(alphabet: object) -> str:
    if not isinstance(alphabet, str) or not alphabet:
        raise ValueError(
            f"alphabet must be a non-empty string of characters, got {shown(alphabet)}"
        )
    if len(set(alphabet)) != len(alphabet):
        raise ValueError("alphabet has a repeated character; each must appear once")
    if len(alphabet) >= 1 << (FREQUENCY_BITS - 2):
        raise ValueError(f"alphabet has {len(alphabet)} characters; the coder takes < 2^28")
    return alphabet


def _check_model(model: object) -> tuple[str, int]:
    alphabet = getattr(model, "alphabet", None)
    order = getattr(model, "order", None)
    if alphabet is None or order is None or not callable(getattr(model, "probabilities", None)):
        raise ValueError(
            "model must have an alphabet, an order and a probabilities(context) method "
            f"(an NgramModel or a FixedModel), got {type(model).__name__}"
        )
    _check_alphabet(alphabet)
    return alphabet, real_number(order, "model.order", low=0, integer=True)


def _check_text(text: object, alphabet: str) -> str:
    if not isinstance(text, str):
        raise ValueError(f"text must be a string, got {type(text).__name__}")
    allowed = set(alphabet)
    for position, ch in enumerate(text):
        if ch not in allowed:
            raise ValueError(f"text[{position}] = {ch!r} is not in the model's alphabet")
    return text


def quantise(probabilities: ArrayLike) -> NDArray[np.int64]:
    r"""Integer frequencies for a distribution, as the coder uses them:

    .. math:: f_x = \lfloor p_x (2^{30} - 2K) \rfloor + 1 \ (p_x > 0), \qquad f_x = 0 \ (p_x = 0)

    after rescaling p to sum to exactly 1. Every possible character keeps a frequency ≥ 1, an
    impossible one gets 0, and the total stays below 2^30.

    >>> quantise([0.5, 0.5, 0.0]).tolist()
    [536870910, 536870910, 0]
    """
    p = as_distribution(probabilities, "probabilities")
    if p.ndim != 1:
        raise ValueError(f"probabilities must be one distribution (1-D), got shape {p.shape}")
    if p.size >= 1 << (FREQUENCY_BITS - 2):
        raise ValueError(f"{p.size} probabilities; the coder takes fewer than 2^28")
    return _frequencies(p)


def _frequencies(p: NDArray[np.float64]) -> NDArray[np.int64]:
    """The formula of :func:`quantise` along the last axis, on checked distributions: the one
    copy the coder's three paths (one row, the inner loop, all rows at once) share, so encoder
    and decoder tables stay identical."""
    scale = (1 << FREQUENCY_BITS) - 2 * p.shape[-1]
    return np.floor(p / p.sum(axis=-1, keepdims=True) * scale).astype(np.int64) + (p > 0)


#: Each model's cumulative frequency tables by context, shared by encode, decode, code_length.
_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _fast_quantise(p: NDArray[np.float64]) -> NDArray[np.int64]:
    """:func:`quantise` for the coder's inner loop: the full checks only when a quick one fails."""
    if (
        p.ndim == 1
        and p.dtype == np.float64
        and p.size < 1 << (FREQUENCY_BITS - 2)
        and p.min() >= 0.0
        and abs(p.sum() - 1.0) <= SUM_TOLERANCE  # NaN fails here
    ):
        return _frequencies(p)
    return quantise(p)


class _Tables:
    """Cumulative frequency tables per context, computed once per distinct context."""

    def __init__(self, model: object, order: int) -> None:
        self.model, self.order = model, order
        try:
            self.cache = _TABLES.setdefault(model, {})
        except TypeError:  # a model that cannot be weakly referenced or hashed: no sharing
            self.cache = {}

    def prefill(self, text: str) -> None:
        """Build the tables of all of ``text``'s contexts at once, where the model can list them
        with their probabilities (:meth:`helpers.ngram.NgramModel.context_probabilities`): the
        same tables as one context at a time, ~8x faster. Rows the quick checks reject are left
        to :meth:`__call__`, which checks fully and says what is wrong."""
        batch = getattr(self.model, "context_probabilities", None)
        if not callable(batch) or not text:
            return
        contexts, rows = batch(text)
        fresh = [i for i, context in enumerate(contexts) if context not in self.cache]
        rows = np.asarray(rows, dtype=np.float64)[fresh]
        if rows.ndim != 2 or rows.shape[1] != len(self.model.alphabet) or not rows.size:
            return
        good = (rows.min(axis=1) >= 0) & (np.abs(rows.sum(axis=1) - 1.0) <= SUM_TOLERANCE)
        with np.errstate(invalid="ignore"):  # rows with NaN are not good, and not kept
            frequencies = _frequencies(rows)
        cumulative = np.zeros((len(fresh), rows.shape[1] + 1), dtype=np.int64)
        np.cumsum(frequencies, axis=1, out=cumulative[:, 1:])
        for i, row, ok in zip(fresh, cumulative, good.tolist(), strict=True):
            if ok:
                self.cache[contexts[i]] = array("q", row.tobytes())

    def __call__(self, context: str) -> array:
        context = context[max(0, len(context) - self.order) :] if self.order else ""
        table = self.cache.get(context)
        if table is None:
            p = np.asarray(self.model.probabilities(context))
            frequencies = _fast_quantise(p)
            if frequencies.shape != (len(self.model.alphabet),):
                raise ValueError(
                    f"model.probabilities({context!r}) has {frequencies.size} entries; the "
                    f"alphabet has {len(self.model.alphabet)} characters"
                )
            table = array("q")  # 8 bytes a number; indexing gives Python ints (no overflow)
            table.frombytes(
                np.concatenate(([0], np.cumsum(frequencies))).astype(np.int64).tobytes()
            )
            self.cache[context] = table
        return table


def code_length(text: str, model: object, *, quantised: bool = False) -> float:
    r"""The ideal size of ``text`` coded with the model, in bits:

    .. math:: L = \sum_{i=1}^{n} -\log_2 P(x_i \mid x_{i-k} \ldots x_{i-1})

    (n × the cross-entropy in bits per character). With ``quantised=True``, P is replaced by the
    integer frequencies the coder really uses (:func:`quantise`). ``inf`` if the model gives some
    character of the text probability 0.

    >>> code_length("aab", FixedModel("ab", [0.5, 0.5]))
    3.0
    """
    alphabet, order = _check_model(model)
    _check_text(text, alphabet)
    index = {ch: i for i, ch in enumerate(alphabet)}
    tables = _Tables(model, order)
    if quantised:
        tables.prefill(text)
    cached = tables.cache.get
    total = 0.0
    for i, ch in enumerate(text):
        context = text[max(0, i - order) : i]  # "" for order 0
        if quantised:
            cum = cached(context) or tables(context)
            share = (cum[index[ch] + 1] - cum[index[ch]]) / cum[-1]
        else:
            share = float(model.probabilities(context)[index[ch]])
        if share <= 0:
            return math.inf
        total -= math.log2(share)
    return total + 0.0


def encode(text: str, model: object) -> bytes:
    """Compress ``text`` with the model's probabilities by arithmetic coding.

    Deterministic (the same text and model always give the same bytes), at most 2 bytes more
    than :func:`code_length` ``(text, model, quantised=True) / 8`` (it can be less: see the
    module docstring). The output does not store the
    number of characters or the model: :func:`decode` needs both.

    Raises:
        ValueError: the model gives a character of the text probability 0 (no code can send an
            impossible character: its code length −log2 0 is infinite), a character outside the
            model's alphabet, a non-string text, or a model that is not a model.

    >>> encode("", FixedModel("ab", [0.5, 0.5]))
    b''
    >>> encode("abba", FixedModel("ab", [0.5, 0.5]))   # 1 bit per character: 0110, then a 1
    b'h'
    """
    alphabet, order = _check_model(model)
    _check_text(text, alphabet)
    if not text:
        return b""
    index = {ch: i for i, ch in enumerate(alphabet)}
    tables = _Tables(model, order)
    tables.prefill(text)
    cached = tables.cache.get  # the inner loop asks the cache first, the model only on a miss
    bits: list[int] = []
    send = bits.append
    pending = 0  # underflow bits: the opposite of the next fixed bit, not yet known
    low, high = 0, _FULL
    for i, ch in enumerate(text):
        context = text[max(0, i - order) : i]  # "" for order 0
        cum = cached(context) or tables(context)
        symbol = index[ch]
        start, stop, total = cum[symbol], cum[symbol + 1], cum[-1]
        if start == stop:
            raise ValueError(
                f"the model gives text[{i}] = {ch!r} probability 0 after {context!r}: "
                "an impossible character has an infinite code length and cannot be coded"
            )
        width = high - low + 1
        low, high = low + start * width // total, low + stop * width // total - 1
        while not (low ^ high) & _HALF:  # the top bit is fixed: send it
            bit = low >> (STATE_BITS - 1)
            send(bit)
            if pending:
                bits.extend([bit ^ 1] * pending)
                pending = 0
            low, high = (low << 1) & _FULL, ((high << 1) & _FULL) | 1
        while low & ~high & _QUARTER:  # low = 01…, high = 10…: postpone the bit
            pending += 1
            low, high = (low << 1) ^ _HALF, ((high ^ _HALF) << 1) | _HALF | 1
    bits.append(1)  # a value inside [low, high]: 1 then zeros is the middle (and pending 0s)
    return np.packbits(np.array(bits, dtype=np.uint8)).tobytes().rstrip(b"\0")


def decode(data: bytes, model: object, n: int) -> str:
    """The first ``n`` characters coded in ``data`` by :func:`encode` with the same model.

    Any bytes decode to *some* text (this is a decoder, not a checker); with the model and ``n``
    used to encode them, exactly the original.

    Raises:
        ValueError: data that is not bytes, ``n`` not a whole number ≥ 0, or an invalid model.

    >>> decode(b'h', FixedModel("ab", [0.5, 0.5]), 4)
    'abba'
    """
    alphabet, order = _check_model(model)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ValueError(f"data must be bytes, got {type(data).__name__}")
    n = real_number(n, "n", low=0, integer=True)
    stream = np.unpackbits(np.frombuffer(bytes(data), dtype=np.uint8)).tolist()
    next_bit = itertools.chain(stream, itertools.repeat(0)).__next__  # zeros past the end
    tables = _Tables(model, order)
    cached = tables.cache.get
    out: list[str] = []
    context = ""  # the last ``order`` characters decoded
    low, high, code = 0, _FULL, 0
    for _ in range(STATE_BITS):
        code = (code << 1) | next_bit()
    for _ in range(int(n)):
        cum = cached(context) or tables(context)
        total, width = cum[-1], high - low + 1
        value = ((code - low + 1) * total - 1) // width
        symbol = bisect.bisect_right(cum, value) - 1
        ch = alphabet[symbol]
        out.append(ch)
        if order:
            context = context[1:] + ch if len(context) == order else context + ch
        start, stop = cum[symbol], cum[symbol + 1]
        low, high = low + start * width // total, low + stop * width // total - 1
        while not (low ^ high) & _HALF:
            low, high = (low << 1) & _FULL, ((high << 1) & _FULL) | 1
            code = ((code << 1) & _FULL) | next_bit()
        while low & ~high & _QUARTER:
            low, high = (low << 1) ^ _HALF, ((high ^ _HALF) << 1) | _HALF | 1
            code = (code & _HALF) | ((code << 1) & (_FULL >> 1)) | next_bit()
    return "".join(out)
