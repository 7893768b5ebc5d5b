"""``generalized_box_iou`` against ``torchvision.ops.generalized_box_iou`` (in torch ops)."""

import numpy as np
import pytest
from _xcheck import assert_close, ld, tt
from detection._xhelpers import (
    DEGENERATE,
    SPECIAL_1,
    SPECIAL_2,
    _boxes,
    tv_generalized_box_iou,
)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_generalized_box_iou_random_and_special(dtype):
    b1 = np.concatenate([_boxes(7, 3), SPECIAL_1]).astype(dtype)
    b2 = np.concatenate([_boxes(5, 4), SPECIAL_2]).astype(dtype)
    got = ld("generalized_box_iou")(b1, b2)
    assert_close(got, tv_generalized_box_iou(tt(b1), tt(b2)), dtype=dtype)
    assert np.all((got >= -1) & (got <= 1))


def test_generalized_box_iou_degenerate_is_finite_where_torchvision_is_nan():
    # torchvision: nan wherever the union is 0 (IoU 0/0) or the enclosing box has
    # zero area. lossdocs: IoU 0 there, and GIoU 0 when the enclosing box is empty.
    normal = _boxes(2, 6)
    b = np.concatenate([DEGENERATE, normal])
    theirs = tv_generalized_box_iou(tt(b), tt(b)).numpy()
    ours = ld("generalized_box_iou")(b, b)
    nan = np.isnan(theirs)
    assert nan[:3, :3].all() and not nan[3:].any() and not nan[:, 3:].any()
    assert np.all(np.isfinite(ours))
    assert_close(ours[~nan], theirs[~nan])
    # Where torchvision is nan, lossdocs gives 0 - (hull - 0) / hull: -1 for two
    # distinct degenerate boxes with a non-empty hull, 0 for a box with itself.
    d1, d2 = DEGENERATE[:, None], DEGENERATE[None]
    hull_wh = np.maximum(d1[..., 2:], d2[..., 2:]) - np.minimum(d1[..., :2], d2[..., :2])
    hull = hull_wh.prod(-1)
    assert (hull > 0).sum() == 6  # the off-diagonal pairs
    assert_close(ours[:3, :3], np.where(hull > 0, -1.0, 0.0))
