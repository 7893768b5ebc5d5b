"""Soft Dice and Jaccard losses against the same formula in torch, gradients by autograd.

torch has no Dice or Jaccard loss, so the docstrings' formulas are written below in
torch (the denominator floored with ``torch.clamp(min=eps)``, whose backward
lets the gradient through where the denominator is >= eps) and lossdocs'
closed-form gradients are checked against autograd of them.
"""

import numpy as np
import pytest
import torch
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


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


@pytest.mark.parametrize(("smooth", "eps", "axis"), SETTINGS)
@pytest.mark.parametrize("squared", [False, True])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_dice_loss(smooth, eps, axis, squared, reduction):
    p, t = _masks()
    kw = _kw(smooth, eps, axis)
    expected = torch_dice(tt(p), tt(t), squared=squared, reduction=reduction, **kw)
    assert_close(ld("dice_loss")(p, t, squared=squared, reduction=reduction, **kw), expected)


@pytest.mark.parametrize(("smooth", "eps", "axis"), SETTINGS)
@pytest.mark.parametrize("squared", [False, True])
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_dice_loss_grad(smooth, eps, axis, squared, reduction):
    p, t = _masks(1)
    kw = _kw(smooth, eps, axis)
    expected = autograd(torch_dice, p, tt(t), squared=squared, reduction=reduction, **kw)
    got = ld("dice_loss_grad")(p, t, squared=squared, reduction=reduction, **kw)
    assert_close(got, expected)


@pytest.mark.parametrize(("smooth", "eps", "axis"), SETTINGS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_jaccard_loss(smooth, eps, axis, reduction):
    p, t = _masks(2)
    kw = _kw(smooth, eps, axis)
    expected = torch_jaccard(tt(p), tt(t), reduction=reduction, **kw)
    assert_close(ld("jaccard_loss")(p, t, reduction=reduction, **kw), expected)


@pytest.mark.parametrize(("smooth", "eps", "axis"), SETTINGS)
@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_jaccard_loss_grad(smooth, eps, axis, reduction):
    p, t = _masks(3)
    kw = _kw(smooth, eps, axis)
    expected = autograd(torch_jaccard, p, tt(t), reduction=reduction, **kw)
    assert_close(ld("jaccard_loss_grad")(p, t, reduction=reduction, **kw), expected)


def test_clamped_denominator():
    # Denominators below eps = 1e-3: the loss is 1 - num / eps and its gradient
    # -dnum / eps, as autograd through clamp gives.
    p = np.array([[1e-5, 2e-4, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0], [0.3, 0.0, 0.5, 1.0]])
    t = np.array([[1.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 1e-4], [0.0, 1.0, 0.5, 1.0]])
    for name, ref in (("dice_loss", torch_dice), ("jaccard_loss", torch_jaccard)):
        assert_close(
            ld(name)(p, t, eps=1e-3, reduction="none"),
            ref(tt(p), tt(t), eps=1e-3, reduction="none"),
        )
        assert_close(
            ld(name + "_grad")(p, t, eps=1e-3, reduction="sum"),
            autograd(ref, p, tt(t), eps=1e-3, reduction="sum"),
        )


def test_one_dimensional_input_is_one_sample():
    p, t = _masks(4)
    p, t = p[2].ravel(), t[2].ravel()
    assert_close(
        ld("dice_loss")(p, t, reduction="none"), torch_dice(tt(p), tt(t), reduction="none")
    )
    assert_close(ld("jaccard_loss_grad")(p, t), autograd(torch_jaccard, p, tt(t)))


def test_empty_masks_give_1_or_0_with_smooth():
    p = t = np.zeros((1, 8))
    for ref, name in ((torch_dice, "dice_loss"), (torch_jaccard, "jaccard_loss")):
        assert_close(ld(name)(p, t), ref(tt(p), tt(t)))
        assert ld(name)(p, t) == 1.0
        assert_close(ld(name)(p, t, smooth=1.0), ref(tt(p), tt(t), smooth=1.0))
        assert ld(name)(p, t, smooth=1.0) == 0.0


def test_float32():
    p, t = _masks(5, dtype=np.float32)
    for name, ref in (("dice_loss", torch_dice), ("jaccard_loss", torch_jaccard)):
        assert_close(ld(name)(p, t), ref(tt(p), tt(t)), dtype=np.float32)
        assert_close(ld(name + "_grad")(p, t), autograd(ref, p, tt(t)), dtype=np.float32)
