"""Torch references shared by the segmentation cross-check."""

import numpy as np
import pytest
import torch


def _reduce(loss, reduction):
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


def _axes(p, axis):
    if axis is None:
        return tuple(range(1, p.ndim)) if p.ndim > 1 else (0,)
    return axis


def torch_dice(p, t, smooth=0.0, eps=1e-7, squared=False, axis=None, reduction="mean"):
    axes = _axes(p, axis)
    inter = (p * t).sum(axes)
    card = (p * p + t * t).sum(axes) if squared else (p + t).sum(axes)
    return _reduce(1 - (2 * inter + smooth) / torch.clamp(card + smooth, min=eps), reduction)


def torch_jaccard(p, t, smooth=0.0, eps=1e-7, axis=None, reduction="mean"):
    axes = _axes(p, axis)
    inter = (p * t).sum(axes)
    union = (p + t).sum(axes) - inter
    return _reduce(1 - (inter + smooth) / torch.clamp(union + smooth, min=eps), reduction)


def _masks(seed=0, shape=(5, 2, 4, 3), dtype=np.float64):
    """Soft predictions and mixed targets; sample 0 is empty in both, sample 1 perfect."""
    rng = np.random.default_rng(seed)
    probs = rng.uniform(0, 1, shape)
    probs[probs < 0.1] = 0.0
    probs[probs > 0.9] = 1.0
    target = (rng.uniform(0, 1, shape) < 0.4).astype(float)
    target[-1] = rng.uniform(0, 1, shape[1:])  # a soft target
    probs[0] = target[0] = 0.0
    probs[1] = target[1]
    return probs.astype(dtype), target.astype(dtype)


# (smooth, eps, axis) settings; axis (0, 2, 3) gives one loss per class (axis 1).
SETTINGS = [
    pytest.param(0.0, None, None, id="default"),
    pytest.param(1.0, 1e-7, None, id="smooth1"),
    pytest.param(1e-5, 1e-3, None, id="smooth-eps"),
    pytest.param(0.0, 1e-7, (2, 3), id="per-sample-class"),
    pytest.param(0.5, 1e-7, (0, 2, 3), id="per-class"),
]


def _kw(smooth, eps, axis):
    kw = {"smooth": smooth, "axis": axis}
    if eps is not None:
        kw["eps"] = eps
    return kw


C = 5


def torch_confusion(pred, target, num_classes, ignore_index=None):
    keep = torch.ones_like(target, dtype=torch.bool)
    if ignore_index is not None:
        keep = target != ignore_index
    idx = num_classes * target[keep] + pred[keep]
    return torch.bincount(idx, minlength=num_classes**2).reshape(num_classes, num_classes)


def _labels(seed=0, shape=(3, 6, 7), ignore_index=None):
    rng = np.random.default_rng(seed)
    target = rng.integers(0, C - 1, shape)  # class C - 1 never in the target ...
    pred = rng.integers(0, C - 1, shape)  # ... nor predicted: an absent class
    if ignore_index is not None:
        target[rng.random(shape) < 0.2] = ignore_index
    return pred, target
