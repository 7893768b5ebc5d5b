"""``quantile_loss`` and ``quantile_loss_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import error, pred_target, reduce, scale_grad
from .._validation import check_real, in_dtype

__all__ = ["quantile_loss", "quantile_loss_grad"]


def _level(quantile, dtype):
    """``quantile`` checked to lie in (0, 1), and ``(q, 1 - q)`` in the working dtype."""
    q = check_real(
        quantile, "quantile", low=0, high=1, low_open=True, high_open=True,
        why="q = 0 or 1 asks for the minimum or maximum, which no finite prediction attains",
    )  # fmt: skip
    return in_dtype(q, "quantile", dtype), in_dtype(1 - q, "1 - quantile", dtype)


def quantile_loss(pred, target, *, quantile=0.5, reduction="mean"):
    r"""Compute the quantile (pinball) loss, whose minimiser is the `quantile` of the target.

    For predicting a quantile instead of a mean: a prediction interval from
    two quantiles (say 0.05 and 0.95), a median that ignores outliers (0.5),
    or a forecast whose under- and over-prediction cost differ.

    .. math::

        \ell_q(\hat y, y) = \max\bigl(q\,u,\; (q - 1)\,u\bigr), \qquad u = y - \hat y

    Parameters
    ----------
    pred : array_like
        Predictions :math:`\hat y`, any shape.
    target : array_like
        Targets :math:`y`, the shape of `pred`.
    quantile : float, default 0.5
        The level :math:`q`, in (0, 1) open: under-prediction costs :math:`q`
        per unit, over-prediction :math:`1 - q`.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; 0 is best.

    Raises
    ------
    ValueError
        If the shapes differ, `quantile` is not in (0, 1), `reduction` is
        unknown, or the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    quantile_loss_grad : Its (sub)gradient.
    mae : ``quantile_loss(..., quantile=0.5) == mae(...) / 2``.

    Notes
    -----
    PyTorch: none.

    The check function of quantile regression (Koenker and Bassett 1978).
    Written as :math:`\max(q u, (q - 1) u)` with :math:`u = y - \hat y`, the
    form most code uses; written with :math:`\hat y - y` instead, :math:`q`
    must be swapped with :math:`1 - q`, a common source of crossed quantiles.
    At :math:`q = 1/2` it is half the absolute error. A residual beyond the
    float range gives inf without a warning; NaN propagates.

    References
    ----------
    .. [1] R. Koenker and G. Bassett, "Regression Quantiles",
       *Econometrica* 46(1), 1978.

    Examples
    --------
    >>> from lossdocs import quantile_loss
    >>> print(quantile_loss([1.0, 3.0], [2.0, 2.0], quantile=0.9, reduction="none"))
    [0.9 0.1]
    >>> print(quantile_loss([1.0, 3.0], [2.0, 2.0], quantile=0.5, reduction="none"))
    [0.5 0.5]
    """
    pred, target = pred_target(pred, target, reduction)
    q, one_minus_q = _level(quantile, pred.dtype)
    e = error(pred, target)  # e = -u: over-prediction costs 1 - q, under-prediction q
    with np.errstate(over="ignore"):
        loss = np.maximum(one_minus_q * e, -q * e)
    return reduce(loss, reduction)


def quantile_loss_grad(pred, target, *, quantile=0.5, reduction="mean"):
    r"""Compute a subgradient of :func:`quantile_loss` with respect to `pred`.

    .. math::

        \frac{\partial \ell_q}{\partial \hat y_i} =
        \begin{cases}
            -q & \text{if } \hat y_i < y_i \\
            1 - q & \text{if } \hat y_i > y_i \\
            0 & \text{if } \hat y_i = y_i
        \end{cases}
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    pred : array_like
        Predictions, any shape.
    target : array_like
        Targets, the shape of `pred`.
    quantile : float, default 0.5
        The level :math:`q`, in (0, 1) open.
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The subgradient, the shape of `pred`.

    Raises
    ------
    ValueError
        If the shapes differ, `quantile` is not in (0, 1), or `reduction` is
        not 'mean' or 'sum'.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    quantile_loss : The loss.

    Notes
    -----
    PyTorch: none.

    At :math:`\hat y = y` the subdifferential is :math:`[-q, 1 - q]`; this
    returns 0, its element of least magnitude, as ``mae_grad`` returns
    ``sign(0) = 0``. PyTorch's autograd through
    ``torch.maximum(q * u, (q - 1) * u)`` splits a tie between the two
    branches and gives :math:`\tfrac{1}{2} - q` there instead. NaN
    propagates.

    Examples
    --------
    >>> from lossdocs import quantile_loss_grad
    >>> print(quantile_loss_grad([1.0, 3.0, 2.0], [2.0, 2.0, 2.0], quantile=0.9,
    ...                          reduction="sum"))
    [-0.9  0.1  0. ]
    """
    pred, target = pred_target(pred, target, reduction, grad=True)
    q, one_minus_q = _level(quantile, pred.dtype)
    e = error(pred, target)
    grad = np.where(e > 0, one_minus_q, np.where(e < 0, -q, 0)).astype(pred.dtype, copy=False)
    grad[np.isnan(e)] = np.nan
    return scale_grad(grad, reduction, pred.size)
