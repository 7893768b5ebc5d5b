"""Entropy and divergences between distributions: KL, Jensen-Shannon and the Gaussian KL."""

from __future__ import annotations

__all__: list[str] = []
