"""``generalized_box_iou``."""

from __future__ import annotations

import numpy as np

from ._boxes import _pairwise, _safe_div

__all__ = ["generalized_box_iou"]


def generalized_box_iou(boxes1, boxes2):
    r"""Compute the generalized IoU (GIoU) of every pair of boxes.

    IoU minus the share of the smallest enclosing box that neither box
    covers: it still ranks disjoint boxes by how far apart they are, which
    makes ``1 - GIoU`` a useful regression loss (DETR uses it in matching).

    .. math::

        \operatorname{GIoU}(A, B) = \operatorname{IoU}(A, B)
        - \frac{|C| - |A \cup B|}{|C|}

    with :math:`C` the smallest box enclosing :math:`A` (a row of `boxes1`)
    and :math:`B` (a row of `boxes2`), :math:`|A \cup B| = |A| + |B| - |A
    \cap B|`; the fraction is 0 where :math:`|C| = 0`.

    Parameters
    ----------
    boxes1, boxes2 : array_like, shapes (N, 4) and (M, 4)
        Boxes as (x0, y0, x1, y1), as in :func:`box_iou`.

    Returns
    -------
    ndarray, shape (N, M)
        The GIoU of each pair, in [-1, 1] and never above the IoU; it tends
        to -1 for tiny boxes far apart.

    Raises
    ------
    ValueError, TypeError
        As :func:`box_iou`.

    See Also
    --------
    box_iou : The first term.
    giou_loss : ``1 - GIoU`` of matched pairs, with `eps` in the divisions.

    Notes
    -----
    PyTorch: ``torchvision.ops.generalized_box_iou``.

    Equals ``torchvision.ops.generalized_box_iou``, except that degenerate
    boxes give finite values here (0 for the IoU of two zero-area boxes, 0
    for the whole GIoU when the enclosing box has zero area) where torchvision
    returns NaN. NaN in a coordinate propagates.

    The ratio does not depend on the scale: a pair whose areas would overflow
    or underflow (coordinates beyond about 1e154, or below 1e-154, in float64)
    is rescaled exactly by a power of 2 first. An infinite coordinate gives the
    limit where there is one and NaN where there is none (inf - inf), without a
    warning.

    References
    ----------
    .. [1] H. Rezatofighi, N. Tsoi, J. Gwak, A. Sadeghian, I. Reid and S.
       Savarese, "Generalized Intersection over Union: A Metric and a Loss for
       Bounding Box Regression", CVPR 2019.

    Examples
    --------
    Unit squares 1 apart: IoU 0, enclosing box 3 x 1 with 1 uncovered.

    >>> from lossdocs import generalized_box_iou
    >>> print(generalized_box_iou([[0, 0, 1, 1]], [[0, 0, 1, 1], [2, 0, 3, 1]]))
    [[ 1.     -0.3333]]
    """
    inter, union, hull = _pairwise(boxes1, boxes2)
    with np.errstate(invalid="ignore"):  # inf - inf at an infinite coordinate: NaN
        return _safe_div(inter, union) - _safe_div(hull - union, hull)
