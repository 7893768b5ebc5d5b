"""The terms DIoU and CIoU share: IoU and the normalised centre distance, at any scale."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction
from .._validation import check_real, check_same_shape
from ._boxes import _area, _extent, _safe_div, _two_box_sets


def _checked_pairs(boxes1, boxes2, eps, reduction):
    """Validate the arguments of a matched-pair box loss; return both box arrays and eps."""
    eps = check_real(eps, "eps", low=0)
    check_reduction(reduction)
    b1, b2 = _two_box_sets(boxes1, boxes2)
    check_same_shape(b1, b2, "boxes1", "boxes2")
    check_nonempty_mean(len(b1), reduction, "boxes1")
    return b1, b2, eps


def _largest(b: np.ndarray) -> np.ndarray:
    """The largest |coordinate| of each box (NaN if any is NaN).

    One column at a time: a reduction over the length-4 axis is ~20x slower.
    """
    a = np.abs(b)
    return np.maximum(np.maximum(a[:, 0], a[:, 1]), np.maximum(a[:, 2], a[:, 3]))


def _unit_pairs(b1: np.ndarray, b2: np.ndarray, eps: float):
    """Divide each pair by a power of 2 near its largest coordinate, eps (an area) by its square.

    Every term of DIoU and CIoU is a ratio of lengths or of areas, so it does
    not depend on the scale; the squares and areas do, and overflow beyond
    about 1e154 (underflow below 1e-154) in float64. A power of 2 divides
    exactly, so at ordinary scales the values are bit for bit those of the
    unscaled formula (torchvision's), eps included. For a tiny pair the scaled
    eps overflows to inf and dominates, as eps does in torchvision.
    """
    big = np.maximum(_largest(b1), _largest(b2))
    e = -np.frexp(np.where(np.isfinite(big), big, 1))[1]
    # 2^-e in two factors: 2^1074 (a subnormal pair) is beyond the float range.
    one = b1.dtype.type(1)
    s1, s2 = np.ldexp(one, e // 2).astype(b1.dtype), np.ldexp(one, e - e // 2).astype(b1.dtype)
    s1, s2 = s1[:, None], s2[:, None]
    with np.errstate(over="ignore"):
        # Left to right, so that eps = 0 stays 0 rather than 0 * inf.
        e_area = b1.dtype.type(eps) * s1[:, 0] * s1[:, 0] * s2[:, 0] * s2[:, 0]
    p1, p2 = b1 * s1, b2 * s1
    p1 *= s2
    p2 *= s2
    return p1, p2, e_area


def _diou_terms(b1: np.ndarray, b2: np.ndarray, eps: float):
    """Return IoU, the squared centre distance over the squared enclosing diagonal, and the pair.

    IoU is ``inter / (union + eps)`` and the ratio ``d^2 / (c^2 + eps)``, eps
    where torchvision's ``_diou_iou_loss`` adds it; a ratio whose denominator
    is exactly 0 (only with ``eps=0``) is 0. The boxes are returned rescaled
    (see :func:`_unit_pairs`) for the aspect-ratio term of CIoU.
    """
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        p1, p2, e = _unit_pairs(b1, b2, eps)
        (overlap_x, hull_x), (overlap_y, hull_y) = _extent(p1, p2, 0), _extent(p1, p2, 1)
        inter = overlap_x * overlap_y
        iou = _safe_div(inter, _area(p1) + _area(p2) - inter + e)
        diagonal2 = hull_x**2 + hull_y**2
        dx = (p1[:, 2] + p1[:, 0]) / 2 - (p2[:, 0] + p2[:, 2]) / 2
        dy = (p1[:, 3] + p1[:, 1]) / 2 - (p2[:, 1] + p2[:, 3]) / 2
        distance = _safe_div(dx**2 + dy**2, diagonal2 + e)
    return iou, distance, p1, p2
