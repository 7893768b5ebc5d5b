"""log_cosh: accurate against mpmath for tiny and huge residuals, its gradient, dtypes."""

import mpmath
import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import huber, log_cosh, log_cosh_grad

RESIDUALS = [0.0, 1e-300, 1e-20, 1e-9, 1e-4, 0.3, 0.999, 1.0, 1.001, 5.0, 30.0, 400.0,
             710.0, 1e4, 1e300, -1e-9, -2.5, -1e300,
             19.999, 20.0, 20.001, -20.5]  # fmt: skip  # 20: where the linear tail starts


def _exact(x):
    with mpmath.workdps(60):
        return float(mpmath.log(mpmath.cosh(mpmath.mpf(x))))


def test_matches_mpmath_to_a_few_ulps_from_tiny_to_huge_residuals():
    x = np.array(RESIDUALS)
    got = log_cosh(x, np.zeros_like(x), reduction="none")
    exact = np.array([_exact(v) for v in RESIDUALS])
    assert np.all(np.isfinite(got))
    np.testing.assert_allclose(got, exact, rtol=4e-16, atol=0)


def test_float32_matches_mpmath_and_does_not_overflow():
    x = np.array([1e-15, 1e-3, 0.7, 3.0, 89.0, 100.0, 3e38], np.float32)
    got = log_cosh(x, np.zeros_like(x), reduction="none")
    assert got.dtype == np.float32 and np.all(np.isfinite(got))
    exact = np.array([_exact(float(v)) for v in x])
    np.testing.assert_allclose(got, exact, rtol=3e-7)


def test_keras_form_loses_tiny_residuals_this_one_keeps():
    # Keras: x + softplus(-2x) - log 2, written out; at x = 1e-9 it is rounding noise.
    x = 1e-9
    keras = x + np.log1p(np.exp(-2 * x)) - np.log(2)
    assert abs(keras - x * x / 2) > 1e-3 * (x * x / 2)
    assert log_cosh([x], [0.0]) == pytest.approx(x * x / 2, rel=1e-15)


@given(x=arrays(np.float64, 5, elements=st.floats(-1e6, 1e6)))
def test_between_huber_less_log2_and_huber(x):
    # |x| - log 2 <= log cosh x <= min(x^2 / 2, |x|), and huber(delta=1) bounds it above
    # for |x| >= 1 as well (cosh x <= e^{|x|} / 2 * 2).
    y = np.zeros_like(x)
    out = log_cosh(x, y, reduction="none")
    assert np.all(out >= np.abs(x) - np.log(2) - 1e-9 * np.abs(x))
    assert np.all(out <= np.minimum(x * x / 2, np.abs(x)) * (1 + 1e-12) + 1e-300)
    assert np.all(out <= huber(x, y, reduction="none") + 0.5)


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_gradient_matches_finite_differences(reduction):
    rng = np.random.default_rng(2)
    p, t = rng.normal(0, 2, (4, 3)), rng.normal(0, 2, (4, 3))
    num = numeric_grad(lambda x: log_cosh(x, t, reduction=reduction), p)
    np.testing.assert_allclose(log_cosh_grad(p, t, reduction=reduction), num, rtol=1e-7)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_gradient_is_bounded_by_one_and_keeps_the_dtype(dtype):
    big = np.finfo(dtype).max
    p = np.array([big, -big, 0.0, 1e-3], dtype)
    g = log_cosh_grad(p, np.zeros_like(p), reduction="sum")
    assert g.dtype == dtype
    np.testing.assert_allclose(g, [1.0, -1.0, 0.0, np.tanh(1e-3)], rtol=1e-6)


def test_an_inf_residual_is_inf_and_nan_propagates_without_a_warning():
    out = log_cosh([np.inf, 1e308, np.nan], [0.0, -1e308, 0.0], reduction="none")
    assert out[0] == np.inf and out[1] == np.inf and np.isnan(out[2])
