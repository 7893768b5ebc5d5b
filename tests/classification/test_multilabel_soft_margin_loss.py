"""Tests for multilabel_soft_margin_loss: BCE with logits averaged over labels, weights."""

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import (
    binary_cross_entropy_with_logits,
    multilabel_soft_margin_loss,
    multilabel_soft_margin_loss_grad,
)


def _data(seed=0, shape=(7, 5)):
    rng = np.random.default_rng(seed)
    return rng.normal(0, 2, shape), (rng.random(shape) < 0.4).astype(float)


def test_is_bce_with_logits_averaged_over_labels():
    x, y = _data()
    bce = binary_cross_entropy_with_logits(x, y, reduction="none")
    got = multilabel_soft_margin_loss(x, y, reduction="none")
    np.testing.assert_allclose(got, bce.mean(axis=1), rtol=1e-15)
    assert multilabel_soft_margin_loss(x, y) == pytest.approx(bce.mean(), rel=1e-15)
    assert multilabel_soft_margin_loss(x, y, reduction="sum") == pytest.approx(bce.mean(1).sum())


def test_weight_scales_each_label_and_the_divisor_stays_c():
    x, y = _data(1)
    w = np.array([0.0, 1.0, 2.0, 0.5, 3.0])
    bce = binary_cross_entropy_with_logits(x, y, reduction="none")
    got = multilabel_soft_margin_loss(x, y, weight=w, reduction="none")
    np.testing.assert_allclose(got, (bce * w).sum(axis=1) / 5, rtol=1e-14)  # not / w.sum()
    # a per-element weight that broadcasts is accepted as well
    full = np.broadcast_to(w, x.shape)
    same = multilabel_soft_margin_loss(x, y, weight=full, reduction="none")
    np.testing.assert_allclose(same, got)


def test_hand_value():
    # sigma = 0.75 (target 1) and 0.5 (target 0): (log(4/3) + log 2) / 2
    out = multilabel_soft_margin_loss(np.log([3.0, 1.0]), [1, 0], reduction="none")
    assert out == pytest.approx((np.log(4 / 3) + np.log(2)) / 2, rel=1e-15)


def test_gradient_matches_finite_differences():
    x, y = _data(2, (4, 3))
    w = np.array([1.0, 0.3, 2.0])
    for reduction in ("mean", "sum"):
        g = multilabel_soft_margin_loss_grad(x, y, weight=w, reduction=reduction)
        fd = numeric_grad(
            lambda v, r=reduction: multilabel_soft_margin_loss(v, y, weight=w, reduction=r), x
        )
        np.testing.assert_allclose(g, fd, atol=1e-8)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes_and_extreme_logits(dtype):
    x = np.array([[1e4, -1e4, 50.0], [-1e4, 1e4, -50.0]], dtype)
    y = np.array([[1, 0, 0], [1, 0, 1]], dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = multilabel_soft_margin_loss(x, y, reduction="none")
        g = multilabel_soft_margin_loss_grad(x, y, reduction="sum")
    assert out.dtype == dtype and g.dtype == dtype
    np.testing.assert_allclose(out, [50 / 3, (2e4 + 50) / 3], rtol=1e-6)
    np.testing.assert_allclose(g, [[0, 0, 1 / 3], [-1 / 3, 1 / 3, -1 / 3]], rtol=1e-6, atol=0)
