"""Tests of mean_iou: a perfect prediction, NaN when no pixel is left."""

import numpy as np

from lossdocs import (
    iou_per_class,
    mean_iou,
)


def test_perfect_prediction_scores_one():
    labels = np.array([[0, 1], [3, 3]])
    assert mean_iou(labels, labels, 5) == 1.0  # classes 2 and 4 absent: skipped, not 0


def test_mean_iou_is_nan_when_no_pixel_is_left():
    assert np.isnan(mean_iou([], [], 3))
    assert np.isnan(mean_iou([0, 1], [255, 255], 3, ignore_index=255))
    assert np.all(np.isnan(iou_per_class([], [], 3)))
