"""Box validation and the pairwise geometry shared by the box functions."""

from __future__ import annotations

import numpy as np

from .._validation import as_floats


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
    """Return ``num / den``, and 0 where ``den == 0`` (there ``num`` is 0 too).

    inf / inf and NaN give NaN silently: the documented value of a geometry
    that an infinite coordinate leaves undefined.
    """
    zero = den == 0
    with np.errstate(invalid="ignore"):
        return np.where(zero, 0, num / np.where(zero, 1, den))


def _area(b: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore", invalid="ignore"):  # beyond the float range: inf
        return (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])


def _extent(b1: np.ndarray, b2: np.ndarray, i: int):
    """Overlap (clipped at 0) and enclosing lengths of the boxes along axis ``i`` (0 is x)."""
    lo1, hi1, lo2, hi2 = b1[..., i], b1[..., i + 2], b2[..., i], b2[..., i + 2]
    overlap = np.maximum(np.minimum(hi1, hi2) - np.maximum(lo1, lo2), 0)
    return overlap, np.maximum(hi1, hi2) - np.minimum(lo1, lo2)


def _plain_geometry(b1: np.ndarray, b2: np.ndarray):
    """The intersection, union and enclosing-box areas, in the given coordinates.

    One coordinate at a time: ``np.prod`` over a length-2 axis is ~10x slower.
    """
    (overlap_x, hull_x), (overlap_y, hull_y) = _extent(b1, b2, 0), _extent(b1, b2, 1)
    inter = overlap_x * overlap_y
    return inter, _area(b1) + _area(b2) - inter, hull_x * hull_y


def _geometry(b1: np.ndarray, b2: np.ndarray, eps=0.0):
    """Return the intersection, union and enclosing-box areas of broadcast box arrays, and eps.

    The ratios built from them are scale-invariant, but the areas are not: a
    pair whose enclosing area leaves the range where products are exact
    (beyond max / 4, or below tiny / eps: coordinates above about 1e154 or
    below about 1e-154 in float64) is recomputed with its coordinates divided
    by a power of 2 near the pair's largest one, exactly. Its areas are then
    those of the rescaled pair, so only ratios of them are meaningful; the
    area ``eps`` returned is rescaled alike (a NumPy scalar if no pair is). An
    infinite coordinate gives the limit where it exists (IoU 0 beside a
    finite box) and NaN where it does not (inf - inf), without a warning.
    """
    with np.errstate(over="ignore", under="ignore", invalid="ignore"):
        inter, union, hull = _plain_geometry(b1, b2)
        info = np.finfo(hull.dtype)
        redo = ~((hull <= info.max / 4) & (hull >= info.tiny / info.eps))
        eps = hull.dtype.type(eps)
        if redo.any():
            shape = np.broadcast_shapes(b1.shape, b2.shape)
            p1, p2 = np.broadcast_to(b1, shape)[redo], np.broadcast_to(b2, shape)[redo]
            big = np.maximum(np.abs(p1).max(axis=-1), np.abs(p2).max(axis=-1))
            # 2^-e in two factors: 2^1074 (a subnormal pair) is beyond the float range.
            e = -np.frexp(np.where(np.isfinite(big), big, 1))[1]
            s1, s2 = np.ldexp(p1.dtype.type(1), e // 2), np.ldexp(p1.dtype.type(1), e - e // 2)
            p1, p2 = p1 * s1[:, None] * s2[:, None], p2 * s1[:, None] * s2[:, None]
            i, u, h = _plain_geometry(p1, p2)
            inter, union, hull = inter.copy(), union.copy(), hull.copy()
            inter[redo], union[redo], hull[redo] = i, u, h
            eps = np.full(hull.shape, eps)
            if eps.any():  # inf for a tiny pair: eps then dominates, as it should
                eps[redo] *= s1 * s1 * s2 * s2
    return inter, union, hull, eps


def _two_box_sets(boxes1, boxes2):
    """Return both box arrays as floats of one dtype, each checked by :func:`_check_boxes`."""
    b1, b2 = as_floats(boxes1=boxes1, boxes2=boxes2)
    return _check_boxes(b1, "boxes1"), _check_boxes(b2, "boxes2")


def _pairwise(boxes1, boxes2):
    """Validate two box sets and return their (N, M) intersection, union and hull areas."""
    b1, b2 = _two_box_sets(boxes1, boxes2)
    return _geometry(b1[:, None, :], b2[None, :, :])[:3]
