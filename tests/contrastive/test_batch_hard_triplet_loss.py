"""Tests for batch_hard_triplet_loss: the mining checked against a brute-force loop."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import batch_hard_triplet_loss, triplet_margin_loss


def brute_force(x, labels, margin, soft):
    """Loop over every (anchor, positive, negative) triplet; keep each anchor's worst."""
    out = []
    for i in range(len(x)):
        worst = None
        for j in range(len(x)):
            for k in range(len(x)):
                if j == i or labels[j] != labels[i] or labels[k] == labels[i]:
                    continue
                gap = math.dist(x[i], x[j]) - math.dist(x[i], x[k])
                worst = gap if worst is None else max(worst, gap)
        if worst is None:
            out.append(math.nan)
        else:
            out.append(math.log1p(math.exp(worst)) if soft else max(0.0, margin + worst))
    return np.array(out)


@settings(max_examples=40)
@given(
    seed=st.integers(0, 2**16),
    n=st.integers(2, 9),
    classes=st.integers(1, 4),
    soft=st.booleans(),
    margin=st.floats(0, 2),
)
def test_picks_the_hardest_pair_like_a_brute_force_loop(seed, n, classes, soft, margin):
    rng = np.random.default_rng(seed)
    x, labels = rng.normal(size=(n, 3)), rng.integers(0, classes, n)
    expected = brute_force(x, labels, margin, soft)
    got = batch_hard_triplet_loss(x, labels, margin=margin, soft=soft, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)
    valid = ~np.isnan(expected)
    assert batch_hard_triplet_loss(x, labels, margin=margin, soft=soft, reduction="sum") == (
        pytest.approx(expected[valid].sum())
    )
    if valid.any():
        got_mean = batch_hard_triplet_loss(x, labels, margin=margin, soft=soft)
        assert got_mean == pytest.approx(expected[valid].mean())


def test_is_the_triplet_loss_of_the_mined_triplets():
    rng = np.random.default_rng(5)
    x, labels = rng.normal(size=(8, 4)), np.repeat([0, 1, 2, 3], 2)
    d = np.linalg.norm(x[:, None] - x[None], axis=2)
    same = labels[:, None] == labels[None]
    pos = np.argmax(np.where(same & ~np.eye(8, dtype=bool), d, -1), axis=1)
    neg = np.argmin(np.where(same, np.inf, d), axis=1)
    expected = triplet_margin_loss(x, x[pos], x[neg], margin=0.3, eps=0.0, reduction="none")
    got = batch_hard_triplet_loss(x, labels, margin=0.3, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-12)


def test_invariant_to_batch_order_and_to_relabelling():
    rng = np.random.default_rng(6)
    x, labels = rng.normal(size=(10, 3)), rng.integers(0, 3, 10)
    perm = rng.permutation(10)
    base = batch_hard_triplet_loss(x, labels, reduction="none")
    np.testing.assert_allclose(
        batch_hard_triplet_loss(x[perm], labels[perm], reduction="none"), base[perm]
    )
    np.testing.assert_array_equal(batch_hard_triplet_loss(x, labels + 7, reduction="none"), base)


def test_left_out_anchors_and_empty_mean():
    x = [[0.0], [1.0], [5.0]]
    assert np.isnan(batch_hard_triplet_loss(x, [0, 1, 2], reduction="none")).all()
    assert batch_hard_triplet_loss(x, [0, 1, 2], reduction="sum") == 0
    with pytest.raises(ValueError, match="labels: no anchor"):
        batch_hard_triplet_loss(x, [4, 4, 4])


def test_soft_margin_is_stable_and_float32():
    x = np.array([[0.0], [1e6], [1.0]], dtype=np.float32)  # a positive 1e6 away
    got = batch_hard_triplet_loss(x, [0, 0, 1], soft=True, reduction="none")
    assert got.dtype == np.float32 and np.isnan(got[2])  # anchor 2 has no positive
    assert got[0] == pytest.approx(1e6 - 1, rel=1e-6)
    # A near-duplicate pair: differences, not |a|^2 + |b|^2 - 2ab, so d_ap = 1e-3 exactly
    # (the expansion cancels to ~1e-8 / 1e-3 relative error at this scale).
    x = np.array([[1e4, 1e4], [1e4, 1e4 + 1e-3], [0.0, 0.0]])
    got = batch_hard_triplet_loss(x, [0, 0, 1], margin=1e5, reduction="none")
    expected = 1e5 + (x[1, 1] - x[0, 1]) - math.hypot(1e4, 1e4)
    assert got[0] == pytest.approx(expected, rel=1e-15)
