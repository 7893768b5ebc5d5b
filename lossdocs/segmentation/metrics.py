"""Hard-mask metrics: confusion matrix, per-class IoU, mIoU, Dice coefficient and Jaccard index."""

from __future__ import annotations

__all__: list[str] = []
