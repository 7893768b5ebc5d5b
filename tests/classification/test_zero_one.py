"""Issue 11's reproducer for zero_one: integer labels compared as integers."""

import numpy as np

from lossdocs import zero_one


def test_integer_labels_above_2_to_the_53_are_compared_exactly():
    # 2^53 + 1 and 2^53 are the same float64: as integers they differ.
    assert zero_one(np.array([2**53 + 1]), np.array([2**53])) == 1.0
    assert zero_one(np.array([2**62, 3]), np.array([2**62, 3])) == 0.0
    assert zero_one(np.array([1, 2]), np.array([1, 3]), reduction="none").dtype == np.float64
