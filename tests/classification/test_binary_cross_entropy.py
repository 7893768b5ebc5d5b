"""Tests for lossdocs.classification.binary: BCE on probabilities and on logits, and gradients."""

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    sigmoid,
)

BCE, BCE_GRAD = binary_cross_entropy, binary_cross_entropy_grad
BCEL, BCEL_GRAD = binary_cross_entropy_with_logits, binary_cross_entropy_with_logits_grad
unit = st.floats(0, 1)
moderate = st.floats(-8, 8)


def mp_bcel(z, t, pw=1.0):
    """pw * t * log(1 + e^-z) + (1 - t) * log(1 + e^z) in 60-digit arithmetic."""
    with mpmath.workdps(60):
        z, t = mpmath.mpf(z), mpmath.mpf(t)
        sp = lambda x: mpmath.log1p(mpmath.exp(x))  # noqa: E731
        return float(mpmath.mpf(pw) * t * sp(-z) + (1 - t) * sp(z))


# ---------------------------------------------------------------- values


def test_bce_hand_values():
    # -log 0.8 = 0.22314...; p = 1/2 costs log 2 whatever the target; soft target 1/2 at
    # p = 1/4: -(log(1/4) + log(3/4)) / 2 = log(16/3) / 2.
    out = BCE([0.8, 0.5, 0.5, 0.25], [1.0, 1.0, 0.0, 0.5], reduction="none")
    np.testing.assert_allclose(
        out, [-math.log(0.8), math.log(2), math.log(2), math.log(16 / 3) / 2], rtol=1e-15
    )


def test_bce_clamps_each_log_at_minus_100():
    # PyTorch's clamp: a certain wrong answer costs 100, a certain right one 0 (0 log 0 = 0),
    # and p = 1e-50 (log p = -115.1) is clamped too. No RuntimeWarning (filterwarnings=error).
    p = np.array([0.0, 1.0, 0.0, 1.0, 1e-50])
    y = np.array([1.0, 0.0, 0.0, 1.0, 1.0])
    np.testing.assert_array_equal(BCE(p, y, reduction="none"), [100, 100, 0, 0, 100])
    # a soft target at p = 0: only the clamped term counts, weighted by the target.
    assert BCE(0.0, 0.25) == pytest.approx(25.0, rel=1e-15)


def test_bce_small_p_uses_log1p():
    # -log(1 - 1e-20) = 1e-20 (to double precision); log(1 - p) would round to 0.
    assert BCE(1e-20, 0.0) == pytest.approx(1e-20, rel=1e-15)


@settings(max_examples=60)
@given(arrays(np.float64, 6, elements=moderate), arrays(np.float64, 6, elements=unit))
def test_bce_on_sigmoid_equals_bce_with_logits(z, t):
    # For moderate z, sigmoid(z) and 1 - sigmoid(z) are >= 3e-4, so rounding p costs < 1e-12.
    np.testing.assert_allclose(
        BCE(sigmoid(z), t, reduction="none"), BCEL(z, t, reduction="none"), rtol=1e-10
    )


def test_bce_with_logits_hand_values():
    # z = 0: log 2 for any target. z = log 3 means p = 3/4: target 1 costs log(4/3), 0 costs log 4.
    z = np.array([0.0, 0.0, math.log(3), math.log(3)])
    out = BCEL(z, [1.0, 0.3, 1.0, 0.0], reduction="none")
    np.testing.assert_allclose(out, [math.log(2), math.log(2), math.log(4 / 3), math.log(4)])


@pytest.mark.parametrize("z", [-1e4, -745.5, -40.0, -1e-10, 0.0, 1e-10, 40.0, 745.5, 1e4])
@pytest.mark.parametrize("t", [0.0, 1.0, 0.3])
def test_bce_with_logits_is_accurate_at_extreme_logits(z, t):
    assert BCEL(z, t) == pytest.approx(mp_bcel(z, t), rel=1e-15, abs=1e-300)


def test_bce_with_logits_exact_far_tails():
    # softplus(1e4) = 1e4 + log1p(e^-1e4) = 1e4 in double; softplus(-1e4) underflows to 0.
    out = BCEL([1e4, 1e4, -1e4, -1e4, 1e4], [0.0, 1.0, 1.0, 0.0, 0.5], reduction="none")
    np.testing.assert_array_equal(out, [1e4, 0.0, 1e4, 0.0, 5e3])
    f32 = BCEL(np.array([1e4, -1e4], np.float32), np.array([0, 1], np.float32), reduction="none")
    assert f32.dtype == np.float32
    np.testing.assert_array_equal(f32, [1e4, 1e4])


# ---------------------------------------------------------------- weights


def test_weight_broadcasts_to_the_prediction_and_mean_divides_by_n():
    rng = np.random.default_rng(0)
    p, y = rng.uniform(0.05, 0.95, (4, 3)), rng.uniform(0, 1, (4, 3))
    plain = BCE(p, y, reduction="none")
    w_row, w_col = rng.uniform(0, 2, (4, 1)), rng.uniform(0, 2, 3)
    np.testing.assert_allclose(BCE(p, y, weight=w_row, reduction="none"), plain * w_row)
    np.testing.assert_allclose(BCE(p, y, weight=w_col, reduction="none"), plain * w_col)
    # PyTorch's mean is over elements, not over the sum of weights.
    assert BCE(p, y, weight=w_row) == pytest.approx((plain * w_row).sum() / 12)
    np.testing.assert_allclose(
        BCEL(p, y, weight=2.0, reduction="none"), 2 * BCEL(p, y, reduction="none")
    )


def test_pos_weight_scales_only_the_positive_term():
    z = np.array([[0.5, -1.0, 2.0], [-0.3, 0.0, 1.5]])
    y = np.array([[1.0, 0.0, 0.25], [0.0, 1.0, 1.0]])
    pw = np.array([3.0, 0.5, 2.0])  # one weight per class (last axis), as in PyTorch
    sp = lambda x: np.log1p(np.exp(x))  # noqa: E731  (safe for these small z)
    expected = pw * y * sp(-z) + (1 - y) * sp(z)
    np.testing.assert_allclose(BCEL(z, y, pos_weight=pw, reduction="none"), expected, rtol=1e-14)
    # pos_weight = 3 counts each positive three times: the sum equals that of a
    # batch where every positive is repeated three times.
    zz, yy = np.array([0.7, -0.2, 1.1]), np.array([1.0, 0.0, 1.0])
    repeated = np.concatenate([zz, zz[yy == 1], zz[yy == 1]])
    rep_t = np.concatenate([yy, yy[yy == 1], yy[yy == 1]])
    assert BCEL(zz, yy, pos_weight=3.0, reduction="sum") == pytest.approx(
        BCEL(repeated, rep_t, reduction="sum"), rel=1e-14
    )


# ---------------------------------------------------------------- gradients


def test_bce_grad_matches_finite_differences():
    rng = np.random.default_rng(1)
    p, y, w = rng.uniform(0.05, 0.95, (5, 3)), rng.uniform(0, 1, (5, 3)), rng.uniform(0, 2, 3)
    h = 1e-7
    f = lambda x: BCE(x, y, weight=w, reduction="none")  # noqa: E731
    fd = (f(p + h) - f(p - h)) / (2 * h)
    np.testing.assert_allclose(BCE_GRAD(p, y, weight=w, reduction="sum"), fd, rtol=1e-6)
    np.testing.assert_allclose(BCE_GRAD(p, y, weight=w), fd / 15, rtol=1e-6)


def test_bce_grad_clamps_the_denominator_like_pytorch():
    # (p - y) / max(p(1 - p), eps) with eps the float32 1e-12 of PyTorch's Loss.cpp
    # (`constexpr float EPSILON = 1e-12`, 9.99999996e-13 as a double): +-1/eps for a certain
    # wrong answer, 0 for a right one; at p = 1e-20, y = 0 it is 1e-20 / eps ~ 1e-8 (the true
    # derivative would be ~1).
    eps = float(np.float32(1e-12))
    assert eps == pytest.approx(9.99999996e-13, rel=1e-9)
    out = BCE_GRAD([0.0, 1.0, 0.0, 1.0, 1e-20], [1.0, 0.0, 0.0, 1.0, 0.0], reduction="sum")
    np.testing.assert_allclose(out, [-1 / eps, 1 / eps, 0, 0, 1e-20 / eps], rtol=1e-15)


@settings(max_examples=50)
@given(
    arrays(np.float64, (3, 2), elements=moderate),
    arrays(np.float64, (3, 2), elements=unit),
    arrays(np.float64, 2, elements=st.floats(0.1, 4)),
)
def test_bce_with_logits_grad_matches_finite_differences(z, y, pw):
    h, w = 1e-6, np.array([[0.5], [1.0], [2.0]])
    f = lambda x: BCEL(x, y, weight=w, pos_weight=pw, reduction="none")  # noqa: E731
    fd = (f(z + h) - f(z - h)) / (2 * h)
    g = BCEL_GRAD(z, y, weight=w, pos_weight=pw, reduction="sum")
    np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-8)


def test_bce_with_logits_grad_closed_form_and_extremes():
    # Without pos_weight it is sigmoid(z) - y; at +-1e4 it is exactly 0 or +-1.
    z = np.array([0.0, math.log(3), -2.0])
    y = np.array([1.0, 0.0, 0.4])
    np.testing.assert_allclose(BCEL_GRAD(z, y, reduction="sum"), sigmoid(z) - y, rtol=1e-15)
    ext = BCEL_GRAD([1e4, 1e4, -1e4, -1e4], [0.0, 1.0, 1.0, 0.0], reduction="sum")
    np.testing.assert_array_equal(ext, [1.0, 0.0, -1.0, 0.0])


# ---------------------------------------------------------------- dtype, NaN, reduction


@pytest.mark.parametrize("fn", [BCE, BCE_GRAD, BCEL, BCEL_GRAD])
def test_float32_in_float32_out_and_nan_propagates(fn):
    p = np.array([0.2, 0.7], np.float32)
    out = fn(p, np.array([1, 0], np.float32), weight=np.array([1.0, 2.0]), reduction="sum")
    assert out.dtype == np.float32
    nan = fn(np.array([np.nan, 0.5]), np.array([1.0, 0.0]), reduction="sum")
    assert np.isnan(nan).any()
    assert np.isnan(fn(np.array([0.5]), np.array([np.nan]), reduction="sum")).all()


@pytest.mark.parametrize("fn", [BCE, BCEL])
def test_reductions_are_consistent(fn):
    p, y = np.array([[0.1, 0.4, 0.9]]), np.array([[0.0, 1.0, 1.0]])
    none = fn(p, y, reduction="none")
    assert none.shape == (1, 3)
    assert fn(p, y, reduction="sum") == pytest.approx(none.sum())
    assert fn(p, y) == pytest.approx(none.sum() / 3)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("fn", "args", "kwargs", "name"),
    [
        (BCE, ([1.5], [1.0]), {}, "probs"),
        (BCE, ([-0.1], [1.0]), {}, "probs"),
        (BCE, ([0.5], [1.1]), {}, "target"),
        (BCEL, ([0.5], [2.0]), {}, "target"),
        (BCEL, ([0.5], [-1.0]), {}, "target"),
        (BCE, ([0.5, 0.5], [1.0]), {}, "target"),
        (BCE, (np.full((2, 3), 0.5), np.ones((2, 3))), {"weight": np.ones(2)}, "weight"),
        (BCEL, (np.zeros((2, 3)), np.ones((2, 3))), {"weight": np.ones((4, 2, 3))}, "weight"),
        (BCEL, (np.zeros((2, 3)), np.ones((2, 3))), {"pos_weight": np.ones(2)}, "pos_weight"),
        (BCE_GRAD, ([0.5], [1.0]), {"reduction": "none"}, "reduction"),
        (BCEL_GRAD, ([0.5], [1.0]), {"reduction": "none"}, "reduction"),
        (BCE, ([0.5], [1.0]), {"reduction": "avg"}, "reduction"),
        (BCEL, ([], []), {}, "logits"),
        (BCE, ([], []), {}, "probs"),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(fn, args, kwargs, name):
    with pytest.raises(ValueError, match=name):
        fn(*args, **kwargs)


def test_non_numeric_input_raises_type_error():
    with pytest.raises(TypeError, match="probs"):
        BCE(["a"], [1.0])
    with pytest.raises(TypeError, match="pos_weight"):
        BCEL([0.0], [1.0], pos_weight=["x"])


def test_empty_sum_is_zero():
    assert BCEL(np.zeros((0, 3)), np.zeros((0, 3)), reduction="sum") == 0.0
