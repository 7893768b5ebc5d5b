"""tversky_loss against MONAI's TverskyLoss written out in torch, gradients by autograd.

MONAI's ``TverskyLoss.forward`` (monai/losses/tversky.py, ``soft_label=False``):
per sample and class it sums over the spatial axes ``tp = sum(p t)``,
``fp = sum(p (1 - t))``, ``fn = sum((1 - p) t)`` (``compute_tp_fp_fn`` with
``decoupled=False``), then ``1 - (tp + smooth_nr) / (tp + alpha fp + beta fn +
smooth_dr)`` and reduces over (N, C). lossdocs matches it with ``axis`` the
spatial axes, ``smooth = smooth_nr = smooth_dr`` and ``eps=0`` (MONAI does not
clamp).
"""

import numpy as np
import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def monai_tversky(p, t, alpha=0.5, beta=0.5, smooth_nr=1e-5, smooth_dr=1e-5, reduction="mean"):
    reduce_axis = list(range(2, p.ndim))
    tp = torch.sum(p * t, dim=reduce_axis)
    fp = torch.sum(p * (1 - t), dim=reduce_axis) * alpha
    fn = torch.sum((1 - p) * t, dim=reduce_axis) * beta
    score = 1.0 - (tp + smooth_nr) / (tp + fp + fn + smooth_dr)
    return {"sum": torch.sum, "mean": torch.mean, "none": lambda s: s}[reduction](score)


def _batch(seed=0, shape=(3, 2, 4, 5), dtype=np.float64):
    """Softmax probabilities over axis 1 and one-hot targets; sample 1 is perfect."""
    rng = np.random.default_rng(seed)
    z = rng.normal(size=shape)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    labels = rng.integers(0, shape[1], (shape[0], *shape[2:]))
    t = np.moveaxis(np.eye(shape[1])[labels], -1, 1)
    p[1] = t[1]
    return p.astype(dtype), t.astype(dtype)


SPATIAL = (2, 3)
WEIGHTS = [(0.3, 0.7), (0.5, 0.5), (0.7, 0.3), (1.0, 1.0), (0.0, 2.0)]


@pytest.mark.parametrize(("alpha", "beta"), WEIGHTS)
@pytest.mark.parametrize("smooth", [0.0, 1e-5, 1.0])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_tversky_loss(alpha, beta, smooth, reduction):
    p, t = _batch()
    kw = dict(alpha=alpha, beta=beta, reduction=reduction)
    expected = monai_tversky(tt(p), tt(t), smooth_nr=smooth, smooth_dr=smooth, **kw)
    got = ld("tversky_loss")(p, t, smooth=smooth, eps=0.0, axis=SPATIAL, **kw)
    assert_close(got, expected)


@pytest.mark.parametrize(("alpha", "beta"), WEIGHTS)
@pytest.mark.parametrize("smooth", [0.0, 1.0])
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_tversky_loss_grad(alpha, beta, smooth, reduction):
    p, t = _batch(1)
    kw = dict(alpha=alpha, beta=beta, reduction=reduction)
    expected = autograd(monai_tversky, p, tt(t), smooth_nr=smooth, smooth_dr=smooth, **kw)
    got = ld("tversky_loss_grad")(p, t, smooth=smooth, eps=0.0, axis=SPATIAL, **kw)
    assert_close(got, expected)


def test_monai_defaults_are_dice_and_lossdocs_defaults_are_salehi():
    # MONAI's TverskyLoss defaults to alpha = beta = 0.5 (Dice); lossdocs to Salehi's 0.3, 0.7.
    p, t = _batch(2)
    monai = monai_tversky(tt(p), tt(t), reduction="none")
    assert_close(
        ld("tversky_loss")(p, t, smooth=1e-5, eps=0.0, axis=SPATIAL, reduction="none"),
        monai_tversky(tt(p), tt(t), alpha=0.3, beta=0.7, reduction="none"),
    )
    dice = ld("dice_loss")(p, t, smooth=2e-5, eps=0.0, axis=SPATIAL, reduction="none")
    assert_close(dice, monai)


def test_float32():
    p, t = _batch(3, dtype=np.float32)
    expected = monai_tversky(tt(p), tt(t), alpha=0.3, beta=0.7, smooth_nr=0.0, smooth_dr=0.0)
    assert_close(ld("tversky_loss")(p, t, eps=0.0, axis=SPATIAL), expected, dtype=np.float32)
    grad = autograd(monai_tversky, p, tt(t), alpha=0.3, beta=0.7, smooth_nr=0.0, smooth_dr=0.0)
    assert_close(ld("tversky_loss_grad")(p, t, eps=0.0, axis=SPATIAL), grad, dtype=np.float32)
