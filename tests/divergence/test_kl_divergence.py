"""Tests of kl_divergence and kl_divergence_grad: values, tiny Q, Pinsker, the gradient."""

import math

import mpmath as mp
import numpy as np
import pytest
from divergence._helpers import LOG2, _normalise, dist_pairs
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import (
    kl_divergence,
    kl_divergence_grad,
    log_softmax,
    softmax,
)


def test_kl_hand_values():
    # 0.5 log(0.5/0.25) + 0.5 log(0.5/0.75) = 0.5 log 2 + 0.5 log(2/3) = 0.5 log(4/3).
    assert kl_divergence([0.5, 0.5], [0.25, 0.75]) == pytest.approx(0.5 * math.log(4 / 3))
    # Reversed: 0.25 log(0.5) + 0.75 log(1.5) -- a different number: KL is not symmetric.
    reverse = 0.25 * math.log(0.5) + 0.75 * math.log(1.5)
    assert kl_divergence([0.25, 0.75], [0.5, 0.5]) == pytest.approx(reverse, rel=1e-14)
    assert abs(reverse - 0.5 * math.log(4 / 3)) > 0.01
    # A point mass against uniform: 1 * log(1 / 0.5) = log 2, the zero term adds 0.
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(LOG2, rel=1e-15)


def test_tiny_q_gives_a_huge_finite_kl_and_an_infinite_gradient_without_warning():
    q = np.array([1 - 1e-300, 1e-300])
    p = np.array([0.5, 0.5])
    # 0.5 log(0.5 / 1) + 0.5 log(0.5 / 1e-300), to double precision.
    expected = 0.5 * math.log(0.5) + 0.5 * (math.log(0.5) + 300 * math.log(10))
    assert kl_divergence(p, q) == pytest.approx(expected, rel=1e-14)
    q = np.array([1.0 - 5e-324, 5e-324])  # p / q overflows: the gradient is -inf
    assert kl_divergence_grad(p, q)[1] == -np.inf


@pytest.mark.parametrize("d", [2.0**-10, 2.0**-20, 2.0**-30])
def test_kl_of_nearly_equal_distributions_keeps_relative_accuracy(d):
    # With d a power of 2, p = (1/2 + d, 1/2 - d) is exact and sums to 1; KL ~ 2 d^2, whereas
    # the plain sum of p log(p/q) has terms ~ +-d that cancel (an error ~1e-10 at d = 2^-20).
    p, q = np.array([0.5 + d, 0.5 - d]), np.array([0.5, 0.5])
    with mp.workdps(60):
        exact = sum(mp.mpf(a) * mp.log(mp.mpf(a) / mp.mpf(b)) for a, b in zip(p, q, strict=True))
        assert abs(kl_divergence(p, q) - exact) <= 1e-13 * exact
        back = sum(mp.mpf(b) * mp.log(mp.mpf(b) / mp.mpf(a)) for a, b in zip(p, q, strict=True))
        assert abs(kl_divergence(q, p) - back) <= 1e-13 * back


@settings(max_examples=60)
@given(dist_pairs())
def test_kl_is_nonnegative_zero_iff_equal_and_above_pinsker(pq):
    p, q = pq
    kl = kl_divergence(p, q)
    assert np.all(kl >= 0)
    np.testing.assert_array_equal(kl_divergence(p, p), 0.0)
    # Pinsker: KL >= 2 TV^2 with TV = sum |p - q| / 2, so P != Q gives KL > 0.
    tv = np.abs(p - q).sum(axis=-1) / 2
    assert np.all(kl >= 2 * tv**2 * (1 - 1e-12))
    assert np.all(kl[tv > 1e-6] > 0)


@settings(max_examples=30)
@given(dist_pairs(), st.randoms(use_true_random=False))
def test_invariant_under_one_relabelling_of_both(pq, rnd):
    # The discrete form of invariance under one invertible change of variables.
    p, q = pq
    perm = list(range(p.shape[-1]))
    rnd.shuffle(perm)
    np.testing.assert_allclose(
        kl_divergence(p[:, perm], q[:, perm]), kl_divergence(p, q), rtol=1e-13
    )
    # and the axis argument is a transpose
    np.testing.assert_allclose(kl_divergence(p.T, q.T, axis=0), kl_divergence(p, q), rtol=1e-15)


def test_gradient_closed_form_by_hand():
    # -p / q = (-0.5/0.25, -0.5/0.75).
    np.testing.assert_allclose(kl_divergence_grad([0.5, 0.5], [0.25, 0.75]), [-2.0, -2 / 3])


def test_gradient_at_zeros_is_plus_zero_for_p_zero_and_minus_inf_for_q_zero():
    # p = 0 gives +0 (before q = 0 is looked at), q = 0 < p gives -inf, also in a NaN row.
    p = np.array([[0.0, 0.5, 0.5, 0.0], [np.nan, 0.0, 0.5, 0.5]])
    q = np.array([[0.5, 0.0, 0.5, 0.0], [0.0, 0.5, 0.5, 0.0]])
    got = kl_divergence_grad(p, q)
    np.testing.assert_array_equal(got, [[0.0, -np.inf, -1.0, 0.0], [-np.inf, 0.0, -1.0, -np.inf]])
    assert not np.signbit(got[:, [0, 3]][0]).any() and not np.signbit(got[1, 1])


def test_gradient_through_softmax_matches_finite_differences():
    # sum KL(p || softmax(z)) has gradient J^T g with J the softmax Jacobian; it is q - p.
    rng = np.random.default_rng(0)
    p = _normalise(rng.random((3, 5)))
    z = rng.normal(size=(3, 5))
    q = softmax(z)
    g = kl_divergence_grad(p, q)
    chain = q * (g - (q * g).sum(axis=-1, keepdims=True))
    numeric = numeric_grad(lambda zz: kl_divergence(p, np.exp(log_softmax(zz))).sum(), z)
    np.testing.assert_allclose(chain, numeric, rtol=1e-6, atol=1e-9)
    np.testing.assert_allclose(chain, q - p, rtol=1e-12, atol=1e-15)


def test_gradient_along_the_simplex_matches_finite_differences():
    rng = np.random.default_rng(1)
    p, q = _normalise(rng.random((2, 4))), _normalise(rng.random((2, 4)) + 0.1)
    g = kl_divergence_grad(p, q)
    h = 1e-6
    for _ in range(5):
        v = rng.normal(size=q.shape)
        v -= v.mean(axis=-1, keepdims=True)  # stays on the simplex
        fd = (kl_divergence(p, q + h * v).sum() - kl_divergence(p, q - h * v).sum()) / (2 * h)
        assert (g * v).sum() == pytest.approx(fd, rel=1e-6)


def test_row_sum_tolerance_follows_each_inputs_own_dtype():
    # float32 probabilities sum to 1 only to float32 precision; paired with float64 q they
    # are still accepted, while a float64 row off by 1e-7 is refused.
    p32 = np.ones(3, dtype=np.float32) / np.float32(3)
    assert abs(float(p32.astype(np.float64).sum()) - 1) > 1e-9
    assert kl_divergence(p32, np.full(3, 1 / 3)) == pytest.approx(0.0, abs=1e-7)
    with pytest.raises(ValueError, match="p must sum to 1"):
        kl_divergence(np.array([0.5, 0.5 + 1e-7]), np.array([0.5, 0.5]))
