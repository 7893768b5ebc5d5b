"""Tests for margin_ranking_loss: the hinge on a score difference."""

import numpy as np
import pytest

from lossdocs import hinge, margin_ranking_loss

RNG = np.random.default_rng(3)
X1, X2 = RNG.normal(size=(2, 9))
Y = RNG.choice([-1.0, 1.0], 9)


@pytest.mark.parametrize("margin", [-0.5, 0.0, 0.3, 2.0])
def test_values_loop(margin):
    expected = [max(0.0, -y * (a - b) + margin) for a, b, y in zip(X1, X2, Y, strict=True)]
    got = margin_ranking_loss(X1, X2, Y, margin=margin, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-15)


def test_is_the_hinge_of_the_difference_with_margin_one():
    got = margin_ranking_loss(X1, X2, Y, margin=1.0, reduction="none")
    np.testing.assert_allclose(got, hinge(X1 - X2, Y, reduction="none"), rtol=1e-15)


def test_swapping_the_pair_and_the_label_changes_nothing():
    a = margin_ranking_loss(X1, X2, Y, margin=0.2, reduction="none")
    np.testing.assert_array_equal(a, margin_ranking_loss(X2, X1, -Y, margin=0.2, reduction="none"))


def test_float32_large_scores():
    x1, x2 = np.float32([1e38, -1e38]), np.float32([-1e38, 1e38])
    got = margin_ranking_loss(x1, x2, [-1, 1], reduction="none")
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, [2e38, 2e38], rtol=1e-6)
    got = margin_ranking_loss(np.float32([1e30]), np.float32([0]), [1], reduction="none")
    assert got[0] == 0
