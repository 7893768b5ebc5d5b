"""``confusion_matrix``."""

from __future__ import annotations

import numpy as np

from .._validation import as_int_labels, check_int, check_same_shape
from ._labels import _check_labels

__all__ = ["confusion_matrix"]


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
    PyTorch: none.

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
    num_classes = check_int(num_classes, "num_classes", low=1)
    ignore_index = check_int(ignore_index, "ignore_index", allow_none=True)
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
