"""``smooth_l1`` and ``smooth_l1_grad``."""

from __future__ import annotations

import numpy as np

from .._reduction import error, mean_or_sum, pred_target, reduce, sum_of_products
from .._validation import check_real, in_dtype
from ._clipped import clipped_sum
from .mae import mae, mae_grad

__all__ = ["smooth_l1", "smooth_l1_grad"]


def smooth_l1(pred, target, *, beta=1.0, reduction="mean"):
    r"""Compute the smooth L1 loss of Fast R-CNN: MAE with a rounded kink.

    Used for bounding-box regression in detectors: near zero it is a
    parabola, beyond `beta` it is :math:`|x|` shifted down, so its slope
    there is 1 whatever `beta` is.

    .. math::

        \ell_\beta(\hat y, y) =
        \begin{cases}
            \dfrac{(\hat y - y)^2}{2 \beta} & \text{if } |\hat y - y| < \beta \\
            |\hat y - y| - \tfrac{1}{2} \beta & \text{otherwise}
        \end{cases}

    Parameters
    ----------
    pred : array_like
        Predictions :math:`\hat y`, any shape.
    target : array_like
        Targets :math:`y`, the shape of `pred`.
    beta : float, default 1.0
        Width of the quadratic zone; must be >= 0 (0 gives :func:`mae`).
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; 0 is best.

    Raises
    ------
    ValueError
        If the shapes differ, `beta` is negative, `reduction` is unknown, or
        the mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    huber : ``smooth_l1(..., beta=b) == huber(..., delta=b) / b``: the two
        coincide only at ``beta = delta = 1``.
    mae : The limit ``beta = 0``.
    smooth_l1_grad : Its gradient.

    Notes
    -----
    PyTorch: ``torch.nn.functional.smooth_l1_loss``.

    It is Huber divided by `beta`, not Huber itself (:ref:`errata-smooth-l1`):
    as `beta` grows, smooth L1 tends to 0 while Huber tends to half the MSE,
    and the linear slope is 1 here but `delta` for Huber. ``beta=0`` is L1,
    as in PyTorch. NaN propagates.

    Computed as :math:`(|e| - c) + c (c / \beta) / 2` with :math:`c = \min(|e|,
    \beta)`, not Huber / `beta`: finite for a huge `beta`, exact for a
    subnormal one. A `beta` that rounds to 0 in the working dtype (below about
    1.4e-45 in float32) raises.

    References
    ----------
    .. [1] R. Girshick, "Fast R-CNN", ICCV 2015.

    Examples
    --------
    >>> from lossdocs import smooth_l1, huber
    >>> print(smooth_l1([0.5, 3.0], [0.0, 0.0], beta=2.0, reduction="none"))
    [0.0625 2.    ]
    >>> print(huber([0.5, 3.0], [0.0, 0.0], delta=2.0, reduction="none") / 2.0)
    [0.0625 2.    ]
    """
    beta = check_real(beta, "beta", low=0)
    pred, target = pred_target(pred, target, reduction)
    b = in_dtype(beta, "beta", pred.dtype)
    if beta == 0:
        return mae(pred, target, reduction=reduction)
    fi = np.finfo(pred.dtype)
    if reduction != "none" and fi.tiny**0.25 < b < fi.max**0.25:
        # Huber / beta for a beta far from the ends of the range (else the clipped e e or
        # beta |e| would lose precision to underflow where the path below does not).
        err = error(pred, target)
        total = clipped_sum(err, np.clip(err, -b, b))
        if np.isfinite(total):
            return mean_or_sum(total / b, reduction, pred.size)
    # NaN, 'none', an extreme beta, or beyond the range above: (|e| - c) + c (c / beta) / 2
    # with c = min(|e|, beta), not Huber / beta: c / beta <= 1 never overflows and |e| - c
    # is exact.
    err = error(pred, target)
    np.abs(err, out=err)
    c = np.minimum(err, b)
    err -= c
    with np.errstate(over="ignore", under="ignore"):
        c /= np.sqrt(b)  # u = c / sqrt(beta), u^2 = c (c / beta) <= beta
        if reduction == "none":
            c *= c
            c *= 0.5
            err += c
            return err
        return mean_or_sum(reduce(err, "sum") + sum_of_products(c, c) / 2, reduction, pred.size)


def smooth_l1_grad(pred, target, *, beta=1.0, reduction="mean"):
    r"""Compute the gradient of :func:`smooth_l1` with respect to `pred`.

    .. math::

        \frac{\partial \ell_\beta}{\partial \hat y_i}
        = \operatorname{clip}\left(\frac{\hat y_i - y_i}{\beta}, -1, 1\right)
        \quad (\text{divided by } n \text{ for the mean})

    Parameters
    ----------
    pred : array_like
        Predictions, any shape.
    target : array_like
        Targets, the shape of `pred`.
    beta : float, default 1.0
        Width of the quadratic zone; must be >= 0 (0 gives the sign).
    reduction : {'mean', 'sum'}, default 'mean'
        The reduction of the loss being differentiated; 'none' is refused.

    Returns
    -------
    ndarray
        The gradient, the shape of `pred`.

    Raises
    ------
    ValueError
        If the shapes differ, `beta` is negative, or `reduction` is not
        'mean' or 'sum'.
    TypeError
        If an input does not hold real numbers.

    See Also
    --------
    smooth_l1 : The loss.

    Notes
    -----
    PyTorch: none.

    With ``beta=0`` this is the subgradient of :func:`mae` (0 at a perfect
    prediction), as in PyTorch.

    Computed as :math:`\operatorname{clip}(e, -\beta, \beta) / \beta`, divided
    by :math:`\beta` before :math:`n`, so a subnormal `beta` does not flush the
    mean to 0.

    Examples
    --------
    >>> from lossdocs import smooth_l1_grad
    >>> print(smooth_l1_grad([0.5, 3.0], [0.0, 0.0], beta=2.0, reduction="sum"))
    [0.25 1.  ]
    """
    beta = check_real(beta, "beta", low=0)
    pred, target = pred_target(pred, target, reduction, grad=True)
    b = in_dtype(beta, "beta", pred.dtype)
    if beta == 0:
        return mae_grad(pred, target, reduction=reduction)
    # clip(e, -beta, beta) / beta lies in [-1, 1] (e / beta alone overflows for a tiny
    # beta), and dividing by beta before n keeps a subnormal beta from flushing to 0.
    e = error(pred, target)
    np.clip(e, -b, b, out=e)
    e /= b
    if reduction == "mean":
        e /= e.dtype.type(pred.size)
    return e
