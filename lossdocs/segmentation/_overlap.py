"""Validation and per-sample overlap sums shared by the Dice and Jaccard functions."""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import (
    as_floats,
    check_axis,
    check_bool,
    check_real,
    check_same_shape,
    check_unit_interval,
    in_dtype,
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
    t_sum: np.ndarray | None = None  # sum of t (not of t^2), for the generalised Dice weights

    def jaccard(self):
        """Numerator and denominator (before the eps floor) of the soft Jaccard index."""
        return self.inter + self.smooth, self.card - self.inter + self.smooth

    def dice(self):
        """Numerator and denominator (before the eps floor) of the soft Dice score."""
        return 2 * self.inter + self.smooth, self.card + self.smooth


def _sum_of_products(*arrays, axes):
    """``np.sum(product of arrays, axis=axes, keepdims=True)``, without the array of products.

    einsum also reads a strided array (a one-hot target from ``np.moveaxis``)
    at nearly full speed, where ``np.sum`` over its strided axis takes 4x as long.
    """
    letters = "abcdefghijklmnopqrstuvwxyz"[: arrays[0].ndim]
    kept = "".join(c for i, c in enumerate(letters) if i not in axes)
    out = np.einsum(",".join([letters] * len(arrays)) + f"->{kept}", *arrays)
    return np.expand_dims(out, axes)


def _overlap(
    probs, target, smooth, eps, axis, reduction, *, squared=False, grad=False, with_err=None
):
    """Validate every argument of a soft-overlap loss and compute its per-sample sums.

    ``with_err`` (default: ``not grad``) computes ``err``, the Dice/Jaccard
    numerator of ``1 - ratio``; a loss that builds its own (Tversky) skips it.
    """
    smooth = check_real(smooth, "smooth", low=0, finite=True)
    eps = check_real(eps, "eps", low=0, finite=True)
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
    inter = _sum_of_products(p, t, axes=axes)
    with_err = not grad if with_err is None else with_err
    err = t_sum = None  # only the losses need err (a gradient does not)
    if squared:
        card = _sum_of_products(p, p, axes=axes) + _sum_of_products(t, t, axes=axes)
        if with_err:
            d = p - t
            err = _sum_of_products(d, d, axes=axes)
    elif with_err:
        # err = sum p (1 - t) + t (1 - p), each term >= 0; with inter, its two sums
        # also give the sums of p and of t, without two more passes over the pixels.
        one_minus = np.subtract(1, t)
        fp = _sum_of_products(p, one_minus, axes=axes)
        fn = _sum_of_products(t, np.subtract(1, p, out=one_minus), axes=axes)
        err, t_sum = fp + fn, inter + fn
        card = (inter + fp) + t_sum
    else:
        t_sum = _sum_of_products(t, axes=axes)
        card = _sum_of_products(p, axes=axes) + t_sum
    smooth, eps = in_dtype(smooth, "smooth", p.dtype), in_dtype(eps, "eps", p.dtype)
    return _Overlap(p, t, inter, card, err, smooth, eps, axes, n, t_sum)


def _one_minus_ratio(num, den, o: _Overlap, reduction):
    """Reduce ``1 - num / max(den, eps)``, using ``den - num == err`` where unclamped."""
    den_c = np.maximum(den, o.eps)
    with np.errstate(invalid="ignore"):  # eps = 0 and an empty pair: 0 / 0, the formula's NaN
        loss = np.where(den < o.eps, den_c - num, o.err) / den_c
    # err <= den exactly, but err and den are sums taken in different orders: their
    # ratio can round one ulp above 1 (a zero mask against any prediction).
    loss = np.minimum(loss, 1)
    return reduce(np.squeeze(loss, axis=o.axes), reduction)


def _ratio_grad_coefs(num, den, o: _Overlap, reduction):
    """Per-sample ``(a, b)`` with ``d/dp_k [1 - num / max(den, eps)] = a dden_k - b dnum_k``.

    Unclamped, ``a = num / den^2`` and ``b = 1 / den``; where `eps` is active
    the denominator is constant, so ``a = 0`` and ``b = 1 / eps``. The mean's
    ``1 / n`` is folded in, so the caller builds the gradient in one or two
    passes over the pixels instead of several full-size temporaries.
    """
    clamped = den < o.eps
    den_c = np.maximum(den, o.eps)
    # eps = 0: 0 / 0 for an empty pair; over: a subnormal eps, an inf gradient
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        b = 1 / den_c
        a = np.where(clamped, 0, num * b * b)
        if reduction == "mean":
            a, b = a / o.n, b / o.n
    return a.astype(o.p.dtype, copy=False), b.astype(o.p.dtype, copy=False)


def _tversky(probs, target, alpha, beta, smooth, eps, axis, reduction, *, grad=False):
    """Validate a Tversky call; return its overlap, numerator and denominator (before eps).

    The ``err`` of the returned overlap is ``alpha FP + beta FN``, the denominator
    minus the numerator summed from non-negative terms, so ``1 - TI`` has no
    cancellation near a perfect prediction.
    """
    alpha = check_real(alpha, "alpha", low=0, finite=True)
    beta = check_real(beta, "beta", low=0, finite=True)
    o = _overlap(probs, target, smooth, eps, axis, reduction, grad=grad, with_err=False)
    a, b = in_dtype(alpha, "alpha", o.p.dtype), in_dtype(beta, "beta", o.p.dtype)
    fp = _sum_of_products(o.p, 1 - o.t, axes=o.axes)  # sum p (1 - t)
    fn = _sum_of_products(o.t, 1 - o.p, axes=o.axes)  # sum t (1 - p)
    weighted = a * fp + b * fn
    o = o._replace(err=None if grad else weighted)
    return o, o.inter + o.smooth, o.inter + weighted + o.smooth, a, b


def _tversky_loss(probs, target, alpha, beta, smooth, eps, axis, reduction):
    """Per-sample ``1 - TI``, unreduced (the shape of the axes not summed); arguments checked."""
    o, num, den, _, _ = _tversky(probs, target, alpha, beta, smooth, eps, axis, reduction)
    return _one_minus_ratio(num, den, o, "none")


def _generalized_dice(probs, target, eps, reduction, *, grad=False):
    """Validate a generalised Dice call; return the per-sample overlap and the class weights.

    The returned overlap holds the class-weighted sums of one sample each
    (``inter``, ``card``, ``err`` summed over classes, dims kept), its ``axes``
    are every axis but the first and ``n`` the number of samples; the weights
    ``w`` have shape (N, C, 1, ...).
    """
    p, t = as_floats(probs=probs, target=target)  # the arrays' ndim, for the pixel axes
    ndim = p.ndim
    if ndim < 2:
        raise ValueError(f"probs must have shape (N, C, ...), got {ndim} dimension(s)")
    pixel_axes = tuple(range(2, ndim))
    o = _overlap(p, t, 0.0, eps, pixel_axes, "sum", grad=grad)
    check_reduction(reduction, allow_none=not grad)
    if o.p.shape[1] == 0:
        raise ValueError("probs must have at least one class (axis 1 of (N, C, ...))")
    check_nonempty_mean(o.p.shape[0], reduction, "probs")
    with np.errstate(divide="ignore", over="ignore"):
        w = 1 / (o.t_sum * o.t_sum)
    # A class absent from a sample's target (weight inf, or one that overflows)
    # takes the sample's largest finite weight, as MONAI's GeneralizedDiceLoss does.
    infinite = np.isinf(w)
    finite = np.where(infinite, 0, w)
    w = np.where(infinite, np.max(finite, axis=1, keepdims=True), w).astype(o.p.dtype)
    axes = tuple(range(1, ndim))

    def weighted(x):
        if x is None:
            return None
        with np.errstate(over="ignore", invalid="ignore"):
            return np.sum(w * x, axis=1, keepdims=True)

    o = o._replace(
        inter=weighted(o.inter),
        card=weighted(o.card),
        err=weighted(o.err),
        axes=axes,
        n=o.p.shape[0],
    )
    return o, w
