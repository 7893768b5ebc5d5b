"""Validation of distributions and the accurate terms shared by the divergences."""

from __future__ import annotations

import numpy as np

from .._validation import as_float, as_floats, check_axis, check_same_shape

# 1 / (2k + 3): the tail of atanh(s) = s + s^3/3 + s^5/5 + ..., enough terms for |s| <= 1/3.
_ATANH_TAIL = 1.0 / (2.0 * np.arange(16) + 3.0)
# float32 needs 9 of them: the first term left out, 9^-9 / 21 ~ 1e-10 of the tail, lies far
# below float32's eps (1.2e-7), and the Horner loop below costs a pass per term.
_ATANH_TERMS = {np.dtype(np.float32): 9}


def _x_minus_log1p(x):
    """Return ``x - log1p(x)`` to full relative accuracy for ``|x| <= 1/2``.

    With ``s = x / (2 + x)``, ``log1p(x) = 2 atanh(s)`` and ``x - 2 s = x s``, so
    ``x - log1p(x) = x s - 2 s^3 (1/3 + s^2/5 + ...)``: no cancellation near 0.
    """
    s = x / (2 + x)
    s2 = s * s
    coef = _ATANH_TAIL[: _ATANH_TERMS.get(x.dtype)].astype(x.dtype)
    tail = np.full_like(s2, coef[-1])
    for c in coef[-2::-1]:  # Horner in place (np.polynomial's polyval allocates each step)
        tail *= s2
        tail += c
    return x * s - 2 * (s * s2) * tail  # s * s2, not s**3: NumPy's pow is ~100x slower


def _log_ratio(a, b):
    """Return ``log(a / b)`` for ``a, b > 0``; ``log a - log b`` where ``a / b`` is out of range."""
    with np.errstate(over="ignore", under="ignore", divide="ignore", invalid="ignore"):
        out = np.asarray(a / b)  # a 0-d array for scalars, so that out= works
        np.log(out, out=out)  # a / b = 0, inf or NaN: -inf, inf, NaN, as log a - log b gives
    # |log r| >= -log(tiny): r underflowed (subnormal, low bits lost), overflowed, or lies
    # within a factor e of max float; one test on the logs, where testing r against tiny
    # and max took four passes and a copy.
    bad = np.abs(out) >= -np.log(np.finfo(out.dtype).tiny)
    if np.any(bad):  # rare: only the out-of-range ratios pay for two more logs
        with np.errstate(divide="ignore", invalid="ignore"):
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
    if np.fmin.reduce(arr, axis=None) < 0:  # fmin skips NaN, as arr < 0 does; no mask
        raise ValueError(f"{name} must be non-negative (probabilities), found {arr[arr < 0][0]}")
    # The row sums by a product with ones (BLAS): sum along a short last axis is ~8x slower,
    # and the order of the additions is immaterial against the tolerance below.
    with np.errstate(over="ignore", invalid="ignore"):  # inf or NaN sums: raise or NaN below
        sums = np.moveaxis(arr, axis, -1) @ np.ones(arr.shape[axis], arr.dtype)
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


def _near(x, y, den):
    """The mask ``|x - y| <= den / 2``: there ``x - y`` is exact and the log form cancels."""
    # over: only in a NaN row (validated rows hold values <= 1), whose result is NaN
    with np.errstate(over="ignore"):
        d = np.subtract(x, y)
        np.abs(d, out=d)
        d *= 2
    return d <= den


def _kl_terms(p, q):
    """Per element ``p log(p / q) - p + q`` (>= 0, its row sum is KL), accurately.

    Far from ``p = q``, the logarithm of the ratio (with its out-of-range
    ratios handled by :func:`_log_ratio`); within ``|p - q| <= q / 2``, where
    that form cancels, ``q [(1 + u) log1p(u) - u]`` with ``u = (p - q) / q``
    exact, computed only on those elements. ``0 log 0 = 0``; ``q = 0 < p``
    gives +inf.
    """
    # over: p log(p / q) beyond max float is inf (only in a NaN row, where q is not <= 1)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        t = _log_ratio(p, q)  # p = 0: -inf (repaired below); q = 0 < p: +inf
        t *= p
        t -= p
        t += q
    near = np.flatnonzero(_near(p, q, q))  # flat indices: see _js_terms
    if near.size:
        pn, qn = np.take(p, near), np.take(q, near)
        with np.errstate(invalid="ignore"):  # p = q = 0: 0 / 0, repaired below
            u = (pn - qn) / qn
        np.put(t, near, qn * (u * u - (1 + u) * _x_minus_log1p(u)))
    np.copyto(t, q, where=p == 0)
    return np.maximum(t, 0, out=t)


def _js_terms(p, q):
    """Per element ``p log(2p / s) + q log(2q / s)`` with ``s = p + q``: JS is half their sum.

    The mixture ``m = s / 2`` is never formed (for a subnormal ``p + q`` it
    rounds, and log 2 came out for two distributions 1e-324 apart). Within
    ``|p - q| <= s / 2`` the form cancels: there ``(s / 2) [f(u) + f(-u)]``
    with ``f(u) = (1 + u) log1p(u) - u`` and ``u = (p - q) / s``, ``p - q``
    exact, on those elements only.
    """
    s = p + q
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # over: a NaN row
        t = _log_ratio(2 * p, s)
        t *= p
        t2 = _log_ratio(2 * q, s)
        t2 *= q
        t += t2
    # Flat indices, found once, with np.take and np.put: each boolean index of a 2-D
    # array (p[near], t[near] = ...) scans the mask again and cost 4x as much.
    near = np.flatnonzero(_near(p, q, s))
    if near.size:
        sn = np.take(s, near)
        with np.errstate(invalid="ignore"):  # p = q = 0: 0 / 0, repaired below
            u = (np.take(p, near) - np.take(q, near)) / sn
        f_pos = u * u - (1 + u) * _x_minus_log1p(u)
        f_neg = u * u - (1 - u) * _x_minus_log1p(-u)
        np.put(t, near, sn / 2 * (f_pos + f_neg))
    for x, other in ((p, q), (q, p)):  # x = 0: only the other term, other * log 2
        zero = x == 0
        if zero.any():
            t[zero] = other[zero] * np.log(t.dtype.type(2))
    return np.maximum(t, 0, out=t)
