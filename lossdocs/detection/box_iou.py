"""``box_iou``."""

from __future__ import annotations

from ._boxes import _pairwise, _safe_div

__all__ = ["box_iou"]


def box_iou(boxes1, boxes2):
    r"""Compute the intersection over union (Jaccard index) of every pair of boxes.

    The overlap measure of object detection: it matches predictions to ground
    truth (a hit at IoU >= 0.5) and drives non-maximum suppression. As a loss,
    ``1 - IoU`` has zero gradient once boxes stop overlapping; see
    :func:`generalized_box_iou`.

    .. math::

        \operatorname{IoU}(A, B) = \frac{|A \cap B|}{|A \cup B|}
        = \frac{|A \cap B|}{|A| + |B| - |A \cap B|}, \qquad
        |A \cap B| = w_\cap h_\cap, \quad
        w_\cap = \max\bigl(0, \min(x_1^A, x_1^B) - \max(x_0^A, x_0^B)\bigr)

    with :math:`h_\cap` alike in :math:`y`, :math:`A` a row of `boxes1` and
    :math:`B` a row of `boxes2`; 0 where :math:`|A \cup B| = 0`.

    Parameters
    ----------
    boxes1, boxes2 : array_like, shapes (N, 4) and (M, 4)
        Boxes as (x0, y0, x1, y1) with x0 <= x1 and y0 <= y1.

    Returns
    -------
    ndarray, shape (N, M)
        The IoU of each pair, a float in [0, 1]; 1 for identical boxes of
        non-zero area.

    Raises
    ------
    ValueError
        If a box array is not (N, 4) or holds a box with x1 < x0 or y1 < y0.
    TypeError
        If a box array does not hold real numbers.

    See Also
    --------
    generalized_box_iou : Adds a penalty that keeps disjoint boxes apart.
    box_area : The areas :math:`|A|`, :math:`|B|`.

    Notes
    -----
    PyTorch: ``torchvision.ops.box_iou``.

    The union is :math:`|A| + |B| - |A \cap B|` (:ref:`errata-iou-union`),
    and the IoU a float in [0, 1] (:ref:`errata-iou-code`). Disjoint and
    touching boxes give 0; two degenerate (zero-area) boxes give 0 where
    torchvision returns NaN (:ref:`edge-boxes`); otherwise the values are
    torchvision's. NaN in a coordinate propagates.

    The ratio does not depend on the scale: a pair whose areas would overflow
    or underflow (coordinates beyond about 1e154, or below 1e-154, in float64)
    is rescaled exactly by a power of 2 first. An infinite coordinate gives the
    limit where there is one and NaN where there is none (inf - inf), without a
    warning.

    Examples
    --------
    Two 2 x 2 boxes shifted by 1 overlap in a 1 x 2 strip: 2 / (4 + 4 - 2).

    >>> from lossdocs import box_iou
    >>> a = [[0, 0, 2, 2]]
    >>> print(box_iou(a, [[1, 0, 3, 2], [2, 0, 4, 2], [5, 5, 5, 5]]))
    [[0.3333 0.     0.    ]]
    """
    inter, union, _ = _pairwise(boxes1, boxes2)
    return _safe_div(inter, union)
