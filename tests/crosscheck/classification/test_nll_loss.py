"""``nll_loss`` against ``torch.nn.functional.nll_loss``."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import REDUCTIONS, assert_close, ld, tt
from classification._xhelpers import SHAPE_IDS, SHAPES, _indices, _logits, _weight


@pytest.mark.parametrize("shape", SHAPES, ids=SHAPE_IDS)
@pytest.mark.parametrize("use_weight", [False, True])
@pytest.mark.parametrize("ignore_index", [-100, 1])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_nll_loss(shape, use_weight, ignore_index, reduction):
    log_probs = F.log_softmax(tt(_logits(shape, seed=6)), dim=1).numpy()
    target = _indices(shape, seed=6, ignore_index=ignore_index)
    weight = _weight(shape[1], seed=6) if use_weight else None
    expected = F.nll_loss(
        tt(log_probs),
        tt(target),
        weight=None if weight is None else tt(weight),
        ignore_index=ignore_index,
        reduction=reduction,
    )
    got = ld("nll_loss")(
        log_probs, target, weight=weight, ignore_index=ignore_index, reduction=reduction
    )
    assert_close(got, expected)


def test_nll_loss_float32_and_default():
    log_probs = F.log_softmax(tt(_logits((6, 5), seed=7, dtype=np.float32)), dim=1).numpy()
    target = _indices((6, 5), seed=7)
    assert_close(
        ld("nll_loss")(log_probs, target), F.nll_loss(tt(log_probs), tt(target)), dtype=np.float32
    )
