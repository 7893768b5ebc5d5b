"""multilabel_soft_margin_loss against torch.nn.functional.multilabel_soft_margin_loss."""

import numpy as np
import pytest
import torch.nn.functional as F
from _xcheck import EXTREME, GRAD_REDUCTIONS, REDUCTIONS, assert_close, autograd, ld, tt


def _data(seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 3.0, (8, 5)).astype(dtype)
    y = (rng.random((8, 5)) < 0.4).astype(dtype)
    return x, y, rng.uniform(0.0, 3.0, 5).astype(dtype)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_values(reduction, weighted):
    x, y, w = _data()
    weight = w if weighted else None
    expected = F.multilabel_soft_margin_loss(
        tt(x), tt(y), weight=None if weight is None else tt(w), reduction=reduction
    )
    got = ld("multilabel_soft_margin_loss")(x, y, weight=weight, reduction=reduction)
    assert_close(got, expected)


@pytest.mark.parametrize("reduction", GRAD_REDUCTIONS)
def test_gradient(reduction):
    x, y, w = _data(1)
    expected = autograd(F.multilabel_soft_margin_loss, x, tt(y), weight=tt(w), reduction=reduction)
    got = ld("multilabel_soft_margin_loss_grad")(x, y, weight=w, reduction=reduction)
    assert_close(got, expected)


def test_extreme_logits_and_float32():
    x = np.stack([EXTREME, -EXTREME])
    y = np.stack([np.ones_like(EXTREME), np.zeros_like(EXTREME)])
    assert_close(
        ld("multilabel_soft_margin_loss")(x, y, reduction="none"),
        F.multilabel_soft_margin_loss(tt(x), tt(y), reduction="none"),
    )
    x32, y32, w32 = _data(2, np.float32)
    assert_close(
        ld("multilabel_soft_margin_loss")(x32, y32, weight=w32),
        F.multilabel_soft_margin_loss(tt(x32), tt(y32), weight=tt(w32)),
        dtype=np.float32,
    )
