"""Helpers shared by the representation-learning losses: rows of embeddings.

Validation of (N, D) embedding batches and per-row labels, row-wise L2
normalisation that neither overflows nor underflows, and Euclidean distances.
"""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction
from .._validation import as_float, as_floats, check_same_shape, in_dtype


def unit_rows(x: np.ndarray, name: str, fix: str = "use normalize=False, or drop it"):
    """Return ``(x / |x|, |x|)`` row-wise; a zero row raises (NaN rows pass through).

    The norm is taken of ``x / max|x|`` so that it neither overflows nor
    underflows (float32 rows of size 1e-30 or 1e30 normalise fine). ``fix``
    ends the error message: what the caller can do about a zero row.
    """
    scale = np.max(np.abs(x), axis=1, keepdims=True)
    if np.any(scale == 0):
        row = int(np.argmax(scale[:, 0] == 0))
        raise ValueError(f"{name}[{row}] is a zero vector: it cannot be L2-normalised ({fix})")
    # invalid: an infinite coordinate, inf / inf, a NaN row; over: a norm beyond max float
    with np.errstate(invalid="ignore", over="ignore"):
        y = x / scale
        norm = np.sqrt(np.sum(y * y, axis=1, keepdims=True))
        return y / norm, scale * norm


def row_cosines(x: np.ndarray, y: np.ndarray, fix: str, names=("x1", "x2")) -> np.ndarray:
    """Return the cosine of each row of ``x`` with the same row of ``y``.

    Three row dot products (``x.x``, ``y.y``, ``x.y``) and no normalised copies:
    :func:`unit_rows` reads each row four times, and its max along short rows alone
    cost more than PyTorch's whole loss. The squared norms must lie in
    ``[tiny / eps^2, max]``, where no product that underflows or overflows matters;
    otherwise (a zero, tiny, huge, infinite or NaN row) the pairs go through
    :func:`unit_rows`, which scales each row by its largest entry and raises for a
    zero row, naming it.
    """
    info = np.finfo(x.dtype)
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        xx, yy, xy = (np.einsum("ij,ij->i", a, b) for a, b in ((x, x), (y, y), (x, y)))
    low = info.tiny / info.eps**2
    if np.all((xx >= low) & (xx <= info.max) & (yy >= low) & (yy <= info.max)):
        xx, yy = np.sqrt(xx, out=xx), np.sqrt(yy, out=yy)
        return np.divide(xy, np.multiply(xx, yy, out=xx), out=xy)  # no overflow: sqrt first
    return np.sum(unit_rows(x, names[0], fix)[0] * unit_rows(y, names[1], fix)[0], axis=1)


def as_rows(**arrays) -> tuple[np.ndarray, ...]:
    """Return the arrays at one float dtype, each (N, D) with D >= 1, all of one shape."""
    names = list(arrays)
    out = as_floats(**arrays)
    first = out[0]
    if first.ndim != 2 or first.shape[1] == 0:
        raise ValueError(f"{names[0]} must have shape (N, D) with D >= 1, got {first.shape}")
    for name, arr in zip(names[1:], out[1:], strict=True):
        check_same_shape(first, arr, names[0], name)
    return out


def check_row_labels(labels: np.ndarray, n: int, name: str) -> None:
    """Raise unless ``labels`` holds one value per row: shape (N,)."""
    if labels.shape != (n,):
        raise ValueError(f"{name} must have shape (N,) = ({n},), one per row, got {labels.shape}")


def euclidean_norm(diff: np.ndarray, axis: int = -1) -> np.ndarray:
    """The Euclidean norm of ``diff`` along ``axis``, scaled so it neither overflows nor underflows.

    An infinite or NaN coordinate gives inf or NaN, without a warning.
    """
    with np.errstate(invalid="ignore", over="ignore"):
        scale = np.max(np.abs(diff), axis=axis)
        safe = np.expand_dims(np.where(scale > 0, scale, 1), axis)
        return scale * np.sqrt(np.sum((diff / safe) ** 2, axis=axis))


def row_distance(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Euclidean distance of the rows of ``a`` and ``b``."""
    with np.errstate(invalid="ignore", over="ignore"):
        diff = a - b
    return euclidean_norm(diff, axis=1)


def p_distance(a: np.ndarray, b: np.ndarray, p: float, eps: float) -> np.ndarray:
    """``torch.nn.functional.pairwise_distance``: the p-norm of ``a - b + eps``, row-wise.

    The norm is taken of the difference divided by its largest entry, so it
    neither overflows nor underflows; ``p = inf`` is that largest entry.
    """
    # An infinite or NaN coordinate gives inf or NaN, without a warning.
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.abs(a - b + a.dtype.type(eps))
        scale = np.max(diff, axis=1)
        if np.isinf(p):
            return scale
        safe = np.where(scale > 0, scale, 1)[:, None]
        return scale * np.sum((diff / safe) ** a.dtype.type(p), axis=1) ** a.dtype.type(1 / p)


def unit_pair(reduction, fix: str, **arrays) -> tuple[np.ndarray, np.ndarray]:
    """Check ``reduction`` and two (N, D) batches of one shape; return both row-normalised.

    The batches of a two-tower loss (two views, or images and texts): the
    mean over an empty batch raises, a zero row raises with ``fix``.
    """
    check_reduction(reduction)
    (name1, name2), (x, y) = list(arrays), as_rows(**arrays)
    check_nonempty_mean(len(x), reduction, name1)
    return unit_rows(x, name1, fix)[0], unit_rows(y, name2, fix)[0]


def pairs_with_targets(reduction, target, **arrays):
    """Check ``reduction``, two (N, D) batches and a target of shape (N,) at their dtype."""
    check_reduction(reduction)
    name1 = next(iter(arrays))
    x, y = as_rows(**arrays)
    target = as_float(target, "target", dtype=x.dtype)
    check_row_labels(target, len(x), "target")
    check_nonempty_mean(len(x), reduction, name1)
    return x, y, target


def inverse_temperature(temperature: float, dtype) -> np.floating:
    """``1 / temperature`` in ``dtype``, refusing a temperature whose inverse overflows.

    Cosine logits lie in [-1, 1], so ``cos / temperature`` stays finite exactly
    when ``1 / temperature`` does.
    """
    t = in_dtype(temperature, "temperature", dtype)
    with np.errstate(over="ignore", divide="ignore"):
        inv = np.dtype(dtype).type(1) / t
    if np.isinf(inv):
        raise ValueError(
            f"temperature={temperature!r} is too small for {np.dtype(dtype).name}: "
            "1 / temperature overflows"
        )
    return inv
