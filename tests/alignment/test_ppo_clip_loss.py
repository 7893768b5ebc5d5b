"""Tests for lossdocs.alignment.ppo: PPO's clipped surrogate loss."""

import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import ppo_clip_loss

log_ratio = st.floats(-3.0, 3.0)
adv = st.floats(-5.0, 5.0)


@settings(max_examples=100, deadline=None)  # a shared 2-core machine: no timing limit
@given(log_ratio, adv, st.sampled_from([0.0, 0.1, 0.2, 0.3]))
def test_the_two_sides_of_the_clip(log_ratio, advantage, eps):
    # A > 0: -min(rho, 1 + eps) A, no floor below 1 - eps; A < 0: -max(rho, 1 - eps) A.
    old = -5.0
    got = ppo_clip_loss([old + log_ratio], [old], [advantage], clip_eps=eps)
    rho = np.exp((old + log_ratio) - old)
    if advantage >= 0:
        expected = -min(rho, 1 + eps) * advantage
    else:
        expected = -max(rho, 1 - eps) * advantage
    assert got == pytest.approx(expected, rel=1e-14, abs=1e-15)


def test_on_policy_the_loss_is_minus_the_advantage():
    logp = np.log([0.1, 0.5, 0.9])
    a = np.array([2.0, -1.0, 0.5])
    np.testing.assert_allclose(ppo_clip_loss(logp, logp, a, reduction="none"), -a, rtol=1e-15)


def test_gradient_is_minus_rho_a_where_unclipped_and_zero_where_clipped():
    old = np.log(np.full(6, 0.3))
    ratios = np.array([0.5, 0.9, 1.1, 1.5, 0.5, 1.5])
    a = np.array([1.0, 1.0, -1.0, 1.0, -1.0, -1.0])
    logp = old + np.log(ratios)
    g = numeric_grad(lambda x: ppo_clip_loss(x, old, a, reduction="sum"), logp)
    # Clipped (flat): rho = 1.5 with A > 0, rho = 0.5 with A < 0.
    clipped = np.array([False, False, False, True, True, False])
    expected = np.where(clipped, 0.0, -ratios * a)
    np.testing.assert_allclose(g, expected, rtol=1e-7, atol=1e-9)


def test_overflowing_ratio_gives_the_exact_limits_without_warnings():
    logp, old = np.array([0.0, 0.0, 0.0]), np.array([-1e4, -1e4, -1e4])
    got = ppo_clip_loss(logp, old, [0.0, 2.0, -1.0], reduction="none")
    np.testing.assert_array_equal(got, [0.0, -2.4, np.inf])


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_is_kept(dtype):
    got = ppo_clip_loss(np.log([0.5], dtype=dtype), np.log([0.4], dtype=dtype), np.ones(1, dtype))
    assert got.dtype == dtype
    assert got == pytest.approx(-1.2, rel=1e-6)


def test_mean_and_sum_reduce_the_per_token_losses():
    rng = np.random.default_rng(3)
    old = np.log(rng.uniform(0.05, 1, (3, 4)))
    logp = old + rng.normal(0, 0.3, (3, 4))
    logp = np.minimum(logp, 0.0)
    a = np.broadcast_to(rng.normal(size=(3, 1)), (3, 4))
    per = ppo_clip_loss(logp, old, a, reduction="none")
    assert per.shape == (3, 4)
    assert ppo_clip_loss(logp, old, a) == pytest.approx(per.mean(), rel=1e-14)
    assert ppo_clip_loss(logp, old, a, reduction="sum") == pytest.approx(per.sum(), rel=1e-14)


def test_nan_propagates():
    got = ppo_clip_loss([-1.0, -1.0], [-1.0, -1.0], [np.nan, 1.0], reduction="none")
    assert np.isnan(got[0]) and got[1] == -1.0


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        (([-1.0], [-1.0, -2.0], [1.0]), {}, ValueError, "old_logp must have the shape of logp"),
        (([-1.0, -2.0], [-1.0, -2.0], [1.0]), {}, ValueError, "advantages must have the shape"),
        (([0.1], [-1.0], [1.0]), {}, ValueError, "logp must hold log-probabilities"),
        (([-1.0], [3.0], [1.0]), {}, ValueError, "old_logp must hold log-probabilities"),
        (([-1.0], [-1.0], [1.0]), {"clip_eps": -0.1}, ValueError, "clip_eps must be >= 0"),
        (([-1.0], [-1.0], [1.0]), {"clip_eps": None}, TypeError, "clip_eps must be a real"),
        (([-1.0], [-1.0], [1.0]), {"reduction": "batchmean"}, ValueError, "reduction must be"),
        (([], [], []), {}, ValueError, "logp is empty"),
    ],
)
def test_bad_input_names_the_argument(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        ppo_clip_loss(*args, **kwargs)
