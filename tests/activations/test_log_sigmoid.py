"""Tests of log_sigmoid: log of sigmoid where that is safe, a linear far tail."""

import numpy as np
from activations._helpers import finite
from hypothesis import given
from hypothesis.extra.numpy import arrays

from lossdocs import log_sigmoid, sigmoid


@given(arrays(np.float64, 5, elements=finite))
def test_log_sigmoid_is_log_of_sigmoid_where_that_is_safe(x):
    # For x <= 0, sigma(x) <= 1/2 and np.log is well conditioned; for x > 0 the naive
    # log(sigma(x)) loses digits (log of a number near 1), so it is no reference there.
    x = np.clip(x, -30, 0)
    np.testing.assert_allclose(log_sigmoid(x), np.log(sigmoid(x)), rtol=1e-13)


def test_log_sigmoid_far_tail_is_linear_not_minus_inf():
    # For x << 0, log sigma(x) = x - log1p(e^x), which is x to double precision.
    assert log_sigmoid(-1e4) == -1e4
    assert np.isfinite(log_sigmoid(np.float32(-1e4)))
