"""Margin losses for +-1 labels: hinge, exponential and logistic, with their gradients."""

from __future__ import annotations

__all__: list[str] = []
