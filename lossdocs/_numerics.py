"""Overflow-free building blocks shared across families (softplus and its tail)."""

from __future__ import annotations

import numpy as np


def _exp_neg_abs(x: np.ndarray) -> np.ndarray:
    """``exp(-|x|)`` in a new array: in (0, 1], never overflows."""
    t = np.abs(x, out=np.empty_like(x))
    return np.exp(np.negative(t, out=t), out=t)


def _softplus_tail(x: np.ndarray) -> np.ndarray:
    """``log1p(exp(-|x|))`` in a new array: softplus(x) is ``max(x, 0)`` plus this."""
    t = _exp_neg_abs(x)
    return np.log1p(t, out=t)


def _softplus(x: np.ndarray) -> np.ndarray:
    """``log(1 + e^x)`` to a few ulps, as ``max(x, 0) + log1p(e^-|x|)``; NaN propagates."""
    out = _softplus_tail(x)
    out += np.maximum(x, 0)
    return out
