"""Tests for hinge_embedding_loss: x for similar pairs, max(0, margin - x) for dissimilar."""

import numpy as np
import pytest

from lossdocs import hinge_embedding_loss

RNG = np.random.default_rng(4)
X = np.abs(RNG.normal(size=(3, 4)))
Y = RNG.choice([-1.0, 1.0], (3, 4))


@pytest.mark.parametrize("margin", [0.0, 0.5, 1.0, 3.0])
def test_values(margin):
    expected = np.array(
        [x if y == 1 else max(0.0, margin - x) for x, y in zip(X.ravel(), Y.ravel(), strict=True)]
    ).reshape(X.shape)
    got = hinge_embedding_loss(X, Y, margin=margin, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-15)
    assert hinge_embedding_loss(X, Y, margin=margin) == pytest.approx(expected.mean())


def test_dissimilar_pairs_past_the_margin_cost_nothing():
    assert hinge_embedding_loss([1.0, 2.0, 10.0], [-1, -1, -1], margin=1.0) == 0


def test_nan_and_float32():
    got = hinge_embedding_loss(np.float32([np.nan, 2.0]), [-1, 1], reduction="none")
    assert got.dtype == np.float32 and np.isnan(got[0]) and got[1] == 2
