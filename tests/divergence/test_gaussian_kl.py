"""Tests of gaussian_kl: against mpmath and an integral, broadcasting, infinite inputs."""

import math

import mpmath as mp
import numpy as np
import pytest
from divergence._helpers import LOG2
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import (
    gaussian_kl,
)


def test_gaussian_kl_hand_values():
    # Same sigma, means 1 apart: only (mu_p - mu_q)^2 / (2 sigma_q^2) = 1/2 remains.
    assert gaussian_kl(0.0, 1.0, 1.0, 1.0) == pytest.approx(0.5, rel=1e-15)
    # sigma_q = 2: log 2 + 1/8 - 1/2.
    assert gaussian_kl(0.0, 1.0, 0.0, 2.0) == pytest.approx(LOG2 + 0.125 - 0.5, rel=1e-15)
    assert gaussian_kl(3.0, 0.7, 3.0, 0.7) == 0.0


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


@pytest.mark.parametrize(
    "args",
    [([np.inf], [1.0], [0.0], [1.0]), ([0.0], [np.inf], [0.0], [1.0]),
     ([0.0], [1.0], [0.0], [np.inf]), ([0.0], [1.0], [-np.inf], [1.0])],
)  # fmt: skip
def test_gaussian_kl_at_an_infinite_input_is_plus_inf_without_a_warning(args):
    assert gaussian_kl(*args)[0] == np.inf


def test_gaussian_kl_of_two_infinite_means_is_nan():
    assert np.isnan(gaussian_kl([np.inf], [1.0], [np.inf], [1.0])[0])
