"""Tests of cosface_loss: the margin subtracted from the target cosine."""

import numpy as np
import pytest
from contrastive._helpers import LABELS, W, X, cosines

from lossdocs import cosface_loss, cross_entropy


@pytest.mark.parametrize("m", [0.1, 0.35, 0.5])
def test_cosface_subtracts_the_margin_from_the_target_cosine(m):
    logits = 30.0 * cosines(X, W)
    logits[np.arange(7), LABELS] -= 30.0 * m
    expected = cross_entropy(logits, LABELS, reduction="none")
    got = cosface_loss(X, W, LABELS, scale=30.0, margin=m, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-12)
