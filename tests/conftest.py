"""Shared test settings: a non-interactive matplotlib backend, figures closed after each test,
and hypothesis profiles."""

import os
import sys

import matplotlib
import pytest
from hypothesis import settings

# Set for this process only: an MPLBACKEND environment variable would be inherited by the
# notebooks' kernels (nbval runs them in this environment) and hide their figures.
matplotlib.use("Agg")

settings.register_profile("default", max_examples=200, deadline=None)
# In CI: more examples, and the same ones on every run, so a red build is reproducible.
settings.register_profile("ci", max_examples=400, deadline=None, derandomize=True, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test left open (when the test used pyplot at all)."""
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")
