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
