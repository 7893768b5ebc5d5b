"""``logsumexp`` against ``torch.logsumexp``."""

import numpy as np
import torch
from _xcheck import assert_close, ld, tt


def test_logsumexp_keepdims():
    x = np.random.default_rng(4).normal(0, 3, (3, 4))
    assert_close(ld("logsumexp")(x, axis=0, keepdims=True), torch.logsumexp(tt(x), 0, keepdim=True))
