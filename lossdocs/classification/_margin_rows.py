"""Validation and the per-class margins of ``multi_margin_loss`` (and its gradient)."""

from __future__ import annotations

import numpy as np

from .._validation import check_int, check_real, in_dtype
from ._multiclass import parse


def multi_margin_terms(scores, target, p, margin, weight, reduction, grad=False):
    """Validate; return ``(h, active, w_y, p, batch)`` with rows ``(N, C)``.

    ``h[i, j] = margin - x[i, y_i] + x[i, j]`` (PyTorch's order of operations),
    set to 0 at ``j = y_i``; ``active`` marks ``h > 0`` (PyTorch's own test,
    so a term exactly on the margin is inactive); ``w_y`` is ``weight[y_i]``
    as a column, or None.
    """
    p = check_int(p, "p", low=1, high=2)
    margin = check_real(margin, "margin", finite=True)
    batch = parse(
        scores,
        target,
        reduction,
        scores_name="scores",
        weight=weight,
        allow_probs=False,
        grad=grad,
    )
    if batch.scores.ndim > 2:
        raise ValueError(
            f"scores must be (C,) or (N, C), as in PyTorch, got shape {batch.scores.shape}"
        )
    x = batch.scores.reshape(-1, batch.scores.shape[-1])
    y = batch.labels.reshape(-1)
    rows = np.arange(x.shape[0])
    m = in_dtype(margin, "margin", x.dtype)
    with np.errstate(over="ignore", invalid="ignore"):  # inf - inf: NaN, as in PyTorch
        h = (m - x[rows, y])[:, None] + x
    h[rows, y] = 0
    w_y = None if batch.weight is None else batch.weight[y][:, None]
    return h, h > 0, w_y, p, batch
