"""diou_loss: the centre-distance penalty, and where it moves boxes IoU and GIoU leave."""

import numpy as np
import pytest
from detection._helpers import box_pairs
from gradcheck import numeric_grad
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import box_iou, ciou_loss, diou_loss, giou_loss


@settings(max_examples=40)
@given(
    box=box_pairs(1), shift=st.tuples(st.floats(-20, 20), st.floats(-20, 20)), k=st.floats(0.2, 5)
)
def test_penalty_is_squared_centre_distance_over_squared_diagonal(box, shift, k):
    a = box[0]
    w, h = a[0, 2] - a[0, 0], a[0, 3] - a[0, 1]
    b = a * k + np.array([shift * 2])  # any box with the same aspect ratio
    iou = box_iou(a, b)[0, 0]
    ca, cb = (a[0, :2] + a[0, 2:]) / 2, (b[0, :2] + b[0, 2:]) / 2
    lo, hi = np.minimum(a[0, :2], b[0, :2]), np.maximum(a[0, 2:], b[0, 2:])
    penalty = np.sum((ca - cb) ** 2) / np.sum((hi - lo) ** 2)
    assert diou_loss(a, b, eps=0) - (1 - iou) == pytest.approx(penalty, rel=1e-9, abs=1e-14)
    # Same aspect ratio: CIoU's v is 0, so CIoU is DIoU.
    assert ciou_loss(a, b, eps=0) == pytest.approx(diou_loss(a, b, eps=0), rel=1e-13, abs=1e-15)
    # A different aspect ratio adds a positive term.
    c = np.array([[a[0, 0], a[0, 1], a[0, 0] + 2 * w, a[0, 1] + h]])
    assert ciou_loss(a, c, eps=0) > diou_loss(a, c, eps=0)


def test_inside_a_containing_box_giou_is_flat_and_diou_pulls_the_centre():
    # A 2 x 2 box anywhere inside a 10 x 10 target: IoU 4/100, GIoU's penalty 0.
    target = np.array([[0.0, 0.0, 10.0, 10.0]])

    def box_at(cx, cy):
        return np.array([[cx - 1, cy - 1, cx + 1, cy + 1]])

    giou = [giou_loss(box_at(cx, 3.0), target, eps=0) for cx in (2.0, 4.0, 5.0, 7.5)]
    np.testing.assert_allclose(giou, 1 - 4 / 100, rtol=1e-15)
    # DIoU: d^2 / c^2 with c^2 = 200 while the box stays inside; its gradient
    # with respect to the centre is 2 (centre - target centre) / c^2, by finite differences.
    centre = np.array([3.0, 7.0])
    grad = numeric_grad(lambda c: diou_loss(box_at(*c), target, eps=0), centre)
    np.testing.assert_allclose(grad, 2 * (centre - 5.0) / 200, rtol=1e-6)
    grad_giou = numeric_grad(lambda c: giou_loss(box_at(*c), target, eps=0), centre)
    np.testing.assert_allclose(grad_giou, 0, atol=1e-9)


def test_disjoint_boxes_iou_loss_is_flat_and_diou_is_not():
    target = np.array([[0.0, 0.0, 1.0, 1.0]])
    far = [np.array([[x, 0.0, x + 1, 1.0]]) for x in (2.0, 3.0, 5.0)]
    assert all(box_iou(b, target)[0, 0] == 0 for b in far)
    losses = [diou_loss(b, target) for b in far]
    assert losses[0] < losses[1] < losses[2] < 2
