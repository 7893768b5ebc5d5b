"""Tests of logsumexp: accuracy in a tiny tail, exact infinities, keepdims."""

import math

import numpy as np
import pytest
from activations._helpers import INF

from lossdocs import logsumexp


def test_logsumexp_tiny_tail_keeps_relative_accuracy():
    # log(1 + e^-40) = e^-40 - e^-80/2 + ..., i.e. e^-40 to double precision.
    assert logsumexp(np.array([0.0, -40.0])) == pytest.approx(math.exp(-40), rel=1e-15)


def test_logsumexp_keeps_the_exact_infinite_value():
    out = logsumexp(np.array([[INF, 0.0], [-INF, -INF], [-INF, 1.0]]))
    assert out[0] == INF and out[1] == -INF and out[2] == 1.0


@pytest.mark.parametrize("keepdims", ["no", 1, None])
def test_logsumexp_keepdims_must_be_a_bool(keepdims):
    with pytest.raises(TypeError, match="keepdims must be True or False"):
        logsumexp([1.0, 2.0], keepdims=keepdims)


def test_last_axis_and_other_layouts_agree_with_ties_and_nan_rows():
    # Along a C-ordered last axis the max is read at the argmax through flat indices;
    # other axes and layouts use take_along_axis: both must give the same bits, a tied
    # max counted once and a NaN row NaN.
    x = np.array([[1.0, 3.0, 3.0, -2.0], [np.nan, 0.0, 1.0, 2.0], [-INF, -INF, -INF, -INF]])
    expected = [3 + math.log1p(1 + math.exp(-2) + math.exp(-5)), math.nan, -INF]
    for got in (logsumexp(x), logsumexp(np.asfortranarray(x)), logsumexp(x.T, axis=0)):
        np.testing.assert_allclose(got, expected, rtol=1e-15)
    np.testing.assert_array_equal(logsumexp(x), logsumexp(x.T, axis=0))
