"""``huber`` and ``huber_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import error, mean_or_sum, pred_target, reduce, scale_grad
from .._validation import check_real, in_dtype
from ._clipped import clipped_sum

__all__ = ["huber", "huber_grad"]


def huber(pred, target, *, delta=1.0, reduction="mean"):
    r"""Compute the Huber loss: quadratic for small errors, linear for large ones.

    A robust regression loss: MSE's smooth minimum, MAE's bounded pull of
    outliers. `delta` is the error size at which it turns linear.

    .. math::

        \ell_\delta(\hat y, y) =
        \begin{cases}
            \tfrac{1}{2} (\hat y - y)^2 & \text{if } |\hat y - y| < \delta \\
            \delta \left(|\hat y - y| - \tfrac{1}{2} \delta\right) & \text{otherwise}
        \end{cases}

    Parameters
    ----------
    pred : array_like
        Predictions :math:`\hat y`, any shape.
    target : array_like
        Targets :math:`y`, the shape of `pred`.
    delta : float, default 1.0
        Where the loss changes from quadratic to linear; must be > 0.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; 0 is best.

    Raises
    ------
    ValueError
        If the shapes differ, `delta` is not positive, `reduction` is
        unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    smooth_l1 : ``huber(..., delta=d) == d * smooth_l1(..., beta=d)``.
    mse : The limit as `delta` grows: ``huber -> mse / 2``.
    huber_grad : Its gradient, the error clipped to ``[-delta, delta]``.

    Notes
    -----
    PyTorch: ``torch.nn.functional.huber_loss``.

    The linear part is written as :math:`\delta(|x| - \delta/2)`, continuous
    with slope :math:`\delta`; the gradient is the error clipped to
    :math:`[-\delta, \delta]`. NaN propagates.
    PyTorch: ``torch.nn.functional.huber_loss``.

    A value beyond the float range is inf, without a warning (as for
    ``exponential``). A `delta` that rounds to 0 in the working dtype
    raises.

    References
    ----------
    .. [1] P. J. Huber, "Robust Estimation of a Location Parameter",
       *Annals of Mathematical Statistics* 35(1), 1964.

    Examples
    --------
    >>> from lossdocs import huber
    >>> print(huber([0.5, 3.0], [0.0, 0.0], reduction="none"))
    [0.125 2.5  ]
    >>> print(huber([0.5, 3.0], [0.0, 0.0], delta=2.0, reduction="none"))
    [0.125 4.   ]
    """
    delta = check_real(delta, "delta", low=0, low_open=True)
    pred, target = pred_target(pred, target, reduction)
    d = in_dtype(delta, "delta", pred.dtype)
    if reduction != "none":
        err = error(pred, target)
        total = clipped_sum(err, np.clip(err, -d, d))
        if not np.isnan(total):
            return mean_or_sum(total, reduction, pred.size)
    # NaN, 'none', or inf - inf above: 2 h (err - h) with h = min(err, delta) / 2 is err^2 / 2
    # below delta, delta (err - delta / 2) above, one expression on two buffers this call owns.
    err = error(pred, target)
    np.abs(err, out=err)
    h = np.minimum(err, d)
    h *= 0.5
    err -= h
    with np.errstate(over="ignore"):  # a loss beyond the float range is inf, silently
        h *= err
        h *= 2
        return h if reduction == "none" else mean_or_sum(reduce(h, "sum"), reduction, pred.size)


def huber_grad(pred, target, *, delta=1.0, reduction="mean"):
    r"""Compute the gradient of :func:`huber` with respect to `pred`.

    .. math::

        \frac{\partial \ell_\delta}{\partial \hat y_i}
        = \operatorname{clip}(\hat y_i - y_i, -\delta, \delta)
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    pred : array_like
        Predictions, any shape.
    target : array_like
        Targets, the shape of `pred`.
    delta : float, default 1.0
        Where the loss changes from quadratic to linear; must be > 0.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `pred`.

    Raises
    ------
    ValueError
        If the shapes differ, `delta` is not positive, or `reduction` is not
        'mean' or 'sum'.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    huber : The loss.

    Notes
    -----
    PyTorch: none.

    The loss is continuously differentiable, so this is its true gradient
    everywhere.

    Examples
    --------
    >>> from lossdocs import huber_grad
    >>> print(huber_grad([0.5, 3.0, -3.0], [0.0, 0.0, 0.0], reduction="sum"))
    [ 0.5  1.  -1. ]
    """
    delta = check_real(delta, "delta", low=0, low_open=True)
    pred, target = pred_target(pred, target, reduction, grad=True)
    d = in_dtype(delta, "delta", pred.dtype)
    e = error(pred, target)
    return scale_grad(np.clip(e, -d, d, out=e), reduction, pred.size)
