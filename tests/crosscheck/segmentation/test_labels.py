"""Segmentation metrics against the standard torch recipe (bincount confusion matrix).

torch has no segmentation metrics; the usual code (torchvision's reference
``references/segmentation/utils.py`` ConfusionMatrix, written again here) is
``bincount(C * target + pred, minlength=C*C).reshape(C, C)`` over the pixels
kept, IoU ``diag / (rows + cols - diag)`` and mIoU the mean over classes present.
"""

import numpy as np
from _xcheck import assert_close, ld, tt


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
