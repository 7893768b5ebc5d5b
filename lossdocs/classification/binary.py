"""Binary cross-entropy on probabilities and on logits, with their gradients."""

from __future__ import annotations

__all__: list[str] = []
