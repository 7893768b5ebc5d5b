"""Tests of iou_from_confusion_matrix: summed matrices give the dataset IoU, bad matrices."""

import numpy as np
import pytest

from lossdocs import (
    confusion_matrix,
    iou_from_confusion_matrix,
    iou_per_class,
)


def test_iou_from_summed_confusion_matrices_is_the_dataset_iou():
    # Two "images": pooling the pixels and summing the matrices must agree.
    a_pred, a_true = np.array([0, 1, 1]), np.array([0, 0, 1])
    b_pred, b_true = np.array([1, 1]), np.array([1, 1])
    total = confusion_matrix(a_pred, a_true, 2) + confusion_matrix(b_pred, b_true, 2)
    pooled = iou_per_class(np.r_[a_pred, b_pred], np.r_[a_true, b_true], 2)
    np.testing.assert_array_equal(iou_from_confusion_matrix(total), pooled)
    # Class 0: 1 hit, 2 true, 1 predicted -> 1/2; class 1: 3 hits, 3 true, 4 predicted -> 3/4.
    np.testing.assert_allclose(pooled, [0.5, 0.75])


def test_iou_from_confusion_matrix_rejects_bad_matrices():
    with pytest.raises(ValueError, match="cm must be a square"):
        iou_from_confusion_matrix(np.ones((2, 3)))
    with pytest.raises(ValueError, match="cm must hold finite non-negative"):
        iou_from_confusion_matrix(-np.eye(2))


@pytest.mark.parametrize("bad", [np.inf, np.nan, -1.0])
def test_a_confusion_matrix_of_non_finite_counts_is_refused(bad):
    with pytest.raises(ValueError, match="cm must hold finite non-negative counts"):
        iou_from_confusion_matrix([[bad, 1.0], [0.0, 1.0]])
