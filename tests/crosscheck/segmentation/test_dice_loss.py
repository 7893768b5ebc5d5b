"""``dice_loss`` against its docstring's formula written in torch ops; the gradient by autograd."""

import pytest
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt
from segmentation._xhelpers import SETTINGS, _kw, _masks, torch_dice


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
