"""Box IoU, GIoU and the GIoU loss against torchvision's formulas, written out in torch.

torchvision does not import beside this torch build, so its functions are
copied below from pytorch/vision:

- ``box_area``, ``_box_inter_union``, ``box_iou`` and ``generalized_box_iou``
  from ``torchvision/ops/boxes.py`` (read at commit 2f3a43f): areas
  ``(x1 - x0) * (y1 - y0)``; ``lt = max(b1[:, None, :2], b2[:, :2])``,
  ``rb = min(b1[:, None, 2:], b2[:, 2:])``, ``wh = (rb - lt).clamp(min=0)``,
  ``union = area1[:, None] + area2 - inter``, ``iou = inter / union``; the
  GIoU subtracts ``(areai - union) / areai`` for the enclosing box.
- ``generalized_box_iou_loss`` from ``torchvision/ops/giou_loss.py`` (commit
  90a8f70; newer versions move the intersection into ``_loss_inter_union`` in
  ``_utils.py``, the same code): the intersection is taken where
  ``xkis2 > xkis1 and ykis2 > ykis1``, ``iouk = intsctk / (unionk + eps)``,
  ``miouk = iouk - (area_c - unionk) / (area_c + eps)``, ``loss = 1 - miouk``;
  'mean' of zero pairs is ``0.0 * loss.sum()``.
"""

import numpy as np
import pytest
import torch
from _xcheck import REDUCTIONS, assert_close, ld, tt


def tv_box_area(boxes):
    return (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])


def tv_box_inter_union(boxes1, boxes2):
    area1, area2 = tv_box_area(boxes1), tv_box_area(boxes2)
    lt = torch.max(boxes1[:, None, :2], boxes2[:, :2])
    rb = torch.min(boxes1[:, None, 2:], boxes2[:, 2:])
    wh = (rb - lt).clamp(min=0)
    inter = wh[:, :, 0] * wh[:, :, 1]
    union = area1[:, None] + area2 - inter
    return inter, union


def tv_box_iou(boxes1, boxes2):
    inter, union = tv_box_inter_union(boxes1, boxes2)
    return inter / union


def tv_generalized_box_iou(boxes1, boxes2):
    inter, union = tv_box_inter_union(boxes1, boxes2)
    iou = inter / union
    lti = torch.min(boxes1[:, None, :2], boxes2[:, :2])
    rbi = torch.max(boxes1[:, None, 2:], boxes2[:, 2:])
    whi = (rbi - lti).clamp(min=0)
    areai = whi[:, :, 0] * whi[:, :, 1]
    return iou - (areai - union) / areai


def tv_loss_inter_union(boxes1, boxes2):
    """torchvision's ``_loss_inter_union`` (ops/_utils.py), used by its GIoU, DIoU and CIoU."""
    x1, y1, x2, y2 = boxes1.unbind(dim=-1)
    x1g, y1g, x2g, y2g = boxes2.unbind(dim=-1)
    xkis1, ykis1 = torch.max(x1, x1g), torch.max(y1, y1g)
    xkis2, ykis2 = torch.min(x2, x2g), torch.min(y2, y2g)
    intsctk = torch.zeros_like(x1)
    mask = (ykis2 > ykis1) & (xkis2 > xkis1)
    intsctk[mask] = (xkis2[mask] - xkis1[mask]) * (ykis2[mask] - ykis1[mask])
    unionk = (x2 - x1) * (y2 - y1) + (x2g - x1g) * (y2g - y1g) - intsctk
    return intsctk, unionk


def tv_generalized_box_iou_loss(boxes1, boxes2, reduction="none", eps=1e-7):
    intsctk, unionk = tv_loss_inter_union(boxes1, boxes2)
    x1, y1, x2, y2 = boxes1.unbind(dim=-1)
    x1g, y1g, x2g, y2g = boxes2.unbind(dim=-1)
    iouk = intsctk / (unionk + eps)
    xc1, yc1 = torch.min(x1, x1g), torch.min(y1, y1g)
    xc2, yc2 = torch.max(x2, x2g), torch.max(y2, y2g)
    area_c = (xc2 - xc1) * (yc2 - yc1)
    miouk = iouk - ((area_c - unionk) / (area_c + eps))
    loss = 1 - miouk
    if reduction == "mean":
        loss = loss.mean() if loss.numel() > 0 else 0.0 * loss.sum()
    elif reduction == "sum":
        loss = loss.sum()
    return loss


def _boxes(n, seed=0, dtype=np.float64):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, 10, (n, 2))
    wh = rng.uniform(0.1, 6, (n, 2))
    return np.concatenate([xy, xy + wh], axis=1).astype(dtype)


# Identical, nested, partial overlap, disjoint, touching along an edge, touching at a corner.
SPECIAL_1 = np.array(
    [[0, 0, 2, 2], [0, 0, 4, 4], [0, 0, 2, 2], [0, 0, 1, 1], [0, 0, 1, 1], [0, 0, 1, 1]], float
)
SPECIAL_2 = np.array(
    [[0, 0, 2, 2], [1, 1, 2, 2], [1, 0, 3, 2], [5, 5, 6, 7], [1, 0, 2, 1], [1, 1, 3, 3]], float
)


def test_box_area():
    boxes = _boxes(9)
    assert_close(ld("box_area")(boxes), tv_box_area(tt(boxes)))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_box_iou_random_and_special(dtype):
    b1 = np.concatenate([_boxes(7, 1), SPECIAL_1]).astype(dtype)
    b2 = np.concatenate([_boxes(5, 2), SPECIAL_2]).astype(dtype)
    assert_close(ld("box_iou")(b1, b2), tv_box_iou(tt(b1), tt(b2)), dtype=dtype)


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_generalized_box_iou_random_and_special(dtype):
    b1 = np.concatenate([_boxes(7, 3), SPECIAL_1]).astype(dtype)
    b2 = np.concatenate([_boxes(5, 4), SPECIAL_2]).astype(dtype)
    got = ld("generalized_box_iou")(b1, b2)
    assert_close(got, tv_generalized_box_iou(tt(b1), tt(b2)), dtype=dtype)
    assert np.all((got >= -1) & (got <= 1))


# Zero-area boxes: a point, a horizontal and a vertical segment.
DEGENERATE = np.array([[1, 1, 1, 1], [0, 3, 4, 3], [5, 0, 5, 2]], float)


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


@pytest.mark.parametrize("eps", [None, 1e-7, 0.0, 0.5])
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_giou_loss(eps, reduction):
    b1 = np.concatenate([_boxes(8, 7), SPECIAL_1])
    b2 = np.concatenate([_boxes(8, 8), SPECIAL_2])
    ours = {} if eps is None else {"eps": eps}
    theirs = {} if eps is None else {"eps": eps}
    expected = tv_generalized_box_iou_loss(tt(b1), tt(b2), reduction=reduction, **theirs)
    assert_close(ld("giou_loss")(b1, b2, reduction=reduction, **ours), expected)


def test_giou_loss_degenerate_pairs():
    # With the default eps both denominators are > 0, so torchvision is finite too.
    b1 = np.concatenate([DEGENERATE, DEGENERATE[:1], _boxes(2, 9)])
    b2 = np.concatenate([DEGENERATE[::-1], DEGENERATE[:1], DEGENERATE[:2]])
    expected = tv_generalized_box_iou_loss(tt(b1), tt(b2))
    assert_close(ld("giou_loss")(b1, b2, reduction="none"), expected)


def test_giou_loss_float32():
    b1, b2 = _boxes(10, 10, np.float32), _boxes(10, 11, np.float32)
    assert_close(
        ld("giou_loss")(b1, b2),
        tv_generalized_box_iou_loss(tt(b1), tt(b2), "mean"),
        dtype=np.float32,
    )


def test_giou_loss_defaults_and_empty_mean_differ_from_torchvision():
    # torchvision's default reduction is 'none', lossdocs' is 'mean'; the mean of
    # zero pairs is 0 in torchvision and raises here.
    b1, b2 = _boxes(6, 12), _boxes(6, 13)
    assert_close(ld("giou_loss")(b1, b2), tv_generalized_box_iou_loss(tt(b1), tt(b2)).mean())
    empty = np.zeros((0, 4))
    assert tv_generalized_box_iou_loss(tt(empty), tt(empty), "mean").item() == 0.0
    with pytest.raises(ValueError, match="boxes1"):
        ld("giou_loss")(empty, empty)
    assert_close(ld("giou_loss")(empty, empty, reduction="sum"), torch.tensor(0.0))


def test_giou_loss_is_one_minus_diagonal_of_generalized_box_iou():
    b1, b2 = _boxes(6, 14), _boxes(6, 15)
    expected = 1 - torch.diagonal(tv_generalized_box_iou(tt(b1), tt(b2)))
    assert_close(ld("giou_loss")(b1, b2, eps=0.0, reduction="none"), expected)
