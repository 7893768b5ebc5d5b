"""Tests of js_divergence: values, symmetry and bounds, accuracy for nearly equal rows."""

import math

import mpmath as mp
import numpy as np
import pytest
from divergence._helpers import LOG2, dist_pairs
from hypothesis import given, settings

from lossdocs import (
    js_divergence,
)


def test_js_hand_values():
    # Disjoint supports: M = (1/2, 1/2), each KL is log 2, JS = log 2 (the bound).
    assert js_divergence([1.0, 0.0], [0.0, 1.0]) == pytest.approx(LOG2, rel=1e-15)
    # M = (0.375, 0.625); the two KLs written out term by term.
    kl_pm = 0.5 * math.log(0.5 / 0.375) + 0.5 * math.log(0.5 / 0.625)
    kl_qm = 0.25 * math.log(0.25 / 0.375) + 0.75 * math.log(0.75 / 0.625)
    got = js_divergence([0.5, 0.5], [0.25, 0.75])
    assert got == pytest.approx((kl_pm + kl_qm) / 2, rel=1e-13)


@settings(max_examples=60)
@given(dist_pairs())
def test_js_is_symmetric_and_bounded(pq):
    p, q = pq
    js = js_divergence(p, q)
    np.testing.assert_array_equal(js, js_divergence(q, p))
    assert np.all((js >= 0) & (js <= LOG2))
    np.testing.assert_array_equal(js_divergence(p, p), 0.0)


def test_js_of_distributions_a_subnormal_apart_is_not_log_2():
    # Exact: 5e-324 log(2) / 2 = 1.7e-324, which rounds to 0 (the mixture is never formed).
    assert js_divergence([1.0, 5e-324], [1.0, 0.0]) == 0.0


@pytest.mark.parametrize("ulps", [1, 2, 7])
def test_js_of_distributions_ulps_apart_is_accurate(ulps):
    # JS = sum_i (p_i - q_i)^2 / (8 m_i) to leading order, here 2 (k 2^-53)^2 / (8 / 2).
    p, d = np.array([0.5, 0.5]), ulps * 2.0**-53
    q = np.array([0.5 + d, 0.5 - d])
    exact = mp.mpf(0)
    for a, b in zip(p, q, strict=True):
        a, b = mp.mpf(a), mp.mpf(b)
        exact += (a * mp.log(2 * a / (a + b)) + b * mp.log(2 * b / (a + b))) / 2
    assert js_divergence(p, q) == pytest.approx(float(exact), rel=1e-12)
