"""Tests of zero_one: the error rate, dtypes, NaN, and integer labels compared as integers."""

import numpy as np
from classification._helpers import Y, Z

from lossdocs import zero_one


def test_integer_labels_above_2_to_the_53_are_compared_exactly():
    # 2^53 + 1 and 2^53 are the same float64: as integers they differ.
    assert zero_one(np.array([2**53 + 1]), np.array([2**53])) == 1.0
    assert zero_one(np.array([2**62, 3]), np.array([2**62, 3])) == 0.0
    assert zero_one(np.array([1, 2]), np.array([1, 3]), reduction="none").dtype == np.float64


def test_zero_one():
    # Two of four labels differ: error rate 1/2, two errors.
    assert zero_one([0, 2, 1, 1], [0, 1, 1, 2]) == 0.5
    assert zero_one([0, 2, 1, 1], [0, 1, 1, 2], reduction="sum") == 2
    np.testing.assert_array_equal(
        zero_one([[0, 2], [1, 1]], [[0.0, 1.0], [1.0, 2.0]], reduction="none"), [[0, 1], [0, 1]]
    )
    assert zero_one(np.array([1.0, 2.0], np.float32), [1, 1]).dtype == np.float32
    assert zero_one([1, 2], [1, 1]).dtype == np.float64
    # The misclassification rate of an argmax classifier.
    assert zero_one(Z.argmax(axis=1), Y) == np.mean(Z.argmax(axis=1) != Y)
    out = zero_one([np.nan, 1.0, 2.0], [1.0, np.nan, 2.0], reduction="none")
    assert np.isnan(out[0]) and np.isnan(out[1]) and out[2] == 0
