"""The figures of notebooks 01–03 under their first module name: re-exports only.

They live in :mod:`.surprise` (01), :mod:`.code_lengths` (02) and :mod:`.kl_decomposition` (03);
this name stays because notebook 02 calls ``helpers.plotting.information.plot_code_length_overlay``.
"""

from __future__ import annotations

from .code_lengths import plot_code_length_overlay, plot_code_lengths
from .kl_decomposition import plot_cross_entropy_vs_kl, plot_kl_decomposition
from .surprise import plot_binary_entropy, plot_surprise

__all__ = [
    "plot_binary_entropy",
    "plot_code_length_overlay",
    "plot_code_lengths",
    "plot_cross_entropy_vs_kl",
    "plot_kl_decomposition",
    "plot_surprise",
]
