"""``iou_per_class`` and ``mean_iou`` against the IoU of the bincount confusion matrix."""

import pytest
import torch
from _xcheck import assert_close, ld, tt
from segmentation._xhelpers import C, _labels, torch_confusion


def torch_iou(cm):
    cm = cm.to(torch.float64)
    inter = torch.diag(cm)
    union = cm.sum(0) + cm.sum(1) - inter
    return inter / union  # 0 / 0 = nan for a class absent from both


@pytest.mark.parametrize("ignore_index", [None, 255])
def test_iou_per_class_and_mean_iou(ignore_index):
    pred, target = _labels(1, ignore_index=ignore_index)
    iou = torch_iou(torch_confusion(tt(pred), tt(target), C, ignore_index))
    assert torch.isnan(iou[-1])
    assert_close(ld("iou_per_class")(pred, target, C, ignore_index=ignore_index), iou)
    assert_close(ld("mean_iou")(pred, target, C, ignore_index=ignore_index), torch.nanmean(iou))
