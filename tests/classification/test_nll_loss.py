"""Tests of nll_loss: hand values."""

import math

import numpy as np
import pytest

from lossdocs import nll_loss


def test_nll_hand_values():
    # -log(1/2) = log 2 and -log(0.8); weights 3 and 1: (3 log 2 - log .8) / (3 + 1).
    lp = np.log([[0.5, 0.25, 0.25], [0.1, 0.1, 0.8]])
    np.testing.assert_allclose(
        nll_loss(lp, [0, 2], reduction="none"), [math.log(2), -math.log(0.8)]
    )
    expected = (3 * math.log(2) - math.log(0.8)) / 4
    assert nll_loss(lp, [0, 2], weight=[3.0, 1.0, 1.0]) == pytest.approx(expected)
