"""The sigmoid focal loss of RetinaNet, with its gradient."""

from __future__ import annotations

__all__: list[str] = []
