"""The figures of the worked examples under their first module name: re-exports only.

They live in :mod:`.distributions` (two distributions; H(P, Q) = H(P) + KL(P‖Q) as bars),
:mod:`.sampling` (04: a sample against P and Q) and :mod:`.sample_losses` (05: each sample's
loss); this name stays because notebook 04 calls ``helpers.plotting.examples.plot_…``.
"""

from __future__ import annotations

from .distributions import (
    DistributionArtists,
    draw_distributions,
    plot_cross_entropy_totals,
    plot_distributions,
)
from .sample_losses import SampleLossArtists, draw_sample_losses, plot_sample_losses
from .sampling import (
    plot_running_cross_entropy,
    plot_sample_histogram,
    plot_train_test_cross_entropy,
)

__all__ = [
    "DistributionArtists",
    "SampleLossArtists",
    "draw_distributions",
    "draw_sample_losses",
    "plot_cross_entropy_totals",
    "plot_distributions",
    "plot_running_cross_entropy",
    "plot_sample_histogram",
    "plot_sample_losses",
    "plot_train_test_cross_entropy",
]
