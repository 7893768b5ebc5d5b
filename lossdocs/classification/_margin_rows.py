"""Validation and the per-class margins of ``multi_margin_loss`` (and its gradient)."""

from __future__ import annotations

import numpy as np

from .._validation import check_int, check_real, in_dtype
from ._multiclass import parse


def multi_margin_terms(scores, target, p, margin, weight, reduction, grad=False):
    """Validate; return ``(h, w_y, p, batch)`` with rows ``h`` of shape ``(N, C)``.

    ``h[i, j] = max(0, margin - x[i, y_i] + x[i, j])`` (PyTorch's order of
    operations), 0 where PyTorch's own test ``h > 0`` fails (NaN included,
    so a term exactly on the margin is inactive) and at ``j = y_i``; ``w_y``
    is ``weight[y_i]`` as a column, or None. ``h`` is a new array the caller
    may overwrite.
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
    # + 0 turns a margin of -0.0 into +0.0, so no h is -0.0 and fmax below gives +0.0
    m = in_dtype(margin, "margin", x.dtype) + 0
    with np.errstate(over="ignore", invalid="ignore"):  # inf - inf: NaN, as in PyTorch
        h = (m - x[rows, y])[:, None] + x
    np.fmax(h, 0, out=h)  # fmax, not maximum: NaN gives 0, as PyTorch's test h > 0
    h[rows, y] = 0
    w_y = None if batch.weight is None else batch.weight[y][:, None]
    return h, w_y, p, batch
