"""Tests for multilabel_margin_loss: PyTorch's target format (stopping at -1), pairs, gradient."""

import itertools

import numpy as np
import pytest
from gradcheck import numeric_grad

from lossdocs import multi_margin_loss, multilabel_margin_loss, multilabel_margin_loss_grad


def _pairs(x, listed):
    """The definition over explicit (target, non-target) pairs of one row."""
    others = [i for i in range(len(x)) if i not in listed]
    total = sum(max(0.0, 1 - (x[j] - x[i])) for j, i in itertools.product(listed, others))
    return total / len(x)


def test_stops_at_the_first_minus_one():
    x = np.array([[0.1, 0.2, 0.4, 0.8]] * 4)
    target = np.array([[3, 0, -1, 1], [3, -1, 0, 1], [-1, 3, 0, 1], [3, 0, 1, 2]])
    got = multilabel_margin_loss(x, target, reduction="none")
    expected = [_pairs(x[0], [3, 0]), _pairs(x[0], [3]), 0.0, 0.0]
    np.testing.assert_allclose(got, expected, rtol=1e-15)
    assert got[0] == pytest.approx((0.4 + 0.6 + 1.1 + 1.3) / 4)
    # what follows the first -1 never matters (as long as it is a valid entry)
    assert multilabel_margin_loss(x[:1], [[3, -1, 2, 2]]) == got[1]


def test_random_rows_match_the_pairs_definition():
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, (20, 6))
    target = np.full((20, 6), -1)
    listed = []
    for r in range(20):
        k = rng.integers(0, 7)
        chosen = list(rng.choice(6, k, replace=False))
        target[r, :k] = chosen
        listed.append(chosen)
    got = multilabel_margin_loss(x, target, reduction="none")
    np.testing.assert_allclose(got, [_pairs(x[r], listed[r]) for r in range(20)], rtol=1e-14)


def test_one_target_is_multi_margin_loss():
    # one listed class: the same pairs as the multi-class hinge with margin 1
    rng = np.random.default_rng(1)
    x, y = rng.normal(0, 1, (10, 5)), rng.integers(0, 5, 10)
    target = np.full((10, 5), -1)
    target[:, 0] = y
    np.testing.assert_allclose(
        multilabel_margin_loss(x, target, reduction="none"),
        multi_margin_loss(x, y, reduction="none"),
        rtol=1e-15,
    )


def test_a_repeated_class_counts_twice():
    x = np.array([0.1, 0.2, 0.4, 0.8])
    once = multilabel_margin_loss(x, [3, -1, 0, 0], reduction="none")
    assert multilabel_margin_loss(x, [3, 3, -1, 0], reduction="none") == pytest.approx(2 * once)


def test_gradient_matches_finite_differences():
    rng = np.random.default_rng(2)
    x = rng.normal(0, 1, (5, 4))
    target = np.array([[0, 2, -1, 0], [1, -1, 3, 3], [3, 2, 1, 0], [-1, 0, 0, 0], [2, -1, 0, 0]])
    for reduction in ("mean", "sum"):
        g = multilabel_margin_loss_grad(x, target, reduction=reduction)
        fd = numeric_grad(lambda v, r=reduction: multilabel_margin_loss(v, target, reduction=r), x)
        np.testing.assert_allclose(g, fd, atol=1e-8)
        np.testing.assert_allclose(g.sum(axis=1), 0, atol=1e-15)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_dtypes_and_extreme_scores(dtype):
    x = np.array([[1e30, -1e30, 0.0], [-1e4, 1e4, 0.0]], dtype)
    target = [[0, -1, 0], [0, 2, -1]]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = multilabel_margin_loss(x, target, reduction="none")
        g = multilabel_margin_loss_grad(x, target, reduction="sum")
    assert out.dtype == dtype and g.dtype == dtype
    assert out[0] == 0
    assert out[1] == pytest.approx((1 + 2e4) / 3 + (1 + 1e4) / 3, rel=1e-6)
    np.testing.assert_allclose(g[1], [-1 / 3, 2 / 3, -1 / 3], rtol=1e-7)
