"""What the DIoU and CIoU losses share (detection/_distance.py): values, eps, dtypes."""

import math
from fractions import Fraction

import numpy as np
import pytest
from detection._helpers import box_pairs
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import box_iou, ciou_loss, diou_loss, giou_loss

LOSSES = [diou_loss, ciou_loss]
A = [0.0, 0.0, 2.0, 2.0]


def exact_diou(a, b):
    """1 - IoU + d^2 / c^2 in exact rational arithmetic (eps = 0), from the definition."""
    a, b = [Fraction(v) for v in a], [Fraction(v) for v in b]
    ix = max(min(a[2], b[2]) - max(a[0], b[0]), 0)
    iy = max(min(a[3], b[3]) - max(a[1], b[1]), 0)
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    cx, cy = max(a[2], b[2]) - min(a[0], b[0]), max(a[3], b[3]) - min(a[1], b[1])
    d2 = ((a[0] + a[2] - b[0] - b[2]) / 2) ** 2 + ((a[1] + a[3] - b[1] - b[3]) / 2) ** 2
    return 1 - inter / union + d2 / (cx**2 + cy**2), inter / union


def exact_ciou(a, b):
    """exact_diou plus alpha * v with math.atan (Zheng et al.'s v and alpha, eps = 0)."""
    diou, iou = exact_diou(a, b)
    v = (
        4
        / math.pi**2
        * (math.atan((b[2] - b[0]) / (b[3] - b[1])) - math.atan((a[2] - a[0]) / (a[3] - a[1]))) ** 2
    )
    alpha = v / (1 - float(iou) + v) if v else 0.0
    return float(diou) + alpha * v


def test_by_hand():
    # Side by side: IoU 2/6, centres 1 apart, enclosing box 3 x 2 (diagonal^2 13).
    b = [1.0, 0.0, 3.0, 2.0]
    assert diou_loss([A], [b], eps=0) == pytest.approx(1 - 1 / 3 + 1 / 13, rel=1e-15)
    # Disjoint, 2 apart along x: IoU 0, d^2 = 9, enclosing 5 x 2 (29): the loss exceeds 1.
    assert diou_loss([A], [[3.0, 0.0, 5.0, 2.0]], eps=0) == pytest.approx(1 + 9 / 29, rel=1e-15)
    # CIoU of a 2 x 2 and a 4 x 2 box sharing a corner: v = 4/pi^2 (atan 2 - atan 1)^2.
    c = [0.0, 0.0, 4.0, 2.0]
    v = 4 / math.pi**2 * (math.atan(2) - math.pi / 4) ** 2
    iou = 4 / 8
    expected = 1 - iou + 1 / 20 + v / (1 - iou + v) * v
    assert ciou_loss([A], [c], eps=0) == pytest.approx(expected, rel=1e-14)


def test_eps_where_torchvision_adds_it():
    # eps in the union, in the squared diagonal, and (CIoU) in alpha's denominator.
    eps, c = 0.5, [0.0, 0.0, 4.0, 2.0]
    iou, dist = 4 / (8 + eps), 1 / (20 + eps)
    v = 4 / math.pi**2 * (math.atan(2) - math.pi / 4) ** 2
    assert diou_loss([A], [c], eps=eps) == pytest.approx(1 - iou + dist, rel=1e-14)
    expected = 1 - iou + dist + v / (1 - iou + v + eps) * v
    assert ciou_loss([A], [c], eps=eps) == pytest.approx(expected, rel=1e-14)


@settings(max_examples=60)
@given(pairs=box_pairs())
def test_against_exact_rational_arithmetic(pairs):
    a, b = pairs
    expected = [float(exact_diou(x, y)[0]) for x, y in zip(a, b, strict=True)]
    np.testing.assert_allclose(diou_loss(a, b, eps=0, reduction="none"), expected, rtol=1e-14)
    expected = [exact_ciou(x, y) for x, y in zip(a, b, strict=True)]
    np.testing.assert_allclose(ciou_loss(a, b, eps=0, reduction="none"), expected, rtol=1e-12)


@settings(max_examples=60)
@given(pairs=box_pairs())
def test_symmetric_bounded_and_zero_for_identical_boxes(pairs):
    a, b = pairs
    for loss, top in [(diou_loss, 2), (ciou_loss, 3)]:
        ab, ba = loss(a, b, reduction="none"), loss(b, a, reduction="none")
        np.testing.assert_allclose(ab, ba, rtol=1e-14)
        assert np.all((ab >= 0) & (ab < top))
        np.testing.assert_allclose(loss(a, a, eps=0, reduction="none"), 0, atol=1e-15)
    # The penalties only add: GIoU's can exceed DIoU's, but both exceed 1 - IoU.
    iou = np.diag(box_iou(a, b))
    assert np.all(diou_loss(a, b, eps=0, reduction="none") >= 1 - iou - 1e-15)
    assert np.all(ciou_loss(a, b, reduction="none") >= diou_loss(a, b, reduction="none"))


@settings(max_examples=40)
@given(box=box_pairs(1), k=st.floats(0.1, 10), shrink=st.floats(0.05, 1))
def test_concentric_same_shape_boxes_give_the_iou_loss(box, k, shrink):
    # Scale a box about its centre: same centre, same aspect ratio, IoU = shrink^2.
    a = box[0]
    centre, half = (a[:, :2] + a[:, 2:]) / 2, (a[:, 2:] - a[:, :2]) / 2 * k
    big = np.concatenate([centre - half, centre + half], axis=1)
    small = np.concatenate([centre - half * shrink, centre + half * shrink], axis=1)
    # The corners are rounded, so IoU = shrink^2 holds to their rounding only (about
    # 1e-12 relative for a side 1e3 times thinner than its coordinates); the loss is
    # compared with 1 - IoU of the boxes as built, to a few ulps of 1 (the cancellation).
    iou = np.diag(box_iou(big, small))
    np.testing.assert_allclose(iou, shrink**2, rtol=1e-10)
    for loss in LOSSES:
        np.testing.assert_allclose(loss(big, small, eps=0), 1 - iou, rtol=1e-12, atol=4e-15)
        np.testing.assert_allclose(
            loss(big, small, eps=0), giou_loss(big, small, eps=0), atol=1e-14
        )


def test_degenerate_boxes_are_finite_without_a_warning():
    point, segment, flat = [1.0, 1.0, 1.0, 1.0], [0.0, 0.0, 0.0, 2.0], [0.0, 0.0, 2.0, 0.0]
    a = np.array([point, point, segment, flat, A])
    b = np.array([point, A, segment, segment, flat])
    for loss in LOSSES:
        out = loss(a, b, eps=0, reduction="none")
        assert np.all(np.isfinite(out))
        assert out[0] == 1 and out[2] == 1  # no area, same centre: 1 - 0 + 0
    # A point has no aspect ratio: no aspect term, CIoU is DIoU (torchvision: NaN).
    assert ciou_loss([point], [A], eps=0) == diou_loss([point], [A], eps=0) == 1
    # A segment against a flat segment: angles pi/2 and 0, so v = 1 and alpha = 1 / (1 + 1).
    v_term = ciou_loss([segment], [flat], eps=0) - diou_loss([segment], [flat], eps=0)
    assert v_term == pytest.approx(0.5, rel=1e-15)


def test_reductions_and_empty_inputs():
    a = np.array([A, [0.0, 0.0, 1.0, 1.0], [2.0, 2.0, 5.0, 3.0]])
    b = a[::-1] + 0.25
    for loss in LOSSES:
        per = loss(a, b, reduction="none")
        assert per.shape == (3,)
        assert loss(a, b, reduction="sum") == pytest.approx(per.sum())
        assert loss(a, b) == pytest.approx(per.mean())
        empty = np.zeros((0, 4))
        assert loss(empty, empty, reduction="sum") == 0
        assert loss(empty, empty, reduction="none").shape == (0,)
        with pytest.raises(ValueError, match="boxes1"):
            loss(empty, empty)  # torchvision returns 0; the mean of nothing raises here


@pytest.mark.parametrize("loss", LOSSES)
def test_float32_in_float32_out_and_ints_to_float64(loss):
    a = np.array([A, [1, 1, 3, 4], [0, 0, 1, 3]], dtype=np.float32)
    b = np.array([[1, 0, 3, 2], [0, 0, 4, 4], [5, 5, 6, 9]], dtype=np.float32)
    assert loss(a, b).dtype == np.float32
    assert loss(a.astype(int), b.astype(int)).dtype == np.float64
    np.testing.assert_allclose(
        loss(a, b, reduction="none"), loss(a.astype(np.float64), b, reduction="none"), rtol=2e-6
    )


SCALES64 = [5e-320, 1e-300, 1e-170, 1e-154, 1.0, 1e154, 1e200, 1.7e308]


@pytest.mark.parametrize("s", SCALES64)
@pytest.mark.parametrize("loss", LOSSES)
def test_scale_invariant_over_the_whole_float64_range(loss, s):
    a, b = np.array([[0.0, 0.0, s, s]]), np.array([[0.0, 0.0, s, s / 2]])
    expected = loss(np.array([[0.0, 0.0, 1.0, 1.0]]), np.array([[0.0, 0.0, 1.0, 0.5]]), eps=0)
    assert loss(a, b, eps=0.0) == pytest.approx(expected, rel=1e-14)


@pytest.mark.parametrize("s", [1e-40, 1e-30, 1e20, 3e38])
@pytest.mark.parametrize("loss", LOSSES)
def test_scale_invariant_in_float32(loss, s):
    a, b = np.float32([[0, 0, s, s]]), np.float32([[0, 0, s, s / 2]])
    expected = loss(np.array([[0.0, 0.0, 1.0, 1.0]]), np.array([[0.0, 0.0, 1.0, 0.5]]), eps=0)
    out = loss(a, b, eps=0.0)
    assert out.dtype == np.float32 and out == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize("loss", LOSSES)
def test_eps_keeps_its_meaning_in_area_units(loss):
    # eps = 1e-7 dominates boxes of area 1e-340: IoU and the distance term vanish (torchvision too).
    a, b = np.array([[0.0, 0.0, 1e-170, 1e-170]]), np.array([[0.0, 0.0, 1e-170, 5e-171]])
    unit = loss(a * 1e170, b * 1e170, eps=0)
    # CIoU keeps its aspect term, which has no eps in it: alpha v = v^2 / (1 + v + eps).
    v = 4 / math.pi**2 * (math.atan(2) - math.pi / 4) ** 2
    expected = 1.0 if loss is diou_loss else 1 + v * v / (1 + v + 1e-7)
    assert loss(a, b) == pytest.approx(expected, rel=1e-15)
    # Areas of 1e260 and 1e200: eps is negligible at both scales, and the two agree.
    assert loss(a * 1e300, b * 1e300) == pytest.approx(loss(a * 1e270, b * 1e270), rel=1e-15)
    assert loss(a * 1e300, b * 1e300) == pytest.approx(unit, rel=1e-6)


def test_nan_propagates_and_infinite_coordinates_do_not_warn():
    a = np.array([A, [0.0, np.nan, 1.0, 1.0], [0.0, 0.0, np.inf, 1.0], [np.inf, 0.0, np.inf, 1.0]])
    b = np.array([A, A, A, A])
    for loss in LOSSES:
        out = loss(a, b, reduction="none")  # filterwarnings=error: a warning fails here
        assert out[0] == pytest.approx(0, abs=1e-7)
        # NaN in, NaN out; an infinite coordinate gives inf / inf in the distance term.
        assert np.isnan(out[1:]).all()
