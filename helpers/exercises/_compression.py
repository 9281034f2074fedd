"""Exercise checks for 12_cross_entropy_is_compression: sizes, KL differences, what a bound says.

Every expected value is computed from the exercise's numbers with :mod:`helpers`; the hints name
the usual slips (nats for bits, bits for bytes, perplexity read as bits, the entropy taken as
known).
"""

from __future__ import annotations

import math

from ..likelihood import perplexity
from ._core import Feedback, check_number

__all__ = ["check_entropy_bound_choice", "check_kl_difference", "check_size_from_perplexity"]

#: Exercise 1: a model's perplexity on a text, and the text's length in characters.
PERPLEXITY = 8.0
N_CHARS = 4000
#: Exercise 2: two models' held-out cross-entropies on the same text, in bits per character.
CE_MODEL_A = 3.2
CE_MODEL_B = 2.5
#: Exercise 3: the statements about the source's entropy; the true one is number 2.
ENTROPY_STATEMENTS = {
    1: "the source's entropy is 2.49 bits/char",
    2: "the source's entropy is at most about 2.49 bits/char",
    3: "the source's entropy is at least 2.49 bits/char",
    4: "the model's KL divergence from the source is 2.49 bits/char",
}
TRUE_STATEMENT = 2


def check_size_from_perplexity(answer: object) -> Feedback:
    """Exercise 1: the bytes an ideal coder needs for 4 000 characters at perplexity 8.

    .. math:: \\text{bits} = n \\times H, \\qquad \\mathrm{PP} = 2^H

    >>> check_size_from_perplexity(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    bits_per_char = math.log2(PERPLEXITY)  # the cross-entropy whose perplexity 2^H is 8
    return check_number(
        answer,
        N_CHARS * bits_per_char / 8,
        tolerance=3,
        unit="bytes",
        mistakes=[
            (N_CHARS * bits_per_char, "That is the size in bits; a byte is 8 bits."),
            (
                N_CHARS * math.log(PERPLEXITY) / 8,
                "That uses ln 8, nats; code lengths in bits need log2 8 = 3.",
            ),
            (N_CHARS * PERPLEXITY / 8, "Perplexity is not bits per character: log2 of it is."),
            (N_CHARS * PERPLEXITY, "Perplexity is not bits per character: log2 of it is."),
        ],
        hint="Perplexity 8 means log2 8 = 3 bits per character; multiply by the characters and "
        "divide by 8 bits per byte.",
    )


def check_kl_difference(answer: object) -> Feedback:
    """Exercise 2: by how much model B's KL divergence from the source is smaller than A's.

    .. math:: H(P, Q) = H(P) + \\mathrm{KL}(P \\| Q)

    >>> check_kl_difference(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        CE_MODEL_A - CE_MODEL_B,
        tolerance=1e-3,
        unit="bits",
        mistakes=[
            (CE_MODEL_B - CE_MODEL_A, "B is the better model: its KL divergence is the smaller."),
            (CE_MODEL_A / CE_MODEL_B, "Cross-entropies differ by a difference, not a ratio."),
            (
                perplexity(CE_MODEL_A, base=2) - perplexity(CE_MODEL_B, base=2),
                "That is a difference of perplexities; the question is in bits per character.",
            ),
        ],
        hint="Each cross-entropy is H(P) + KL(P‖Q); the unknown H(P) is the same for both "
        "models, so it cancels in the difference.",
    )


def check_entropy_bound_choice(answer: object) -> Feedback:
    """Exercise 3: which statement follows from a model's held-out 2.49 bits per character.

    >>> check_entropy_bound_choice(...)
    Not answered yet: replace the ... with your answer and run the cell.
    """
    return check_number(
        answer,
        TRUE_STATEMENT,
        tolerance=0,
        mistakes=[
            (1, "That would need KL(P‖Q) = 0, a perfect model; nothing says this one is."),
            (3, "The other way round: cross-entropy = entropy + KL, and KL ≥ 0."),
            (4, "The cross-entropy is entropy + KL; the KL part alone is smaller, and unknown."),
        ],
        hint="Answer with the number of the statement: 1, 2, 3 or 4.",
    )
