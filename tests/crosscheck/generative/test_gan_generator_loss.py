"""``gan_generator_loss`` against torch: softplus forms and autograd."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import assert_close, autograd, ld, tt
from generative._xhelpers import KINDS, _logits, _torch_generator


def test_torch_softplus_threshold_drops_exp_minus_x_above_20():
    # F.softplus(x) returns x itself for x > threshold = 20, so it is low by
    # log1p(e^-x) ~ 2e-9 at x = 20.0001 (a relative 1e-10): BCE with logits, which
    # lossdocs matches, keeps the term.
    x = np.array([20.0001, 25.0, 30.0])
    exact = x + np.log1p(np.exp(-x))
    torch_sp = F.softplus(tt(x)).numpy()
    np.testing.assert_array_equal(torch_sp, x)
    mm = ld("gan_generator_loss")(x, kind="minimax", reduction="none")
    np.testing.assert_allclose(-mm, exact, rtol=1e-15)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_generator_grad_is_autograd(kind, reduction):
    f = np.concatenate([np.clip(_logits(4), -19, 19), [-100.0, 100.0]])

    def loss(ft):
        per = _torch_generator(ft, kind)
        return per.mean() if reduction == "mean" else per.sum()

    got = ld("gan_generator_loss_grad")(f, kind=kind, reduction=reduction)
    assert_close(got, autograd(loss, f))
