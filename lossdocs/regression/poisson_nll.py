"""``poisson_nll``."""

from __future__ import annotations

import math

import numpy as np

from .._reduction import pred_target, reduce
from .._validation import check_bool, check_real, in_dtype

__all__ = ["poisson_nll"]


def poisson_nll(pred, target, *, log_input=True, full=False, eps=1e-8, reduction="mean"):
    r"""Compute the Poisson negative log-likelihood of counts under predicted rates.

    The loss for count targets (events, clicks, photons): the model predicts a
    rate :math:`\lambda`, best as its log so the rate stays positive.

    .. math::

        \ell(\hat y, y) =
        \begin{cases}
            e^{\hat y} - y \hat y & \text{if log\_input} \\
            \hat y - y \log(\hat y + \epsilon) & \text{otherwise}
        \end{cases}
        \;\left[+\ y \log y - y + \tfrac{1}{2}\log(2\pi y) \text{ for } y > 1
            \text{ if full}\right]

    Parameters
    ----------
    pred : array_like
        The predicted log-rate :math:`\hat y = \log\lambda` (``log_input=True``)
        or the rate :math:`\hat y = \lambda \ge 0`, any shape.
    target : array_like
        Observed counts :math:`y \ge 0`, the shape of `pred` (need not be
        whole numbers).
    log_input : bool, default True
        Whether `pred` is the log of the rate.
    full : bool, default False
        Add Stirling's approximation of :math:`\log y!` for targets above 1,
        the term the loss drops as a constant of the model.
    eps : float, default 1e-8
        Added to the rate inside the log when ``log_input=False``; must be >= 0.
    reduction : {'mean', 'sum', 'none'}, default 'mean'
        'none' returns the per-element losses.

    Returns
    -------
    ndarray or float
        The loss; without `full` it can be negative.

    Raises
    ------
    ValueError
        If the shapes differ, `target` is negative, `pred` is negative with
        ``log_input=False``, `eps` is negative, `reduction` is unknown, or the
        mean is taken over an empty array.
    TypeError
        If an input does not hold real numbers or a flag is not a bool.

    See Also
    --------
    gaussian_nll : The negative log-likelihood of real targets.

    Notes
    -----
    PyTorch: ``torch.nn.functional.poisson_nll_loss``.

    The same values, including the Stirling term only where :math:`y > 1`
    (at :math:`y \in \{0, 1\}` it is 0, as :math:`\log y! = 0` there). Unlike
    PyTorch, a negative count, or a negative rate with ``log_input=False``
    (PyTorch returns NaN for the log of a negative number), raises. With
    ``log_input=True`` a large `pred` overflows :math:`e^{\hat y}` to inf,
    as in PyTorch, without a warning; NaN propagates. The gradient with
    respect to the log-rate is :math:`e^{\hat y} - y`, zero at
    :math:`\lambda = y`: the maximum-likelihood rate is the count.

    References
    ----------
    .. [1] P. McCullagh and J. A. Nelder, *Generalized Linear Models*,
       2nd ed., Chapman and Hall, 1989 (the Poisson log-linear model).

    Examples
    --------
    >>> import numpy as np
    >>> from lossdocs import poisson_nll
    >>> print(poisson_nll(np.log([2.0, 3.0]), [2.0, 0.0], reduction="none"))
    [0.6137 3.    ]
    >>> print(poisson_nll([2.0, 3.0], [2.0, 0.0], log_input=False, reduction="none"))
    [0.6137 3.    ]
    >>> print(poisson_nll(np.log([2.0, 3.0]), [2.0, 0.0], full=True, reduction="none"))
    [1.2655 3.    ]
    """
    log_input = check_bool(log_input, "log_input")
    full = check_bool(full, "full")
    eps = check_real(eps, "eps", low=0, finite=True)
    pred, target = pred_target(pred, target, reduction)
    if np.any(target < 0):
        raise ValueError(f"target must hold counts >= 0, found {target[target < 0].flat[0]}")
    if not log_input and np.any(pred < 0):
        raise ValueError(
            f"pred must be a rate >= 0 when log_input=False, found {pred[pred < 0].flat[0]}"
        )
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        # exp overflows to inf and inf * 0 is NaN, as in PyTorch; no warning.
        if log_input:
            loss = np.exp(pred) - target * pred
        else:
            loss = pred - target * np.log(pred + in_dtype(eps, "eps", pred.dtype))
        if full:
            # Stirling's log y!, only where y > 1 (elsewhere log y! = 0); y = 1 stands in
            # below 1 so the log never sees 0.
            y = np.where(target > 1, target, 1)
            stirling = y * np.log(y) - y + 0.5 * np.log(2 * math.pi * y)
            loss += np.where(target > 1, stirling, 0).astype(pred.dtype, copy=False)
    return reduce(loss, reduction)
