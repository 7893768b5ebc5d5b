"""The GAN losses against torch: BCE with logits, the softplus forms, autograd.

The minimax discriminator is ``F.binary_cross_entropy_with_logits`` on (r, 1) plus
on (f, 0); the generator's non-saturating loss is its value on (f, 1), the minimax
one minus its value on (f, 0); the other kinds are written out with ``F.softplus``,
``F.relu`` and arithmetic; gradients by autograd.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import EXTREME, assert_close, ld, tt
from generative._xhelpers import KINDS, _logits, _torch_generator


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_generator_losses_are_bce_at_extreme_logits(dtype):
    f = EXTREME.astype(dtype)
    ft = tt(f)
    ns = F.binary_cross_entropy_with_logits(ft, torch.ones_like(ft), reduction="none")
    mm = -F.binary_cross_entropy_with_logits(ft, torch.zeros_like(ft), reduction="none")
    g = ld("gan_generator_loss")
    assert_close(g(f, reduction="none"), ns, dtype=dtype)
    assert_close(g(f, kind="minimax", reduction="none"), mm, dtype=dtype)
    d = ld("gan_discriminator_loss")(f, f[::-1], reduction="none")
    rt, ft2 = tt(f), tt(f[::-1].copy())
    expected = F.binary_cross_entropy_with_logits(rt, torch.ones_like(rt), reduction="none")
    expected = expected + F.binary_cross_entropy_with_logits(
        ft2, torch.zeros_like(ft2), reduction="none"
    )
    assert_close(d, expected, dtype=dtype)


def _torch_discriminator(r, f, kind):
    return {
        "minimax": lambda: F.softplus(-r) + F.softplus(f),
        "non_saturating": lambda: F.softplus(-r) + F.softplus(f),
        "wasserstein": lambda: f - r,
        "hinge": lambda: F.relu(1 - r) + F.relu(1 + f),
        "least_squares": lambda: ((r - 1) ** 2 + f**2) / 2,
    }[kind]()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_matches_its_torch_form(kind):
    # |logits| < 20 keeps clear of F.softplus's threshold (see the next test).
    r, f = np.clip(_logits(2), -19, 19), np.clip(_logits(3), -19, 19)
    got = ld("gan_discriminator_loss")(r, f, kind=kind, reduction="none")
    assert_close(got, _torch_discriminator(tt(r), tt(f), kind))
    got = ld("gan_generator_loss")(f, kind=kind, reduction="none")
    assert_close(got, _torch_generator(tt(f), kind))
