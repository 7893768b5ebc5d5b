"""Validation of label maps shared by the confusion-matrix metrics."""

from __future__ import annotations

import numpy as np


def _check_labels(x: np.ndarray, name: str, num_classes: int) -> None:
    bad = (x < 0) | (x >= num_classes)
    if np.any(bad):
        raise ValueError(
            f"{name} must hold class indices in [0, {num_classes}) "
            f"(or ignore_index in target), found {x[bad].flat[0]}"
        )
