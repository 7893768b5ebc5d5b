"""Tests of confusion_matrix: hand-checked and naive counts, ignore_index, accepted inputs."""

import numpy as np
import pytest
from segmentation._helpers import _naive_confusion

from lossdocs import (
    confusion_matrix,
)


def test_confusion_matrix_hand_checked():
    # Truth 0 predicted 0 once; truth 1 predicted 0 once and 1 twice; nothing of class 2.
    cm = confusion_matrix([0, 0, 1, 1], [0, 1, 1, 1], 3)
    np.testing.assert_array_equal(cm, [[1, 0, 0], [1, 2, 0], [0, 0, 0]])
    assert cm.dtype == np.int64


@pytest.mark.parametrize("ignore_index", [None, 255, -1])
def test_confusion_matrix_matches_a_naive_count(ignore_index):
    rng = np.random.default_rng(0)
    pred = rng.integers(0, 4, (3, 5, 6))
    target = rng.integers(0, 4, (3, 5, 6))
    if ignore_index is not None:
        target[rng.random(target.shape) < 0.2] = ignore_index
    got = confusion_matrix(pred, target, 4, ignore_index=ignore_index)
    np.testing.assert_array_equal(got, _naive_confusion(pred, target, 4, ignore_index))
    kept = target.size if ignore_index is None else np.count_nonzero(target != ignore_index)
    assert got.sum() == kept


def test_ignored_pixels_are_dropped_whatever_their_prediction():
    # The predictions 99 and -5 sit on ignored pixels, so they are not checked.
    cm = confusion_matrix([0, 99, 1, -5], [0, 255, 1, 255], 2, ignore_index=255)
    np.testing.assert_array_equal(cm, [[1, 0], [0, 1]])


def test_ignore_index_inside_the_classes_empties_only_its_row():
    cm = confusion_matrix([0, 0, 1], [0, 1, 1], 2, ignore_index=0)
    np.testing.assert_array_equal(cm, [[0, 0], [1, 1]])


def test_confusion_matrix_accepts_whole_floats_and_bools_and_empty_input():
    np.testing.assert_array_equal(confusion_matrix([1.0, 0.0], [True, False], 2), np.eye(2))
    np.testing.assert_array_equal(confusion_matrix([], [], 3), np.zeros((3, 3)))


def test_a_float_label_beyond_int64_is_reported_as_given():
    with pytest.raises(ValueError, match=r"target holds 1e\+19, beyond the int64 range"):
        confusion_matrix([0], np.array([1e19]), 2)
