"""Tests for diffusion_loss: targets, the three parameterisations up to SNR weights, min-SNR."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import diffusion_loss, diffusion_snr

PREDICTIONS = ["epsilon", "x0", "v"]


def _sample(seed=0, shape=(5, 3, 4), dtype=np.float64):
    rng = np.random.default_rng(seed)
    x0 = rng.normal(size=shape).astype(dtype)
    noise = rng.normal(size=shape).astype(dtype)
    abar = rng.uniform(0.01, 0.99, size=shape[0]).astype(dtype)
    return x0, noise, abar


def _bc(a, ndim):
    return a.reshape((-1,) + (1,) * (ndim - 1))


# --- diffusion_loss: targets ---------------------------------------------------------------


def test_targets_and_per_sample_mean():
    x0, noise, abar = _sample()
    out = np.random.default_rng(1).normal(size=x0.shape)
    a = _bc(abar, x0.ndim)
    targets = {"epsilon": noise, "x0": x0, "v": np.sqrt(a) * noise - np.sqrt(1 - a) * x0}
    for p, y in targets.items():
        per = diffusion_loss(out, x0, noise, abar, prediction=p, reduction="none")
        np.testing.assert_allclose(per, ((out - y) ** 2).mean(axis=(1, 2)), rtol=1e-14)
        assert diffusion_loss(out, x0, noise, abar, prediction=p) == pytest.approx(per.mean())
        total = diffusion_loss(out, x0, noise, abar, prediction=p, reduction="sum")
        assert total == pytest.approx(per.sum(), rel=1e-14)


def test_perfect_prediction_is_zero():
    x0, noise, abar = _sample(2)
    assert diffusion_loss(noise, x0, noise, abar, snr_gamma=5.0) == 0.0
    assert diffusion_loss(x0, x0, noise, abar, prediction="x0", snr_gamma=5.0) == 0.0


# --- the three parameterisations are one quantity up to SNR weights ------------------------


@settings(max_examples=60, deadline=None)
@given(st.floats(1e-4, 1 - 1e-4), st.integers(0, 2**32 - 1))
def test_epsilon_x0_and_v_losses_differ_only_by_snr_weights(abar, seed):
    # One network output, read three ways. From x_t and a predicted x0_hat, the implied
    # eps_hat and v_hat follow; then ||eps - eps_hat||^2 = snr ||x0 - x0_hat||^2 and
    # ||v - v_hat||^2 = (snr + 1) ||x0 - x0_hat||^2 (the page derives both).
    rng = np.random.default_rng(seed)
    x0, noise, x0_hat = rng.normal(size=(3, 1, 8))
    a = np.array([abar])
    xt = math.sqrt(abar) * x0 + math.sqrt(1 - abar) * noise
    eps_hat = (xt - math.sqrt(abar) * x0_hat) / math.sqrt(1 - abar)
    v_hat = math.sqrt(abar) * eps_hat - math.sqrt(1 - abar) * x0_hat
    snr = diffusion_snr(abar)
    l_x0 = diffusion_loss(x0_hat, x0, noise, a, prediction="x0")
    l_eps = diffusion_loss(eps_hat, x0, noise, a, prediction="epsilon")
    l_v = diffusion_loss(v_hat, x0, noise, a, prediction="v")
    assert l_eps == pytest.approx(snr * l_x0, rel=1e-8, abs=1e-300)
    assert l_v == pytest.approx((snr + 1) * l_x0, rel=1e-8, abs=1e-300)
    # With min-SNR weights the three are the same number: min(snr, gamma) * x0 loss.
    for gamma in (0.5, 5.0):
        w = [diffusion_loss(pred, x0, noise, a, prediction=p, snr_gamma=gamma)
             for pred, p in ((eps_hat, "epsilon"), (x0_hat, "x0"), (v_hat, "v"))]  # fmt: skip
        np.testing.assert_allclose(w, min(snr, gamma) * l_x0, rtol=1e-8)


# --- min-SNR weights --------------------------------------------------------------------------


@pytest.mark.parametrize("prediction", PREDICTIONS)
def test_min_snr_weights_as_specified(prediction):
    # Unit squared error per sample, so the loss is the weight itself.
    abar = np.array([0.01, 0.2, 5 / 6, 0.9, 0.999])  # snr 0.0101, 0.25, 5, 9, 999
    b = abar.size
    x0, noise = np.zeros((b, 2)), np.zeros((b, 2))
    got = diffusion_loss(np.ones((b, 2)), x0, noise, abar, prediction=prediction, snr_gamma=5.0,
                         reduction="none")  # fmt: skip
    snr = abar / (1 - abar)
    expected = {
        "epsilon": np.minimum(snr, 5) / snr,
        "x0": np.minimum(snr, 5),
        "v": np.minimum(snr, 5) / (snr + 1),
    }[prediction]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    if prediction == "epsilon":  # 1 up to snr = gamma, then gamma / snr
        np.testing.assert_allclose(got[:3], 1.0, rtol=1e-12)
        assert got[4] == pytest.approx(5 / 999, rel=1e-12)


def test_min_snr_at_the_ends_of_the_schedule_is_finite():
    # abar = 0 (zero terminal SNR) and abar = 1 (no noise): limits, no NaN, no warning.
    abar = np.array([0.0, 1.0])
    out, z = np.ones((2, 3)), np.zeros((2, 3))
    eps = diffusion_loss(out, z, z, abar, snr_gamma=5.0, reduction="none")
    np.testing.assert_array_equal(eps, [1.0, 0.0])  # min(snr, g)/snr -> 1 and g/inf = 0
    x0 = diffusion_loss(out, z, z, abar, prediction="x0", snr_gamma=5.0, reduction="none")
    np.testing.assert_array_equal(x0, [0.0, 5.0])
    v = diffusion_loss(out, z, z, abar, prediction="v", snr_gamma=5.0, reduction="none")
    np.testing.assert_array_equal(v, [0.0, 0.0])


def test_a_large_gamma_is_no_weighting_for_epsilon():
    x0, noise, abar = _sample(3)
    out = np.zeros_like(x0)
    plain = diffusion_loss(out, x0, noise, abar)
    assert diffusion_loss(out, x0, noise, abar, snr_gamma=1e12) == pytest.approx(plain, rel=1e-14)


@pytest.mark.parametrize("prediction", PREDICTIONS)
def test_float32_stays_float32(prediction):
    x0, noise, abar = _sample(4, dtype=np.float32)
    got = diffusion_loss(np.zeros_like(x0), x0, noise, abar, prediction=prediction, snr_gamma=5.0)
    assert got.dtype == np.float32
    x064, n64, a64 = _sample(4)
    ref = diffusion_loss(np.zeros_like(x064), x064, n64, a64, prediction=prediction, snr_gamma=5.0)
    assert got == pytest.approx(ref, rel=1e-5)


def test_one_dimensional_samples_and_nan():
    # (B,) samples: the per-sample mean is over nothing, the squared error itself.
    got = diffusion_loss([1.0, 2.0], [0.0, 0.0], [0.0, 0.0], [0.5, 0.5], reduction="none")
    np.testing.assert_array_equal(got, [1.0, 4.0])
    assert np.isnan(diffusion_loss([[np.nan]], [[0.0]], [[0.0]], [0.5]))


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        (
            ([[0.0]], [[0.0]], [[0.0]], [0.5]),
            {"prediction": "sample"},
            ValueError,
            "prediction must be one of",
        ),
        (
            ([[0.0]], [[0.0]], [[0.0]], [0.5]),
            {"snr_gamma": 0.0},
            ValueError,
            "snr_gamma must be > 0",
        ),
        (([[0.0]], [[0.0]], [[0.0]], [0.5]), {"snr_gamma": "5"}, TypeError, "snr_gamma must be a"),
        (([[0.0]], [[0.0]], [[0.0]], [0.5]), {"reduction": "avg"}, ValueError, "reduction"),
        (([[0.0]], [[0.0, 1.0]], [[0.0]], [0.5]), {}, ValueError, "x0 must have the shape"),
        (([[0.0]], [[0.0]], [0.0], [0.5]), {}, ValueError, "noise must have the shape"),
        (([[0.0]], [[0.0]], [[0.0]], [0.5, 0.5]), {}, ValueError, "alphas_cumprod must hold one"),
        (([[0.0]], [[0.0]], [[0.0]], [[0.5]]), {}, ValueError, "alphas_cumprod must be 1-D"),
        (([[0.0]], [[0.0]], [[0.0]], [1.5]), {}, ValueError, r"alphas_cumprod must lie in"),
        ((0.0, 0.0, 0.0, 0.5), {}, ValueError, "model_output must have a batch axis"),
        (
            (np.zeros((0, 2)), np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0)),
            {},
            ValueError,
            "model_output is empty",
        ),
    ],
)
def test_bad_input(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        diffusion_loss(*args, **kwargs)
