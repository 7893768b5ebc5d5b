"""Tests of huber and huber_grad: relation to smooth L1, limits, issue 11's reproducers."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from regression._helpers import values

from lossdocs import (
    huber,
    huber_grad,
    smooth_l1,
    smooth_l1_grad,
)


def test_a_loss_beyond_the_float_range_is_inf_without_a_warning():
    assert huber([1e308], [-1e308]) == np.inf


def test_a_delta_that_rounds_to_zero_in_float32_is_refused_by_name():
    for fn in (huber, huber_grad):
        with pytest.raises(ValueError, match=r"delta=1e-50 rounds to 0 in float32"):
            fn(np.float32([1.5]), np.float32([0]), delta=1e-50)


def test_mean_sum_and_none_agree():
    rng = np.random.default_rng(0)
    p, t = rng.normal(0, 3, 1000), rng.normal(0, 3, 1000)
    each = huber(p, t, reduction="none")
    e = np.abs(p - t)
    np.testing.assert_allclose(each, np.where(e < 1, e * e / 2, e - 0.5), rtol=1e-15)
    assert huber(p, t, reduction="sum") == pytest.approx(each.sum(), rel=1e-13)
    assert huber(p, t) == pytest.approx(each.mean(), rel=1e-13)
    np.testing.assert_allclose(huber(np.float32(p), np.float32(t)), each.mean(), rtol=1e-5)


@given(d=st.floats(0.01, 50), x=arrays(np.float64, 6, elements=values))
def test_huber_is_delta_times_smooth_l1(d, x):
    # The identity that the source notes miss: they coincide only at delta = beta = 1.
    t = np.zeros_like(x)
    np.testing.assert_allclose(
        huber(x, t, delta=d, reduction="none"),
        d * smooth_l1(x, t, beta=d, reduction="none"),
        rtol=1e-12,
        atol=1e-300,
    )


def test_huber_limits():
    r = np.array([0.3, -2.0, 7.0])
    t = np.zeros(3)
    # delta beyond every residual: half the squared error; beta = 0: the absolute error.
    np.testing.assert_allclose(huber(r, t, delta=100.0, reduction="none"), 0.5 * r**2)
    np.testing.assert_allclose(smooth_l1(r, t, beta=0.0, reduction="none"), np.abs(r))
    np.testing.assert_allclose(smooth_l1_grad(r, t, beta=0.0, reduction="sum"), np.sign(r))


def test_huber_continuous_at_delta():
    d = 1.5
    below = huber(np.array([d - 1e-9]), np.zeros(1), delta=d)
    at = huber(np.array([d]), np.zeros(1), delta=d)
    assert below == pytest.approx(at, abs=1e-8) and at == pytest.approx(d * d / 2)
