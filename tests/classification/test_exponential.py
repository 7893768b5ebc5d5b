"""Tests of exponential_grad (beside logistic_grad): closed forms at extreme scores."""

import math

import numpy as np

from lossdocs import (
    exponential_grad,
    logistic_grad,
)


def test_gradient_closed_forms_at_extremes():
    # exponential: -y e^{-ys}; logistic: -y sigma(-ys), which is -y (|ys| large, wrong side)
    # or 0 (right side).
    np.testing.assert_allclose(exponential_grad([math.log(3)], [-1], reduction="sum"), [3.0])
    out = logistic_grad([-1e4, 1e4, 1e4, 0.0], [1, 1, -1, -1], reduction="sum")
    np.testing.assert_array_equal(out, [-1.0, 0.0, 1.0, 0.5])
    assert np.isinf(exponential_grad([1e4], [-1], reduction="sum")[0])
