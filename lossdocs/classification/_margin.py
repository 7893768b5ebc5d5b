"""Validation of the margin losses' scores and +-1 labels; their margins ``y s``."""

from __future__ import annotations

from .._reduction import pred_target
from .._validation import check_plus_minus_one, check_real, in_dtype


def _margins(scores, target, reduction, grad=False, margin=0.0):
    """Validate ``(scores, target)`` (labels +-1) and `margin`; return ``(y, y * s, margin)``."""
    # Always checked: hinge(margin=None) raises rather than meaning 0.
    margin = check_real(margin, "margin", low=0, finite=True)
    scores, target = pred_target(scores, target, reduction, pred_name="scores", grad=grad)
    check_plus_minus_one(target, "target")
    return target, target * scores, in_dtype(margin, "margin", scores.dtype)
