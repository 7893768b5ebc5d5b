"""Label-map metrics: the confusion matrix, per-class IoU and mean IoU (mIoU)."""

from __future__ import annotations

import numbers

import numpy as np

from .._checks import as_float, as_int_labels, check_same_shape
from .masks import _ratio

__all__ = ["confusion_matrix", "iou_from_confusion_matrix", "iou_per_class", "mean_iou"]


def _check_int(value, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    return int(value)


def _check_labels(x: np.ndarray, name: str, num_classes: int) -> None:
    bad = (x < 0) | (x >= num_classes)
    if np.any(bad):
        raise ValueError(
            f"{name} must hold class indices in [0, {num_classes}) "
            f"(or ignore_index in target), found {x[bad].flat[0]}"
        )


def confusion_matrix(pred_labels, target, num_classes, *, ignore_index=None):
    r"""Count, for each true class, the pixels predicted as each class.

    The one table every segmentation metric is read from: IoU, mIoU, Dice,
    pixel accuracy. Accumulate it over a data set by summing.

    .. math::

        M_{ij} = \#\{\, n : y_n = i,\ \hat y_n = j \,\}, \qquad
        0 \le i, j < C

    with :math:`\hat y` = `pred_labels`, :math:`y` = `target`, :math:`C` =
    `num_classes`, :math:`n` running over the pixels whose target is not
    `ignore_index`.

    Parameters
    ----------
    pred_labels : array_like of int
        Predicted class of each pixel (e.g. ``argmax`` of the scores), any shape.
    target : array_like of int
        True class of each pixel, the shape of `pred_labels`.
    num_classes : int
        The number of classes :math:`C`, positive.
    ignore_index : int, optional
        Pixels whose target equals it are left out (their prediction is not
        checked); often 255 for "void".

    Returns
    -------
    ndarray of int64, shape (C, C)
        Rows are the true class, columns the predicted one, as in
        scikit-learn; the diagonal counts the correct pixels.

    Raises
    ------
    ValueError
        If the shapes differ, `num_classes` is not positive, or a label lies
        outside [0, C) (other than an ignored target).
    TypeError
        If labels are not whole numbers, or `num_classes` or `ignore_index`
        is not an integer.

    See Also
    --------
    iou_per_class : The IoU of each class, read from this matrix.
    mean_iou : Their NaN-aware mean.

    Notes
    -----
    One ``np.bincount`` over :math:`C y + \hat y`. An `ignore_index` inside
    [0, C) empties that class's row only: its column still counts other
    classes' pixels predicted as it. Labels cannot be NaN (TypeError).

    Examples
    --------
    >>> from lossdocs import confusion_matrix
    >>> print(confusion_matrix([0, 0, 1, 1, 2], [0, 1, 1, 1, 255], 3, ignore_index=255))
    [[1 0 0]
     [1 2 0]
     [0 0 0]]
    """
    num_classes = _check_int(num_classes, "num_classes")
    if num_classes < 1:
        raise ValueError(f"num_classes must be a positive integer, got {num_classes}")
    if ignore_index is not None:
        ignore_index = _check_int(ignore_index, "ignore_index")
    pred = as_int_labels(pred_labels, "pred_labels")
    true = as_int_labels(target, "target")
    check_same_shape(pred, true, "pred_labels", "target")
    if ignore_index is not None:
        keep = true != ignore_index
        pred, true = pred[keep], true[keep]
    _check_labels(true, "target", num_classes)
    _check_labels(pred, "pred_labels", num_classes)
    counts = np.bincount((true * num_classes + pred).ravel(), minlength=num_classes**2)
    return counts.reshape(num_classes, num_classes).astype(np.int64, copy=False)


def iou_per_class(pred_labels, target, num_classes, *, ignore_index=None):
    r"""Compute the intersection over union of each class, NaN where it is absent.

    The per-class scores behind mIoU: they show which classes the model
    misses, which the mean hides.

    .. math::

        \mathrm{IoU}_c = \frac{M_{cc}}{\sum_j M_{cj} + \sum_i M_{ic} - M_{cc}}
        = \frac{|P_c \cap T_c|}{|P_c| + |T_c| - |P_c \cap T_c|}

    with :math:`M` = ``confusion_matrix(pred_labels, target, num_classes,
    ignore_index=ignore_index)``, :math:`P_c` the pixels predicted as class
    :math:`c`, :math:`T_c` those of true class :math:`c`.

    Parameters
    ----------
    pred_labels, target, num_classes, ignore_index
        As for :func:`confusion_matrix`.

    Returns
    -------
    ndarray of float64, shape (C,)
        IoU of each class in [0, 1]; NaN for a class absent from both the
        prediction and the target (0 / 0).

    Raises
    ------
    ValueError, TypeError
        As for :func:`confusion_matrix`.

    See Also
    --------
    mean_iou : The mean over the classes that are not NaN.
    jaccard_index : The same ratio for one pair of 0/1 masks, with a chosen
        value (default 1) instead of NaN for two empty masks.

    Notes
    -----
    The union is :math:`|P| + |T| - |P \cap T|` (the source notes write ``+``;
    then identical masks would not score 1). The NaN comes from a masked
    division, so it raises no RuntimeWarning. Some libraries score an absent
    class 0 instead, which drags the mean down (reported for
    ``torchmetrics.segmentation.MeanIoU`` in torchmetrics issue 2866).

    Examples
    --------
    >>> from lossdocs import iou_per_class
    >>> print(iou_per_class([0, 0, 1, 1], [0, 1, 1, 1], 3))  # 1/(1+2-1), 2/(2+3-2), 0/0
    [0.5    0.6667    nan]
    """
    cm = confusion_matrix(pred_labels, target, num_classes, ignore_index=ignore_index)
    return iou_from_confusion_matrix(cm)


def iou_from_confusion_matrix(cm):
    r"""Compute the IoU of each class from a (summed) confusion matrix.

    Use it to score a whole data set: sum the per-image confusion matrices,
    then read the IoUs once, which is how mIoU is defined for a benchmark.

    .. math::

        \mathrm{IoU}_c = \frac{M_{cc}}{\sum_j M_{cj} + \sum_i M_{ic} - M_{cc}}

    Parameters
    ----------
    cm : array_like, shape (C, C)
        Counts, rows = true class, columns = predicted class, as returned by
        :func:`confusion_matrix` (or a sum of them).

    Returns
    -------
    ndarray of float64, shape (C,)
        IoU of each class; NaN for a class with no pixel in its row or column.

    Raises
    ------
    ValueError
        If `cm` is not a square 2-D array or holds negative counts.
    TypeError
        If `cm` does not hold real numbers.

    See Also
    --------
    confusion_matrix : Builds `cm` from label maps.
    iou_per_class : The same from label maps in one call.

    Notes
    -----
    ``np.nanmean(iou_from_confusion_matrix(cm))`` is the data-set mIoU; it is
    not the mean of per-image mIoUs, which weighs a small image like a large
    one.

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import confusion_matrix, iou_from_confusion_matrix
    >>> cm = confusion_matrix([0, 1], [0, 0], 2) + confusion_matrix([1, 1], [1, 1], 2)
    >>> print(cm)
    [[1 1]
     [0 2]]
    >>> print(iou_from_confusion_matrix(cm))  # 1/(2+1-1), 2/(2+3-2)
    [0.5    0.6667]
    """
    cm = as_float(cm, "cm")
    if cm.ndim != 2 or cm.shape[0] != cm.shape[1]:
        raise ValueError(f"cm must be a square (C, C) matrix, got shape {cm.shape}")
    if np.any(cm < 0):
        raise ValueError("cm must hold non-negative counts")
    inter = np.diag(cm).astype(np.float64)
    union = cm.sum(axis=0) + cm.sum(axis=1) - inter
    return _ratio(inter, union.astype(np.float64), np.nan)


def mean_iou(pred_labels, target, num_classes, *, ignore_index=None):
    r"""Compute the mean IoU (mIoU) over the classes that are present.

    The standard semantic-segmentation score (PASCAL VOC, Cityscapes, ADE20K).
    Pass the whole evaluation set at once (or sum confusion matrices): the
    mean of per-image mIoUs is a different, noisier number.

    .. math::

        \mathrm{mIoU} = \frac{1}{|\mathcal{C}|} \sum_{c \in \mathcal{C}}
            \mathrm{IoU}_c, \qquad
        \mathcal{C} = \{\, c : |P_c| + |T_c| > 0 \,\}

    with :math:`\mathrm{IoU}_c` from :func:`iou_per_class` and
    :math:`\mathcal{C}` the classes present in the prediction or the target.

    Parameters
    ----------
    pred_labels, target, num_classes, ignore_index
        As for :func:`confusion_matrix`.

    Returns
    -------
    float
        The mIoU in [0, 1]; 1 is best. NaN when no class is present, which
        happens only when no pixel is left (empty input or all ignored).

    Raises
    ------
    ValueError, TypeError
        As for :func:`confusion_matrix`.

    See Also
    --------
    iou_per_class : The per-class values averaged here.

    Notes
    -----
    A class absent from both prediction and target is skipped (NaN-aware
    mean), not counted as 0 or 1. A class predicted but absent from the target
    counts, with IoU 0. No RuntimeWarning, even when the result is NaN.

    References
    ----------
    .. [1] M. Everingham et al., "The PASCAL Visual Object Classes (VOC)
       Challenge", IJCV 88, 2010.

    Examples
    --------
    >>> from lossdocs import mean_iou
    >>> print(mean_iou([0, 0, 1, 1], [0, 1, 1, 1], 3))  # (1/2 + 2/3) / 2; class 2 skipped
    0.5833333333333333
    """
    iou = iou_per_class(pred_labels, target, num_classes, ignore_index=ignore_index)
    present = ~np.isnan(iou)
    count = np.count_nonzero(present)
    return np.float64(iou[present].sum() / count) if count else np.float64(np.nan)
