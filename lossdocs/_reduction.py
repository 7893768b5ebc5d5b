"""The ``reduction`` argument shared by every loss: its check, and how it reduces."""

from __future__ import annotations

import numpy as np

REDUCTIONS = ("mean", "sum", "none")


def check_reduction(reduction, *, allow_none: bool = True) -> None:
    """Raise unless ``reduction`` is one of 'mean', 'sum' (and 'none' where allowed)."""
    allowed = REDUCTIONS if allow_none else REDUCTIONS[:2]
    if reduction not in allowed:
        if reduction == "none":
            raise ValueError(
                "reduction='none' is not accepted by a *_grad function: the gradient of "
                "a vector of losses is a Jacobian, not one array; use 'sum' to get each "
                "element's own gradient"
            )
        raise ValueError(f"reduction must be one of {allowed}, got {reduction!r}")


def check_nonempty_mean(size: int, reduction: str, name: str) -> None:
    """Raise for the mean over an empty batch (PyTorch returns NaN with a warning)."""
    if reduction == "mean" and size == 0:
        raise ValueError(
            f"{name} is empty: the mean over zero elements is undefined "
            "(PyTorch returns nan with a warning; lossdocs raises)"
        )


def reduce(loss: np.ndarray, reduction: str):
    """Apply a validated ``reduction`` to per-element losses."""
    if reduction == "none":
        return loss
    if reduction == "sum":
        return loss.sum(dtype=loss.dtype)
    return loss.mean(dtype=loss.dtype)


def scale_grad(grad: np.ndarray, reduction: str, count: int) -> np.ndarray:
    """Turn per-element derivatives into the gradient of the reduced loss."""
    if reduction == "mean":
        grad = grad / grad.dtype.type(count)
    return grad
