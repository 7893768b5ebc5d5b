"""Tests of generalized_box_iou: bounds, below IoU, symmetric."""

import numpy as np
from detection._helpers import box_sets
from hypothesis import given, settings

from lossdocs import box_iou, generalized_box_iou


@settings(max_examples=60)
@given(a=box_sets(), b=box_sets())
def test_iou_and_giou_invariants(a, b):
    iou, giou = box_iou(a, b), generalized_box_iou(a, b)
    assert iou.shape == giou.shape == (len(a), len(b))
    assert np.all((iou >= 0) & (iou <= 1))
    assert np.all((giou >= -1) & (giou <= 1))
    assert np.all(giou <= iou + 1e-12)
    np.testing.assert_array_equal(iou, box_iou(b, a).T)
    np.testing.assert_allclose(giou, generalized_box_iou(b, a).T, atol=1e-12)
