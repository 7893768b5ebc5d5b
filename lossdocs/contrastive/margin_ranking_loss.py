"""``margin_ranking_loss``."""

from __future__ import annotations

import numpy as np

from .._reduction import check_nonempty_mean, check_reduction, reduce
from .._validation import as_floats, check_plus_minus_one, check_real, check_same_shape, in_dtype

__all__ = ["margin_ranking_loss"]


def margin_ranking_loss(x1, x2, target, *, margin=0.0, reduction="mean"):
    r"""Compute the margin ranking loss: score `x1` above `x2` (or below) by `margin`.

    A pairwise ranking loss for scores: a search or recommendation model
    must rank the relevant item of each pair first. It is the hinge loss
    applied to the difference of two scores.

    .. math::

        \ell_i = \max\bigl(0,\; -y_i (x_{1,i} - x_{2,i}) + m\bigr)

    with :math:`y_i` = `target` (+1: `x1` should rank higher, -1: `x2`)
    and :math:`m` = `margin`.

    Parameters
    ----------
    x1, x2 : array_like
        The two scores of each pair, of one shape.
    target : array_like
        +1 or -1 per pair, the shape of `x1`.
    margin : float, default 0.0
        :math:`m`, the gap by which the right order must win.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-pair losses.

    Returns
    -------
    ndarray or float
        The loss, >= 0.

    Raises
    ------
    ValueError
        If `x2` or `target` has another shape than `x1`, `target` holds a
        value other than ±1, `margin` is not finite, `reduction` is unknown,
        or the mean is taken over no pairs.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    hinge : The same hinge on one score and a ±1 label.
    triplet_margin_loss : The same hinge on two distances.

    Notes
    -----
    PyTorch: ``torch.nn.functional.margin_ranking_loss``.

    Same values and defaults. PyTorch accepts any target value (0 gives
    :math:`\max(0, m)`) and broadcasts the three inputs; here the target
    must be ±1 and the shapes equal. With :math:`m = 0` a tie costs 0, so
    the model is not pushed to separate the pair; a positive margin asks
    for a gap.

    References
    ----------
    .. [1] R. Herbrich, T. Graepel and K. Obermayer, "Large Margin Rank
       Boundaries for Ordinal Regression", Advances in Large Margin
       Classifiers, MIT Press, 2000.

    Examples
    --------
    `x1` should rank first in both pairs: the first is right by 1 (loss 0),
    the second wrong by 0.5 (loss 0.5, then 1.5 with margin 1).

    >>> from lossdocs import margin_ranking_loss
    >>> print(margin_ranking_loss([2.0, 0.5], [1.0, 1.0], [1, 1], reduction="none"))
    [0.  0.5]
    >>> print(margin_ranking_loss([2.0, 0.5], [1.0, 1.0], [1, 1], margin=1.0, reduction="none"))
    [0.  1.5]
    """
    margin = check_real(margin, "margin", finite=True)
    check_reduction(reduction)
    x1, x2, target = as_floats(x1=x1, x2=x2, target=target)
    check_same_shape(x1, x2, "x1", "x2")
    check_same_shape(x1, target, "x1", "target")
    check_plus_minus_one(target, "target")
    check_nonempty_mean(x1.size, reduction, "x1")
    return reduce(
        np.maximum(-target * (x1 - x2) + in_dtype(margin, "margin", x1.dtype), 0), reduction
    )
