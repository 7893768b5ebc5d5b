"""The max-shifted sums shared by logsumexp, log_softmax and softmax, and their checks."""

from __future__ import annotations

import numpy as np

from .._validation import as_float, check_axis


def _class_axis(x, axis):
    """Validate ``x`` (at least 1-d, not empty along ``axis``) and normalise ``axis``."""
    x = as_float(x, "x")
    if x.ndim == 0:
        raise ValueError("x must have at least one dimension")
    axis = check_axis(axis, x.ndim)
    if x.shape[axis] == 0:
        raise ValueError(f"x is empty along axis {axis}")
    return x, axis


def _shifted_sums(x: np.ndarray, axis: int, *, keep_z: bool = True):
    """Return ``(m, z, s)``: the max along ``axis``, ``x - m`` and the sum of the other exps.

    ``s`` leaves out one occurrence of the maximum (whose exp is exactly 1), so
    callers use ``log1p(s)``: that keeps full relative accuracy when the other
    terms are tiny, where ``log(1 + s)`` would round to 0.

    A row whose maximum is not finite (a +inf logit, or every logit -inf) has
    no distribution: its ``s`` is NaN, so softmax and log_softmax give NaN
    there, as PyTorch does; logsumexp keeps ``m`` (+inf or -inf, the exact
    value). With ``keep_z=False``, ``z`` is None (the exps overwrite it).
    """
    top = np.argmax(x, axis=axis, keepdims=True)  # the first max, or the first NaN
    # The max read at the argmax: the same value as np.max (a NaN row gives its NaN), and
    # along a short last axis np.max and put_along_axis each cost more than the exps.
    flat = None
    if axis == x.ndim - 1 and x.flags.c_contiguous:
        flat = np.arange(0, x.size, x.shape[axis]).reshape(top.shape)
        flat += top
        m = np.take(x, flat)
    else:
        m = np.take_along_axis(x, top, axis=axis)
    finite = np.isfinite(m)
    all_finite = finite.all()  # the usual case: a plain subtract, where= costs twice as much
    with np.errstate(over="ignore"):  # x - m below -max float is -inf, whose exp is 0
        z = np.subtract(x, m, out=np.empty_like(x), where=True if all_finite else finite)
    if not all_finite:
        z[~np.broadcast_to(finite, z.shape)] = 0  # the row's s is NaN anyway
    e = np.exp(z, out=np.empty_like(z) if keep_z else z)
    if flat is not None:
        np.put(e, flat, 0)  # flat indices are in C order, whatever e's layout
    else:
        np.put_along_axis(e, top, 0, axis=axis)
    s = np.sum(e, axis=axis, keepdims=True)
    s[~finite] = np.nan
    return m, (z if keep_z else None), s
