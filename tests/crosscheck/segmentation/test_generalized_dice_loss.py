"""generalized_dice_loss against MONAI's GeneralizedDiceLoss written out in torch.

MONAI's ``GeneralizedDiceLoss.forward`` (monai/losses/dice.py, ``w_type="square"``,
``batch=False``): per sample and class ``intersection = sum(t p)``,
``denominator = sum(t) + sum(p)`` over the spatial axes; ``w = 1 / sum(t)^2``;
each infinite weight set to 0 and then to the sample's largest weight
(``w[infs] = 0; w = w + infs * max(w, dim=1)``); then
``1 - (2 sum_c w intersection + smooth_nr) / (sum_c w denominator + smooth_dr)``.
lossdocs has no smoothing: the cross-check sets ``smooth_nr = smooth_dr = 0``,
and compares with ``eps=0`` (no floor) or where the floor is inactive. MONAI
computes ``w`` from ``ground_o.float()``, in float32 even for float64 input;
written out here in the input's dtype, as lossdocs does.
"""

import numpy as np
import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def monai_generalized_dice(p, t, smooth_nr=0.0, smooth_dr=0.0, reduction="mean"):
    reduce_axis = list(range(2, p.ndim))
    intersection = torch.sum(t * p, reduce_axis)
    ground_o = torch.sum(t, reduce_axis)
    pred_o = torch.sum(p, reduce_axis)
    denominator = ground_o + pred_o
    w = torch.reciprocal(ground_o * ground_o)
    infs = torch.isinf(w)
    w[infs] = 0.0
    max_values = torch.max(w, dim=1)[0].unsqueeze(dim=1)
    w = w + infs * max_values
    numer = 2.0 * (intersection * w).sum(1) + smooth_nr
    denom = (denominator * w).sum(1) + smooth_dr
    f = 1.0 - numer / denom
    return {"sum": torch.sum, "mean": torch.mean, "none": lambda s: s}[reduction](f)


def _batch(seed=0, shape=(4, 4, 5, 6), dtype=np.float64):
    """Softmax probabilities and one-hot targets; class 3 is absent from every sample,
    class 2 from sample 0 as well, and sample 1 is predicted perfectly."""
    rng = np.random.default_rng(seed)
    z = rng.normal(size=shape)
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    labels = rng.integers(0, shape[1] - 1, (shape[0], *shape[2:]))
    labels[0][labels[0] == 2] = 1
    t = np.moveaxis(np.eye(shape[1])[labels], -1, 1)
    p[1] = t[1]
    return p.astype(dtype), t.astype(dtype)


@pytest.mark.parametrize("eps", [0.0, 1e-7])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_generalized_dice_loss(eps, reduction):
    p, t = _batch()
    expected = monai_generalized_dice(tt(p), tt(t), reduction=reduction)
    assert_close(ld("generalized_dice_loss")(p, t, eps=eps, reduction=reduction), expected)


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_generalized_dice_loss_grad(reduction):
    p, t = _batch(1)
    expected = autograd(monai_generalized_dice, p, tt(t), reduction=reduction)
    assert_close(ld("generalized_dice_loss_grad")(p, t, reduction=reduction), expected)


def test_three_d_volumes_and_one_class():
    p, t = _batch(2, shape=(2, 3, 3, 4, 5))
    assert_close(
        ld("generalized_dice_loss")(p, t, reduction="none"),
        monai_generalized_dice(tt(p), tt(t), reduction="none"),
    )
    # C = 1: a sigmoid output; the single weight cancels and MONAI's value is the Dice loss.
    p1, t1 = p[:, :1], t[:, :1]
    assert_close(ld("generalized_dice_loss")(p1, t1), monai_generalized_dice(tt(p1), tt(t1)))
    assert_close(ld("dice_loss")(p1, t1), monai_generalized_dice(tt(p1), tt(t1)))


def test_monai_default_smoothing_is_not_small_for_large_volumes():
    # 2 classes of 10^6 voxels each: the weighted denominator is about 2 * 2 / 10^6 = 4e-6,
    # below MONAI's smooth_dr = 1e-5, so the default smoothing moves the loss a lot.
    n = 10**6
    t = np.zeros((1, 2, 2 * n))
    t[0, 0, :n] = t[0, 1, n:] = 1.0
    p = np.full_like(t, 0.5)
    exact = ld("generalized_dice_loss")(p, t)
    assert_close(exact, monai_generalized_dice(tt(p), tt(t)))
    assert exact == pytest.approx(0.5)
    smoothed = monai_generalized_dice(tt(p), tt(t), smooth_nr=1e-5, smooth_dr=1e-5).item()
    assert smoothed < 0.2


def test_float32():
    p, t = _batch(3, dtype=np.float32)
    assert_close(
        ld("generalized_dice_loss")(p, t), monai_generalized_dice(tt(p), tt(t)), dtype=np.float32
    )
    assert_close(
        ld("generalized_dice_loss_grad")(p, t),
        autograd(monai_generalized_dice, p, tt(t)),
        dtype=np.float32,
    )
