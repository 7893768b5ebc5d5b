"""``box_area``."""

from __future__ import annotations

from .._validation import as_float
from ._boxes import _area, _check_boxes

__all__ = ["box_area"]


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
    PyTorch: ``torchvision.ops.box_area``.

    torchvision keeps integer boxes integer and does not check the corner
    order. NaN propagates.

    An area beyond the float range is inf, without a warning.

    Examples
    --------
    >>> from lossdocs import box_area
    >>> print(box_area([[0, 0, 2, 3], [1, 1, 1, 5]]))
    [6. 0.]
    """
    return _area(_check_boxes(as_float(boxes, "boxes"), "boxes"))
