"""vae_loss against pytorch/examples' VAE loss and torch.distributions.

pytorch/examples ``vae/main.py`` (commit 77f55b91, 2025-08-25), written out: BCE
summed over pixels and batch plus ``-0.5 * sum(1 + logvar - mu^2 - exp(logvar))``;
and ``torch.distributions.kl_divergence`` to N(0, 1) per latent dimension.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt
from torch.distributions import Normal, kl_divergence

# --- VAE -------------------------------------------------------------------------------


def _vae_batch(seed=0, b=5, d=7, k=3):
    rng = np.random.default_rng(seed)
    return (
        rng.normal(size=(b, d)) * 3,
        rng.uniform(size=(b, d)),
        rng.normal(size=(b, k)),
        rng.normal(size=(b, k)) * 2,
    )


def _torch_kld(mu, logvar):
    # pytorch/examples vae/main.py: KLD = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    return -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())


def test_vae_sum_is_pytorch_examples_loss_with_logits():
    recon, x, mu, logvar = _vae_batch()
    bce = F.binary_cross_entropy_with_logits(tt(recon), tt(x), reduction="sum")
    expected = bce + _torch_kld(tt(mu), tt(logvar))
    assert_close(ld("vae_loss")(recon, x, mu, logvar, reduction="sum"), expected)


def test_vae_on_sigmoid_outputs_is_the_example_as_written():
    # The example decodes with torch.sigmoid and calls F.binary_cross_entropy on
    # probabilities; for moderate logits that is the same number.
    recon, x, mu, logvar = _vae_batch(1)
    probs = torch.sigmoid(tt(recon))
    expected = F.binary_cross_entropy(probs, tt(x), reduction="sum") + _torch_kld(
        tt(mu), tt(logvar)
    )
    assert_close(ld("vae_loss")(recon, x, mu, logvar, reduction="sum"), expected, rtol=1e-9)


@pytest.mark.parametrize("reduction", ["mean", "none"])
def test_vae_gaussian_and_the_kl_per_sample(reduction):
    recon, x, mu, logvar = _vae_batch(2)
    kl = kl_divergence(Normal(tt(mu), torch.exp(0.5 * tt(logvar))), Normal(0.0, 1.0)).sum(-1)
    rec = 0.5 * F.mse_loss(tt(recon), tt(x), reduction="none").sum(-1)
    per = rec + 4.0 * kl
    expected = per.mean() if reduction == "mean" else per
    got = ld("vae_loss")(recon, x, mu, logvar, beta=4.0, likelihood="gaussian", reduction=reduction)
    assert_close(got, expected)
