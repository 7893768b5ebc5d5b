"""``mae`` and ``mae_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import error, pred_target, reduce, scale_grad

__all__ = ["mae", "mae_grad"]


def mae(pred, target, *, reduction="mean"):
    r"""Compute the mean absolute error (MAE, L1 loss).

    Robust to outliers: its minimiser over a constant is the median of the
    targets, and every error pulls with the same force.

    .. math::

        \ell(\hat y, y) = |\hat y - y|, \qquad
        \operatorname{MAE} = \frac{1}{n} \sum_{i=1}^{n} |\hat y_i - y_i|

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
    mse : Squared error, the mean instead of the median.
    smooth_l1 : MAE with the kink at 0 rounded off.
    mae_grad : Its (sub)gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.l1_loss``.

    NaN propagates.

    References
    ----------
    .. [1] Hastie, Tibshirani and Friedman, *The Elements of Statistical
       Learning*, 2nd ed., 2009, section 10.6.

    Examples
    --------
    >>> from lossdocs import mae
    >>> print(mae([1.0, 2.0, 4.0], [1.0, 3.0, 2.0]))
    1.0
    """
    pred, target = pred_target(pred, target, reduction)
    e = error(pred, target)
    return reduce(np.abs(e, out=e), reduction)


def mae_grad(pred, target, *, reduction="mean"):
    r"""Compute a subgradient of :func:`mae` with respect to `pred`.

    .. math::

        \frac{\partial \ell}{\partial \hat y_i} = \operatorname{sign}(\hat y_i - y_i)
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    pred : array_like
        Predictions, any shape.
    target : array_like
        Targets, the shape of `pred`.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The subgradient, the shape of `pred`.

    Raises
    ------
    ValueError
        If the shapes differ or `reduction` is not 'mean' or 'sum'.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    mae : The loss.

    Notes
    -----
    PyTorch: none.

    At :math:`\hat y = y` the loss has a kink; this returns the subgradient 0
    there, as PyTorch's autograd does (``sign(0) = 0``).

    Examples
    --------
    >>> from lossdocs import mae_grad
    >>> print(mae_grad([1.0, 2.0, 4.0], [1.0, 3.0, 2.0], reduction="sum"))
    [ 0. -1.  1.]
    """
    pred, target = pred_target(pred, target, reduction, grad=True)
    e = error(pred, target)
    return scale_grad(np.sign(e, out=e), reduction, pred.size)
