"""Shared test settings: a non-interactive matplotlib backend, and hypothesis profiles."""

import os

import matplotlib
from hypothesis import settings

# Set for this process only: an MPLBACKEND environment variable would be inherited by the
# notebooks' kernels (nbval runs them in this environment) and hide their figures.
matplotlib.use("Agg")

settings.register_profile("default", max_examples=200, deadline=None)
# In CI: more examples, and the same ones on every run, so a red build is reproducible.
settings.register_profile("ci", max_examples=400, deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")
