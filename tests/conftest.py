"""Shared test settings: a non-interactive matplotlib backend, and hypothesis profiles."""

import os

os.environ.setdefault("MPLBACKEND", "Agg")

from hypothesis import settings

settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "default")
