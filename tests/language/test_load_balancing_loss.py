"""Tests for lossdocs.load_balancing_loss: balance, imbalance, top-k, layers, bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import load_balancing_loss


def _loop(router_logits, top_k):
    """The Switch/Mixtral loss by loops over tokens: an independent oracle."""
    n, e = router_logits.shape
    counts = np.zeros(e)
    p_sum = np.zeros(e)
    for row in router_logits:
        p = np.exp(row - row.max())
        p /= p.sum()
        p_sum += p
        for expert in sorted(range(e), key=lambda i: (-p[i], i))[:top_k]:
            counts[expert] += 1
    return e * np.dot(counts / n, p_sum / n)


def test_perfect_top1_balance_is_one_and_certain_collapse_is_e():
    for e in (2, 4, 8):
        assert load_balancing_loss(1e4 * np.eye(e)) == pytest.approx(1.0, abs=1e-12)
        collapse = np.zeros((e, e))
        collapse[:, 0] = 1e4
        assert load_balancing_loss(collapse) == pytest.approx(e, abs=1e-12)
        # Uniform router probabilities: 1 whatever the routing's ties do.
        assert load_balancing_loss(np.zeros((5, e))) == pytest.approx(1.0, rel=1e-15)


@pytest.mark.parametrize("top_k", [1, 2, 3])
def test_balanced_top_k_is_k(top_k):
    # Token i prefers expert i, then i + 1, ...: every (choice, expert) pair is hit once.
    e = 6
    logits = -1e3 * ((np.arange(e)[None, :] - np.arange(e)[:, None]) % e)
    assert load_balancing_loss(logits, top_k=top_k) == pytest.approx(top_k, abs=1e-9)


def test_grows_with_imbalance():
    # 100 tokens, 4 experts, confident routing; m of them go to expert 0, the rest spread.
    values = []
    for m in range(25, 101, 5):
        choice = np.r_[np.zeros(m, int), np.arange(100 - m) % 3 + 1]
        values.append(load_balancing_loss(50.0 * np.eye(4)[choice]))
    assert values[0] == pytest.approx(1.0, abs=1e-9)
    assert np.all(np.diff(values) > 0) and values[-1] == pytest.approx(4.0, abs=1e-9)


def test_matches_a_loop_over_tokens():
    rng = np.random.default_rng(0)
    for top_k in (1, 2, 4):
        logits = rng.normal(scale=3.0, size=(37, 8))
        assert load_balancing_loss(logits, top_k=top_k) == pytest.approx(
            _loop(logits, top_k), rel=1e-13
        )


def test_below_one_is_possible():
    # Two tokens lean to expert 0 (p = 0.51), one is sure of expert 1:
    # f = (2/3, 1/3), P = (0.34, 0.66) -> 2 * (2/3 * 0.34 + 1/3 * 0.66) = 0.8933...
    logits = np.log([[0.51, 0.49], [0.51, 0.49], [1e-300, 1.0]])
    assert load_balancing_loss(logits) == pytest.approx(2 * (2 / 3 * 0.34 + 1 / 3 * 0.66))
    assert load_balancing_loss(logits) < 1


def test_concatenated_layers_can_hide_imbalance():
    layer1 = np.tile([30.0, 0.0], (4, 1))  # every token to expert 0
    layer2 = np.tile([0.0, 30.0], (4, 1))  # every token to expert 1
    per_layer = [load_balancing_loss(layer1), load_balancing_loss(layer2)]
    assert per_layer == pytest.approx([2.0, 2.0])
    assert load_balancing_loss(np.concatenate([layer1, layer2])) == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 4))
def test_invariant_under_permuting_tokens_and_experts(seed, top_k):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2.0, size=(16, 5))
    base = load_balancing_loss(logits, top_k=top_k)
    shuffled = logits[rng.permutation(16)][:, rng.permutation(5)]
    assert load_balancing_loss(shuffled, top_k=top_k) == pytest.approx(base, rel=1e-12)
    assert 0 < base <= 5  # sum_j f[j, e] <= 1 for each expert, so the loss is at most E


def test_ties_go_to_the_lower_expert():
    # Both experts tie at p = 1/2: top-1 picks expert 0 for every token, f = (1, 0).
    assert load_balancing_loss(np.zeros((3, 2))) == pytest.approx(2 * (1 * 0.5))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtype_and_extreme_logits(dtype):
    logits = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, 0.0], [0.0, 0.0, 1e4]], dtype=dtype)
    got = load_balancing_loss(logits)
    assert got.dtype == dtype and got == pytest.approx(1.0, abs=1e-6)


@pytest.mark.parametrize(
    "logits, kwargs, error, match",
    [
        (np.zeros(4), {}, ValueError, r"router_logits must have shape \(N, E\)"),
        (np.zeros((2, 0)), {}, ValueError, "E >= 1"),
        (np.zeros((0, 3)), {}, ValueError, "router_logits has no rows"),
        (np.zeros((2, 3)), {"top_k": 4}, ValueError, r"top_k must lie in \[1, 3\], got 4"),
        (np.zeros((2, 3)), {"top_k": 0}, ValueError, r"top_k must lie in \[1, 3\], got 0"),
        (np.zeros((2, 3)), {"top_k": 1.0}, TypeError, "top_k must be an integer"),
        (np.zeros((2, 3)), {"top_k": True}, TypeError, "top_k must be an integer"),
        ([["a", "b"]], {}, TypeError, "router_logits must hold real numbers"),
    ],
)
def test_bad_input(logits, kwargs, error, match):
    with pytest.raises(error, match=match):
        load_balancing_loss(logits, **kwargs)


def test_nan_propagates():
    logits = np.zeros((3, 2))
    logits[1, 0] = np.nan
    assert np.isnan(load_balancing_loss(logits))
