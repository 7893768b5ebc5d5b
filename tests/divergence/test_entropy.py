"""Tests of entropy: hand values, cross-entropy = entropy + KL, the bounds."""

import math

import numpy as np
import pytest
from divergence._helpers import LOG2, dist_pairs
from hypothesis import given, settings

from lossdocs import (
    entropy,
    kl_divergence,
)


def test_entropy_hand_values():
    # H = -sum p log p: log 2 for a fair coin, 0 for a certain outcome, log n for uniform.
    np.testing.assert_allclose(entropy([[0.5, 0.5], [1.0, 0.0]]), [LOG2, 0.0], rtol=1e-15)
    assert entropy(np.full(7, 1 / 7)) == pytest.approx(math.log(7), rel=1e-14)
    expected = -(0.25 * math.log(0.25) + 0.75 * math.log(0.75))
    assert entropy([0.25, 0.75]) == pytest.approx(expected, rel=1e-15)
    assert str(entropy([1.0, 0.0])) == "0.0"  # not -0.0


@settings(max_examples=40)
@given(dist_pairs(positive_q=True))
def test_cross_entropy_is_entropy_plus_kl_and_entropy_is_bounded(pq):
    p, q = pq
    cross = -(p * np.log(q)).sum(axis=-1)  # H(p, q), q > 0 everywhere
    np.testing.assert_allclose(entropy(p) + kl_divergence(p, q), cross, rtol=1e-12, atol=1e-15)
    h = entropy(p)
    assert np.all((h >= 0) & (h <= math.log(p.shape[-1]) * (1 + 1e-15)))
