"""perplexity against torch: the exponential of the shifted cross-entropy's mean."""

import numpy as np
import torch
import torch.nn.functional as F
from _xcheck import assert_close, ld, tt


def test_perplexity_is_exp_of_torch_cross_entropy():
    rng = np.random.default_rng(5)
    logits = rng.normal(size=(3, 6, 9)) * 3
    labels = rng.integers(0, 9, size=(3, 6))
    labels[1, 4:] = -100
    flat = tt(logits)[:, :-1].reshape(-1, 9)
    expected = torch.exp(F.cross_entropy(flat, torch.as_tensor(labels)[:, 1:].reshape(-1)))
    assert_close(ld("perplexity")(logits, labels), expected)
