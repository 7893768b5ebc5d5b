"""``cosine_embedding_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from .._validation import check_plus_minus_one, check_real, in_dtype
from ._embeddings import pairs_with_targets, row_cosines

__all__ = ["cosine_embedding_loss"]


def cosine_embedding_loss(x1, x2, target, *, margin=0.0, reduction="mean"):
    r"""Compute the cosine embedding loss: align similar pairs, separate dissimilar ones.

    A pairwise loss on directions only: a similar pair is pushed to cosine
    similarity 1, a dissimilar pair below `margin`. Used for sentence and
    image-text embeddings compared by cosine.

    .. math::

        \ell_i = \begin{cases} 1 - \cos(a_i, b_i) & y_i = 1 \\
        \max(0, \cos(a_i, b_i) - m) & y_i = -1 \end{cases}

    with :math:`a_i, b_i` row :math:`i` of `x1`, `x2`, :math:`y_i` =
    `target` and :math:`m` = `margin`.

    Parameters
    ----------
    x1, x2 : array_like, shape (N, D)
        The two embeddings of each pair.
    target : array_like, shape (N,)
        +1 (similar) or -1 (dissimilar).
    margin : float, default 0.0
        :math:`m \in [-1, 1]`; 0 to 0.5 in use.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the N per-pair losses.

    Returns
    -------
    ndarray or float
        The loss, in [0, 2].

    Raises
    ------
    ValueError
        If `x1` is not (N, D), `x2` has another shape, `target` is not (N,)
        or holds a value other than ±1, a row is a zero vector (named),
        `margin` is outside [-1, 1], `reduction` is unknown, or the mean is
        taken over no pairs.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    hinge_embedding_loss : The same shape on a distance.
    contrastive_loss : The Euclidean, squared version.

    Notes
    -----
    PyTorch: ``torch.nn.functional.cosine_embedding_loss``.

    Same values for rows of ordinary size. PyTorch computes
    :math:`\cos = a \cdot b / \sqrt{(\lVert a \rVert^2 + 10^{-12})(\lVert b
    \rVert^2 + 10^{-12})}`: the 1e-12 makes a zero vector score 0 rather than
    fail, and also makes the cosine of small vectors wrong (rows of norm
    1e-7 get :math:`\cos(a, a) \approx 0.0099`, not 1; see the example).
    Here each row is normalised by its norm, computed without overflow or
    underflow, so the loss depends only on directions; a zero row raises.
    PyTorch also accepts 1-D inputs (one pair) and does not check the
    target (a 0 counts as neither case, loss 0).

    References
    ----------
    .. [1] PyTorch documentation, ``torch.nn.CosineEmbeddingLoss``.

    Examples
    --------
    Orthogonal rows: cosine 0, so loss 1 if similar, 0 if dissimilar (and
    0.5 more than the margin of -0.5 asks).

    >>> import numpy as np
    >>> from lossdocs import cosine_embedding_loss
    >>> a, b = [[1.0, 0.0], [1.0, 0.0]], [[0.0, 2.0], [0.0, 2.0]]
    >>> print(cosine_embedding_loss(a, b, [1, -1], reduction="none"))
    [1. 0.]
    >>> print(cosine_embedding_loss(a, b, [1, -1], margin=-0.5, reduction="none"))
    [1.  0.5]

    A row with itself has cosine 1 at any scale; PyTorch's 1e-12 breaks
    this for rows of norm 1e-7 (its loss is 0.9901).

    >>> tiny = np.array([[1e-7, 0.0]])
    >>> print(cosine_embedding_loss(tiny, tiny, [1]))
    0.0
    """
    margin = check_real(margin, "margin", low=-1, high=1)
    x1, x2, target = pairs_with_targets(reduction, target, x1=x1, x2=x2)
    check_plus_minus_one(target, "target")
    fix = "its cosine is undefined; PyTorch scores it 0"
    cos = row_cosines(x1, x2, fix)
    cos = np.clip(cos, -1, 1)  # rounding can step past +-1 by an ulp
    loss = np.where(target == 1, 1 - cos, np.maximum(cos - in_dtype(margin, "margin", x1.dtype), 0))
    return reduce(np.where(np.isnan(target), target, loss), reduction)
