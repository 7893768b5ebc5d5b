"""Validation of distributions and the accurate terms shared by the divergences."""

from __future__ import annotations

import numpy as np

from .._validation import as_float, as_floats, check_axis, check_same_shape

# 1 / (2k + 3): the tail of atanh(s) = s + s^3/3 + s^5/5 + ..., enough terms for |s| <= 1/3.
_ATANH_TAIL = 1.0 / (2.0 * np.arange(16) + 3.0)


def _x_minus_log1p(x):
    """Return ``x - log1p(x)`` to full relative accuracy for ``|x| <= 1/2``.

    With ``s = x / (2 + x)``, ``log1p(x) = 2 atanh(s)`` and ``x - 2 s = x s``, so
    ``x - log1p(x) = x s - 2 s^3 (1/3 + s^2/5 + ...)``: no cancellation near 0.
    """
    s = x / (2 + x)
    s2 = s * s
    coef = _ATANH_TAIL.astype(x.dtype)
    tail = np.full_like(s2, coef[-1])
    for c in coef[-2::-1]:  # Horner in place (np.polynomial's polyval allocates each step)
        tail *= s2
        tail += c
    return x * s - 2 * (s * s2) * tail  # s * s2, not s**3: NumPy's pow is ~100x slower


def _log_ratio(a, b):
    """Return ``log(a / b)`` for ``a, b > 0``; ``log a - log b`` where ``a / b`` is out of range."""
    with np.errstate(over="ignore", under="ignore"):
        r = a / b
    bad = ~((r >= np.finfo(r.dtype).tiny) & (r <= np.finfo(r.dtype).max))
    out = np.where(bad, 1, r)
    np.log(out, out=out)
    if np.any(bad):  # rare: only the out-of-range ratios pay for two more logs
        out[bad] = np.log(a[bad]) - np.log(b[bad])
    return out


def _check_rows(x, name: str, axis) -> int:
    """Validate one argument as distributions along ``axis``; return the normalised axis."""
    arr = as_float(x, name)  # its own precision sets the tolerance of the row sums
    if arr.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (the outcomes axis)")
    axis = check_axis(axis, arr.ndim)
    if arr.shape[axis] == 0:
        raise ValueError(f"{name} is empty along axis {axis}")
    if np.any(arr < 0):
        raise ValueError(f"{name} must be non-negative (probabilities), found {arr[arr < 0][0]}")
    sums = arr.sum(axis=axis)
    tol = np.sqrt(np.finfo(arr.dtype).eps)
    bad = np.abs(sums - 1) > tol  # NaN rows pass here and give NaN
    if np.any(bad):
        raise ValueError(
            f"{name} must sum to 1 along axis {axis} (within {tol:.1e}), found a row summing "
            f"to {sums[bad].flat[0]!r}; normalise with {name} / {name}.sum(axis, keepdims=True)"
        )
    return axis


def _distributions(axis, **arrays):
    """Validate distributions of one shape; return them in one dtype, and the axis."""
    names = list(arrays)
    out = as_floats(**arrays)
    for name, arr in zip(names[1:], out[1:], strict=True):
        check_same_shape(out[0], arr, names[0], name)
    axes = [_check_rows(x, name, axis) for name, x in arrays.items()]
    return (*out, axes[0])


def _kl_terms(p, q):
    """Return the terms ``p log(p/q) - p + q`` (each >= 0); 0 log 0 = 0, inf where q = 0 < p."""
    zero_p, zero_q = p == 0, q == 0
    p1, q1 = np.where(zero_p, 1, p), np.where(zero_q, 1, q)
    near = np.abs(p - q) <= q / 2  # then p - q is exact and u lies in [-1/2, 1/2]
    u = np.where(near, p - q, 0) / q1
    t_near = q * (u * u - (1 + u) * _x_minus_log1p(u))  # q [(1 + u) log1p(u) - u]
    t_far = p * _log_ratio(p1, q1) - p + q
    terms = np.maximum(np.where(near, t_near, t_far), 0)
    return np.where(zero_q & ~zero_p, np.inf, terms)
