"""Tests for the hard segmentation metrics: confusion matrix, IoU, mIoU, mask Dice and Jaccard."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from lossdocs import (
    confusion_matrix,
    dice_coefficient,
    iou_from_confusion_matrix,
    iou_per_class,
    jaccard_index,
    mean_iou,
)

LABEL_FNS = [confusion_matrix, iou_per_class, mean_iou]
MASK_FNS = [dice_coefficient, jaccard_index]

masks = hnp.arrays(np.bool_, hnp.array_shapes(min_dims=1, max_dims=3, max_side=5))


def _naive_confusion(pred, target, num_classes, ignore_index=None):
    cm = np.zeros((num_classes, num_classes), dtype=np.int64)
    for p, t in zip(np.ravel(pred), np.ravel(target), strict=True):
        if t != ignore_index:
            cm[t, p] += 1
    return cm


# --- confusion matrix --------------------------------------------------------------------


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


# --- IoU and mIoU ------------------------------------------------------------------------


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


def test_perfect_prediction_scores_one():
    labels = np.array([[0, 1], [3, 3]])
    assert mean_iou(labels, labels, 5) == 1.0  # classes 2 and 4 absent: skipped, not 0


def test_mean_iou_is_nan_when_no_pixel_is_left():
    assert np.isnan(mean_iou([], [], 3))
    assert np.isnan(mean_iou([0, 1], [255, 255], 3, ignore_index=255))
    assert np.all(np.isnan(iou_per_class([], [], 3)))


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


# --- Dice and Jaccard of hard masks ------------------------------------------------------


def test_masks_hand_checked():
    # A = {0, 1}, B = {0, 2}: |A.B| = 1, |A| = |B| = 2: J = 1/3, Dice = 2/4.
    assert jaccard_index([1, 1, 0, 0], [1, 0, 1, 0]) == pytest.approx(1 / 3)
    assert dice_coefficient([1, 1, 0, 0], [1, 0, 1, 0]) == pytest.approx(1 / 2)
    # A inside B, half its size: J = 2/4, Dice = 4/6.
    assert jaccard_index([1, 1, 0, 0], [1, 1, 1, 1]) == pytest.approx(1 / 2)
    assert dice_coefficient([1, 1, 0, 0], [1, 1, 1, 1]) == pytest.approx(2 / 3)


@settings(max_examples=60, deadline=None)
@given(st.data(), st.sampled_from([1.0, 0.0]))
def test_dice_is_2j_over_1_plus_j(data, empty_score):
    a = data.draw(masks)
    b = data.draw(hnp.arrays(np.bool_, a.shape))
    j = jaccard_index(a, b, empty_score=empty_score)
    d = dice_coefficient(a, b, empty_score=empty_score)
    assert d == pytest.approx(2 * j / (1 + j), rel=1e-12)
    assert 0 <= j <= d <= 1
    assert j == jaccard_index(b, a, empty_score=empty_score)


@pytest.mark.parametrize("fn", MASK_FNS)
def test_mask_scores_one_iff_masks_equal(fn):
    a = np.array([[1, 0], [1, 1]], dtype=bool)
    assert fn(a, a) == 1.0
    assert fn(a, ~a) == 0.0
    assert fn(a, a & [[True, True], [True, False]]) < 1


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


# --- bad input ---------------------------------------------------------------------------


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


# Issue 11's reproducers.


@pytest.mark.parametrize("fn", [confusion_matrix, iou_per_class, mean_iou])
def test_ragged_label_lists_are_refused_by_name(fn):
    with pytest.raises(TypeError, match="pred_labels must be array-like of numbers"):
        fn([[0, 1], [0]], [[0, 1], [0]], 2)


@pytest.mark.parametrize("bad", [np.inf, np.nan, -1.0])
def test_a_confusion_matrix_of_non_finite_counts_is_refused(bad):
    with pytest.raises(ValueError, match="cm must hold finite non-negative counts"):
        iou_from_confusion_matrix([[bad, 1.0], [0.0, 1.0]])


def test_a_float_label_beyond_int64_is_reported_as_given():
    with pytest.raises(ValueError, match=r"target holds 1e\+19, beyond the int64 range"):
        confusion_matrix([0], np.array([1e19]), 2)
