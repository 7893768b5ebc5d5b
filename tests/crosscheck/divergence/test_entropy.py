"""``entropy`` against ``torch.distributions.Categorical.entropy``."""

import numpy as np
import pytest
from _xcheck import assert_close, ld, tt
from divergence._xhelpers import _dists
from torch.distributions import Categorical


@pytest.mark.parametrize("zeros", [False, True])
def test_entropy_matches_categorical(zeros):
    p, _ = _dists(7, zeros=zeros)
    assert_close(ld("entropy")(p), Categorical(probs=tt(p)).entropy())
    assert_close(ld("entropy")(p.T, axis=0), Categorical(probs=tt(p)).entropy())


def test_entropy_float32():
    p, _ = _dists(8, zeros=True, dtype=np.float32)
    assert_close(ld("entropy")(p), Categorical(probs=tt(p)).entropy(), dtype=np.float32)
