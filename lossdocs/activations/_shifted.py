"""The max-shifted sums shared by logsumexp, log_softmax and softmax."""

from __future__ import annotations

import numpy as np


def _shifted_sums(x: np.ndarray, axis: int):
    """Return ``(m, z, s)``: the max along ``axis``, ``x - m`` and the sum of the other exps.

    ``s`` leaves out one occurrence of the maximum (whose exp is exactly 1), so
    callers use ``log1p(s)``: that keeps full relative accuracy when the other
    terms are tiny, where ``log(1 + s)`` would round to 0.
    """
    m = np.max(x, axis=axis, keepdims=True)
    m_safe = np.where(np.isfinite(m), m, 0)
    z = x - m_safe
    e = np.exp(z)
    top = np.argmax(x, axis=axis, keepdims=True)
    np.put_along_axis(e, top, 0, axis=axis)
    s = np.sum(e, axis=axis, keepdims=True)
    # argmax picks a NaN as the maximum and the line above zeroes it: put it back.
    s = np.where(np.isnan(m), m, s)
    return m, z, s
