"""quantile_loss: values, its minimiser is the sample quantile, the subgradient, dtypes."""

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import mae, quantile_loss, quantile_loss_grad

levels = st.floats(0.01, 0.99)


def test_hand_checked_values():
    # u = target - pred = 1 (under-prediction) costs q; u = -2 costs 2 (1 - q).
    out = quantile_loss([0.0, 3.0], [1.0, 1.0], quantile=0.25, reduction="none")
    np.testing.assert_allclose(out, [0.25, 1.5])
    assert quantile_loss([0.0, 3.0], [1.0, 1.0], quantile=0.25, reduction="sum") == 1.75
    assert quantile_loss([0.0, 3.0], [1.0, 1.0], quantile=0.25) == 0.875


# Subnormals excluded: q u and |u| / 2 round differently there, by one subnormal step.
@given(x=arrays(np.float64, 7, elements=st.floats(-1e3, 1e3, allow_subnormal=False)), q=levels)
def test_half_is_half_the_absolute_error_and_never_negative(x, q):
    y = x[::-1].copy()
    assert quantile_loss(x, y, quantile=0.5) == pytest.approx(mae(x, y) / 2, rel=1e-12, abs=0)
    assert np.all(quantile_loss(x, y, quantile=q, reduction="none") >= 0)


@settings(max_examples=60, deadline=None)
@given(y=arrays(np.int64, st.integers(1, 40), elements=st.integers(-200, 200)), q=levels)
def test_the_minimiser_over_a_constant_is_a_sample_quantile(y, q):
    # Data on a grid of quarters, with ties: distinct values a rounding error apart
    # (1e-277 and 0) give losses that differ by less than one ulp of their sum.
    y = y / 4.0
    # The loss of a constant c is convex and piecewise linear with kinks at the data,
    # so its minimum is at a data point; scan them all. Every minimiser c* must be a
    # q-quantile of the sample: at most a fraction q of the points below it and at
    # most 1 - q above it (Koenker and Bassett's characterisation).
    losses = np.array([quantile_loss(np.full_like(y, c), y, quantile=q) for c in y])
    best = y[losses <= losses.min() * (1 + 1e-12)]  # ties up to rounding
    n = y.size
    for c in best:
        assert np.sum(y < c) <= q * n + 1e-9
        assert np.sum(y > c) <= (1 - q) * n + 1e-9
    # And NumPy's "inverted_cdf" quantile, a q-quantile, attains the minimum.
    c = np.quantile(y, q, method="inverted_cdf")
    assert quantile_loss(np.full_like(y, c), y, quantile=q) == pytest.approx(
        losses.min(), rel=1e-12, abs=0
    )


def test_gradient_descent_on_a_constant_finds_the_quantile():
    rng = np.random.default_rng(0)
    y = rng.exponential(1.0, 2001)
    for q in (0.1, 0.5, 0.9):
        c = np.zeros(1)
        for step in range(4000):  # subgradient descent with a decaying step
            g = quantile_loss_grad(np.full_like(y, c[0]), y, quantile=q, reduction="mean")
            c -= 2.0 / (1 + step) ** 0.5 * g.sum()
        assert abs(c[0] - np.quantile(y, q)) < 0.02


@pytest.mark.parametrize("q", [0.1, 0.5, 0.73])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_gradient_matches_finite_differences_away_from_the_kink(q, reduction):
    rng = np.random.default_rng(1)
    p, t = rng.normal(size=(3, 4)), rng.normal(size=(3, 4))
    num = numeric_grad(lambda x: quantile_loss(x, t, quantile=q, reduction=reduction), p)
    got = quantile_loss_grad(p, t, quantile=q, reduction=reduction)
    np.testing.assert_allclose(got, num, rtol=1e-7, atol=1e-9)


def test_the_subgradient_at_the_kink_is_zero_and_inside_the_subdifferential():
    q = 0.3
    g = quantile_loss_grad([1.0], [1.0], quantile=q, reduction="sum")
    assert g[0] == 0.0
    # One-sided slopes at the kink: -q to the left, 1 - q to the right.
    h = 1e-7
    right = (quantile_loss([1 + h], [1.0], quantile=q) - 0) / h
    left = (0 - quantile_loss([1 - h], [1.0], quantile=q)) / h
    assert left == pytest.approx(-q) and right == pytest.approx(1 - q)
    assert left <= g[0] <= right


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept_and_extremes_are_finite_or_inf(dtype):
    big = np.finfo(dtype).max
    p = np.array([big, -big, 0.0, 1e-30], dtype)
    t = np.array([-big, big, 0.0, 0.0], dtype)
    out = quantile_loss(p, t, quantile=0.9, reduction="none")
    assert out.dtype == dtype
    assert np.isinf(out[0]) and np.isinf(out[1]) and out[2] == 0
    assert out[3] == pytest.approx(0.1e-30, rel=1e-6)
    g = quantile_loss_grad(p, t, quantile=0.9, reduction="sum")
    assert g.dtype == dtype
    np.testing.assert_allclose(g, [0.1, -0.9, 0.0, 0.1], rtol=1e-6)


def test_nan_propagates_in_loss_and_gradient():
    assert np.isnan(quantile_loss([np.nan, 1.0], [0.0, 0.0], reduction="none")[0])
    assert np.isnan(quantile_loss_grad([np.nan, 1.0], [0.0, 0.0], reduction="sum")[0])


@pytest.mark.parametrize("q", [0.0, 1.0, -0.5, 1.5, np.nan])
def test_levels_outside_the_open_unit_interval_are_refused(q):
    with pytest.raises(ValueError, match="quantile must"):
        quantile_loss([1.0], [0.0], quantile=q)
