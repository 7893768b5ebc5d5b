"""batch_hard_triplet_loss against Hermans et al.'s batch-hard loss written in torch.

torch.cdist for the distance matrix, masks for positives and negatives, max/min,
then the hinge or softplus (PyTorch has no batch-hard loss).
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt


def torch_batch_hard(x, labels, margin, soft):
    d = torch.cdist(x, x, compute_mode="donot_use_mm_for_euclid_dist")
    same = labels[:, None] == labels[None, :]
    eye = torch.eye(len(x), dtype=torch.bool)
    d_ap = torch.where(same & ~eye, d, torch.full_like(d, -torch.inf)).amax(dim=1)
    d_an = torch.where(same, torch.full_like(d, torch.inf), d).amin(dim=1)
    gap = d_ap - d_an
    return F.softplus(gap) if soft else torch.clamp(margin + gap, min=0)


@pytest.mark.parametrize("soft", [False, True])
@pytest.mark.parametrize("margin", [0.0, 0.3, 1.0])
@pytest.mark.parametrize("seed", range(3))
def test_batch_hard_triplet_loss(soft, margin, seed):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(16, 8))
    labels = np.repeat(np.arange(4), 4)  # P = 4 identities, K = 4 images: a PK batch
    per = torch_batch_hard(tt(x), torch.from_numpy(labels), margin, soft)
    f = ld("batch_hard_triplet_loss")
    assert_close(f(x, labels, margin=margin, soft=soft, reduction="none"), per)
    assert_close(f(x, labels, margin=margin, soft=soft), per.mean())
    assert_close(f(x, labels, margin=margin, soft=soft, reduction="sum"), per.sum())


def test_float32():
    rng = np.random.default_rng(9)
    x = rng.normal(size=(12, 5)).astype(np.float32)
    labels = np.repeat(np.arange(3), 4)
    per = torch_batch_hard(tt(x), torch.from_numpy(labels), 0.2, False)
    got = ld("batch_hard_triplet_loss")(x, labels, margin=0.2, reduction="none")
    assert_close(got, per, dtype=np.float32)
