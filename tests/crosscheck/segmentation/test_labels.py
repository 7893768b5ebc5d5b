"""Segmentation metrics against the standard torch recipe (bincount confusion matrix).

torch has no segmentation metrics; the usual code (torchvision's reference
``references/segmentation/utils.py`` ConfusionMatrix, written again here) is
``bincount(C * target + pred, minlength=C*C).reshape(C, C)`` over the pixels
kept, IoU ``diag / (rows + cols - diag)`` and mIoU the mean over classes present.
"""

import numpy as np
import pytest
import torch
from _xcheck import assert_close, ld, tt

C = 5


def torch_confusion(pred, target, num_classes, ignore_index=None):
    keep = torch.ones_like(target, dtype=torch.bool)
    if ignore_index is not None:
        keep = target != ignore_index
    idx = num_classes * target[keep] + pred[keep]
    return torch.bincount(idx, minlength=num_classes**2).reshape(num_classes, num_classes)


def torch_iou(cm):
    cm = cm.to(torch.float64)
    inter = torch.diag(cm)
    union = cm.sum(0) + cm.sum(1) - inter
    return inter / union  # 0 / 0 = nan for a class absent from both


def _labels(seed=0, shape=(3, 6, 7), ignore_index=None):
    rng = np.random.default_rng(seed)
    target = rng.integers(0, C - 1, shape)  # class C - 1 never in the target ...
    pred = rng.integers(0, C - 1, shape)  # ... nor predicted: an absent class
    if ignore_index is not None:
        target[rng.random(shape) < 0.2] = ignore_index
    return pred, target


@pytest.mark.parametrize("ignore_index", [None, 255, 2])
def test_confusion_matrix(ignore_index):
    pred, target = _labels(ignore_index=ignore_index)
    expected = torch_confusion(tt(pred), tt(target), C, ignore_index)
    got = ld("confusion_matrix")(pred, target, C, ignore_index=ignore_index)
    assert_close(got, expected, dtype=np.int64)


@pytest.mark.parametrize("ignore_index", [None, 255])
def test_iou_per_class_and_mean_iou(ignore_index):
    pred, target = _labels(1, ignore_index=ignore_index)
    iou = torch_iou(torch_confusion(tt(pred), tt(target), C, ignore_index))
    assert torch.isnan(iou[-1])
    assert_close(ld("iou_per_class")(pred, target, C, ignore_index=ignore_index), iou)
    assert_close(ld("mean_iou")(pred, target, C, ignore_index=ignore_index), torch.nanmean(iou))


def test_hard_mask_scores():
    rng = np.random.default_rng(2)
    a, b = rng.random((4, 9)) < 0.5, rng.random((4, 9)) < 0.3
    at, bt = tt(a).double(), tt(b).double()
    inter, total = (at * bt).sum(), at.sum() + bt.sum()
    assert_close(ld("dice_coefficient")(a, b), 2 * inter / total)
    assert_close(ld("jaccard_index")(a, b), inter / (total - inter))
    inter1, total1 = (at * bt).sum(1), at.sum(1) + bt.sum(1)
    assert_close(ld("dice_coefficient")(a, b, axis=1), 2 * inter1 / total1)
    assert_close(ld("jaccard_index")(a, b, axis=1), inter1 / (total1 - inter1))
