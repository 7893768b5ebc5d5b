"""Soft Jaccard (IoU) and Dice losses on per-pixel probabilities, with their gradients."""

from __future__ import annotations

__all__: list[str] = []
