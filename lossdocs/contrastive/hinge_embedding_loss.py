"""``hinge_embedding_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import as_floats, check_plus_minus_one, check_real, check_same_shape, in_dtype

__all__ = ["hinge_embedding_loss"]


def hinge_embedding_loss(x, target, *, margin=1.0, reduction="mean"):
    r"""Compute the hinge embedding loss of distances between pairs.

    The pairwise contrastive loss written on a distance you computed
    yourself (L1, Euclidean, 1 - cosine): a similar pair's distance is
    minimised, a dissimilar pair's is pushed up to `margin`.

    .. math::

        \ell_i = \begin{cases} x_i & y_i = 1 \\ \max(0, m - x_i) & y_i = -1 \end{cases}

    with :math:`x_i` = `x` (a distance, >= 0 in use), :math:`y_i` =
    `target` and :math:`m` = `margin`.

    Parameters
    ----------
    x : array_like
        The distance of each pair.
    target : array_like
        +1 (similar) or -1 (dissimilar), the shape of `x`.
    margin : float, default 1.0
        :math:`m`: dissimilar pairs farther apart than this cost nothing.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-pair losses.

    Returns
    -------
    ndarray or float
        The loss; >= 0 when `x` >= 0.

    Raises
    ------
    ValueError
        If `target` has another shape than `x` or holds a value other than
        ±1, `margin` is not finite, `reduction` is unknown, or the mean is
        taken over no pairs.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    contrastive_loss : The squared version on embeddings (Hadsell et al.).
    cosine_embedding_loss : The version on cosine similarity.

    Notes
    -----
    PyTorch: ``torch.nn.functional.hinge_embedding_loss``.

    Same values and defaults. PyTorch does not check the target: a value
    other than ±1 (say, 0 from a 0/1 label) adds both terms, :math:`x +
    \max(0, m - x)`, silently; here it raises. Note the asymmetry with
    :func:`contrastive_loss`: the similar term is linear in the distance, not
    squared, and the dissimilar hinge is not squared either.

    References
    ----------
    .. [1] R. Hadsell, S. Chopra and Y. LeCun, "Dimensionality Reduction by
       Learning an Invariant Mapping", CVPR 2006.

    Examples
    --------
    A similar pair at distance 0.3 costs 0.3; dissimilar pairs at 0.3 and 2
    cost 0.7 and 0.

    >>> from lossdocs import hinge_embedding_loss
    >>> print(hinge_embedding_loss([0.3, 0.3, 2.0], [1, -1, -1], reduction="none"))
    [0.3 0.7 0. ]
    """
    margin = check_real(margin, "margin", finite=True)
    check_reduction(reduction)
    x, target = as_floats(x=x, target=target)
    check_same_shape(x, target, "x", "target")
    check_plus_minus_one(target, "target")
    check_nonempty_mean(x.size, reduction, "x")
    loss = np.where(target == 1, x, np.maximum(in_dtype(margin, "margin", x.dtype) - x, 0))
    return reduce(np.where(np.isnan(target), target, loss), reduction)
