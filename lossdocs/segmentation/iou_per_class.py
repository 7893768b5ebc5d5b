"""``iou_per_class``."""

from __future__ import annotations

from .confusion_matrix import confusion_matrix
from .iou_from_confusion_matrix import iou_from_confusion_matrix

__all__ = ["iou_per_class"]


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
    PyTorch: none.

    The union is :math:`|P| + |T| - |P \cap T|` (:ref:`errata-iou-union`).
    The NaN comes from a masked
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
