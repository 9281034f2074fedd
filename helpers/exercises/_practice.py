"""Exercise checks (placeholder until the notebook is written)."""

__all__: list[str] = []
