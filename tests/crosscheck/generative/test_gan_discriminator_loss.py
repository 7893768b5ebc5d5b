"""The minimax ``gan_discriminator_loss`` is BCE with logits on (r, 1) plus on (f, 0)."""

import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt
from generative._xhelpers import _logits


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_minimax_discriminator_is_bce_on_real_and_fake(reduction):
    r, f = _logits(0), _logits(1)
    bce = F.binary_cross_entropy_with_logits
    rt, ft = tt(r), tt(f)
    expected = bce(rt, torch.ones_like(rt), reduction=reduction) + bce(
        ft, torch.zeros_like(ft), reduction=reduction
    )
    assert_close(ld("gan_discriminator_loss")(r, f, reduction=reduction), expected)
