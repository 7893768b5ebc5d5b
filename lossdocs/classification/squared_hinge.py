"""``squared_hinge`` and ``squared_hinge_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ._margin import _margins

__all__ = ["squared_hinge", "squared_hinge_grad"]


def squared_hinge(scores, target, *, margin=1.0, reduction="mean"):
    r"""Compute the squared hinge loss (the L2-SVM loss).

    The hinge loss squared: still exactly 0 once the margin :math:`y s`
    reaches `margin`, but differentiable everywhere, with a gradient that
    shrinks to 0 as a point approaches the margin and grows linearly with the
    violation (so a badly wrong point pulls harder, and an outlier more).

    .. math::

        \ell(s, y) = \max(0, \; m - y s)^2, \qquad y \in \{-1, +1\}

    Parameters
    ----------
    scores : array_like
        Real scores :math:`s` (the sign is the predicted class), any shape.
    target : array_like
        Labels :math:`y \in \{-1, +1\}`, the shape of `scores`.
    margin : float, default 1.0
        The margin :math:`m`, finite and >= 0.
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
    hinge : The unsquared loss, with a kink at the margin.
    multi_margin_loss : The multiclass form; ``p=2`` squares each term.
    squared_hinge_grad : Its gradient.

    Notes
    -----
    PyTorch: none.

    The labels follow :func:`hinge`: -1 and +1 (a 0/1 target raises, so a
    forgotten ``2 * t - 1`` cannot pass silently). PyTorch has no binary
    function for it; it is ``torch.clamp(margin - target * scores, min=0) ** 2``,
    or twice ``multi_margin_loss(..., p=2)`` on the columns
    :math:`[-s/2, s/2]` with class :math:`(y + 1) / 2` (it divides by the
    number of classes, 2).
    scikit-learn's ``LinearSVC`` minimises it by default (``loss='squared_hinge'``).
    A score far on the wrong side costs quadratically: :math:`10^4` at
    :math:`y s = -99`, where the hinge costs 100. Beyond about
    :math:`10^{154}` (float64) or :math:`10^{19}` (float32) the square
    overflows to inf, without a warning. NaN propagates.

    References
    ----------
    .. [1] C. Cortes and V. Vapnik, "Support-Vector Networks", *Machine
       Learning* 20(3), 1995 (the soft margin with squared slacks).
    .. [2] R.-E. Fan, K.-W. Chang, C.-J. Hsieh, X.-R. Wang and C.-J. Lin,
       "LIBLINEAR: A Library for Large Linear Classification", *JMLR* 9, 2008.

    Examples
    --------
    >>> from lossdocs import squared_hinge
    >>> print(squared_hinge([0.3, 2.0, 2.0], [1, 1, -1], reduction="none"))
    [0.49 0.   9.  ]
    """
    _, ys, m = _margins(scores, target, reduction, margin=margin)
    gap = np.maximum(m - ys, 0)
    with np.errstate(over="ignore"):  # beyond sqrt(max float) the square is inf, as it should
        return reduce(gap * gap, reduction)


def squared_hinge_grad(scores, target, *, margin=1.0, reduction="mean"):
    r"""Compute the gradient of :func:`squared_hinge` with respect to `scores`.

    .. math::

        \frac{\partial \ell}{\partial s_i} = -2 y_i \max(0, \; m - y_i s_i)
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    scores, target, margin, reduction
        As in :func:`squared_hinge`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`squared_hinge`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    squared_hinge : The loss.
    hinge_grad : The hinge's subgradient, a step where this one is a ramp.

    Notes
    -----
    PyTorch: none.

    Continuous, 0 at and beyond the margin: unlike the hinge there is no
    kink to choose a subgradient at. It equals autograd's gradient of
    ``torch.clamp(margin - target * scores, min=0) ** 2``.

    Examples
    --------
    >>> from lossdocs import squared_hinge_grad
    >>> print(squared_hinge_grad([0.3, 1.0, 2.0], [1, 1, -1], reduction="sum"))
    [-1.4  0.   6. ]
    """
    y, ys, m = _margins(scores, target, reduction, grad=True, margin=margin)
    gap = np.maximum(m - ys, 0)
    with np.errstate(over="ignore"):
        # "0 - ...": a point beyond the margin gets +0, not -0.
        return scale_grad(0 - 2 * y * gap, reduction, ys.size)
