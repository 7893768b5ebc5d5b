"""Tests for lossdocs.alignment.advantages: GRPO's group-normalised advantages."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import group_advantages

groups = arrays(
    np.float64,
    st.tuples(st.integers(1, 4), st.integers(2, 8)),
    # Magnitudes where the naive formula the tests compare with does not underflow.
    elements=st.one_of(st.just(0.0), st.floats(1e-3, 100.0), st.floats(-100.0, -1e-3)),
)


@settings(max_examples=80, deadline=None)  # a shared 2-core machine: no timing limit
@given(groups, st.sampled_from([0.0, 1e-4, 1e-2]))
def test_matches_the_formula_with_the_sample_std(rewards, eps):
    got = group_advantages(rewards, eps=eps)
    mean = rewards.mean(axis=-1, keepdims=True)
    std = rewards.std(axis=-1, ddof=1, keepdims=True)
    spread = np.ptp(rewards, axis=-1, keepdims=True) > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        expected = np.where(spread, (rewards - mean) / (std + eps), 0.0)
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-9)


@settings(max_examples=60, deadline=None)  # a shared 2-core machine: no timing limit
@given(groups)
def test_rows_sum_to_zero_and_have_unit_sample_std_without_eps(rewards):
    got = group_advantages(rewards, eps=0.0)
    spread = np.ptp(rewards, axis=-1) > 1e-6
    np.testing.assert_allclose(got.sum(axis=-1), 0.0, atol=1e-9)
    np.testing.assert_allclose(got[spread].std(axis=-1, ddof=1), 1.0, rtol=1e-9)


@settings(max_examples=60, deadline=None)  # a shared 2-core machine: no timing limit
@given(groups, st.floats(0.01, 100.0), st.floats(-1e3, 1e3))
def test_invariant_to_a_positive_affine_change_of_rewards_without_eps(rewards, scale, shift):
    spread = np.ptp(rewards, axis=-1) > 1e-3
    a = group_advantages(rewards[spread], eps=0.0)
    b = group_advantages(scale * rewards[spread] + shift, eps=0.0)
    np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)


def test_equal_rewards_give_exactly_zero_even_when_their_mean_is_off_by_an_ulp():
    rewards = np.full((2, 3), 0.1)
    assert rewards[0].mean() != 0.1  # the trap: the naive deviation is not 0
    for eps in (0.0, 1e-4):
        got = group_advantages(rewards, eps=eps)
        assert np.all(got == 0.0) and not np.any(np.signbit(got))


def test_binary_rewards_one_right_answer_in_four():
    got = group_advantages([1.0, 0.0, 0.0, 0.0], eps=0.0)
    s = np.sqrt(0.25)  # sample std of (1, 0, 0, 0): sqrt(0.75 / 3)
    np.testing.assert_allclose(got, [0.75 / s, -0.25 / s, -0.25 / s, -0.25 / s], rtol=1e-15)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_large_offsets_are_stable_and_dtype_is_kept(dtype):
    rewards = np.array([[1e6, 1e6 + 1, 1e6 + 2]], dtype=dtype)
    got = group_advantages(rewards, eps=0.0)
    assert got.dtype == dtype
    np.testing.assert_allclose(got, [[-1.0, 0.0, 1.0]], atol=1e-6)


@pytest.mark.parametrize("size", [1e-200, 1e200])
def test_tiny_and_huge_rewards_neither_underflow_nor_overflow(size):
    got = group_advantages(np.array([0.0, 1.0, 2.0]) * size, eps=0.0)
    np.testing.assert_allclose(got, [-1.0, 0.0, 1.0], rtol=1e-15, atol=1e-15)


def test_leading_axes_are_independent_groups():
    rng = np.random.default_rng(0)
    rewards = rng.normal(size=(2, 3, 5))
    got = group_advantages(rewards)
    for idx in np.ndindex(2, 3):
        np.testing.assert_allclose(got[idx], group_advantages(rewards[idx]), rtol=1e-15)


def test_empty_batch_of_groups_and_nan():
    assert group_advantages(np.zeros((0, 4))).shape == (0, 4)
    got = group_advantages([[np.nan, 1.0, 2.0], [0.0, 1.0, 2.0]])
    assert np.all(np.isnan(got[0])) and np.all(np.isfinite(got[1]))


@pytest.mark.parametrize(
    "rewards, kwargs, exc, match",
    [
        ([[1.0], [2.0]], {}, ValueError, "groups of at least 2 .* got groups of 1"),
        ([1.0], {}, ValueError, "groups of at least 2"),
        (1.0, {}, ValueError, "rewards must have a group axis"),
        ([1.0, 2.0], {"eps": -1e-4}, ValueError, "eps must be >= 0"),
        ([1.0, 2.0], {"eps": [1e-4]}, TypeError, "eps must be a real number"),
        ([["a", "b"]], {}, TypeError, "rewards must hold real numbers"),
    ],
)
def test_bad_input_names_the_argument(rewards, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        group_advantages(rewards, **kwargs)
