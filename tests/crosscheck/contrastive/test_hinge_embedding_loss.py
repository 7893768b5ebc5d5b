"""hinge_embedding_loss against torch.nn.functional.hinge_embedding_loss."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt

RNG = np.random.default_rng(2)
X = np.abs(RNG.normal(size=(3, 7))) * 1.5
Y = RNG.choice([-1.0, 1.0], (3, 7))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 1.0, 2.5])
def test_hinge_embedding_loss(reduction, margin):
    expected = F.hinge_embedding_loss(tt(X), tt(Y), margin=margin, reduction=reduction)
    got = ld("hinge_embedding_loss")(X, Y, margin=margin, reduction=reduction)
    assert_close(got, expected)


def test_float32_and_negative_inputs():
    x = RNG.normal(size=20).astype(np.float32)
    y = RNG.choice([-1.0, 1.0], 20).astype(np.float32)
    expected = F.hinge_embedding_loss(tt(x), tt(y), reduction="none")
    assert_close(ld("hinge_embedding_loss")(x, y, reduction="none"), expected, dtype=np.float32)


def test_torch_adds_both_terms_for_a_zero_label():
    # The page's edge case: a 0/1 label fed to torch counts x + max(0, m - x).
    assert F.hinge_embedding_loss(tt([0.25]), tt([0.0])).item() == pytest.approx(1.0)
    with pytest.raises(ValueError, match="target"):
        ld("hinge_embedding_loss")([0.25], [0.0])
