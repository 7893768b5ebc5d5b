"""Tests of log_softmax: exp gives softmax, overflow at the float limits."""

import numpy as np
from activations._helpers import INF, rows
from hypothesis import given

from lossdocs import log_softmax, softmax


@given(rows)
def test_softmax_rows_sum_to_one_and_match_exp_log_softmax(x):
    p = softmax(x)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-12)
    np.testing.assert_allclose(np.exp(log_softmax(x)), p, rtol=1e-12, atol=1e-300)


def test_log_softmax_overflows_silently_to_minus_inf_at_the_float_limits():
    # -1.7e308 - 1.7e308 is below -max float: the rounded exact value is -inf.
    out = log_softmax([1.7e308, -1.7e308])
    assert out[0] == 0.0 and out[1] == -INF
