"""``multilabel_margin_loss`` and ``multilabel_margin_loss_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ._multilabel import label_rows

__all__ = ["multilabel_margin_loss", "multilabel_margin_loss_grad"]


def _pair_terms(scores, target, reduction, grad=False):
    """Return ``(x, counts, outside, active, h)`` for every (target j, other i) pair.

    ``counts[r, j]`` is how often class j is listed before row r's first -1
    (a repeated index counts again, as in PyTorch); ``outside`` marks the
    classes not listed; ``h[r, j, i] = 1 - x[r, j] + x[r, i]`` in PyTorch's
    order of operations, and ``active`` is its test ``h > 0``.
    """
    x, y = label_rows(scores, target, reduction, grad)
    listed = np.cumprod(y != -1, axis=1).astype(bool)  # up to the first -1
    n, c = x.shape
    counts = np.zeros((n, c), dtype=x.dtype)
    rows = np.broadcast_to(np.arange(n)[:, None], y.shape)
    np.add.at(counts, (rows[listed], y[listed]), 1)
    outside = counts == 0
    with np.errstate(over="ignore", invalid="ignore"):
        h = (1 - x)[:, :, None] + x[:, None, :]
    pair = (counts[:, :, None] > 0) & outside[:, None, :]
    return x, counts, pair, pair & (h > 0), h


def multilabel_margin_loss(scores, target, *, reduction="mean"):
    r"""Compute PyTorch's multi-label hinge loss: every target label above every other by 1.

    A ranking loss for multi-label classification: each sample lists its
    target classes, and every pair (target :math:`j`, non-target :math:`i`)
    whose scores are closer than 1, or in the wrong order, adds a hinge.
    0 once every target class outscores every other class by at least 1.

    .. math::

        \ell_r = \frac{1}{C} \sum_{j \in T_r} \sum_{i \notin T_r}
        \max(0, \; 1 - (x_{rj} - x_{ri}))

    :math:`T_r` is the list of classes in row :math:`r` of `target` before its
    first -1.

    Parameters
    ----------
    scores : array_like, shape (C,) or (N, C)
        Class scores :math:`x`.
    target : array_like of int, shape (C,) or (N, C)
        Each row: target class indices, then -1, then anything in [-1, C)
        (ignored); a row without -1 lists C targets.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'mean' averages over the N samples.

    Returns
    -------
    ndarray or float
        The loss; 'none' gives shape () or (N,). 0 is best.

    Raises
    ------
    ValueError
        If `scores` is not (C,) or (N, C), `target` has another shape or an
        entry outside [-1, C), `reduction` is unknown, or the mean is taken
        over an empty batch.
    TypeError
        If `scores` does not hold real numbers or `target` is not integer.

    See Also
    --------
    multi_margin_loss : One target class per sample.
    multilabel_soft_margin_loss : A binary cross-entropy per label instead.
    multilabel_margin_loss_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.multilabel_margin_loss``.

    Same target format, values and reductions as PyTorch 2.13; like it,
    there is no margin argument (the margin is 1). The target is **not** a
    0/1 mask: ``[3, 0, -1, 1]`` means classes 3 and 0; the 1 after the -1
    is ignored, but must still be in [-1, C) (PyTorch checks every entry). A
    0/1 mask passed by mistake lists classes 0 and 1 only. A class listed
    twice counts twice. A row with no target (-1 first) or with every class
    listed has loss 0. This is the BP-MLL idea (Zhang and Zhou 2006) with a
    hinge instead of an exponential.

    Deliberate differences: a bad entry raises ValueError (PyTorch:
    RuntimeError); an empty batch under 'mean' raises (PyTorch returns nan).

    References
    ----------
    .. [1] M.-L. Zhang and Z.-H. Zhou, "Multilabel Neural Networks with
       Applications to Functional Genomics and Text Categorization", *IEEE
       TKDE* 18(10), 2006.

    Examples
    --------
    >>> from lossdocs import multilabel_margin_loss
    >>> x = [[0.1, 0.2, 0.4, 0.8]]
    >>> # targets 3 and 0; pairs (3,1), (3,2), (0,1), (0,2): (0.4 + 0.6 + 1.1 + 1.3) / 4
    >>> print(multilabel_margin_loss(x, [[3, 0, -1, 1]], reduction="none"))
    [0.85]
    >>> print(multilabel_margin_loss(x, [[3, -1, 0, 1]], reduction="none"))  # stops at -1
    [0.325]
    """
    x, counts, _, active, h = _pair_terms(scores, target, reduction)
    with np.errstate(over="ignore", invalid="ignore"):
        terms = np.where(active, h, 0) * counts[:, :, None]
        loss = terms.sum(axis=(1, 2)) / x.dtype.type(x.shape[1])
    return reduce(loss.reshape(np.shape(scores)[:-1]), reduction)


def multilabel_margin_loss_grad(scores, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`multilabel_margin_loss` with respect to `scores`.

    .. math::

        \frac{\partial \ell_r}{\partial x_{ri}} = \frac{1}{C} \sum_{j \in T_r}
        [h_{rji} > 0] \ (i \notin T_r), \qquad
        \frac{\partial \ell_r}{\partial x_{rj}} = -\frac{1}{C}
        \sum_{i \notin T_r} [h_{rji} > 0] \ (j \in T_r)

    with :math:`h_{rji} = 1 - x_{rj} + x_{ri}`, a listed class counted as
    often as it is listed (divided by N for the mean).

    Parameters
    ----------
    scores, target, reduction
        As in :func:`multilabel_margin_loss`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`multilabel_margin_loss`, and for ``reduction='none'``.
    TypeError
        As :func:`multilabel_margin_loss`.

    See Also
    --------
    multilabel_margin_loss : The loss.

    Notes
    -----
    PyTorch: none.

    A subgradient: a pair exactly on the margin (:math:`h = 0`) contributes
    0, as PyTorch's backward does. Each row sums to 0.

    Examples
    --------
    >>> from lossdocs import multilabel_margin_loss_grad
    >>> print(multilabel_margin_loss_grad([[0.1, 0.2, 0.4, 0.8]], [[3, 0, -1, 1]]))
    [[-0.5  0.5  0.5 -0.5]]
    """
    x, counts, _, active, _ = _pair_terms(scores, target, reduction, grad=True)
    hits = active * counts[:, :, None]  # (N, j, i)
    g = hits.sum(axis=1) - hits.sum(axis=2)  # pushed up as i, down as j
    g /= x.dtype.type(x.shape[1])
    return scale_grad(g.reshape(np.shape(scores)), reduction, x.shape[0])
