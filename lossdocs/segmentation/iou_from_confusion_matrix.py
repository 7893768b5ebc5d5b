"""``iou_from_confusion_matrix``."""

from __future__ import annotations

import numpy as np

from .._validation import as_float
from ._overlap import _ratio

__all__ = ["iou_from_confusion_matrix"]


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
    PyTorch: none.

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
    if np.any(cm < 0) or not np.all(np.isfinite(cm)):
        raise ValueError("cm must hold finite non-negative counts")
    inter = np.diag(cm).astype(np.float64)
    union = cm.sum(axis=0) + cm.sum(axis=1) - inter
    return _ratio(inter, union.astype(np.float64), np.nan)
