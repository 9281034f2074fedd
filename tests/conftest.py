"""Shared test settings: a non-interactive matplotlib backend, and hypothesis profiles."""

import os

import matplotlib
from hypothesis import settings

# Set for this process only: an MPLBACKEND environment variable would be inherited by the
# notebooks' kernels (nbval runs them in this environment) and hide their figures.
matplotlib.use("Agg")

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")
