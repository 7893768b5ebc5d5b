"""Validation shared by the multi-label losses: scores (C,) or (N, C), one column per label."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction
from .._validation import as_float, as_int_labels, check_same_shape, to_array
from ._binary import _checked


def _check_rows(scores: np.ndarray, name: str) -> None:
    if scores.ndim not in (1, 2) or scores.shape[-1] == 0:
        raise ValueError(
            f"{name} must be (C,) or (N, C) with C >= 1 labels, as in PyTorch, "
            f"got shape {scores.shape}"
        )


def label_rows(scores, target, reduction, grad=False):
    """Validate ``multilabel_margin_loss``'s inputs: float rows, integer index rows.

    Every entry of `target` must lie in [-1, C), also after the first -1
    (PyTorch checks them all). Returns 2-D ``(x, target)``.
    """
    check_reduction(reduction, allow_none=not grad)
    x = as_float(scores, "scores")
    _check_rows(x, "scores")
    y = as_int_labels(to_array(target, "target"), "target")
    check_same_shape(x, y, "scores", "target")
    bad = (y < -1) | (y >= x.shape[-1])
    if np.any(bad):
        raise ValueError(
            f"target holds {y[bad].flat[0]}: entries must be class indices in "
            f"[0, {x.shape[-1]}) or -1, the end of a row's list"
        )
    check_nonempty_mean(x.size, reduction, "scores")
    return x.reshape(-1, x.shape[-1]), y.reshape(-1, x.shape[-1])


def binary_rows(scores, target, reduction, pred_name, grad=False, **weights):
    """Validate a multi-label BCE-type call: rows of logits, targets in [0, 1]."""
    x, *rest = _checked(scores, target, reduction, pred_name, grad, **weights)
    _check_rows(x, pred_name)
    return x, *rest
