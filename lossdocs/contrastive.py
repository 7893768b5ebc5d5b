"""The InfoNCE contrastive loss, with a queue or in-batch negatives, and its gradient."""

from __future__ import annotations

__all__: list[str] = []
