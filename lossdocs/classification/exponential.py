"""``exponential`` and ``exponential_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import reduce, scale_grad
from ._margin import _margins

__all__ = ["exponential", "exponential_grad"]


def exponential(scores, target, *, reduction="mean"):
    r"""Compute the exponential loss of AdaBoost.

    A smooth convex surrogate of the 0-1 loss; boosting with it is AdaBoost.
    It grows exponentially with a wrong margin, so mislabelled points
    dominate it: prefer :func:`logistic` when labels are noisy.

    .. math::

        \ell(s, y) = e^{-y s}, \qquad y \in \{-1, +1\}

    Parameters
    ----------
    scores : array_like
        Real scores :math:`s`, any shape.
    target : array_like
        Labels :math:`y \in \{-1, +1\}`, the shape of `scores`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss, > 0; it tends to 0 as :math:`y s \to \infty`.

    Raises
    ------
    ValueError
        If `target` holds a value other than -1 or +1, the shapes differ,
        `reduction` is unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    logistic : Alike for good margins, only linear for bad ones.
    hinge : Piecewise linear, exactly 0 beyond the margin.
    exponential_grad : Its gradient.

    Notes
    -----
    PyTorch: none.

    It is 1 at :math:`y s = 0` and bounds the 0-1 loss from above; its
    population minimiser is half the log-odds,
    :math:`\tfrac12 \log \frac{P(y = 1)}{P(y = -1)}` [2]_. It overflows to
    ``inf`` (without a warning) only where :math:`e^{-y s}` exceeds the
    largest float, :math:`-y s > 709.78` (float32: 88.72). No PyTorch
    counterpart. NaN propagates.

    References
    ----------
    .. [1] Y. Freund and R. E. Schapire, "A Decision-Theoretic Generalization
       of On-Line Learning and an Application to Boosting", *Journal of
       Computer and System Sciences* 55(1), 1997.
    .. [2] J. Friedman, T. Hastie and R. Tibshirani, "Additive Logistic
       Regression: a Statistical View of Boosting", *Annals of Statistics*
       28(2), 2000.

    Examples
    --------
    >>> from lossdocs import exponential
    >>> print(exponential([0.0, 0.6931471805599453, 1e4], [1, -1, -1], reduction="none"))
    [ 1.  2. inf]
    """
    _, ys, _ = _margins(scores, target, reduction)
    with np.errstate(over="ignore"):
        return reduce(np.exp(-ys), reduction)


def exponential_grad(scores, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`exponential` with respect to `scores`.

    .. math::

        \frac{\partial \ell}{\partial s_i} = -y_i \, e^{-y_i s_i}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    scores, target, reduction
        As in :func:`exponential`; `reduction` must be 'mean' or 'sum'.

    Returns
    -------
    ndarray
        The gradient, the shape of `scores`.

    Raises
    ------
    ValueError
        As :func:`exponential`, and for ``reduction='none'``.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    exponential : The loss.

    Notes
    -----
    PyTorch: none.

    Its size is the loss itself: infinite exactly where the loss overflows.

    Examples
    --------
    >>> from lossdocs import exponential_grad
    >>> print(exponential_grad([0.0, 0.6931471805599453], [1, -1], reduction="sum"))
    [-1.  2.]
    """
    y, ys, _ = _margins(scores, target, reduction, grad=True)
    with np.errstate(over="ignore"):
        return scale_grad(-y * np.exp(-ys), reduction, ys.size)
