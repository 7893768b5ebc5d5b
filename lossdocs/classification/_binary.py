"""Input checks and the stable BCE-with-logits term shared by the binary losses."""

from __future__ import annotations

import numpy as np

from .._numerics import _softplus_tail
from .._reduction import pred_target
from .._validation import as_float, check_finite, check_unit_interval


def _checked(pred, target, reduction, pred_name, grad=False, **weights):
    """Validate a BCE call: ``(pred, target, *weights)``, targets (and probs) in [0, 1].

    Each weight (``None`` or an array) must broadcast to the prediction's
    shape without enlarging it; it is brought to the prediction's dtype.
    """
    pred, target = pred_target(pred, target, reduction, pred_name=pred_name, grad=grad)
    if pred_name == "probs":
        check_unit_interval(pred, "probs")
    check_unit_interval(target, "target")
    checked = []
    for name, w in weights.items():
        if w is not None:
            w = as_float(w, name, dtype=pred.dtype)
            check_finite(w, name)
            try:
                fits = np.broadcast_shapes(w.shape, pred.shape) == pred.shape
            except ValueError:
                fits = False
            if not fits:
                raise ValueError(
                    f"{name} of shape {w.shape} does not broadcast to the shape "
                    f"{pred.shape} of {pred_name}"
                )
        checked.append(w)
    return pred, target, *checked


_EPS = np.float32(1e-12)  # PyTorch's backward clamp, a float32 constant also in float64


def _times(x, w):
    return x if w is None else x * w


def _bce_logits(z, t, pos_weight=None):
    """Per element ``pw * t * softplus(-z) + (1 - t) * softplus(z)``: no cancellation.

    softplus(+-z) = max(+-z, 0) + log1p(e^-|z|) share their log1p term, computed
    once; every term is >= 0, so nothing cancels.
    """
    tw = _times(t, pos_weight)
    loss = _softplus_tail(z)
    if pos_weight is not None:
        loss *= tw + (1 - t)
    with np.errstate(invalid="ignore"):  # 0 * inf at an infinite logit: repaired below
        loss += tw * np.maximum(-z, 0)
        loss += (1 - t) * np.maximum(z, 0)
    bad = np.isnan(loss)
    if bad.any():  # rare: the limit at z = +-inf, where a weight of 0 cancels the inf
        zb, tb, twb = z[bad], t[bad], tw[bad] if np.ndim(tw) else tw
        loss[bad] = _zero_times(twb, np.maximum(-zb, 0)) + _zero_times(1 - tb, np.maximum(zb, 0))
    return loss


def _zero_times(w, x):
    """``w * x`` with 0 * inf = 0 (the limit of a term whose weight is exactly 0)."""
    with np.errstate(invalid="ignore"):
        return np.where(w == 0, 0, w * x)
