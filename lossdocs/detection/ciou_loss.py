"""``ciou_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from ._boxes import _safe_div
from ._distance import _checked_pairs, _diou_terms

__all__ = ["ciou_loss"]


def ciou_loss(boxes1, boxes2, *, eps=1e-7, reduction="mean"):
    r"""Compute the Complete-IoU loss of matched pairs: the DIoU loss plus an aspect-ratio term.

    Use it where the boxes' shapes matter as well as their overlap and
    centres: the term :math:`\alpha v` grows with the difference of the two
    aspect ratios, and its weight :math:`\alpha` grows as the boxes overlap
    more, so the shape is fitted last.

    .. math::

        \ell(A, B) = 1 - \mathrm{IoU} + \frac{\rho^2(a, b)}{c^2 + \epsilon}
        + \alpha v, \\
        v = \frac{4}{\pi^2}\left(\arctan\frac{w_B}{h_B}
        - \arctan\frac{w_A}{h_A}\right)^2, \quad
        \alpha = \frac{v}{1 - \mathrm{IoU} + v + \epsilon}

    with :math:`\mathrm{IoU} = |A \cap B| / (|A \cup B| + \epsilon)`, the
    centre-distance term of :func:`diou_loss`, :math:`w` and :math:`h` the
    widths and heights, and :math:`\epsilon` = `eps`.

    Parameters
    ----------
    boxes1, boxes2 : array_like, shape (N, 4)
        Matched boxes (typically predictions and targets) as (x0, y0, x1, y1)
        with x0 <= x1 and y0 <= y1.
    eps : float, default 1e-7
        Added to the union, the squared diagonal and the denominator of
        :math:`\alpha`; must be >= 0.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-pair losses.

    Returns
    -------
    ndarray or float
        The loss, in [0, 3); 0 for identical boxes (up to `eps`).

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
    diou_loss : This loss without the aspect-ratio term.
    giou_loss : The enclosing box's empty area as the penalty instead.

    Notes
    -----
    PyTorch: ``torchvision.ops.complete_box_iou_loss``.

    Equals ``torchvision.ops.complete_box_iou_loss`` at its default
    ``eps=1e-7``. torchvision computes :math:`\alpha` under ``torch.no_grad()``:
    its gradient treats :math:`\alpha` as a constant, and so does anyone who
    differentiates this formula to match it (the value is the same either
    way). Three deliberate differences: our default reduction is 'mean',
    torchvision's is 'none', and the mean over zero pairs raises, where
    torchvision returns 0 (as for :func:`giou_loss`); `eps` is used in all
    three denominators, where torchvision passes its `eps` to :math:`\alpha`
    only and always adds 1e-7 to the union and the diagonal (its
    ``_diou_iou_loss`` is called without `eps`); and the aspect angle is
    ``arctan2(w, h)``, which equals ``arctan(w / h)`` for every box with
    ``h > 0`` and gives the limit :math:`\pi/2` for ``h = 0`` as torchvision
    does, while a point (``w = h = 0``) has no aspect ratio: :math:`v = 0`
    there, where torchvision returns NaN.

    The authors' released code switches the term off below IoU 0.5 (their
    ``S = (iou > 0.5)``); torchvision and this function do not. For boxes of
    one aspect ratio :math:`v = 0` and the loss is :func:`diou_loss`; for
    concentric boxes of one shape it is the IoU loss ``1 - IoU``. The
    loss does not depend on the scale (see :func:`diou_loss`). NaN
    propagates.

    References
    ----------
    .. [1] Z. Zheng, P. Wang, W. Liu, J. Li, R. Ye and D. Ren,
       "Distance-IoU Loss: Faster and Better Learning for Bounding Box
       Regression", AAAI 2020.
    .. [2] Z. Zheng, P. Wang, D. Ren, W. Liu, R. Ye, Q. Hu and W. Zuo,
       "Enhancing Geometric Factors in Model Learning and Inference for
       Object Detection and Instance Segmentation", IEEE Transactions on
       Cybernetics, 2021.

    Examples
    --------
    >>> from lossdocs import ciou_loss, diou_loss
    >>> pred = [[0, 0, 2, 2], [1, 1, 3, 3]]
    >>> target = [[1, 0, 3, 2], [0, 0, 4, 2]]
    >>> print(ciou_loss(pred, target, reduction="none"))
    [0.7436 0.8421]
    >>> print(diou_loss(pred, target, reduction="none"))  # pair 0 has one shape: v = 0
    [0.7436 0.84  ]
    """
    b1, b2, eps = _checked_pairs(boxes1, boxes2, eps, reduction)
    iou, distance, p1, p2 = _diou_terms(b1, b2, eps)
    with np.errstate(invalid="ignore", over="ignore"):  # inf - inf at an infinite coordinate: NaN
        w1, h1, w2, h2 = (
            p1[:, 2] - p1[:, 0],
            p1[:, 3] - p1[:, 1],
            p2[:, 2] - p2[:, 0],
            p2[:, 3] - p2[:, 1],
        )
        v = (4 / np.pi**2) * (np.arctan2(w2, h2) - np.arctan2(w1, h1)) ** 2
        # A point has no aspect ratio (torchvision: atan(0 / 0) = NaN): no aspect term.
        v[((w1 == 0) & (h1 == 0)) | ((w2 == 0) & (h2 == 0))] = 0
        alpha = _safe_div(v, 1 - iou + v + eps)  # a constant in torchvision's gradient
    return reduce(1 - iou + distance + alpha * v, reduction)
