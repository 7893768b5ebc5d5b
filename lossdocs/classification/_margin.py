"""Validation of the margin losses' scores and +-1 labels; their margins ``y s``."""

from __future__ import annotations

import numpy as np

from .._validation import check_plus_minus_one, check_real, pred_target


def _margins(scores, target, reduction, grad=False, margin=None):
    """Validate ``(scores, target)`` (labels +-1) and `margin`; return ``(y, y * s, margin)``."""
    if margin is not None:
        margin = check_real(margin, "margin", low=0)
        if not np.isfinite(margin):
            raise ValueError(f"margin must be finite, got {margin}")
    scores, target = pred_target(scores, target, reduction, pred_name="scores", grad=grad)
    check_plus_minus_one(target, "target")
    return target, target * scores, scores.dtype.type(margin or 0)
