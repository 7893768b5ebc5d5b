"""Input checks shared by the language-model losses: integer options and logit rows."""

from __future__ import annotations

import numbers

import numpy as np

from .._checks import as_float


def check_int(value, name: str, *, low: int, high: int | None = None) -> int:
    """Return ``value`` as an int, raising unless it is an integer in [low, high]."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    if value < low or (high is not None and value > high):
        upper = "" if high is None else f" and <= {high}"
        raise ValueError(f"{name} must be >= {low}{upper}, got {value}")
    return int(value)


def logit_rows(x, name: str, columns: str = "C") -> np.ndarray:
    """Return ``x`` as a floating (N, C) array with C >= 1, naming it if it is not."""
    x = as_float(x, name)
    if x.ndim != 2 or x.shape[1] == 0:
        raise ValueError(
            f"{name} must have shape (N, {columns}) with {columns} >= 1, got shape {x.shape}"
        )
    return x
