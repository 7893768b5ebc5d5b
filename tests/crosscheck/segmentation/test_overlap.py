"""Soft Dice and Jaccard losses against the same formula in torch, gradients by autograd.

torch has no Dice or Jaccard loss, so the docstrings' formulas are written below in
torch (the denominator floored with ``torch.clamp(min=eps)``, whose backward
lets the gradient through where the denominator is >= eps) and lossdocs'
closed-form gradients are checked against autograd of them.
"""

import numpy as np
from _xcheck import assert_close, autograd, ld, tt
from segmentation._xhelpers import _masks, torch_dice, torch_jaccard


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
