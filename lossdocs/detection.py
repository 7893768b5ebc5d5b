"""Box geometry and box losses: area, IoU, generalized IoU and the GIoU loss."""

from __future__ import annotations

__all__: list[str] = []
