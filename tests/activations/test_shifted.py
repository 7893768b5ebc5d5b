"""Issue 11's reproducers for the max-shifted activations (softmax, log_softmax, logsumexp).

A row with a +inf logit, or only -inf logits, has no distribution: softmax and
log_softmax give NaN there (as PyTorch), logsumexp the exact +inf / -inf.
"""

import numpy as np
import pytest

from lossdocs import log_softmax, logsumexp, softmax

INF = np.inf


@pytest.mark.parametrize("fn", [softmax, log_softmax, logsumexp])
def test_an_empty_class_axis_is_a_lossdocs_error(fn):
    with pytest.raises(ValueError, match="x is empty along axis 1"):
        fn(np.zeros((2, 0)))


@pytest.mark.parametrize("row", [[INF, 0.0], [INF, -INF], [-INF, -INF], [INF, INF]])
@pytest.mark.parametrize("fn", [softmax, log_softmax])
def test_a_row_without_a_distribution_is_nan_never_a_probability_above_one(fn, row):
    out = fn(np.array([row, [0.0, 0.0]]))
    assert np.all(np.isnan(out[0]))
    np.testing.assert_allclose(np.exp(out[1]) if fn is log_softmax else out[1], 0.5)


def test_logsumexp_keeps_the_exact_infinite_value():
    out = logsumexp(np.array([[INF, 0.0], [-INF, -INF], [-INF, 1.0]]))
    assert out[0] == INF and out[1] == -INF and out[2] == 1.0


def test_a_minus_inf_logit_beside_finite_ones_is_probability_zero():
    np.testing.assert_array_equal(softmax([-INF, 0.0]), [0.0, 1.0])


def test_log_softmax_overflows_silently_to_minus_inf_at_the_float_limits():
    # -1.7e308 - 1.7e308 is below -max float: the rounded exact value is -inf.
    out = log_softmax([1.7e308, -1.7e308])
    assert out[0] == 0.0 and out[1] == -INF


@pytest.mark.parametrize("keepdims", ["no", 1, None])
def test_logsumexp_keepdims_must_be_a_bool(keepdims):
    with pytest.raises(TypeError, match="keepdims must be True or False"):
        logsumexp([1.0, 2.0], keepdims=keepdims)
