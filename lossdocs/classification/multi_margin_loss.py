"""``multi_margin_loss`` and ``multi_margin_loss_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ._margin_rows import multi_margin_terms

__all__ = ["multi_margin_loss", "multi_margin_loss_grad"]


def multi_margin_loss(scores, target, *, p=1, margin=1.0, weight=None, reduction="mean"):
    r"""Compute PyTorch's multi-class hinge loss (Weston and Watkins' form, divided by C).

    The multiclass SVM loss: every wrong class :math:`j` whose score comes
    within `margin` of the target's score adds a hinge (or, with ``p=2``, a
    squared hinge). Use it for a multiclass margin classifier; its loss is 0
    once the target beats every other class by the margin.

    .. math::

        \ell_i = \frac{1}{C} \sum_{j \ne y_i} w_{y_i}
        \max(0, \; m - x_{i y_i} + x_{ij})^p

    Parameters
    ----------
    scores : array_like, shape (C,) or (N, C)
        Class scores :math:`x`, any real numbers (no softmax).
    target : array_like, shape () or (N,)
        Class indices :math:`y_i` in [0, C).
    p : {1, 2}, default 1
        The power of each hinge.
    margin : float, default 1.0
        The margin :math:`m`, finite.
    weight : array_like, shape (C,), optional
        Per-class weights; sample :math:`i` is scaled by :math:`w_{y_i}`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' averages over the N samples (not over the weights).

    Returns
    -------
    ndarray or float
        The loss; 'none' gives shape () or (N,). 0 is best.

    Raises
    ------
    ValueError
        If `scores` is not (C,) or (N, C), `target` has the wrong shape or a
        class index outside [0, C), `p` is not 1 or 2, `margin` is not
        finite, `weight` is not a finite (C,) array, `reduction` is unknown,
        or the mean is taken over an empty batch.
    TypeError
        If an input does not hold real numbers, `target` is not integer, `p`
        is not an integer, or `margin` is not a real number.

    See Also
    --------
    hinge : The binary hinge, with labels -1 and +1.
    squared_hinge : The binary form of ``p=2``.
    multilabel_margin_loss : The same hinge between every (target, non-target) pair.
    multi_margin_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.multi_margin_loss``.

    Same arguments, defaults and values as PyTorch 2.13. With ``p=2`` and a
    `weight`, PyTorch computes :math:`w_{y} \max(0, m - x_y + x_j)^2`, the
    weight outside the square, as the formula above and ``MultiMarginLoss``'s
    documentation (``F.multi_margin_loss``'s calls `weight` per sample; it is
    per class: see the edge cases page). 'mean' divides by N,
    never by the sum of the weights (``cross_entropy`` does the latter).

    Weston and Watkins (1999) sum the hinges over the wrong classes, as
    here; Crammer and Singer (2001) take only the largest,
    :math:`\max(0, m - x_y + \max_{j \ne y} x_j)`. PyTorch also divides by
    :math:`C`, the number of classes (the target's own term, always
    :math:`m`, is left out but still counted in :math:`C`).

    Deliberate differences: a bad class index raises ValueError (PyTorch:
    RuntimeError); `weight` is cast to the dtype of `scores`; an empty batch
    under 'mean' raises (PyTorch returns nan). An infinite score gives inf
    or NaN (inf - inf), as in PyTorch, without a warning.

    References
    ----------
    .. [1] J. Weston and C. Watkins, "Support Vector Machines for
       Multi-Class Pattern Recognition", ESANN, 1999.
    .. [2] K. Crammer and Y. Singer, "On the Algorithmic Implementation of
       Multiclass Kernel-based Vector Machines", *JMLR* 2, 2001.

    Examples
    --------
    >>> from lossdocs import multi_margin_loss
    >>> x = [[0.1, 0.2, 0.4, 0.8]]  # the target, class 3, leads class 2 by 0.4 < 1
    >>> print(multi_margin_loss(x, [3], reduction="none"))  # (0.3 + 0.4 + 0.6) / 4
    [0.325]
    >>> w = [1.0, 1.0, 1.0, 4.0]
    >>> print(round(multi_margin_loss(x, [3], p=2, weight=w), 4))  # 4 (0.09 + 0.16 + 0.36) / 4
    0.61
    """
    terms, w_y, p, _ = multi_margin_terms(scores, target, p, margin, weight, reduction)
    with np.errstate(over="ignore", invalid="ignore"):  # beyond the float range: inf
        if p == 2:
            terms *= terms
        if w_y is not None:
            terms *= w_y
        loss = terms.sum(axis=1) / terms.dtype.type(terms.shape[1])
    return reduce(loss.reshape(np.shape(target)), reduction)


def multi_margin_loss_grad(scores, target, *, p=1, margin=1.0, weight=None, reduction="mean"):
    r"""Compute the gradient of :func:`multi_margin_loss` with respect to `scores`.

    .. math::

        \frac{\partial \ell_i}{\partial x_{ij}} = \frac{w_{y_i}}{C} \,
        p \max(0, h_{ij})^{p - 1} [h_{ij} > 0] \ (j \ne y_i), \qquad
        \frac{\partial \ell_i}{\partial x_{i y_i}} = -\sum_{j \ne y_i}
        \frac{\partial \ell_i}{\partial x_{ij}}

    with :math:`h_{ij} = m - x_{i y_i} + x_{ij}` (divided by N for the mean).

    Parameters
    ----------
    scores, target, p, margin, weight, reduction
        As in :func:`multi_margin_loss`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`multi_margin_loss`, and for ``reduction='none'``.
    TypeError
        As :func:`multi_margin_loss`.

    See Also
    --------
    multi_margin_loss : The loss.

    Notes
    -----
    PyTorch: none.

    A subgradient for ``p=1``: a term exactly on the margin
    (:math:`h_{ij} = 0`) contributes 0, as PyTorch's backward does (its
    ``.grad`` after ``multi_margin_loss(...).backward()``). Each row sums to
    0: raising every score of a sample by the same amount changes nothing.

    Examples
    --------
    >>> from lossdocs import multi_margin_loss_grad
    >>> print(multi_margin_loss_grad([[0.1, 0.2, 0.4, 0.8]], [3]))
    [[ 0.25  0.25  0.25 -0.75]]
    """
    h, w_y, p, batch = multi_margin_terms(scores, target, p, margin, weight, reduction, grad=True)
    dt = h.dtype.type
    with np.errstate(over="ignore", invalid="ignore"):
        if p == 1:
            g = np.greater(h, 0, out=h)  # 1.0 for an active term, else 0.0
        else:
            g = np.add(h, h, out=h)
        if w_y is not None:
            g *= w_y
        g /= dt(h.shape[1])
        rows, y = np.arange(h.shape[0]), batch.labels.reshape(-1)
        g[rows, y] = 0 - g.sum(axis=1)
    return scale_grad(g.reshape(batch.scores.shape), reduction, h.shape[0])
