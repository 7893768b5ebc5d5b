"""``contrastive_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_real, check_unit_interval, in_dtype
from ._embeddings import pairs_with_targets, row_distance

__all__ = ["contrastive_loss"]


def contrastive_loss(emb1, emb2, target, *, margin=1.0, reduction="mean"):
    r"""Compute the pairwise contrastive loss of Hadsell, Chopra and LeCun.

    The loss of a siamese network trained on labelled pairs: a similar pair
    is pulled together, a dissimilar pair is pushed apart until its distance
    reaches `margin`, and then left alone.

    .. math::

        \ell_i = y_i \, \tfrac12 d_i^2 + (1 - y_i) \, \tfrac12 \max(0, m - d_i)^2,
        \qquad d_i = \lVert a_i - b_i \rVert_2

    with :math:`a_i, b_i` row :math:`i` of `emb1` and `emb2`, :math:`y_i`
    = `target` (1 similar, 0 dissimilar) and :math:`m` = `margin`.

    Parameters
    ----------
    emb1, emb2 : array_like, shape (N, D)
        The two embeddings of each pair, one pair per row.
    target : array_like, shape (N,)
        1 for a similar pair, 0 for a dissimilar one (values in [0, 1] mix
        the two terms).
    margin : float, default 1.0
        :math:`m \ge 0`: dissimilar pairs farther apart than this cost nothing.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-pair losses.

    Returns
    -------
    ndarray or float
        The loss, >= 0.

    Raises
    ------
    ValueError
        If `emb1` is not (N, D), `emb2` has another shape, `target` is not
        (N,) or leaves [0, 1], `margin` < 0, `reduction` is unknown, or the
        mean is taken over no pairs.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    triplet_margin_loss : Compares two distances of one anchor instead.
    cosine_embedding_loss : The same idea with cosine similarity.

    Notes
    -----
    PyTorch: none.

    The label convention is the common one (1 = similar), as in most code.
    Hadsell et al. [1]_ write it the other way round: their :math:`Y = 0`
    marks a similar pair and :math:`Y = 1` a dissimilar one, so a formula
    copied from the paper with today's labels pulls the dissimilar pairs
    together. The derivative in :math:`d` is :math:`y\, d - (1 - y)\max(0,
    m - d)`: a dissimilar pair inside the margin is pushed out with a force
    that falls linearly to 0 at :math:`d = m`. The distance is computed
    scaled by the largest coordinate difference, so float32 rows of size
    1e30 do not overflow (the squared distance of such a pair does).

    References
    ----------
    .. [1] R. Hadsell, S. Chopra and Y. LeCun, "Dimensionality Reduction by
       Learning an Invariant Mapping", CVPR 2006.

    Examples
    --------
    A similar pair at distance 1 costs :math:`1/2`; a dissimilar pair at
    distance 0.5 with margin 1 costs :math:`0.5^2 / 2`; at distance 2 it
    costs nothing.

    >>> from lossdocs import contrastive_loss
    >>> a = [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]]
    >>> b = [[1.0, 0.0], [0.5, 0.0], [0.0, 2.0]]
    >>> print(contrastive_loss(a, b, [1, 0, 0], reduction="none"))
    [0.5   0.125 0.   ]
    """
    margin = check_real(margin, "margin", low=0)
    emb1, emb2, target = pairs_with_targets(reduction, target, emb1=emb1, emb2=emb2)
    check_unit_interval(target, "target")
    d = row_distance(emb1, emb2)
    gap = np.maximum(in_dtype(margin, "margin", emb1.dtype) - d, 0)
    half = emb1.dtype.type(0.5)
    # A squared distance beyond the float range is inf, silently (0 * inf is NaN, as in mse).
    with np.errstate(over="ignore", invalid="ignore"):
        loss = half * (target * d * d + (1 - target) * gap * gap)
    return reduce(loss, reduction)
