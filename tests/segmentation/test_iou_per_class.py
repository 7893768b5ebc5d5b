"""Tests of iou_per_class: from the confusion matrix and from sets, absent classes, bounds."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp
from segmentation._helpers import _naive_confusion

from lossdocs import (
    confusion_matrix,
    iou_per_class,
    jaccard_index,
    mean_iou,
)


def test_iou_per_class_hand_checked():
    # Class 0: 1 / (1 + 2 - 1); class 1: 2 / (2 + 3 - 2); class 2 absent from both: NaN.
    got = iou_per_class([0, 0, 1, 1], [0, 1, 1, 1], 3)
    np.testing.assert_allclose(got, [1 / 2, 2 / 3, np.nan])
    assert mean_iou([0, 0, 1, 1], [0, 1, 1, 1], 3) == pytest.approx(7 / 12)


@pytest.mark.parametrize("ignore_index", [None, 255])
def test_iou_per_class_from_the_confusion_matrix_and_from_sets(ignore_index):
    rng = np.random.default_rng(1)
    pred, target = rng.integers(0, 5, (4, 7)), rng.integers(0, 4, (4, 7))  # class 4 never true
    target[0, :3] = 255 if ignore_index else target[0, :3]
    cm = _naive_confusion(pred, target, 5, ignore_index)
    tp = np.diag(cm).astype(float)
    with np.errstate(invalid="ignore"):
        from_cm = tp / (cm.sum(0) + cm.sum(1) - tp)
    got = iou_per_class(pred, target, 5, ignore_index=ignore_index)
    np.testing.assert_allclose(got, from_cm)
    keep = target != 255
    for c in range(5):  # each class as a pair of hard masks
        pc, tc = (pred == c) & keep, (target == c) & keep
        assert np.allclose(got[c], jaccard_index(pc, tc, empty_score=np.nan), equal_nan=True)
    assert mean_iou(pred, target, 5, ignore_index=ignore_index) == pytest.approx(
        np.nanmean(from_cm)
    )


def test_class_predicted_but_absent_from_target_scores_zero():
    # Class 2 predicted once, never true: IoU 0, and it counts in the mean.
    np.testing.assert_allclose(iou_per_class([0, 2], [0, 0], 3), [0.5, np.nan, 0.0])
    assert mean_iou([0, 2], [0, 0], 3) == pytest.approx(0.25)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_iou_symmetric_and_in_unit_interval(data):
    shape = data.draw(hnp.array_shapes(max_dims=2, max_side=6))
    labels = hnp.arrays(np.int64, shape, elements=st.integers(0, 3))
    a, b = data.draw(labels), data.draw(labels)
    ab, ba = iou_per_class(a, b, 4), iou_per_class(b, a, 4)
    np.testing.assert_array_equal(ab, ba)
    present = ~np.isnan(ab)
    assert np.all((ab[present] >= 0) & (ab[present] <= 1))
    np.testing.assert_array_equal(confusion_matrix(a, b, 4), confusion_matrix(b, a, 4).T)
