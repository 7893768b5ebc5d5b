"""``mse`` and ``mse_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import error, pred_target, reduce

__all__ = ["mse", "mse_grad"]


def mse(pred, target, *, reduction="mean"):
    r"""Compute the mean squared error (MSE, squared L2 loss).

    The default regression loss: its minimiser over a constant is the mean of
    the targets, it is smooth, and it weighs large errors quadratically, so
    outliers dominate it.

    .. math::

        \ell(\hat y, y) = (\hat y - y)^2, \qquad
        \operatorname{MSE} = \frac{1}{n} \sum_{i=1}^{n} (\hat y_i - y_i)^2

    Parameters
    ----------
    pred : array_like
        Predictions :math:`\hat y`, any shape.
    target : array_like
        Targets :math:`y`, the shape of `pred`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; 0 is best.

    Raises
    ------
    ValueError
        If the shapes differ, `reduction` is unknown, or the mean is taken
        over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    mae : Absolute error, robust to outliers.
    huber : Quadratic near zero, linear beyond `delta`.
    mse_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.mse_loss``.

    No factor 1/2 (some textbooks, e.g. Bishop, use one to tidy the
    gradient). NaN propagates.

    A value beyond the float range is inf, without a warning (as for ``exponential``).

    References
    ----------
    .. [1] Hastie, Tibshirani and Friedman, *The Elements of Statistical
       Learning*, 2nd ed., 2009, section 2.4.

    Examples
    --------
    >>> from lossdocs import mse
    >>> print(mse([1.0, 2.0, 4.0], [1.0, 3.0, 2.0]))
    1.6666666666666667
    >>> print(mse([1.0, 2.0, 4.0], [1.0, 3.0, 2.0], reduction="none"))
    [0. 1. 4.]
    """
    pred, target = pred_target(pred, target, reduction)
    e = error(pred, target)
    with np.errstate(over="ignore"):  # a square beyond the float range is inf, silently
        return reduce(np.square(e, out=e), reduction)


def mse_grad(pred, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`mse` with respect to `pred`.

    .. math::

        \frac{\partial \ell}{\partial \hat y_i} = 2 (\hat y_i - y_i)
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    pred : array_like
        Predictions, any shape.
    target : array_like
        Targets, the shape of `pred`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused
        because the gradient of a vector of losses is not one array.

    Returns
    -------
    ndarray
        The gradient, the shape of `pred`.

    Raises
    ------
    ValueError
        If the shapes differ or `reduction` is not 'mean' or 'sum'.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    mse : The loss.

    Notes
    -----
    PyTorch: none.

    The gradient grows with the error, which is why a single outlier can
    dominate an MSE fit.

    Computed as :math:`e / (n / 2)`: :math:`n/2` is exact and the gradient is
    finite wherever it is representable (:math:`2e` alone overflows above half
    the float range).

    Examples
    --------
    >>> from lossdocs import mse_grad
    >>> print(mse_grad([1.0, 2.0, 4.0], [1.0, 3.0, 2.0]))
    [ 0.     -0.6667  1.3333]
    """
    pred, target = pred_target(pred, target, reduction, grad=True)
    e = error(pred, target)
    # 2 e / n as e / (n / 2): n / 2 is exact, and the result is finite whenever it
    # is representable (2 e alone overflows for |e| above max float / 2).
    with np.errstate(over="ignore"):
        return np.divide(e, pred.dtype.type(pred.size / 2 if reduction == "mean" else 0.5), out=e)
