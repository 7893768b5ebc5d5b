"""``arcface_loss`` against insightface's ArcFace logits and cross-entropy."""

import math

import pytest
import torch
from _xcheck import REDUCTIONS, assert_close, ld, tt
from contrastive._xhelpers import _data, cosine_logits, insightface_arcface, insightface_case


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.2, 0.5, 1.2])
@pytest.mark.parametrize("scale", [1.0, 30.0, 64.0])
def test_arcface_loss(reduction, margin, scale):
    (x, w, labels), expected = insightface_case(0, insightface_arcface, scale, margin, reduction)
    got = ld("arcface_loss")(x, w, labels, scale=scale, margin=margin, reduction=reduction)
    assert_close(got, expected, rtol=1e-9)  # sqrt(1 - c^2) near c = +-1 amplifies rounding


def test_arcface_fallback_branch_is_exercised():
    x, w, labels = _data(0)
    cos = cosine_logits(tt(x), tt(w))[torch.arange(20), torch.from_numpy(labels)]
    assert (cos <= math.cos(math.pi - 1.2)).any() and (cos > math.cos(math.pi - 1.2)).any()
