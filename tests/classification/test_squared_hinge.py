"""Tests for squared_hinge: the hinge squared, its gradient, extremes and dtypes."""

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import hinge, squared_hinge, squared_hinge_grad

labels = arrays(np.float64, 8, elements=st.sampled_from([-1.0, 1.0]))
wide = arrays(np.float64, 8, elements=st.floats(-1e3, 1e3))


def test_hand_values():
    # margin 1: y s = 0.3 -> 0.7^2; y s = 2 -> 0; y s = -2 -> 3^2. margin 2 at y s = -1: 9.
    np.testing.assert_allclose(
        squared_hinge([0.3, 2.0, 2.0], [1, 1, -1], reduction="none"), [0.49, 0, 9]
    )
    assert squared_hinge(-1.0, 1, margin=2.0) == 9.0
    assert squared_hinge([0.5, 3.0], [1, 1], reduction="sum") == 0.25


@settings(max_examples=60)
@given(wide, labels, st.floats(0, 5))
def test_is_the_hinge_squared(s, y, m):
    h = hinge(s, y, margin=m, reduction="none")
    np.testing.assert_allclose(squared_hinge(s, y, margin=m, reduction="none"), h * h, rtol=1e-15)


def test_gradient_matches_finite_differences_and_is_continuous_at_the_margin():
    rng = np.random.default_rng(0)
    s, y = rng.uniform(-3, 3, 30), rng.choice([-1.0, 1.0], 30)
    for reduction in ("mean", "sum"):
        fd = numeric_grad(lambda v, r=reduction: squared_hinge(v, y, reduction=r), s)
        np.testing.assert_allclose(squared_hinge_grad(s, y, reduction=reduction), fd, atol=1e-8)
    # at y s = m exactly both one-sided slopes are 0: no kink, unlike the hinge
    g = squared_hinge_grad([1.0, -1.0], [1, -1], reduction="sum")
    assert np.array_equal(g, [0.0, 0.0]) and not np.signbit(g).any()


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept_and_extremes_overflow_only_where_the_value_does(dtype):
    big = np.sqrt(np.finfo(dtype).max)
    s = np.array([-1e4, 1e4, -4 * big], dtype)
    y = np.ones(3, dtype)
    # no warning, also where the square overflows
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = squared_hinge(s, y, reduction="none")
        g = squared_hinge_grad(s, y, reduction="sum")
    assert out.dtype == dtype and g.dtype == dtype
    assert out[0] == pytest.approx((1e4 + 1) ** 2, rel=1e-6) and out[1] == 0
    assert np.isinf(out[2]) and np.isfinite(g[2])
