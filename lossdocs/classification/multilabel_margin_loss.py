"""``multilabel_margin_loss`` and ``multilabel_margin_loss_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ._multilabel import label_rows

__all__ = ["multilabel_margin_loss", "multilabel_margin_loss_grad"]


def _lists(scores, target, reduction, grad=False):
    """Validate; return ``(x, y, length, listed)`` as 2-D rows.

    ``length[r]`` is the number of entries of row r's list (before its first
    -1) and ``listed[r, i]`` whether class i is among them.
    """
    x, y = label_rows(scores, target, reduction, grad)
    n, c = x.shape
    rows = np.arange(n)
    stop = y == -1
    length = stop.argmax(axis=1)  # the first -1, or 0 for a row without one:
    length[~stop[rows, length]] = c  # then every entry is listed
    listed = np.zeros((n, c), bool)
    for k in range(length.max(initial=0)):
        r = np.flatnonzero(length > k)
        listed[r, y[r, k]] = True
    return x, y, length, listed


def _position_hinges(x, y, length, listed):
    """Yield ``(r, j, z)`` for each position k of the target lists.

    ``r`` are the rows whose list reaches position k, ``j = y[r, k]`` their
    class there, and ``z[:, i] = max(0, 1 - x[r, j] + x[r, i])`` (PyTorch's
    order of operations), 0 where PyTorch adds nothing: i listed in the row,
    or its test ``z > 0`` false (NaN included). A loop over positions, like
    PyTorch's loop over the listed targets, keeps memory at (N, C): the
    (N, C, C) array of all (j, i) pairs made this loss 5 to 10 times slower
    than PyTorch. A class listed twice comes up at two positions, so it counts
    twice, as in PyTorch.
    """
    # A listed class i scores -inf here: its z is -inf, or NaN if x[r, j] is -inf,
    # and both become 0 below, so no pair needs a mask.
    others = np.where(listed, -np.inf, x)
    for k in range(length.max(initial=0)):
        r = np.flatnonzero(length > k)
        j = y[r, k]
        with np.errstate(over="ignore", invalid="ignore"):  # inf - inf: NaN, skipped
            z = (1 - x[r, j])[:, None] + others[r]
        yield r, j, np.fmax(z, 0, out=z)  # fmax, not maximum: NaN gives 0


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
    x, *lists = _lists(scores, target, reduction)
    loss = np.zeros(x.shape[0], x.dtype)
    with np.errstate(over="ignore"):  # a sum beyond the float range is inf
        for r, _, z in _position_hinges(x, *lists):
            loss[r] += z.sum(axis=1)
    loss /= x.dtype.type(x.shape[1])
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
    x, *lists = _lists(scores, target, reduction, grad=True)
    hits = np.zeros(x.shape, np.intp)  # how often each score is pushed up, minus down
    for r, j, z in _position_hinges(x, *lists):
        active = z > 0
        hits[r] += active  # i pushed up
        hits[r, j] -= np.count_nonzero(active, axis=1)  # j pushed down
    g = hits.astype(x.dtype)
    g /= x.dtype.type(x.shape[1])
    return scale_grad(g.reshape(np.shape(scores)), reduction, x.shape[0])
