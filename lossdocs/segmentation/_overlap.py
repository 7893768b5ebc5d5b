"""Validation and per-sample overlap sums shared by the Dice and Jaccard functions."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce, scale_grad
from .._validation import (
    as_floats,
    check_axis,
    check_bool,
    check_real,
    check_same_shape,
    check_unit_interval,
)


def _ratio(num, den, empty_score):
    """``num / den``, with ``empty_score`` where ``den == 0`` (no warning); 0-d gives a scalar."""
    out = np.full(np.shape(den), empty_score, dtype=den.dtype)
    np.divide(num, den, out=out, where=den != 0)
    return out[()]


def _mask_overlap(pred_mask, target_mask, axis, empty_score):
    """Validate two 0/1 masks; return their per-sample intersection and ``|A| + |B|``."""
    empty_score = check_real(empty_score, "empty_score", low=0, high=1, allow_nan=True)
    a, b = as_floats(pred_mask=pred_mask, target_mask=target_mask)
    check_same_shape(a, b, "pred_mask", "target_mask")
    for x, name in ((a, "pred_mask"), (b, "target_mask")):
        bad = ~((x == 0) | (x == 1) | np.isnan(x))
        if np.any(bad):
            raise ValueError(f"{name} must hold 0/1 (or boolean) values, found {x[bad].flat[0]}")
    axes = _axes(axis, a.ndim, tuple(range(a.ndim)))
    return np.sum(a * b, axis=axes), np.sum(a + b, axis=axes)


def _axes(axis, ndim: int, default: tuple[int, ...]) -> tuple[int, ...]:
    """Normalise ``axis`` (None, an int or a tuple of ints) to a tuple of distinct axes."""
    if axis is None:
        return default
    axes = tuple(axis) if isinstance(axis, tuple | list) else (axis,)
    axes = tuple(check_axis(a, ndim) for a in axes)
    if len(set(axes)) != len(axes):
        raise ValueError(f"axis must not repeat an axis, got {axis!r}")
    return axes


class _Overlap(NamedTuple):
    """Validated inputs and per-sample sums (dims kept) of one soft-overlap loss call."""

    p: np.ndarray
    t: np.ndarray
    inter: np.ndarray  # sum of p t
    card: np.ndarray  # sum of p + t (of p^2 + t^2 if squared)
    err: np.ndarray  # card - 2 inter, summed without cancellation
    smooth: np.floating
    eps: np.floating
    axes: tuple[int, ...]
    n: int  # the number of samples

    def jaccard(self):
        """Numerator and denominator (before the eps floor) of the soft Jaccard index."""
        return self.inter + self.smooth, self.card - self.inter + self.smooth

    def dice(self):
        """Numerator and denominator (before the eps floor) of the soft Dice score."""
        return 2 * self.inter + self.smooth, self.card + self.smooth


def _overlap(probs, target, smooth, eps, axis, reduction, *, squared=False, grad=False):
    """Validate every argument of a soft-overlap loss and compute its per-sample sums."""
    smooth = check_real(smooth, "smooth", low=0, finite=True)
    eps = check_real(eps, "eps", low=0, low_open=True, finite=True)
    check_bool(squared, "squared")
    check_reduction(reduction, allow_none=not grad)
    p, t = as_floats(probs=probs, target=target)
    check_same_shape(p, t, "probs", "target")
    if p.ndim == 0:
        raise ValueError("probs must have at least one dimension (the pixels of one sample)")
    check_unit_interval(p, "probs")
    check_unit_interval(t, "target")
    axes = _axes(axis, p.ndim, tuple(range(1, p.ndim)) if p.ndim > 1 else (0,))
    n = math.prod(s for i, s in enumerate(p.shape) if i not in axes)
    check_nonempty_mean(n, reduction, "probs")
    inter = np.sum(p * t, axis=axes, keepdims=True)
    if squared:
        card = np.sum(p * p + t * t, axis=axes, keepdims=True)
        err = np.sum(np.square(p - t), axis=axes, keepdims=True)
    else:
        card = np.sum(p + t, axis=axes, keepdims=True)
        err = np.sum(p * (1 - t) + t * (1 - p), axis=axes, keepdims=True)
    one = p.dtype.type
    return _Overlap(p, t, inter, card, err, one(smooth), one(eps), axes, n)


def _one_minus_ratio(num, den, o: _Overlap, reduction):
    """Reduce ``1 - num / max(den, eps)``, using ``den - num == err`` where unclamped."""
    den_c = np.maximum(den, o.eps)
    loss = np.where(den < o.eps, den_c - num, o.err) / den_c
    return reduce(np.squeeze(loss, axis=o.axes), reduction)


def _ratio_grad(num, den, dnum, dden, o: _Overlap, reduction):
    """Gradient of ``1 - num / max(den, eps)`` given the derivatives of num and den."""
    den_c = np.maximum(den, o.eps)
    unclamped = (num / den_c * dden - dnum) / den_c
    return scale_grad(np.where(den < o.eps, -dnum / o.eps, unclamped), reduction, o.n)
