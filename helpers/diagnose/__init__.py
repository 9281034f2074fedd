r"""What is wrong with my loss inputs? :func:`diagnose` reads (y_true, y_pred) as a loss would.

Point it at your own arrays and say what the loss expects; it returns the likely problems in
plain words — labels outside [0, 1] (masks stored as 0/255), non-integer class indices, logits
passed where probabilities are expected (and the other way round), softmax or sigmoid applied
twice, one-hot rows where class indices are expected, a softmax on multi-label targets, NaN and
inf and where they come from. Every finding is a heuristic about *likely* wiring, stated with
the numbers that triggered it.

Contract: :func:`diagnose` never raises on odd *values* — NaN, inf, negative labels, wrong
shapes are exactly what it is there to describe. It raises ``ValueError`` only for input it
cannot read at all: an unknown ``expected``, or an array that is not numbers (strings, objects,
complex, ragged lists, masked arrays) or is empty. Booleans are read as 0/1.

Where things are (every name is re-exported here, so ``helpers.diagnose.X`` works):

    findings      EXPECTED (what each kind of loss input means), Finding and Diagnosis
    loss_inputs   diagnose(): reads the arrays, checks shapes per task, calls the checks below
    _labels       the checks of y_true: 0/1 labels, class indices, one-hot / soft target rows
    _predictions  the checks of y_pred: probabilities, probability rows, logits, certain-and-wrong
"""

from __future__ import annotations

from .findings import EXP_OVERFLOW as EXP_OVERFLOW  # a public constant, not in __all__ (as before)
from .findings import EXPECTED, Diagnosis, Finding
from .loss_inputs import diagnose

__all__ = ["EXPECTED", "Diagnosis", "Finding", "diagnose"]
