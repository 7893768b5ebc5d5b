"""Tests of softmax: shift invariance, the two-class sigmoid, infinite logits."""

import numpy as np
from activations._helpers import INF, rows
from hypothesis import given
from hypothesis import strategies as st

from lossdocs import logsumexp, sigmoid, softmax


@given(rows, st.floats(-1e3, 1e3, allow_nan=False))
def test_shift_invariance(x, c):
    # softmax(x + c) = softmax(x); logsumexp(x + c) = logsumexp(x) + c.
    np.testing.assert_allclose(softmax(x + c), softmax(x), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(logsumexp(x + c), logsumexp(x) + c, rtol=1e-9, atol=1e-9)


def test_two_class_softmax_is_sigmoid():
    z = np.linspace(-50, 50, 101)
    pair = np.stack([z, np.zeros_like(z)], axis=-1)
    np.testing.assert_allclose(softmax(pair)[:, 0], sigmoid(z), rtol=1e-14)


def test_a_minus_inf_logit_beside_finite_ones_is_probability_zero():
    np.testing.assert_array_equal(softmax([-INF, 0.0]), [0.0, 1.0])
