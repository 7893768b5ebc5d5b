"""Tests for lossdocs.alignment.bradley_terry: the reward model's pairwise logistic loss."""

import math

import mpmath as mp
import numpy as np
import pytest
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import bradley_terry_loss

mp.mp.dps = 50


def _exact(diff):
    """-log sigma(diff) in 50-digit arithmetic."""
    return float(mp.log1p(mp.exp(-mp.mpf(float(diff)))))


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-14), (np.float32, 1e-6)])
def test_values_match_50_digit_arithmetic_at_extreme_differences(dtype, rtol):
    diff = np.array([-1e4, -800.0, -100.0, -20.0, -1.0, 0.0, 1e-8, 1.0, 20.0, 100.0, 800.0])
    chosen, rejected = diff.astype(dtype), np.zeros(diff.shape, dtype)
    got = bradley_terry_loss(chosen, rejected, reduction="none")
    assert got.dtype == dtype
    expected = [_exact(d) for d in chosen.astype(np.float64)]
    # Subnormal results (e^-100 in float32) carry fewer digits: an absolute floor there.
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=np.finfo(dtype).tiny)


def test_a_tie_costs_log_2_and_the_reductions_agree():
    chosen, rejected = np.array([0.3, 1.0, -2.0]), np.array([0.3, 0.0, 0.0])
    per_pair = bradley_terry_loss(chosen, rejected, reduction="none")
    assert per_pair[0] == pytest.approx(math.log(2), rel=1e-15)
    assert bradley_terry_loss(chosen, rejected) == pytest.approx(per_pair.mean(), rel=1e-15)
    assert bradley_terry_loss(chosen, rejected, reduction="sum") == pytest.approx(
        per_pair.sum(), rel=1e-15
    )


finite = st.floats(-1e3, 1e3, allow_nan=False)


@settings(max_examples=80, deadline=None)  # a shared 2-core machine: no timing limit
@given(finite, finite, st.floats(-1e4, 1e4))
def test_shift_invariant(chosen, rejected, shift):
    # Only r_c - r_r enters; the shifted difference is rounded once more, by at
    # most an ulp of the shifted values, and the loss has slope at most 1.
    base = bradley_terry_loss(chosen, rejected)
    shifted = bradley_terry_loss(chosen + shift, rejected + shift)
    tol = 4 * np.finfo(np.float64).eps * (abs(chosen) + abs(rejected) + 2 * abs(shift))
    assert shifted == pytest.approx(base, abs=tol, rel=1e-14)


@settings(max_examples=60, deadline=None)  # a shared 2-core machine: no timing limit
@given(finite, finite)
def test_swapping_the_pair_changes_the_loss_by_the_reward_difference(chosen, rejected):
    # softplus(-d) - softplus(d) = -d: the odds form of the Bradley-Terry model.
    forward = bradley_terry_loss(chosen, rejected)
    backward = bradley_terry_loss(rejected, chosen)
    assert forward - backward == pytest.approx(rejected - chosen, abs=1e-12, rel=1e-12)


def test_margin_is_a_shift_of_the_difference_and_can_be_per_pair():
    chosen, rejected = np.array([2.0, 0.5, -1.0]), np.array([1.0, 0.5, 1.0])
    margin = np.array([0.0, 1.0, 3.0])
    per_pair = bradley_terry_loss(chosen, rejected, margin=margin, reduction="none")
    np.testing.assert_allclose(
        per_pair, bradley_terry_loss(chosen - margin, rejected, reduction="none"), rtol=1e-15
    )
    scalar = bradley_terry_loss(chosen, rejected, margin=1.0, reduction="none")
    np.testing.assert_allclose(
        scalar, bradley_terry_loss(chosen, rejected + 1.0, reduction="none"), rtol=1e-15
    )
    # A 0-d array is a number.
    assert bradley_terry_loss(chosen, rejected, margin=np.array(1.0)) == pytest.approx(
        scalar.mean(), rel=1e-15
    )


def test_gradient_stated_in_the_notes_matches_finite_differences():
    rng = np.random.default_rng(0)
    chosen, rejected, margin = rng.normal(size=5), rng.normal(size=5), 0.5
    numeric_c = numeric_grad(
        lambda c: bradley_terry_loss(c, rejected, margin=margin, reduction="sum"), chosen
    )
    numeric_r = numeric_grad(
        lambda r: bradley_terry_loss(chosen, r, margin=margin, reduction="sum"), rejected
    )
    closed = -1 / (1 + np.exp(-(rejected + margin - chosen)))  # -sigma(r_r + m - r_c)
    np.testing.assert_allclose(numeric_c, closed, rtol=1e-7, atol=1e-9)
    np.testing.assert_allclose(numeric_r, -closed, rtol=1e-7, atol=1e-9)


def test_nan_propagates_and_float32_stays_float32():
    got = bradley_terry_loss(np.float32([np.nan, 1.0]), np.float32([0.0, 0.0]), reduction="none")
    assert got.dtype == np.float32
    assert np.isnan(got[0]) and np.isfinite(got[1])


@pytest.mark.parametrize(
    "args, kwargs, exc, match",
    [
        (([1.0, 2.0], [1.0]), {}, ValueError, "rejected_rewards must have the shape"),
        (([1.0, 2.0], [1.0, 0.0]), {"margin": [1.0]}, ValueError, "margin must be a number"),
        (([1.0], [0.0]), {"margin": float("nan")}, ValueError, "margin must not be NaN"),
        (([1.0], [0.0]), {"margin": "1"}, TypeError, "margin must be a real number"),
        (([1.0], [0.0]), {"reduction": "avg"}, ValueError, "reduction must be one of"),
        (([], []), {}, ValueError, "chosen_rewards is empty"),
        ((["a"], [0.0]), {}, TypeError, "chosen_rewards must hold real numbers"),
    ],
)
def test_bad_input_names_the_argument(args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        bradley_terry_loss(*args, **kwargs)
