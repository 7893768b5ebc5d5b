"""Tests for asymmetric_loss (ASL): its special cases, the shift, the clamp, the gradient."""

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    asymmetric_loss,
    asymmetric_loss_grad,
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    focal_loss,
)

mask = arrays(np.float64, (3, 4), elements=st.sampled_from([0.0, 1.0]))
logits = arrays(np.float64, (3, 4), elements=st.floats(-15, 15))
PLAIN = {"gamma_pos": 0.0, "gamma_neg": 0.0, "clip": 0.0}


def _reference(z, y, gp, gn, clip, eps):
    """The authors' AsymmetricLoss per element, in the order they compute it (float64)."""
    p = 1 / (1 + np.exp(-z))
    neg = np.minimum(1 - p + clip, 1) if clip > 0 else 1 - p
    ce = y * np.log(np.maximum(p, eps)) + (1 - y) * np.log(np.maximum(neg, eps))
    pt = p * y + neg * (1 - y)
    return -ce * (1 - pt) ** (gp * y + gn * (1 - y))


@settings(max_examples=60)
@given(logits, mask)
def test_gamma_zero_and_clip_zero_is_bce_with_logits(z, y):
    np.testing.assert_allclose(
        asymmetric_loss(z, y, **PLAIN, reduction="none"),
        binary_cross_entropy_with_logits(z, y, reduction="none"),
        rtol=1e-14,
    )
    np.testing.assert_allclose(
        asymmetric_loss_grad(z, y, **PLAIN),
        binary_cross_entropy_with_logits_grad(z, y),
        rtol=1e-13,
        atol=1e-17,
    )


@settings(max_examples=60)
@given(logits, mask, st.floats(0, 3), st.floats(0, 6), st.floats(0, 0.3))
def test_equals_the_authors_formula(z, y, gp, gn, clip):
    np.testing.assert_allclose(
        asymmetric_loss(z, y, gamma_pos=gp, gamma_neg=gn, clip=clip, reduction="none"),
        _reference(z, y, gp, gn, clip, 1e-8),
        rtol=1e-9,
        atol=1e-13,
    )


def test_symmetric_gammas_without_shift_is_the_focal_loss_without_alpha():
    rng = np.random.default_rng(0)
    z, y = rng.normal(0, 3, (5, 6)), (rng.random((5, 6)) < 0.3) * 1.0
    np.testing.assert_allclose(
        asymmetric_loss(z, y, gamma_pos=2.0, gamma_neg=2.0, clip=0.0, reduction="none"),
        focal_loss(z, y, alpha=None, gamma=2.0, reduction="none"),
        rtol=1e-12,
    )


def test_easy_negatives_below_clip_cost_exactly_nothing():
    p = np.array([0.01, 0.049, 0.06, 0.5])
    z = np.log(p / (1 - p))
    out = asymmetric_loss(z, np.zeros(4), reduction="none")
    g = asymmetric_loss_grad(z, np.zeros(4), reduction="sum")
    assert np.array_equal(out[:2], [0, 0]) and np.array_equal(g[:2], [0, 0])
    assert np.all(out[2:] > 0) and np.all(g[2:] > 0)
    # at p = 0.5 (shifted to 0.45): 0.45^4 * -log 0.55
    assert out[3] == pytest.approx(0.45**4 * -np.log(0.55), rel=1e-12)


def test_reductions_mean_is_over_all_elements_and_sum_is_the_authors():
    rng = np.random.default_rng(1)
    z, y = rng.normal(0, 2, (4, 5)), (rng.random((4, 5)) < 0.5) * 1.0
    per = _reference(z, y, 0.0, 4.0, 0.05, 1e-8)
    assert asymmetric_loss(z, y, reduction="sum") == pytest.approx(per.sum(), rel=1e-12)
    assert asymmetric_loss(z, y) == pytest.approx(per.sum() / 20, rel=1e-12)
    assert asymmetric_loss(z, y, reduction="none").shape == (4, 5)


@pytest.mark.parametrize(
    "kw",
    [
        {},
        {"gamma_pos": 1.0},
        {"gamma_pos": 0.5, "gamma_neg": 2.0, "clip": 0.2},
        {"gamma_neg": 0.5, "clip": 0.0},
    ],
)
def test_gradient_matches_finite_differences(kw):
    rng = np.random.default_rng(2)
    z = rng.normal(0, 2, (4, 5))
    y = (rng.random((4, 5)) < 0.4) * 1.0
    y[0, 0] = 0.3  # a soft target as well
    p = 1 / (1 + np.exp(-z))
    z = np.where(np.abs(p - kw.get("clip", 0.05)) < 1e-3, z + 0.1, z)  # away from the shift's kink
    for reduction in ("mean", "sum"):
        g = asymmetric_loss_grad(z, y, reduction=reduction, **kw)
        fd = numeric_grad(lambda v, r=reduction: asymmetric_loss(v, y, reduction=r, **kw), z)
        np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes_and_extreme_logits(dtype):
    z = np.array([-1e4, 1e4, -1e4, 1e4, 0.0], dtype)
    y = np.array([1, 1, 0, 0, 1], dtype)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = asymmetric_loss(z, y, gamma_pos=1.0, reduction="none")
        g = asymmetric_loss_grad(z, y, gamma_pos=1.0, reduction="sum")
    assert out.dtype == dtype and g.dtype == dtype
    # a hopeless positive is clamped at -log(eps); a certain negative at log(clip) (p_m = 0.95)
    expected = [-np.log(1e-8), 0.0, 0.0, -np.log(0.05) * 0.95**4, 0.5 * np.log(2)]
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    assert np.all(np.isfinite(g)) and g[0] == 0 and g[1] == 0
