"""Rows of logits, the input shape of the language family's per-row losses."""

from __future__ import annotations

import numpy as np

from .._validation import as_float


def logit_rows(x, name: str, columns: str = "C") -> np.ndarray:
    """Return ``x`` as a floating (N, C) array with C >= 1, naming it if it is not."""
    x = as_float(x, name)
    if x.ndim != 2 or x.shape[1] == 0:
        raise ValueError(
            f"{name} must have shape (N, {columns}) with {columns} >= 1, got shape {x.shape}"
        )
    return x
