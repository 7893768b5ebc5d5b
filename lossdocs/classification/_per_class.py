"""Checks shared by the imbalance helpers: one positive, finite number per class."""

from __future__ import annotations

import numpy as np

from .._validation import check_finite


def per_class_positive(values: np.ndarray, name: str, *, zero: str) -> np.ndarray:
    """Return the float array ``values`` if it is 1-D, non-empty, finite and > 0.

    ``zero`` says what a 0 would mean for this argument (a class with no
    samples, a prior of 0), so the message tells the caller what to do
    instead of only that the value is out of range.
    """
    if values.ndim != 1 or values.size == 0:
        raise ValueError(
            f"{name} must be 1-D with one value per class (C >= 1), got shape {values.shape}"
        )
    check_finite(values, name)
    if np.any(values < 0):
        raise ValueError(f"{name} must be >= 0, found {values[values < 0][0]}")
    if np.any(values == 0):
        at = int(np.flatnonzero(values == 0)[0])
        raise ValueError(f"{name}[{at}] is 0: {zero}")
    return values
