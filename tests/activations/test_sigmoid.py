"""Tests of sigmoid: known values, symmetry and range."""

import math

import numpy as np
import pytest
from activations._helpers import finite
from hypothesis import given
from hypothesis.extra.numpy import arrays

from lossdocs import sigmoid


def test_sigmoid_known_values():
    # sigma(0) = 1/2 and sigma(log 3) = 3/4 by hand.
    assert sigmoid(0.0) == 0.5
    assert sigmoid(math.log(3.0)) == pytest.approx(0.75, rel=1e-15)


@given(arrays(np.float64, 5, elements=finite))
def test_sigmoid_symmetry_and_range(x):
    s = sigmoid(x)
    assert np.all((s >= 0) & (s <= 1))
    np.testing.assert_allclose(s + sigmoid(-x), 1.0, rtol=1e-15)
