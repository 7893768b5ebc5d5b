"""Multiclass classification: the 0-1 loss, cross-entropy, NLL and the softmax focal loss."""

from __future__ import annotations

__all__: list[str] = []
