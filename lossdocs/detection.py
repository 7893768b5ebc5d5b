"""Box geometry and box losses: area, IoU, generalized IoU and the GIoU loss."""

from __future__ import annotations

import numpy as np

from ._checks import (
    as_float,
    as_floats,
    check_nonempty_mean,
    check_real,
    check_reduction,
    check_same_shape,
    reduce,
)

__all__ = ["box_area", "box_iou", "generalized_box_iou", "giou_loss"]


def _check_boxes(boxes: np.ndarray, name: str) -> np.ndarray:
    """Raise unless ``boxes`` is (N, 4) with x0 <= x1 and y0 <= y1 (NaN rows pass)."""
    if boxes.ndim != 2 or boxes.shape[1] != 4:
        raise ValueError(f"{name} must have shape (N, 4) as (x0, y0, x1, y1), got {boxes.shape}")
    bad = boxes[:, 2:] < boxes[:, :2]
    if np.any(bad):
        row, col = np.argwhere(bad)[0]
        a = "xy"[col]
        raise ValueError(
            f"{name}[{row}] has {a}1 < {a}0: {boxes[row].tolist()} "
            "(boxes are (x0, y0, x1, y1) with x0 <= x1 and y0 <= y1)"
        )
    return boxes


def _safe_div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """Return ``num / den``, and 0 where ``den == 0`` (there ``num`` is 0 too)."""
    zero = den == 0
    return np.where(zero, 0, num / np.where(zero, 1, den))


def _area(b: np.ndarray) -> np.ndarray:
    return (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])


def _extent(b1: np.ndarray, b2: np.ndarray, i: int):
    """Overlap (clipped at 0) and enclosing lengths of the boxes along axis ``i`` (0 is x)."""
    lo1, hi1, lo2, hi2 = b1[..., i], b1[..., i + 2], b2[..., i], b2[..., i + 2]
    overlap = np.maximum(np.minimum(hi1, hi2) - np.maximum(lo1, lo2), 0)
    return overlap, np.maximum(hi1, hi2) - np.minimum(lo1, lo2)


def _geometry(b1: np.ndarray, b2: np.ndarray):
    """Return the intersection, union and enclosing-box areas of broadcast box arrays.

    One coordinate at a time: ``np.prod`` over a length-2 axis is ~10x slower.
    """
    (overlap_x, hull_x), (overlap_y, hull_y) = _extent(b1, b2, 0), _extent(b1, b2, 1)
    inter = overlap_x * overlap_y
    return inter, _area(b1) + _area(b2) - inter, hull_x * hull_y


def _two_box_sets(boxes1, boxes2):
    """Return both box arrays as floats of one dtype, each checked by :func:`_check_boxes`."""
    b1, b2 = as_floats(boxes1=boxes1, boxes2=boxes2)
    return _check_boxes(b1, "boxes1"), _check_boxes(b2, "boxes2")


def _pairwise(boxes1, boxes2):
    """Validate two box sets and return their (N, M) intersection, union and hull areas."""
    b1, b2 = _two_box_sets(boxes1, boxes2)
    return _geometry(b1[:, None, :], b2[None, :, :])


def box_area(boxes):
    r"""Compute the area of each box given as (x0, y0, x1, y1).

    The :math:`|A|` and :math:`|B|` of the IoU's union.

    .. math::

        |B| = (x_1 - x_0)\,(y_1 - y_0)

    Parameters
    ----------
    boxes : array_like, shape (N, 4)
        Boxes as corners :math:`(x_0, y_0, x_1, y_1)` with :math:`x_0 \le x_1`,
        :math:`y_0 \le y_1`.

    Returns
    -------
    ndarray, shape (N,)
        The areas, >= 0 (0 for a degenerate box, a segment or a point).

    Raises
    ------
    ValueError
        If `boxes` is not (N, 4) or a box has x1 < x0 or y1 < y0.
    TypeError
        If `boxes` does not hold real numbers.

    See Also
    --------
    box_iou : Built on these areas.

    Notes
    -----
    PyTorch: ``torchvision.ops.box_area`` (which keeps integer boxes integer
    and does not check the corner order). NaN propagates.

    Examples
    --------
    >>> from lossdocs import box_area
    >>> print(box_area([[0, 0, 2, 3], [1, 1, 1, 5]]))
    [6. 0.]
    """
    return _area(_check_boxes(as_float(boxes, "boxes"), "boxes"))


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
    The union is :math:`|A| + |B| - |A \cap B|`: the source notes' IoU-loss
    formula has :math:`+`, which counts the overlap twice (identical boxes
    would score 1/3). The IoU is a float, a ratio in [0, 1] (the source's
    code is typed ``-> int``, and calls the width H and the height W).
    Disjoint and touching boxes give 0. Two degenerate (zero-area) boxes give
    0 here, where ``torchvision.ops.box_iou`` computes 0/0 and returns NaN;
    otherwise the values are those of ``torchvision.ops.box_iou``. NaN in a
    coordinate propagates.

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
    Equals ``torchvision.ops.generalized_box_iou``, except that degenerate
    boxes give finite values here (0 for the IoU of two zero-area boxes, 0
    for the whole GIoU when the enclosing box has zero area) where torchvision
    returns NaN. NaN in a coordinate propagates.

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
    return _safe_div(inter, union) - _safe_div(hull - union, hull)


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
    Equals ``torchvision.ops.generalized_box_iou_loss`` (`eps` added to both
    denominators as there), with two deliberate differences: our default
    reduction is 'mean', torchvision's is 'none'; and the mean over zero
    pairs raises, where torchvision returns 0. A ratio whose denominator is
    exactly 0 (only with ``eps=0``) is taken as 0. The loss is symmetric in
    its two arguments. NaN propagates.

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
    inter, union, hull = _geometry(b1, b2)
    e = b1.dtype.type(eps)
    giou = _safe_div(inter, union + e) - _safe_div(hull - union, hull + e)
    return reduce(1 - giou, reduction)
