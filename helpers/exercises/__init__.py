"""Checks for the notebooks' exercises, which say "correct", "not answered yet" or give a hint.

``helpers.exercises.check_…(answer)`` returns a :class:`Feedback` and never raises, so a
notebook with unanswered exercises still runs top to bottom.

One module per notebook; the expected answers are computed with ``helpers``, never typed in.
"""

from ._binary import *  # noqa: F403  (05_binary_cross_entropy)
from ._calibration import *  # noqa: F403  (11_calibration_and_proper_scoring)
from ._colours import *  # noqa: F403  (04_colour_events)
from ._compression import *  # noqa: F403  (12_cross_entropy_is_compression)
from ._core import Feedback, check_number
from ._cross_entropy import *  # noqa: F403  (02_cross_entropy)
from ._divergences import *  # noqa: F403  (10_soft_targets_and_divergences)
from ._entropy import *  # noqa: F403  (01_entropy)
from ._frameworks import *  # noqa: F403  (09_cross_entropy_in_the_frameworks)
from ._kl import *  # noqa: F403  (03_kl_divergence)
from ._likelihood import *  # noqa: F403  (06_log_loss_and_likelihood)
from ._practice import *  # noqa: F403  (08_cross_entropy_in_practice)
from ._quiz import *  # noqa: F403  (the quiz bank, data/quiz.toml: quiz, quiz_answer)
from ._reading import *  # noqa: F403  (07_reading_cross_entropy_values)

__all__ = [  # check_number once, then every notebook's checks
    "Feedback",
    "check_number",
    *sorted(name for name in dir() if name.startswith("check_") and name != "check_number"),
]
