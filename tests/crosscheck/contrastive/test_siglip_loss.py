"""siglip_loss against big_vision's SigLIP loss (big_vision/trainers/proj/image_text/siglip.py).

Its ``loss_fn`` in torch: ``logits = zimg @ ztxt.T * t + b``, labels
``-1 + 2 * eye``, ``nll = -sum(log_sigmoid(labels * logits), axis=-1)``,
``mean(nll)``; big_vision's two-tower model L2-normalises zimg and ztxt, and
``t = exp(t_prime)``.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt


def big_vision_siglip(zimg, ztxt, t_prime, b):
    zimg, ztxt = F.normalize(zimg, dim=-1), F.normalize(ztxt, dim=-1)
    logits = zimg @ ztxt.T
    logits = logits * torch.exp(torch.tensor(t_prime, dtype=zimg.dtype)) + b
    eye = torch.eye(len(zimg), dtype=zimg.dtype)
    m1_diag1 = -torch.ones_like(logits) + 2 * eye
    loglik = F.logsigmoid(m1_diag1 * logits)
    nll = -torch.sum(loglik, dim=-1)
    return torch.mean(nll)


@pytest.mark.parametrize("scale, bias", [(10.0, -10.0), (1.0, 0.0), (100.0, -5.0), (3.0, 2.0)])
@pytest.mark.parametrize("seed", range(3))
def test_siglip_loss(scale, bias, seed):
    rng = np.random.default_rng(seed)
    image = rng.normal(size=(9, 7))
    text = image + rng.normal(size=(9, 7))
    expected = big_vision_siglip(tt(image), tt(text), math.log(scale), bias)
    got = ld("siglip_loss")(image, text, scale=scale, bias=bias)
    assert_close(got, expected, rtol=1e-12)


def test_float32_at_init():
    rng = np.random.default_rng(3)
    image, text = rng.normal(size=(2, 16, 8)).astype(np.float32)
    expected = big_vision_siglip(tt(image), tt(text), math.log(10.0), -10.0)
    got = ld("siglip_loss")(image, text)
    assert_close(got, expected, dtype=np.float32)
