"""Tests of logistic and logistic_grad: the margin form of BCE with logits."""

import numpy as np
from classification._helpers import labels
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from lossdocs import (
    binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad,
    logistic,
    logistic_grad,
)

wide = arrays(np.float64, 8, elements=st.floats(-1e4, 1e4))


@settings(max_examples=60)
@given(wide, labels)
def test_logistic_is_bce_with_logits_in_margin_form(s, y):
    np.testing.assert_allclose(
        logistic(s, y, reduction="none"),
        binary_cross_entropy_with_logits(s, (y + 1) / 2, reduction="none"),
        rtol=1e-15,
    )
    # and so are their gradients: -y sigma(-y s) == sigmoid(s) - (y + 1) / 2.
    np.testing.assert_allclose(
        logistic_grad(s, y, reduction="sum"),
        binary_cross_entropy_with_logits_grad(s, (y + 1) / 2, reduction="sum"),
        rtol=1e-15,
    )
