"""Issue 11's reproducers shared by the max-shifted activations (softmax, log_softmax, logsumexp).

A row with a +inf logit, or only -inf logits, has no distribution: softmax and
log_softmax give NaN there (as PyTorch), logsumexp the exact +inf / -inf.
"""

import numpy as np
import pytest
from activations._helpers import INF

from lossdocs import log_softmax, logsumexp, softmax


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
