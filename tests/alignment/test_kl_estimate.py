"""Tests for lossdocs.alignment.kl_estimators: Schulman's k1, k2, k3 KL estimators."""

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import kl_divergence, kl_estimate

mp.mp.dps = 50
# A false alarm of a z-test at 4 standard errors has probability 6e-5 (the seed is fixed).
Z = 4.0
N_SAMPLES = 200_000


def _pair(seed, k=20, spread=1.0):
    """A policy p and a reference q over k outcomes, log q - log p of size ``spread``."""
    rng = np.random.default_rng(seed)
    p = rng.dirichlet(np.ones(k))
    q = p * np.exp(spread * rng.normal(size=k))
    return p, q / q.sum()


def _per_outcome(p, q, kind):
    return kl_estimate(np.log(p), np.log(q), kind=kind, reduction="none")


@pytest.mark.parametrize("spread", [0.1, 1.0])
@pytest.mark.parametrize("kind", ["k1", "k3"])
def test_unbiased_on_policy_samples_exactly(kind, spread):
    # The expectation under p, summed over every outcome: exactly the KL.
    p, q = _pair(0, spread=spread)
    expectation = np.sum(p * _per_outcome(p, q, kind))
    assert expectation == pytest.approx(kl_divergence(p, q), rel=1e-12)


@pytest.mark.parametrize("kind", ["k1", "k3"])
def test_unbiased_on_policy_samples_monte_carlo(kind):
    p, q = _pair(1, spread=1.0)
    x = np.random.default_rng(2).choice(p.size, size=N_SAMPLES, p=p)
    est = kl_estimate(np.log(p[x]), np.log(q[x]), kind=kind, reduction="none")
    standard_error = est.std(ddof=1) / np.sqrt(N_SAMPLES)
    assert abs(est.mean() - kl_divergence(p, q)) < Z * standard_error


def test_k2_is_biased_and_the_monte_carlo_detects_it():
    p, q = _pair(1, spread=1.0)
    x = np.random.default_rng(2).choice(p.size, size=N_SAMPLES, p=p)
    est = kl_estimate(np.log(p[x]), np.log(q[x]), kind="k2", reduction="none")
    standard_error = est.std(ddof=1) / np.sqrt(N_SAMPLES)
    exact_mean = np.sum(p * _per_outcome(p, q, "k2"))  # E_p[(log q/p)^2 / 2]
    assert abs(est.mean() - exact_mean) < Z * standard_error
    assert abs(exact_mean - kl_divergence(p, q)) > 10 * Z * standard_error


def test_k3_has_lower_variance_than_k1_when_the_models_are_close():
    p, q = _pair(3, spread=0.1)
    var = {
        kind: np.sum(p * (_per_outcome(p, q, kind) - kl_divergence(p, q)) ** 2)
        for kind in ("k1", "k3")
    }
    assert var["k3"] < var["k1"] / 10


def test_samples_from_the_reference_are_not_an_estimate_of_this_kl():
    # Averaged over q's samples, k1 estimates -KL(q || p), not KL(p || q).
    p, q = _pair(4, spread=1.0)
    off_policy = np.sum(q * _per_outcome(p, q, "k1"))
    assert off_policy == pytest.approx(-kl_divergence(q, p), rel=1e-12)
    assert abs(off_policy - kl_divergence(p, q)) > 0.1


def _k3_exact(d):
    d = mp.mpf(float(d))
    return float(mp.expm1(d) - d)


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-14), (np.float32, 2e-6)])
def test_k3_is_accurate_near_zero_and_far_from_it(dtype, rtol):
    d = np.array([-700, -30, -1, -0.5, -0.4999, -1e-3, -1e-10, 1e-10, 1e-3, 0.4999, 0.5, 1, 30])
    logp = np.full(d.shape, -750.0)
    ref = (logp + d).astype(dtype)
    logp = logp.astype(dtype)
    got = kl_estimate(logp, ref, reduction="none")
    assert got.dtype == dtype
    expected = [_k3_exact(x) for x in (ref.astype(np.float64) - logp.astype(np.float64))]
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=0)


def test_k3_overflows_to_inf_without_a_warning_and_equal_inputs_give_zero():
    got = kl_estimate([-1e3, -0.5], [0.0, -0.5], reduction="none")
    assert got[0] == np.inf and got[1] == 0.0


log_probs = st.floats(-50.0, 0.0)


@settings(max_examples=100, deadline=None)  # a shared 2-core machine: no timing limit
@given(log_probs, log_probs)
def test_k2_and_k3_are_non_negative_and_k3_is_k1_plus_its_control_variate(logp, ref_logp):
    k1, k2, k3 = (kl_estimate([logp], [ref_logp], kind=k) for k in ("k1", "k2", "k3"))
    assert k2 >= 0 and k3 >= 0
    rho_minus_1 = np.expm1(ref_logp - logp)
    assert k3 == pytest.approx(k1 + rho_minus_1, rel=1e-9, abs=1e-12)


def test_reductions():
    p, q = _pair(5)
    per = kl_estimate(np.log(p), np.log(q), reduction="none")
    assert kl_estimate(np.log(p), np.log(q)) == pytest.approx(per.mean(), rel=1e-15)
    assert kl_estimate(np.log(p), np.log(q), reduction="sum") == pytest.approx(per.sum(), rel=1e-15)


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        (([-1.0], [-1.0, -2.0]), {}, ValueError, "ref_logp must have the shape of logp"),
        (([0.2], [-1.0]), {}, ValueError, "logp must hold log-probabilities"),
        (([-1.0], [1.0]), {}, ValueError, "ref_logp must hold log-probabilities"),
        (([-1.0], [-1.0]), {"kind": "k4"}, ValueError, "kind must be one of"),
        (([-1.0], [-1.0]), {"reduction": "batchmean"}, ValueError, "reduction must be"),
        (([], []), {}, ValueError, "logp is empty"),
        ((["x"], [-1.0]), {}, TypeError, "logp must hold real numbers"),
    ],
)
def test_bad_input_names_the_argument(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        kl_estimate(*args, **kwargs)
