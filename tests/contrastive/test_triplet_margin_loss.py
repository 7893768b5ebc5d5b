"""Tests for triplet_margin_loss: PyTorch's semantics, written out independently."""

import math

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import triplet_margin_loss

RNG = np.random.default_rng(2)
A, P, N = RNG.normal(size=(3, 7, 4))


def dist(x, y, p, eps):
    v = np.abs(x - y + eps)
    return np.max(v, axis=1) if math.isinf(p) else np.sum(v**p, axis=1) ** (1 / p)


@pytest.mark.parametrize("p", [1.0, 1.5, 2.0, 3.0, math.inf, 0.5])
@pytest.mark.parametrize("swap", [False, True])
@pytest.mark.parametrize("eps", [0.0, 1e-6, 0.1])
def test_values(p, swap, eps):
    d_an = dist(A, N, p, eps)
    if swap:
        d_an = np.minimum(d_an, dist(P, N, p, eps))
    expected = np.maximum(dist(A, P, p, eps) - d_an + 0.7, 0)
    got = triplet_margin_loss(A, P, N, margin=0.7, p=p, eps=eps, swap=swap, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


@settings(max_examples=50)
@given(d_ap=st.floats(0, 5), extra=st.floats(1e-9, 5), m=st.floats(0.01, 3))
def test_zero_past_the_margin(d_ap, extra, m):
    # Negative past d_ap + m (extra > 0 beats rounding): exactly 0; inside the margin, positive.
    d_an = d_ap + m + extra
    args = ([[0.0, 0.0]], [[d_ap, 0.0]], [[0.0, d_an]])
    assert triplet_margin_loss(*args, margin=m, eps=0.0) == 0
    inside = ([[0.0, 0.0]], [[d_ap, 0.0]], [[0.0, d_ap + 0.5 * m]])
    assert triplet_margin_loss(*inside, margin=m, eps=0.0) == pytest.approx(0.5 * m)


def test_eps_is_added_to_the_difference_not_the_norm():
    # d(x, x) = eps * sqrt(D) and d(x, y) != d(y, x): pairwise_distance's convention.
    x = np.array([[1.0, 2.0, 3.0, 4.0]])
    y = np.array([[0.0, 2.0, 3.0, 4.0]])
    zero = triplet_margin_loss(x, x, y, margin=1.0, eps=1e-3, reduction="none")
    # d_ap = 2e-3, d_an = |(1.001, .001, .001, .001)|.
    d_an = math.sqrt(1.001**2 + 3e-6)
    assert zero[0] == pytest.approx(2e-3 - d_an + 1.0, rel=1e-12)
    fwd = triplet_margin_loss(x, y, x, eps=1e-3, reduction="none")
    bwd = triplet_margin_loss(y, x, y, eps=1e-3, reduction="none")
    assert fwd[0] != bwd[0]


def test_gradient_stated_on_the_page():
    # triplet page: when active, d loss / d a = (a - p)/d_ap - (a - n)/d_an (p = 2, eps = 0).
    a, p, n = np.array([[0.2, 0.1]]), np.array([[1.0, 0.3]]), np.array([[0.5, -0.4]])
    d_ap, d_an = np.linalg.norm(a - p), np.linalg.norm(a - n)
    assert d_ap - d_an + 1 > 0
    expected = (a - p) / d_ap - (a - n) / d_an
    numeric = numeric_grad(lambda x: triplet_margin_loss(x, p, n, eps=0.0), a)
    np.testing.assert_allclose(numeric, expected, rtol=1e-7)


def test_float32_and_extreme_scales():
    for c in (1e-30, 1.0, 1e30):
        a, p, n = ((v * c).astype(np.float32) for v in (A, P, N))
        got = triplet_margin_loss(a, p, n, margin=float(c), eps=0.0, reduction="none")
        assert got.dtype == np.float32 and np.isfinite(got).all()
        expected = triplet_margin_loss(A, P, N, margin=1.0, eps=0.0, reduction="none")
        np.testing.assert_allclose(got / c, expected, rtol=1e-5, atol=1e-6)


def test_reductions_and_empty_sum():
    per = triplet_margin_loss(A, P, N, reduction="none")
    assert triplet_margin_loss(A, P, N) == pytest.approx(per.mean())
    assert triplet_margin_loss(A, P, N, reduction="sum") == pytest.approx(per.sum())
    e = np.zeros((0, 4))
    assert triplet_margin_loss(e, e, e, reduction="sum") == 0
