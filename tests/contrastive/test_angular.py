"""Tests for arcface_loss and cosface_loss, which share contrastive/_angular.py."""

import numpy as np
import pytest
from contrastive._helpers import LABELS, W, X, cosines

from lossdocs import arcface_loss, cosface_loss, cross_entropy


@pytest.mark.parametrize("loss", [arcface_loss, cosface_loss])
@pytest.mark.parametrize("scale", [1.0, 16.0, 64.0])
def test_margin_zero_is_normalised_softmax_cross_entropy(loss, scale):
    expected = cross_entropy(scale * cosines(X, W), LABELS, reduction="none")
    got = loss(X, W, LABELS, scale=scale, margin=0.0, reduction="none")
    np.testing.assert_allclose(got, expected, rtol=1e-12)


def test_extreme_scale_float32_is_finite():
    x = np.eye(3, dtype=np.float32)
    for loss in (arcface_loss, cosface_loss):
        wrong = loss(x, x, [1, 2, 0], scale=1e4, reduction="none")
        assert wrong.dtype == np.float32 and np.all(np.isfinite(wrong)) and np.all(wrong > 1e3)
        assert np.all(loss(x, x, [0, 1, 2], scale=1e4, margin=0.0, reduction="none") == 0)
