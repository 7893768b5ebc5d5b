"""``giou_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import check_real, check_same_shape
from ._boxes import _geometry, _safe_div, _two_box_sets

__all__ = ["giou_loss"]


def giou_loss(boxes1, boxes2, *, eps=1e-7, reduction="mean"):
    r"""Compute the GIoU loss of matched pairs of boxes: ``1 - GIoU``.

    A box-regression loss that, unlike ``1 - IoU``, still has a gradient
    when the predicted and target boxes do not overlap, and that does not
    depend on the scale of the boxes (unlike an L1 loss on coordinates).

    .. math::

        \ell(A, B) = 1 - \frac{|A \cap B|}{|A \cup B| + \epsilon}
        + \frac{|C| - |A \cup B|}{|C| + \epsilon}

    with :math:`A` and :math:`B` row :math:`i` of `boxes1` and `boxes2`,
    :math:`|A \cup B| = |A| + |B| - |A \cap B|`, :math:`C` the smallest
    box enclosing both and :math:`\epsilon` = `eps`.

    Parameters
    ----------
    boxes1, boxes2 : array_like, shape (N, 4)
        Matched boxes (typically predictions and targets) as (x0, y0, x1, y1)
        with x0 <= x1 and y0 <= y1.
    eps : float, default 1e-7
        Added to both denominators; must be >= 0.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-pair losses.

    Returns
    -------
    ndarray or float
        The loss, in [0, 2]; 0 for identical boxes (up to `eps`).

    Raises
    ------
    ValueError
        If a box array is not (N, 4), the shapes differ, a box has x1 < x0 or
        y1 < y0, `eps` is negative, `reduction` is unknown, or the mean is
        taken over no pairs.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    generalized_box_iou : Pairwise GIoU, without `eps`: with ``eps=0`` this
        loss is ``1 - diag(generalized_box_iou(boxes1, boxes2))``.

    Notes
    -----
    PyTorch: ``torchvision.ops.generalized_box_iou_loss``.

    Equals ``torchvision.ops.generalized_box_iou_loss`` (`eps` added to both
    denominators as there), with two deliberate differences: our default
    reduction is 'mean', torchvision's is 'none'; and the mean over zero
    pairs raises, where torchvision returns 0. A ratio whose denominator is
    exactly 0 (only with ``eps=0``) is taken as 0. The loss is symmetric in
    its two arguments. NaN propagates.

    The ratio does not depend on the scale: a pair whose areas would overflow
    or underflow (coordinates beyond about 1e154, or below 1e-154, in float64)
    is rescaled exactly by a power of 2 first, and `eps` (an area) with it. An
    infinite coordinate gives the limit where there is one and NaN where there
    is none (inf - inf), without a warning.

    References
    ----------
    .. [1] H. Rezatofighi et al., "Generalized Intersection over Union: A
       Metric and a Loss for Bounding Box Regression", CVPR 2019.

    Examples
    --------
    >>> from lossdocs import giou_loss
    >>> pred = [[0, 0, 2, 2], [0, 0, 1, 1]]
    >>> target = [[1, 0, 3, 2], [2, 0, 3, 1]]
    >>> print(giou_loss(pred, target, reduction="none"))
    [0.6667 1.3333]
    """
    eps = check_real(eps, "eps", low=0)
    check_reduction(reduction)
    b1, b2 = _two_box_sets(boxes1, boxes2)
    check_same_shape(b1, b2, "boxes1", "boxes2")
    check_nonempty_mean(len(b1), reduction, "boxes1")
    inter, union, hull, e = _geometry(b1, b2, eps)
    with np.errstate(invalid="ignore"):  # inf - inf at an infinite coordinate: NaN
        giou = _safe_div(inter, union + e) - _safe_div(hull - union, hull + e)
    return reduce(1 - giou, reduction)
