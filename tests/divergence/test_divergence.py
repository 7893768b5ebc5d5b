"""Tests for lossdocs.divergence: entropy, KL, Jensen-Shannon, Gaussian KL, the KL gradient."""

import math

import mpmath as mp
import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    entropy,
    gaussian_kl,
    js_divergence,
    kl_divergence,
    kl_divergence_grad,
    log_softmax,
    softmax,
)

LOG2 = math.log(2)


def _normalise(x):
    x = np.asarray(x, dtype=np.float64)
    x = np.where(x.sum(axis=-1, keepdims=True) == 0, 1.0, x)  # an all-zero row -> uniform
    return x / x.sum(axis=-1, keepdims=True)


# Rows of 1-6 outcomes with exact zeros allowed, normalised.
dists = arrays(
    np.float64,
    st.tuples(st.integers(1, 3), st.integers(1, 6)),
    elements=st.one_of(st.just(0.0), st.floats(1e-3, 1.0)),
).map(_normalise)


@st.composite
def dist_pairs(draw, positive_q=False):
    p = draw(dists)
    lo = 1e-3 if positive_q else 0.0
    q = draw(arrays(np.float64, p.shape, elements=st.floats(lo, 1.0)))
    return p, _normalise(q)


# --- hand-checked values --------------------------------------------------------------


def test_entropy_hand_values():
    # H = -sum p log p: log 2 for a fair coin, 0 for a certain outcome, log n for uniform.
    np.testing.assert_allclose(entropy([[0.5, 0.5], [1.0, 0.0]]), [LOG2, 0.0], rtol=1e-15)
    assert entropy(np.full(7, 1 / 7)) == pytest.approx(math.log(7), rel=1e-14)
    expected = -(0.25 * math.log(0.25) + 0.75 * math.log(0.75))
    assert entropy([0.25, 0.75]) == pytest.approx(expected, rel=1e-15)
    assert str(entropy([1.0, 0.0])) == "0.0"  # not -0.0


def test_kl_hand_values():
    # 0.5 log(0.5/0.25) + 0.5 log(0.5/0.75) = 0.5 log 2 + 0.5 log(2/3) = 0.5 log(4/3).
    assert kl_divergence([0.5, 0.5], [0.25, 0.75]) == pytest.approx(0.5 * math.log(4 / 3))
    # Reversed: 0.25 log(0.5) + 0.75 log(1.5) -- a different number: KL is not symmetric.
    reverse = 0.25 * math.log(0.5) + 0.75 * math.log(1.5)
    assert kl_divergence([0.25, 0.75], [0.5, 0.5]) == pytest.approx(reverse, rel=1e-14)
    assert abs(reverse - 0.5 * math.log(4 / 3)) > 0.01
    # A point mass against uniform: 1 * log(1 / 0.5) = log 2, the zero term adds 0.
    assert kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(LOG2, rel=1e-15)


def test_js_hand_values():
    # Disjoint supports: M = (1/2, 1/2), each KL is log 2, JS = log 2 (the bound).
    assert js_divergence([1.0, 0.0], [0.0, 1.0]) == pytest.approx(LOG2, rel=1e-15)
    # M = (0.375, 0.625); the two KLs written out term by term.
    kl_pm = 0.5 * math.log(0.5 / 0.375) + 0.5 * math.log(0.5 / 0.625)
    kl_qm = 0.25 * math.log(0.25 / 0.375) + 0.75 * math.log(0.75 / 0.625)
    got = js_divergence([0.5, 0.5], [0.25, 0.75])
    assert got == pytest.approx((kl_pm + kl_qm) / 2, rel=1e-13)


def test_gaussian_kl_hand_values():
    # Same sigma, means 1 apart: only (mu_p - mu_q)^2 / (2 sigma_q^2) = 1/2 remains.
    assert gaussian_kl(0.0, 1.0, 1.0, 1.0) == pytest.approx(0.5, rel=1e-15)
    # sigma_q = 2: log 2 + 1/8 - 1/2.
    assert gaussian_kl(0.0, 1.0, 0.0, 2.0) == pytest.approx(LOG2 + 0.125 - 0.5, rel=1e-15)
    assert gaussian_kl(3.0, 0.7, 3.0, 0.7) == 0.0


# --- conventions: 0 log 0, q = 0, no warnings (pytest turns warnings into errors) -----


def test_zero_conventions():
    p = np.array([[1.0, 0.0], [0.5, 0.5], [1.0, 0.0]])
    q = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    # row 0: 0 log(0/0) = 0; rows 1 and 2: p > 0 where q = 0 -> inf.
    np.testing.assert_array_equal(kl_divergence(p, q), [0.0, np.inf, np.inf])
    np.testing.assert_array_equal(
        kl_divergence_grad(p, q), [[-1, 0], [-0.5, -np.inf], [-np.inf, 0]]
    )
    # JS stays finite (M > 0 wherever p or q is): log 2 for disjoint supports.
    np.testing.assert_allclose(js_divergence(p, q)[[0, 2]], [0.0, LOG2], rtol=1e-15)
    assert np.isfinite(js_divergence(p, q)).all()
    # q = 0 where p = 0 costs nothing; p = 0 where q > 0 is fine too.
    assert kl_divergence([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]) == 0.0
    assert kl_divergence([0.0, 1.0], [0.5, 0.5]) == pytest.approx(LOG2, rel=1e-15)


def test_tiny_q_gives_a_huge_finite_kl_and_an_infinite_gradient_without_warning():
    q = np.array([1 - 1e-300, 1e-300])
    p = np.array([0.5, 0.5])
    # 0.5 log(0.5 / 1) + 0.5 log(0.5 / 1e-300), to double precision.
    expected = 0.5 * math.log(0.5) + 0.5 * (math.log(0.5) + 300 * math.log(10))
    assert kl_divergence(p, q) == pytest.approx(expected, rel=1e-14)
    q = np.array([1.0 - 5e-324, 5e-324])  # p / q overflows: the gradient is -inf
    assert kl_divergence_grad(p, q)[1] == -np.inf


# --- accuracy against mpmath where the textbook sum cancels ----------------------------


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


@pytest.mark.parametrize(
    "params",
    [
        (0.0, 1 + 1e-9, 0.0, 1.0),
        (1e-8, 1.0, 0.0, 1.0),
        (0.0, 1e-20, 0.0, 1.0),
        (0.0, 1.0, 0.0, 1e-20),
        (5.0, 3.0, -2.0, 0.5),
        (0.0, 1.0, 0.0, 1.6),
    ],
)
def test_gaussian_kl_against_mpmath(params):
    mu_p, s_p, mu_q, s_q = (mp.mpf(v) for v in params)
    with mp.workdps(60):
        exact = mp.log(s_q / s_p) + (s_p**2 + (mu_p - mu_q) ** 2) / (2 * s_q**2) - mp.mpf(1) / 2
        assert abs(gaussian_kl(*params) - exact) <= 1e-13 * exact


@pytest.mark.parametrize(
    "params", [(0.0, 1.0, 1.0, 2.0), (1.0, 0.5, -1.0, 1.5), (0.0, 2.0, 0.0, 1.0)]
)
def test_gaussian_kl_against_a_numerical_integral(params):
    mu_p, s_p, mu_q, s_q = params
    x = np.linspace(-40.0, 40.0, 400_001)
    log_p = -0.5 * ((x - mu_p) / s_p) ** 2 - math.log(s_p * math.sqrt(2 * math.pi))
    log_q = -0.5 * ((x - mu_q) / s_q) ** 2 - math.log(s_q * math.sqrt(2 * math.pi))
    integral = np.trapezoid(np.exp(log_p) * (log_p - log_q), x)
    assert gaussian_kl(*params) == pytest.approx(integral, rel=1e-9)


@settings(max_examples=40)
@given(st.floats(-5, 5), st.floats(0.05, 5))
def test_gaussian_kl_to_the_standard_normal_is_the_vae_term(mu, sigma):
    # Kingma and Welling 2014, appendix B: -(1 + log sigma^2 - mu^2 - sigma^2) / 2.
    vae = -(1 + math.log(sigma**2) - mu**2 - sigma**2) / 2
    assert gaussian_kl(mu, sigma, 0.0, 1.0) == pytest.approx(vae, rel=1e-12, abs=1e-15)


def test_gaussian_kl_broadcasts_parameters():
    out = gaussian_kl(np.zeros((3, 1)), 1.0, np.arange(4.0), 1.0)
    assert out.shape == (3, 4)
    np.testing.assert_allclose(out[0], np.arange(4.0) ** 2 / 2, rtol=1e-15)


# --- properties ------------------------------------------------------------------------


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


@settings(max_examples=60)
@given(dist_pairs())
def test_js_is_symmetric_and_bounded(pq):
    p, q = pq
    js = js_divergence(p, q)
    np.testing.assert_array_equal(js, js_divergence(q, p))
    assert np.all((js >= 0) & (js <= LOG2))
    np.testing.assert_array_equal(js_divergence(p, p), 0.0)


@settings(max_examples=40)
@given(dist_pairs(positive_q=True))
def test_cross_entropy_is_entropy_plus_kl_and_entropy_is_bounded(pq):
    p, q = pq
    cross = -(p * np.log(q)).sum(axis=-1)  # H(p, q), q > 0 everywhere
    np.testing.assert_allclose(entropy(p) + kl_divergence(p, q), cross, rtol=1e-12, atol=1e-15)
    h = entropy(p)
    assert np.all((h >= 0) & (h <= math.log(p.shape[-1]) * (1 + 1e-15)))


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


# --- gradient --------------------------------------------------------------------------


def test_gradient_closed_form_by_hand():
    # -p / q = (-0.5/0.25, -0.5/0.75).
    np.testing.assert_allclose(kl_divergence_grad([0.5, 0.5], [0.25, 0.75]), [-2.0, -2 / 3])


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


# --- dtypes and NaN --------------------------------------------------------------------


def test_float32_in_float32_out_and_close_to_float64():
    p = np.array([[0.2, 0.3, 0.5], [0.9, 0.1, 0.0]])
    q = np.array([[0.1, 0.6, 0.3], [0.5, 0.25, 0.25]])
    p32, q32 = p.astype(np.float32), q.astype(np.float32)
    for f in (kl_divergence, js_divergence, kl_divergence_grad):
        out = f(p32, q32)
        assert out.dtype == np.float32
        np.testing.assert_allclose(out, f(p, q), rtol=1e-5)
    assert entropy(p32).dtype == np.float32
    assert (
        gaussian_kl(np.float32(0), np.float32(1), np.float32(1), np.float32(2)).dtype == np.float32
    )
    # int one-hot p with float32 q stays float32
    assert kl_divergence(np.array([1, 0]), q32[1, :2] / q32[1, :2].sum()).dtype == np.float32


def test_row_sum_tolerance_follows_each_inputs_own_dtype():
    # float32 probabilities sum to 1 only to float32 precision; paired with float64 q they
    # are still accepted, while a float64 row off by 1e-7 is refused.
    p32 = np.ones(3, dtype=np.float32) / np.float32(3)
    assert abs(float(p32.astype(np.float64).sum()) - 1) > 1e-9
    assert kl_divergence(p32, np.full(3, 1 / 3)) == pytest.approx(0.0, abs=1e-7)
    with pytest.raises(ValueError, match="p must sum to 1"):
        kl_divergence(np.array([0.5, 0.5 + 1e-7]), np.array([0.5, 0.5]))


def test_nan_propagates_row_by_row():
    p = np.array([[0.5, np.nan], [0.5, 0.5]])
    q = np.array([[0.5, 0.5], [0.25, 0.75]])
    for f in (kl_divergence, js_divergence):
        out = f(p, q)
        assert np.isnan(out[0]) and np.isfinite(out[1])
        assert np.isnan(f(q, p)[0])
    assert np.isnan(entropy(p)[0])
    assert np.isnan(kl_divergence_grad(p, q)[0, 1])
    assert np.isnan(gaussian_kl(np.nan, 1.0, 0.0, 1.0))
    assert np.isnan(gaussian_kl(0.0, np.nan, 0.0, 1.0))


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("f", [kl_divergence, js_divergence, kl_divergence_grad])
@pytest.mark.parametrize(
    "p, q, match",
    [
        ([0.5, 0.5], [1.5, -0.5], r"^q must be non-negative"),
        ([-0.5, 1.5], [0.5, 0.5], r"^p must be non-negative"),
        ([0.5, 0.6], [0.5, 0.5], r"^p must sum to 1"),
        ([0.5, 0.5], [2.0, 3.0], r"^q must sum to 1"),
        ([0.5, 0.5], [0.2, 0.3, 0.5], r"^q must have the shape of p"),
        (0.5, 0.5, r"^p must have at least one dimension"),
        (np.zeros((2, 0)), np.zeros((2, 0)), r"^p is empty along axis"),
    ],
)
def test_bad_distributions_raise_naming_the_argument(f, p, q, match):
    with pytest.raises(ValueError, match=match):
        f(p, q)


def test_bad_types_and_axis_raise():
    with pytest.raises(ValueError, match="axis=2"):
        kl_divergence([[0.5, 0.5]], [[0.5, 0.5]], axis=2)
    with pytest.raises(TypeError, match="axis"):
        entropy([0.5, 0.5], axis=1.0)
    with pytest.raises(TypeError, match="q"):
        kl_divergence([0.5, 0.5], ["a", "b"])
    with pytest.raises(ValueError, match=r"^p must sum to 1"):
        entropy([[0.5, 0.5]], axis=0)  # the wrong axis: columns of one element


@pytest.mark.parametrize(
    "args, match",
    [
        ((0.0, 0.0, 0.0, 1.0), r"^sigma_p must be > 0"),
        ((0.0, 1.0, 0.0, [1.0, -1.0]), r"^sigma_q must be > 0"),
        (([0.0, 1.0], 1.0, [0.0, 1.0, 2.0], 1.0), r"mu_p, sigma_p, mu_q, sigma_q do not broadcast"),
    ],
)
def test_gaussian_kl_bad_input(args, match):
    with pytest.raises(ValueError, match=match):
        gaussian_kl(*args)
    with pytest.raises(TypeError, match="mu_q"):
        gaussian_kl(0.0, 1.0, "x", 1.0)


# Issue 11's reproducers.


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


@pytest.mark.parametrize(
    "args",
    [([np.inf], [1.0], [0.0], [1.0]), ([0.0], [np.inf], [0.0], [1.0]),
     ([0.0], [1.0], [0.0], [np.inf]), ([0.0], [1.0], [-np.inf], [1.0])],
)  # fmt: skip
def test_gaussian_kl_at_an_infinite_input_is_plus_inf_without_a_warning(args):
    assert gaussian_kl(*args)[0] == np.inf


def test_gaussian_kl_of_two_infinite_means_is_nan():
    assert np.isnan(gaussian_kl([np.inf], [1.0], [np.inf], [1.0])[0])
