"""margin_ranking_loss against torch.nn.functional.margin_ranking_loss."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt

RNG = np.random.default_rng(1)
X1, X2 = RNG.normal(size=(2, 4, 5))
Y = RNG.choice([-1.0, 1.0], (4, 5))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [-0.3, 0.0, 0.5, 2.0])
def test_margin_ranking_loss(reduction, margin):
    expected = F.margin_ranking_loss(tt(X1), tt(X2), tt(Y), margin=margin, reduction=reduction)
    got = ld("margin_ranking_loss")(X1, X2, Y, margin=margin, reduction=reduction)
    assert_close(got, expected)


def test_float32():
    a, b, y = (x.astype(np.float32) for x in (X1, X2, Y))
    expected = F.margin_ranking_loss(tt(a), tt(b), tt(y), margin=0.1, reduction="none")
    got = ld("margin_ranking_loss")(a, b, y, margin=0.1, reduction="none")
    assert_close(got, expected, dtype=np.float32)


def test_torch_accepts_target_zero_lossdocs_refuses():
    z = tt([0.0])
    assert F.margin_ranking_loss(tt([1.0]), z, z, margin=0.5).item() == 0.5
    with pytest.raises(ValueError, match="target"):
        ld("margin_ranking_loss")([1.0], [0.0], [0.0], margin=0.5)
