"""``jaccard_loss`` against its docstring's formula in torch ops; the gradient by autograd."""

import pytest
from _xcheck import GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt
from segmentation._xhelpers import SETTINGS, _kw, _masks, torch_jaccard


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
