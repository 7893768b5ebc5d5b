"""nt_xent against SimCLR's ``add_contrastive_loss`` (google-research/simclr, objective.py).

Its TensorFlow ops written in torch, single replica: l2-normalise, logits
ab/aa/ba/bb over the temperature, the self-similarities minus 1e9, softmax
cross-entropy of [ab, aa] and [ba, bb] with one-hot labels at i, and
``loss = loss_a + loss_b`` (each a mean over N): twice lossdocs' mean over 2N.
"""

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt

LARGE_NUM = 1e9


def simclr_loss(hidden1, hidden2, temperature):
    h1, h2 = F.normalize(hidden1, dim=-1), F.normalize(hidden2, dim=-1)
    n = len(h1)
    labels = torch.arange(n)
    masks = torch.eye(n)
    logits_aa = h1 @ h1.T / temperature - masks * LARGE_NUM
    logits_bb = h2 @ h2.T / temperature - masks * LARGE_NUM
    logits_ab = h1 @ h2.T / temperature
    logits_ba = h2 @ h1.T / temperature
    loss_a = F.cross_entropy(torch.cat([logits_ab, logits_aa], 1), labels, reduction="none")
    loss_b = F.cross_entropy(torch.cat([logits_ba, logits_bb], 1), labels, reduction="none")
    return loss_a, loss_b


@pytest.mark.parametrize("temperature", [0.05, 0.1, 0.5, 1.0])
@pytest.mark.parametrize("seed", range(3))
def test_nt_xent(temperature, seed):
    rng = np.random.default_rng(seed)
    z1 = rng.normal(size=(8, 16))
    z2 = z1 + 0.5 * rng.normal(size=(8, 16))
    loss_a, loss_b = simclr_loss(tt(z1), tt(z2), temperature)
    per = ld("nt_xent")(z1, z2, temperature=temperature, reduction="none")
    assert_close(per, torch.cat([loss_a, loss_b]))
    # The official code's scalar is loss_a.mean() + loss_b.mean(): twice the mean over 2N.
    assert_close(2 * ld("nt_xent")(z1, z2, temperature=temperature), loss_a.mean() + loss_b.mean())


def test_float32():
    rng = np.random.default_rng(5)
    z1, z2 = rng.normal(size=(2, 6, 4)).astype(np.float32)
    loss_a, loss_b = simclr_loss(tt(z1), tt(z2), 0.1)
    got = ld("nt_xent")(z1, z2, temperature=0.1, reduction="none")
    assert_close(got, torch.cat([loss_a, loss_b]), dtype=np.float32)
