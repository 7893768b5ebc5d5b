"""Issue 11's reproducers for BCE with logits at infinite logits: the limit, no warning."""

import math

import mpmath
import numpy as np
import pytest
from classification._helpers import BCEL, BCEL_GRAD, moderate, unit
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    sigmoid,
)

INF = np.inf


@pytest.mark.parametrize(
    ("z", "t", "loss", "grad"),
    [(INF, 1.0, 0.0, 0.0), (-INF, 0.0, 0.0, 0.0), (INF, 0.0, INF, 1.0), (-INF, 1.0, INF, -1.0),
     (INF, 0.5, INF, 0.5)],
)  # fmt: skip
def test_an_infinite_logit_gives_the_limit(z, t, loss, grad):
    assert binary_cross_entropy_with_logits([z], [t]) == loss
    assert binary_cross_entropy_with_logits([z], [t], pos_weight=[2.0]) == loss
    assert binary_cross_entropy_with_logits_grad([z], [t])[0] == grad


def test_nan_still_propagates():
    assert np.isnan(binary_cross_entropy_with_logits([np.nan, INF], [1.0, 1.0]))


def mp_bcel(z, t, pw=1.0):
    """pw * t * log(1 + e^-z) + (1 - t) * log(1 + e^z) in 60-digit arithmetic."""
    with mpmath.workdps(60):
        z, t = mpmath.mpf(z), mpmath.mpf(t)
        sp = lambda x: mpmath.log1p(mpmath.exp(x))  # noqa: E731
        return float(mpmath.mpf(pw) * t * sp(-z) + (1 - t) * sp(z))


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


def test_empty_sum_is_zero():
    assert BCEL(np.zeros((0, 3)), np.zeros((0, 3)), reduction="sum") == 0.0


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_grad_of_a_0d_input_is_a_scalar_equal_to_sigmoid_minus_target(dtype):
    # The two sigmoids share out= buffers; a 0-d input must still work and give a scalar.
    g = binary_cross_entropy_with_logits_grad(dtype(4.0), dtype(0.0), reduction="sum")
    assert np.ndim(g) == 0 and g.dtype == dtype
    assert g == pytest.approx(1 / (1 + math.exp(-4.0)), rel=1e-6)
