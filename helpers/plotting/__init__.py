"""The course's figures, one module per topic, in one consistent style.

Importing this package imports matplotlib (``helpers`` itself does not): reach it as
``helpers.plotting`` and it loads on first use. Importing it changes no matplotlib setting:
every figure function is decorated with :func:`styled` and draws in the course style
(:data:`STYLE`) itself; :func:`apply_style` applies it globally, for a learner's own figures.

Every ``plot_…`` function validates its input first (a ``ValueError`` saying what and where,
before any figure exists), draws, and returns the matplotlib ``Figure`` (in a notebook, assign
it — ``fig = helpers.plotting.…`` — and JupyterLab shows it once, below the cell). Those that
draw one axes take ``ax=`` to draw into an existing axes instead. The ``draw_…`` functions draw
into a given axes and return the artists an explorer moves (:mod:`helpers.widgets`).

Topics, in the order of the series:

- :mod:`.surprise` (01): the surprise −log₂ P(x) of an event, the binary-entropy curve.
- :mod:`.distributions` (02, 04, 08): two distributions side by side, H(P, Q) = H(P) + KL(P‖Q).
- :mod:`.code_lengths` (02): code lengths as areas, P's own code against Q's.
- :mod:`.kl_decomposition` (03): each event's KL term, H(P, Q) and KL(P‖Q) over a family of Q.
- :mod:`.sampling` (04): a sample against P and Q, the running average, training vs held out.
- :mod:`.sample_losses` (05): each sample's binary cross-entropy and their mean.
- :mod:`.likelihood` (06): a loss against one parameter; a Gaussian NLL against the MSE.
- :mod:`.reading` (07): −ln p, clipping near 0, the no-skill log loss.
- :mod:`.practice` (08): gradients with respect to the logit, learning curves, label smoothing.
- :mod:`.frameworks` (09): softmax applied twice, the focal loss.
- :mod:`.divergences` (10): soft targets, forward and reverse KL fits, information quantities.
- :mod:`.calibration` (11): proper scoring rules, reliability diagrams, temperature scaling.
- :mod:`.coding` (12): cross-entropy against model order, compressed sizes.
"""

from __future__ import annotations

from ._style import (
    EXTRA_COLOUR,
    P_COLOUR,
    Q_COLOUR,
    STYLE,
    apply_style,
    course_style,
    figure_and_axes,
    label_bars,
    styled,
    subplots,
)
from .code_lengths import plot_code_length_overlay, plot_code_lengths
from .distributions import (
    DistributionArtists,
    draw_distributions,
    plot_cross_entropy_totals,
    plot_distributions,
)
from .kl_decomposition import plot_cross_entropy_vs_kl, plot_kl_decomposition
from .likelihood import plot_loss_curve, plot_nll_against_mse
from .practice import plot_label_smoothing_loss, plot_learning_curves, plot_logit_gradients
from .reading import plot_baseline_log_loss, plot_clipped_losses, plot_true_class_loss
from .sample_losses import SampleLossArtists, draw_sample_losses, plot_sample_losses
from .sampling import (
    plot_running_cross_entropy,
    plot_sample_histogram,
    plot_train_test_cross_entropy,
)
from .surprise import plot_binary_entropy, plot_surprise

__all__ = [
    "EXTRA_COLOUR",
    "P_COLOUR",
    "Q_COLOUR",
    "STYLE",
    "DistributionArtists",
    "SampleLossArtists",
    "apply_style",
    "course_style",
    "draw_distributions",
    "draw_sample_losses",
    "figure_and_axes",
    "label_bars",
    "plot_baseline_log_loss",
    "plot_binary_entropy",
    "plot_clipped_losses",
    "plot_code_length_overlay",
    "plot_code_lengths",
    "plot_cross_entropy_totals",
    "plot_cross_entropy_vs_kl",
    "plot_distributions",
    "plot_kl_decomposition",
    "plot_label_smoothing_loss",
    "plot_learning_curves",
    "plot_logit_gradients",
    "plot_loss_curve",
    "plot_nll_against_mse",
    "plot_running_cross_entropy",
    "plot_sample_histogram",
    "plot_sample_losses",
    "plot_surprise",
    "plot_train_test_cross_entropy",
    "plot_true_class_loss",
    "styled",
    "subplots",
]

# Topic modules added later (frameworks, divergences, calibration, coding) are re-exported here
# the same way: one ``from .<topic> import …`` line and their names in ``__all__``.
from .calibration import *  # noqa: F403  (11_calibration_and_proper_scoring)
from .coding import *  # noqa: F403  (12_cross_entropy_is_compression)
from .divergences import *  # noqa: F403  (10_soft_targets_and_divergences)
from .frameworks import *  # noqa: F403  (09_cross_entropy_in_the_frameworks)
