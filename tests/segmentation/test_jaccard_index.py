"""Tests of jaccard_index: one if and only if the masks are equal."""

import numpy as np
import pytest
from segmentation._helpers import MASK_FNS


@pytest.mark.parametrize("fn", MASK_FNS)
def test_mask_scores_one_iff_masks_equal(fn):
    a = np.array([[1, 0], [1, 1]], dtype=bool)
    assert fn(a, a) == 1.0
    assert fn(a, ~a) == 0.0
    assert fn(a, a & [[True, True], [True, False]]) < 1
