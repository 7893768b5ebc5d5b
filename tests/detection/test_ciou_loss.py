"""ciou_loss: the aspect-ratio term v and its weight alpha (Zheng et al.) by definition."""

import math

import numpy as np
import pytest

from lossdocs import box_iou, ciou_loss, diou_loss


@pytest.mark.parametrize("width", [0.5, 1.0, 2.0, 3.0, 8.0])
@pytest.mark.parametrize("shift", [0.0, 0.75, 3.0])
def test_ciou_is_diou_plus_alpha_v(width, shift):
    a = np.array([[0.0, 0.0, 2.0, 2.0]])  # aspect ratio 1
    b = np.array([[shift, 0.0, shift + width, 2.0]])  # aspect ratio width / 2
    v = 4 / math.pi**2 * (math.atan(width / 2) - math.atan(1.0)) ** 2
    iou = box_iou(a, b)[0, 0]
    alpha = v / (1 - iou + v) if v else 0.0
    expected = diou_loss(a, b, eps=0) + alpha * v
    assert ciou_loss(a, b, eps=0) == pytest.approx(expected, rel=1e-13, abs=1e-15)


def test_aspect_term_is_zero_for_the_same_aspect_ratio_and_grows_with_the_mismatch():
    a = np.array([[0.0, 0.0, 2.0, 1.0]])
    same = np.array([[1.0, 0.0, 5.0, 2.0]])  # 4 x 2: the same ratio, another size
    assert ciou_loss(a, same, eps=0) == pytest.approx(diou_loss(a, same, eps=0), rel=1e-14)
    extra = [
        ciou_loss(a, b, eps=0) - diou_loss(a, b, eps=0)
        for b in np.array([[[0.0, 0.0, 2.0, 1.5]], [[0.0, 0.0, 2.0, 3.0]], [[0.0, 0.0, 2.0, 8.0]]])
    ]
    assert 0 < extra[0] < extra[1] < extra[2]
