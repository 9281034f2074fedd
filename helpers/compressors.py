"""The standard library's compressors, measured: the sizes an arithmetic coder has to beat.

Notebook 12 compares the n-gram models' arithmetic coding (:mod:`helpers.coding`, which
re-exports these names) with gzip, bz2 and xz at fixed settings, so every size is deterministic.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib

from ._validation import shown

__all__ = ["STDLIB_METHODS", "deflate_size_with_dictionary", "stdlib_size"]

#: The standard library's compressors, with fixed settings so sizes are deterministic.
STDLIB_METHODS = {
    "gzip": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    "bz2": lambda data: bz2.compress(data, compresslevel=9),
    "xz": lambda data: lzma.compress(data, format=lzma.FORMAT_XZ, preset=9),
}


def stdlib_size(text: str, method: str, given: str = "") -> int:
    """Bytes the standard library's ``method`` ("gzip", "bz2" or "xz") needs for ``text``.

    With ``given`` (e.g. the training text), the size is
    ``size(given + text) − size(given)``: the extra bytes ``text`` costs once the compressor has
    seen ``given`` — as a model that was trained on ``given`` codes ``text``. None of the three
    takes a preset dictionary in Python's standard library except zlib's ``zdict`` (deflate, at
    most its 32 KiB window), so this difference is the one method that works for all three. The
    headers and checksums of each format are in both sizes and cancel.

    Text is encoded as UTF-8. Settings: gzip level 9 with mtime 0, bz2 level 9, xz preset 9.

    >>> stdlib_size("abc" * 100, "gzip") < 300
    True
    """
    if not isinstance(method, str) or method not in STDLIB_METHODS:
        raise ValueError(f"method must be one of {sorted(STDLIB_METHODS)}, got {shown(method)}")
    if not isinstance(text, str) or not isinstance(given, str):
        raise ValueError("text and given must be strings")
    compress = STDLIB_METHODS[method]
    size = len(compress((given + text).encode("utf-8")))
    if given:
        size -= len(compress(given.encode("utf-8")))
    return size


def deflate_size_with_dictionary(text: str, dictionary: str) -> int:
    """Bytes of raw deflate (gzip's method, level 9, no header or checksum) for ``text`` with
    ``dictionary`` as zlib's preset dictionary (``zdict``): deflate can refer back into its last
    32 KiB, so only that tail of ``dictionary`` is used. The one preset-dictionary mechanism in
    Python's standard compressors.

    >>> deflate_size_with_dictionary("abcabc", "abc") < deflate_size_with_dictionary("abcabc", "x")
    True
    """
    if not isinstance(text, str) or not isinstance(dictionary, str) or not dictionary:
        raise ValueError("text must be a string and dictionary a non-empty string")
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15, zdict=dictionary.encode("utf-8")[-32768:])
    return len(compressor.compress(text.encode("utf-8")) + compressor.flush())
