"""The ``reduction`` argument shared by every loss: its check, and how it reduces."""

from __future__ import annotations

import numpy as np

from ._validation import as_floats, check_choice, check_same_shape

REDUCTIONS = ("mean", "sum", "none")


def check_reduction(reduction, *, allow_none: bool = True) -> None:
    """Raise unless ``reduction`` is one of 'mean', 'sum' (and 'none' where allowed)."""
    if not allow_none and isinstance(reduction, str) and reduction == "none":
        raise ValueError(
            "reduction='none' is not accepted by a *_grad function: the gradient of "
            "a vector of losses is a Jacobian, not one array; use 'sum' to get each "
            "element's own gradient"
        )
    check_choice(reduction, "reduction", REDUCTIONS if allow_none else REDUCTIONS[:2])


def check_nonempty_mean(size: int, reduction: str, name: str) -> None:
    """Raise for the mean over an empty batch (PyTorch 2.13 returns NaN, without a warning)."""
    if reduction == "mean" and size == 0:
        raise ValueError(
            f"{name} is empty: the mean over zero elements is undefined "
            "(PyTorch returns nan; lossdocs raises)"
        )


def reduce(loss: np.ndarray, reduction: str):
    """Apply a validated ``reduction`` to per-element losses."""
    if reduction == "none":
        return loss
    with np.errstate(over="ignore"):  # a sum beyond the float range is inf, silently
        if reduction == "sum":
            return loss.sum(dtype=loss.dtype)
        return loss.mean(dtype=loss.dtype)


def scale_grad(grad: np.ndarray, reduction: str, count: int) -> np.ndarray:
    """Turn per-element derivatives into the gradient of the reduced loss."""
    if reduction == "mean":
        grad = grad / grad.dtype.type(count)
    return grad


def pred_target(pred, target, reduction, *, pred_name="pred", grad=False):
    """Validate the common ``(pred, target, reduction)`` triple of elementwise losses.

    Returns both arrays as floats of one dtype and the same shape. With
    ``grad=True`` the reduction must be 'mean' or 'sum'.
    """
    check_reduction(reduction, allow_none=not grad)
    pred, target = as_floats(**{pred_name: pred, "target": target})
    check_same_shape(pred, target, pred_name, "target")
    check_nonempty_mean(pred.size, reduction, pred_name)
    return pred, target


def error(pred: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``pred - target`` in a new array this call owns (so later steps can work in place).

    Beyond the float range the difference is inf, the rounded exact value, and
    no overflow warning is raised.
    """
    with np.errstate(over="ignore"):
        return np.subtract(pred, target, out=np.empty_like(pred))


def sum_of_products(a: np.ndarray, b: np.ndarray):
    """``sum(a * b)`` without an array of the products.

    In float64, a BLAS dot product (an unrolled sum, accurate to about n ulps
    in the worst case and far better for terms of one sign); in float32, the
    products in place in ``a`` (which the caller gives up) and NumPy's
    pairwise sum, since a float32 dot product accumulates in float32.
    """
    if a.dtype == np.float64:
        return a.dtype.type(np.dot(a.ravel(), b.ravel()))
    return np.multiply(a, b, out=a).sum(dtype=a.dtype)


def mean_or_sum(total, reduction: str, count: int):
    """Finish a reduction computed as a sum: divide by ``count`` for 'mean'."""
    return total / type(total)(count) if reduction == "mean" else total
