"""Tests of dice_coefficient: Dice = 2J / (1 + J)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossdocs import (
    dice_coefficient,
    jaccard_index,
)

masks = hnp.arrays(np.bool_, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5))


@settings(max_examples=60, deadline=None)
@given(st.data(), st.sampled_from([1.0, 0.0]))
def test_dice_is_2j_over_1_plus_j(data, empty_score):
    a = data.draw(masks)
    b = data.draw(hnp.arrays(np.bool_, a.shape))
    j = jaccard_index(a, b, empty_score=empty_score)
    d = dice_coefficient(a, b, empty_score=empty_score)
    assert d == pytest.approx(2 * j / (1 + j), rel=1e-12)
    assert 0 <= j <= d <= 1
    assert j == jaccard_index(b, a, empty_score=empty_score)
