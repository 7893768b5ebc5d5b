"""``mean_iou``."""

from __future__ import annotations

import numpy as np

from .iou_per_class import iou_per_class

__all__ = ["mean_iou"]


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
    PyTorch: none.

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
