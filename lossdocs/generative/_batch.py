"""Checks and reductions shared by the generative losses: a batch axis first, per-sample sums."""

from __future__ import annotations

import numpy as np


def check_batched(x: np.ndarray, name: str) -> None:
    """Raise unless ``x`` has a leading batch axis (at least one dimension)."""
    if x.ndim == 0:
        raise ValueError(f"{name} must have a batch axis first, got a 0-d array")


def check_batch_size(x: np.ndarray, name: str, batch: int, ref: str) -> None:
    """Raise unless ``x`` holds ``batch`` samples along its first axis, as ``ref`` does."""
    if x.ndim == 0 or x.shape[0] != batch:
        raise ValueError(
            f"{name} must hold one entry per sample of {ref} along axis 0: got "
            f"{name}.shape={x.shape} for a batch of {batch}"
        )


def per_sample(x: np.ndarray, how: str) -> np.ndarray:
    """Sum or mean of ``x`` over every axis but the first (the batch axis)."""
    axes = tuple(range(1, x.ndim))
    if how == "sum":
        return x.sum(axis=axes, dtype=x.dtype)
    return x.mean(axis=axes, dtype=x.dtype) if axes else x
