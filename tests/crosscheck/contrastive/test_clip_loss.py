"""clip_loss against CLIP's loss (Radford et al. 2021, Figure 3; open_clip's ClipLoss).

Written in torch: normalise, ``logits = image @ text.T * logit_scale`` with
``logit_scale = exp(log(1 / temperature))``, then ``(CE(logits, arange) +
CE(logits.T, arange)) / 2``.
"""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt


def clip_torch(image, text, temperature, reduction="mean"):
    image, text = F.normalize(image, dim=-1), F.normalize(text, dim=-1)
    logit_scale = torch.tensor(math.log(1 / temperature), dtype=image.dtype).exp()
    logits_per_image = logit_scale * image @ text.T
    logits_per_text = logits_per_image.T
    labels = torch.arange(len(image))
    i2t = F.cross_entropy(logits_per_image, labels, reduction=reduction)
    t2i = F.cross_entropy(logits_per_text, labels, reduction=reduction)
    return (i2t + t2i) / 2


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("temperature", [0.01, 0.07, 1.0])
@pytest.mark.parametrize("seed", range(3))
def test_clip_loss(reduction, temperature, seed):
    rng = np.random.default_rng(seed)
    image = rng.normal(size=(10, 12))
    text = image + rng.normal(size=(10, 12))
    expected = clip_torch(tt(image), tt(text), temperature, reduction)
    got = ld("clip_loss")(image, text, temperature=temperature, reduction=reduction)
    assert_close(got, expected, rtol=1e-9)  # exp(log(1/t)) rounds 1/t by an ulp or two


def test_float32():
    rng = np.random.default_rng(7)
    image, text = rng.normal(size=(2, 8, 5)).astype(np.float32)
    expected = clip_torch(tt(image), tt(text), 0.07, "none")
    got = ld("clip_loss")(image, text, reduction="none")
    assert_close(got, expected, dtype=np.float32)
