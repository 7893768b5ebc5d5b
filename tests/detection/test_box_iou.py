"""Tests of box_iou: pixel counts on integer boxes, scale invariance in float32."""

import numpy as np
import pytest

from lossdocs import box_area, box_iou


def test_iou_equals_pixel_count_on_integer_boxes():
    # An independent derivation: rasterise integer boxes on a 12 x 12 grid and count cells.
    rng = np.random.default_rng(0)
    lo = rng.integers(0, 11, size=(40, 2))
    boxes = np.concatenate([lo, lo + rng.integers(1, 12 - lo)], axis=1)
    grid = np.arange(12) + 0.5
    inside_x = (grid >= boxes[:, 0, None]) & (grid < boxes[:, 2, None])
    inside_y = (grid >= boxes[:, 1, None]) & (grid < boxes[:, 3, None])
    masks = (inside_y[:, :, None] & inside_x[:, None, :]).reshape(len(boxes), -1)
    inter = masks.astype(int) @ masks.T.astype(int)
    union = masks.sum(1)[:, None] + masks.sum(1)[None, :] - inter
    np.testing.assert_allclose(box_iou(boxes, boxes), inter / union, rtol=1e-15)
    np.testing.assert_array_equal(box_area(boxes), masks.sum(1))


@pytest.mark.parametrize("s", [1e-40, 1e-30, 1e20, 3e38])
def test_iou_is_scale_invariant_in_float32(s):
    a, b = np.float32([[0, 0, s, s]]), np.float32([[0, 0, s, s / 2]])
    assert box_iou(a, b)[0, 0] == pytest.approx(0.5, rel=1e-6)
    assert box_iou(a, b).dtype == np.float32
