"""``giou_loss`` against ``torchvision.ops.generalized_box_iou_loss`` (written in torch ops)."""

import numpy as np
import pytest
import torch
from _xcheck import REDUCTIONS, assert_close, ld, tt
from detection._xhelpers import (
    DEGENERATE,
    SPECIAL_1,
    SPECIAL_2,
    _boxes,
    tv_generalized_box_iou,
    tv_loss_inter_union,
)


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
