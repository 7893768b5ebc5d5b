"""contrastive_loss against Hadsell et al.'s formula written in torch (PyTorch has none).

Distances with torch.nn.functional.pairwise_distance at eps = 0.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt

RNG = np.random.default_rng(4)
A, B = RNG.normal(size=(2, 12, 5)) * 0.6
Y = RNG.integers(0, 2, 12).astype(float)


def torch_contrastive(a, b, y, margin, reduction):
    d = F.pairwise_distance(a, b, eps=0.0)
    loss = y * d.pow(2) / 2 + (1 - y) * torch.clamp(margin - d, min=0).pow(2) / 2
    return {"mean": loss.mean, "sum": loss.sum, "none": lambda: loss}[reduction]()


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 1.0, 2.0])
def test_contrastive_loss(reduction, margin):
    expected = torch_contrastive(tt(A), tt(B), tt(Y), margin, reduction)
    got = ld("contrastive_loss")(A, B, Y, margin=margin, reduction=reduction)
    assert_close(got, expected)


def test_float32():
    a, b, y = A.astype(np.float32), B.astype(np.float32), Y.astype(np.float32)
    expected = torch_contrastive(tt(a), tt(b), tt(y), 1.0, "none")
    got = ld("contrastive_loss")(a, b, y, reduction="none")
    assert_close(got, expected, dtype=np.float32)
