"""Input checks shared by the calibration functions (ECE, temperature scaling)."""

from __future__ import annotations

from .._validation import check_class_rows


def parse_scores(scores, target, name):
    """Validate an (N, C) score array and its (N,) class indices; return both.

    ``name`` is the score argument's name (``probs`` or ``logits``). Both
    functions need at least one sample: an ECE or a fitted temperature of no
    data has no value.
    """
    scores, labels, _ = check_class_rows(scores, target, scores_name=name, min_rows=1)
    return scores, labels
