"""Properties the box functions share: degenerate boxes, reductions, dtypes, NaN, bad input."""

import numpy as np
import pytest
from detection._helpers import box_sets
from hypothesis import given, settings
from hypothesis import strategies as st

from lossdocs import box_area, box_iou, ciou_loss, diou_loss, generalized_box_iou, giou_loss

A = [0.0, 0.0, 2.0, 2.0]
BOX_FUNCS = [box_iou, generalized_box_iou]


def test_iou_and_giou_by_hand():
    b = [
        [1.0, 1.0, 3.0, 3.0],  # overlap 1 x 1, union 4 + 4 - 1 = 7, hull 3 x 3 = 9
        [0.5, 0.5, 1.5, 1.5],  # inside A: 1 / 4, hull = A
        [2.0, 0.0, 4.0, 2.0],  # touches A along x = 2: IoU 0, hull 4 x 2 = union
        [3.0, 0.0, 4.0, 1.0],  # 1 apart: IoU 0, hull 4 x 2 = 8, union 5
    ]
    np.testing.assert_allclose(box_iou([A], b), [[1 / 7, 1 / 4, 0, 0]], rtol=1e-15)
    giou = [1 / 7 - 2 / 9, 1 / 4, 0, -3 / 8]
    np.testing.assert_allclose(generalized_box_iou([A], b), [giou], rtol=1e-15)
    # GIoU loss of matched pairs, with eps in both denominators as torchvision:
    # pair 1: 1 - 1/(7 + eps) + 2/(9 + eps).
    eps = 1e-3
    expected = 1 - 1 / (7 + eps) + 2 / (9 + eps)
    assert giou_loss([A], [b[0]], eps=eps, reduction="sum") == pytest.approx(expected, rel=1e-14)


@settings(max_examples=40)
@given(a=box_sets(min_side=0.01), shift=st.floats(-10, 10), scale=st.floats(0.1, 10))
def test_identical_boxes_give_one_and_iou_is_similarity_invariant(a, shift, scale):
    np.testing.assert_allclose(np.diag(box_iou(a, a)), 1, rtol=1e-12)
    np.testing.assert_allclose(np.diag(generalized_box_iou(a, a)), 1, rtol=1e-12)
    b = a[::-1] + 1.0
    np.testing.assert_allclose(
        box_iou(a * scale + shift, b * scale + shift), box_iou(a, b), atol=1e-9
    )


def test_touching_disjoint_and_degenerate_boxes_give_zero_not_nan():
    boxes = [
        [1.0, 1.0, 1.0, 1.0],  # a point
        [0.0, 0.0, 0.0, 2.0],  # a vertical segment
        [0.0, 0.0, 0.0, 2.0],  # the same segment (hull of the pair has zero area)
        [5.0, 5.0, 6.0, 6.0],  # a unit square, disjoint from the rest
        [6.0, 5.0, 7.0, 6.0],  # touching it along x = 6
    ]
    iou = box_iou(boxes, boxes)  # filterwarnings=error: a 0/0 would fail here
    expected = np.zeros((5, 5))
    expected[3, 3] = expected[4, 4] = 1
    np.testing.assert_array_equal(iou, expected)
    giou = generalized_box_iou(boxes, boxes)
    assert np.all(np.isfinite(giou))
    assert giou[1, 2] == 0  # both degenerate, zero-area hull: 0 by convention
    assert giou[0, 1] == -1  # a point and a segment 1 apart: hull 1 x 2, union 0
    assert giou[3, 4] == 0  # touching: hull = union
    loss = giou_loss(boxes, boxes, eps=0, reduction="none")
    np.testing.assert_array_equal(loss, [1, 1, 1, 0, 0])


def test_reductions_and_empty_inputs():
    a = np.array([A, [0.0, 0.0, 1.0, 1.0], [2.0, 2.0, 5.0, 3.0]])
    b = a[::-1] + 0.25
    per = giou_loss(a, b, reduction="none")
    assert per.shape == (3,)
    assert giou_loss(a, b, reduction="sum") == pytest.approx(per.sum())
    assert giou_loss(a, b) == pytest.approx(per.sum() / 3)
    empty = np.zeros((0, 4))
    assert box_iou(empty, a).shape == (0, 3)
    assert generalized_box_iou(a, empty).shape == (3, 0)
    assert box_area(empty).shape == (0,)
    assert giou_loss(empty, empty, reduction="sum") == 0
    with pytest.raises(ValueError, match="boxes1"):
        giou_loss(empty, empty)  # torchvision returns 0; the mean of nothing raises here


@pytest.mark.parametrize("func", [*BOX_FUNCS, giou_loss])
def test_float32_in_float32_out_and_ints_to_float64(func):
    a = np.array([A, [1, 1, 3, 4]], dtype=np.float32)
    assert func(a, a[::-1]).dtype == np.float32
    assert func(a.astype(int), a[::-1].astype(int)).dtype == np.float64
    assert box_area(a).dtype == np.float32
    np.testing.assert_allclose(func(a, a[::-1]), func(a.astype(np.float64), a[::-1]), rtol=1e-6)


def test_nan_propagates():
    a = np.array([A, [0.0, np.nan, 1.0, 1.0]])
    for func in BOX_FUNCS:
        out = func(a, a)
        assert np.isnan(out[1]).all() and np.isnan(out[:, 1]).all()
        assert np.isfinite(out[0, 0])
    per = giou_loss(a, a[::-1], reduction="none")
    assert np.isnan(per).all()  # each pair holds the NaN box
    assert np.isnan(box_area(a)[1])


@pytest.mark.parametrize("func", [*BOX_FUNCS, giou_loss, diou_loss, ciou_loss])
@pytest.mark.parametrize("which", ["boxes1", "boxes2"])
@pytest.mark.parametrize(
    "bad",
    [[[0, 0, 1]], [0, 0, 1, 1], [[[0, 0, 1, 1]]], [[2, 0, 1, 1]], [[0, 2, 1, 1]]],
    ids=["3 columns", "1-D", "3-D", "x1<x0", "y1<y0"],
)
def test_bad_boxes_raise_naming_the_argument(func, which, bad):
    kwargs = {"boxes1": [A], "boxes2": [A], which: bad}
    with pytest.raises(ValueError, match=which):
        func(**kwargs)


def test_other_bad_inputs():
    with pytest.raises(ValueError, match="boxes"):
        box_area([[0, 0, -1, 1]])
    with pytest.raises(ValueError, match=r"y1 < y0"):
        box_area([[0, 3, 1, 1]])
    with pytest.raises(TypeError, match="boxes1"):
        box_iou([["a", "b", "c", "d"]], [A])


@pytest.mark.parametrize("loss", [giou_loss, diou_loss, ciou_loss])
def test_bad_inputs_of_the_box_losses(loss):
    with pytest.raises(ValueError, match="boxes2"):
        loss([A, A], [A])
    with pytest.raises(ValueError, match="eps"):
        loss([A], [A], eps=-1e-7)
    with pytest.raises(TypeError, match="eps"):
        loss([A], [A], eps="small")
    with pytest.raises(ValueError, match="reduction"):
        loss([A], [A], reduction="avg")
    with pytest.raises(TypeError, match="boxes1"):
        loss([["a", "b", "c", "d"]], [A])


# Issue 11's reproducers: the ratios are scale-invariant at every scale.

SCALES64 = [5e-320, 1e-300, 1e-170, 1e-154, 1.0, 1e154, 1e200, 1.7e308]


@pytest.mark.parametrize("s", SCALES64)
def test_iou_and_giou_are_scale_invariant_over_the_whole_float64_range(s):
    a, b = np.array([[0.0, 0.0, s, s]]), np.array([[0.0, 0.0, s, s / 2]])
    assert box_iou(a, b)[0, 0] == pytest.approx(0.5, rel=1e-15)
    assert box_iou(a, a)[0, 0] == 1.0
    c = np.array([[s / 2, 0.0, s, s]])
    assert generalized_box_iou(a, c)[0, 0] == pytest.approx(0.5, rel=1e-15)
    assert giou_loss(a, b, eps=0.0) == pytest.approx(0.5, rel=1e-15)


def test_infinite_coordinates_give_the_limit_or_nan_without_a_warning():
    boxes = np.array([[0.0, 0.0, np.inf, 1.0], [np.inf, 0.0, np.inf, 1.0]])
    iou = box_iou(boxes, [[0.0, 0.0, 1.0, 1.0]])
    assert iou[0, 0] == 0.0 and np.isnan(iou[1, 0])
    assert box_area([[-1e308, -1e308, 1e308, 1e308]])[0] == np.inf  # silent overflow
