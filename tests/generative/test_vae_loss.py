"""Tests for lossdocs.vae_loss: the KL term, the two likelihoods, beta, reductions, bad input."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import binary_cross_entropy_with_logits, gaussian_kl, vae_loss

LOG2 = math.log(2)


def _batch(seed=0, b=4, d=6, k=3, dtype=np.float64):
    rng = np.random.default_rng(seed)
    recon = rng.normal(size=(b, d)).astype(dtype)
    x = rng.uniform(size=(b, d)).astype(dtype)
    mu = rng.normal(size=(b, k)).astype(dtype)
    logvar = rng.normal(size=(b, k)).astype(dtype)
    return recon, x, mu, logvar


def _kl_only(mu, logvar, **kw):
    """The KL term alone: a Gaussian likelihood with a perfect reconstruction."""
    zeros = np.zeros((np.shape(mu)[0], 1), dtype=np.asarray(mu).dtype)
    return vae_loss(zeros, zeros, mu, logvar, likelihood="gaussian", **kw)


@settings(max_examples=50)
@given(
    arrays(np.float64, (3, 4), elements=st.floats(-20, 20)),
    arrays(np.float64, (3, 4), elements=st.floats(-12, 12)),
)
def test_kl_term_is_gaussian_kl_to_the_standard_normal_summed_over_latents(mu, logvar):
    expected = gaussian_kl(mu, np.exp(logvar / 2), 0.0, 1.0).sum(axis=1)
    np.testing.assert_allclose(_kl_only(mu, logvar, reduction="none"), expected, rtol=1e-13)
    # And Kingma and Welling's appendix B form, -1/2 sum(1 + logvar - mu^2 - exp(logvar)).
    kw = -0.5 * np.sum(1 + logvar - mu**2 - np.exp(logvar), axis=1)
    np.testing.assert_allclose(_kl_only(mu, logvar, reduction="none"), kw, rtol=1e-9, atol=1e-12)


def test_kl_is_zero_at_the_prior_and_grows_away_from_it():
    assert _kl_only(np.zeros((2, 5)), np.zeros((2, 5))) == 0.0
    # mu = 1 in one dimension: 1/2; logvar = log 4 (sigma 2): (4 - 1 - log 4) / 2.
    assert _kl_only([[1.0, 0.0]], [[0.0, 0.0]]) == pytest.approx(0.5, rel=1e-15)
    assert _kl_only([[0.0]], [[math.log(4)]]) == pytest.approx((3 - math.log(4)) / 2, rel=1e-14)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_logvar_gives_the_closed_form_not_an_error(dtype):
    # exp(logvar / 2) underflows to 0 at -3000 and overflows at +3000 in both precisions.
    mu = np.array([[0.5, 0.0]], dtype=dtype)
    logvar = np.array([[-3000.0, 0.0]], dtype=dtype)
    got = _kl_only(mu, logvar)
    assert got.dtype == dtype
    assert got == pytest.approx((0.25 + 3000 - 1) / 2, rel=1e-6)
    assert _kl_only(mu, np.array([[3000.0, 0.0]], dtype=dtype)) == np.inf


def test_bernoulli_reconstruction_is_bce_with_logits_summed_over_features():
    recon, x, mu, logvar = _batch()
    rec = binary_cross_entropy_with_logits(recon, x, reduction="none").sum(axis=1)
    kl = _kl_only(mu, logvar, reduction="none")
    np.testing.assert_allclose(vae_loss(recon, x, mu, logvar, reduction="none"), rec + kl)
    # Hand value: logits 0 (p = 1/2) on two pixels cost log 2 each, whatever x is.
    assert vae_loss([[0.0, 0.0]], [[1.0, 0.0]], [[0.0]], [[0.0]]) == pytest.approx(2 * LOG2)


def test_gaussian_reconstruction_is_half_the_squared_error():
    recon, x, mu, logvar = _batch(1)
    x = x * 10 - 5  # any real data for the Gaussian likelihood
    rec = 0.5 * ((x - recon) ** 2).sum(axis=1)
    kl = _kl_only(mu, logvar, reduction="none")
    got = vae_loss(recon, x, mu, logvar, likelihood="gaussian", reduction="none")
    np.testing.assert_allclose(got, rec + kl, rtol=1e-14)


def test_beta_scales_only_the_kl_and_reductions_are_over_samples():
    recon, x, mu, logvar = _batch(2)
    base = vae_loss(recon, x, mu, logvar, beta=0.0, reduction="none")
    kl = _kl_only(mu, logvar, reduction="none")
    for beta in (0.5, 1.0, 4.0):
        got = vae_loss(recon, x, mu, logvar, beta=beta, reduction="none")
        np.testing.assert_allclose(got, base + beta * kl, rtol=1e-14)
    per = vae_loss(recon, x, mu, logvar, reduction="none")
    assert per.shape == (4,)
    assert vae_loss(recon, x, mu, logvar) == pytest.approx(per.mean(), rel=1e-15)
    assert vae_loss(recon, x, mu, logvar, reduction="sum") == pytest.approx(per.sum(), rel=1e-15)


def test_image_shaped_batches_sum_over_every_feature_axis():
    recon, x, mu, logvar = _batch(3, b=2, d=12)
    flat = vae_loss(recon, x, mu, logvar, reduction="none")
    img = vae_loss(recon.reshape(2, 1, 3, 4), x.reshape(2, 1, 3, 4), mu, logvar, reduction="none")
    np.testing.assert_allclose(img, flat, rtol=1e-14)


@pytest.mark.parametrize("likelihood", ["bernoulli", "gaussian"])
def test_float32_stays_float32_and_agrees_with_float64(likelihood):
    args64 = _batch(4)
    args32 = _batch(4, dtype=np.float32)
    got = vae_loss(*args32, likelihood=likelihood, reduction="none")
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, vae_loss(*args64, likelihood=likelihood, reduction="none"),
                               rtol=2e-6)  # fmt: skip


def test_extreme_logits_are_finite_and_exact():
    # A logit of -1e4 on a pixel that is 1 costs 1e4; +1e4 on it costs ~0.
    got = vae_loss([[-1e4, 1e4]], [[1.0, 1.0]], [[0.0]], [[0.0]])
    assert got == pytest.approx(1e4, rel=1e-15)


def test_nan_propagates():
    assert np.isnan(vae_loss([[np.nan]], [[1.0]], [[0.0]], [[0.0]]))
    assert np.isnan(vae_loss([[0.0]], [[1.0]], [[0.0]], [[np.nan]]))


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        (
            ([[0.0, 0.0]], [[1.0]], [[0.0]], [[0.0]]),
            {},
            ValueError,
            "x must have the shape of recon",
        ),
        (([[0.0]], [[1.0]], [[0.0, 1.0]], [[0.0]]), {}, ValueError, "logvar must have the shape"),
        (([[0.0]], [[1.0]], [[0.0], [1.0]], [[0.0], [0.0]]), {}, ValueError, "mu must hold one"),
        (([[0.0]], [[2.0]], [[0.0]], [[0.0]]), {}, ValueError, r"x must lie in \[0, 1\]"),
        (([[0.0]], [[1.0]], [[0.0]], [[0.0]]), {"beta": -1.0}, ValueError, "beta must be >= 0"),
        (([[0.0]], [[1.0]], [[0.0]], [[0.0]]), {"likelihood": "laplace"}, ValueError, "likelihood"),
        (([[0.0]], [[1.0]], [[0.0]], [[0.0]]), {"reduction": "avg"}, ValueError, "reduction"),
        ((0.0, 1.0, 0.0, 0.0), {}, ValueError, "recon must have a batch axis"),
        (
            (np.zeros((0, 2)), np.zeros((0, 2)), np.zeros((0, 1)), np.zeros((0, 1))),
            {},
            ValueError,
            "recon is empty",
        ),
        (([["a"]], [[1.0]], [[0.0]], [[0.0]]), {}, TypeError, "recon must hold real numbers"),
        (([[0.0]], [[1.0]], [[0.0]], [[0.0]]), {"beta": "1"}, TypeError, "beta must be a real"),
    ],
)
def test_bad_input(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        vae_loss(*args, **kwargs)


def test_gaussian_likelihood_accepts_data_outside_the_unit_interval():
    assert vae_loss([[0.0]], [[2.0]], [[0.0]], [[0.0]], likelihood="gaussian") == 2.0
