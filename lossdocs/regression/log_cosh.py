"""``log_cosh`` and ``log_cosh_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import error, pred_target, reduce, scale_grad

__all__ = ["log_cosh", "log_cosh_grad"]


def _log_cosh(x: np.ndarray) -> np.ndarray:
    """``log(cosh(x))`` to a few ulps for every ``x``, computed in place in ``x``.

    ``log1p(2 sinh(|x| / 2)^2)`` (cosh x - 1 = 2 sinh^2(x / 2)), which keeps
    the relative accuracy of x^2 / 2 for tiny x, evaluated at ``min(|x|, 20)``
    so that sinh never overflows; beyond 20, log cosh x = |x| - log 2 +
    log1p(e^{-2|x|}) grows by exactly ``|x| - 20`` (the last term is below
    half an ulp), which is added. One pass of each ufunc over every element,
    with no mask: selecting the elements of two branches cost more than the
    arithmetic. Keras' form ``x + softplus(-2x) - log 2`` loses every digit
    below |x| ~ 1e-8: the sum is log 2 minus a rounding error. NaN propagates.
    """
    half = np.abs(x, out=x)
    half *= 0.5
    s = np.minimum(half, 10)
    np.sinh(s, out=s)
    s *= s
    s += s
    np.log1p(s, out=s)
    half -= 10
    np.maximum(half, 0, out=half)
    half += half  # |x| - 20 beyond 20, else 0
    s += half
    return s


def log_cosh(pred, target, *, reduction="mean"):
    r"""Compute the log-cosh loss: squared error near 0, absolute error far away.

    A smooth robust loss: like Huber with :math:`\delta = 1`, quadratic for
    small residuals and linear for large ones, but twice differentiable
    everywhere and with no threshold to choose.

    .. math::

        \ell(\hat y, y) = \log\cosh(\hat y - y)

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
    log_cosh_grad : Its gradient, :math:`\tanh(\hat y - y)`.
    huber : The piecewise loss it smooths.
    mse : ``log_cosh`` is ``mse / 2`` to second order near 0.

    Notes
    -----
    PyTorch: none.

    Keras: ``keras.losses.LogCosh``, which computes
    :math:`x + \operatorname{softplus}(-2x) - \log 2` and averages over the
    last axis, then over the batch: for rows of one length that is the
    'mean' here. Both forms are finite for any finite residual (the naive
    ``log(cosh(x))`` overflows from :math:`|x| \approx 710` in float64,
    89 in float32); up to :math:`|x| = 20` this one computes
    :math:`\log(1 + 2\sinh^2(x/2))`, which keeps the relative accuracy that
    Keras' form loses for tiny residuals (it returns 0 or rounding noise
    instead of :math:`x^2/2`), and beyond adds :math:`|x| - 20` to its value
    at 20 (the exact value differs by less than :math:`e^{-40}`, below half
    an ulp). NaN propagates.

    References
    ----------
    .. [1] P. Chen, G. Chen and S. Zhang, "Log Hyperbolic Cosine Loss Improves
       Variational Auto-Encoder", OpenReview, 2019.

    Examples
    --------
    >>> from lossdocs import log_cosh
    >>> print(log_cosh([0.5, 2.0, 30.0], [0.0, 0.0, 0.0], reduction="none"))
    [ 0.1201  1.325  29.3069]
    >>> print(log_cosh([1000.0], [0.0]))  # |x| - log 2 far out, where cosh overflows
    999.3068528194401
    """
    pred, target = pred_target(pred, target, reduction)
    with np.errstate(over="ignore", invalid="ignore"):  # an inf residual: inf, silently
        return reduce(_log_cosh(error(pred, target)), reduction)


def log_cosh_grad(pred, target, *, reduction="mean"):
    r"""Compute the gradient of :func:`log_cosh` with respect to `pred`.

    .. math::

        \frac{\partial \ell}{\partial \hat y_i} = \tanh(\hat y_i - y_i)
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
        The gradient, the shape of `pred`, each element in [-1, 1].

    Raises
    ------
    ValueError
        If the shapes differ or `reduction` is not 'mean' or 'sum'.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    log_cosh : The loss.

    Notes
    -----
    PyTorch: none.

    Bounded by 1 in magnitude, as Huber's gradient with :math:`\delta = 1`,
    but smooth: :math:`\tanh x \approx x` near 0, :math:`\pm 1` far away.

    Examples
    --------
    >>> from lossdocs import log_cosh_grad
    >>> print(log_cosh_grad([0.5, 2.0, -1000.0], [0.0, 0.0, 0.0], reduction="sum"))
    [ 0.4621  0.964  -1.    ]
    """
    pred, target = pred_target(pred, target, reduction, grad=True)
    return scale_grad(np.tanh(error(pred, target)), reduction, pred.size)
