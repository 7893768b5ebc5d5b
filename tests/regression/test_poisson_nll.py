"""poisson_nll: the Poisson log-pmf, both input forms, Stirling's term, extremes."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lossdocs import poisson_nll


def _log_pmf(k, lam):
    return k * math.log(lam) - lam - math.lgamma(k + 1)


@pytest.mark.parametrize("lam", [0.3, 2.0, 17.5])
def test_it_is_the_negative_log_pmf_up_to_log_k_factorial(lam):
    k = np.arange(0, 12, dtype=float)
    got = poisson_nll(np.full_like(k, math.log(lam)), k, reduction="none")
    exact = np.array([-_log_pmf(v, lam) - math.lgamma(v + 1) for v in k])
    np.testing.assert_allclose(got, exact, rtol=1e-13, atol=1e-13)


def test_full_adds_stirlings_log_factorial_only_above_one():
    k = np.array([0.0, 1.0, 1.5, 2.0, 10.0, 100.0])
    lam = 3.0
    plain = poisson_nll(np.log(np.full_like(k, lam)), k, reduction="none")
    full = poisson_nll(np.log(np.full_like(k, lam)), k, full=True, reduction="none")
    added = full - plain
    assert added[0] == 0 and added[1] == 0
    # Stirling: log k! ~ k log k - k + log(2 pi k) / 2, within 1 / (12 k) of lgamma(k + 1).
    for v, a in zip(k[2:], added[2:], strict=True):
        assert a == pytest.approx(v * math.log(v) - v + 0.5 * math.log(2 * math.pi * v))
        assert abs(a - math.lgamma(v + 1)) < 1 / (12 * v) + 1e-12


@given(lam=st.floats(1e-3, 1e3), k=st.floats(0, 1e3))
def test_log_input_and_rate_input_agree(lam, k):
    a = poisson_nll([math.log(lam)], [k])
    b = poisson_nll([lam], [k], log_input=False, eps=0.0)
    assert a == pytest.approx(b, rel=1e-9, abs=1e-9)


def test_the_best_rate_is_the_count():
    lams = np.linspace(0.5, 8, 1501)
    losses = poisson_nll(np.log(lams), np.full_like(lams, 4.0), reduction="none")
    assert lams[np.argmin(losses)] == pytest.approx(4.0, abs=0.01)


def test_eps_keeps_a_zero_rate_finite():
    assert poisson_nll([0.0], [2.0], log_input=False) == pytest.approx(-2 * math.log(1e-8))
    assert poisson_nll([0.0], [0.0], log_input=False) == 0.0


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes_and_overflow(dtype):
    pred = np.array([0.0, 1e4, -1e4, 2.0], dtype)
    target = np.array([1.0, 3.0, 0.0, 5.0], dtype)
    out = poisson_nll(pred, target, full=True, reduction="none")
    assert out.dtype == dtype
    assert out[0] == 1.0 and out[1] == np.inf and out[2] == 0.0
    assert out[3] == pytest.approx(
        math.exp(2) - 10 + 5 * math.log(5) - 5 + 0.5 * math.log(10 * math.pi), rel=1e-6
    )


def test_nan_propagates():
    assert np.isnan(poisson_nll([np.nan], [1.0]))
    assert np.isnan(poisson_nll([1.0], [np.nan], full=True))
