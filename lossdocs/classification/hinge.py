"""``hinge`` and ``hinge_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce
from ._margin import _margins

__all__ = ["hinge", "hinge_grad"]


def hinge(scores, target, *, margin=1.0, reduction="mean"):
    r"""Compute the hinge loss, the loss of the support vector machine.

    A convex surrogate of the 0-1 loss: 0 once the margin :math:`y s`
    reaches `margin`, linear below it, so only points inside or beyond the
    margin shape the solution.

    .. math::

        \ell(s, y) = \max(0, \; m - y s), \qquad y \in \{-1, +1\}

    Parameters
    ----------
    scores : array_like
        Real scores :math:`s` (the sign is the predicted class), any shape.
    target : array_like
        Labels :math:`y \in \{-1, +1\}`, the shape of `scores`.
    margin : float, default 1.0
        The margin :math:`m`, finite and >= 0 (0 gives the perceptron loss).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; 0 is best, reached when :math:`y s \ge m`.

    Raises
    ------
    ValueError
        If `target` holds a value other than -1 or +1, the shapes differ,
        `margin` is negative or infinite, `reduction` is unknown, or the
        mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    logistic : A smooth surrogate, never exactly 0.
    exponential : AdaBoost's surrogate, much steeper for wrong answers.
    hinge_grad : Its subgradient.

    Notes
    -----
    PyTorch: none.

    With ``margin=1`` it is 1 at :math:`y s = 0` and bounds the 0-1 loss from
    above. PyTorch has no function for it: ``torch.nn.functional.hinge_embedding_loss``
    is another loss, on distances (for :math:`y = 1` it is the input itself,
    for :math:`y = -1` it is :math:`\max(0, m - x)`). The SVM hinge is
    ``torch.clamp(margin - target * scores, min=0)``, or twice
    ``torch.nn.functional.multi_margin_loss`` on the columns :math:`[-s/2, s/2]`
    with class :math:`(y + 1) / 2` (it divides by the number of classes).
    NaN propagates.

    References
    ----------
    .. [1] C. Cortes and V. Vapnik, "Support-Vector Networks", *Machine
       Learning* 20(3), 1995.
    .. [2] T. Hastie, R. Tibshirani and J. Friedman, *The Elements of
       Statistical Learning*, 2nd ed., 2009, section 10.6 and Fig. 10.4.

    Examples
    --------
    >>> from lossdocs import hinge
    >>> print(hinge([0.3, 2.0, 2.0], [1, 1, -1], reduction="none"))
    [0.7 0.  3. ]
    """
    _, ys, m = _margins(scores, target, reduction, margin=margin)
    return reduce(np.maximum(m - ys, 0), reduction)


def hinge_grad(scores, target, *, margin=1.0, reduction="mean"):
    r"""Compute a subgradient of :func:`hinge` with respect to `scores`, 0 at the kink.

    .. math::

        \frac{\partial \ell}{\partial s_i} =
        \begin{cases} -y_i & \text{if } y_i s_i < m \\ 0 & \text{if } y_i s_i \ge m \end{cases}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    scores, target, margin, reduction
        As in :func:`hinge`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The subgradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`hinge`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    hinge : The loss.

    Notes
    -----
    PyTorch: none.

    At :math:`y s = m` every value between :math:`-y` and 0 is a subgradient.
    We take 0, the one of least norm: a point exactly on the margin has loss
    0 and is not pushed further. Autograd gives the same through
    ``torch.nn.functional.relu`` and ``multi_margin_loss``, but :math:`-y`
    through ``torch.clamp(..., min=0)`` (which ``hinge_embedding_loss`` uses).

    Examples
    --------
    >>> from lossdocs import hinge_grad
    >>> print(hinge_grad([0.3, 1.0, 2.0], [1, 1, -1], reduction="sum"))
    [-1.  0.  1.]
    """
    y, ys, m = _margins(scores, target, reduction, grad=True, margin=margin)
    # heaviside(x, 0): 1 for x > 0, 0 at the kink and below, NaN for NaN; "0 - ..." avoids -0.
    # In place in ys, the product this call owns (asarray: a 0-d input gives a scalar, and
    # [()] turns it back into one at the end): every step is exact.
    g = np.asarray(ys)
    np.subtract(m, g, out=g)
    np.heaviside(g, 0, out=g)
    g *= y
    np.subtract(0, g, out=g)
    if reduction == "mean":
        g /= g.dtype.type(g.size)
    return g if g.ndim else g[()]
