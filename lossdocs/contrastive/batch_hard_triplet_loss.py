"""``batch_hard_triplet_loss``."""

from __future__ import annotations

import numpy as np

from .._numerics import _softplus
from .._reduction import check_reduction, reduce
from .._validation import as_float, as_int_labels, check_bool, check_real, in_dtype
from ._embeddings import check_row_labels, euclidean_norm

__all__ = ["batch_hard_triplet_loss"]


def _distance_matrix(x: np.ndarray) -> np.ndarray:
    """All pairwise Euclidean distances of the rows, from differences (exact 0 on the diagonal).

    ``|a|^2 + |b|^2 - 2 a.b`` would be faster but cancels to noise (even a
    negative square) for near points, exactly the pairs mining looks at.
    """
    with np.errstate(invalid="ignore", over="ignore"):
        diff = x[:, None, :] - x[None, :, :]
    return euclidean_norm(diff, axis=2)


def batch_hard_triplet_loss(embeddings, labels, *, margin=1.0, soft=False, reduction="mean"):
    r"""Compute the batch-hard triplet loss: each anchor's hardest positive and negative.

    Hermans, Beyer and Leibe's mining inside a batch of P identities with K
    examples each: most random triplets already satisfy the margin and
    teach nothing, so each anchor is paired with its farthest positive and
    its nearest negative in the batch.

    .. math::

        \ell_i = \max\Bigl(0,\; m + \max_{j:\, y_j = y_i,\, j \ne i} d_{ij}
        - \min_{k:\, y_k \ne y_i} d_{ik}\Bigr)

    with :math:`d_{ij} = \lVert x_i - x_j \rVert_2` the Euclidean distance of
    rows :math:`i, j` of `embeddings`, :math:`y` = `labels`, :math:`m` =
    `margin`; with `soft` the hinge is replaced by the soft margin
    :math:`\log(1 + e^{d_{ap} - d_{an}})`.

    Parameters
    ----------
    embeddings : array_like, shape (N, D)
        One embedding per row.
    labels : array_like of int, shape (N,)
        The identity (class) of each row.
    margin : float, default 1.0
        :math:`m \ge 0`; not used when `soft` is True.
    soft : bool, default False
        Use the soft margin (softplus) instead of the hinge.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' and 'sum' run over the anchors that have both a positive and
        a negative in the batch; 'none' returns N values, NaN for the other
        anchors.

    Returns
    -------
    ndarray or float
        The loss, >= 0 (NaN in 'none' marks an anchor left out).

    Raises
    ------
    ValueError
        If `embeddings` is not (N, D), `labels` is not (N,), `margin` < 0,
        `reduction` is unknown, or the mean is taken over no valid anchor
        (say, every label distinct, or all equal).
    TypeError
        If `embeddings` does not hold real numbers, `labels` integers, or
        `soft` is not a bool.

    See Also
    --------
    triplet_margin_loss : The loss of given triplets.

    Notes
    -----
    PyTorch: none.

    A left-out anchor contributes nothing to the mean (which divides by the
    number of valid anchors), and appears as NaN under 'none' so it cannot
    be mistaken for a satisfied triplet (loss 0). Distances are Euclidean
    and unsquared, as in the paper; they are computed from the row
    differences, not from :math:`\lVert a \rVert^2 + \lVert b \rVert^2 - 2 a
    \cdot b`, which cancels for near points. The gradient flows only
    through the two selected distances of each anchor. The memory is
    :math:`O(N^2 D)`. The soft margin is computed as an overflow-free
    softplus.

    References
    ----------
    .. [1] A. Hermans, L. Beyer and B. Leibe, "In Defense of the Triplet
       Loss for Person Re-Identification", arXiv:1703.07737, 2017.
    .. [2] F. Schroff, D. Kalenichenko and J. Philbin, "FaceNet: A Unified
       Embedding for Face Recognition and Clustering", CVPR 2015.

    Examples
    --------
    Four points on a line, two identities: 0 and 1 are class 0, 1.5 and 4
    class 1. Anchor 1.0: its positive is at distance 1, its nearest
    negative (1.5) at 0.5, so the loss is 1 + 1 - 0.5.

    >>> from lossdocs import batch_hard_triplet_loss
    >>> x = [[0.0], [1.0], [1.5], [4.0]]
    >>> print(batch_hard_triplet_loss(x, [0, 0, 1, 1], reduction="none"))
    [0.5 1.5 3.  0.5]

    An anchor alone in its class has no positive: NaN under 'none', and
    left out of the mean.

    >>> print(batch_hard_triplet_loss(x, [0, 0, 1, 2], reduction="none"))
    [0.5 1.5 nan nan]
    >>> print(batch_hard_triplet_loss(x, [0, 0, 1, 2]))
    1.0
    """
    margin = check_real(margin, "margin", low=0)
    check_bool(soft, "soft")
    check_reduction(reduction)
    x = as_float(embeddings, "embeddings")
    if x.ndim != 2 or x.shape[1] == 0:
        raise ValueError(f"embeddings must have shape (N, D) with D >= 1, got {x.shape}")
    labels = as_int_labels(labels, "labels")
    check_row_labels(labels, len(x), "labels")
    d = _distance_matrix(x)
    same = labels[:, None] == labels[None, :]
    positive = same & ~np.eye(len(x), dtype=bool)
    valid = positive.any(axis=1) & (~same).any(axis=1)
    if reduction == "mean" and not valid.any():
        raise ValueError(
            "labels: no anchor has both a positive and a negative in the batch, "
            "so the mean is over zero anchors (use P >= 2 identities with K >= 2 examples each)"
        )
    d_ap = np.max(np.where(positive, d, -np.inf), axis=1, initial=-np.inf)
    d_an = np.min(np.where(same, np.inf, d), axis=1, initial=np.inf)
    gap = np.where(valid, d_ap - d_an, 0)
    loss = _softplus(gap) if soft else np.maximum(gap + in_dtype(margin, "margin", x.dtype), 0)
    if reduction == "none":
        return np.where(valid, loss, x.dtype.type(np.nan))
    return reduce(loss[valid], reduction)
