"""``box_iou`` against ``torchvision.ops.box_iou`` (written in torch ops)."""

import numpy as np
import pytest
from _xcheck import assert_close, ld, tt
from detection._xhelpers import (
    DEGENERATE,
    SPECIAL_1,
    SPECIAL_2,
    _boxes,
    tv_box_inter_union,
)


def tv_box_iou(boxes1, boxes2):
    inter, union = tv_box_inter_union(boxes1, boxes2)
    return inter / union


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_box_iou_random_and_special(dtype):
    b1 = np.concatenate([_boxes(7, 1), SPECIAL_1]).astype(dtype)
    b2 = np.concatenate([_boxes(5, 2), SPECIAL_2]).astype(dtype)
    assert_close(ld("box_iou")(b1, b2), tv_box_iou(tt(b1), tt(b2)), dtype=dtype)


def test_box_iou_degenerate_is_0_where_torchvision_is_nan():
    # Deliberate difference: two zero-area boxes have union 0 and torchvision
    # returns 0 / 0 = nan; lossdocs returns 0. A zero-area box against a box with
    # area is 0 in both.
    normal = _boxes(2, 5)
    b = np.concatenate([DEGENERATE, normal])
    theirs = tv_box_iou(tt(b), tt(b)).numpy()
    ours = ld("box_iou")(b, b)
    both_degenerate = np.zeros(ours.shape, bool)
    both_degenerate[:3, :3] = True
    assert np.all(np.isnan(theirs[both_degenerate]))
    assert np.all(ours[both_degenerate] == 0)
    assert_close(ours[~both_degenerate], theirs[~both_degenerate])
