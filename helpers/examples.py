"""The tutorial's example data, in one place: every notebook and test reads it from here.

Colour events: P is the true distribution of a random colour, Q a model's approximation of it.
Binary loss: ten samples with their true labels and the model's predicted probability of class 1
(predicted *probabilities*, not predicted labels).

>>> dict(zip(COLOURS, P))
{'red': 0.1, 'green': 0.4, 'blue': 0.5}
>>> len(Y_TRUE) == len(Y_PROB) == 10
True
"""

from __future__ import annotations

__all__ = ["COLOURS", "Y_PROB", "Y_TRUE", "P", "Q"]

#: The three events of the colour example.
COLOURS: tuple[str, ...] = ("red", "green", "blue")
#: True (target) distribution over COLOURS.
P: tuple[float, ...] = (0.10, 0.40, 0.50)
#: A model's approximating distribution over COLOURS.
Q: tuple[float, ...] = (0.80, 0.15, 0.05)

#: True class labels of the 10-sample binary example.
Y_TRUE: tuple[int, ...] = (1, 1, 1, 1, 1, 0, 0, 0, 0, 0)
#: Predicted probability of class 1 for each of those samples.
Y_PROB: tuple[float, ...] = (0.8, 0.9, 0.9, 0.6, 0.8, 0.1, 0.4, 0.2, 0.1, 0.3)
