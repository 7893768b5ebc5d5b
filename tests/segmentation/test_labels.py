"""Tests for the hard segmentation metrics: confusion matrix, IoU, mIoU, mask Dice and Jaccard."""

import numpy as np
import pytest
from segmentation._helpers import MASK_FNS

from lossdocs import (
    confusion_matrix,
    dice_coefficient,
    iou_per_class,
    jaccard_index,
    mean_iou,
)

LABEL_FNS = [confusion_matrix, iou_per_class, mean_iou]


def test_masks_hand_checked():
    # A = {0, 1}, B = {0, 2}: |A.B| = 1, |A| = |B| = 2: J = 1/3, Dice = 2/4.
    assert jaccard_index([1, 1, 0, 0], [1, 0, 1, 0]) == pytest.approx(1 / 3)
    assert dice_coefficient([1, 1, 0, 0], [1, 0, 1, 0]) == pytest.approx(1 / 2)
    # A inside B, half its size: J = 2/4, Dice = 4/6.
    assert jaccard_index([1, 1, 0, 0], [1, 1, 1, 1]) == pytest.approx(1 / 2)
    assert dice_coefficient([1, 1, 0, 0], [1, 1, 1, 1]) == pytest.approx(2 / 3)


@pytest.mark.parametrize("fn", MASK_FNS)
def test_empty_masks_convention(fn):
    assert fn([0, 0], [0, 0]) == 1.0
    assert fn([0, 0], [0, 0], empty_score=0) == 0.0
    assert np.isnan(fn([0, 0], [0, 0], empty_score=np.nan))
    assert fn([0, 0], [0, 1]) == 0.0  # one empty mask: no overlap, score 0


@pytest.mark.parametrize("fn", MASK_FNS)
def test_per_sample_axis(fn):
    rng = np.random.default_rng(2)
    a, b = rng.integers(0, 2, (4, 3, 5)), rng.integers(0, 2, (4, 3, 5))
    b[1] = a[1] = 0  # one pair of empty masks
    got = fn(a, b, axis=(1, 2), empty_score=np.nan)
    assert got.shape == (4,)
    each = [fn(a[i], b[i], empty_score=np.nan) for i in range(4)]
    np.testing.assert_allclose(got, each)
    assert np.isnan(got[1])
    np.testing.assert_allclose(fn(a, b, axis=(-1, 1), empty_score=np.nan), each)
    assert fn(a, b, axis=0).shape == (3, 5)
    assert np.ndim(fn(a, b)) == 0


@pytest.mark.parametrize("fn", MASK_FNS)
def test_mask_dtypes(fn):
    a = np.array([1, 0, 1], dtype=np.float32)
    assert fn(a, a).dtype == np.float32
    assert fn(a.astype(bool), a.astype(int)).dtype == np.float64


@pytest.mark.parametrize("fn", MASK_FNS)
def test_nan_in_a_float_mask_propagates_to_its_sample(fn):
    a = np.array([[1.0, np.nan], [1.0, 0.0]])
    b = np.array([[1.0, 0.0], [1.0, 1.0]])
    got = fn(a, b, axis=1)
    assert np.isnan(got[0]) and np.isfinite(got[1])


@pytest.mark.parametrize("fn", LABEL_FNS)
@pytest.mark.parametrize(
    ("pred", "target", "num_classes", "kw", "error", "name"),
    [
        ([0, 1], [0, 1], 0, {}, ValueError, "num_classes"),
        ([0, 1], [0, 1], -2, {}, ValueError, "num_classes"),
        ([0, 1], [0, 1], 2.0, {}, TypeError, "num_classes"),
        ([0, 1], [0, 1], True, {}, TypeError, "num_classes"),
        ([0, 1], [0, 1], 2, {"ignore_index": 1.5}, TypeError, "ignore_index"),
        ([0, 1], [0, 2], 2, {}, ValueError, "target"),
        ([0, 1], [0, -1], 2, {}, ValueError, "target"),
        ([0, 1], [0, 255], 2, {"ignore_index": -1}, ValueError, "target"),
        ([0, 2], [0, 1], 2, {}, ValueError, "pred_labels"),
        ([0, 2], [0, 1], 2, {"ignore_index": 255}, ValueError, "pred_labels"),
        ([0, 1], [0, 1, 1], 2, {}, ValueError, "target"),
        ([0.5, 1], [0, 1], 2, {}, TypeError, "pred_labels"),
        ([0, 1], [0, np.nan], 2, {}, TypeError, "target"),
        (["a", "b"], [0, 1], 2, {}, TypeError, "pred_labels"),
    ],
)
def test_label_metrics_bad_input_names_the_argument(fn, pred, target, num_classes, kw, error, name):
    with pytest.raises(error, match=name):
        fn(pred, target, num_classes, **kw)


@pytest.mark.parametrize("fn", MASK_FNS)
@pytest.mark.parametrize(
    ("a", "b", "kw", "error", "name"),
    [
        ([1, 0], [1, 0, 1], {}, ValueError, "target_mask"),
        ([0.5, 0], [1, 0], {}, ValueError, "pred_mask"),
        ([1, 0], [2, 0], {}, ValueError, "target_mask"),
        (["a", "b"], [1, 0], {}, TypeError, "pred_mask"),
        ([1, 0], [1, 0], {"empty_score": 2.0}, ValueError, "empty_score"),
        ([1, 0], [1, 0], {"empty_score": "1"}, TypeError, "empty_score"),
        ([1, 0], [1, 0], {"empty_score": True}, TypeError, "empty_score"),
        ([1, 0], [1, 0], {"axis": 1}, ValueError, "axis"),
        ([1, 0], [1, 0], {"axis": (0, 0)}, ValueError, "axis"),
    ],
)
def test_mask_metrics_bad_input_names_the_argument(fn, a, b, kw, error, name):
    with pytest.raises(error, match=name):
        fn(a, b, **kw)


@pytest.mark.parametrize("fn", [confusion_matrix, iou_per_class, mean_iou])
def test_ragged_label_lists_are_refused_by_name(fn):
    with pytest.raises(TypeError, match="pred_labels must be array-like of numbers"):
        fn([[0, 1], [0]], [[0, 1], [0]], 2)
