"""``triplet_margin_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import check_bool, check_real, in_dtype
from ._embeddings import as_rows, p_distance

__all__ = ["triplet_margin_loss"]


def triplet_margin_loss(
    anchor, positive, negative, *, margin=1.0, p=2.0, eps=1e-6, swap=False, reduction="mean"
):
    r"""Compute the triplet margin loss: the positive must be nearer than the negative by `margin`.

    The loss of FaceNet-style metric learning: each anchor is compared with
    an example of its own identity (positive) and of another (negative),
    and only the order of the two distances matters, not their size.

    .. math::

        \ell_i = \max\bigl(0,\; d(a_i, p_i) - d(a_i, n_i) + m\bigr),
        \qquad d(x, y) = \lVert x - y + \epsilon \rVert_p

    with :math:`a_i, p_i, n_i` row :math:`i` of `anchor`, `positive`,
    `negative`, :math:`m` = `margin`, :math:`\epsilon` = `eps`. With `swap`,
    :math:`d(a_i, n_i)` is replaced by :math:`\min(d(a_i, n_i), d(p_i,
    n_i))`.

    Parameters
    ----------
    anchor, positive, negative : array_like, shape (N, D)
        One triplet per row.
    margin : float, default 1.0
        :math:`m > 0` (PyTorch 2.13 refuses 0 and below too).
    p : float, default 2.0
        The order of the norm, > 0 (``inf`` for the largest coordinate).
    eps : float, default 1e-6
        Added to every coordinate of the difference, as PyTorch does.
    swap : bool, default False
        The distance swap of Balntas et al. [3]_: use the nearer of the
        anchor and the positive to measure the negative's distance.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-triplet losses.

    Returns
    -------
    ndarray or float
        The loss, >= 0; 0 for every triplet whose negative is at least
        `margin` farther than its positive.

    Raises
    ------
    ValueError
        If `anchor` is not (N, D), `positive` or `negative` has another
        shape, `margin` <= 0, `p` <= 0, `eps` is negative or not finite,
        `reduction` is unknown, or the mean is taken over no triplets.
    TypeError
        If an input does not hold real numbers or `swap` is not a bool.

    See Also
    --------
    batch_hard_triplet_loss : Mines the triplets inside a labelled batch.
    contrastive_loss : The pairwise loss it replaced.

    Notes
    -----
    PyTorch: ``torch.nn.functional.triplet_margin_loss``.

    Same values and defaults, the distances as
    ``torch.nn.functional.pairwise_distance`` computes them: :math:`\epsilon`
    is added to the difference before the norm, not to the norm, so
    :math:`d(x, x) = \epsilon D^{1/p}` (not 0), and :math:`d(x, y) \ne d(y,
    x)` at the order of :math:`\epsilon`. PyTorch also accepts 1-D inputs
    (one triplet); here a triplet is a row of a 2-D array. The norm is
    computed on the difference scaled by its largest entry, so it does not
    overflow for float32 rows of size 1e30. Schroff et al. [1]_ use squared
    Euclidean distances and :math:`m = 0.2` on unit vectors; PyTorch's (and
    this) default is unsquared with :math:`m = 1`. For :math:`p < 1` the
    "norm" is not a metric (no triangle inequality).

    References
    ----------
    .. [1] F. Schroff, D. Kalenichenko and J. Philbin, "FaceNet: A Unified
       Embedding for Face Recognition and Clustering", CVPR 2015.
    .. [2] K. Q. Weinberger and L. K. Saul, "Distance Metric Learning for
       Large Margin Nearest Neighbor Classification", JMLR 2009.
    .. [3] V. Balntas, E. Riba, D. Ponsa and K. Mikolajczyk, "Learning local
       feature descriptors with triplets and shallow convolutional neural
       networks", BMVC 2016.

    Examples
    --------
    Anchor at the origin, positive at distance 1, negative at distance 1.5:
    the negative is 0.5 farther, short of the margin by 0.5. With ``eps=0``
    the numbers are exact.

    >>> from lossdocs import triplet_margin_loss
    >>> print(triplet_margin_loss([[0.0, 0.0]], [[1.0, 0.0]], [[0.0, 1.5]], eps=0.0))
    0.5

    Past the margin the loss is exactly 0: a negative at distance 3 has
    nothing left to teach.

    >>> print(triplet_margin_loss([[0.0, 0.0]], [[1.0, 0.0]], [[0.0, 3.0]], eps=0.0))
    0.0
    """
    margin = check_real(margin, "margin", low=0, low_open=True)
    p = check_real(p, "p", low=0, low_open=True)
    eps = check_real(eps, "eps", low=0, finite=True)
    check_bool(swap, "swap")
    check_reduction(reduction)
    anchor, positive, negative = as_rows(anchor=anchor, positive=positive, negative=negative)
    check_nonempty_mean(len(anchor), reduction, "anchor")
    d_ap = p_distance(anchor, positive, p, eps)
    d_an = p_distance(anchor, negative, p, eps)
    if swap:
        d_an = np.minimum(d_an, p_distance(positive, negative, p, eps))
    # Two infinite distances leave no gap to measure: NaN, without a warning.
    with np.errstate(invalid="ignore"):
        gap = d_ap - d_an + in_dtype(margin, "margin", anchor.dtype)
    return reduce(np.maximum(gap, 0), reduction)
