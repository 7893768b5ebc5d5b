"""``diou_loss``."""

from __future__ import annotations

from .._reduction import reduce
from ._distance import _checked_pairs, _diou_terms

__all__ = ["diou_loss"]


def diou_loss(boxes1, boxes2, *, eps=1e-7, reduction="mean"):
    r"""Compute the Distance-IoU loss of matched pairs of boxes: ``1 - IoU`` plus a centre distance.

    A box-regression loss that adds to ``1 - IoU`` the squared distance between
    the two centres over the squared diagonal of the smallest box enclosing
    both. Unlike the GIoU loss, its penalty does not vanish when one box
    contains the other, so it keeps pulling the centres together there.

    .. math::

        \ell(A, B) = 1 - \frac{|A \cap B|}{|A \cup B| + \epsilon}
        + \frac{\rho^2(a, b)}{c^2 + \epsilon}

    with :math:`A` and :math:`B` row :math:`i` of `boxes1` and `boxes2`,
    :math:`a` and :math:`b` their centres, :math:`\rho` the Euclidean
    distance, :math:`c` the diagonal of the smallest box enclosing both and
    :math:`\epsilon` = `eps`.

    Parameters
    ----------
    boxes1, boxes2 : array_like, shape (N, 4)
        Matched boxes (typically predictions and targets) as (x0, y0, x1, y1)
        with x0 <= x1 and y0 <= y1.
    eps : float, default 1e-7
        Added to both denominators (an area, and a squared length); must be
        >= 0.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-pair losses.

    Returns
    -------
    ndarray or float
        The loss, in [0, 2); 0 for identical boxes (up to `eps`).

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
    giou_loss : The enclosing box's empty area as the penalty instead.
    ciou_loss : This loss plus an aspect-ratio term.

    Notes
    -----
    PyTorch: ``torchvision.ops.distance_box_iou_loss``.

    Equals ``torchvision.ops.distance_box_iou_loss`` (`eps` added to the
    union and to the squared diagonal, as there), with two deliberate
    differences, as for :func:`giou_loss`: our default reduction is 'mean',
    torchvision's is 'none'; and the mean over zero pairs raises, where
    torchvision returns 0. A ratio whose denominator is exactly 0 (only with
    ``eps=0``) is taken as 0. The loss is symmetric in its two arguments. NaN
    propagates.

    For concentric boxes the distance term is 0 and the loss is the IoU loss
    ``1 - IoU``. Every term is a ratio, so the loss does not depend on the
    scale; each pair is divided by a power of 2 near its largest coordinate
    before squaring (exact), and `eps` with it, so that coordinates beyond
    about 1e154 or below 1e-154 (float64) neither overflow nor underflow. An
    infinite coordinate gives NaN (inf / inf in the distance term), without a
    warning.

    References
    ----------
    .. [1] Z. Zheng, P. Wang, W. Liu, J. Li, R. Ye and D. Ren,
       "Distance-IoU Loss: Faster and Better Learning for Bounding Box
       Regression", AAAI 2020.

    Examples
    --------
    >>> from lossdocs import diou_loss
    >>> pred = [[0, 0, 2, 2], [1, 1, 3, 3]]
    >>> target = [[1, 0, 3, 2], [0, 0, 4, 4]]
    >>> print(diou_loss(pred, target, reduction="none"))  # 2/3 + 1/13; concentric: 1 - IoU
    [0.7436 0.75  ]
    """
    b1, b2, eps = _checked_pairs(boxes1, boxes2, eps, reduction)
    iou, distance, _, _ = _diou_terms(b1, b2, eps)
    return reduce(1 - iou + distance, reduction)
