"""``zero_one`` against the error rate computed in torch."""

import numpy as np
import pytest
import torch
from _xcheck import REDUCTIONS, assert_close, ld, tt
from classification._xhelpers import _reduce


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_zero_one(reduction):
    rng = np.random.default_rng(8)
    pred, target = rng.integers(0, 3, 40), rng.integers(0, 3, 40)
    expected = _reduce((tt(pred) != tt(target)).to(torch.float64), reduction)
    assert_close(ld("zero_one")(pred, target, reduction=reduction), expected)
