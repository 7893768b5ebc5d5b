"""Input checks shared by the calibration functions (ECE, temperature scaling)."""

from __future__ import annotations

import numpy as np

from .._validation import as_float, as_int_labels


def parse_scores(scores, target, name):
    """Validate an (N, C) score array and its (N,) class indices; return both.

    ``name`` is the score argument's name (``probs`` or ``logits``). Both
    functions need at least one sample: an ECE or a fitted temperature of no
    data has no value.
    """
    scores = as_float(scores, name)
    if scores.ndim != 2 or 0 in scores.shape:
        raise ValueError(
            f"{name} must have shape (N, C) with N >= 1 samples and C >= 1 classes, "
            f"got shape {scores.shape}"
        )
    labels = as_int_labels(target, "target")
    if labels.shape != scores.shape[:1]:
        raise ValueError(
            f"target must hold one class index per row of {name}: shape ({scores.shape[0]},), "
            f"got target.shape={labels.shape}"
        )
    bad = (labels < 0) | (labels >= scores.shape[1])
    if np.any(bad):
        raise ValueError(
            f"target holds class index {labels[bad].flat[0]}, which lies outside "
            f"[0, {scores.shape[1]})"
        )
    return scores, labels
